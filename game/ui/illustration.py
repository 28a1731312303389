"""Scene illustrations and watcher icons, through `game.ui.art` when it is there.

The pictures are drawn by `art.draw_scene_art(surface, rect, art_name, palette, t,
reduced_motion)` and `art.draw_watcher_icon(surface, rect, icon_name, color)`. Until that module
exists (or if it fails) a quiet placeholder is drawn instead, so the window always works.
Both are drawn into cached surfaces: an icon once per size and colour, a scene once per look
(`art.animation_frame`), so a moving picture is drawn a few times and then only blitted.
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
    """One scene's picture, cached: one drawing per animation frame number.

    An animated picture has few distinct looks (a blinking LED, a ticker's eight steps), so
    each is drawn once and then only blitted: drawing a scene costs about a millisecond of
    Python, a blit a few hundredths of that. While the picture moves, each frame with time to
    spare (`ahead`: nothing else was drawn afresh) also draws one look still to come, up to
    `LOOK_AHEAD` seconds on (every loop the scenes have), so the drawing is spread over the
    first frames of a scene instead of landing in a frame 8 times a second for as long as
    the scene is shown.
    """

    MAX_FRAMES = 32          # drawings kept per picture (340x255: about 350 KB each)
    LOOK_AHEAD = 120.0       # seconds of animation whose looks are drawn in advance
    SCAN_PER_FRAME = 24      # animation frames looked at per screen frame

    def __init__(self):
        self._frames: dict[int, pygame.Surface] = {}
        self._look = None
        self._palette = None
        self._shown: int | None = None
        self._ahead = 0          # animation frames before this one are all drawn

    def draw(self, surf, rect, art_name: str, palette: dict, t: float, reduced: bool,
             force: bool = True, corners: tuple | None = None, ahead: bool = False) -> bool:
        """Blit the picture; unless `force`, only when it changed. True if it was blitted.

        `corners` = (radius, colour) rounds the picture's corners onto that background.
        `ahead`: this frame has time to spare, so a look still to come may be drawn."""
        rect = pygame.Rect(rect)
        look = (art_name, rect.size, reduced, corners)
        if look != self._look or palette is not self._palette:
            self._frames.clear()
            self._look, self._palette, self._shown, self._ahead = look, palette, None, 0
        number = frame_of(art_name, t, reduced)
        img = self._frames.get(number)
        drew = img is None
        if drew:
            img = self._render(number, rect.size, art_name, palette, t, reduced, corners)
        if number != self._shown:
            self._shown, force = number, True
        if force:
            surf.blit(img, rect)
        if ahead and not drew and not reduced and animated(art_name):
            self._draw_ahead(rect.size, art_name, palette, t, corners)
        return force

    def _render(self, number, size, art_name, palette, t, reduced, corners) -> pygame.Surface:
        if len(self._frames) >= self.MAX_FRAMES:
            del self._frames[next(iter(self._frames))]
        img = pygame.Surface(size).convert()
        local = img.get_rect()
        drawn = False
        if art_available():
            try:
                _art.draw_scene_art(img, local, art_name, palette, t, reduced)
                drawn = True
            except Exception as exc:  # noqa: BLE001
                _warn("draw_scene_art", exc)
        if not drawn:
            placeholder_art(img, local, art_name, palette)
        if corners:
            paint.round_corners(img, *corners)
        self._frames[number] = img
        return img

    def _draw_ahead(self, size, art_name, palette, t, corners) -> None:
        """Draw the first look of the coming animation not drawn yet, if any."""
        fps = getattr(_art, "ANIMATION_FPS", ART_FPS)
        now = int(t * fps)
        first = max(self._ahead, now + 1)
        last = min(now + int(self.LOOK_AHEAD * fps), first + self.SCAN_PER_FRAME)
        for i in range(first, last):
            when = (i + 0.5) / fps            # the middle of that animation frame
            number = frame_of(art_name, when, False)
            if number not in self._frames:
                if len(self._frames) < self.MAX_FRAMES:
                    self._render(number, size, art_name, palette, when, False, corners)
                self._ahead = i + 1
                return
        self._ahead = max(self._ahead, last)


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
