"""Credits, and every source the chapters cite (title, author, year, address, note)."""
from __future__ import annotations

from ...classroom.strings import PRIVACY_BUTTON
from .. import strings as S
from .document import DocumentScreen, Heading, Label, Spacer, Text


class CreditsScreen(DocumentScreen):
    name = "credits"
    hint = S.HINT_SCROLL

    def __init__(self, app, chapters):
        super().__init__(app, S.CREDITS_TITLE, S.CREDITS_NOTE)
        self.chapters = [c for c in chapters if getattr(c, "level", None) is not None]

    def actions(self):
        return [(PRIVACY_BUTTON, self._privacy), (S.BACK, self.back)]

    def _privacy(self) -> None:
        from .kiosk_privacy import PrivacyScreen
        self.app.push(PrivacyScreen(self.app))

    def build(self):
        blocks = []
        for name, line in S.CREDITS_LINES:
            blocks += [Label(name), Text(line, space=14)]
        blocks.append(Heading(S.CREDITS_SOURCES))
        seen = set()
        for chapter in self.chapters:
            sources = [s for s in chapter.level.sources.values() if s.title not in seen]
            if not sources:
                continue
            blocks.append(Label(chapter.title))
            for source in sources:
                seen.add(source.title)
                blocks += source_blocks(source)
        if not seen:
            blocks.append(Text(S.CREDITS_NO_SOURCES, muted=True))
        return blocks + [Spacer(16)]


def source_blocks(source) -> list:
    """A source as a few lines: title; author and year; address; note."""
    who = ""
    if source.author or source.year:
        who = S.SOURCE_LINE.format(author=source.author or "", year=source.year or "").strip()
    blocks = [Text(source.title, "body_strong", space=2)]
    for line, role in ((who, "small"), (source.url, "small"), (source.note, "small")):
        if line:
            blocks.append(Text(line, role, muted=role == "small" and line != who, space=2))
    blocks.append(Spacer(12))
    return blocks
