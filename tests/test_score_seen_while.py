"""A level's `score.seen_while`: the player sees the score only while it holds, under every
ruleset. Sesame's holds until the app is deleted: after "Delete Sesame" the card no longer
shows "643, Tier: Fair" (or stars), Jade Credit's statements stop, and reinstalling brings
the score back where it was."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import play
from game.content import load_level
from game.core import new_game, score_display, start_at
from game.core.display import NO_LONGER_SHOWN
from game.core.events import ScoreChanged, StatementShown
from game.text import strings as ts
from game.text.screen import score_lines

SESAME = load_level(Path(__file__).parent.parent / "levels" / "sesame.yaml").level


def _at(scene: str, ruleset: str):
    return start_at(new_game(SESAME, "professional", ruleset), scene)


def _unseen(state) -> bool:
    shown = score_display(state)
    return (shown.number, shown.stars, shown.tier, shown.legibility) == \
        (None, None, None, NO_LONGER_SHOWN)


def _window_drawn(tmp_path, monkeypatch, session) -> list[str]:
    for name in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER"):
        monkeypatch.setenv(name, "dummy")
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path))
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import App
    from game.ui.screens.play import PlayScreen
    from game.ui.settings import Settings
    from game.ui.testing import drawn_text
    app = App(window_size=(1280, 720), settings=Settings(text_speed="instant"), persist=False)
    app.push(PlayScreen(app, session, None))
    for _ in range(4):
        app.frame(dt=1 / 60)
    app.top.invalidate()
    with drawn_text() as audit:
        app.render()
    return [line for line, *_ in audit]


@pytest.mark.parametrize("ruleset", ["stars", "partner_data"])
def test_after_deleting_sesame_no_score_shows_under_either_ruleset(ruleset):
    sunday = _at("sunday", ruleset)
    assert not _unseen(sunday)
    deleted = play(sunday, "delete")
    assert _unseen(deleted.state)
    later = play(deleted.state, "stay", "coach")         # to Monday and the ending
    assert _unseen(play(deleted.state, "stay").state)
    shown = [e for e in deleted.events + later.events
             if isinstance(e, StatementShown) or
             (isinstance(e, ScoreChanged) and e.shown_text is not None)]
    assert shown == []                   # nothing of the score reaches the player
    assert score_lines(play(deleted.state, "stay").state) == [ts.SCORE_OFF_SCREEN]


def test_under_jade_the_score_still_moves_unseen_and_reinstalling_shows_it_again():
    deleted = play(_at("sunday", "partner_data"), "delete", "stay").state
    assert deleted.score < _at("sunday", "partner_data").score      # delete_app: -30, later
    back = play(_at("sunday", "stars"), "delete", "reinstall").state
    assert not _unseen(back) and score_display(back).stars is not None


def test_a_game_that_never_deletes_the_app_shows_the_score():
    assert score_display(_at("zhou", "stars")).stars is not None


def test_on_thursday_before_the_gold_tab_appears_no_stars_show_and_from_friday_they_do():
    """A scene's `score_shown: false`: Sesame's Thursday comes before the app exists."""
    thursday = new_game(SESAME, "professional", "stars")
    assert thursday.scene == "mei_form" and _unseen(thursday)
    friday = play(thursday, "promise").state
    assert friday.scene == "sesame" and score_display(friday).stars is not None


def test_the_window_card_after_deleting_says_the_score_is_not_on_your_screen(tmp_path,
                                                                             monkeypatch):
    from game.ui import strings as S
    from game.ui.session import Session
    session = Session(SESAME, "professional", "partner_data", start_scene="sunday")
    session.choose("delete")
    drawn = _window_drawn(tmp_path, monkeypatch, session)
    assert S.SCORE_OFF_SCREEN in drawn
    assert str(session.state.shown_score) not in drawn and not any("Tier" in t for t in drawn)


def test_the_window_card_drops_the_last_changes_when_the_app_is_deleted(tmp_path, monkeypatch):
    """The card listed "Lin rated you 2★" after "Delete Sesame": the changes the app showed
    go with the app."""
    for name in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER"):
        monkeypatch.setenv(name, "dummy")
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path))
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.app import App
    from game.ui.screens.play import PlayScreen
    from game.ui.session import Session
    from game.ui.settings import Settings
    session = Session(SESAME, "professional", "stars", start_scene="sunday")
    app = App(window_size=(1280, 720), settings=Settings(text_speed="instant",
                                                         reduced_motion=True), persist=False)
    play = PlayScreen(app, session, None)
    app.push(play)
    app.frame(dt=1 / 60)
    card = play.score
    card.last = card.chip = [_Line("▼ −1", "Lin rated you 2★")]
    session.choose("delete")
    card.show(session.display(), reduced=True)   # as the play screen does after a choice
    for _ in range(4):
        app.frame(dt=1 / 60)
    assert card.last is None and card.chip is None and not card.queue   # nothing to draw


class _Line:
    """A change line as the card draws it (`messages.ScoreLine`'s fields the card reads)."""

    def __init__(self, title: str, body: str):
        self.title, self.body, self.total = title, body, False


def test_on_thursday_no_services_are_listed_and_from_friday_they_are():
    """Thursday comes before the Sesame app, yet the panel listed its doors ("Flat with no
    deposit: open"): the engine shows none there, and the window, the terminal and the
    browser list none."""
    from game.core import services, services_shown
    from game.text.screen import service_lines
    from game.web.views import status_view
    thursday = new_game(SESAME, "professional", "stars")
    assert thursday.scene == "mei_form" and services(thursday)     # the doors exist...
    assert services_shown(thursday) is None                        # ...but not on screen
    assert service_lines(thursday) == []
    assert status_view(thursday)["doors"] == []
    friday = play(thursday, "promise").state
    assert services_shown(friday) == services(friday) and service_lines(friday)
    assert [d["name"] for d in status_view(friday)["doors"]] == [
        v.name for v in services(friday)]


def test_after_deleting_sesame_its_doors_stay_listed_closed():
    """Only a scene with no score on screen hides the doors: after "Delete Sesame" they are
    shown closed, which is the point."""
    from game.core import services_shown
    deleted = play(_at("sunday", "stars"), "delete").state
    shown = services_shown(deleted)
    assert shown and not any(v.open for v in shown)


def test_the_windows_services_panel_on_thursday_says_none_is_on_your_screen_yet(
        tmp_path, monkeypatch):
    from game.ui import strings as S
    from game.ui.session import Session
    drawn = _window_drawn(tmp_path, monkeypatch, Session(SESAME, "professional", "stars"))
    assert S.SERVICES_OFF_SCREEN in drawn
    assert not any(svc.name in line for svc in SESAME.services.values() for line in drawn)
