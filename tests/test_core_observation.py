"""Behaviours, rulesets, watchers and sensors: who really sees a choice, and what it costs."""
from __future__ import annotations

from conftest import base_level, play, start

from game.core import strings
from game.core.events import ChangePending, Observed, ScoreChanged

#: A street you can cross again and again (for delays and chance).
LOOP = """
    scenes:
      street:
        choices:
          - {id: cross, text: Cross anyway, behaviour: jaywalk, goto: street}
          - {id: wait, text: Wait for green, goto: street}
          - {id: leave, text: Go home, finish: true}
"""


def test_same_behaviour_scored_differently_by_two_rulesets():
    level = base_level()
    strict = play(start(level, ruleset="strict"), "cross")
    lenient = play(start(level, ruleset="lenient"), "cross")
    assert strict.of(ScoreChanged)[0].delta == -50
    assert lenient.of(ScoreChanged)[0].delta == -5
    assert (strict.state.score, lenient.state.score) == (950, 995)


def test_ruleset_defaults_to_the_first_one():
    assert start(base_level()).ruleset == "strict"


def test_behaviour_without_a_rule_costs_nothing():
    level = base_level("""
        behaviours: {loiter: {name: Loitering}}
        scenes: {street: {choices: [{id: loiter, text: Linger, behaviour: loiter, goto: station}]}}
    """)
    done = play(start(level), "loiter")
    assert done.state.score == 1000
    assert done.of(Observed) == [Observed("loiter", ())]
    assert done.state.records[0].reason is None


def test_choice_without_behaviour_is_not_observed():
    done = play(start(base_level()), "wait")
    assert done.of(Observed) == []
    assert done.state.records[0].behaviour is None


def test_watcher_shown_but_sensor_off_observes_nothing():
    level = base_level("scenes: {street: {watchers: [camera], sensors: []}}")
    done = play(start(level), "cross")
    assert done.state.score == 1000
    assert done.of(Observed) == [Observed("jaywalk", ())]
    assert done.of(ScoreChanged) == []
    record = done.state.records[0]
    assert record.watchers_shown == ("camera",)
    assert record.observed_by == ()
    assert record.delta == 0


def test_hidden_sensor_on_without_a_watcher_observes():
    level = base_level("scenes: {street: {watchers: [], sensors: [cam]}}")
    done = play(start(level), "cross")
    assert done.state.score == 950
    assert done.of(Observed) == [Observed("jaywalk", ("cam",))]
    record = done.state.records[0]
    assert record.watchers_shown == ()
    assert record.observed_by == ("cam",)


def test_watchers_shown_turn_their_sensors_on_by_default():
    done = play(start(base_level()), "cross")
    assert done.state.records[0].observed_by == ("cam",)


def test_sensor_that_cannot_see_the_behaviour_does_not_count():
    level = base_level("""
        sensors: {phone: {name: Phone tracker}}
        scenes: {street: {watchers: [], sensors: [phone]}}
    """)
    done = play(start(level), "cross")
    assert done.state.score == 1000
    assert done.of(Observed) == [Observed("jaywalk", ())]


def _observed_once(level, seed):
    done = play(start(level, seed=seed), "cross")
    return bool(done.of(Observed)[0].sensors), done.state.score


def test_sensor_chance_is_deterministic_per_seed():
    level = base_level("sensors: {cam: {chance: 0.5}}")
    for seed in range(20):
        assert _observed_once(level, seed) == _observed_once(level, seed)


def test_sensor_chance_gives_both_outcomes_over_many_seeds():
    level = base_level("sensors: {cam: {chance: 0.5}}")
    outcomes = [_observed_once(level, seed) for seed in range(200)]
    seen = sum(1 for observed, _ in outcomes if observed)
    assert 50 < seen < 150
    assert {score for _, score in outcomes} == {950, 1000}
    assert all((score == 950) == observed for observed, score in outcomes)


