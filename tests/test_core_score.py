"""The score: where it starts, its bounds, its tiers, and scenes that do not count."""
from __future__ import annotations

import yaml
from conftest import BASE, base_level, play, start

from game.content import load_text
from game.core.model import Level

from game.core.events import ChoiceMade, Observed, ScoreChanged, TierChanged


def test_base_level_is_clean_and_reads_the_same_either_way():
    loaded = load_text(BASE, "base.yaml")
    assert loaded.diagnostics == []
    assert loaded.level == Level.model_validate(yaml.safe_load(BASE)) == base_level()


def test_score_starts_at_the_level_start_value():
    state = start(base_level("score: {start: 1000}"))
    assert state.score == 1000
    assert state.shown_score == 1000
    assert state.history[0].score == 1000 and state.history[0].cause == "start"


def test_score_start_value_is_the_levels_own():
    state = start(base_level("score: {start: 640}"))
    assert state.score == 640


def test_score_never_goes_below_min():
    level = base_level("""
        score: {min: 980}
        rulesets: {strict: {rules: {jaywalk: {change: -500, seen_by: [cam]}}}}
    """)
    done = play(start(level), "cross")
    assert done.state.score == 980
    [changed] = done.of(ScoreChanged)
    assert (changed.old, changed.new, changed.delta) == (1000, 980, -20)


def test_score_never_goes_above_max():
    level = base_level("""
        score: {max: 1010}
        rulesets: {strict: {rules: {help: {change: 500, seen_by: [cam]}}}}
    """)
    done = play(start(level), "help")
    assert done.state.score == 1010
    assert done.of(ScoreChanged)[0].delta == 10


def test_change_at_a_bound_emits_no_score_event():
    level = base_level("score: {start: 0, min: 0}")
    done = play(start(level), "cross")
    assert done.state.score == 0
    assert done.of(ScoreChanged) == []


def test_start_score_outside_the_bounds_is_clamped():
    level = base_level("""
        score: {start: 1000, min: 0, max: 1300}
        personas: {citizen: {score: 5000}}
    """)
    assert start(level).score == 1300


def test_tier_is_set_from_the_start_score():
    assert start(base_level()).tier == "B"
    assert start(base_level("score: {start: 1100}")).tier == "A"


def test_crossing_a_tier_boundary_emits_tier_changed():
    level = base_level("rulesets: {strict: {rules: {jaywalk: {change: -60, seen_by: [cam]}}}}")
    done = play(start(level), "cross")
    assert done.state.tier == "C"
    assert done.of(TierChanged) == [TierChanged("B", "C", "Watched")]


def test_change_within_a_tier_emits_no_tier_changed():
    done = play(start(base_level()), "cross")  # 1000 -> 950, still Ordinary
    assert done.state.tier == "B"
    assert done.of(TierChanged) == []


def test_level_without_tiers_has_no_tier():
    level = base_level()
    level = level.model_copy(update={"score": level.score.model_copy(update={"tiers": []})})
    done = play(start(level), "cross")
    assert done.state.tier is None
    assert done.of(TierChanged) == []


def test_unscored_scene_never_changes_the_score():
    level = base_level("""
        scenes: {street: {scored: false}}
        contacts: {low: {name: Lo, score: 100}}
        network: {pull: 0.5}
    """)
    done = play(start(level), "cross")
    assert done.state.score == 1000
    assert done.of(ScoreChanged) == []
    assert done.state.records[0].scored is False
    assert done.state.records[0].delta == 0


def test_unscored_level_scores_no_scene_unless_it_says():
    level = base_level("""
        scored: false
        scenes: {station: {scored: true, watchers: [camera],
                 choices: [{id: walk, text: Walk on red, behaviour: jaywalk, finish: true}]}}
    """)
    first = play(start(level), "cross")
    assert first.state.score == 1000
    second = play(first.state, "walk")
    assert second.state.score == 950


def test_unscored_scene_still_reports_the_behaviour_unseen():
    level = base_level("scenes: {street: {scored: false}}")
    done = play(start(level), "cross")
    assert done.of(ChoiceMade)[0].behaviour == "jaywalk"
    assert done.of(Observed) == [Observed("jaywalk", ())]
