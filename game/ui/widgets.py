"""Hand-written widgets: buttons, a focus ring that keys, mouse and touch all move, scrolling.

A widget has a `rect` (logical pixels), `draw(surf, ui, focused)` and `activate()`. `Focus`
keeps which one has the visible focus: Tab / Shift-Tab and the arrow keys move it, Enter or
Space activates it, the mouse moves it by hovering, and a click or tap (press and release on
the same widget, without dragging) activates it.
"""
from __future__ import annotations

from typing import Callable

import pygame

from . import paint

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
DRAG_SLOP = 8


class Widget:
    focusable = True

    def __init__(self, rect, on_activate: Callable[[], None] | None = None):
        self.rect = pygame.Rect(rect)
        self.on_activate = on_activate

    def activate(self) -> None:
        if self.on_activate:
            self.on_activate()

    def contains(self, pos) -> bool:
        """Whether a point (logical screen coordinates) is on the widget."""
        return self.rect.collidepoint(pos)

    def draw(self, surf, ui, focused: bool) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class Button(Widget):
    """A labelled button; `number` draws a badge, `detail` a second line, `primary` fills it."""

    def __init__(self, rect, label: str, on_activate=None, number: int | None = None,
                 detail: str = "", primary: bool = False, role: str = "button"):
        super().__init__(rect, on_activate)
        self.label, self.number, self.detail = label, number, detail
        self.primary, self.role = primary, role

    @staticmethod
    def text_x(ui, number: int | None) -> int:
        """Where the label starts, from the button's left edge."""
        return 18 + (ui.theme.line_height("small") + 6 + 14 if number is not None else 0)

    @staticmethod
    def height_for(ui, width: int, detail: str, number: int | None = None,
                   role: str = "button") -> int:
        """The height a button needs for its label and its wrapped detail."""
        th = ui.theme
        h = th.line_height(role) + 26
        if detail:
            w = width - Button.text_x(ui, number) - 16
            h += ui.cache.layout(th.font("small"), detail, w, th.line_height("small")).height
        return h

    def draw(self, surf, ui, focused: bool) -> None:
        pal, th, cache = ui.theme.palette, ui.theme, ui.cache
        fill = pal.accent if self.primary else (pal.accent_soft if focused else pal.panel)
        ink = pal.accent_ink if self.primary else pal.ink
        paint.card(surf, self.rect, pal, fill=fill)
        if focused:
            paint.focus_ring(surf, self.rect, pal)
        x = self.rect.x + self.text_x(ui, self.number)
        font = th.font(self.role)
        width = self.rect.right - 16 - x
        label = cache.fit(font, self.label, width)
        if not self.detail:
            mid = self.rect.centery
            paint.text(surf, cache, font, label, ink, (x, mid), "midleft", box=self.rect)
        else:
            mid = self.rect.y + 13 + th.line_height(self.role) // 2
            paint.text(surf, cache, font, label, ink, (x, self.rect.y + 13), box=self.rect)
            small = th.font("small")
            lay = cache.layout(small, self.detail, width, th.line_height("small"))
            paint.lines(surf, cache, small, lay, pal.accent_ink if self.primary else pal.muted,
                        x, self.rect.y + 13 + th.line_height(self.role), box=self.rect)
        if self.number is not None:
            d = th.line_height("small") + 6
            badge = pygame.Rect(self.rect.x + 18, 0, d, d)
            badge.centery = mid
            paint.badge(surf, cache, th.font("small_strong"), str(self.number), badge,
                        pal.accent if not self.primary else pal.accent_ink,
                        pal.accent_ink if not self.primary else pal.accent)


