"""Scene illustrations and watcher icons, drawn in code (no image files).

Public API:

- ``draw_scene_art(surface, rect, art_name, palette, t=0.0, reduced_motion=False)``
- ``has_animation(art_name) -> bool`` and ``animation_frame(art_name, t, reduced_motion)``
  (the frame number changes exactly when the t-dependent parts of the drawing change, so
  a caller caching the picture knows when to redraw)
- ``draw_watcher_icon(surface, rect, icon_name, color)``
- ``draw_padlock(surface, rect, color)`` and ``draw_star(surface, center, radius, color, filled)``

Style: flat and geometric, a calm civic palette derived from the caller's palette (slate
tones blended from ink and background, one warm accent), and a little uncanny: cameras on
poles, screens everywhere, the score visible in the world. Scenes are composed on a
160x100 design canvas scaled into the target rect; see ``art_kit``.
"""

from __future__ import annotations

import math

import pygame

from game.ui import art_scenes_city, art_scenes_home, art_scenes_inst, art_scenes_travel
from game.ui.art_icons import draw_padlock, draw_star, draw_watcher_icon
from game.ui.art_kit import FPS, Pen, blink_at, quantise, step_at, tones_for

__all__ = ["draw_scene_art", "has_animation", "animation_frame", "draw_watcher_icon",
           "draw_padlock", "draw_star", "SCENES"]

SCENES: dict = {}
_ANIMATED: set[str] = set()
for _mod in (art_scenes_home, art_scenes_city, art_scenes_travel, art_scenes_inst):
    SCENES.update(_mod.SCENES)
    _ANIMATED.update(_mod.ANIMATED)

# Every animated detail is quantised to this many frames per second (blinking LEDs,
# tickers, scan lines), so callers need not redraw more often.
ANIMATION_FPS = FPS


def has_animation(art_name: str) -> bool:
    """True if the named illustration changes with ``t`` (when motion is allowed)."""
    return art_name in _ANIMATED


def animation_frame(art_name: str, t: float, reduced_motion: bool = False) -> int:
    """The picture's animation frame at time t: which of its few looks it shows.

    Two times with the same number draw exactly the same picture, and the number changes
    only when the picture does, so a caller can keep one drawing per number. A scene takes
    `t` only through `Pen.blink` and `Pen.step` (art_kit), so the number encodes what those
    calls return at t (each blink 0 or 1, each step 0 to n-1); the calls a scene makes are
    found once, by drawing it on a tiny surface. 0 when still."""
    if reduced_motion or art_name not in _ANIMATED:
        return 0
    try:
        t = quantise(float(t))
    except (TypeError, ValueError, OverflowError):   # not a number, nan, infinite
        return 0
    number = 0
    for call in _time_calls(art_name):
        if call[0] == "blink":
            number = number * 2 + blink_at(t, *call[1:])
        else:
            number = number * call[2] + step_at(t, *call[1:])
    return number


_TIME_CALLS: dict[str, tuple] = {}


def _time_calls(art_name: str) -> tuple:
    """The blink and step calls drawing this scene makes (the same at any t, size, palette)."""
    calls = _TIME_CALLS.get(art_name)
    if calls is None:
        probe = pygame.Surface((16, 10))
        pen = Pen(probe, probe.get_rect(), tones_for(None), 0.0, True, seed=art_name)
        pen.time_calls = []
        try:
            SCENES[art_name](pen)
        except Exception:  # pragma: no cover - drawn as the fallback, which never moves
            pen.time_calls = []
        calls = _TIME_CALLS[art_name] = tuple(pen.time_calls)
    return calls


def _fallback(pen: Pen) -> None:
    """Neutral picture: a quiet horizon with a distant skyline."""
    k = pen.k
    pen.band(0, 62, k.sky)
    pen.band(62, 100, k.floor)
    x = pen.L
    i = 0
    while x < pen.R:
        w = 9 + (i * 7) % 6
        h = 14 + (i * 13) % 17
        pen.rect(x, 62 - h, w, h, k.c1 if i % 2 else k.c2, edge=None)
        x += w + 1.5
        i += 1
    pen.band(62, 64, k.floor2)


def draw_scene_art(surface: pygame.Surface, rect, art_name: str, palette: dict,
                   t: float = 0.0, reduced_motion: bool = False) -> None:
    """Draw the named illustration filling ``rect``. Unknown names draw a neutral scene."""
    rect = pygame.Rect(rect)
    if rect.w <= 0 or rect.h <= 0:
        return
    try:
        t = float(t)
        if not math.isfinite(t):
            t = 0.0
    except (TypeError, ValueError):
        t = 0.0
    tones = tones_for(palette)
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    try:
        name = art_name if isinstance(art_name, str) else ""
        pen = Pen(surface, rect, tones, t, not reduced_motion, seed=name)
        fn = SCENES.get(name)
        if fn is None:
            _fallback(pen)
        else:
            try:
                fn(pen)
            except Exception:  # pragma: no cover - art must never crash the game
                pen.fill(tones.bg)
                _fallback(pen)
    finally:
        surface.set_clip(old_clip)
