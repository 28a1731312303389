"""Saves that survive the next version: the chain of upgrades (`game.core.upgrade`), and a
real version-1 save, kept as the game wrote it, that every later version must still load.

The game's state is at version 2 (it added `memory`, what earlier chapters left); the chain
itself is also proved with made-up versions passed to `upgrade`; nothing in the game is patched.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from game import saves
from game.content import load_text
from game.core import State, choices, choose
from game.core.state import STATE_VERSION
from game.core.upgrade import VersionError, minimum_version, upgrade

ROOT = Path(__file__).resolve().parents[1]
V1_AUTOSAVE = ROOT / "tests" / "fixtures" / "saves" / "v1_autosave.json"   # never rewritten
TUTORIAL = ROOT / "levels" / "tutorial.yaml"


def _v1_save() -> saves.SaveGame:
    return saves.read_file(V1_AUTOSAVE)


def _add_mood(data: dict) -> dict:
    """The made-up step from version 1 to 2: the state gains a field, `mood`."""
    return data | {"mood": "calm"}


# ---------------------------------------------------------------- the real version-1 save

def test_the_fixture_is_a_version_1_save():
    document = json.loads(V1_AUTOSAVE.read_text(encoding="utf-8"))
    assert document["sincerity_save"] == document["payload"]["version"] == 1
    assert json.loads(document["payload"]["state"])["version"] == 1


def test_a_real_version_1_autosave_still_loads_and_plays_on():
    save = _v1_save()
    text = TUTORIAL.read_text(encoding="utf-8")
    loaded = load_text(text, str(TUTORIAL))
    assert loaded.level is not None, loaded.format()
    resumed = saves.resume(save, loaded.level, saves.level_hash(text))
    assert resumed.state.level_id == save.level_id == "tutorial"
    assert resumed.state.step == save.step == 4
    view = next(v for v in choices(resumed.state) if v.available)
    assert choose(resumed.state, view.id).state.step == 5


def test_a_real_version_1_state_is_read_as_the_current_version_remembering_nothing():
    save = _v1_save()
    loaded = load_text(TUTORIAL.read_text(encoding="utf-8"), str(TUTORIAL))
    state = State.from_json(save.state, loaded.level)
    assert STATE_VERSION == state.version == 2 and state.memory == ()
    assert json.loads(state.to_json())["memory"] == []


def test_a_real_version_1_state_upgrades_to_a_version_with_a_new_field():
    v1 = json.loads(_v1_save().state)
    kept = json.dumps(v1, sort_keys=True)
    v2 = upgrade(v1, {1: _add_mood}, current=2)
    assert v2 == v1 | {"version": 2, "mood": "calm"}
    assert json.dumps(v1, sort_keys=True) == kept        # what was read is not changed


# ---------------------------------------------------------------- the chain

def _noting(n: int):
    return lambda data: data | {"steps": [*data["steps"], n]}


STEPS = {1: _noting(1), 2: _noting(2), 3: _noting(3)}


@pytest.mark.parametrize(("version", "steps"), [(1, [1, 2, 3]), (2, [2, 3]), (3, [3]), (4, [])])
def test_each_step_from_the_data_s_version_runs_once_in_order(version, steps):
    data = {"version": version, "steps": []}
    assert upgrade(data, STEPS, current=4) == {"version": 4, "steps": steps}


def test_the_current_version_is_read_as_it_is():
    data = {"version": 1, "score": 960}
    assert upgrade(data, {}, current=1) == data


def test_the_minimum_compatible_version_is_where_the_chain_of_steps_begins():
    assert minimum_version({}, 1) == 1
    assert minimum_version(STEPS, 4) == 1
    assert minimum_version({1: _noting(1), 3: _noting(3)}, 4) == 3    # no step from 2 to 3


@pytest.mark.parametrize(("version", "newer"), [
    (3, True), (99, True), (0, False), (-1, False), (None, False), ("1", False), (True, False),
    (1.0, False)])
def test_a_version_outside_the_window_is_refused_and_says_which(version, newer):
    with pytest.raises(VersionError) as caught:
        upgrade({"version": version}, {1: _add_mood}, current=2)
    assert caught.value.newer is newer
    assert str(caught.value) == f"has version {version!r}; this game reads versions 1 to 2"


def test_a_step_that_is_missing_leaves_older_versions_refused():
    with pytest.raises(VersionError):
        upgrade({"version": 1, "steps": []}, {1: _noting(1), 3: _noting(3)}, current=4)
    assert upgrade({"version": 3, "steps": []}, {1: _noting(1), 3: _noting(3)}, current=4) == {
        "version": 4, "steps": [3]}


# ---------------------------------------------------------------- a save whose rules are gone

V1_PILOT_RULES = ROOT / "tests" / "fixtures" / "saves" / "v1_pilot_city_pilot_rules.json"
PILOT_CITY = ROOT / "levels" / "pilot_city.yaml"


def _pilot_city():
    text = PILOT_CITY.read_text(encoding="utf-8")
    loaded = load_text(text, str(PILOT_CITY))
    assert loaded.level is not None, loaded.format()
    return loaded.level, saves.level_hash(text)


def test_a_save_under_the_pilot_citys_old_rules_goes_on_at_its_scene_under_the_first_rules():
    """A real autosave of The Pilot City under its old `pilot` rules, two choices in, at
    `network`, which the chapter still has: it went back to the start of the chapter and
    said "your scene is gone"."""
    save = saves.read_file(V1_PILOT_RULES)
    assert json.loads(save.state)["ruleset"] == "pilot"
    level, current = _pilot_city()
    assert "pilot" not in level.rulesets
    resumed = saves.resume(save, level, current)
    first = next(iter(level.rulesets))
    assert (resumed.state.scene, resumed.state.ruleset) == ("network", first)
    assert resumed.state.step == save.step == 2 and resumed.state.score == 1009
    assert resumed.log_kept
    assert resumed.note == saves.CHANGED_RULES.format(rules=level.rulesets[first].name)
    assert "gone" in resumed.note and "same scene" in resumed.note
    view = next(v for v in choices(resumed.state) if v.available)
    assert choose(resumed.state, view.id).state.step == 3


def test_when_the_scene_is_gone_too_the_chapter_starts_again_and_says_both_are_gone():
    save = saves.read_file(V1_PILOT_RULES)
    data = json.loads(save.state)
    gone = dataclasses.replace(save, state=json.dumps(data | {"scene": "old_square",
                                                              "visited": ["old_square"]}))
    level, current = _pilot_city()
    resumed = saves.resume(gone, level, current)
    first = next(iter(level.rulesets))
    assert resumed.state.scene == level.start and resumed.state.ruleset == first
    assert resumed.state.score == 1009 and not resumed.log_kept
    assert resumed.note == saves.CHANGED_RULES_RESTART.format(rules=level.rulesets[first].name)
