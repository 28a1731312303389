"""The debrief in Thiagi's six steps (feel, happened, learned, relates, what if, next), one
page each, with the player's own data where it fits and a box for a short typed answer.

Left: the player's data for the step (score path and doors for "what happened", the
chilling shift beside the published figures for "what did you learn", ...), read from the
session record the export will hold. Right: the level's prompts for the step and the answer
box. The last page has the tick box "include my answers": unticked, what was typed is
dropped when the screen closes and never written anywhere (Finish asks first when something
was typed).

Typing goes to the answer box: it has the focus and takes keys from the start of each step,
and typed characters go to it even after a click elsewhere, so a space never presses Next
while a student is writing. Tab leaves the box for Next.
"""
from __future__ import annotations

import pygame

from ...classroom import strings as K
from ...classroom.debrief_steps import prompts, step_data
from .. import paint
from .. import strings as S
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button, ScrollView
from .base import Screen, page_hint, wordmark
from .debrief_blocks import FigureCards, ScoreChart
from .document import Label, Spacer, Text, draw_scrolled
from .kiosk_widgets import ConfirmScreen, TextBox, TickBox

BAR_Y = LOGICAL_SIZE[1] - 84
HEAD_Y = 64
MIN_BOX = 110     # the answer box is never lower than this


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
        self.step = 0
        self.answers = {key: "" for key, _ in K.STEPS}
        self.include = False
        self.placed: list = []
        self.left = self.right = pygame.Rect(0, 0, 0, 0)
        self.scroll = ScrollView(self.left)
        self.box: TextBox | None = None
        self.tick: TickBox | None = None
        self.buttons: list[Button] = []
        self._drop_text: str | None = None   # the TEXTINPUT of a space that pressed a button

    @property
    def key(self) -> str:
        return K.STEPS[self.step][0]

    # ---- lifecycle
    def enter(self) -> None:
        pygame.key.start_text_input()
        super().enter()

    def leave(self) -> None:
        pygame.key.stop_text_input()
        self.answers = {}     # nothing typed outlives the screen unless handed on

    def layout(self) -> None:
        th = self.theme
        top = HEAD_Y + th.line_height("small_strong") + th.line_height("title") + 12
        self.left = pygame.Rect(64, top, 640, BAR_Y - 24 - top)
        self.right = pygame.Rect(744, top, 472, BAR_Y - 24 - top)
        self._place_blocks()
        self._place_widgets()

    def _place_blocks(self) -> None:
        y, self.placed = 0, []
        for block in self.blocks():
            h = block.measure(self.app, self.left.w - 16)
            self.placed.append((block, pygame.Rect(self.left.x, y, self.left.w - 16, h)))
            y += h
        self.scroll = ScrollView(self.left, y + 16)

    def _place_widgets(self) -> None:
        th = self.theme
        bh = th.line_height("button") + 22
        widgets = []
        self.box = None
        if self.allow_answers:
            top = self.right.y + self._prompts_height() + 12 + th.line_height("label") + 6
            height = BAR_Y - 24 - top - (56 if self._last else 0)
            self.box = TextBox((self.right.x, top, self.right.w, height),
                               self.answers.get(self.key, ""), K.TYPE_HERE,
                               on_change=self._typed)
            widgets.append(self.box)
        self.tick = None
        if self._last and self.allow_answers:
            self.tick = TickBox((self.right.x, BAR_Y - 60, self.right.w, 44), K.INCLUDE_ANSWERS,
                                self.include, self._ticked)
            widgets.append(self.tick)
        self.buttons = self._bar_buttons(bh)
        self.focus.set(widgets + self.buttons[::-1], keep=False)   # Tab: box, tick, Next...
        if self.box is not None:
            self.box.activate()
            self.focus.focus(self.box)
        elif self.buttons:
            self.focus.focus(self.buttons[-1])

    def _bar_buttons(self, bh: int) -> list[Button]:
        th = self.theme
        right = LOGICAL_SIZE[0] - 64
        label = K.FINISH if self._last else K.NEXT
        w = th.font("button").size(label)[0] + 60
        buttons = []
        if self.step:
            buttons.append(Button((64, BAR_Y, 160, bh), K.BACK, self.previous))
        if self.key == "happened" and self.on_full_report is not None:
            rw = th.font("button").size(K.FULL_REPORT)[0] + 48
            buttons.append(Button((right - w - 16 - rw, BAR_Y, rw, bh), K.FULL_REPORT,
                                  self.on_full_report))
        buttons.append(Button((right - w, BAR_Y, w, bh), label, self.next, primary=True))
        return buttons

    @property
    def _last(self) -> bool:
        return self.step == len(K.STEPS) - 1

    # ---- moving between steps
    def next(self) -> None:
        if self._last:
            if not self.include and any(a.strip() for a in self.answers.values()):
                self.app.push(ConfirmScreen(self.app, K.DROP_TITLE, K.DROP_TEXT, K.DROP_YES,
                                            K.DROP_NO), self._confirmed)
                return
            answers = dict(self.answers)
            self.on_finish(answers if self.include else None, self.include)
            return
        self.step += 1
        self.layout()

    def previous(self) -> None:
        if self.step:
            self.step -= 1
            self.layout()

    def _confirmed(self, drop: bool) -> None:
        if drop:
            self.on_finish(None, False)
        elif self.tick is not None:
            self.focus.focus(self.tick)

    def _typed(self, text: str) -> None:
        self.answers[self.key] = text

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
        if inp.kind in ("wheel",) or (inp.kind == "key" and inp.key in (
                pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END)):
            self.scroll.handle(inp)
            return
        if inp.kind == "press" and box is not None and not box.contains(inp.pos):
            box.stop()
        if self.focus.handle(inp):
            if inp.kind == "key" and inp.key == pygame.K_SPACE:
                self._drop_text = " "
        else:
            self.scroll.handle(inp, keys=False)

    # ---- the page for each step
    def blocks(self) -> list:
        make = getattr(self, f"_blocks_{self.key}")
        return make()

    def _step(self) -> dict:
        return step_data(self.key, self.data, self.level)

    def _blocks_feel(self) -> list:
        d = self._step()
        lines = d["verdict"]
        out = [Label(S.VERDICT_LABEL), *[Text(line, "body_strong", space=6) for line in lines],
               Spacer(8)] if lines else []
        out.append(Text(d["lead"], "body_strong"))
        if d["ending"]:
            out += [Label(S.ENDING_LABEL), Text(d["ending"], "heading", space=4)]
            if d["final"] is not None:
                out.append(Text(S.FINAL_SCORE.format(score=d["final"]), "body"))
        return out

    def _blocks_happened(self) -> list:
        d = self._step()
        if not d["points"]:
            return [Text(S.REPORT_EMPTY, muted=True)]
        out = [Label(S.SEC_SCORE), ScoreChart(d["points"], d["thresholds"]), Spacer(8)]
        return out + [Text(S.BULLET.format(text=line), space=6) for line in d["lines"]]

    def _blocks_learned(self) -> list:
        d = self._step()
        out = [Label(S.SEC_CHILLING), Text(d["lead"], "body_strong")]
        for kind in d["kinds"]:   # each kind beside the one study it compares with
            out += [Text(kind["name"], "body_strong", space=4), FigureCards(kind["cards"])]
        if d["cards"]:
            out.append(FigureCards(d["cards"]))
        out += [Text(S.CHILLING_PAIR.format(**p), "small", indent=16, space=4)
                for p in d["pairs"]]
        return out

    def _blocks_relates(self) -> list:
        d = self._step()
        out = [Label(d["lead"])]
        out += [Text(S.BULLET.format(text=c), "small", space=6) for c in d["lines"]]
        return out + [Spacer(6)] + [Text(ref, "small", muted=True, space=4) for ref in d["refs"]]

    def _blocks_what_if(self) -> list:
        d = self._step()
        out = [Text(d["lead"], "body_strong")] if d["lead"] else []
        out.append(Text(d["note"], muted=True))
        for each in d["contrasts"]:   # the same choices under the other rules
            out += [Spacer(8), Label(each["title"]), Text(each["intro"], "small", space=8)]
            out += [Text(line, "small", space=8) for line in each["lines"]]
        return out

    def _blocks_next(self) -> list:
        d = self._step()
        out = [Text(d["lead"], "body_strong")]
        if self.allow_answers:
            out.append(Text(d["note"], muted=True))
        return out

    def _prompts(self) -> list[str]:
        return prompts(self.key, self.level)

    def _prompts_layouts(self) -> list:
        """The step's prompts that fit above an answer box of at least MIN_BOX (large text
        shows fewer; the first one always)."""
        th = self.theme
        room = BAR_Y - 24 - self.right.y - (56 if self._last else 0)
        if self.allow_answers:
            room -= MIN_BOX + 12 + th.line_height("label") + 6
        lays, used = [], 0
        for p in self._prompts():
            lay = self.cache.layout(th.font("small"), S.BULLET.format(text=p), self.right.w,
                                    th.line_height("small"))
            if lays and used + lay.height + 6 > room:
                break
            lays.append(lay)
            used += lay.height + 6
        return lays

    def _prompts_height(self) -> int:
        return sum(lay.height + 6 for lay in self._prompts_layouts())

    # ---- drawing
    def draw(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, 31))
        title = K.STEPS[self.step][1]
        bar = pygame.Rect(0, 0, LOGICAL_SIZE[0], 100)
        paint.text(surf, cache, th.font("small_strong"),
                   f"{K.DEBRIEF_TITLE} · {K.STEP_OF.format(n=self.step + 1)}", pal.muted,
                   (64, HEAD_Y), box=bar)
        paint.text(surf, cache, th.font("title"), cache.fit(th.font("title"), title, 900),
                   pal.ink, (64, HEAD_Y + th.line_height("small_strong")),
                   box=pygame.Rect(0, 0, LOGICAL_SIZE[0], self.left.y))
        self._dots(surf)
        self._draw_left(surf)
        self._draw_right(surf)
        for w in ([self.tick] if self.tick else []) + self.buttons:
            w.draw(surf, self.app, self.focus.is_focused(w))
        if self.box is not None:
            page_hint(self, surf, K.DEBRIEF_KEYS, self._hint_span())

    def _hint_span(self) -> tuple[int, int]:
        """Between the bottom row's buttons (Back on the left, Next or Finish on the right)."""
        row = [b.rect for b in self.buttons if b.rect.bottom > LOGICAL_SIZE[1] - 60]
        middle = LOGICAL_SIZE[0] // 2
        left = max((r.right for r in row if r.centerx < middle), default=64)
        right = min((r.left for r in row if r.centerx >= middle), default=LOGICAL_SIZE[0] - 64)
        return left + 24, right - 24

    def _dots(self, surf) -> None:
        pal = self.pal
        for i in range(len(K.STEPS)):
            center = (LOGICAL_SIZE[0] - 64 - (len(K.STEPS) - 1 - i) * 24, 40)
            if i <= self.step:
                pygame.draw.circle(surf, pal.accent, center, 7)
            else:
                pygame.draw.circle(surf, pal.muted, center, 7, 2)

    def _draw_left(self, surf) -> None:
        draw_scrolled(surf, self.app, self.scroll, self.placed, self.pal)

    def _draw_right(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        y = self.right.y
        box = pygame.Rect(self.right.x, self.right.y, self.right.w, BAR_Y - self.right.y)
        for lay in self._prompts_layouts():
            y = paint.lines(surf, cache, th.font("small"), lay, pal.ink, self.right.x, y,
                            box=box) + 6
        if self.box is not None:
            paint.text(surf, cache, th.font("label"), K.YOUR_ANSWER.upper(), pal.muted,
                       (self.right.x, self.box.rect.y - th.line_height("label") - 6), box=box)
            self.box.draw(surf, self.app, self.focus.is_focused(self.box))