def test_sensor_chance_zero_never_sees_and_one_always_does():
    never = base_level("sensors: {cam: {chance: 0.0}}")
    always = base_level("sensors: {cam: {chance: 1.0}}")
    assert not any(_observed_once(never, seed)[0] for seed in range(30))
    assert all(_observed_once(always, seed)[0] for seed in range(30))


def test_chance_rolls_continue_from_the_state_not_from_the_seed():
    level = base_level("sensors: {cam: {chance: 0.5}}", LOOP)
    state = play(start(level, seed=3), *["cross"] * 40).state
    hits = [r.observed_by != () for r in state.records]
    assert any(hits) and not all(hits)


def test_always_counts_without_any_active_sensor():
    level = base_level("""
        rulesets: {strict: {rules: {jaywalk: {always: true}}}}
        scenes: {street: {sensors: []}}
    """)
    done = play(start(level), "cross")
    assert done.state.score == 950
    assert done.state.records[0].observed_by == ()
    assert done.state.records[0].delta == -50


def test_always_does_not_count_in_an_unscored_scene():
    level = base_level("""
        rulesets: {strict: {rules: {jaywalk: {always: true}}}}
        scenes: {street: {scored: false}}
    """)
    assert play(start(level), "cross").state.score == 1000


def test_disclosed_change_gives_its_reason():
    [changed] = play(start(base_level()), "cross").of(ScoreChanged)
    assert changed.reason == "Crossing on red"
    assert changed.shown_text == "Crossing on red"


def test_disclosed_rule_without_reason_uses_the_behaviour_name():
    level = base_level("rulesets: {strict: {rules: {jaywalk: {reason: null}}}}")
    [changed] = play(start(level), "cross").of(ScoreChanged)
    assert changed.reason == "Jaywalking"


def test_undisclosed_change_says_only_score_adjusted():
    level = base_level("rulesets: {strict: {rules: {jaywalk: {disclosed: false}}}}")
    done = play(start(level), "cross")
    [changed] = done.of(ScoreChanged)
    assert changed.reason is None
    assert changed.shown_text == strings.SCORE_ADJUSTED == "Score adjusted"
    assert changed.delta == -50
    record = done.state.records[0]
    assert record.disclosed is False
    assert record.reason == "Crossing on red"  # the debrief may tell what play did not
    assert done.state.history[-1].reason is None


def test_delayed_change_is_pending_then_lands_after_n_choices():
    level = base_level(LOOP, "rulesets: {strict: {rules: {jaywalk: {delay: 2}}}}")
    first = play(start(level), "cross")
    assert first.state.score == 1000
    assert first.of(ChangePending) == [ChangePending("jaywalk", -50, 3)]
    assert first.of(ScoreChanged) == []
    assert first.state.records[0].delay == 2
    second = play(first.state, "wait")
    assert second.state.score == 1000 and second.of(ScoreChanged) == []
    third = play(second.state, "wait")
    [changed] = third.of(ScoreChanged)
    assert (changed.cause, changed.delta, changed.reason) == ("delayed", -50, "Crossing on red")
    assert third.state.score == 950
    assert third.state.pending == ()


def test_undisclosed_delayed_change_lands_without_a_reason():
    level = base_level(LOOP, """
        rulesets: {strict: {rules: {jaywalk: {delay: 1, disclosed: false}}}}
    """)
    [changed] = play(start(level), "cross", "wait").of(ScoreChanged)
    assert changed.cause == "delayed"
    assert changed.reason is None
    assert changed.shown_text == "Score adjusted"


def test_delay_of_unseen_behaviour_leaves_nothing_pending():
    level = base_level(LOOP, """
        rulesets: {strict: {rules: {jaywalk: {delay: 2}}}}
        scenes: {street: {sensors: []}}
    """)
    done = play(start(level), "cross")
    assert done.state.pending == () and done.of(ChangePending) == []
    assert done.state.records[0].delay == 0
