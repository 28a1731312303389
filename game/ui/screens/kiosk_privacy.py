"""'Everything we recorded about you': what the game keeps, where, and a delete-all button
(asked twice). In kiosk mode it lists the student's own session files; elsewhere the
settings file, saved games, crash logs and the session files written in this window.
"""
from __future__ import annotations

from pathlib import Path

from ...classroom import strings as K
from ...classroom.privacy import Stored, delete_all, human_size, log_dir, stored
from .. import strings as S
from .document import DocumentScreen, Label, Spacer, Text
from .kiosk_widgets import ConfirmScreen


class PrivacyScreen(DocumentScreen):
    name = "privacy"
    hint = S.HINT_SCROLL

    def __init__(self, app, kiosk_files: list | None = None):
        super().__init__(app, K.PRIVACY_TITLE, K.PRIVACY_NOTE)
        self.kiosk_files = kiosk_files
        self.message = ""
        self.items = self.inventory()

    def inventory(self) -> list[Stored]:
        if self.kiosk_files is not None:
            files = [Path(p) for p in self.kiosk_files if Path(p).exists()]
            folder = files[0].parent if files else None
            return [Stored(K.PRIVACY_EXPORTS, folder, files),
                    Stored(K.PRIVACY_SETTINGS, None, [], K.PRIVACY_KIOSK_SETTINGS),
                    Stored(K.PRIVACY_SAVES, None, [], K.PRIVACY_KIOSK_SETTINGS)]
        from ... import saves
        from ..settings import settings_path
        recorder = getattr(self.app, "classroom", None)
        written = [Path(p) for p in getattr(recorder, "paths", [])]
        return [stored(K.PRIVACY_SETTINGS, settings_path()),
                stored(K.PRIVACY_SAVES, saves.saves_dir()),
                Stored(K.PRIVACY_EXPORTS, written[0].parent if written else None,
                       [p for p in written if p.exists()]),
                stored(K.PRIVACY_LOGS, log_dir(), "crash-*.log")]

    def actions(self):
        return [(K.PRIVACY_DELETE, self.ask), (S.BACK, self.back)]

    def build(self):
        blocks = []
        if self.message:
            blocks.append(Text(self.message, "body_strong"))
        for item in self.items:
            blocks.append(Label(item.what))
            if item.where is not None:
                blocks.append(Text(str(item.where), "small", space=2))
            if item.files:
                blocks += [Text(Path(f).name, "small", space=2) for f in item.files]
                if item.what == K.PRIVACY_EXPORTS:
                    blocks.append(Text(K.PRIVACY_INSIDE, "small", space=2))
                n = len(item.files)
                size = human_size(item.size)
                count = K.PRIVACY_FILE.format(size=size) if n == 1 else \
                    K.PRIVACY_FILES.format(n=n, size=size)
                blocks.append(Text(count, "small", muted=True, space=12))
            else:
                blocks.append(Text(item.note or K.PRIVACY_NOT_KEPT, "small", muted=True,
                                   space=12))
        return blocks + [Spacer(16)]

    def ask(self) -> None:
        n = sum(len(item.files) for item in self.items)
        if not n:
            self.message = K.PRIVACY_NOTHING
            self.layout()
            return
        self.app.push(ConfirmScreen(self.app, K.PRIVACY_CONFIRM_TITLE,
                                    K.PRIVACY_CONFIRM_TEXT.format(n=n), K.PRIVACY_CONFIRM_YES,
                                    K.PRIVACY_CONFIRM_NO, danger=True), self._answered)

    def _answered(self, yes) -> None:
        if not yes:
            return
        deleted, failed = delete_all(self.items)
        self.message = K.PRIVACY_DELETED.format(n=deleted)
        if failed:
            self.message += " " + K.PRIVACY_FAILED.format(error="; ".join(failed[:3]))
        hook = getattr(getattr(self.app, "classroom", None), "deleted", None)
        if hook is not None:
            hook([p for item in self.items for p in item.files])
        self.items = self.inventory()
        self.layout()
