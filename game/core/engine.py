"""The engine: three calls, in the shape of ink's runtime.

`new_game(level, persona, ruleset, seed)` gives the first state, `choices(state)` what can be
chosen (locked ones too, with why), and `choose(state, choice_id)` a `Step`: the new state and
the events that happened. Nothing here reads files, clocks or global randomness.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import strings
from .conditions import holds, service_reason, service_why, why_not
from .effects import Ctx, apply_effects
from .events import ChoiceMade, EndingReached, Event, SceneEntered
from .model import Choice, Level
from .rng import seed_state
from .scoring import land_pending, network_pull, score_behaviour
from .status import refresh
from .state import BaselineAnswer, ContactState, Record, ScorePoint, State


class ChoiceError(ValueError):
    """A choice that cannot be made now (unknown, hidden, locked, or the game is over)."""


@dataclass(frozen=True)
class ChoiceView:
    """A choice as the player sees it: available, or locked with the reason."""
    id: str
    number: int
    text: str
    available: bool
    locked_reason: str | None
    behaviour: str | None


@dataclass(frozen=True)
class ServiceView:
    """A service as the player sees it: open, or closed with the reason (`reason` has the
    name in front, `why` has not; `why` is None when there is nothing to say)."""
    id: str
    name: str
    open: bool
    reason: str | None
    why: str | None = None


@dataclass(frozen=True)
class Step:
    state: State
    events: tuple[Event, ...]


def new_game(level: Level, persona: str | None = None, ruleset: str | None = None,
             seed: int = 0, preset: str | None = None, carry: State | None = None) -> State:
    """The first state of a level. Persona and ruleset default to the level's first ones.

    `carry` is the final state of an earlier chapter: its baseline answers come along, so the
    unscored Day Zero can be compared with a scored chapter played after it (or before it).
    """
    p = level.presets[preset] if preset else None
    persona = persona or (p.persona if p else None) or next(iter(level.personas))
    ruleset = ruleset or (p.ruleset if p else None) or next(iter(level.rulesets))
    if persona not in level.personas:
        raise ChoiceError(f"this level has no persona `{persona}`")
    if ruleset not in level.rulesets:
        raise ChoiceError(f"this level has no ruleset `{ruleset}`")
    who = level.personas[persona]
    score = _clamp(level, who.score if who.score is not None else level.score.start)
    contact_ids = who.contacts if who.contacts is not None else list(level.contacts)
    contacts = tuple(ContactState(cid, level.contacts[cid].score, level.contacts[cid].relationship)
                     for cid in sorted(contact_ids))
    state = State(level_id=level.id, persona=persona, ruleset=ruleset, seed=seed,
                  rng=seed_state(seed), scene=level.start, score=score, shown_score=score,
                  money=who.money, flags=tuple(sorted(set(who.flags))),
                  counters=tuple(sorted(who.counters.items())), contacts=contacts,
                  history=(ScorePoint(0, score, 0, "start", None),), level=level)
    if carry is not None:
        state = state.evolve(baselines=carry.baselines)
    if p:
        state = _apply_preset(state, p)
    state = refresh(state, silent=True).state
    return _enter(state, state.scene)


def _clamp(level: Level, score: int) -> int:
    """A score kept within the level's min and max, as every score is."""
    return max(level.score.min, min(level.score.max, score))


def _apply_preset(state: State, p) -> State:
    score = _clamp(state.level, p.score) if p.score is not None else state.score
    contacts = state.contacts if p.contacts is None else tuple(
        c for c in state.contacts if c.id in p.contacts)
    counters = dict(state.counters) | p.counters
    return state.evolve(scene=p.scene, score=score, shown_score=score,
                   money=state.money if p.money is None else p.money,
                   flags=tuple(sorted(set(state.flags) | set(p.flags))),
                   counters=tuple(sorted(counters.items())), contacts=contacts,
                   blacklisted=p.blacklisted,
                   history=(ScorePoint(0, score, 0, "start", None),))


def start_at(state: State, scene: str) -> State:
    """The same state, moved to another scene (for `--start-at` and live reload)."""
    if scene not in state.level.scenes:
        raise ChoiceError(f"this level has no scene `{scene}`")
    return _enter(state.evolve(scene=scene, ending=None), scene)


