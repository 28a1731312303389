"""Rendered text, cached: a line is rendered once and reused while it is unchanged.

The cache is a dirty-flag cache in the Game Programming Patterns sense: the key is everything
the pixels depend on (font face and size, text, colour; and for wrapping, the width), so a
change of any of them is a miss and an unchanged line is never rendered twice. It is bounded
(least recently used entries go first) both in entries and in the bytes of its pictures: a long
session through many chapters, text sizes and contrasts would otherwise keep thousands of
wide lines (a 990-pixel line is ~150 KB) and grow to hundreds of megabytes.
`enabled = False` turns it into the baseline the benchmark compares with: every call renders
and wraps afresh.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

import pygame

from ..safetext import shown

ELLIPSIS = "…"
FIT_CHARS = 1000  # characters of a text `fit` measures at most


class TextLayout(NamedTuple):
    """Wrapped text: its lines, where each starts in the text, and its size."""
    lines: tuple[str, ...]
    starts: tuple[int, ...]   # character offset of each line (for the typewriter)
    line_height: int
    width: int                # the widest line, in pixels
    chars: int                # characters in all lines

    @property
    def height(self) -> int:
        return len(self.lines) * self.line_height


class TextCache:
    def __init__(self, limit: int = 4000, byte_limit: int = 24 * 1024 * 1024):
        self.enabled = True
        self.limit = limit
        self.byte_limit = byte_limit
        self._bytes = 0           # pixels held by the cached surfaces
        self.renders = 0          # real renders (misses), for tests and the benchmark
        self._surfaces: OrderedDict = OrderedDict()
        self._layouts: OrderedDict = OrderedDict()
        self._fits: OrderedDict = OrderedDict()

    def clear(self) -> None:
        self._surfaces.clear()
        self._layouts.clear()
        self._fits.clear()
        self._bytes = 0

    # ---- single lines
    def render(self, font: pygame.font.Font, text: str, color) -> pygame.Surface:
        """The line rendered in this font and colour (antialiased, transparent background)."""
        key = (font, text, tuple(color))
        if self.enabled:
            surf = self._surfaces.get(key)
            if surf is not None:
                self._surfaces.move_to_end(key)
                return surf
        surf = font.render(shown(text), True, color)
        self.renders += 1
        if self.enabled:
            self._surfaces[key] = surf
            self._bytes += _size(surf)
            while len(self._surfaces) > 1 and (len(self._surfaces) > self.limit or
                                               self._bytes > self.byte_limit):
                self._bytes -= _size(self._surfaces.popitem(last=False)[1])
        return surf

    def fit(self, font: pygame.font.Font, text: str, width: int) -> str:
        """The text, cut with an ellipsis if it is wider than `width` (cached: a long title
        is measured once, not on every frame)."""
        key = (font, text, width)
        found = self._fits.get(key) if self.enabled else None
        if found is None:
            found = _fit(font, shown(text[:FIT_CHARS + 1]), width)
            if self.enabled:
                self._fits[key] = found
                if len(self._fits) > self.limit:
                    self._fits.popitem(last=False)
        return found

    # ---- wrapped text
    def layout(self, font: pygame.font.Font, text: str, width: int,
               line_height: int) -> TextLayout:
        """The text wrapped to `width` pixels (paragraphs kept), cached by all four."""
        key = (font, text, width, line_height)
        if self.enabled:
            found = self._layouts.get(key)
            if found is not None:
                self._layouts.move_to_end(key)
                return found
        result = _wrap(font, shown(text), max(8, width), line_height)
        if self.enabled:
            self._layouts[key] = result
            if len(self._layouts) > self.limit:
                self._layouts.popitem(last=False)
        return result


def _fit(font: pygame.font.Font, text: str, width: int) -> str:
    """`fit` without the cache. Only the first `FIT_CHARS` characters are measured: no line
    on any screen shows more, and a 10 MB title must not be measured whole."""
    if len(text) <= FIT_CHARS and font.size(text)[0] <= width:
        return text
    text = text[:FIT_CHARS]
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid].rstrip() + ELLIPSIS)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def _size(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


def _wrap(font: pygame.font.Font, text: str, width: int, line_height: int) -> TextLayout:
    lines: list[str] = []
    starts: list[int] = []
    offset = 0
    space = font.size(" ")[0]
    for paragraph in text.split("\n"):
        for line, start in _wrap_paragraph(font, paragraph, width, space):
            lines.append(line)
            starts.append(offset + start)
        offset += len(paragraph) + 1
    widest = max((font.size(line)[0] for line in lines), default=0)
    return TextLayout(tuple(lines), tuple(starts), line_height, widest,
                      sum(len(line) for line in lines))


def _wrap_paragraph(font, paragraph: str, width: int, space: int):
    """Greedy wrapping by words; a word wider than the line is split by characters."""
    if not paragraph.strip():
        yield "", 0
        return
    line, line_start, line_w = "", 0, 0
    pos = 0
    for word in paragraph.split(" "):
        start = pos
        pos += len(word) + 1
        if not word:
            continue
        w = font.size(word)[0]
        if line and line_w + space + w <= width:
            line, line_w = f"{line} {word}", line_w + space + w
            continue
        if line:
            yield line, line_start
        while w > width and len(word) > 1:
            cut = _longest_prefix(font, word, width)
            yield word[:cut], start
            word, start = word[cut:], start + cut
            w = width + 1 if len(word) > width else font.size(word)[0]
        line, line_start, line_w = word, start, w
    if line:
        yield line, line_start


def _longest_prefix(font, word: str, width: int) -> int:
    """How many characters of `word` (at least 1) fit in `width` pixels: a binary search, so
    a 2,000-character word (a pasted link, a huge number) takes a dozen measures, not
    thousands. No more than `width` characters are tried (a character is a pixel wide or more,
    but for marks that sit on another: a line of those is only cut shorter)."""
    lo, hi = 1, max(1, min(len(word) - 1, width))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(word[:mid])[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
