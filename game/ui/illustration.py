"""Scene illustrations and watcher icons, through `game.ui.art` when it is there.

The pictures are drawn by `art.draw_scene_art(surface, rect, art_name, palette, t,
reduced_motion)` and `art.draw_watcher_icon(surface, rect, icon_name, color)`. Until that module
exists (or if it fails) a quiet placeholder is drawn instead, so the window always works.
Both are drawn into cached surfaces: an icon once per size and colour, a scene once while it
is still and at most `ART_FPS` times a second while it moves.
"""
from __future__ import annotations

import sys

import pygame

from . import paint

ART_FPS = 12

try:
    from . import art as _art
except Exception as _exc:  # noqa: BLE001 - a broken art module must not stop the game
    _art = None
    _ART_ERROR = _exc
else:
    _ART_ERROR = None

_warned: set[str] = set()


def _warn(what: str, exc: BaseException) -> None:
    if what not in _warned:
        _warned.add(what)
        print(f"sincerity: {what} failed ({exc!r}); drawing a placeholder", file=sys.stderr)


def art_available() -> bool:
    return _art is not None and hasattr(_art, "draw_scene_art")


def animated(art_name: str) -> bool:
    """Whether this picture moves (when motion is allowed)."""
    if not art_available():
        return False
    has = getattr(_art, "has_animation", None)
    try:
        return bool(has(art_name)) if has else True
    except Exception:  # noqa: BLE001
        return False


def frame_of(art_name: str, t: float, reduced: bool) -> int:
    """The picture's animation frame: it is redrawn only when this changes."""
    if reduced or not art_available():
        return 0
    fn = getattr(_art, "animation_frame", None)
    try:
        return int(fn(art_name, t, reduced)) if fn else int(t * ART_FPS)
    except Exception:  # noqa: BLE001
        return 0


class Illustration:
    """One scene's picture, cached."""

    def __init__(self):
        self._surf: pygame.Surface | None = None
        self._key = None

    def draw(self, surf, rect, art_name: str, palette: dict, t: float, reduced: bool,
             force: bool = True, corners: tuple | None = None) -> bool:
        """Blit the picture; unless `force`, only when it changed. True if it was blitted.

        `corners` = (radius, colour) rounds the picture's corners onto that background."""
        rect = pygame.Rect(rect)
        key = (art_name, rect.size, id(palette), reduced, frame_of(art_name, t, reduced),
               corners)
        if key != self._key or self._surf is None:
            self._render(rect.size, art_name, palette, t, reduced)
            if corners:
                paint.round_corners(self._surf, *corners)
            self._key = key
            force = True
        if force:
            surf.blit(self._surf, rect)
        return force

    def _render(self, size, art_name, palette, t, reduced) -> None:
        if self._surf is None or self._surf.get_size() != size:
            self._surf = pygame.Surface(size).convert()
        local = self._surf.get_rect()
        if art_available():
            try:
                _art.draw_scene_art(self._surf, local, art_name, palette, t, reduced)
                return
            except Exception as exc:  # noqa: BLE001
                _warn("draw_scene_art", exc)
        placeholder_art(self._surf, local, art_name, palette)


_icons: dict = {}


def watcher_icon(surf, rect, icon_name: str, color) -> None:
    """A watcher's icon, drawn once per (icon, size, colour) and reused."""
    rect = pygame.Rect(rect)
    key = (icon_name, rect.size, tuple(color))
    img = _icons.get(key)
    if img is None:
        img = pygame.Surface(rect.size, pygame.SRCALPHA)
        local = img.get_rect()
        drawn = False
        if _art is not None and hasattr(_art, "draw_watcher_icon"):
            try:
                _art.draw_watcher_icon(img, local, icon_name, color)
                drawn = True
            except Exception as exc:  # noqa: BLE001
                _warn("draw_watcher_icon", exc)
        if not drawn:
            placeholder_icon(img, local, icon_name, color)
        if len(_icons) > 300:
            _icons.clear()
        _icons[key] = img
    surf.blit(img, rect)


def placeholder_art(surf, rect, art_name: str, palette: dict) -> None:
    """A calm stand-in: sky, horizon, a few blocks, and a lens in the corner."""
    surf.fill(palette["shade"], rect)
    ground = pygame.Rect(rect.x, rect.y + rect.h * 2 // 3, rect.w, rect.h // 3 + 1)
    surf.fill(palette["line"], ground)
    seed = sum(ord(c) for c in art_name)
    for i in range(5):
        w = rect.w // 9 + (seed * (i + 3)) % (rect.w // 8)
        h = rect.h // 5 + (seed * (i + 7)) % (rect.h // 3)
        x = rect.x + 12 + i * rect.w // 5
        pygame.draw.rect(surf, palette["muted"], (x, ground.y - h, w, h), 0, 3)
    lens = (rect.right - 34, rect.y + 30)
    pygame.draw.circle(surf, palette["accent"], lens, 14, 3)
    pygame.draw.circle(surf, palette["accent"], lens, 4)


def placeholder_icon(surf, rect, icon_name: str, color) -> None:
    """An eye: the generic watcher."""
    cx, cy = rect.center
    w, h = rect.w * 0.8, rect.h * 0.45
    eye = pygame.Rect(0, 0, w, h)
    eye.center = (cx, cy)
    pygame.draw.ellipse(surf, color, eye, max(2, rect.w // 14))
    pygame.draw.circle(surf, color, (cx, cy), max(3, rect.w // 7))
