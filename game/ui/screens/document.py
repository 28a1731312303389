"""A scrolling page made of blocks: the history, the credits and the debrief use it.

Blocks are measured for the page width (again whenever the text size changes) and only the
ones in view are drawn. The page scrolls with the wheel, the arrow keys, PageUp/PageDown,
Home/End and by dragging; buttons along the top are reached with Tab.
"""
from __future__ import annotations

import pygame

from .. import paint
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button, ScrollView
from .base import BACK_KEYS, Screen, wordmark

PAGE_W = 1000
TOP = 84


class Block:
    """Something on the page. `measure` returns its height for a width; `draw` draws it."""

    def measure(self, ui, width: int) -> int:
        return 0

    def draw(self, surf, ui, rect: pygame.Rect) -> None:
        pass


class Text(Block):
    def __init__(self, text: str, role: str = "body", muted: bool = False, indent: int = 0,
                 space: int = 10):
        self.text, self.role, self.muted, self.indent, self.space = text, role, muted, indent, space

    def _layout(self, ui, width: int):
        th = ui.theme
        return ui.cache.layout(th.font(self.role), self.text, width - self.indent,
                               th.line_height(self.role))

    def measure(self, ui, width: int) -> int:
        return self._layout(ui, width).height + self.space

    def draw(self, surf, ui, rect) -> None:
        pal = ui.theme.palette
        lay = self._layout(ui, rect.w)
        paint.lines(surf, ui.cache, ui.theme.font(self.role), lay,
                    pal.muted if self.muted else pal.ink, rect.x + self.indent, rect.y, box=rect,
                    clip=surf.get_clip())


class Heading(Text):
    def __init__(self, text: str, role: str = "heading"):
        super().__init__(text, role, space=8)

    def measure(self, ui, width: int) -> int:
        return 26 + super().measure(ui, width)

    def draw(self, surf, ui, rect) -> None:
        pal = ui.theme.palette
        pygame.draw.line(surf, pal.line, (rect.x, rect.y + 8), (rect.right, rect.y + 8))
        super().draw(surf, ui, rect.move(0, 26))


class Label(Text):
    """Small capitals above a group."""

    def __init__(self, text: str):
        super().__init__(text.upper(), "label", muted=True, space=6)


class Spacer(Block):
    def __init__(self, height: int):
        self.height = height

    def measure(self, ui, width: int) -> int:
        return self.height


def draw_scrolled(surf, app, scroll: ScrollView, placed, pal) -> None:
    """Draw the blocks that show through a scroll view, clipped to it, and its scroll bar."""
    view = scroll.rect
    clip = surf.get_clip()
    surf.set_clip(view)
    dy = view.y - round(scroll.offset)
    for block, rect in placed:
        shown = rect.move(0, dy)
        if shown.bottom >= view.top and shown.top <= view.bottom:
            block.draw(surf, app, shown)
    surf.set_clip(clip)
    scroll.draw_bar(surf, pal)


class DocumentScreen(Screen):
    """A titled page of blocks with buttons in the top bar."""
    name = "document"
    page_w = PAGE_W   # the text column's width (a page of tables may take more)

    def __init__(self, app, title: str, note: str = ""):
        super().__init__(app)
        self.title, self.note = title, note
        self.blocks: list[Block] = []
        self.placed: list[tuple[Block, pygame.Rect]] = []
        self.scroll = ScrollView((0, 0, 0, 0))
        self.buttons: list[Button] = []

    def build(self) -> list[Block]:
        """The page's blocks (title and note are added in front)."""
        return []

    def actions(self) -> list[tuple[str, object]]:
        """Top-bar buttons as (label, callback); the last is the default."""
        return []

    def layout(self) -> None:
        self.blocks = [Text(self.title, "title", space=4)]
        if self.note:
            self.blocks.append(Text(self.note, "body", muted=True, space=12))
        self.blocks += self.build()
        x = (LOGICAL_SIZE[0] - self.page_w) // 2
        y, self.placed = 8, []
        width = self.page_w - 16   # room for the scroll bar
        for block in self.blocks:
            h = block.measure(self.app, width)
            self.placed.append((block, pygame.Rect(x, y, width, h)))
            y += h
        view = pygame.Rect(x - 24, TOP, self.page_w + 48, LOGICAL_SIZE[1] - TOP - MARGIN)
        offset = self.scroll.offset
        self.scroll = ScrollView(view, y + 40)
        self.scroll.scroll(offset)
        self._layout_buttons()

    def _layout_buttons(self) -> None:
        th = self.theme
        h = th.line_height("small_strong") + 16
        x = LOGICAL_SIZE[0] - MARGIN
        self.buttons = []
        for i, (label, action) in enumerate(reversed(self.actions())):
            w = th.font("small_strong").size(label)[0] + 40
            x -= w
            self.buttons.insert(0, Button((x, 40 - h // 2, w, h), label, action,
                                          role="small_strong", primary=(i == 0)))
            x -= 12
        self.focus.set(self.buttons)
        if self.buttons:
            self.focus.focus(self.buttons[-1])

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.back()
        elif inp.kind == "key" and inp.key in (pygame.K_UP, pygame.K_DOWN):
            self.scroll.handle(inp)
        elif inp.kind == "key" and inp.key == pygame.K_SPACE:
            self.scroll.handle(inp)
        elif self.focus.handle(inp):
            return
        elif self.scroll.handle(inp):
            self.focus.cancel_press()

    def draw(self, surf) -> None:
        pal = self.pal
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, 31))
        paint.card(surf, self.scroll.rect.inflate(0, 16), pal, radius=14)
        draw_scrolled(surf, self.app, self.scroll, self.placed, pal)
        for b in self.buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))
