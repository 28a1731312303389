"""The engine: three calls, in the shape of ink's runtime.

`new_game(level, persona, ruleset, seed)` gives the first state, `choices(state)` what can be
chosen (locked ones too, with why), and `choose(state, choice_id)` a `Step`: the new state and
the events that happened. Nothing here reads files, clocks or global randomness.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import strings
from .changes import ChoiceScore, last_choice
from .conditions import holds, scene_shows_score, service_reason, service_why, why_not
from .effects import Ctx, apply_effects
from .events import Event
from .model import Level
from .moments import shown
from .plan import ChoicePlan, LevelPlan, plan_of
from .rng import Dice, next_float, seed_state
from .scoring import land_pending, network_pull, score_behaviour
from .status import refresh, update
from .state import BaselineAnswer, ContactState, Record, ScorePoint, State, draft


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

    @property
    def score(self) -> ChoiceScore | None:
        """Every change of score this choice caused, with what the player saw of each."""
        return last_choice(self.state)


def new_game(level: Level, persona: str | None = None, ruleset: str | None = None,
             seed: int = 0, preset: str | None = None, carry: State | None = None) -> State:
    """The first state of a level. Persona and ruleset default to the level's first ones.

    `carry` is the final state of an earlier chapter: its baseline answers come along, so the
    unscored Day Zero can be compared with a scored chapter played after it (or before it),
    and so does how it and the chapters before it ended (`memory`, read by `remembers:`).
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
        state = state.replace(baselines=carry.baselines, memory=remembered(carry, level.id))
    if p:
        state = _apply_preset(state, p)
    state = refresh(state, silent=True).state   # a fresh copy: `_enter` may change it
    assert state.scene is not None, "a new game starts in a scene"
    _enter(state, state.scene)
    return state


