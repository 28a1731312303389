"""The player's own game replayed under another ruleset (issue 15): what differed."""
from __future__ import annotations

import random
from functools import cache

import pytest
from conftest import base_level, play, start
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.catalog import bundled
from game.core import ChoiceError, choices, choose, new_game
from game.core.contrast import Game, contrast, contrasts, replay, rulesets_to_compare
from game.core.contrast_words import contrast_words, outcome_words


def _random_game(level, persona, ruleset, seed):
    rng = random.Random(seed)
    state = new_game(level, persona, ruleset, seed=seed)
    while not state.finished:
        open_ = [v.id for v in choices(state) if v.available]
        state = choose(state, rng.choice(open_)).state
    return state


@cache
def _compared_levels() -> tuple:
    """The bundled levels with two rulesets or more and something scored (read once, when
    a test first asks: collecting reads nothing)."""
    return tuple(loaded.level for loaded in bundled() if rulesets_to_compare(loaded.level))


def test_some_bundled_levels_have_something_to_compare():
    assert len(_compared_levels()) >= 2


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_replaying_under_the_own_ruleset_gives_the_game_back_exactly(data):
    level = data.draw(st.sampled_from(_compared_levels()))
    persona = data.draw(st.sampled_from(list(level.personas)))
    ruleset = data.draw(st.sampled_from(list(level.rulesets)))
    state = _random_game(level, persona, ruleset, data.draw(st.integers(0, 10_000)))
    again = replay(level, Game.of(state), ruleset)
    assert again.parted is None
    assert again.state.to_json() == state.to_json()
    same = contrast(state, ruleset)
    assert same.reproduced and same.parted is None and not same.differing
    assert same.own == same.other


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_every_row_says_what_the_other_rules_say_of_that_behaviour(data):
    level = data.draw(st.sampled_from(_compared_levels()))
    persona = data.draw(st.sampled_from(list(level.personas)))
    own, other = data.draw(st.permutations(list(level.rulesets)))[:2]
    state = _random_game(level, persona, own, data.draw(st.integers(0, 10_000)))
    result = contrast(state, other)
    assert result.reproduced
    rows = result.rows
    if result.parted is None or result.parted.kind == "ending":
        assert len(rows) == len(state.records)
        assert result.own.score == state.score
    for row, record in zip(rows, state.records):
        for outcome, ruleset in ((row.own, own), (row.other, other)):
            rule = level.rulesets[ruleset].rules.get(record.behaviour or "")
            if outcome.kind == "never":
                assert rule is None
            if outcome.kind == "points":
                assert outcome.points == rule.change
        assert row.own.points == record.delta


def test_a_behaviour_the_other_rules_never_score_says_so():
    level = base_level("""
        behaviours: {queue: {name: Waiting for the green light}}
        rulesets: {strict: {rules: {queue: {change: 20, seen_by: [cam]}}}}
        scenes:
          street:
            choices:
              - {id: wait, text: Wait for green, behaviour: queue, goto: station}
    """)
    state = play(start(level, ruleset="strict"), "wait", "walk").state
    result = contrast(state, "lenient")
    (row,) = result.differing
    assert row.behaviour == "Waiting for the green light"
    assert (row.own.kind, row.own.points) == ("points", 20)
    assert row.other.kind == "never"
    words = contrast_words(result)
    assert words.rows == ('Waiting for the green light: under "Strict" it earned you 20 points. '
                          'Under "Lenient" it was never scored.',)
    assert 'Score at the end: 1020 under "Strict", 1000 under "Lenient".' in words.summary


HARSH = """
    rulesets: {strict: {rules: {jaywalk: {change: -60, seen_by: [cam]}}}}
"""


def test_a_door_that_closed_after_a_choice_is_named_with_it():
    state = play(start(base_level(HARSH), ruleset="strict"), "cross", "walk").state
    row = contrast(state, "lenient").rows[0]
    assert row.own.closed == ("High-speed rail",) and row.other.closed == ()
    assert outcome_words(row.own) == ("it cost you 60 points, and then High-speed rail "
                                      "closed to you")
    result = contrast(state, "lenient")
    assert [name for name, _ in result.own.closed] == ["High-speed rail"]
    assert result.other.closed == ()


def test_listing_is_told_with_the_choice_after_which_it_came():
    level = base_level("""
        blacklist: {below: 960, name: Untrustworthy list}
    """)
    state = play(start(level, ruleset="strict"), "cross", "walk").state
    result = contrast(state, "lenient")
    assert result.own.listed.name == "Untrustworthy list"
    assert result.own.listed.choice_text == "Cross anyway"
    assert result.own.listed.score == 950 and result.own.on_list
    assert result.other.listed is None
    assert result.rows[0].own.listed == "Untrustworthy list"
    summary = " ".join(contrast_words(result).summary)
    assert ('Under "Strict" you were put on the Untrustworthy list after "Cross anyway", '
            'when your score fell to 950, below 960.') in summary
    assert 'Under "Lenient" you were never listed.' in summary


