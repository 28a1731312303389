"""Kiosk-mode screens for `python -m game screenshots`: each builder leaves the app showing one
screen, with a made-up session (Day Zero then The Pilot City, played by the engine)."""
from __future__ import annotations

import random
from functools import cache

from ...classroom import strings as K
from .kiosk_debrief_data import FOLD_HAPPENED, FOLD_PAIRS, FOLD_RULES, FOLD_STUDIES


@cache
def _session():
    from ...classroom.generate import bundled_pair, play_session
    levels = bundled_pair()
    return play_session(0, levels, random.Random(4)), levels[-1]


def _attract(app, chapter) -> None:
    from .kiosk_screens import AttractScreen
    app.push(AttractScreen(app, "Year 10 citizenship, Tuesday", lambda: None))


def _note(app, chapter) -> None:
    from .kiosk_screens import ContentNoteScreen
    app.push(ContentNoteScreen(app, K.CONTENT_NOTE, "amber-fox-42",
                               K.NOTE_CHAPTERS.format(chapters="Day Zero, then The Pilot City"),
                               lambda: None, lambda: None))


def _debrief(page: int, opened: tuple[int, ...] = ()):
    """The debrief's page `page` (game.classroom.debrief_steps.PAGES), with the folds
    `opened` opened as a click opens them."""
    def build(app, chapter) -> None:
        from .kiosk_debrief import DebriefStepsScreen
        data, level = _session()
        screen = DebriefStepsScreen(app, data, level, True, on_full_report=lambda: None)
        app.push(screen)
        screen.page = page
        screen.layout()
        for fold in opened:
            screen.toggle(fold)
    return build


def _privacy(app, chapter) -> None:
    from .kiosk_privacy import PrivacyScreen
    app.push(PrivacyScreen(app))


def _done(app, chapter) -> None:
    from .kiosk_screens import DoneScreen
    text = K.DONE_TEXT.format(code="amber-fox-42") + "\n\n" + K.DONE_ANSWERS_IN
    app.push(DoneScreen(app, text, lambda: None, lambda: None))


def _still(app, chapter) -> None:
    from .kiosk_screens import StillPlayingScreen
    _debrief(0)(app, chapter)
    app.push(StillPlayingScreen(app, lambda: 30))


def _warning(app, chapter) -> None:
    from .kiosk_screens import NoticeScreen
    _debrief(0)(app, chapter)
    app.push(NoticeScreen(app, K.WARNING_TITLE_ONE, K.WARNING_TEXT_ONE))


SCREENS = {
    "kiosk-attract": _attract,
    "kiosk-note": _note,
    "kiosk-debrief-happened": _debrief(0),
    "kiosk-debrief-happened-open": _debrief(0, (FOLD_HAPPENED,)),
    "kiosk-debrief-learned": _debrief(1),
    "kiosk-debrief-learned-open": _debrief(1, (FOLD_PAIRS,)),
    "kiosk-debrief-learned-studies": _debrief(1, (FOLD_STUDIES,)),
    "kiosk-debrief-what-if": _debrief(2),
    "kiosk-debrief-what-if-open": _debrief(2, (FOLD_RULES,)),
    "kiosk-debrief-last": _debrief(3),
    "kiosk-warning": _warning,
    "kiosk-still": _still,
    "kiosk-done": _done,
    "privacy": _privacy,
}
