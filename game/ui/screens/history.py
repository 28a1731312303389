"""The history: everything read and chosen in this chapter, in order, scrollable."""
from __future__ import annotations

from .. import strings as S
from .document import DocumentScreen, Heading, Spacer, Text


class HistoryScreen(DocumentScreen):
    name = "history"
    hint = S.HINT_SCROLL

    def __init__(self, app, session):
        super().__init__(app, S.HISTORY_TITLE, S.HISTORY_NOTE)
        self.session = session

    def actions(self):
        return [(S.BACK, self.back)]

    def build(self):
        blocks = []
        for entry in self.session.log:
            blocks += _blocks(entry)
        if not blocks:
            blocks.append(Text(S.HISTORY_EMPTY, muted=True))
        return blocks + [Spacer(20)]

    def enter(self) -> None:
        super().enter()
        self.scroll.offset = float(self.scroll.max_offset)  # the latest entry first in view


def _blocks(entry) -> list:
    if entry.kind in ("scene", "ending"):
        return [Heading(entry.title), Text(entry.text)]
    if entry.kind == "choice":
        return [Text(entry.title, "body_strong", indent=24)]
    if entry.kind == "reply":
        return [Text(entry.title, "body", muted=True, indent=48)]
    if entry.kind == "score":
        return [Text(S.HISTORY_SCORE.format(text=entry.title), "small_strong", indent=48)]
    return [Text(" · ".join(x for x in (entry.title, entry.text) if x), "small", indent=48)]
