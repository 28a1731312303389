"""The scene: its title, its text revealed like a typewriter, and the numbered choices.

A locked choice is drawn locked four ways at once, never by colour alone: dimmed, hatched,
with a padlock drawn in code, and with its reason written out ("High-speed rail: needs 950,
you have 912"). The whole column scrolls when the text is long or the text size large.
"""
from __future__ import annotations

import math
from bisect import bisect_right

import pygame

from .. import paint
from .. import strings as S
from ..widgets import ScrollView, Widget

PAD = 28
GAP = 12
MORE_STRIP = 34


def badge_size(th) -> int:
    return th.line_height("small") + 10


def text_left(th) -> int:
    """Where a choice's text starts, right of its number badge."""
    return 16 + badge_size(th) + 14


class ChoiceButton(Widget):
    def __init__(self, view, rect, on_activate):
        super().__init__(rect, on_activate)
        self.view = view          # the engine's ChoiceView
        self.text_layout = None
        self.reason_layout = None
        self.shake = 0.0

    def contains(self, pos) -> bool:
        view = self.owner.scroll.rect
        return view.collidepoint(pos) and self.rect.collidepoint(self.owner.to_content(pos))

    @property
    def locked(self) -> bool:
        return not self.view.available

    def draw(self, surf, ui, focused: bool, chosen: bool = False) -> None:
        th, pal, cache = ui.theme, ui.theme.palette, ui.cache
        dx = round(math.sin(self.shake * 40) * 8 * self.shake / 0.4) if self.shake > 0 else 0
        r = self.rect.move(dx, 0)
        fill = pal.locked if self.locked else (pal.accent_soft if focused or chosen else pal.panel)
        paint.rounded(surf, r, fill, 10)
        if self.locked:
            paint.hatch(surf, r.inflate(-4, -4), pal.hatch, 12, 1)
        paint.rounded(surf, r, pal.accent if chosen else pal.line, 10, 2 if chosen else 1)
        if focused:
            paint.focus_ring(surf, r, pal)
        self._badge(surf, ui, r)
        ink = pal.locked_ink if self.locked else pal.ink
        x, y = r.x + text_left(th), r.y + 14
        y = paint.lines(surf, cache, th.font("button"), self.text_layout, ink, x, y, box=r)
        if self.locked:
            paint.padlock(surf, pygame.Rect(r.right - 44, r.y + 14, 26, 26), pal.locked_ink,
                          pal.locked)
            paint.lines(surf, cache, th.font("small"), self.reason_layout, pal.locked_ink, x,
                        y + 2, box=r)

    def _badge(self, surf, ui, r) -> None:
        th, pal = ui.theme, ui.theme.palette
        d = badge_size(th)
        rect = pygame.Rect(r.x + 16, r.y + 14 + (th.line_height("button") - d) // 2, d, d)
        if self.locked:
            pygame.draw.ellipse(surf, pal.locked_ink, rect, 2)
            paint.text(surf, ui.cache, th.font("small_strong"), str(self.view.number),
                       pal.locked_ink, rect.center, "center")
        else:
            paint.badge(surf, ui.cache, th.font("small_strong"), str(self.view.number), rect,
                        pal.accent, pal.accent_ink)


class SceneView:
    def __init__(self, ui, on_choose):
        self.ui = ui
        self.on_choose = on_choose
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.scroll = ScrollView((0, 0, 0, 0))
        self.title, self.text, self.views = "", "", []
        self.buttons: list[ChoiceButton] = []
        self.reply: str | None = None
        self.chosen: str | None = None
        self.shown = 0.0
        self.typewriter = True
        self._title_layout = self._text_layout = self._reply_layout = None
        self._text_top = 0
        self._reply_top = 0
        self._version = 0

    # ---- content
    def set_scene(self, title: str, text: str, views: list, typewriter: bool) -> None:
        self.title, self.text, self.views = title, text, list(views)
        self.reply, self.chosen = None, None
        self.typewriter = typewriter
        self.shown = 0.0 if typewriter else float(len(text))
        self.scroll.offset = 0
        self.layout()

    def set_chosen(self, choice_id: str, reply: str | None) -> None:
        self.chosen, self.reply = choice_id, reply
        self.layout()
        button = next((b for b in self.buttons if b.view.id == choice_id), None)
        if button is not None:
            bottom = self._reply_top + (self._reply_layout.height + 40 if reply else 0)
            self.scroll.show(button.rect.top, max(button.rect.bottom, bottom))

    @property
    def revealing(self) -> bool:
        return self.shown < len(self.text)

    def reveal_all(self) -> None:
        self.shown = float(len(self.text))

    def visible_buttons(self) -> list[ChoiceButton]:
        if self.revealing:
            return []
        if self.chosen:
            return [b for b in self.buttons if b.view.id == self.chosen]
        return self.buttons

    # ---- layout
    def place(self, rect) -> None:
        self.rect = pygame.Rect(rect)
        self.layout()

    def layout(self) -> None:
        self._version += 1
        th, cache = self.ui.theme, self.ui.cache
        width = self.rect.w - 2 * PAD
        self.scroll.rect = self.rect.inflate(-4, -8)
        self._title_layout = cache.layout(th.font("title"), self.title, width,
                                          th.line_height("title"))
        self._text_top = PAD + self._title_layout.height + 14
        self._text_layout = cache.layout(th.font("body"), self.text, width, th.line_height("body"))
        y = self._text_top + self._text_layout.height + 28
        self.buttons = []
        for view in self.views:
            button = self._button(view, y, width)
            if self.chosen and view.id != self.chosen:
                continue
            self.buttons.append(button)
            y = button.rect.bottom + GAP
        self._reply_top = y + 4
        self._reply_layout = None
        if self.reply and self.chosen:
            self._reply_layout = cache.layout(th.font("body"), self.reply, width - 40,
                                              th.line_height("body"))
            y = self._reply_top + self._reply_layout.height + 40
        self.scroll.content_height = y + PAD
        if self.scroll.content_height > self.scroll.rect.h:
            self.scroll.rect.h -= MORE_STRIP
        self.scroll.scroll(0)      # within the new length (smaller text: back to the top)

    def _button(self, view, y: int, width: int) -> ChoiceButton:
        th, cache = self.ui.theme, self.ui.cache
        text_w = width - text_left(th) - (56 if not view.available else 20)
        text = cache.layout(th.font("button"), view.text, text_w, th.line_height("button"))
        h = text.height + 28
        reason = None
        if not view.available:
            line = S.CHOICE_LOCKED_NOTE.format(reason=view.locked_reason or S.LOCKED)
            reason = cache.layout(th.font("small"), line, text_w, th.line_height("small"))
            h += reason.height + 2
        rect = pygame.Rect(self.rect.x + PAD, y, width, max(h, th.line_height("button") + 28))
        button = ChoiceButton(view, rect, lambda v=view: self.on_choose(v))
        button.owner = self
        button.text_layout, button.reason_layout = text, reason
        return button

    # ---- time
    def update(self, dt: float, cps: float) -> None:
        if self.revealing and self.typewriter:
            self.shown += dt * cps
            self._follow()
        for b in self.buttons:
            b.shake = max(0.0, b.shake - dt)

    def _follow(self) -> None:
        """While the text types, its newest line stays in view (with large text it runs
        below the fold); when it has all typed, the first choice is scrolled into view too,
        since the reader followed the text down to it."""
        lay = self._text_layout
        if lay is None or not lay.lines:
            return
        line = max(0, bisect_right(lay.starts, int(self.shown)) - 1)
        bottom = self._text_top + (line + 1) * lay.line_height
        if not self.revealing and self.buttons:
            bottom = self.buttons[0].rect.bottom
        view = self.scroll
        if bottom + 12 > view.offset + view.rect.h:     # only ever down: the reader may
            view.offset = min(float(view.max_offset), bottom + 12 - view.rect.h)  # scroll up

    def animating(self) -> bool:
        return self.revealing or any(b.shake > 0 for b in self.buttons)

    # ---- drawing
    def static_key(self, focus) -> tuple | None:
        """What the drawn column depends on; None while something shakes (always redraw)."""
        if any(b.shake > 0 for b in self.buttons):
            return None
        cur = focus.current
        fid = cur.view.id if isinstance(cur, ChoiceButton) else None
        return (self._version, int(self.shown) if self.revealing else -1,
                round(self.scroll.offset), fid, self.chosen)

    def screen_rect(self, button) -> pygame.Rect:
        """Where a choice button is on the screen now (the column scrolls)."""
        return button.rect.move(0, self.scroll.rect.y - round(self.scroll.offset))

    def to_content(self, pos) -> tuple[int, int]:
        """Screen position -> content position (the column scrolls)."""
        return pos[0], pos[1] - self.scroll.rect.y + round(self.scroll.offset)

    def draw(self, surf, focus, reduced: bool) -> None:
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        paint.card(surf, self.rect, pal, radius=14)
        view = self.scroll.rect
        clip = surf.get_clip()
        surf.set_clip(view)
        dy = view.y - round(self.scroll.offset)
        box = pygame.Rect(self.rect.x, dy, self.rect.w, self.scroll.content_height)
        x = self.rect.x + PAD
        paint.lines(surf, cache, th.font("title"), self._title_layout, pal.ink, x, dy + PAD,
                    box=box, clip=view)
        reveal = int(self.shown) if self.revealing else None
        paint.lines(surf, cache, th.font("body"), self._text_layout, pal.ink, x,
                    dy + self._text_top, box=box, reveal=reveal, clip=view)
        for b in self.visible_buttons():
            shown = b.rect.move(0, dy)
            if shown.bottom < view.top or shown.top > view.bottom:
                continue
            saved, b.rect = b.rect, shown
            b.draw(surf, self.ui, focus.is_focused(b) and not self.chosen,
                   chosen=b.view.id == self.chosen)
            b.rect = saved
        if self._reply_layout is not None:
            self._draw_reply(surf, dy)
        surf.set_clip(clip)
        self.scroll.draw_bar(surf, pal)
        self._more_hint(surf)

    def _draw_reply(self, surf, dy: int) -> None:
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        lay = self._reply_layout
        r = pygame.Rect(self.rect.x + PAD, dy + self._reply_top, self.rect.w - 2 * PAD,
                        lay.height + 28)
        paint.rounded(surf, r, pal.panel_alt, 10)
        pygame.draw.rect(surf, pal.accent, (r.x, r.y, 5, r.h), border_radius=2)
        paint.lines(surf, cache, th.font("body"), lay, pal.ink, r.x + 24, r.y + 14, box=r)

    def _more_hint(self, surf) -> None:
        """A small arrow when more is below, so a long page never hides its choices."""
        if self.scroll.offset >= self.scroll.max_offset - 2:
            return
        pal = self.ui.theme.palette
        cx, cy = self.rect.centerx, self.scroll.rect.bottom + MORE_STRIP // 2
        pygame.draw.line(surf, pal.line, (self.rect.x + PAD, self.scroll.rect.bottom),
                         (self.rect.right - PAD, self.scroll.rect.bottom))
        pygame.draw.circle(surf, pal.accent, (cx, cy), 12)
        pygame.draw.polygon(surf, pal.accent_ink, [(cx - 6, cy - 3), (cx + 6, cy - 3), (cx, cy + 4)])
