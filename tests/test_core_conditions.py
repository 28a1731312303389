"""Every condition key, true and false, and the words for why one does not hold."""
from __future__ import annotations

from dataclasses import replace

import pytest
import yaml
from conftest import base_level, play, start

from game.core.conditions import holds, why_not
from game.core.model import Condition

LEVEL = base_level("""
    contacts:
      mei: {name: Mei, score: 1000, relationship: 2}
      jun: {name: Jun, score: 700}
    personas:
      citizen: {name: Citizen}
      migrant: {name: Migrant worker}
    blacklist: {below: 600, name: Public list}
""")


def _cond(text: str) -> Condition:
    return Condition.model_validate(yaml.safe_load(text))


def _state(**changes):
    return replace(start(LEVEL), **changes)


def _holds(text: str, state) -> bool:
    return holds(_cond(text), LEVEL, state)


def test_no_condition_always_holds():
    assert holds(None, LEVEL, _state())


@pytest.mark.parametrize(("cond", "score", "expected"), [
    ("{score_at_least: 950}", 950, True),
    ("{score_at_least: 950}", 949, False),
    ("{score_below: 950}", 949, True),
    ("{score_below: 950}", 950, False),
])
def test_score_conditions(cond, score, expected):
    assert _holds(cond, _state(score=score)) is expected


@pytest.mark.parametrize(("score", "tier"), [(1100, "A"), (1000, "B"), (10, "C")])
def test_tier(score, tier):
    state = _state(score=score)
    assert _holds(f"{{tier: {tier}}}", state)
    assert not _holds("{tier: A}" if tier != "A" else "{tier: B}", state)


def test_service():
    assert _holds("{service: rail}", _state(open_services=("rail",)))
    assert not _holds("{service: rail}", _state(open_services=()))


def test_flag():
    assert _holds("{flag: degree}", _state(flags=("degree",)))
    assert not _holds("{flag: degree}", _state(flags=("other",)))


@pytest.mark.parametrize(("cond", "value", "expected"), [
    ("{counter: {name: lies, at_least: 2}}", 2, True),
    ("{counter: {name: lies, at_least: 2}}", 1, False),
    ("{counter: {name: lies, below: 2}}", 1, True),
    ("{counter: {name: lies, below: 2}}", 2, False),
    ("{counter: {name: lies, at_least: 1, below: 3}}", 2, True),
    ("{counter: {name: lies, at_least: 1, below: 3}}", 3, False),
])
def test_counter(cond, value, expected):
    assert _holds(cond, _state(counters=(("lies", value),))) is expected


def test_counter_never_set_counts_as_zero():
    assert _holds("{counter: {name: lies, below: 1}}", _state())


def test_money_at_least():
    assert _holds("{money_at_least: 100}", _state(money=100))
    assert not _holds("{money_at_least: 100}", _state(money=99))


def test_relationship():
    state = _state()
    assert _holds("{relationship: {contact: mei, at_least: 2}}", state)
    assert not _holds("{relationship: {contact: mei, at_least: 3}}", state)
    assert _holds("{relationship: {contact: jun, below: 2}}", state)


def test_relationship_with_a_cut_contact_is_zero():
    state = _state(contacts=())
    assert _holds("{relationship: {contact: mei, below: 1}}", state)
    assert not _holds("{relationship: {contact: mei, at_least: 1}}", state)


def test_contact():
    state = _state()
    assert _holds("{contact: mei}", state)
    assert not _holds("{contact: mei}", state.with_contact(None, "mei"))


def test_persona():
    assert _holds("{persona: migrant}", start(LEVEL, persona="migrant"))
    assert not _holds("{persona: migrant}", start(LEVEL, persona="citizen"))


def test_ruleset():
    assert _holds("{ruleset: lenient}", start(LEVEL, ruleset="lenient"))
    assert not _holds("{ruleset: lenient}", start(LEVEL, ruleset="strict"))


def test_visited():
    state = start(LEVEL)
    assert _holds("{visited: street}", state)
    assert not _holds("{visited: station}", state)
    assert _holds("{visited: station}", play(state, "wait").state)


def test_blacklisted():
    assert _holds("{blacklisted: true}", _state(blacklisted=True))
    assert not _holds("{blacklisted: true}", _state(blacklisted=False))
    assert _holds("{blacklisted: false}", _state(blacklisted=False))
    assert not _holds("{blacklisted: false}", _state(blacklisted=True))


def test_all():
    state = _state(flags=("a", "b"))
    assert _holds("{all: [{flag: a}, {flag: b}]}", state)
    assert not _holds("{all: [{flag: a}, {flag: c}]}", state)
    assert _holds("{all: []}", state)


def test_any():
    state = _state(flags=("a",))
    assert _holds("{any: [{flag: c}, {flag: a}]}", state)
    assert not _holds("{any: [{flag: c}, {flag: d}]}", state)
    assert not _holds("{any: []}", state)


def test_not():
    state = _state(flags=("a",))
    assert _holds("{not: {flag: b}}", state)
    assert not _holds("{not: {flag: a}}", state)


def test_nested_conditions():
    text = "{all: [{any: [{flag: x}, {score_at_least: 900}]}, {not: {blacklisted: true}}]}"
    assert _holds(text, _state(score=950))
    assert not _holds(text, _state(score=850))
    assert not _holds(text, _state(score=950, blacklisted=True))


def test_condition_needs_exactly_one_key():
    with pytest.raises(ValueError, match="exactly one"):
        _cond("{flag: a, tier: B}")
    with pytest.raises(ValueError, match="exactly one"):
        _cond("{}")


def test_condition_error_names_keys_as_authors_write_them():
    with pytest.raises(ValueError) as error:
        _cond("{flag: a, tier: B}")
    assert "`not`" in str(error.value) and "`not_`" not in str(error.value)


@pytest.mark.parametrize(("cond", "reason"), [
    ("{score_at_least: 1100}", "Needs a score of 1100, you have 1000"),
    ("{score_below: 900}", "Only below a score of 900"),
    ("{money_at_least: 500}", "Needs 500 in money, you have 100"),
    ("{tier: A}", "Needs the tier Trusted"),
    ("{blacklisted: true}", "Only while you are on the Public list"),
    ("{contact: nobody}", "Not open to you now"),
    ("{flag: degree}", "Not open to you now"),
    ("{all: [{flag: missing}, {score_at_least: 1100}]}", "Not open to you now"),
    ("{all: [{score_at_least: 0}, {score_at_least: 1100}]}",
     "Needs a score of 1100, you have 1000"),
])
def test_why_not_says_why(cond, reason):
    assert why_not(_cond(cond), LEVEL, start(LEVEL)) == reason


def test_why_not_for_blacklisted_and_cut_contacts():
    state = _state(blacklisted=True, contacts=())
    assert why_not(_cond("{blacklisted: false}"), LEVEL, state) == (
        "Closed while you are on the Public list")
    assert why_not(_cond("{contact: mei}"), LEVEL, state) == "Needs Mei in your network"
