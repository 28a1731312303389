"""After every change: tier, blacklist, services and (under `delayed`) the shown score."""
from __future__ import annotations

from dataclasses import dataclass

from .conditions import service_reason
from .effects import Ctx, apply_effects
from .events import (Blacklisted, Delisted, Event, ServiceLocked, ServiceUnlocked,
                     StatementShown, TierChanged)
from .scoring import STATEMENT_EVERY, legibility
from .state import State


@dataclass(frozen=True)
class Refreshed:
    state: State
    events: tuple[Event, ...]


def refresh(state: State, silent: bool = False) -> Refreshed:
    """Bring tier, blacklist, services and the shown score up to date with the score."""
    events: list[Event] = []
    state = _blacklist(state, events)
    state = _tier(state, events)
    state = _services(state, events)
    state = _statement(state, events)
    return Refreshed(state, () if silent else tuple(events))


def _tier(state: State, events: list[Event]) -> State:
    tier = state.level.tier_of(state.score)
    tier_id = tier.id if tier else None
    if tier_id == state.tier:
        return state
    if legibility(state) not in ("hidden", "delayed"):   # those show no live tier
        events.append(TierChanged(state.tier, tier_id, tier.name if tier else None))
    return state.evolve(tier=tier_id)


def _blacklist(state: State, events: list[Event]) -> State:
    rules = state.level.blacklist
    if rules is None:
        return state
    leave_at = rules.leave_at if rules.leave_at is not None else rules.below
    if not state.blacklisted and state.score < rules.below:
        events.append(Blacklisted(rules.name, state.score))
        state = state.evolve(blacklisted=True)
        return apply_effects(state, rules.effects, Ctx(state.level, events))
    if state.blacklisted and state.score >= leave_at:
        events.append(Delisted(rules.name, state.score))
        return state.evolve(blacklisted=False)
    return state


def _services(state: State, events: list[Event]) -> State:
    level = state.level
    opened = []
    for sid, service in level.services_by_id:
        if (service.threshold is None or state.score >= service.threshold) and \
                (service.needs is None or service.needs.test(level, state)):
            opened.append(sid)
    now_open = tuple(opened)
    if now_open == state.open_services:
        return state
    was_open = set(state.open_services)
    for service_id, service in level.services.items():
        if service_id in was_open and service_id not in now_open:
            events.append(ServiceLocked(service_id, service.name,
                                        service_reason(service_id, level, state)))
        elif service_id not in was_open and service_id in now_open:
            events.append(ServiceUnlocked(service_id, service.name))
    return state.evolve(open_services=now_open)


def _statement(state: State, events: list[Event]) -> State:
    if legibility(state) != "delayed" or state.step % STATEMENT_EVERY or state.step == 0:
        return state
    if state.shown_score != state.score:
        events.append(StatementShown(state.shown_score, state.score))
    return state.evolve(shown_score=state.score)
