"""Toast words found wrong in the third campaign check.

A toast gives a score only where the player sees the live number.

Found in the third campaign check: under "Scores for sale" the score arrives late, like a
statement. Ignoring Funkwelle's letter lists you one choice later, and the toast said "Listed
at a score of 802" while the card still showed 1092 "as of your last statement": the toast
told the player the live score the rules keep from them.

An appeal that cost nothing no longer says "It cost 0." (the Pilot City's objection counter,
and Kredo's correction in Could It Happen Here?)."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.content import load_level  # noqa: E402
from game.core import events as ev  # noqa: E402
from game.ui import messages  # noqa: E402
from game.ui.session import Session  # noqa: E402

HERE = load_level(Path(__file__).parent.parent / "levels" / "here.yaml").level


def _listed(ruleset: str) -> Session:
    session = Session(HERE, "professional", ruleset, start_scene="funkwelle")
    session.choose("ignore")
    choices = [view.id for view in session.choices() if view.available]
    session.choose(choices[0])          # the entry lands here, and lists you
    return session


def _listing_notes(session) -> list[str]:
    return [f"{e.title} {e.text}" for e in session.log
            if e.kind == "notice" and e.title.startswith("You are on the")]


def test_under_late_statements_the_listing_toast_gives_no_score():
    late = _listed("opaque")
    shown = late.display()
    assert shown.legibility == "delayed" and shown.number != late.state.score
    notes = _listing_notes(late)
    assert notes, "ignoring the letter lists you under these rules"
    assert not any(str(late.state.score) in note or "score of" in note for note in notes)


def test_where_the_number_is_live_the_listing_toast_still_gives_it():
    live = _listed("visible")
    assert live.display().legibility == "exact"
    assert [f"score of {live.state.score}" in note for note in _listing_notes(live)] == [True]


def test_an_appeal_that_cost_nothing_does_not_say_it_cost_0():
    free_win = messages.notice(ev.AppealDecided(won=True, cost=0, restored=300), True)
    assert free_win.body == "300 points restored."
    assert messages.notice(ev.AppealDecided(won=False, cost=0, restored=0), True).body == ""
    paid = messages.notice(ev.AppealDecided(won=False, cost=50, restored=0), True)
    assert paid.body == "It cost 50."
    unseen = messages.notice(ev.AppealDecided(won=True, cost=0, restored=300), False)
    assert "300" not in unseen.body and "0" not in unseen.body
