"""After every change: tier, blacklist, services and (under `delayed`) the shown score."""
from __future__ import annotations

from dataclasses import dataclass

from .conditions import service_reason
from .effects import Ctx, apply_effects
from .events import (Blacklisted, Delisted, Event, ServiceLocked, ServiceUnlocked,
                     StatementShown, TierChanged)
from .scoring import STATEMENT_EVERY, legibility
from .state import State, draft


@dataclass(frozen=True)
class Refreshed:
    state: State
    events: tuple[Event, ...]


def refresh(state: State, silent: bool = False) -> Refreshed:
    """Bring tier, blacklist, services and the shown score up to date with the score."""
    state = draft(state)
    events: list[Event] = []
    update(state, events)
    return Refreshed(state, () if silent else tuple(events))


def update(state: State, events: list[Event]) -> None:
    """`refresh` on a draft (`state.draft`), in place."""
    _blacklist(state, events)
    _tier(state, events)
    _services(state, events)
    _statement(state, events)


def _tier(state: State, events: list[Event]) -> None:
    tier = state.level.tier_of(state.score)
    tier_id = tier.id if tier else None
    if tier_id == state.tier:
        return
    if legibility(state) not in ("hidden", "delayed"):   # those show no live tier
        events.append(TierChanged(state.tier, tier_id, tier.name if tier else None))
    state.__dict__["tier"] = tier_id


def _blacklist(state: State, events: list[Event]) -> None:
    rules = state.level.blacklist
    if rules is None:
        return
    if not state.blacklisted:
        if state.score < rules.below:
            events.append(Blacklisted(rules.name, state.score))
            state.__dict__["blacklisted"] = True
            apply_effects(state, rules.effects, Ctx(state.level, events))
        return
    leave_at = rules.leave_at
    if state.score >= (rules.below if leave_at is None else leave_at):
        events.append(Delisted(rules.name, state.score))
        state.__dict__["blacklisted"] = False


def _services(state: State, events: list[Event]) -> None:
    level, score = state.level, state.score
    now_open = tuple([sid for sid, threshold, test in level.service_tests
                      if (threshold is None or score >= threshold)
                      and (test is None or test(level, state))])
    if now_open == state.open_services:
        return
    was_open = set(state.open_services)
    for service_id, service in level.services.items():
        if service_id in was_open and service_id not in now_open:
            events.append(ServiceLocked(service_id, service.name,
                                        service_reason(service_id, level, state)))
        elif service_id not in was_open and service_id in now_open:
            events.append(ServiceUnlocked(service_id, service.name))
    state.__dict__["open_services"] = now_open


def _statement(state: State, events: list[Event]) -> None:
    if state.step % STATEMENT_EVERY or state.step == 0 or legibility(state) != "delayed":
        return
    if state.shown_score != state.score:
        events.append(StatementShown(state.shown_score, state.score))
    state.__dict__["shown_score"] = state.score
