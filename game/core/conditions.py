"""Conditions: test them against a state, and say in words why one does not hold."""
from __future__ import annotations

from functools import partial

from . import strings
from .model import Condition, Level
from .scoring import legibility
from .state import State

_NUMBERS_SHOWN = ("exact", "delayed")


def holds(cond: Condition | None, level: Level, state: State) -> bool:
    """Whether a condition holds now. No condition always holds."""
    return True if cond is None else cond.test(level, state)


def compile_condition(cond: Condition):
    """The condition as a function of (level, state): worked out once per condition (the
    model keeps it as `Condition.test`), since the analyzer tests conditions millions of
    times."""
    if cond.all is not None:   # exactly one key is set (the model checks)
        return _all([c.test for c in cond.all])
    if cond.any is not None:
        return _any([c.test for c in cond.any])
    if cond.not_ is not None:
        test = cond.not_.test
        return lambda lv, s: not test(lv, s)
    return _MAKE[cond.key()](cond)


def _all(tests):
    if len(tests) == 2:   # the common case, without a loop (every test gives a bool)
        first, second = tests
        return lambda lv, s: first(lv, s) and second(lv, s)

    def every(lv, s):
        for test in tests:
            if not test(lv, s):
                return False
        return True
    return every


def _any(tests):
    if len(tests) == 2:
        first, second = tests
        return lambda lv, s: first(lv, s) or second(lv, s)

    def some(lv, s):
        for test in tests:
            if test(lv, s):
                return True
        return False
    return some


def _range(test):
    """Whether a value is within a test's `at_least` and `below`, as a function of the value
    (the bounds read once: reading a model's field costs as much as the test)."""
    at_least, below = test.at_least, test.below

    def within(value: int) -> bool:
        if at_least is not None and value < at_least:
            return False
        return not (below is not None and value >= below)
    return within


def _counter(c):
    name, within = c.counter.name, _range(c.counter)

    def counter(lv, s):
        for have, value in s.counters:
            if have == name:
                return within(value)
        return within(0)
    return counter


def _relationship(c):
    who, within = c.relationship.contact, _range(c.relationship)

    def relationship(lv, s):
        contact = s.contact(who)
        return within(contact.relationship if contact else 0)
    return relationship


def _tier(c):
    want = c.tier

    def tier(lv, s):
        found = lv.tier_of(s.score)
        return found is not None and found.id == want
    return tier


def _field(name: str, test):
    """A maker for a condition whose one value `v` is tested as `test(v, level, state)`
    (bound with `partial`, which calls it with no Python frame of its own between)."""
    def make(c):
        return partial(test, getattr(c, name))
    return make


_MAKE = {
    "score_at_least": _field("score_at_least", lambda v, lv, s: s.score >= v),
    "score_below": _field("score_below", lambda v, lv, s: s.score < v),
    "tier": _tier,
    "service": _field("service", lambda v, lv, s: v in s.open_services),
    "flag": _field("flag", lambda v, lv, s: v in s.flags),
    "counter": _counter,
    "money_at_least": _field("money_at_least", lambda v, lv, s: s.money >= v),
    "relationship": _relationship,
    "contact": _field("contact", lambda v, lv, s: s.contact(v) is not None),
    "persona": _field("persona", lambda v, lv, s: s.persona == v),
    "ruleset": _field("ruleset", lambda v, lv, s: s.ruleset == v),
    "visited": _field("visited", lambda v, lv, s: v in s.visited),
    "blacklisted": _field("blacklisted", lambda v, lv, s: s.blacklisted == v),
}


def service_why(service_id: str, level: Level, state: State) -> str | None:
    """Why a service is closed, without its name ("needs 950, you have 912"), or None when
    there is nothing to say but that it is closed."""
    service = level.services[service_id]
    return closed_why(without_name(service.locked_text, service.name),
                      service.needs.test if service.needs is not None else None,
                      service.threshold, level, state)


def closed_why(own_words: str | None, test, threshold: int | None, level: Level,
               state: State) -> str | None:
    """`service_why` from a service's fields already read, as the engine's plan has them
    (`test` is its condition's test)."""
    if own_words and not (test is None or test(level, state)):
        return own_words   # the author's words say why the condition fails
    numbers = legibility(state) in _NUMBERS_SHOWN
    if numbers and threshold is not None and state.score < threshold:
        return strings.NEEDS_THRESHOLD.format(threshold=threshold, score=state.shown_score)
    return own_words


def service_reason(service_id: str, level: Level, state: State) -> str:
    """Why a service is closed, with its name: "High-speed rail: needs 950, you have 912"."""
    name = level.services[service_id].name
    return closed_reason(name, service_why(service_id, level, state))


def closed_reason(name: str, why: str | None) -> str:
    """A service's name with why it is closed (`service_why`)."""
    return strings.SERVICE_WHY.format(name=name, why=why) if why else \
        strings.SERVICE_CLOSED.format(name=name)


def without_name(text: str | None, name: str) -> str | None:
    """An author's `locked_text` without the service's name in front (the game adds it)."""
    if text and text.startswith(f"{name}: "):
        return text[len(name) + 2:]
    return text


def why_not(cond: Condition, level: Level, state: State) -> str:
    """The first reason, in words, that a condition does not hold."""
    key = cond.key()
    if cond.all is not None:   # exactly one key is set (the model checks)
        failing = next(c for c in cond.all if not holds(c, level, state))
        return why_not(failing, level, state)
    if cond.service is not None:
        return service_reason(cond.service, level, state)
    if key == "score_at_least" and legibility(state) in _NUMBERS_SHOWN:
        return strings.NEEDS_SCORE.format(n=cond.score_at_least, score=state.shown_score)
    if key == "score_below":
        return strings.NEEDS_SCORE_BELOW.format(n=cond.score_below)
    if key == "money_at_least":
        return strings.NEEDS_MONEY.format(n=cond.money_at_least, money=state.money)
    if key == "tier":
        tier = next((t for t in level.score.tiers if t.id == cond.tier), None)
        return strings.NEEDS_TIER.format(name=tier.name if tier else cond.tier)
    if key == "blacklisted":
        name = level.blacklist.name if level.blacklist else "blacklist"
        text = strings.NEEDS_BLACKLISTED if cond.blacklisted else strings.NEEDS_NOT_BLACKLISTED
        return text.format(name=name)
    if key == "contact" and cond.contact in level.contacts:
        return strings.NEEDS_CONTACT.format(name=level.contacts[cond.contact].name)
    return strings.NEEDS_OTHER