class Focus:
    """Which widget has the focus, moved by keys, hover and touch."""

    def __init__(self):
        self.items: list[Widget] = []
        self.index = 0
        self._pressed: Widget | None = None

    def set(self, items: list[Widget], keep: bool = True) -> None:
        old = self.current if keep else None
        self.items = [w for w in items if w.focusable]
        self.index = self.items.index(old) if old in self.items else 0
        self._pressed = None

    @property
    def current(self) -> Widget | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def is_focused(self, widget: Widget) -> bool:
        return widget is self.current

    def move(self, step: int) -> None:
        if self.items:
            start = self.index if self.index >= 0 else (-1 if step > 0 else 0)
            self.index = (start + step) % len(self.items)

    def focus(self, widget: Widget) -> None:
        if widget in self.items:
            self.index = self.items.index(widget)

    def at(self, pos) -> Widget | None:
        return next((w for w in self.items if w.contains(pos)), None)

    def cancel_press(self) -> None:
        self._pressed = None

    def clear(self) -> None:
        """Focus nothing (no ring shown) until a key or the pointer moves it."""
        self.index = -1
        self._pressed = None

    def handle(self, inp, arrows: bool = True) -> bool:
        """Deal with an input if it concerns focus or activation; True if it did."""
        if inp.kind == "key":
            return self._key(inp, arrows)
        if inp.kind == "move" and not inp.dragging:
            hit = self.at(inp.pos)
            if hit is not None and hit is not self.current:
                self.focus(hit)
                return True
            return False
        if inp.kind == "press":
            self._pressed = self.at(inp.pos)
            if self._pressed is not None:
                self.focus(self._pressed)
            return self._pressed is not None
        if inp.kind == "release":
            hit, pressed = self.at(inp.pos), self._pressed
            self._pressed = None
            if hit is not None and hit is pressed:
                hit.activate()
                return True
        return False

    def _key(self, inp, arrows: bool) -> bool:
        if inp.key == pygame.K_TAB:
            self.move(-1 if inp.shift else 1)
            return True
        if arrows and inp.key in (pygame.K_DOWN, pygame.K_UP):
            self.move(1 if inp.key == pygame.K_DOWN else -1)
            return True
        if inp.key in ACTIVATE_KEYS and self.current is not None:
            self.current.activate()
            return True
        return False


class ScrollView:
    """A vertical scrolling region: wheel, arrow keys, PageUp/PageDown, Home/End and drag."""

    LINE = 48

    def __init__(self, rect, content_height: int = 0):
        self.rect = pygame.Rect(rect)
        self.content_height = content_height
        self.offset = 0.0
        self._drag_from: tuple[int, int] | None = None
        self.dragged = False

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.rect.h)

    def scroll(self, dy: float) -> bool:
        old = self.offset
        self.offset = max(0.0, min(float(self.max_offset), self.offset + dy))
        return self.offset != old

    def show(self, top: int, bottom: int, pad: int = 12) -> None:
        """Scroll just enough that content from `top` to `bottom` is visible."""
        if top - pad < self.offset:
            self.offset = max(0.0, top - pad)
        elif bottom + pad > self.offset + self.rect.h:
            self.offset = min(float(self.max_offset), bottom + pad - self.rect.h)

    def handle(self, inp, keys: bool = True) -> bool:
        if inp.kind == "wheel":
            return self.scroll(-inp.dy * self.LINE)
        if inp.kind == "key" and keys:
            return self._key(inp.key)
        if inp.kind == "press":
            self._drag_from = inp.pos if self.rect.collidepoint(inp.pos) else None
            self.dragged = False
        elif inp.kind == "move" and inp.dragging and self._drag_from is not None:
            if not self.dragged and abs(inp.pos[1] - self._drag_from[1]) < DRAG_SLOP:
                return False
            self.dragged = True
            self.scroll(-inp.rel[1])
            return True
        elif inp.kind == "release":
            self._drag_from = None
        return False

    def _key(self, key: int) -> bool:
        page = self.rect.h * 0.9
        steps = {pygame.K_DOWN: self.LINE, pygame.K_UP: -self.LINE, pygame.K_PAGEDOWN: page,
                 pygame.K_PAGEUP: -page, pygame.K_SPACE: page,
                 pygame.K_HOME: -1e9, pygame.K_END: 1e9}
        if key not in steps:
            return False
        self.scroll(steps[key])
        return True

    def draw_bar(self, surf, pal) -> None:
        if self.max_offset <= 0:
            return
        track = pygame.Rect(self.rect.right - 6, self.rect.y + 4, 4, self.rect.h - 8)
        paint.rounded(surf, track, pal.line, 2)
        h = max(28, round(track.h * self.rect.h / self.content_height))
        y = track.y + round((track.h - h) * self.offset / self.max_offset)
        paint.rounded(surf, pygame.Rect(track.x - 1, y, 6, h), pal.muted, 3)
