"""The debrief in Thiagi's six steps (feel, happened, learned, relates, what if, next) on four
pages (`game.classroom.debrief_steps.PAGES`: feel beside happened, learned, relates beside
what if, next), each step with its own questions and its own box for a short typed answer.

Left: the player's data for its steps, read from the session record the export will hold
(kiosk_debrief_data: the verdict and the chart in view, the longer parts folded behind one
line each). Right: each step's question, the level's prompts for it and its answer box, which
is two lines high and grows as it fills. When the questions fit the screen they stay put and
the data scrolls beside them; when they do not, the page scrolls as one. The last page has the tick
box "include my answers", with the note under it: unticked, what was typed is dropped when the
screen closes and never written anywhere (Finish asks first when something was typed).

Typing goes to an answer box: the page's first box has the focus and takes keys from the
start of each page, and typed characters go to the box last typed in even after a click
elsewhere, so a space never presses Next while a student is writing. Tab goes on to the next
box, then to Next; Esc stops typing.
"""
from __future__ import annotations

from functools import partial

import pygame

from ...classroom import strings as K
from ...classroom.debrief_steps import PAGES, page_label, prompts, step_heading
from .. import paint
from .. import strings as S
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button, ScrollView, Widget
from .base import Screen, page_hint, wordmark
from .debrief_blocks import Fold
from .document import Spacer, Text, draw_scrolled
from .kiosk_debrief_data import step_blocks
from .kiosk_widgets import PAD, ConfirmScreen, TextBox, TickBox

BAR_Y = LOGICAL_SIZE[1] - 84
HEAD_Y = 64       # the page starts under the top row (the mark, where you are, the dots)
LEFT_WIDTHS = range(320, 761, 40)   # the data column's widths tried; the questions take the rest
GAP = 40
MIN_LINES, MAX_LINES = 2, 6   # an answer box grows from two lines to six, then scrolls


class InView:
    """A widget on the scrolling page: it takes a click only where the page shows it."""
    rect: pygame.Rect
    view = pygame.Rect(0, 0, 0, 0)

    def contains(self, pos) -> bool:
        return self.rect.clip(self.view).collidepoint(pos)


class AnswerBox(InView, TextBox):
    key = ""


class PageTick(InView, TickBox):
    pass


class FoldLine(InView, Widget):
    """The focus and the click of a folded part's line (the Fold block draws the line)."""

    def __init__(self, fold: int, on_activate):
        super().__init__((0, 0, 0, 0), on_activate)
        self.fold = fold

    def draw(self, surf, ui, focused: bool) -> None:
        if focused:
            paint.focus_ring(surf, self.rect, ui.theme.palette)


