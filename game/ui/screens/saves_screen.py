"""The three save slots: save the game being played into one, or load one.

Each slot shows its chapter, scene, when it was saved and the score as the ruleset lets the
player see it; an empty or damaged slot says so in words. Number keys pick a slot.
"""
from __future__ import annotations

from .. import intents, saving
from .. import strings as S
from .menu import CardListScreen, Item


class SlotsScreen(CardListScreen):
    name = "saves"
    width = 760

    def __init__(self, app, mode: str, session=None, chapter=None):
        self.mode, self.session, self.chapter = mode, session, chapter
        self.message = ""
        title = S.SAVE_TITLE if mode == "save" else S.LOAD_TITLE
        super().__init__(app, title, "", [], self._pick)
        self.note, self.items = self._note(), self._items()

    def _note(self) -> str:
        off = saving.saving_off(self.app)
        if self.message:
            return self.message
        if off and self.mode == "save":
            return off
        return S.SAVE_NOTE if self.mode == "save" else S.LOAD_NOTE

    def _items(self) -> list[Item]:
        items = []
        for i, (name, save, problem) in enumerate(saving.store(self.app).slots()):
            label = S.SLOT.format(n=i + 1)
            if save is not None:
                label = S.JOIN.join((label, save.chapter))
                detail = saving.describe(save)
            else:
                detail = S.SLOT_DAMAGED.format(problem=problem) if problem else S.SLOT_EMPTY
            items.append(Item(label, detail, (name, save)))
        return items

    def _pick(self, value) -> None:
        name, save = value
        if self.mode == "load":
            if save is not None:
                self.app.ask(intents.LoadSave(save))
            else:
                self._say(S.SLOT_NOTHING)
            return
        if saving.save_slot(self.app, name, self.session, self.chapter):
            self._say(S.SAVED_IN.format(n=name[-1]))
        else:
            self._say(saving.saving_off(self.app) or S.SAVE_FAILED)

    def _say(self, message: str) -> None:
        self.message = message
        self.note = self._note()
        self.items = self._items()
        self.layout()
        self.app.dirty = True
