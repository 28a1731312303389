"""Small animation helpers and the toasts that announce what happened.

Animations advance in `update(dt)` and are only read in `draw`. With reduced motion nothing
slides, fades or pulses: things appear where they end up and stay still.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from . import paint

TOAST_SECONDS = 5.0
TOAST_SLIDE = 0.25
MAX_TOASTS = 3
TOAST_GAP = 14   # between stacked toasts, shadow included


def ease_out(x: float) -> float:
    x = max(0.0, min(1.0, x))
    return 1 - (1 - x) ** 3


def blend(a, b, k: float):
    """Colour a moved toward colour b by k (0..1)."""
    k = max(0.0, min(1.0, k))
    return tuple(round(a[i] + (b[i] - a[i]) * k) for i in range(3))


class Tween:
    """A number moving from one value to another over `seconds`."""

    def __init__(self, value: float = 0.0):
        self.start = self.end = float(value)
        self.elapsed = self.seconds = 0.0

    def to(self, value: float, seconds: float) -> None:
        self.start, self.end = self.value, float(value)
        self.elapsed, self.seconds = 0.0, max(0.0, seconds)

    def jump(self, value: float) -> None:
        self.start = self.end = float(value)
        self.elapsed = self.seconds = 0.0

    def update(self, dt: float) -> None:
        self.elapsed += dt

    @property
    def done(self) -> bool:
        return self.elapsed >= self.seconds

    @property
    def value(self) -> float:
        if self.done:
            return self.end
        return self.start + (self.end - self.start) * ease_out(self.elapsed / self.seconds)


@dataclass
class Toast:
    notice: object
    age: float = 0.0
    moment: int = 0
    rect: pygame.Rect | None = None
    surf: pygame.Surface | None = None


class Toasts:
    """Cards that slide in from the window's right edge and stack up from the bottom of their
    area (the services panel), so they never cover the scene's title or text. They leave
    after a while or when clicked."""

    def __init__(self):
        self.shown: list[Toast] = []
        self.waiting: list[Toast] = []
        self.room = None    # (ui, area): how tall the shown toasts may be together
        self.moment = 0     # counts updates: toasts added in the same one came together

    def add(self, notice) -> None:
        self.waiting.append(Toast(notice, moment=self.moment))
        self._fill()

    def clear(self) -> None:
        self.shown.clear()
        self.waiting.clear()

    def _height(self, toast: Toast) -> int:
        ui, area = self.room
        return toast_height(ui, toast.notice, area.w) + TOAST_GAP

    def _fits(self, toast: Toast) -> bool:
        if not self.shown:
            return True
        if self.room is None:
            return True
        used = sum(self._height(t) for t in self.shown)
        return used + self._height(toast) <= self.room[1].h

    def _fill(self) -> None:
        """Show what waits while there is room. Newer news pushes out toasts shown in an
        earlier frame; toasts of the same moment wait their turn."""
        while self.waiting:
            if len(self.shown) < MAX_TOASTS and self._fits(self.waiting[0]):
                self.shown.append(self.waiting.pop(0))
                continue
            older = [t for t in self.shown if t.moment < self.waiting[0].moment]
            if not older:
                return
            self.shown.remove(older[0])

    def update(self, dt: float) -> None:
        self.moment += 1
        for toast in self.shown:
            toast.age += dt
        self.shown = [t for t in self.shown if t.age < TOAST_SECONDS]
        self._fill()

    @property
    def active(self) -> bool:
        return bool(self.shown or self.waiting)

    def click(self, pos) -> bool:
        hit = next((t for t in self.shown if t.rect and t.rect.collidepoint(pos)), None)
        if hit is not None:
            self.shown.remove(hit)
            self._fill()
        return hit is not None

    def stamp(self) -> tuple:
        return tuple(id(t) for t in self.shown)

    def moving(self, reduced: bool) -> bool:
        """Whether a toast is sliding in."""
        return bool(self.shown) and not reduced and any(t.age < TOAST_SLIDE for t in self.shown)

    def extent(self, ui, area: pygame.Rect, right: int) -> pygame.Rect:
        """The area toasts may cover now, sliding ones included (`right`: the window's edge)."""
        height = sum(toast_height(ui, t.notice, area.w) + TOAST_GAP for t in self.shown)
        top = max(area.y, area.bottom - height)
        return pygame.Rect(area.x, top - 2, right - area.x, area.bottom - top + 8)

    def draw(self, surf, ui, area: pygame.Rect, reduced: bool) -> None:
        y = area.bottom
        for toast in self.shown:
            if toast.surf is None or toast.surf.get_width() != area.w:
                h = toast_height(ui, toast.notice, area.w)
                toast.surf = pygame.Surface((area.w, h + 4), pygame.SRCALPHA)
                draw_toast(toast.surf, ui, toast.notice, pygame.Rect(0, 0, area.w, h))
            h = toast.surf.get_height() - 4
            y -= h + TOAST_GAP - 4
            slide = 0.0 if reduced else 1 - ease_out(toast.age / TOAST_SLIDE)
            rect = pygame.Rect(area.x + round(slide * (area.w + 40)), y, area.w, h)
            toast.rect = rect
            surf.blit(toast.surf, rect)


def toast_height(ui, notice, width: int) -> int:
    th = ui.theme
    text_w = width - 84
    title = ui.cache.layout(th.font("body_strong"), notice.title, text_w,
                            th.line_height("body_strong"))
    h = title.height
    if notice.body:
        h += ui.cache.layout(th.font("small"), notice.body, text_w, th.line_height("small")).height
    return max(64, h + 28)


def draw_toast(surf, ui, notice, rect: pygame.Rect) -> None:
    th, pal, cache = ui.theme, ui.theme.palette, ui.cache
    dark = notice.kind == "alarm"
    fill, ink = (pal.dark, pal.dark_ink) if dark else (pal.panel, pal.ink)
    muted = pal.dark_ink if dark else pal.muted
    paint.rounded(surf, rect.move(0, 3), pal.line, 12)
    paint.rounded(surf, rect, fill, 12)
    paint.rounded(surf, rect, pal.accent if not dark else pal.dark, 12, 2)
    icon = pygame.Rect(rect.x + 18, rect.y + 16, 32, 32)
    _toast_icon(surf, ui, notice.kind, icon, ink if dark else pal.accent, fill)
    x, w = rect.x + 66, rect.w - 84
    title = cache.layout(th.font("body_strong"), notice.title, w, th.line_height("body_strong"))
    y = paint.lines(surf, cache, th.font("body_strong"), title, ink, x, rect.y + 14, box=rect)
    if notice.body:
        body = cache.layout(th.font("small"), notice.body, w, th.line_height("small"))
        paint.lines(surf, cache, th.font("small"), body, muted, x, y, box=rect)


def _toast_icon(surf, ui, kind: str, rect: pygame.Rect, color, bg) -> None:
    """A shape per kind, so the kind never rests on colour alone."""
    if kind == "bad":
        paint.padlock(surf, rect, color, bg, closed=True)
    elif kind == "good":
        paint.padlock(surf, rect, color, bg, closed=False)
    elif kind == "rating":
        paint.star(surf, rect.center, rect.w / 2, color, 1, bg)
    else:
        pygame.draw.circle(surf, color, rect.center, rect.w // 2, 3)
        glyph = "!" if kind == "alarm" else "i"
        paint.text(surf, ui.cache, ui.theme.font("body_strong"), glyph, color, rect.center,
                   "center")
