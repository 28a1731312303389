"""The ending: its picture, title and text, the final score, and the way into the debrief.

What the story remembers of earlier chapters follows the text as a marked note
(`remembered.RememberedNote`), pinned under the scrolling column when the column overflows,
so it is seen without scrolling."""
from __future__ import annotations

import pygame

from ...core import ending_told
from ...core.changes import final_display
from .. import intents, messages, paint
from .. import strings as S
from ..illustration import Illustration, art_folder
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button, ScrollView
from .base import BACK_KEYS, Screen, page_hint, wordmark
from .remembered import RememberedNote

ART = pygame.Rect(MARGIN + 40, 96, 520, 470)
TEXT_X = ART.right + 48
TEXT_W = LOGICAL_SIZE[0] - TEXT_X - MARGIN - 40


class EndingScreen(Screen):
    name = "ending"
    hint = S.HINT_ENDING
    def __init__(self, app, session, chapter=None, after=()):
        """`after`: (label, intent) for each way on besides the debrief, from
        `game.ui.onward.after_chapter`; the buttons show them last first."""
        super().__init__(app)
        self.session, self.chapter, self.after = session, chapter, list(after)
        self.ending = session.ending
        told = ending_told(session.state)
        self.text = told.text
        self.note = RememberedNote(app)
        self.note.set(told.remembered, TEXT_W)
        self.note_pinned = False
        self.art = Illustration()
        self.buttons: list[Button] = []
        self.scroll = ScrollView((0, 0, 0, 0))

    def enter(self) -> None:
        super().enter()
        self.app.sound.music("theme_ending")

    def layout(self) -> None:
        th = self.theme
        h = th.line_height("button") + 24
        specs = [(S.TO_DEBRIEF, self._debrief, True)] + [
            (label, self._asker(intent), False) for label, intent in reversed(self.after)]
        y = LOGICAL_SIZE[1] - 64 - len(specs) * (h + 10)
        self.buttons = [Button((TEXT_X, y + i * (h + 10), TEXT_W, h), label, action,
                               number=i + 1, primary=primary)
                        for i, (label, action, primary) in enumerate(specs)]
        self.focus.set(self.buttons, keep=False)
        self.place_text(y)

    def place_text(self, bottom: int) -> None:
        """The text column from the picture's top to `bottom` (the buttons' top), with the
        remembered note pinned at its foot when the column overflows."""
        self.note.set(self.note.lines, TEXT_W)      # the text size may have changed
        height, note = bottom - 20 - ART.y, self.note.height + 20
        self.note_pinned = self._text_height(with_note=True) > height and \
            self.note.pinned(height)
        if self.note_pinned:
            height -= note
        self.scroll = ScrollView((TEXT_X - 8, ART.y, TEXT_W + 16, height),
                                 self._text_height(with_note=not self.note_pinned))

    def _text_height(self, with_note: bool) -> int:
        th, cache = self.theme, self.cache
        title = cache.layout(th.font("title"), self.ending.title, TEXT_W, th.line_height("title"))
        text = cache.layout(th.font("body"), self.text, TEXT_W, th.line_height("body"))
        note = self.note.height + 20 if with_note and self.note.height else 0
        return (th.line_height("label") + 8 + title.height + 16 + text.height + 20 + note +
                self._final_layout().height)

    def _final_layout(self):
        """The final-score line, wrapped to the text column (some are a whole sentence)."""
        th = self.theme
        final = messages.final_line(final_display(self.session.state))
        return self.cache.layout(th.font("heading"), final, TEXT_W, th.line_height("heading"))

    def _asker(self, intent):
        return lambda: self.app.ask(intent)

    def _debrief(self) -> None:
        self.app.ask(intents.ToDebrief(self.session, self.chapter))

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self._debrief()
        elif inp.kind == "key" and inp.number and inp.number <= len(self.buttons):
            self.buttons[inp.number - 1].activate()
        elif not self.focus.handle(inp):
            self.scroll.handle(inp, keys=False)

    def draw(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, 31))
        self.art.draw(surf, ART, self.ending.art, th.art, 0.0, True, corners=(14, pal.bg),
                      folder=art_folder(self.chapter))
        paint.rounded(surf, ART, pal.line, 14, 1)
        view = self.scroll.rect
        clip = surf.get_clip()
        surf.set_clip(view)
        box = pygame.Rect(TEXT_X, view.y - round(self.scroll.offset), TEXT_W,
                          self.scroll.content_height)
        y = box.y
        paint.text(surf, cache, th.font("label"), S.ENDING_LABEL, pal.accent, (TEXT_X, y), box=box)
        y += th.line_height("label") + 8
        title = cache.layout(th.font("title"), self.ending.title, TEXT_W, th.line_height("title"))
        y = paint.lines(surf, cache, th.font("title"), title, pal.ink, TEXT_X, y, box=box) + 16
        text = cache.layout(th.font("body"), self.text, TEXT_W, th.line_height("body"))
        y = paint.lines(surf, cache, th.font("body"), text, pal.ink, TEXT_X, y, box=box) + 20
        if not self.note_pinned and self.note.height:
            self.note.draw(surf, TEXT_X, y, TEXT_W, clip=view)
            y += self.note.height + 20
        paint.lines(surf, cache, th.font("heading"), self._final_layout(), pal.accent, TEXT_X, y,
                    box=box)
        surf.set_clip(clip)
        if self.note_pinned:
            self.note.draw(surf, TEXT_X, view.bottom + 20, TEXT_W)
        self.scroll.draw_bar(surf, pal)
        for b in self.buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))
        page_hint(self, surf)
