"""Kiosk mode's own screens: the waiting (attract) screen, the content note with the session
code, the chapter's end, "Still playing?", a one-button notice, and the end of a session.
They draw and report what was pressed; `game.ui.screens.kiosk.Kiosk` decides what follows.
"""
from __future__ import annotations

import pygame

from ...classroom import strings as K
from .. import paint
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button
from .base import BACK_KEYS, Screen, wordmark
from .ending import TEXT_W, TEXT_X, EndingScreen

MODIFIER_KEYS = {pygame.K_LCTRL, pygame.K_RCTRL, pygame.K_LSHIFT, pygame.K_RSHIFT,
                 pygame.K_LALT, pygame.K_RALT, pygame.K_LGUI, pygame.K_RGUI, pygame.K_MODE,
                 pygame.K_CAPSLOCK, pygame.K_NUMLOCK, pygame.K_ESCAPE}
HELD = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_GUI
W = LOGICAL_SIZE[0]


def centred_lines(screen, surf, text: str, role: str, color, y: int, width: int) -> int:
    th, cache = screen.theme, screen.cache
    lay = cache.layout(th.font(role), text, width, th.line_height(role))
    box = pygame.Rect((W - width) // 2, y, width, lay.height)
    for i, line in enumerate(lay.lines):
        paint.text(surf, cache, th.font(role), line, color, (W // 2, y + i * lay.line_height),
                   "midtop", box=box)
    return y + lay.height


class AttractScreen(Screen):
    """Waiting for the next student: any key (not Esc, not a modifier) or a touch begins."""
    name = "attract"
    hint = ""

    def __init__(self, app, lesson: str, on_begin):
        super().__init__(app)
        self.lesson, self.on_begin = lesson, on_begin

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key not in MODIFIER_KEYS and not inp.mod & HELD:
            self.on_begin()
        elif inp.kind == "release":
            self.on_begin()

    def draw(self, surf) -> None:
        th, pal = self.theme, self.pal
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, MARGIN))
        cx, cy = W // 2, 250
        for r, width in ((170, 1), (140, 3), (112, 1)):
            pygame.draw.circle(surf, pal.accent if width > 1 else pal.line, (cx, cy), r, width)
        pygame.draw.circle(surf, pal.accent, (cx, cy), 36, 6)
        pygame.draw.circle(surf, pal.accent, (cx, cy), 12)
        y = centred_lines(self, surf, K.KIOSK_TITLE, "display", pal.ink, 440, 900)
        y = centred_lines(self, surf, K.KIOSK_TAGLINE, "body", pal.muted, y + 4, 900)
        card = pygame.Rect(W // 2 - 330, y + 30, 660, th.line_height("heading") + 40)
        paint.card(surf, card, pal, fill=pal.accent)
        paint.text(surf, self.cache, th.font("heading"), K.KIOSK_PRESS, pal.accent_ink,
                   card.center, "center", box=card)
        if self.lesson:
            centred_lines(self, surf, K.KIOSK_LESSON.format(name=self.lesson), "small",
                          pal.muted, LOGICAL_SIZE[1] - 40, 900)


class ContentNoteScreen(Screen):
    """What the game contains, that nothing is graded, and the session code."""
    name = "content note"
    hint = ""

    def __init__(self, app, note: str, code: str, chapters: str, on_start, on_not_now):
        super().__init__(app)
        self.note, self.code, self.chapters = note, code, chapters
        self.on_start, self.on_not_now = on_start, on_not_now
        self.buttons: list[Button] = []

    def layout(self) -> None:
        th = self.theme
        h = th.line_height("button") + 26
        card = self._card()
        self.buttons = [Button((card.x, card.bottom + 24, card.w, h), K.NOTE_START,
                               self.on_start, primary=True),
                        Button((card.x, card.bottom + 24 + h + 12, card.w, h), K.NOTE_NOT_NOW,
                               self.on_not_now)]
        self.focus.set(self.buttons, keep=False)

    def _card(self) -> pygame.Rect:
        th = self.theme
        h = 28 + th.line_height("label") + 14 + th.line_height("title") + 16 + \
            2 * th.line_height("small") + 28
        return pygame.Rect(800, 120, 384, h)

    def _note_role(self, width: int) -> str:
        """Body text, or small text when the body would not fit (large text sizes)."""
        th = self.theme
        room = LOGICAL_SIZE[1] - 40 - (96 + th.line_height("title") + 8)
        for role in ("body", "small"):
            lay = self.cache.layout(th.font(role), self.note, width, th.line_height(role))
            if lay.height + th.line_height("small") + 16 <= room:
                return role
        return "small"

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.on_not_now()
        else:
            self.focus.handle(inp)

    def draw(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, MARGIN))
        left, width = 96, 640
        box = pygame.Rect(left, 0, width, LOGICAL_SIZE[1])
        paint.text(surf, cache, th.font("title"), K.NOTE_TITLE, pal.ink, (left, 88), box=box)
        role = self._note_role(width)
        lay = cache.layout(th.font(role), self.note, width, th.line_height(role))
        y = paint.lines(surf, cache, th.font(role), lay, pal.ink, left,
                        96 + th.line_height("title") + 8, box=box)
        lay = cache.layout(th.font("small"), self.chapters, width, th.line_height("small"))
        paint.lines(surf, cache, th.font("small"), lay, pal.muted, left, y + 16, box=box)
        self._code_card(surf)
        for b in self.buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))

    def _code_card(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        card = self._card()
        paint.card(surf, card, pal, fill=pal.accent_soft)
        x = card.x + 28
        paint.text(surf, cache, th.font("label"), K.NOTE_CODE.upper(), pal.muted,
                   (x, card.y + 28), box=card)
        code = cache.fit(th.font("title"), self.code, card.w - 56)
        paint.text(surf, cache, th.font("title"), code, pal.accent,
                   (x, card.y + 28 + th.line_height("label") + 14), box=card)
        lay = cache.layout(th.font("small"), K.NOTE_CODE_HINT, card.w - 56,
                           th.line_height("small"))
        paint.lines(surf, cache, th.font("small"), lay, pal.ink, x,
                    card.y + 28 + th.line_height("label") + 14 + th.line_height("title") + 16,
                    box=card)


class KioskEndingScreen(EndingScreen):
    """A chapter's ending, with one way on: the next chapter, or the debrief."""
    name = "kiosk ending"

    def __init__(self, app, session, chapter, label: str, detail: str, on_next):
        super().__init__(app, session, chapter)
        self.label, self.detail, self.on_next = label, detail, on_next

    def layout(self) -> None:
        super().layout()
        h = Button.height_for(self.app, TEXT_W, self.detail)
        y = LOGICAL_SIZE[1] - 64 - h
        self.buttons = [Button((TEXT_X, y, TEXT_W, h), self.label, self.on_next, number=1,
                               detail=self.detail, primary=True)]
        self.focus.set(self.buttons, keep=False)
        self.place_text(y)

    def _debrief(self) -> None:   # Esc / Backspace on an ending: the same way on
        self.on_next()


class NoticeScreen(Screen):
    """A message over the screen below, with one button (the time warning, time up)."""
    name = "notice"
    overlay = True
    hint = ""

    def __init__(self, app, title: str, text: str, button: str = K.OK):
        super().__init__(app)
        self.title, self.text, self.label = title, text, button
        self.buttons: list[Button] = []

    def layout(self) -> None:
        th, w = self.theme, 620
        lay = self.cache.layout(th.font("body"), self.body(), w - 72, th.line_height("body"))
        bh = th.line_height("button") + 24
        h = 40 + th.line_height("title") + 10 + lay.height + 28 + bh + 28
        self.panel = pygame.Rect((W - w) // 2, (LOGICAL_SIZE[1] - h) // 2, w, h)
        self.buttons = [Button((self.panel.x + 36, self.panel.bottom - 28 - bh, w - 72, bh),
                               self.label, lambda: self.finish(True), primary=True)]
        self.focus.set(self.buttons, keep=False)

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.finish(True)
        else:
            self.focus.handle(inp)

    def body(self) -> str:
        return self.text

    def draw(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        paint.card(surf, self.panel, pal, radius=16)
        x, y = self.panel.x + 36, self.panel.y + 40
        paint.text(surf, cache, th.font("title"), cache.fit(th.font("title"), self.title,
                                                             self.panel.w - 72),
                   pal.ink, (x, y), box=self.panel)
        lay = cache.layout(th.font("body"), self.body(), self.panel.w - 72,
                           th.line_height("body"))
        paint.lines(surf, cache, th.font("body"), lay, pal.ink, x,
                    y + th.line_height("title") + 10, box=self.panel)
        for b in self.buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))


class StillPlayingScreen(NoticeScreen):
    """After a while without input: any key or touch carries on; a countdown otherwise."""
    name = "still playing"

    def __init__(self, app, seconds_left):
        super().__init__(app, K.STILL_TITLE, "", K.STILL_CONTINUE)
        self.seconds_left = seconds_left      # a function: the seconds until the wipe

    def body(self) -> str:
        return K.STILL_TEXT.format(n=max(0, round(self.seconds_left())))

    def handle(self, inp) -> None:
        if inp.kind in ("key", "release", "text"):
            self.finish(True)

    def animating(self) -> bool:
        return True      # the countdown

    def fps(self) -> int:
        return 2


class DoneScreen(Screen):
    """The session is saved: say so, offer what was recorded, and the way to the next
    student."""
    name = "done"
    hint = ""

    def __init__(self, app, text: str, on_next, on_privacy, on_again=None):
        super().__init__(app)
        self.text, self.on_next, self.on_privacy = text, on_next, on_privacy
        self.on_again = on_again     # "Play again (the same student)", when offered
        self.title = K.DONE_TITLE
        self.top = 150
        self.buttons: list[Button] = []

    def layout(self) -> None:
        """The title, the text and the two buttons under it, the whole centred (higher up
        when large text makes it tall), so the text never runs under a button."""
        th, cache = self.theme, self.cache
        h = th.line_height("button") + 26
        x, w = (W - 640) // 2, 640
        words = (cache.layout(th.font("title"), self.title, w, th.line_height("title")).height
                 + 16 + cache.layout(th.font("body"), self.text, w,
                                     th.line_height("body")).height)
        actions = [(K.DONE_NEXT, self.on_next), (K.DONE_PRIVACY, self.on_privacy)]
        if self.on_again is not None:
            actions.append((K.DONE_AGAIN, self.on_again))
        total = words + 32 + len(actions) * (h + 14) - 14
        self.top = max(MARGIN + 40, min(150, (LOGICAL_SIZE[1] - total) // 2))
        y = self.top + words + 32
        self.buttons = [Button((x, y + i * (h + 14), w, h), label, act, number=i + 1,
                               primary=i == 0) for i, (label, act) in enumerate(actions)]
        self.focus.set(self.buttons, keep=False)

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.number and inp.number <= len(self.buttons):
            self.buttons[inp.number - 1].activate()
        elif not (inp.kind == "key" and inp.key in BACK_KEYS):
            self.focus.handle(inp)

    def draw(self, surf) -> None:
        pal = self.pal
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, MARGIN))
        y = centred_lines(self, surf, self.title, "title", pal.ink, self.top, 640)
        centred_lines(self, surf, self.text, "body", pal.ink, y + 16, 640)
        for b in self.buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))
