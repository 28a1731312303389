"""Legibility: how much of the score the player may see, per ruleset."""
from __future__ import annotations

from conftest import base_level, play, start

from game.core import choices, score_display
from game.core.display import stars_for
from game.core.events import ScoreChanged, StatementShown
from game.core.scoring import STATEMENT_EVERY

LOOP = """
    scenes:
      street:
        choices:
          - {id: cross, text: Cross anyway, behaviour: jaywalk, goto: street}
          - {id: wait, text: Wait for green, goto: street}
"""


def _level(mode: str):
    return base_level(LOOP, f"rulesets: {{strict: {{legibility: {mode}}}}}")


def test_exact_shows_the_number_the_delta_and_the_reason():
    done = play(start(_level("exact")), "cross")
    shown = score_display(done.state)
    assert (shown.number, shown.stars, shown.tier, shown.legibility) == (
        950, None, "Ordinary", "exact")
    [changed] = done.of(ScoreChanged)
    assert changed.shown_delta == -50
    assert changed.shown_text == "Crossing on red"


def test_stars_shows_stars_and_the_reason_but_no_number():
    done = play(start(_level("stars")), "cross")
    shown = score_display(done.state)
    assert shown.number is None
    assert shown.stars == stars_for(done.state, 950) == 4.0
    assert shown.tier == "Ordinary"
    [changed] = done.of(ScoreChanged)
    assert changed.shown_delta is None
    assert changed.shown_text == "Crossing on red"


def test_stars_are_half_stars_from_one_to_five():
    state = start(_level("stars"))
    assert stars_for(state, 0) == 1.0
    assert stars_for(state, 1300) == 5.0
    assert stars_for(state, 650) == 3.0
    assert all(stars_for(state, s) * 2 == int(stars_for(state, s) * 2) for s in range(0, 1301, 7))


def test_direction_hidden_shows_only_the_tier_and_score_adjusted():
    done = play(start(_level("direction_hidden")), "cross")
    shown = score_display(done.state)
    assert (shown.number, shown.stars, shown.tier) == (None, None, "Ordinary")
    [changed] = done.of(ScoreChanged)
    assert changed.shown_delta is None
    assert changed.shown_text == "Score adjusted"
    assert changed.delta == -50  # the truth, kept for the debrief


def test_delayed_shows_an_old_number_until_the_statement():
    state = start(_level("delayed"))
    first = play(state, "cross")
    assert first.state.score == 950
    assert score_display(first.state).number == 1000
    [changed] = first.of(ScoreChanged)
    assert changed.shown_delta is None and changed.shown_text is None
    assert first.of(StatementShown) == []
    rest = play(first.state, *["wait"] * (STATEMENT_EVERY - 1))
    assert rest.of(StatementShown) == [StatementShown(1000, 950)]
    assert score_display(rest.state).number == 950
    assert rest.state.shown_score == 950


def test_delayed_statement_is_silent_when_nothing_changed():
    done = play(start(_level("delayed")), *["wait"] * STATEMENT_EVERY)
    assert done.of(StatementShown) == []


def test_delayed_tier_follows_the_shown_score():
    level = base_level(LOOP, """
        rulesets: {strict: {legibility: delayed, rules: {jaywalk: {change: -100}}}}
    """)
    done = play(start(level), "cross")
    assert done.state.tier == "C"
    assert score_display(done.state).tier == "Ordinary"


def test_hidden_shows_nothing_at_all():
    done = play(start(_level("hidden")), "cross", *["wait"] * STATEMENT_EVERY)
    shown = score_display(done.state)
    assert (shown.number, shown.stars, shown.tier) == (None, None, None)
    [changed] = done.of(ScoreChanged)
    assert changed.shown_delta is None and changed.shown_text is None
    assert done.of(StatementShown) == []
    assert done.state.score == 950
    assert done.state.shown_score == 1000


def test_delayed_locked_reason_does_not_reveal_the_real_score():
    level = base_level(LOOP, """
        rulesets: {strict: {legibility: delayed, rules: {jaywalk: {change: -88}}}}
        scenes: {street: {choices: [
          {id: cross, text: Cross anyway, behaviour: jaywalk, goto: street},
          {id: train, text: Take the train, needs: {service: rail}, goto: station}]}}
    """)
    state = play(start(level), "cross").state
    assert score_display(state).number == 1000
    train = next(v for v in choices(state) if v.id == "train")
    assert "912" not in train.locked_reason
