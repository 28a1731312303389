"""The campaign's finale: the whole record of the chapters played in this window, side by
side (what each system knew, three things the player did) and the last question. The words
come from `game.core.finale`; this screen only lays them out."""
from __future__ import annotations

from ...core import strings as CS
from .. import strings as S
from .document import DocumentScreen, Label, Spacer, Text


class FinaleScreen(DocumentScreen):
    name = "finale"
    hint = S.HINT_SCROLL

    def __init__(self, app, lines: list[str], on_done=None, done_label: str = S.BACK):
        super().__init__(app, CS.FINALE_TITLE)
        self.lines = lines
        self.on_done, self.done_label = on_done, done_label

    def actions(self):
        return [(self.done_label, self._done)]

    def _done(self) -> None:
        self.back()

    def back(self) -> None:
        """Back, or on to what follows (the kiosk's debrief)."""
        if self.on_done is not None:
            self.on_done()
        else:
            super().back()

    def build(self):
        blocks = []
        for line in self.lines:
            if not line:
                blocks.append(Spacer(8))
            elif line == CS.FINALE_DEEDS:
                blocks.append(Label(line))
            elif line == CS.FINALE_QUESTION:
                blocks.append(Text(line, "body_strong", space=14))
            else:
                blocks.append(Text(line, space=8))
        return blocks + [Spacer(16)]
