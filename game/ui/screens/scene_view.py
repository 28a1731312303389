"""The scene: its title, its text revealed like a typewriter, and the numbered choices.

A locked choice is drawn locked four ways at once, never by colour alone: dimmed, hatched,
with a padlock drawn in code, and with its reason written out ("High-speed rail: needs 950,
you have 912").

When the title, text and choices fit the column they are one page, as on paper. When they
do not (long text, large text size), the choices are *docked*: drawn in their own area at
the bottom of the column, under a separator, so a player always sees them once the text is
shown; the title and text scroll above. The dock takes at most DOCK_SHARE of the column and
scrolls on its own when the choices need more. The dock keeps its place while the text
types (empty until it ends), so the text never jumps when the choices appear.

What the story remembers of earlier chapters comes after the text, as a marked note
(`remembered.RememberedNote`); when the text scrolls, the note is pinned above the dock, so
it is seen without scrolling. Like the choices, it shows once the text has typed.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from typing import Sequence

import pygame

from .. import paint
from .. import strings as S
from ..widgets import ScrollView, Widget
from .remembered import RememberedNote

PAD = 28
GAP = 12
MORE_STRIP = 34
DOCK_SHARE = 0.55     # the most of the column the docked choices take
DOCK_PAD = 16         # space above the first docked choice and below the last


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
        area = self.owner.area.rect
        return area.collidepoint(pos) and self.owner.screen_rect(self).collidepoint(pos)

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
    """`scroll` holds the title and text (and the choices when all fits); `dock` holds the
    choices when they are docked. A button's rect is in the content of the area it is in."""

    def __init__(self, ui, on_choose):
        self.ui = ui
        self.on_choose = on_choose
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.scroll = ScrollView((0, 0, 0, 0))
        self.dock = ScrollView((0, 0, 0, 0))
        self.docked = False
        self.title, self.text, self.views = "", "", []
        self.remembered: tuple[str, ...] = ()
        self.note = RememberedNote(ui)
        self._note_top = 0               # in the scroll's content, when it scrolls with the text
        self._note_rect: pygame.Rect | None = None   # on the screen, when pinned
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
    def set_scene(self, title: str, text: str, views: list, typewriter: bool,
                  remembered: Sequence[str] = ()) -> None:
        """`remembered`: the scene's remembered lines (`core.scene_told`), apart from `text`."""
        self.title, self.text, self.views = title, text, list(views)
        self.remembered = tuple(remembered)
        self.reply, self.chosen = None, None
        self.typewriter = typewriter
        self.shown = 0.0 if typewriter else float(len(text))
        self.scroll.offset = self.dock.offset = 0
        self.layout()

    def set_chosen(self, choice_id: str, reply: str | None) -> None:
        self.chosen, self.reply = choice_id, reply
        self.layout()
        button = next((b for b in self.buttons if b.view.id == choice_id), None)
        if button is not None:
            bottom = self._reply_top + (self._reply_layout.height + 40 if reply else 0)
            self.area.show(button.rect.top, max(button.rect.bottom, bottom))

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

    @property
    def area(self) -> ScrollView:
        """The scrolling area the choices are in."""
        return self.dock if self.docked else self.scroll

    # ---- layout
    def place(self, rect) -> None:
        self.rect = pygame.Rect(rect)
        self.layout()

    def layout(self) -> None:
        self._version += 1
        th, cache = self.ui.theme, self.ui.cache
        width = self.rect.w - 2 * PAD
        inner = self.rect.inflate(-4, -8)
        self._title_layout = cache.layout(th.font("title"), self.title, width,
                                          th.line_height("title"))
        self._text_top = PAD + self._title_layout.height + 14
        self._text_layout = cache.layout(th.font("body"), self.text, width, th.line_height("body"))
        text_end = self._text_top + self._text_layout.height
        self.note.set(self.remembered, width)
        self._note_rect, self._note_top = None, text_end + 20
        told_end = text_end + (20 + self.note.height if self.note.height else 0)
        choices = sum(self._button(view, 0, width).rect.h + GAP for view in self.views)
        # docked when, with all its choices, the scene would overflow the column
        self.docked = told_end + 28 + choices + PAD > inner.h
        if self.docked:
            self._dock(inner, text_end, told_end, width, DOCK_PAD + choices - GAP + DOCK_PAD)
        else:
            self.scroll.rect = inner
            self.scroll.content_height = self._stack(told_end + 28, width) + PAD
            self._strip(self.scroll)
            self.dock.rect, self.dock.content_height = pygame.Rect(inner.x, inner.bottom,
                                                                   inner.w, 0), 0
        self.scroll.scroll(0)      # within the new length (smaller text: back to the top)
        self.dock.scroll(0)

    def _dock(self, inner, text_end: int, told_end: int, width: int, every: int) -> None:
        """The choices at the bottom (at most DOCK_SHARE of the column, or what a short text
        leaves), the text above, and between them the remembered note, pinned when there is
        room for it (else it scrolls after the text, which ends at `told_end` with it). The
        dock is as tall as all the choices (`every`) even after one is chosen, so the text
        area keeps its size; it grows if the chosen line and its reply need more."""
        self.dock.content_height = self._stack(DOCK_PAD, width) - GAP + DOCK_PAD
        # at most DOCK_SHARE of the column, or all that a short text leaves free
        cap = max(int(inner.h * DOCK_SHARE), inner.h - (told_end + PAD))
        height = min(max(self.dock.content_height, every), cap)
        self.dock.rect = pygame.Rect(inner.x, inner.bottom - height, inner.w, height)
        above = self.dock.rect.y - inner.y
        if self.note.pinned(above - PAD):
            note = self.note.height + GAP
            self._note_rect = pygame.Rect(self.rect.x + PAD, self.dock.rect.y - note, width,
                                          self.note.height)
            above -= note + GAP
            told_end = text_end
        self.scroll.rect = pygame.Rect(inner.x, inner.y, inner.w, above)
        # the bottom padding alone never makes the text scroll (a ▼ over nothing more to read)
        self.scroll.content_height = told_end + PAD if told_end > above else above
        self._strip(self.scroll)
        self._strip(self.dock)

    @staticmethod
    def _strip(area: ScrollView) -> None:
        """Room for the "more below" arrow under an area whose content overflows."""
        if area.content_height > area.rect.h:
            area.rect.h -= MORE_STRIP

    def _stack(self, y: int, width: int) -> int:
        """Lay the choices (only the chosen one, after a choice) and the reply out from `y`,
        in the content of their area; returns where the next thing would go."""
        th, cache = self.ui.theme, self.ui.cache
        self.buttons = []
        for view in self.views:
            if self.chosen and view.id != self.chosen:
                continue
            button = self._button(view, y, width)
            self.buttons.append(button)
            y = button.rect.bottom + GAP
        self._reply_top = y + 4
        self._reply_layout = None
        if self.reply and self.chosen:
            self._reply_layout = cache.layout(th.font("body"), self.reply, width - 40,
                                              th.line_height("body"))
            y = self._reply_top + self._reply_layout.height + 40
        return y

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
        below the fold). Only ever down: the reader may scroll back up."""
        lay = self._text_layout
        if lay is None or not lay.lines:
            return
        line = max(0, bisect_right(lay.starts, int(self.shown)) - 1)
        bottom = self._text_top + (line + 1) * lay.line_height
        view = self.scroll
        if line == len(lay.lines) - 1:       # the last line: to the end, so no "more below"
            bottom = max(bottom, view.content_height - 12)
        if bottom + 12 > view.offset + view.rect.h:
            view.offset = min(float(view.max_offset), bottom + 12 - view.rect.h)

    def animating(self) -> bool:
        return self.revealing or any(b.shake > 0 for b in self.buttons)

    # ---- input
    def show_choice(self, button) -> None:
        """Scroll the choice's area so the whole button is in view (the focus moved to it)."""
        self.area.show(button.rect.top, button.rect.bottom)

    def handle_scroll(self, inp) -> bool:
        """The wheel scrolls the docked choices when over them (and they scroll), else the
        text; a drag scrolls the area it started in."""
        if inp.kind == "wheel":
            dock = self.docked and self.dock.max_offset > 0 and inp.pos is not None and \
                self.dock.rect.collidepoint(inp.pos)
            return (self.dock if dock else self.scroll).handle(inp, False)
        used = [area.handle(inp, False) for area in (self.scroll, self.dock)]
        return any(used)

    # ---- drawing
    def static_key(self, focus) -> tuple | None:
        """What the drawn column depends on; None while something shakes (always redraw)."""
        if any(b.shake > 0 for b in self.buttons):
            return None
        cur = focus.current
        fid = cur.view.id if isinstance(cur, ChoiceButton) else None
        return (self._version, int(self.shown) if self.revealing else -1,
                round(self.scroll.offset), round(self.dock.offset), fid, self.chosen)

    def screen_rect(self, button) -> pygame.Rect:
        """Where a choice button is on the screen now (its area scrolls)."""
        area = self.area
        return button.rect.move(0, area.rect.y - round(area.offset))

    def draw(self, surf, focus, reduced: bool) -> None:
        pal = self.ui.theme.palette
        paint.card(surf, self.rect, pal, radius=14)
        clip = surf.get_clip()
        self._draw_text(surf)
        surf.set_clip(clip)
        self._draw_note(surf)
        surf.set_clip(self.area.rect)
        self._draw_choices(surf, focus)
        surf.set_clip(clip)
        if self.docked:            # the separator: the choices are in their own area
            top = self.dock.rect.y
            pygame.draw.line(surf, pal.line, (self.rect.x + 2, top), (self.rect.right - 3, top), 2)
        for area in (self.scroll, self.dock):
            area.draw_bar(surf, pal)
            self._more_hint(surf, area)

    def _draw_text(self, surf) -> None:
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        view = self.scroll.rect
        surf.set_clip(view)
        dy = view.y - round(self.scroll.offset)
        box = pygame.Rect(self.rect.x, dy, self.rect.w, self.scroll.content_height)
        x = self.rect.x + PAD
        paint.lines(surf, cache, th.font("title"), self._title_layout, pal.ink, x, dy + PAD,
                    box=box, clip=view)
        reveal = int(self.shown) if self.revealing else None
        paint.lines(surf, cache, th.font("body"), self._text_layout, pal.ink, x,
                    dy + self._text_top, box=box, reveal=reveal, clip=view)
        if not self.revealing and self._note_rect is None:
            self.note.draw(surf, x, dy + self._note_top, self.rect.w - 2 * PAD, clip=view)

    def _draw_note(self, surf) -> None:
        """The pinned note, once the text has typed."""
        if self._note_rect is not None and not self.revealing:
            r = self._note_rect
            self.note.draw(surf, r.x, r.y, r.w)

    def _draw_choices(self, surf, focus) -> None:
        view = self.area.rect
        dy = view.y - round(self.area.offset)
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

    def _draw_reply(self, surf, dy: int) -> None:
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        lay = self._reply_layout
        r = pygame.Rect(self.rect.x + PAD, dy + self._reply_top, self.rect.w - 2 * PAD,
                        lay.height + 28)
        paint.rounded(surf, r, pal.panel_alt, 10)
        pygame.draw.rect(surf, pal.accent, (r.x, r.y, 5, r.h), border_radius=2)
        paint.lines(surf, cache, th.font("body"), lay, pal.ink, r.x + 24, r.y + 14, box=r)

    def _more_hint(self, surf, area: ScrollView) -> None:
        """A small arrow when more is below, so a long page never hides its choices."""
        if area.rect.h <= 0 or area.offset >= area.max_offset - 2:
            return
        pal = self.ui.theme.palette
        cx, cy = self.rect.centerx, area.rect.bottom + MORE_STRIP // 2
        pygame.draw.line(surf, pal.line, (self.rect.x + PAD, area.rect.bottom),
                         (self.rect.right - PAD, area.rect.bottom))
        pygame.draw.circle(surf, pal.accent, (cx, cy), 12)
        pygame.draw.polygon(surf, pal.accent_ink,
                            [(cx - 6, cy - 3), (cx + 6, cy - 3), (cx, cy + 4)])