def _enter(state: State, scene: str) -> State:
    visited = state.visited if scene in state.visited else tuple(sorted((*state.visited, scene)))
    return state.evolve(scene=scene, visited=visited, path=(*state.path, scene))


def choices(state: State) -> list[ChoiceView]:
    """The choices of the current scene: available ones and locked ones with the reason."""
    level = state.level
    if state.finished or state.scene is None:
        return []
    views = []
    for choice in level.scenes[state.scene].choices:
        if not holds(choice.shown_if, level, state):
            continue
        ok = holds(choice.needs, level, state)
        reason = None if ok else (choice.locked_text or why_not(choice.needs, level, state))
        views.append(ChoiceView(choice.id, len(views) + 1, choice.text, ok, reason,
                                choice.behaviour))
    return views


def services(state: State) -> list[ServiceView]:
    """Every service of the level, in file order, open or closed with the reason."""
    level = state.level
    views = []
    for sid, svc in level.services.items():
        if sid in state.open_services:
            views.append(ServiceView(sid, svc.name, True, None))
        else:
            views.append(ServiceView(sid, svc.name, False, service_reason(sid, level, state),
                                     service_why(sid, level, state)))
    return views


def choose(state: State, choice_id: str) -> Step:
    """Make a choice. Raises ChoiceError if it is unknown, hidden or locked."""
    choice = _available(state, choice_id)
    level, scene_id = state.level, state.scene
    events: list[Event] = [ChoiceMade(scene_id, choice.id, choice.text, choice.behaviour,
                                      choice.reply)]
    state = state.evolve(step=state.step + 1)
    state, record = score_behaviour(state, choice, events)
    state = state.evolve(records=(*state.records, record))
    state = _record_baseline(state, choice)
    ctx = Ctx(level, events)
    state = apply_effects(state, choice.effects, ctx)
    state = land_pending(state, events)
    if level.is_scored(scene_id):
        state = network_pull(state, events)
    result = refresh(state)
    events.extend(result.events)
    state = result.state
    target = ctx.goto or choice.goto
    state = _move(state, target, choice.finish and ctx.goto is None, events)
    return Step(state, tuple(events))


def _available(state: State, choice_id: str) -> Choice:
    if state.finished:
        raise ChoiceError(strings.GAME_OVER)
    level = state.level
    for choice in level.scenes[state.scene].choices:
        if choice.id != choice_id or not holds(choice.shown_if, level, state):
            continue
        if not holds(choice.needs, level, state):
            reason = choice.locked_text or why_not(choice.needs, level, state)
            raise ChoiceError(strings.CHOICE_LOCKED.format(reason=reason))
        return choice
    raise ChoiceError(strings.CHOICE_UNKNOWN.format(choice=choice_id))


def _record_baseline(state: State, choice: Choice) -> State:
    if choice.baseline is None:
        return state
    answer = BaselineAnswer(choice.baseline.pair, state.level.is_scored(state.scene),
                            choice.baseline.candid, state.scene)
    return state.evolve(baselines=(*state.baselines, answer))


def _move(state: State, target: str | None, finish: bool, events: list[Event]) -> State:
    level = state.level
    if finish or target is None or target in level.endings:
        state = _settle(state, events)
    if finish or target is None:
        target = pick_ending(level, state)
    if target in level.endings:
        events.append(EndingReached(target, level.endings[target].title))
        return state.evolve(ending=target, scene=None)
    events.append(SceneEntered(target, level.scenes[target].title))
    return _enter(state, target)


def _settle(state: State, events: list[Event]) -> State:
    """At an ending, changes still pending land: the final score counts everything."""
    if not state.pending:
        return state
    state = land_pending(state, events, everything=True)
    result = refresh(state)
    events.extend(result.events)
    return result.state


def pick_ending(level: Level, state: State) -> str:
    """The first ending, in file order, whose `when` holds (the last one if none does)."""
    for ending_id, ending in level.endings.items():
        if holds(ending.when, level, state):
            return ending_id
    return next(reversed(level.endings))


__all__ = ["ChoiceError", "ChoiceView", "ServiceView", "Step", "services", "new_game", "choices", "choose", "start_at",
           "pick_ending", "Record"]
