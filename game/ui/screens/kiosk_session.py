"""Recorded play in the window: `TimedSession` (a `Session` with a clock around each choice),
the full debrief page over the six steps, and `WindowRecorder` for `play --export DIR` in a
window without a classroom file.

The seconds a choice took run from the scene's choices being shown to one being picked: the
window measures time, the core has no clock.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

from ...classroom import strings as K
from ...classroom.export import ExportError, write_session
from ...classroom.kiosk import make_code
from ...classroom.record import ChapterRecorder, build_export
from ...core import Step
from .. import intents
from .. import strings as S
from ..session import Session
from .debrief import DebriefScreen
from .kiosk_debrief import DebriefStepsScreen


class TimedSession(Session):
    """A session that times and records each choice."""
    classroom = True                # recorded sessions offer no undo
    clock = staticmethod(time.monotonic)

    def restart(self) -> None:
        super().restart()
        self.recorder = ChapterRecorder(self.state)
        self._shown_at = None

    def choices(self) -> list:
        if self._shown_at is None:     # the scene's choices are being shown now
            self._shown_at = self.clock()
        return super().choices()

    def choose(self, choice_id: str):
        outcome = super().choose(choice_id)
        now = self.clock()
        began = self._shown_at if self._shown_at is not None else now
        self.recorder.chose(Step(self.state, outcome.events), now - began)
        self._shown_at = None
        return outcome


class FullReport(DebriefScreen):
    """The whole debrief page (the Transparency Report and all), over the six steps."""
    name = "full report"

    def actions(self):
        return [(S.BACK, self.back)]

    def back(self) -> None:
        self.finish(None)


class WindowRecorder:
    """`play --export DIR` in a window: each chapter played is timed and recorded; the debrief
    becomes the six steps and writes the session file when it closes."""

    def __init__(self, app, folder, clock=time.monotonic):
        self.app, self.folder, self.clock = app, Path(folder), clock
        self.code = make_code(random.SystemRandom())
        self.began = clock()
        self.recorders: list = []
        self.paths: list = []
        self.problem: str | None = None

    def attach(self) -> None:
        self.app.classroom = self
        self.app.session_class = TimedSession

    def _write(self, answers=None) -> None:
        if not self.recorders:
            return
        data = build_export(self.recorders, self.code, "finished", "window", None,
                            duration=self.clock() - self.began, answers=answers)
        try:
            self.paths = write_session(self.folder, data)
            self.problem = None
        except ExportError as exc:
            self.problem = str(exc)
        return data

    def ending(self, session, chapter) -> bool:
        recorder = getattr(session, "recorder", None)
        if recorder is not None:
            self.recorders.append(recorder)
            self._write()
        return False      # the usual ending screen

    def debrief(self, session, chapter) -> bool:
        if not self.recorders:
            return False
        data = build_export(self.recorders, self.code, "finished", "window", None)
        self.app.replace(DebriefStepsScreen(self.app, data, session.level, True,
                                            self.finish, lambda: self._full(session)))
        return True

    def _full(self, session) -> None:
        self.app.push(FullReport(self.app, session))

    def finish(self, answers, include: bool) -> None:
        self._write(answers if include else None)
        where = str(self.paths[0]) if self.paths else (self.problem or "?")
        self.app.ask(intents.ToTitle())
        self.app.ask(intents.ShowMessage(K.DONE_TITLE, K.DONE_WINDOW.format(path=where)))

    def to_title(self) -> bool:
        return False


def attach_recorder(app, folder) -> WindowRecorder:
    recorder = WindowRecorder(app, folder)
    recorder.attach()
    return recorder
