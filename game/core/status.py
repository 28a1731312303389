"""After every change: tier, blacklist, services and (under `delayed`) the shown score."""
from __future__ import annotations

from dataclasses import dataclass

from .conditions import closed_reason, closed_why
from .effects import Ctx, apply_effects
from .events import (Blacklisted, Delisted, Event, ServiceLocked, ServiceUnlocked,
                     StatementShown, TierChanged)
from .plan import BlacklistPlan, LevelPlan, plan_of
from .rng import Dice, next_float
from .display import SILENT, legibility
from .scoring import STATEMENT_EVERY
from .state import State, draft


@dataclass(frozen=True)
class Refreshed:
    state: State
    events: tuple[Event, ...]


def refresh(state: State, silent: bool = False) -> Refreshed:
    """Bring tier, blacklist, services and the shown score up to date with the score."""
    state = draft(state)
    events: list[Event] = []
    update(state, plan_of(state.played), events)
    return Refreshed(state, () if silent else tuple(events))


def update(state: State, plan: LevelPlan, events: list[Event] | None,
           dice: Dice = next_float) -> None:
    """`refresh` on a draft (`state.draft`), in place (the blacklist's effects roll `dice`)."""
    if plan.blacklist is not None:
        _blacklist(state, plan, plan.blacklist, events, dice)
    _tier(state, plan, events)
    _services(state, plan, events)
    step = state.step
    if not step % STATEMENT_EVERY and step and legibility(state) == "delayed":
        _statement(state, events)


def _tier(state: State, plan: LevelPlan, events: list[Event] | None) -> None:
    score = state.score
    tier_id = name = None
    for low, some_id, some_name in plan.tiers:   # as `Level.tier_of`
        if low <= score:
            tier_id, name = some_id, some_name
            break
    if tier_id == state.tier:
        return
    if events is not None and legibility(state) not in SILENT:
        events.append(TierChanged(state.tier, tier_id, name))   # those show no live tier
    state.__dict__["tier"] = tier_id


def _blacklist(state: State, plan: LevelPlan, rules: BlacklistPlan,
               events: list[Event] | None, dice: Dice) -> None:
    """Listed while `when` holds, or (under the rulesets that list by score) below `below`;
    off the list once neither holds, with the score back at `leave_at`."""
    by_score = rules.rulesets is None or state.ruleset in rules.rulesets
    cause = rules.when is not None and rules.when(state.played, state)
    if not state.blacklisted:
        if cause or (by_score and state.score < rules.below):
            if events is not None:
                events.append(Blacklisted(rules.name, state.score, by_score=not cause))
            state.__dict__["blacklisted"] = True
            apply_effects(state, rules.effects, Ctx(state.played, plan, events, dice))
        return
    if not cause and (not by_score or state.score >= rules.leave_at):
        if events is not None:
            events.append(Delisted(rules.name, state.score))
        state.__dict__["blacklisted"] = False


def _services(state: State, plan: LevelPlan, events: list[Event] | None) -> None:
    level, score = state.played, state.score
    opened = []   # a loop, not a comprehension: one frame fewer, after every choice
    for sid, threshold, test in plan.service_tests:
        if (threshold is None or score >= threshold) and (test is None or test(level, state)):
            opened.append(sid)
    now_open = tuple(opened)
    was_open = state.open_services
    if now_open == was_open:
        return
    if events is not None:
        _changed_services(state, plan, was_open, now_open, events)
    state.__dict__["open_services"] = now_open


def _changed_services(state: State, plan: LevelPlan, was_open: tuple, now_open: tuple,
                      events: list[Event]) -> None:
    """The events for the services that closed (with why) or opened, in file order."""
    level = state.played
    for service in plan.services:
        service_id = service.id
        if service_id in was_open and service_id not in now_open:
            why = closed_why(service.own_words, service.test, service.threshold, level,
                             state)
            events.append(ServiceLocked(service_id, service.name,
                                        closed_reason(service.name, why)))
        elif service_id not in was_open and service_id in now_open:
            events.append(ServiceUnlocked(service_id, service.name))


def _statement(state: State, events: list[Event] | None) -> None:
    """Every few choices under `delayed` legibility, the shown score catches up."""
    if events is not None and state.shown_score != state.score:
        events.append(StatementShown(state.shown_score, state.score))
    state.__dict__["shown_score"] = state.score
