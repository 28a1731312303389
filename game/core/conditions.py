"""Conditions: test them against a state, and say in words why one does not hold."""
from __future__ import annotations

from . import strings
from .model import Condition, Level
from .scoring import legibility
from .state import State

_NUMBERS_SHOWN = ("exact", "delayed")


def holds(cond: Condition | None, level: Level, state: State) -> bool:
    """Whether a condition holds now. No condition always holds."""
    if cond is None:
        return True
    return _TESTS[cond.key()](cond, level, state)


def _range(value: int, test) -> bool:
    if test.at_least is not None and value < test.at_least:
        return False
    return not (test.below is not None and value >= test.below)


def _relationship(c, level, state):
    contact = state.contact(c.relationship.contact)
    return _range(contact.relationship if contact else 0, c.relationship)


def _tier(c, level, state):
    tier = level.tier_of(state.score)
    return tier is not None and tier.id == c.tier


_TESTS = {
    "score_at_least": lambda c, lv, s: s.score >= c.score_at_least,
    "score_below": lambda c, lv, s: s.score < c.score_below,
    "tier": _tier,
    "service": lambda c, lv, s: c.service in s.open_services,
    "flag": lambda c, lv, s: c.flag in s.flags,
    "counter": lambda c, lv, s: _range(s.counter(c.counter.name), c.counter),
    "money_at_least": lambda c, lv, s: s.money >= c.money_at_least,
    "relationship": _relationship,
    "contact": lambda c, lv, s: s.contact(c.contact) is not None,
    "persona": lambda c, lv, s: s.persona == c.persona,
    "ruleset": lambda c, lv, s: s.ruleset == c.ruleset,
    "visited": lambda c, lv, s: c.visited in s.visited,
    "blacklisted": lambda c, lv, s: s.blacklisted == c.blacklisted,
    "all": lambda c, lv, s: all(holds(x, lv, s) for x in c.all),
    "any": lambda c, lv, s: any(holds(x, lv, s) for x in c.any),
    "not": lambda c, lv, s: not holds(c.not_, lv, s),
}


def service_why(service_id: str, level: Level, state: State) -> str | None:
    """Why a service is closed, without its name ("needs 950, you have 912"), or None when
    there is nothing to say but that it is closed."""
    service = level.services[service_id]
    own_words = _without_name(service.locked_text, service.name)
    if own_words and not holds(service.needs, level, state):
        return own_words   # the author's words say why the condition fails
    numbers = legibility(state) in _NUMBERS_SHOWN
    if numbers and service.threshold is not None and state.score < service.threshold:
        return strings.NEEDS_THRESHOLD.format(threshold=service.threshold,
                                              score=state.shown_score)
    return own_words


def service_reason(service_id: str, level: Level, state: State) -> str:
    """Why a service is closed, with its name: "High-speed rail: needs 950, you have 912"."""
    name = level.services[service_id].name
    why = service_why(service_id, level, state)
    return strings.SERVICE_WHY.format(name=name, why=why) if why else \
        strings.SERVICE_CLOSED.format(name=name)


def _without_name(text: str | None, name: str) -> str | None:
    """An author's `locked_text` without the service's name in front (the game adds it)."""
    if text and text.startswith(f"{name}: "):
        return text[len(name) + 2:]
    return text


def why_not(cond: Condition, level: Level, state: State) -> str:
    """The first reason, in words, that a condition does not hold."""
    key = cond.key()
    if key == "all":
        failing = next(c for c in cond.all if not holds(c, level, state))
        return why_not(failing, level, state)
    if key == "service":
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
