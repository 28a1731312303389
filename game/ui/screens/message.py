"""A message with one button: problems loading a chapter, and the like."""
from __future__ import annotations

from .. import strings as S
from .document import DocumentScreen, Text


class MessageScreen(DocumentScreen):
    name = "message"
    def __init__(self, app, title: str, text: str):
        super().__init__(app, title)
        self.text = text

    def actions(self):
        return [(S.OK, self.back)]

    def build(self):
        return [Text(line or " ", "small") for line in self.text.split("\n")]