def test_a_listing_the_score_did_not_cause_says_so():
    from game.core.contrast import Contrast, Listing, Side
    listed = Listing("Court list", 3, "Ignore the letter", 990, 900)
    assert not listed.by_score
    own = Side("a", "Rules A", 990, listed, True, (("Flights", None),), "The end")
    other = Side("b", "Rules B", 990, None, False, (), "The end")
    summary = contrast_words(Contrast(own, other, (), None)).summary
    assert summary[1] == ('Under "Rules A" you were put on the Court list after "Ignore the '
                          'letter", not because of your score (it was 990). Closed to you at '
                          'the end: Flights.')


def test_a_choice_locked_in_the_other_game_stops_the_comparison_there():
    level = base_level(HARSH)
    state = play(start(level, ruleset="lenient"), "cross", "train").state
    result = contrast(state, "strict")
    assert result.parted.kind == "locked" and result.parted.step == 2
    assert result.parted.choice_text == "Take the fast train"
    assert "High-speed rail" in result.parted.reason
    assert len(result.rows) == 1
    summary = contrast_words(result).summary
    assert summary[0].startswith('The stories part at choice 2: under "Strict", '
                                 '"Take the fast train" was locked')
    assert summary[1] == ('Up to there, your score was 995 under "Lenient" and 940 under '
                          '"Strict".')
    assert summary[3] == ('Under "Strict" you were never listed. Closed to you by then: '
                          'High-speed rail.')
    assert not any("at the end" in line for line in summary)


def test_a_choice_only_one_ruleset_shows_is_a_parting():
    level = base_level("""
        scenes:
          street:
            choices:
              - {id: cross, text: Cross anyway, behaviour: jaywalk, goto: station}
              - {id: wait, text: Wait for green, goto: station, shown_if: {ruleset: strict}}
    """)
    state = play(start(level, ruleset="strict"), "wait", "walk").state
    result = contrast(state, "lenient")
    assert (result.parted.kind, result.parted.step, result.rows) == ("missing", 1, ())


def test_a_different_ending_is_said_with_both_endings():
    level = base_level("""
        endings: {arrived: {when: {score_at_least: 1030}}}
    """)
    state = play(start(level, ruleset="lenient"), "help", "walk").state
    result = contrast(state, "strict")
    assert state.ending == "arrived" and result.other.ending == "Home at last"
    assert result.parted.kind == "ending"
    summary = contrast_words(result).summary
    assert summary[0] == ('The same choices end differently: "Arrived on time" under '
                          '"Lenient", "Home at last" under "Strict".')
    assert summary[1].startswith("Score at the end")


def test_a_game_begun_from_a_preset_is_not_compared():
    level = base_level("""
        presets:
          late: {scene: station, ruleset: strict, score: 900}
    """)
    state = play(new_game(level, preset="late"), "walk").state
    result = contrast(state, "lenient")
    assert not result.reproduced and result.rows == ()
    words = contrast_words(result)
    assert words.rows == () and "cannot be played again" in words.intro


def test_baseline_answers_carried_from_another_chapter_come_along():
    level = base_level("""
        baselines: {post: {question: "Share it?"}}
        scenes:
          street:
            choices:
              - {id: cross, text: Cross anyway, behaviour: jaywalk, goto: station,
                 baseline: {pair: post, candid: true}}
              - {id: help, text: Help the old man across, behaviour: help, goto: station,
                 baseline: {pair: post, candid: false}}
    """)
    earlier = play(start(level, ruleset="strict"), "help", "walk").state
    state = play(new_game(level, ruleset="strict", carry=earlier), "cross", "walk").state
    assert len(state.baselines) == 2
    result = contrast(state, "lenient")
    assert result.reproduced and Game.of(state).carried == earlier.baselines


def test_contrasts_cover_every_other_ruleset_and_only_scored_levels_have_them():
    state = play(start(base_level(), ruleset="strict"), "cross", "walk").state
    assert [c.other.ruleset for c in contrasts(state)] == ["lenient"]
    assert rulesets_to_compare(base_level("scored: false")) == []
    single = [loaded.level for loaded in bundled() if len(loaded.level.rulesets) == 1]
    assert single and all(rulesets_to_compare(level) == [] for level in single)
    with pytest.raises(ChoiceError):
        contrast(state, "nonesuch")


def test_doors_that_moved_with_other_changes_are_not_blamed_on_the_choice():
    from game.core.contrast import Outcome
    assert outcome_words(Outcome("never", closed=("Flights",), listed="Red list",
                                 others=-4)) == (
        "it was never scored; after it, because of other changes to your score, Flights "
        "closed to you and you were put on the Red list")
    assert outcome_words(Outcome("none", closed=("Flights",), listed="Red list")) == (
        "it was not scored, but then Flights closed to you and you were put on the Red list")
    assert outcome_words(Outcome("points", -30, 2, closed=("Flights",), others=5)) == (
        "it cost you 30 points, counted 2 choices later; after it, because of other "
        "changes to your score, Flights closed to you")
    assert outcome_words(Outcome("points", 1, opened=("Flights",))) == (
        "it earned you 1 point, and then Flights opened to you")


def test_a_game_the_level_can_no_longer_start_is_not_compared_and_raises_nothing():
    level = base_level()
    state = play(start(level, ruleset="strict"), "cross", "walk").state
    renamed = base_level("""
        personas: {resident: {name: Resident}}
    """)
    old = state.replace(persona="nobody", level=renamed)
    result = contrast(old, "lenient")
    assert not result.reproduced and result.rows == ()
    assert result.other.ruleset == "lenient" and result.other.name == "Lenient"
