"""The watchers strip and the services panel of the play screen.

Watchers: the scene's watchers with their icons and names; some pulse. Whether one records
is never shown. Services: each with a padlock (open or shut) and the word Open or Closed, so
the state never rests on colour alone; a service that changes flashes for a moment.
Both draw their still parts in `draw` (cached by the play screen while `static_key()` is
unchanged) and what moves in `draw_dynamic`.
"""
from __future__ import annotations

import math

import pygame

from .. import paint
from .. import strings as S
from ..fx import blend
from ..illustration import watcher_icon
from ..widgets import ScrollView

PAD = 20
FLASH_SECONDS = 2.5


class Panel:
    """A titled card whose rows scroll when they do not fit."""

    label = ""

    def __init__(self, ui):
        self.ui = ui
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.scroll = ScrollView((0, 0, 0, 0))

    def place(self, rect) -> None:
        self.rect = pygame.Rect(rect)
        top = self.rect.y + PAD + self._label_layout().height + 8
        offset = self.scroll.offset
        height = self.rect.bottom - top - 10
        if self.content_height() > height:      # a line under the rows says what is hidden
            height -= self.footer_height()
        self.scroll = ScrollView((self.rect.x, top, self.rect.w, height), self.content_height())
        self.scroll.scroll(offset)

    def _label_layout(self):
        """The panel's label, on two lines in a narrow column."""
        th = self.ui.theme
        return self.ui.cache.layout(th.font("label"), self.label, self.rect.w - 2 * PAD,
                                    th.line_height("label"))

    def footer_height(self) -> int:
        return self.ui.theme.line_height("small_strong") + 6

    def footer_rect(self) -> pygame.Rect:
        return pygame.Rect(self.rect.x + PAD, self.scroll.rect.bottom + 2,
                           self.rect.w - 2 * PAD, self.footer_height())

    def content_height(self) -> int:
        return 0

    def handle(self, inp) -> bool:
        if inp.kind == "release" and self.more() != (0, 0) and (
                self.footer_rect().collidepoint(inp.pos)):
            above, below = self.more()
            self.scroll.scroll(self.scroll.rect.h * (1 if below else -1))
            return True
        if inp.kind == "wheel" and self.rect.collidepoint(inp.pos):
            return self.scroll.handle(inp, keys=False)
        if inp.kind in ("press", "move", "release"):
            return self.scroll.handle(inp, keys=False)
        return False

    def static_key(self) -> tuple:
        return (round(self.scroll.offset), self.rect.topleft, self.rect.size)

    def draw(self, surf, reduced: bool) -> None:
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        paint.card(surf, self.rect, pal, radius=14)
        paint.lines(surf, cache, th.font("label"), self._label_layout(), pal.muted,
                    self.rect.x + PAD, self.rect.y + PAD, box=self.rect)
        self._clipped(surf, lambda y: self.draw_rows(surf, y, reduced))
        self.scroll.draw_bar(surf, pal)
        self._draw_more(surf)

    def _clipped(self, surf, fn) -> None:
        clip = surf.get_clip()
        surf.set_clip(self.scroll.rect.clip(clip) if clip else self.scroll.rect)
        fn(self.scroll.rect.y - round(self.scroll.offset))
        surf.set_clip(clip)

    def draw_rows(self, surf, y: int, reduced: bool) -> None:
        pass

    def row_spans(self) -> list[tuple[int, int]]:
        """(top, bottom) of each row, in the panel's content coordinates."""
        return []

    def more(self) -> tuple[int, int]:
        """How many rows are not wholly in view: (above, below)."""
        top = self.scroll.offset
        bottom = top + self.scroll.rect.h
        spans = self.row_spans()
        return (sum(1 for a, _ in spans if a < top - 1),
                sum(1 for _, b in spans if b > bottom + 1))

    def _draw_more(self, surf) -> None:
        """"▼ 2 more below" under the rows (click it to scroll), so no row is ever missed."""
        above, below = self.more()
        if not (above or below):
            return
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        words = (S.PANEL_MORE_BELOW.format(n=below) if below else
                 S.PANEL_MORE_ABOVE.format(n=above))
        box = self.footer_rect()
        words = cache.fit(th.font("small_strong"), words, box.w)
        paint.text(surf, cache, th.font("small_strong"), words, pal.accent,
                   (box.x, box.centery), "midleft", box=box)

    def draw_dynamic(self, surf, t: float, reduced: bool) -> None:
        pass


