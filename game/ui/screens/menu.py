"""A list of cards to pick from: chapters, personas, rulesets, and the pause menu.

Number keys pick directly; arrows or Tab move the focus; Enter picks; the mouse hovers and
clicks; a long list scrolls. `on_pick(value)` is called with the card's value. What a
chapter's, persona's or ruleset's card says is here too (`game.ui.flow` and kiosk mode make
the lists).
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from .. import paint
from .. import strings as S
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button, ScrollView
from .base import BACK_KEYS, Screen, header_height, page_header, page_hint, wordmark


@dataclass(frozen=True)
class Item:
    label: str
    detail: str = ""
    value: object = None
    primary: bool = False


class CardListScreen(Screen):
    name = "list"
    width = 760

    def __init__(self, app, title: str, note: str, items: list[Item], on_pick,
                 header: str = ""):
        super().__init__(app)
        self.title, self.note, self.items, self.on_pick = title, note, items, on_pick
        self.header = header
        self.buttons: list[Button] = []
        self.scroll = ScrollView((0, 0, 0, 0))

    def _top(self) -> int:
        return header_height(self, self.note, 56) + 20

    def layout(self) -> None:
        x = (LOGICAL_SIZE[0] - self.width) // 2
        top = self._top()
        self.scroll = ScrollView((x - 12, top, self.width + 24, LOGICAL_SIZE[1] - top - 48))
        self.buttons = []
        y = 6
        for i, item in enumerate(self.items):
            h = Button.height_for(self.app, self.width, item.detail, i + 1)
            rect = pygame.Rect(x, y, self.width, h)
            self.buttons.append(Button(rect, item.label, self._picker(item), number=i + 1,
                                       detail=item.detail, primary=item.primary))
            y += h + 14
        self.scroll.content_height = y + 6
        self.focus.set(self.buttons)

    def _picker(self, item: Item):
        return lambda: self.on_pick(item.value)

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.back()
            return
        if inp.kind == "key" and inp.number and inp.number <= len(self.buttons):
            self.focus.focus(self.buttons[inp.number - 1])
            self.buttons[inp.number - 1].activate()
            return
        if self.scroll.handle(self._shifted(inp), keys=False):
            self.focus.cancel_press()
            return
        if not self.focus.handle(self._shifted(inp)):
            return
        cur = self.focus.current
        if inp.kind == "key" and cur is not None:
            self.scroll.show(cur.rect.top, cur.rect.bottom)

    def _shifted(self, inp):
        """Inputs in content coordinates (the list scrolls)."""
        if inp.kind in ("press", "release", "move"):
            if not self.scroll.rect.collidepoint(inp.pos) and inp.kind != "move":
                return inp._replace(pos=(-1, -1))
            x = inp.pos[0]
            y = inp.pos[1] - self.scroll.rect.y + round(self.scroll.offset)
            return inp._replace(pos=(x, y))
        return inp

    def draw(self, surf) -> None:
        surf.fill(self.pal.bg)
        wordmark(self, surf, (MARGIN, MARGIN))
        if self.header:
            font = self.theme.font("small_strong")
            bar = pygame.Rect(0, 0, LOGICAL_SIZE[0], 56)
            line = self.cache.fit(font, self.header, LOGICAL_SIZE[0] - 2 * MARGIN - 150)
            paint.text(surf, self.cache, font, line, self.pal.muted, (MARGIN + 150, MARGIN + 9),
                       "midleft", box=bar)
        page_header(self, surf, self.title, self.note, top=56)
        self.draw_list(surf)
        page_hint(self, surf)

    def draw_list(self, surf) -> None:
        view = self.scroll.rect
        clip = surf.get_clip()
        surf.set_clip(view)
        dy = view.y - round(self.scroll.offset)
        for b in self.buttons:
            shown = b.rect.move(0, dy)
            if shown.bottom < view.top or shown.top > view.bottom:
                continue
            saved, b.rect = b.rect, shown
            b.draw(surf, self.app, self.focus.is_focused(b))
            b.rect = saved
        surf.set_clip(clip)
        self.scroll.draw_bar(surf, self.pal)


class PauseScreen(CardListScreen):
    """The pause menu, drawn over the play screen; returns the picked action."""
    name = "pause"
    overlay = True
    width = 560

    def __init__(self, app, session=None):
        self.grid = session is not None   # a longer menu in play: two columns
        self.width = 880 if self.grid else PauseScreen.width
        recorded = getattr(session, "classroom", None)
        items = [Item(S.MENU_RESUME, S.MENU_RESUME_DETAIL, "resume", primary=True),
                 Item(S.MENU_HISTORY, S.MENU_HISTORY_DETAIL, "history"),
                 Item(S.MENU_SETTINGS, S.MENU_SETTINGS_DETAIL, "settings")]
        if not recorded:                  # a recorded session is played once, as it comes
            items.append(Item(S.MENU_RESTART, S.MENU_RESTART_DETAIL, "restart"))
        items.append(Item(S.MENU_TO_TITLE, S.MENU_TO_TITLE_KIOSK_DETAIL if app.in_kiosk
                          else S.MENU_TO_TITLE_DETAIL, "title"))
        if session is not None and session.undo_enabled:   # never in a classroom session
            items.append(Item(S.MENU_UNDO, S.MENU_UNDO_DETAIL if session.can_undo
                              else S.MENU_UNDO_NONE, "undo"))
        if not getattr(session, "classroom", None):   # a recorded session is not saved
            items += [Item(S.MENU_SAVE, S.MENU_SAVE_DETAIL, "save"),
                      Item(S.MENU_LOAD, S.MENU_LOAD_DETAIL, "load")]
        super().__init__(app, S.PAUSED, S.PAUSE_NOTE, items, self.finish)

    def back(self) -> None:
        self.finish("resume")

    def layout(self) -> None:
        super().layout()
        if self.grid:
            self._two_columns()
        head = self._head_h()
        wanted = 28 + head + 16 + self.scroll.content_height + 20
        panel_h = min(wanted, LOGICAL_SIZE[1] - 64)
        top = (LOGICAL_SIZE[1] - panel_h) // 2
        self.panel = pygame.Rect(self.scroll.rect.x - 24, top, self.scroll.rect.w + 48, panel_h)
        self.scroll.rect = pygame.Rect(self.scroll.rect.x, top + 28 + head + 10,
                                       self.scroll.rect.w, panel_h - (28 + head + 10) - 14)

    def _two_columns(self) -> None:
        """Buttons in rows of two (Tab and ← → go in reading order, ↑ ↓ by rows)."""
        w = (self.width - 14) // 2
        y = 6
        for i in range(0, len(self.buttons), 2):
            row = self.buttons[i:i + 2]
            h = max(Button.height_for(self.app, w, b.detail, b.number) for b in row)
            for j, b in enumerate(row):
                b.rect = pygame.Rect(self.scroll.rect.x + 12 + j * (w + 14), y, w, h)
            y += h + 14
        self.scroll.content_height = y + 6

    def handle(self, inp) -> None:
        if self.grid and inp.kind == "key" and inp.key in (pygame.K_UP, pygame.K_DOWN,
                                                           pygame.K_LEFT, pygame.K_RIGHT):
            step = {pygame.K_UP: -2, pygame.K_DOWN: 2, pygame.K_LEFT: -1, pygame.K_RIGHT: 1}
            index = self.focus.index + step[inp.key]
            if 0 <= index < len(self.buttons):
                self.focus.focus(self.buttons[index])
                cur = self.focus.current
                self.scroll.show(cur.rect.top, cur.rect.bottom)
            return
        super().handle(inp)

    def _note_layout(self):
        th = self.theme
        return self.cache.layout(th.font("body"), self.note, self.width + 48 - 72,
                                 th.line_height("body"))

    def _head_h(self) -> int:
        return self.theme.line_height("title") + self._note_layout().height + 8

    def draw(self, surf) -> None:
        panel = self.panel
        paint.card(surf, panel, self.pal, radius=16)
        th, cache = self.theme, self.cache
        x, y = panel.x + 36, panel.y + 28
        title = cache.fit(th.font("title"), self.title, panel.w - 72)
        paint.text(surf, cache, th.font("title"), title, self.pal.ink, (x, y), box=panel)
        paint.lines(surf, cache, th.font("body"), self._note_layout(), self.pal.muted, x,
                    y + th.line_height("title") + 2, box=panel)
        self.draw_list(surf)


# ---------------------------------------------------------------- what a card says

def chapter_detail(chapter, chapters=(), first: bool = False) -> str:
    """Its length and description; "Start here" on the first; and the chapter it pairs with
    (answers compared in the debrief) where there is one."""
    own = S.FROM_FOLDER.get(getattr(chapter, "folder", "bundled"), "")
    if not chapter.ok:
        why = getattr(chapter, "why", "")
        if why:
            return S.JOIN.join([own, S.CANNOT_PLAY.format(why=why)] if own else
                               [S.CANNOT_PLAY.format(why=why)])
        return S.JOIN.join([own, S.LEVEL_BROKEN]) if own else S.LEVEL_BROKEN
    parts = [own] if own else []
    parts += [S.START_HERE] if first else []
    parts.append(S.MINUTES.format(n=chapter.minutes))
    if chapter.description:
        parts.append(chapter.description)
    detail = S.JOIN.join(parts)
    pair = _pairs_with(chapter, chapters)
    if pair is not None:
        words = S.PAIRS_BEFORE if chapters.index(chapter) < chapters.index(pair) else (
            S.PAIRS_AFTER)
        detail += " " + words.format(title=pair.title)
    return detail


def _pairs_with(chapter, chapters):
    """The other chapter asking the other half of this one's baseline pairs, if any."""
    mine = set(chapter.level.baselines)
    return next((c for c in chapters if c is not chapter and c.ok and
                 mine & set(c.level.baselines)), None)


def persona_detail(level, persona) -> str:
    score = persona.score if persona.score is not None else level.score.start
    start = S.PERSONA_START.format(score=score, money=persona.money)
    return S.JOIN.join((persona.description, start)) if persona.description else start


def ruleset_detail(ruleset) -> str:
    """The ruleset's own description, or else what its legibility lets you see."""
    return ruleset.description or S.LEGIBILITY_WORDS.get(ruleset.legibility, "")
