"""Scene pictures and watcher icons.

A scene's picture is an SVG file (`game.content.pictures` says which file and checks that it
is safe), drawn by pygame-ce's `pygame.image.load_sized_svg` at the exact size it is shown,
so it is crisp at any window size and text size. Each drawing is kept per size, so a still
picture costs one blit a frame.

A picture may have one part that blinks (an element with id="blink": a camera's light, rain
that glints). It is drawn twice, with and without that part, and the two take turns every
`BLINK` seconds; with reduced motion the picture holds still, the part shown. A picture that
cannot be read (missing, refused, broken) draws a quiet placeholder and says why, once, on
stderr: the window always works.
"""
from __future__ import annotations

import io
import math
import sys
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import pygame

from ..content.pictures import PictureProblem, Svg, picture_path, read_svg
from . import paint
from .art_icons import draw_watcher_icon

BLINK = 0.8            # seconds each half of a blink lasts
MAX_DRAWINGS = 24      # drawings kept (340x255: about 350 KB each)

_warned: set[str] = set()
_drawings: OrderedDict = OrderedDict()


def _warn(what: str, why: str) -> None:
    if what not in _warned:
        _warned.add(what)
        print(f"sincerity: the picture {what} cannot be drawn: {why}", file=sys.stderr)


@lru_cache(maxsize=128)
def svg_of(art_name: str, folder: Path | None = None) -> Svg | None:
    """The checked SVG a scene's `art` names (a level's own from `folder`), or None."""
    try:
        return read_svg(picture_path(art_name, folder))
    except PictureProblem as problem:
        _warn(art_name, str(problem))
        return None


def animated(art_name: str, folder: Path | None = None) -> bool:
    """Whether this picture moves (when motion is allowed): it has a part that blinks."""
    svg = svg_of(art_name, folder)
    return svg is not None and svg.blinks


def frame_of(art_name: str, t: float, reduced: bool, folder: Path | None = None) -> int:
    """0 when the blinking part shows (always, when still), 1 when it is hidden."""
    if reduced or not animated(art_name, folder):
        return 0
    try:
        return int(t / BLINK) % 2
    except (TypeError, ValueError, OverflowError):
        return 0


def art_folder(chapter) -> Path | None:
    """The folder of a chapter's level file, where its own pictures are (None if none)."""
    path = getattr(chapter, "path", None)
    return Path(path).resolve().parent if path else None


class Illustration:
    """One screen's picture: blitted when it changes (or when asked), drawn once per look."""

    def __init__(self):
        self._shown: tuple | None = None

    def draw(self, surf, rect, art_name: str, palette: dict, t: float, reduced: bool,
             force: bool = True, corners: tuple | None = None, ahead: bool = False,
             folder: Path | None = None) -> bool:
        """Blit the picture; unless `force`, only when it changed. True if it was blitted.

        `corners` = (radius, colour) rounds the picture's corners onto that background.
        `ahead`: this frame has time to spare, so the other half of a blink is drawn now.
        `folder`: the level's folder, where a level's own pictures are."""
        rect = pygame.Rect(rect)
        number = frame_of(art_name, t, reduced, folder)
        look = (art_name, folder, rect.size, number, corners, palette.get("shade"))
        if look != self._shown:
            self._shown, force = look, True
        if force:
            surf.blit(picture(art_name, folder, rect.size, number, palette, corners), rect)
        if ahead and animated(art_name, folder):
            picture(art_name, folder, rect.size, 1 - number, palette, corners)
        return force


def picture(art_name: str, folder: Path | None, size: tuple, number: int, palette: dict,
            corners: tuple | None) -> pygame.Surface:
    """The picture at this size (and half of its blink), drawn once and kept."""
    svg = svg_of(art_name, folder)
    key = (svg, art_name, size, number, corners, palette.get("shade"))
    img = _drawings.get(key)
    if img is not None:
        _drawings.move_to_end(key)
        return img
    img = pygame.Surface(size)
    if pygame.display.get_surface() is not None:
        img = img.convert()
    drawn = svg is not None and _render(img, svg, number, art_name)
    if not drawn:
        placeholder_art(img, img.get_rect(), palette)
    if corners:
        paint.round_corners(img, *corners)
    _drawings[key] = img
    while len(_drawings) > MAX_DRAWINGS:
        _drawings.popitem(last=False)
    return img


def _render(img: pygame.Surface, svg: Svg, number: int, art_name: str) -> bool:
    """Draw the SVG so that it covers `img` (cropping the edges of a picture whose shape
    differs, never stretching it). False if the SVG renderer refused it."""
    w, h = img.get_size()
    scale = max(w / svg.width, h / svg.height)
    size = (max(1, math.ceil(svg.width * scale)), max(1, math.ceil(svg.height * scale)))
    text = svg.text if number == 0 else svg.without_blink()
    try:
        drawing = pygame.image.load_sized_svg(io.BytesIO(text.encode("utf-8")), size)
    except (pygame.error, ValueError) as exc:
        _warn(art_name, str(exc))
        return False
    img.fill((255, 255, 255))
    img.blit(drawing, drawing.get_rect(center=(w // 2, h // 2)))
    return True


def watcher_icon(surf, rect, icon_name: str, color) -> None:
    """A watcher's icon (art_icons keeps one drawing per icon, size and colour)."""
    draw_watcher_icon(surf, rect, icon_name, color)


def placeholder_art(surf, rect, palette: dict) -> None:
    """A calm stand-in for a picture that cannot be drawn: sky, ground, a lens."""
    surf.fill(palette["shade"], rect)
    ground = pygame.Rect(rect.x, rect.y + rect.h * 2 // 3, rect.w, rect.h // 3 + 1)
    surf.fill(palette["line"], ground)
    lens = (rect.right - 34, rect.y + 30)
    pygame.draw.circle(surf, palette["accent"], lens, 14, 3)
    pygame.draw.circle(surf, palette["accent"], lens, 4)