def remembered(carry: State, level_id: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What the chapters played up to `carry`'s ended with, for a new game of `level_id`:
    carry's own memory, then carry's chapter itself (its flags, its ending, `listed` if it
    ended on a list); a chapter played again counts as it went last, and the chapter about
    to be played forgets its own earlier run."""
    ended = set(carry.flags) | ({carry.ending} if carry.ending else set())
    ended |= {"listed"} if carry.blacklisted else set()
    entries = [*carry.memory, (carry.level_id, tuple(sorted(ended)))]
    latest = {chapter: i for i, (chapter, _) in enumerate(entries)}
    return tuple(entry for i, entry in enumerate(entries)
                 if latest[entry[0]] == i and entry[0] != level_id)


def _clamp(level: Level, score: int) -> int:
    """A score kept within the level's min and max, as every score is."""
    return max(level.score.min, min(level.score.max, score))


def _apply_preset(state: State, p) -> State:
    score = _clamp(state.played, p.score) if p.score is not None else state.score
    contacts = state.contacts if p.contacts is None else tuple(
        c for c in state.contacts if c.id in p.contacts)
    counters = dict(state.counters) | p.counters
    return state.replace(scene=p.scene, score=score, shown_score=score,
                   money=state.money if p.money is None else p.money,
                   flags=tuple(sorted(set(state.flags) | set(p.flags))),
                   counters=tuple(sorted(counters.items())), contacts=contacts,
                   blacklisted=p.blacklisted,
                   history=(ScorePoint(0, score, 0, "start", None),))


def start_at(state: State, scene: str) -> State:
    """The same state, moved to another scene (for `--start-at` and live reload)."""
    if scene not in state.played.scenes:
        raise ChoiceError(f"this level has no scene `{scene}`")
    state = state.replace(scene=scene, ending=None)
    _enter(state, scene)
    return state


def _enter(state: State, scene: str) -> None:
    """Move a draft (`state.draft`) into a scene."""
    fields = state.__dict__
    fields["scene"] = scene
    if scene not in state.visited:
        fields["visited"] = tuple(sorted((*state.visited, scene)))
    fields["path"] = (*state.path, scene)


def choices(state: State) -> list[ChoiceView]:
    """The choices of the current scene: available ones and locked ones with the reason."""
    level = state.played
    if state.finished or state.scene is None:
        return []
    views: list[ChoiceView] = []
    for choice in level.scenes[state.scene].choices:
        if not holds(choice.shown_if, level, state):
            continue
        ok = holds(choice.needs, level, state)
        reason = None if ok or choice.needs is None else (
            choice.locked_text or why_not(choice.needs, level, state))
        views.append(ChoiceView(choice.id, len(views) + 1, choice.text, ok, reason,
                                choice.behaviour))
    return views


def services(state: State) -> list[ServiceView]:
    """Every service of the level, in file order, open or closed with the reason."""
    level = state.played
    views = []
    for sid, svc in level.services.items():
        if sid in state.open_services:
            views.append(ServiceView(sid, svc.name, True, None))
        else:
            views.append(ServiceView(sid, svc.name, False, service_reason(sid, level, state),
                                     service_why(sid, level, state)))
    return views


def services_shown(state: State) -> list[ServiceView] | None:
    """The services beside the scene, as the player sees them: every one (`services`), or
    None in a scene whose `score_shown` is false (the app that shows the score, and opens
    its doors, is not there yet: none of its doors is on screen either)."""
    return services(state) if scene_shows_score(state) else None


def choose(state: State, choice_id: str, *, dice: Dice | None = None,
           quiet: bool = False) -> Step:
    """Make a choice. Raises ChoiceError if it is unknown, hidden or locked.

    Every roll the choice makes (a sensor's chance, an appeal) is `dice(state.rng)`, by
    default the state's own generator (`rng.next_float`): the analyzer passes its own, to
    follow every way the dice can fall. `quiet` makes no events (`Step.events` is empty):
    for the analyzer, which reads only the state, and plays choices tens of thousands of
    times."""
    dice = next_float if dice is None else dice
    level = state.played
    plan = plan_of(level)
    choice = _available(plan, state, choice_id)
    events: list[Event] | None = None if quiet else [choice.made]
    state = draft(state)   # changed in place from here on, by each step in turn
    fields = state.__dict__
    fields["step"] = state.step + 1
    fields["records"] = (*state.records, score_behaviour(state, plan, choice, events, dice))
    if events is not None and choice.watching:    # the moments, seen before it counts
        events[1:1] = shown(choice.watching, state.seed, state.step)
    if choice.baseline is not None:
        _record_baseline(state, choice)
    goto = None
    if choice.effects:
        ctx = Ctx(level, plan, events, dice)
        apply_effects(state, choice.effects, ctx)
        goto = ctx.goto
    if state.pending:
        land_pending(state, plan, events)
    if choice.scored:
        network_pull(state, plan, events)
    update(state, plan, events, dice)
    _move(plan, state, goto or choice.goto, choice.finish and goto is None, events, dice)
    return Step(state, () if events is None else tuple(events))


def _available(plan: LevelPlan, state: State, choice_id: str) -> ChoicePlan:
    if state.ending is not None or state.scene is None:
        raise ChoiceError(strings.GAME_OVER)
    level = state.played
    for choice in plan.choices[state.scene]:
        if choice.id != choice_id:
            continue
        if choice.shown_test is not None and not choice.shown_test(level, state):
            continue
        if choice.needs_test is not None and not choice.needs_test(level, state):
            model = choice.model
            assert model.needs is not None, "a choice with a test has its condition"
            reason = model.locked_text or why_not(model.needs, level, state)
            raise ChoiceError(strings.CHOICE_LOCKED.format(reason=reason))
        return choice
    raise ChoiceError(strings.CHOICE_UNKNOWN.format(choice=choice_id))


def _record_baseline(state: State, choice: ChoicePlan) -> None:
    assert state.scene is not None, "a choice is made in a scene"
    answer = BaselineAnswer(choice.baseline_pair, choice.scored, choice.baseline_candid,
                            state.scene)
    state.__dict__["baselines"] = (*state.baselines, answer)


def _move(plan: LevelPlan, state: State, target: str | None, finish: bool,
          events: list[Event] | None, dice: Dice) -> None:
    if not finish and target is not None and target not in plan.reached:
        if events is not None:
            events.append(plan.entered[target])
        _enter(state, target)
        return
    level = state.played
    if state.pending:
        _settle(state, plan, events, dice)
    if finish or target is None:
        target = pick_ending(level, state)
    if events is not None:
        events.append(plan.reached[target])
    state.__dict__.update(ending=target, scene=None)


def _settle(state: State, plan: LevelPlan, events: list[Event] | None, dice: Dice) -> None:
    """At an ending, changes still pending land: the final score counts everything."""
    land_pending(state, plan, events, everything=True)
    update(state, plan, events, dice)


def pick_ending(level: Level, state: State) -> str:
    """The first ending, in file order, whose `when` holds (the last one if none does)."""
    for ending_id, ending in level.endings.items():
        if holds(ending.when, level, state):
            return ending_id
    return next(reversed(level.endings))


__all__ = ["ChoiceError", "ChoiceView", "ServiceView", "Step", "services", "services_shown",
           "new_game", "choices", "choose", "start_at",
           "pick_ending", "Record"]