class DebriefStepsScreen(Screen):
    name = "debrief steps"
    hint = ""

    def __init__(self, app, data: dict, level=None, allow_answers: bool = True,
                 on_finish=None, on_full_report=None):
        super().__init__(app)
        self.data, self.level = data, level
        self.allow_answers = allow_answers
        self.on_finish = on_finish or (lambda answers, include: None)
        self.on_full_report = on_full_report
        self.page = 0
        self.answers = {key: "" for key, _ in K.STEPS}
        self.include = False
        self.opened: set[int] = set()          # the folds open on this page
        self.left_w = LEFT_WIDTHS[0]           # the data column's width on this page
        self.view = pygame.Rect(0, 0, 0, 0)
        self.scroll = ScrollView(self.view)
        self.placed: list = []                 # the data column's blocks, then the questions'
        self.split = 0                         # where the questions' blocks begin in placed
        self.pinned = False                    # the questions fit the view: they stay put
        self.spots: dict = {}                  # widget -> where it sits on the page
        self.boxes: dict[str, AnswerBox] = {}
        self.box: AnswerBox | None = None      # where typing goes
        self.tick: PageTick | None = None
        self.folds: list[FoldLine] = []
        self.buttons: list[Button] = []
        self._drop_text: str | None = None   # the TEXTINPUT of a space that pressed a button

    @property
    def keys(self) -> tuple[str, ...]:
        """The steps on this page."""
        return PAGES[self.page]

    @property
    def last(self) -> bool:
        return self.page == len(PAGES) - 1

    # ---- lifecycle
    def enter(self) -> None:
        pygame.key.start_text_input()
        super().enter()

    def leave(self) -> None:
        pygame.key.stop_text_input()
        self.answers = {}     # nothing typed outlives the screen unless handed on

    def layout(self) -> None:
        """The page afresh (a new page, or a new text size): its first box takes the keys."""
        top = HEAD_Y
        self.view = pygame.Rect(MARGIN + 24, top, LOGICAL_SIZE[0] - 2 * MARGIN - 36,
                                BAR_Y - 14 - top)
        self.boxes = {}
        if self.allow_answers:
            for key in self.keys:
                box = AnswerBox((0, 0, 0, 0), self.answers.get(key, ""), K.TYPE_HERE,
                                on_change=partial(self._typed, key))
                box.key = key
                self.boxes[key] = box
        self.tick = PageTick((0, 0, 0, 0), K.INCLUDE_ANSWERS, self.include, self._ticked
                             ) if self.last and self.allow_answers else None
        self.buttons = self._bar_buttons(self.theme.line_height("button") + 22)
        self.scroll = ScrollView(self.view)
        self.left_w = self._balanced()
        self._place()
        self.box = next(iter(self.boxes.values()), None)
        if self.box is not None:
            self.box.activate()
            self.focus.focus(self.box)
        else:
            self.focus.focus(self._primary())

    def _primary(self) -> Button:
        return next(b for b in self.buttons if b.primary)

    def _bar_buttons(self, bh: int) -> list[Button]:
        th = self.theme
        right = LOGICAL_SIZE[0] - 64
        label = K.FINISH if self.last else K.NEXT
        w = th.font("button").size(label)[0] + 60
        buttons = []
        if self.page:
            buttons.append(Button((64, BAR_Y, 160, bh), K.BACK, self.previous))
        if "happened" in self.keys and self.on_full_report is not None:
            rw = th.font("button").size(K.FULL_REPORT)[0] + 48
            buttons.append(Button((right - w - 16 - rw, BAR_Y, rw, bh), K.FULL_REPORT,
                                  self.on_full_report))
        buttons.append(Button((right - w, BAR_Y, w, bh), label, self.next, primary=True))
        return buttons

    # ---- placing the page
    def _balanced(self) -> int:
        """The widest data column that keeps the page as short as it can be (one screen,
        where any width fits it in one)."""
        heights = {}
        for width in LEFT_WIDTHS:
            self.left_w = width
            self._place()
            heights[width] = self.scroll.content_height
        enough = max(min(heights.values()), self.view.h)
        return max(w for w, h in heights.items() if h <= enough)

    def _place(self) -> None:
        """Both columns on the page, keeping the scroll where it was."""
        app = self.app
        lx = self.view.x + 16
        rx = lx + self.left_w + GAP
        rw = self.view.right - 16 - rx           # the scroll bar runs along the right edge
        blocks: list = []
        for i, key in enumerate(self.keys):
            blocks += ([Spacer(16)] if i else []) + step_blocks(
                key, self.data, self.level, self.opened)
        self.placed, self.spots = [], {}
        left = self._stack(blocks, lx, self.left_w, 0)
        self.split = len(self.placed)
        y = 0
        for n, key in enumerate(self.keys):
            y += 24 if n else 0
            asks = [Text(S.BULLET.format(text=p), "small", space=6)
                    for p in prompts(key, self.level)]
            y = self._stack([Text(step_heading(key), "heading", space=6), *asks], rx, rw, y)
            box = self.boxes.get(key)
            if box is not None:
                self.spots[box] = pygame.Rect(rx, y + 4, rw, self._box_height(box, rw))
                y = self.spots[box].bottom
        if self.tick is not None:
            y += 6
            self.tick.rect = pygame.Rect(rx, y, rw, 44)
            _, lay = self.tick.label_layout(app)
            self.spots[self.tick] = pygame.Rect(rx, y, rw, max(44, lay.height + 12))
            words_end = y + (self.spots[self.tick].h + lay.height) // 2
            note = Text(K.INCLUDE_NOTE, "small", muted=True, indent=PageTick.TEXT_X, space=0)
            y = self._stack([note], rx, rw, words_end + 2)     # under the tick's words
        focused = self.focus.current
        self.folds = []
        for block, rect in self.placed:
            if isinstance(block, Fold):
                fold = FoldLine(block.key, partial(self.toggle, block.key))
                self.folds.append(fold)
                self.spots[fold] = rect.inflate(0, -2 * Fold.GAP)
        offset = self.scroll.offset
        self.pinned = y + 4 <= self.view.h     # then only the data scrolls, under them
        self.scroll = ScrollView(self.view, (left if self.pinned else max(left, y)) + 4)
        self.scroll.scroll(offset)
        self._sync()
        buttons = [b for b in self.buttons if b.primary] + [
            b for b in self.buttons if not b.primary and b.label != K.BACK]
        back = [b for b in self.buttons if b.label == K.BACK]
        order = [*self.boxes.values(), *([self.tick] if self.tick else []), *buttons,
                 *self.folds, *back]      # Tab: the boxes, the tick, Next, the folds, Back
        self.focus.set(order, keep=False)
        if isinstance(focused, FoldLine):   # a fold just opened or closed keeps the focus
            focused = next((f for f in self.folds if f.fold == focused.fold), None)
        if focused is not None:
            self.focus.focus(focused)

    def _stack(self, blocks: list, x: int, w: int, y: int) -> int:
        for block in blocks:
            h = block.measure(self.app, w)
            self.placed.append((block, pygame.Rect(x, y, w, h)))
            y += h
        return y

    def _box_height(self, box: TextBox, width: int) -> int:
        th = self.theme
        lh = th.line_height("body")
        lines = self.cache.layout(th.font("body"), box.text + "|", width - 2 * PAD - 4, lh)
        return max(MIN_LINES, min(MAX_LINES, len(lines.lines))) * lh + 2 * PAD

    def _sync(self) -> None:
        """The page's widgets where it shows them now."""
        for widget, rect in self.spots.items():
            widget.rect = rect.move(0, self._dy(widget))
            widget.view = self.view

    def _dy(self, widget=None) -> int:
        """How far down the screen the page's point (0, 0) is for `widget` (a box or the tick
        of pinned questions stays put; everything else scrolls)."""
        if self.pinned and not isinstance(widget, FoldLine):
            return self.view.y
        return self.view.y - round(self.scroll.offset)

    def _show(self, widget) -> None:
        """Scroll `widget` into view (pinned questions always are)."""
        rect = self.spots.get(widget)
        if rect is None or self._dy(widget) == self.view.y and self.pinned:
            return
        self.scroll.show(rect.y, rect.bottom)
        self._sync()

    # ---- moving between pages
    def next(self) -> None:
        if self.last:
            if not self.include and any(a.strip() for a in self.answers.values()):
                self.app.push(ConfirmScreen(self.app, K.DROP_TITLE, K.DROP_TEXT, K.DROP_YES,
                                            K.DROP_NO), self._confirmed)
                return
            answers = dict(self.answers)
            self.on_finish(answers if self.include else None, self.include)
            return
        self._turn(self.page + 1)

    def previous(self) -> None:
        if self.page:
            self._turn(self.page - 1)

    def _turn(self, page: int) -> None:
        self.page, self.opened = page, set()
        self.layout()

    def toggle(self, fold: int) -> None:
        """Open or fold away a folded part; opened, its line goes to the top of the view."""
        self.opened ^= {fold}
        self._place()
        if fold in self.opened:
            top = next(r.y for b, r in self.placed if isinstance(b, Fold) and b.key == fold)
            self.scroll.scroll(top - 8 - self.scroll.offset)
            self._sync()

    def _confirmed(self, drop: bool) -> None:
        if drop:
            self.on_finish(None, False)
        elif self.tick is not None:
            self.focus.focus(self.tick)
            self._show(self.tick)

    def _typed(self, key: str, text: str) -> None:
        self.answers[key] = text
        box = self.boxes[key]
        if self._box_height(box, box.rect.w) != self.spots[box].h:
            self._place()                       # the box grows (or shrinks) with the answer
        self._show(box)

    def _ticked(self, checked: bool) -> None:
        self.include = checked

    # ---- input
    def handle(self, inp) -> None:
        box, drop = self.box, self._drop_text
        self._drop_text = None
        if inp.kind == "text" and drop is not None and inp.unicode == drop:
            return                       # the space that pressed a button types nothing
        if box is not None and box.handle(inp):
            return
        if inp.kind == "text" and box is not None:     # typing always goes to the box
            self.focus.focus(box)
            box.activate()
            box.handle(inp)
            return
        if inp.kind == "key" and inp.key == pygame.K_ESCAPE:
            self.previous()
            return
        if inp.kind == "wheel" or (inp.kind == "key" and inp.key in (
                pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END,
                pygame.K_UP, pygame.K_DOWN)):
            self.scroll.handle(inp)
            self._sync()
            return
        if inp.kind == "press" and box is not None and not box.contains(inp.pos):
            box.stop()
        pressed = self.focus.current
        if self.focus.handle(inp, arrows=False):
            if inp.kind == "key" and inp.key == pygame.K_SPACE and not isinstance(
                    pressed, TextBox):
                self._drop_text = " "    # (a space that opened a box types itself there)
            if inp.kind in ("key", "press"):
                self._follow_focus(inp.kind == "key")
        else:
            self.scroll.handle(inp, keys=False)
            self._sync()

    def _follow_focus(self, by_key: bool) -> None:
        """Tab or a click reached another answer box: typing goes there now. Tab scrolls
        whatever it reaches on the page into view."""
        current = self.focus.current
        if isinstance(current, AnswerBox) and current is not self.box:
            if self.box is not None:
                self.box.stop()
            self.box = current
            current.activate()
        if by_key:
            self._show(current)

    # ---- drawing
    def draw(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, 31))
        paint.text(surf, cache, th.font("small_strong"),
                   f"{K.DEBRIEF_TITLE} · {page_label(self.page)}", pal.muted,
                   (LOGICAL_SIZE[0] // 2, 40), "center",
                   box=pygame.Rect(0, 0, LOGICAL_SIZE[0], HEAD_Y))
        self._dots(surf)
        scrolled = self.placed[:self.split] if self.pinned else self.placed
        draw_scrolled(surf, self.app, self.scroll, scrolled, pal)
        if self.pinned:
            self._draw_pinned(surf)
        clip = surf.get_clip()
        surf.set_clip(self.view)
        for widget in self.spots:
            if widget.rect.colliderect(self.view):
                widget.draw(surf, self.app, self.focus.is_focused(widget))
        surf.set_clip(clip)
        for button in self.buttons:
            button.draw(surf, self.app, self.focus.is_focused(button))
        if self.boxes:
            page_hint(self, surf, K.DEBRIEF_KEYS, self._hint_span())

    def _draw_pinned(self, surf) -> None:
        clip = surf.get_clip()
        surf.set_clip(self.view)
        for block, rect in self.placed[self.split:]:
            block.draw(surf, self.app, rect.move(0, self.view.y))
        surf.set_clip(clip)

    def _hint_span(self) -> tuple[int, int]:
        """Between the bottom row's buttons (Back on the left, Next or Finish on the right)."""
        middle = LOGICAL_SIZE[0] // 2
        left = max((b.rect.right for b in self.buttons if b.rect.centerx < middle),
                   default=64)
        right = min((b.rect.left for b in self.buttons if b.rect.centerx >= middle),
                    default=LOGICAL_SIZE[0] - 64)
        return left + 24, right - 24

    def _dots(self, surf) -> None:
        """Six dots, one for each step: filled up to the last step on this page."""
        pal = self.pal
        done = PAGES[self.page][-1]
        upto = [key for key, _ in K.STEPS].index(done)
        for i in range(len(K.STEPS)):
            center = (LOGICAL_SIZE[0] - 64 - (len(K.STEPS) - 1 - i) * 24, 40)
            if i <= upto:
                pygame.draw.circle(surf, pal.accent, center, 7)
            else:
                pygame.draw.circle(surf, pal.muted, center, 7, 2)
