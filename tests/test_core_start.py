"""How a game starts (personas, presets, start_at) and how it ends (endings by `when`)."""
from __future__ import annotations

import pytest
from conftest import base_level, make_level, play, start

from game.core import ChoiceError, choices, new_game, pick_ending, start_at
from game.core.events import EndingReached

PERSONAS = """
    contacts:
      boss: {name: The boss, score: 1200}
      cousin: {name: Cousin Li, score: 700}
    personas:
      urban: {name: Urban professional, score: 1080, money: 500, flags: [degree],
              counters: {promotions: 1}, contacts: [boss]}
      rural: {name: Rural migrant worker, score: 930, money: 20, flags: [hukou_elsewhere],
              contacts: [cousin]}
"""


def test_personas_start_with_their_own_score_money_flags_and_contacts():
    level = base_level(PERSONAS)
    urban = start(level, persona="urban")
    rural = start(level, persona="rural")
    assert (urban.score, urban.money, urban.flags) == (1080, 500, ("degree",))
    assert (rural.score, rural.money, rural.flags) == (930, 20, ("hukou_elsewhere",))
    assert [c.id for c in urban.contacts] == ["boss"]
    assert [c.id for c in rural.contacts] == ["cousin"]
    assert urban.counter("promotions") == 1 and rural.counter("promotions") == 0


def test_personas_open_different_doors():
    level = base_level(PERSONAS)
    assert start(level, persona="urban").open_services == ("rail",)
    assert start(level, persona="rural").open_services == ()
    assert (start(level, persona="urban").tier, start(level, persona="rural").tier) == ("A", "C")


def test_persona_defaults_to_the_first_and_contacts_to_all():
    state = start(base_level(PERSONAS))
    assert state.persona == "citizen"
    assert [c.id for c in state.contacts] == ["boss", "cousin"]


def test_unknown_persona_or_ruleset_is_refused():
    level = base_level()
    with pytest.raises(ChoiceError):
        new_game(level, persona="nobody")
    with pytest.raises(ChoiceError):
        new_game(level, ruleset="nothing")


PRESETS = """
    contacts:
      mei: {name: Mei, score: 1000}
      jun: {name: Jun, score: 500}
    blacklist: {below: 600}
    presets:
      late:
        scene: station
        ruleset: lenient
        score: 912
        money: 7
        flags: [tired]
        counters: {lies: 2}
        contacts: [mei]
      listed: {scene: station, score: 500, blacklisted: true}
"""


def test_preset_sets_the_starting_state():
    state = new_game(base_level(PRESETS), preset="late")
    assert (state.scene, state.ruleset, state.persona) == ("station", "lenient", "citizen")
    assert (state.score, state.money, state.flags) == (912, 7, ("tired",))
    assert state.counter("lies") == 2
    assert [c.id for c in state.contacts] == ["mei"]
    assert state.open_services == ()
    assert state.history[0].score == 912
    assert state.visited == ("station",)


def test_preset_shows_the_locked_door():
    state = new_game(base_level(PRESETS), preset="late")
    train = next(v for v in choices(state) if v.id == "train")
    assert train.locked_reason == "High-speed rail: needs 950, you have 912"


def test_preset_can_start_on_the_blacklist():
    state = new_game(base_level(PRESETS), preset="listed")
    assert state.blacklisted is True


def test_explicit_ruleset_wins_over_the_presets():
    state = new_game(base_level(PRESETS), ruleset="strict", preset="late")
    assert state.ruleset == "strict"


def test_start_at_moves_to_a_scene_keeping_everything_else():
    state = play(start(base_level()), "cross").state
    moved = start_at(state, "street")
    assert moved.scene == "street"
    assert moved.score == state.score == 950
    assert moved.path == ("street", "station", "street")
    assert moved.visited == ("station", "street")


def test_start_at_an_unknown_scene_is_refused():
    with pytest.raises(ChoiceError):
        start_at(start(base_level()), "moon")


def test_start_at_after_the_end_plays_on():
    state = play(start(base_level()), "wait", "walk").state
    assert state.finished
    moved = start_at(state, "station")
    assert not moved.finished
    assert [v.id for v in choices(moved)] == ["train", "walk"]


ENDINGS = """
    format: 1
    id: endings
    title: Endings
    start: here
    rulesets: {only: {name: Only}}
    personas: {me: {name: Me, score: SCORE}}
    scenes:
      here:
        title: Here
        text: Now choose.
        basis: fiction
        choices:
          - {id: done, text: Done, finish: true}
    endings:
      high: {title: High, text: High., when: {score_at_least: 1100}}
      middle: {title: Middle, text: Middle., when: {score_at_least: 900}}
      low: {title: Low, text: Low., when: {score_below: 900}}
      rest: {title: Rest, text: Rest.}
"""


@pytest.mark.parametrize(("score", "ending"), [(1200, "high"), (1000, "middle"), (10, "low")])
def test_ending_is_the_first_in_file_order_whose_when_holds(score, ending):
    level = make_level(ENDINGS.replace("SCORE", str(score)))
    done = play(start(level), "done")
    assert done.state.ending == ending
    assert done.of(EndingReached)[0].ending == ending
    assert done.state.scene is None


def test_ending_without_when_is_the_fallback():
    level = make_level(ENDINGS.replace("SCORE", "1000").replace(
        "when: {score_at_least: 900}", "when: {flag: never}").replace(
        "when: {score_below: 900}", "when: {flag: never}"))
    assert play(start(level), "done").state.ending == "rest"


def test_last_ending_when_none_holds():
    level = make_level(ENDINGS.replace("SCORE", "1000").replace(
        "rest: {title: Rest, text: Rest.}", "rest: {title: Rest, text: Rest., when: {flag: nope}}"
    ).replace("when: {score_at_least: 900}", "when: {flag: never}"))
    assert pick_ending(level, start(level)) == "rest"


def test_goto_an_ending_reaches_it_whatever_its_when():
    reached = play(start(base_level()), "cross", "train")  # 950: `arrived` wants 1000
    assert reached.state.ending == "arrived"
    assert reached.of(EndingReached) == [EndingReached("arrived", "Arrived on time")]


def test_finish_picks_the_ending_by_when():
    assert play(start(base_level()), "wait", "walk").state.ending == "arrived"
    assert play(start(base_level()), "cross", "walk").state.ending == "home"


def test_a_choice_reports_itself_first_and_where_it_leads_last():
    level = base_level("rulesets: {strict: {rules: {jaywalk: {change: -88}}}}")
    events = play(start(level), "cross").events
    assert [e.kind for e in events] == [      # the camera's moment (this seed shows one)
        "choice_made", "watched", "observed", "score_changed", "tier_changed",
        "service_locked", "scene_entered"]
    assert events[0].to_dict() == {"kind": "choice_made", "scene": "street", "choice": "cross",
                                   "text": "Cross anyway", "behaviour": "jaywalk", "reply": None}


def test_choice_views_number_the_choices_shown():
    views = choices(start(base_level()))
    assert [(v.number, v.id, v.text, v.behaviour, v.available) for v in views] == [
        (1, "cross", "Cross anyway", "jaywalk", True),
        (2, "help", "Help the old man across", "help", True),
        (3, "wait", "Wait for green", None, True),
    ]


def test_the_state_is_a_value_that_choose_does_not_change():
    state = start(base_level())
    before = state.to_json()
    play(state, "cross")
    assert state.to_json() == before