class WatchersPanel(Panel):
    label = S.WATCHERS_LABEL

    def __init__(self, ui):
        super().__init__(ui)
        self.watchers: list = []

    def set(self, watchers: list) -> None:
        self.watchers = list(watchers)
        self.scroll.content_height = self.content_height()
        self.scroll.offset = 0

    def static_key(self) -> tuple:
        return super().static_key() + (tuple(w for w, _ in self.watchers),)

    def row_height(self) -> int:
        th = self.ui.theme
        return max(52, th.line_height("body") + 16, 2 * th.line_height("small") + 8)

    def content_height(self) -> int:
        return max(1, len(self.watchers)) * self.row_height()

    def row_spans(self) -> list[tuple[int, int]]:
        rh = self.row_height()
        return [(i * rh, (i + 1) * rh) for i in range(len(self.watchers))]

    def _center(self, y: int, i: int) -> tuple[int, int]:
        rh = self.row_height()
        return self.rect.x + PAD + 20, y + i * rh + rh // 2

    def draw_rows(self, surf, y: int, reduced: bool) -> None:
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        if not self.watchers:
            paint.text(surf, cache, th.font("small"), S.WATCHERS_NONE, pal.muted,
                       (self.rect.x + PAD, y + 8), box=self.rect)
            return
        for i, (_, watcher) in enumerate(self.watchers):
            center = self._center(y, i)
            if watcher.pulse and reduced:
                pygame.draw.circle(surf, pal.accent, center, 24, 2)
            pygame.draw.circle(surf, pal.panel_alt, center, 20)
            pygame.draw.circle(surf, pal.line, center, 20, 1)
            watcher_icon(surf, pygame.Rect(center[0] - 13, center[1] - 13, 26, 26), watcher.icon,
                         pal.ink)
            self._name(surf, watcher.name, center)

    def _name(self, surf, name: str, center) -> None:
        """The watcher's name beside its icon: on one line, or on two in a smaller face in a
        narrow column (cut only if even that is too long)."""
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        x = self.rect.x + PAD + 62
        width = self.rect.right - PAD - x
        if th.font("body").size(name)[0] <= width:
            paint.text(surf, cache, th.font("body"), name, pal.ink, (x, center[1]), "midleft",
                       box=self.rect)
            return
        font, lh = th.font("small"), th.line_height("small")
        lines = list(cache.layout(font, name, width, lh).lines)
        if len(lines) > 2:
            lines = [lines[0], cache.fit(font, " ".join(lines[1:]), width)]
        y = center[1] - len(lines) * lh // 2 + lh // 2
        for i, line in enumerate(lines):
            paint.text(surf, cache, font, line, pal.ink, (x, y + i * lh), "midleft",
                       box=self.rect)

    def pulsing(self) -> bool:
        return any(w.pulse for _, w in self.watchers)

    def pulse_areas(self) -> list[pygame.Rect]:
        """Where the rings are drawn (to restore them from the still layer)."""
        y = self.scroll.rect.y - round(self.scroll.offset)
        areas = []
        for i, (_, watcher) in enumerate(self.watchers):
            if watcher.pulse:
                box = pygame.Rect(0, 0, 64, 64)
                box.center = self._center(y, i)
                box = box.clip(self.scroll.rect)
                if box.w and box.h:
                    areas.append(box)
        return areas

    def draw_dynamic(self, surf, t: float, reduced: bool) -> None:
        """Pulsing watchers: a ring that grows and fades, over and over."""
        if reduced or not self.pulsing():
            return
        pal = self.ui.theme.palette

        def rings(y):
            phase = (t % 1.6) / 1.6
            for i, (_, watcher) in enumerate(self.watchers):
                if watcher.pulse:
                    pygame.draw.circle(surf, blend(pal.accent, pal.panel, phase),
                                       self._center(y, i), 21 + round(8 * phase), 2)
        self._clipped(surf, rings)


