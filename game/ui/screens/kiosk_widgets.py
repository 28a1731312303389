"""Widgets the debrief needs: a text box for short answers, a tick box, and a yes/no overlay.

`TextBox` takes typed characters from pygame's TEXTINPUT events (inputs of kind "text", so
accents, other scripts and input methods work) and edits with Backspace; Enter starts a new
line, Esc or Tab leaves the box. What is typed lives only in the widget until its screen
hands it on: nothing is written anywhere by the box itself.
"""
from __future__ import annotations

import pygame

from .. import paint
from ..theme import LOGICAL_SIZE
from ..widgets import Button, Widget
from .base import BACK_KEYS, Screen

PAD = 12


class TextBox(Widget):
    def __init__(self, rect, text: str = "", placeholder: str = "", limit: int = 600,
                 on_change=None):
        super().__init__(rect, None)
        self.text, self.placeholder, self.limit = text, placeholder, limit
        self.editing = False
        self.on_change = on_change or (lambda text: None)

    def activate(self) -> None:
        self.editing = True

    def stop(self) -> None:
        self.editing = False

    def type(self, chars: str) -> None:
        room = self.limit - len(self.text)
        chars = "".join(c for c in chars if c == "\n" or c.isprintable())[:max(0, room)]
        if chars:
            self.text += chars
            self.on_change(self.text)

    def backspace(self) -> None:
        if self.text:
            self.text = self.text[:-1]
            self.on_change(self.text)

    def handle(self, inp) -> bool:
        """While editing: typed text, Backspace, Enter. True if it used the input."""
        if not self.editing:
            return False
        if inp.kind == "text":
            self.type(inp.unicode)
            return True
        if inp.kind != "key":
            return False
        if inp.key == pygame.K_BACKSPACE:
            self.backspace()
            return True
        if inp.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.type("\n")
            return True
        if inp.key in (pygame.K_ESCAPE, pygame.K_TAB):
            self.stop()
            return inp.key == pygame.K_ESCAPE
        return inp.key not in (pygame.K_TAB,) and bool(inp.unicode)   # typed keys stay here

    def draw(self, surf, ui, focused: bool) -> None:
        th, pal, cache = ui.theme, ui.theme.palette, ui.cache
        paint.rounded(surf, self.rect, pal.panel, 8)
        paint.rounded(surf, self.rect, pal.accent if self.editing else pal.line, 8,
                      2 if self.editing else 1)
        if focused:
            paint.focus_ring(surf, self.rect, pal)
        font, lh = th.font("body"), th.line_height("body")
        inner = self.rect.inflate(-2 * PAD, -2 * PAD)
        if not self.text and not self.editing:
            lay = cache.layout(font, self.placeholder, inner.w, lh)
            paint.lines(surf, cache, font, lay, pal.muted, inner.x, inner.y, box=self.rect)
            return
        lay = cache.layout(font, self.text, inner.w - 4, lh)
        rows = max(1, inner.h // lh)
        first = max(0, len(lay.lines) - rows)     # keep the end (where typing happens) in view
        shown = lay.lines[first:first + rows]
        for i, line in enumerate(shown):
            paint.text(surf, cache, font, line, pal.ink, (inner.x, inner.y + i * lh),
                       box=self.rect)
        if self.editing:   # the caret: a drawn bar after the last character
            last = shown[-1] if shown else ""
            x = inner.x + font.size(last)[0] + 2
            y = inner.y + (len(shown) - 1) * lh
            pygame.draw.line(surf, pal.accent, (x, y + 3), (x, y + lh - 3), 2)
        counter = f"{len(self.text)}/{self.limit}"
        paint.text(surf, cache, th.font("label"), counter, pal.muted,
                   (self.rect.right - 8, self.rect.bottom - 4), "bottomright", box=self.rect)


class TickBox(Widget):
    """A box with a label; Enter, Space or a click ticks and unticks it. The tick is drawn,
    not only coloured."""
    SIZE = 28
    TEXT_X = 8 + SIZE + 12     # where the label begins, from the left edge

    def __init__(self, rect, label: str, checked: bool = False, on_change=None):
        super().__init__(rect, None)
        self.label, self.checked = label, checked
        self.on_change = on_change or (lambda checked: None)

    def activate(self) -> None:
        self.checked = not self.checked
        self.on_change(self.checked)

    def label_layout(self, ui):
        """(font role, wrapped label): the whole label, never cut; with large text in a
        smaller face, and on two lines if it must."""
        th = ui.theme
        width = self.rect.w - self.TEXT_X - 8
        role = th.fitting(self.label, width, ("body_strong", "small_strong"))
        return role, ui.cache.layout(th.font(role), self.label, width, th.line_height(role))

    def draw(self, surf, ui, focused: bool) -> None:
        th, pal, cache = ui.theme, ui.theme.palette, ui.cache
        if focused:
            paint.focus_ring(surf, self.rect, pal)
        size = self.SIZE
        box = pygame.Rect(self.rect.x + 8, self.rect.centery - size // 2, size, size)
        paint.rounded(surf, box, pal.accent if self.checked else pal.panel, 6)
        paint.rounded(surf, box, pal.accent if self.checked else pal.muted, 6, 2)
        if self.checked:
            pts = [(box.x + 6, box.centery), (box.x + 12, box.bottom - 7),
                   (box.right - 6, box.y + 7)]
            pygame.draw.lines(surf, pal.accent_ink, False, pts, 4)
        role, lay = self.label_layout(ui)
        font = th.font(role)
        y = self.rect.centery - lay.height // 2
        paint.lines(surf, cache, font, lay, pal.ink, self.rect.x + self.TEXT_X, y,
                    box=self.rect.inflate(0, max(0, lay.height - self.rect.h)))


class ConfirmScreen(Screen):
    """A question over the screen below, with two buttons; returns True or False."""
    name = "confirm"
    overlay = True
    hint = ""

    def __init__(self, app, title: str, text: str, yes: str, no: str, danger: bool = False):
        super().__init__(app)
        self.title, self.text, self.yes, self.no, self.danger = title, text, yes, no, danger
        self.buttons: list[Button] = []

    def layout(self) -> None:
        th = self.theme
        w = 620
        lay = self.cache.layout(th.font("body"), self.text, w - 72, th.line_height("body"))
        h = 40 + th.line_height("title") + 10 + lay.height + 28 + th.line_height("button") + 60
        self.panel = pygame.Rect((LOGICAL_SIZE[0] - w) // 2, (LOGICAL_SIZE[1] - h) // 2, w, h)
        bh = th.line_height("button") + 24
        y = self.panel.bottom - 28 - bh
        half = (w - 72 - 16) // 2
        no = Button((self.panel.x + 36, y, half, bh), self.no, lambda: self.finish(False),
                    primary=not self.danger)
        yes = Button((self.panel.x + 36 + half + 16, y, half, bh), self.yes,
                     lambda: self.finish(True), primary=self.danger)
        self.buttons = [no, yes]
        self.focus.set(self.buttons, keep=False)   # the safe answer has the focus

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.finish(False)
            return
        self.focus.handle(inp)

    def draw(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        paint.card(surf, self.panel, pal, radius=16)
        x, y = self.panel.x + 36, self.panel.y + 40
        title = cache.fit(th.font("title"), self.title, self.panel.w - 72)
        paint.text(surf, cache, th.font("title"), title, pal.ink, (x, y), box=self.panel)
        lay = cache.layout(th.font("body"), self.text, self.panel.w - 72, th.line_height("body"))
        paint.lines(surf, cache, th.font("body"), lay, pal.ink, x,
                    y + th.line_height("title") + 10, box=self.panel)
        for b in self.buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))
