"""Moments of watching, drawn over the scene's picture: the core's `Watched` events.

Each moment has a figure in the picture's top corner and a caption line along its bottom
(the words are the same as the text mode's, `core.strings.moment_line`), and a sound cue.
The figure moves for under a second (a camera turns toward you, a red light comes on and
glows, a phone shakes, an eye turns from a screen to you) and then holds its last pose until
the next scene. With reduced motion the last pose is drawn at once; with the sound off the
caption says it all. Nothing here knows, or shows, whether anything recorded.
"""
from __future__ import annotations

import math

import pygame

from ..core.strings import moment_line
from . import paint
from .fx import ease_out

MOTION_SECONDS = 0.9
MAX_SHOWN = 3         # more than this in one scene: the first three (the caption says so)
BADGE = 54
RED = (214, 48, 44)
CUES = {"camera": "cue_camera", "light": "cue_light", "buzz": "cue_buzz",
        "glance": "cue_glance"}


class Moments:
    """The moments of the last choice, while the screen lingers on it."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []   # (look, caption)
        self.age = 0.0

    def set(self, watched) -> None:
        """The `Watched` events of a choice (any others are ignored)."""
        self.shown = [(e.look, moment_line(e.name, e.look)) for e in watched][:MAX_SHOWN]
        self.age = 0.0

    def clear(self) -> None:
        self.shown = []

    def cues(self) -> list[str]:
        """The sound of each kind of moment shown, once each."""
        return list(dict.fromkeys(CUES[look] for look, _ in self.shown if look in CUES))

    def update(self, dt: float) -> None:
        if self.shown:
            self.age += dt

    def moving(self, reduced: bool) -> bool:
        return bool(self.shown) and not reduced and self.age < MOTION_SECONDS

    def stamp(self, reduced: bool) -> tuple:
        """Changes whenever what is drawn changes (each frame while moving)."""
        if not self.shown:
            return ()
        progress = 1.0 if reduced else min(1.0, self.age / MOTION_SECONDS)
        return (tuple(self.shown), round(progress, 3))

    def draw(self, surf, rect, ui, reduced: bool) -> None:
        """Figures in the picture's top right corner, captions along its bottom."""
        if not self.shown:
            return
        k = 1.0 if reduced else min(1.0, self.age / MOTION_SECONDS)
        x = rect.right - 10 - BADGE
        for look, _ in self.shown:
            badge = pygame.Rect(x, rect.y + 10, BADGE, BADGE)
            _badge(surf, badge)
            FIGURES.get(look, _glance)(surf, badge, k)
            x -= BADGE + 8
        _captions(surf, rect, ui, [caption for _, caption in self.shown])


_plates: dict = {}


def _plate(size: tuple[int, int], radius: int, alpha: int) -> pygame.Surface:
    """A see-through dark plate, made once per size."""
    key = (size, radius, alpha)
    if key not in _plates:
        plate = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.rect(plate, (20, 24, 32, alpha), plate.get_rect(), 0, radius)
        _plates[key] = plate
    return _plates[key]


def _badge(surf, rect) -> None:
    """A dark, rounded plate, so the figure reads on any picture."""
    surf.blit(_plate(rect.size, 12, 215), rect)
    pygame.draw.rect(surf, (240, 240, 236), rect, 1, 12)


def _captions(surf, rect, ui, captions: list[str]) -> None:
    """Each caption whole, wrapped (never cut), on a dark strip along the picture's bottom."""
    th, cache = ui.theme, ui.cache
    font = th.font("small_strong")
    layouts = [cache.layout(font, caption, rect.w - 20, th.line_height("small_strong"))
               for caption in captions]
    h = sum(lay.height for lay in layouts) + 12
    strip = pygame.Rect(rect.x, rect.bottom - h, rect.w, h)
    surf.blit(_plate(strip.size, 0, 225), strip)
    y = strip.y + 6
    for lay in layouts:
        y = paint.lines(surf, cache, font, lay, (250, 250, 246), rect.x + 10, y, box=strip)


def _camera(surf, rect, k: float) -> None:
    """A camera on an arm that turns from the side until its lens looks straight out."""
    k = ease_out(k)
    cx, cy = rect.center
    ink = (236, 236, 232)
    pygame.draw.line(surf, ink, (rect.x + 8, rect.y + 12), (cx - 6, cy - 6), 3)
    width = round(34 - 14 * k)
    body = pygame.Rect(0, 0, width, 20)
    body.center = (cx + round(6 * (1 - k)), cy + 2)
    pygame.draw.rect(surf, ink, body, 0, 5)
    lens = (body.centerx + round(13 * (1 - k)), body.centery)
    pygame.draw.circle(surf, (20, 24, 32), lens, round(4 + 5 * k))
    pygame.draw.circle(surf, (120, 170, 240), lens, round(2 + 3 * k))


def _light(surf, rect, k: float) -> None:
    """A small box whose red light comes on and glows."""
    cx, cy = rect.center
    box = pygame.Rect(0, 0, 34, 22)
    box.center = (cx, cy + 6)
    pygame.draw.rect(surf, (236, 236, 232), box, 0, 5)
    on = min(1.0, k * 3)
    glow = round(6 + 8 * k)
    halo = pygame.Surface((glow * 2 + 2, glow * 2 + 2), pygame.SRCALPHA)
    pygame.draw.circle(halo, (*RED, round(110 * on)), (glow + 1, glow + 1), glow)
    surf.blit(halo, (cx - glow - 1, cy - 12 - glow - 1))
    pygame.draw.circle(surf, RED if on >= 1 else (120, 60, 60), (cx, cy - 12), 5)


def _buzz(surf, rect, k: float) -> None:
    """A phone that shakes, with the marks of its buzz either side."""
    cx, cy = rect.center
    shake = 0 if k >= 1 else round(3 * math.sin(k * 40) * (1 - k))
    phone = pygame.Rect(0, 0, 20, 34)
    phone.center = (cx + shake, cy)
    ink = (236, 236, 232)
    pygame.draw.rect(surf, ink, phone, 0, 4)
    pygame.draw.rect(surf, (120, 170, 240), phone.inflate(-6, -10), 0, 2)
    for side in (-1, 1):
        x = cx + side * 17
        pygame.draw.arc(surf, ink, (x - 5, cy - 9, 10, 18),
                        -math.pi / 2 if side > 0 else math.pi / 2,
                        math.pi / 2 if side > 0 else 3 * math.pi / 2, 2)


def _glance(surf, rect, k: float) -> None:
    """An eye beside a small screen: it looks at the screen, then at you."""
    k = ease_out(k)
    cx, cy = rect.center
    ink = (236, 236, 232)
    screen = pygame.Rect(rect.x + 7, rect.bottom - 18, 16, 11)
    pygame.draw.rect(surf, (120, 170, 240), screen, 0, 2)
    eye = pygame.Rect(0, 0, 34, 20)
    eye.center = (cx + 4, cy - 4)
    pygame.draw.ellipse(surf, ink, eye)
    pupil = (eye.centerx - round(8 * (1 - k)), eye.centery + round(4 * (1 - k)))
    pygame.draw.circle(surf, (20, 24, 32), pupil, 6)


FIGURES = {"camera": _camera, "light": _light, "buzz": _buzz, "glance": _glance}