class ServicesPanel(Panel):
    label = S.SERVICES_LABEL

    def __init__(self, ui):
        super().__init__(ui)
        self.services: list = []
        self.off_screen = False
        self.flash: dict[str, float] = {}
        self._heights: dict = {}

    def set(self, services: list | None, changed: dict | None = None) -> None:
        """The services now (None: none on the player's screen); those in `changed` flash,
        and the first of them is scrolled to the top of the panel (toasts stack up from its
        bottom), so a door is seen to move."""
        self.off_screen = services is None
        self.services = list(services or [])
        for sid in changed or {}:
            self.flash[sid] = FLASH_SECONDS
        if self.rect.h:
            self.place(self.rect)
        spans = dict(zip((sid for sid, _, _ in self.services), self.row_spans()))
        first = next((spans[sid] for sid, _, _ in self.services if sid in (changed or {})),
                     None)
        if first is not None:
            self.scroll.offset = 0.0
            self.scroll.scroll(first[0] - 6)

    def row_spans(self) -> list[tuple[int, int]]:
        spans, y = [], 0
        for _, service, is_open in self.services:
            h = self._row_h(service.name, is_open)
            spans.append((y, y + h))
            y += h + 6
        return spans

    def static_key(self) -> tuple:
        return super().static_key() + (tuple((s, o) for s, _, o in self.services),
                                       self.off_screen)

    def _text_w(self) -> int:
        return self.rect.w - 24 - 52 - 12

    def _row_layout(self, name: str, is_open: bool):
        """(name layout, status on a line of its own?): the word always sits under the name,
        so every row reads the same way at every text size."""
        th = self.ui.theme
        return self.ui.cache.layout(th.font("body"), name, self._text_w(),
                                    th.line_height("body")), True

    def _row_h(self, name: str, is_open: bool) -> int:
        key = (name, is_open, id(self.ui.theme), self.rect.w)
        h = self._heights.get(key)
        if h is None:
            lay, below = self._row_layout(name, is_open)
            extra = self.ui.theme.line_height("small_strong") if below else 0
            h = self._heights[key] = max(44, lay.height + extra + 12)
        return h

    def content_height(self) -> int:
        if not self.services:
            return 40
        return sum(self._row_h(s.name, o) + 6 for _, s, o in self.services)

    def update(self, dt: float) -> None:
        self.flash = {k: v - dt for k, v in self.flash.items() if v - dt > 0}

    def animating(self) -> bool:
        return bool(self.flash)

    def _rows(self, y: int):
        for sid, service, is_open in self.services:
            h = self._row_h(service.name, is_open)
            yield sid, service, is_open, pygame.Rect(self.rect.x + 12, y, self.rect.w - 24, h)
            y += h + 6

    def draw_rows(self, surf, y: int, reduced: bool) -> None:
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        if not self.services:
            none = S.SERVICES_OFF_SCREEN if self.off_screen else S.SERVICES_NONE
            paint.text(surf, cache, th.font("small"), none, pal.muted,
                       (self.rect.x + PAD, y + 8), box=self.rect)
            return
        for _, service, is_open, row in self._rows(y):
            if row.bottom >= self.scroll.rect.top and row.top <= self.scroll.rect.bottom:
                self._row(surf, row, service.name, is_open, 0.0, reduced)

    def flash_areas(self) -> list[pygame.Rect]:
        y = self.scroll.rect.y - round(self.scroll.offset)
        areas = [row.clip(self.scroll.rect) for sid, _, _, row in self._rows(y)
                 if sid in self.flash]
        return [a for a in areas if a.w and a.h]

    def draw_dynamic(self, surf, t: float, reduced: bool) -> None:
        """Rows that just opened or closed, flashing over their still selves."""
        if not self.flash:
            return

        def rows(y):
            for sid, service, is_open, row in self._rows(y):
                if sid in self.flash:
                    self._row(surf, row, service.name, is_open, self.flash[sid], reduced)
        self._clipped(surf, rows)

    def _row(self, surf, row, name: str, is_open: bool, flash: float, reduced: bool) -> None:
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        fill = pal.panel if is_open else pal.locked
        if flash > 0:
            surf.fill(pal.panel, row)
            fill = blend(fill, pal.accent_soft, 1.0 if reduced else flash / FLASH_SECONDS)
        paint.rounded(surf, row, fill, 8)
        if not is_open:
            paint.hatch(surf, pygame.Rect(row.x, row.y, 10, row.h), pal.hatch, 5, 2)
        if flash > 0:
            paint.rounded(surf, row, pal.accent, 8, 2)
        self._icon(surf, row, is_open, flash, reduced, fill)
        ink = pal.ink if is_open else pal.locked_ink
        word = S.OPEN if is_open else S.CLOSED
        lay, below = self._row_layout(name, is_open)
        x = row.x + 52
        y = paint.lines(surf, cache, th.font("body"), lay, ink, x, row.y + 7, box=row)
        strong = th.font("small_strong")
        if below:
            paint.text(surf, cache, strong, word, ink, (x, y), box=row)
        else:
            mid = row.y + 7 + th.line_height("body") // 2
            paint.text(surf, cache, strong, word, ink, (row.right - 12, mid), "midright", box=row)

    def _icon(self, surf, row, is_open: bool, flash: float, reduced: bool, fill) -> None:
        pal = self.ui.theme.palette
        pop = 0.0
        if flash > 0 and not reduced:
            pop = math.sin(min(1.0, (FLASH_SECONDS - flash) / 0.4) * math.pi) * 6
        size = 22 + round(pop)
        icon = pygame.Rect(0, 0, size, size)
        icon.center = (row.x + 28, row.y + 7 + self.ui.theme.line_height("body") // 2)
        paint.padlock(surf, icon, pal.ink if is_open else pal.locked_ink, fill, closed=not is_open)
