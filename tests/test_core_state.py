"""The state as JSON: a round trip, and every bad save refused with StateError only."""
from __future__ import annotations

import json

import pytest
from conftest import base_level, play, start

from game.core import State, StateError, choices
from game.core.state import STATE_VERSION

LEVEL = base_level("""
    contacts: {mei: {name: Mei, score: 800}}
    network: {pull: 0.1}
    baselines: {cross: {question: Cross on red}}
    rulesets: {strict: {rules: {jaywalk: {delay: 2}}}}
    scenes:
      street:
        choices:
          - {id: cross, text: Cross, behaviour: jaywalk, baseline: {pair: cross, candid: true},
             goto: street}
          - {id: act, text: Act, goto: station,
             effects: [{set: a}, {count: {name: n, by: 2}}, {money: -5}]}
""")


def _played() -> State:
    return play(start(LEVEL, seed=42), "cross", "cross", "act").state


def _good() -> dict:
    return json.loads(_played().to_json())


def test_round_trip_gives_an_equal_state():
    state = _played()
    assert state.pending and state.records and state.counters and state.baselines
    again = State.from_json(state.to_json(), LEVEL)
    assert again == state
    assert again.to_json() == state.to_json()
    assert again.level is LEVEL


def test_round_trip_of_a_new_and_a_finished_game():
    for state in (start(LEVEL), play(_played(), "walk").state):
        assert State.from_json(state.to_json(), LEVEL) == state


def test_round_tripped_state_plays_on_the_same():
    state = _played()
    again = State.from_json(state.to_json(), LEVEL)
    assert play(again, "walk").state.to_json() == play(state, "walk").state.to_json()


def test_to_json_is_compact_sorted_and_has_no_level():
    data = json.loads(_played().to_json())
    assert "level" not in data
    assert list(data) == sorted(data)
    assert data["version"] == STATE_VERSION


@pytest.mark.parametrize("version", [0, STATE_VERSION + 1, None, "1", True, 1.0])
def test_wrong_version_is_refused(version):
    data = _good() | {"version": version}
    with pytest.raises(StateError):
        State.from_json(json.dumps(data), LEVEL)


def test_missing_version_is_refused():
    data = _good()
    del data["version"]
    with pytest.raises(StateError, match="version"):
        State.from_json(json.dumps(data), LEVEL)


def test_wrong_level_is_refused():
    data = _good() | {"level_id": "other"}
    with pytest.raises(StateError, match="other"):
        State.from_json(json.dumps(data), LEVEL)


@pytest.mark.parametrize("key", ["cheat", "level"])
def test_unknown_top_level_key_is_refused(key):
    data = _good() | {key: {"id": "base"}}
    with pytest.raises(StateError, match=key):
        State.from_json(json.dumps(data), LEVEL)


@pytest.mark.parametrize("part", ["contacts", "pending", "records", "history", "baselines"])
def test_unknown_nested_key_is_refused(part):
    data = _good()
    data[part][0]["extra"] = 1
    with pytest.raises(StateError):
        State.from_json(json.dumps(data), LEVEL)


DAMAGED = [
    "", "{", "not json", "[]", "null", "42", '"state"', "{}",
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 50_000 + "1" + "}" * 50_000,
]


@pytest.mark.parametrize("text", DAMAGED, ids=range(len(DAMAGED)))
def test_damaged_json_is_refused(text):
    with pytest.raises(StateError):
        State.from_json(text, LEVEL)


def test_truncated_save_is_refused_at_every_length():
    text = _played().to_json()
    for end in range(0, len(text), 7):
        with pytest.raises(StateError):
            State.from_json(text[:end], LEVEL)


def test_non_text_is_refused():
    for value in (None, 42, b"\xff\xfe", ["a"]):
        with pytest.raises(StateError):
            State.from_json(value, LEVEL)


@pytest.mark.parametrize(("key", "value"), [
    ("score", "950"), ("score", 950.5), ("score", None), ("score", True), ("money", []),
    ("flags", "abc"), ("flags", [1]), ("flags", {"a": 1}), ("counters", {"ab": 1}),
    ("counters", [["n", "2"]]), ("counters", [["n"]]), ("counters", 5),
    ("contacts", 5), ("contacts", [1]), ("contacts", [{"id": "mei"}]),
    ("contacts", [{"id": "mei", "score": "x", "relationship": 1}]),
    ("records", [None]), ("history", None), ("pending", [[1, 2]]), ("blacklisted", "no"),
    ("scene", 7), ("rng", -0.5), ("visited", [None]), ("seed", "7"),
])
def test_values_of_the_wrong_type_are_refused(key, value):
    data = _good() | {key: value}
    with pytest.raises(StateError, match=f"`{key}`") as caught:
        State.from_json(json.dumps(data), LEVEL)
    assert "\n" not in str(caught.value)          # one line, not pydantic's report


def test_nan_score_is_refused():
    text = _played().to_json().replace('"score":', '"score":NaN,"x":', 1)
    with pytest.raises(StateError):
        State.from_json(text, LEVEL)


def test_huge_number_is_refused():
    text = json.dumps(_good()).replace('"money": 95', '"money": ' + "9" * 5000)
    assert "9" * 5000 in text
    with pytest.raises(StateError):
        State.from_json(text, LEVEL)


@pytest.mark.parametrize(("key", "value"), [
    ("scene", "moon"), ("persona", "ghost"), ("ruleset", "anarchy"), ("ending", "nowhere"),
    ("contacts", [{"id": "stranger", "score": 1, "relationship": 1}]),
])
def test_ids_the_level_does_not_have_are_refused(key, value):
    data = _good() | {key: value}
    if key == "ending":
        data["scene"] = None
    with pytest.raises(StateError, match="does not fit"):
        State.from_json(json.dumps(data), LEVEL)


def test_state_with_neither_scene_nor_ending_is_refused():
    data = _good() | {"scene": None, "ending": None}
    with pytest.raises(StateError):
        State.from_json(json.dumps(data), LEVEL)


def test_renamed_scene_is_followed():
    data = _good() | {"scene": "old_station"}
    data["path"] = [*data["path"][:-1], "old_station"]
    level = LEVEL.model_copy(update={"renamed": {"old_station": "station"}})
    state = State.from_json(json.dumps(data), level)
    assert state.scene == "station"
    assert "old_station" not in state.path
    assert [v.id for v in choices(state)] == ["train", "walk"]


def test_loaded_state_can_be_played_without_other_errors():
    state = State.from_json(_played().to_json(), LEVEL)
    assert [v.id for v in choices(state)] == ["train", "walk"]
