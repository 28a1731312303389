"""The remembered lines of a scene or an ending (`core.recall`), drawn as one note: a card
under the text, labelled "From an earlier chapter", so it reads as the campaign remembering
and not as more of the scene.

The note comes after the text, as the lines are written. When the text scrolls, the scene
and the ending *pin* the note under the scrolling text (above the choices or buttons), so a
player who never scrolls still sees it; when the column is too short to pin it and still
show some text, it scrolls with the text.
"""
from __future__ import annotations

from typing import Sequence

import pygame

from ...core.strings import REMEMBERED
from .. import paint

PAD_X = 20        # left of the text, right of the bar
PAD_Y = 12
BAR = 4
MIN_TEXT_LINES = 3   # pin only if the scrolling text keeps at least this many lines


class RememberedNote:
    """The note for some remembered lines (none: an empty note, height 0)."""

    def __init__(self, ui):
        self.ui = ui
        self.lines: tuple[str, ...] = ()
        self._label = self._text = None

    def set(self, lines: Sequence[str], width: int) -> None:
        """Lay the lines out for a note `width` pixels wide."""
        th, cache = self.ui.theme, self.ui.cache
        self.lines = tuple(lines)
        inner = width - PAD_X - PAD_Y
        self._label = cache.layout(th.font("label"), REMEMBERED.upper(), inner,
                                   th.line_height("label"))
        self._text = cache.layout(th.font("body"), "\n\n".join(self.lines), inner,
                                  th.line_height("body"))

    @property
    def height(self) -> int:
        if not self.lines or self._label is None or self._text is None:
            return 0
        return PAD_Y + self._label.height + 4 + self._text.height + PAD_Y

    def pinned(self, area_height: int) -> bool:
        """Whether an area this tall can give the note its height and still show
        MIN_TEXT_LINES of text above it."""
        th = self.ui.theme
        return bool(self.lines) and \
            area_height - self.height >= th.line_height("title") + MIN_TEXT_LINES * \
            th.line_height("body")

    def draw(self, surf, x: int, y: int, width: int, clip=None) -> None:
        if not self.height:
            return
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        r = pygame.Rect(x, y, width, self.height)
        if clip is not None and not r.colliderect(clip):
            return
        paint.rounded(surf, r, pal.panel_alt, 10)
        pygame.draw.rect(surf, pal.muted, (r.x, r.y, BAR, r.h), border_radius=2)
        top = paint.lines(surf, cache, th.font("label"), self._label, pal.muted, r.x + PAD_X,
                          r.y + PAD_Y, box=r, clip=clip)
        paint.lines(surf, cache, th.font("body"), self._text, pal.ink, r.x + PAD_X, top + 4,
                    box=r, clip=clip)
