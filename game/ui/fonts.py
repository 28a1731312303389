"""A font with a fallback: characters the main face lacks are drawn in another face.

The dyslexia-friendly face (OpenDyslexic, from Debian's `fonts-opendyslexic`) has no ★ ✓ ▲ ▼
← → and a few more that the interface uses; SDL_ttf would draw them as empty boxes. A
`FallbackFont` behaves like a `pygame.font.Font` (`render`, `size`, heights) and draws each
run of missing characters in the fallback face (Inter), on the same baseline.

It also trims the face's very tall line box (OpenDyslexic's ascent and descent leave a lot of
empty space) to `trim` of its height, so the lines sit in the line heights the theme gives.
"""
from __future__ import annotations

import pygame

from ..content.glyphs import FontProblem, code_points


class FallbackFont(pygame.font.Font):
    def __init__(self, path: str, px: int, fallback: pygame.font.Font, trim: float = 1.0):
        super().__init__(path, px)
        self.fallback = fallback
        try:
            self._mine: frozenset[int] | None = code_points(str(path))
        except FontProblem:      # a map that cannot be read: the main face draws everything
            self._mine = None
        full = super().get_height()
        self._top = round(full * (1 - trim) * 0.45)
        self._height = full - round(full * (1 - trim))

    # ---- coverage
    def has(self, char: str) -> bool:
        """Whether the main face draws this character (not its "missing" box): whether its
        character map lists it (game.content.glyphs, the check `validate` uses too)."""
        return self._mine is None or char in " \t" or ord(char) in self._mine

    def runs(self, text: str) -> list[tuple[bool, str]]:
        """The text cut into runs, each (drawn by the main face?, characters)."""
        runs: list[tuple[bool, str]] = []
        for char in text:
            mine = self.has(char)
            if runs and runs[-1][0] == mine:
                runs[-1] = (mine, runs[-1][1] + char)
            else:
                runs.append((mine, char))
        return runs

    # ---- the Font interface the game uses
    def size(self, text) -> tuple[int, int]:
        text = str(text)
        width = 0
        for mine, run in self.runs(text):
            width += super().size(run)[0] if mine else self.fallback.size(run)[0]
        return width, self._height

    def get_height(self) -> int:
        return self._height

    def get_linesize(self) -> int:
        return self._height

    def render(self, text, antialias=True, color=(0, 0, 0), bgcolor=None) -> pygame.Surface:
        text = str(text)
        runs = self.runs(text)
        if len(runs) <= 1 and (not runs or runs[0][0]):
            return self._trimmed(super().render(text, antialias, color, bgcolor))
        pictures = []
        for mine, run in runs:
            if mine:
                pictures.append((super().render(run, antialias, color), super().get_ascent()))
            else:
                pictures.append((self.fallback.render(run, antialias, color),
                                 self.fallback.get_ascent()))
        base = max(ascent for _, ascent in pictures)
        width = sum(p.get_width() for p, _ in pictures)
        height = max(base - a + p.get_height() for p, a in pictures)
        out = pygame.Surface((max(1, width), height), pygame.SRCALPHA)
        if bgcolor is not None:
            out.fill(bgcolor)
        x = 0
        for picture, ascent in pictures:
            out.blit(picture, (x, base - ascent))
            x += picture.get_width()
        return self._trimmed(out)

    def _trimmed(self, surf: pygame.Surface) -> pygame.Surface:
        if self._top == 0 and surf.get_height() <= self._height:
            return surf
        h = min(self._height, max(1, surf.get_height() - self._top))
        return surf.subsurface((0, min(self._top, surf.get_height() - 1),
                                surf.get_width(), h)).copy()
