"""Keyboard, mouse and touch, turned into one small kind of input in logical coordinates.

The window may be any size; the game draws at 1280x720 and is scaled and letterboxed.
`Viewport` maps window pixels (mouse) and normalised touch positions (fingers) back to the
logical surface. Mouse events SDL synthesises from touches are dropped, so a tap counts once.
"""
from __future__ import annotations

from typing import NamedTuple

import pygame

from .theme import LOGICAL_SIZE


class Input(NamedTuple):
    kind: str              # key | press | release | move | wheel | text (typed characters)
    key: int = 0
    mod: int = 0
    unicode: str = ""
    pos: tuple[int, int] = (0, 0)
    rel: tuple[int, int] = (0, 0)
    dy: float = 0.0
    touch: bool = False
    dragging: bool = False  # move with a button or finger held down

    @property
    def number(self) -> int | None:
        """1-9 for the number keys (top row and keypad), else None."""
        if pygame.K_1 <= self.key <= pygame.K_9:
            return self.key - pygame.K_0
        if pygame.K_KP1 <= self.key <= pygame.K_KP9:
            return self.key - pygame.K_KP1 + 1
        return None

    @property
    def shift(self) -> bool:
        return bool(self.mod & pygame.KMOD_SHIFT)


class Viewport:
    """Where the logical surface sits in the window, and the scale between them."""

    def __init__(self, window_size: tuple[int, int]):
        self.resize(window_size)

    def resize(self, window_size: tuple[int, int]) -> None:
        ww, wh = max(1, window_size[0]), max(1, window_size[1])
        lw, lh = LOGICAL_SIZE
        self.window_size = (ww, wh)
        self.scale = min(ww / lw, wh / lh)
        w, h = round(lw * self.scale), round(lh * self.scale)
        self.rect = pygame.Rect((ww - w) // 2, (wh - h) // 2, w, h)

    @property
    def identity(self) -> bool:
        return self.rect.topleft == (0, 0) and self.rect.size == LOGICAL_SIZE

    def to_logical(self, pos) -> tuple[int, int]:
        x = (pos[0] - self.rect.x) / self.scale
        y = (pos[1] - self.rect.y) / self.scale
        return round(x), round(y)

    def to_window(self, pos) -> tuple[int, int]:
        return (round(pos[0] * self.scale + self.rect.x), round(pos[1] * self.scale + self.rect.y))

    def finger(self, fx: float, fy: float) -> tuple[int, int]:
        ww, wh = self.window_size
        return self.to_logical((fx * ww, fy * wh))


class Translator:
    """pygame events -> Inputs (or None for events a screen does not see)."""

    def __init__(self, viewport: Viewport):
        self.viewport = viewport
        self.held = False

    def __call__(self, e: pygame.event.Event) -> Input | None:
        t = e.type
        if t == pygame.TEXTINPUT:
            return Input("text", unicode=getattr(e, "text", ""))
        if t == pygame.KEYDOWN:
            return Input("key", key=e.key, mod=getattr(e, "mod", 0),
                         unicode=getattr(e, "unicode", ""))
        if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            if getattr(e, "touch", False):
                return None  # the FINGER event is handled instead
            return self._mouse(e)
        if t == pygame.MOUSEWHEEL:
            return Input("wheel", dy=float(getattr(e, "precise_y", e.y) or e.y),
                         pos=self.viewport.to_logical(pygame.mouse.get_pos()))
        if t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            return self._finger(e)
        return None

    def _mouse(self, e) -> Input | None:
        pos = self.viewport.to_logical(e.pos)
        if e.type == pygame.MOUSEMOTION:
            return Input("move", pos=pos, rel=_scaled(e.rel, self.viewport.scale),
                         dragging=bool(e.buttons[0]))
        if e.button in (4, 5):  # old-style wheel buttons; MOUSEWHEEL covers them
            return None
        if e.button != 1:
            return None
        self.held = e.type == pygame.MOUSEBUTTONDOWN
        return Input("press" if self.held else "release", pos=pos)

    def _finger(self, e) -> Input:
        pos = self.viewport.finger(e.x, e.y)
        if e.type == pygame.FINGERMOTION:
            ww, wh = self.viewport.window_size
            rel = _scaled((e.dx * ww, e.dy * wh), self.viewport.scale)
            return Input("move", pos=pos, rel=rel, touch=True, dragging=True)
        self.held = e.type == pygame.FINGERDOWN
        return Input("press" if self.held else "release", pos=pos, touch=True)


def _scaled(rel, scale: float) -> tuple[int, int]:
    return round(rel[0] / scale), round(rel[1] / scale)
