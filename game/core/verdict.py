"""The debrief's opening verdict: three lines, each true of the player's own game.

1. What the score did to your answers: the dilemmas you changed under the score (against
   your unscored answers), or on an unscored day how often you spoke up, or else the
   score's path.
2. Who recorded you: the sensors that really caught a choice, and which of them no watcher
   on screen ever stood for.
3. What it cost you: a list you were put on, else a door that closed (and where), else a
   door closed from the start, else that none did.

`verdict_facts` gathers the facts from the state (replaying the game for when a door closed
or a list took you); `verdict_lines` says them. The window, the text mode and the kiosk draw
the same lines.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import strings as s
from .changes import choice_scores
from .contrast import Game, replay
from .debrief import chilling_effect
from .engine import ChoiceError, services
from .events import Blacklisted, ServiceLocked
from .model import Level
from .state import Record, State


@dataclass(frozen=True)
class Door:
    """A door closed to the player at the end: its name, and the scene of the choice after
    which it closed (None: closed from the start; "": not known, the game did not replay)."""
    name: str
    scene: str | None


@dataclass(frozen=True)
class VerdictFacts:
    unscored_chapter: bool
    choices: int                    # choices made
    moved: int                      # choices that moved the score
    start: int                      # score at the start and the end
    end: int
    pairs: int                      # dilemmas answered both unscored and scored
    changed: int
    candid_before: int
    candid_after: int
    asked_unscored: int             # unscored dilemmas answered here, and how many candidly
    candid_unscored: int
    recorded_at: int                # choices a sensor really caught
    recorders: tuple[str, ...]      # sensor names, first caught first
    hidden: tuple[str, ...]         # of those, the ones no watcher shown stood for
    listed: str | None              # the list that took the player, if one did
    listed_after: str | None        # the choice after which (None: from the start)
    still_listed: bool
    doors: tuple[Door, ...]         # doors closed at the end, those that closed in play first


def verdict_facts(state: State) -> VerdictFacts:
    level = state.played
    moved = choice_scores(state)
    chill = chilling_effect(state)
    own = [a for a in state.baselines if a.scene in level.scenes and not a.scored]
    caught = [r for r in state.records if r.observed_by]
    recorders = list(dict.fromkeys(x for r in caught for x in r.observed_by))
    shown = {level.watchers[w].sensor for r in state.records for w in r.watchers_shown
             if w in level.watchers}
    names = {x: level.sensors[x].name if x in level.sensors else x for x in recorders}
    listed, after, doors = _story(state)
    start = state.history[0].score if state.history else state.score
    return VerdictFacts(
        chill.unscored_chapter, len(state.records), sum(1 for m in moved if m.total),
        start, state.score, chill.pairs, chill.changed, chill.candid_unscored,
        chill.candid_scored, len(own), sum(a.candid for a in own), len(caught),
        tuple(names[x] for x in recorders),
        tuple(names[x] for x in recorders if x not in shown), listed, after,
        state.blacklisted, doors)


def _story(state: State) -> tuple[str | None, str | None, tuple[Door, ...]]:
    """The list that took the player (and after which choice), and the doors closed at the
    end, read from the game played again; a game that does not replay (begun from a preset)
    says only what its end state shows."""
    level = state.played
    closed = [v.name for v in services(state) if not v.open]
    blacklist = level.blacklist.name if level.blacklist else None
    try:
        played = replay(level, Game.of(state), state.ruleset)
    except ChoiceError:
        played = None
    if played is None or played.parted or played.state.to_json() != state.to_json():
        listed = blacklist if state.blacklisted else None
        return listed, None, tuple(Door(n, "") for n in closed)
    listed, after = (blacklist, None) if played.start.blacklisted else (None, None)
    when: dict[str, str] = {}
    for step in played.steps:
        record = step.state.records[-1]
        title = level.scenes[record.scene].title if record.scene in level.scenes else None
        for event in step.events:
            if isinstance(event, Blacklisted) and listed is None:
                listed, after = event.name, _choice_text(level, record)
            if isinstance(event, ServiceLocked) and title:
                when[event.name] = title       # the last time it closed
    doors = [Door(n, when[n]) for n in closed if n in when]
    doors += [Door(n, None) for n in closed if n not in when]
    return listed, after, tuple(doors)


def _choice_text(level: Level, record: Record) -> str:
    scene = level.scenes.get(record.scene)
    choice = next((c for c in scene.choices if c.id == record.choice), None) if scene else None
    return choice.text if choice else record.choice


def _n(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def verdict_lines(f: VerdictFacts) -> tuple[str, str, str]:
    return _answers(f), _recorded(f), _cost(f)


def verdict(state: State) -> tuple[str, str, str]:
    """The three lines that open the debrief."""
    return verdict_lines(verdict_facts(state))


def _answers(f: VerdictFacts) -> str:
    if f.unscored_chapter:
        if not f.asked_unscored:
            return s.VERDICT_UNSCORED_NONE
        return s.VERDICT_UNSCORED_ANSWERS.format(
            candid=f.candid_unscored, n=f.asked_unscored,
            dilemmas=_n(f.asked_unscored, "dilemma", "dilemmas"))
    if f.pairs and not f.changed:
        return s.VERDICT_KEPT.format(answers=_n(f.pairs, "answer", "answers"), n=f.pairs,
                                     before=f.candid_before)
    if f.pairs == 1:
        return s.VERDICT_CHANGED_ONE.format(before=_candid(f.candid_before),
                                            after=_candid(f.candid_after))
    if f.pairs:
        return s.VERDICT_CHANGED.format(
            changed=f.changed, n=f.pairs, answers=_n(f.pairs, "answer", "answers"),
            before=f.candid_before, after=f.candid_after)
    if not f.choices:
        return s.VERDICT_NO_CHOICES
    if not f.moved:
        return s.VERDICT_SCORE_STILL.format(end=f.end)
    return s.VERDICT_SCORE_PATH.format(start=f.start, end=f.end, moved=f.moved, n=f.choices,
                                       choices=_n(f.choices, "choice", "choices"))


def _candid(n: int) -> str:
    return s.VERDICT_CANDID if n else s.VERDICT_NOT_CANDID


def _recorded(f: VerdictFacts) -> str:
    if not f.recorders:
        return s.VERDICT_NOT_RECORDED_UNSCORED if f.unscored_chapter else s.VERDICT_NOT_RECORDED
    choices = _n(f.choices, "choice", "choices")
    if len(f.recorders) == 1:
        head = s.VERDICT_ONE_RECORDER.format(name=f.recorders[0],
                                             k=f.recorded_at, n=f.choices, choices=choices)
        return head + (s.VERDICT_ONE_HIDDEN if f.hidden else s.VERDICT_ONE_SHOWN)
    head = s.VERDICT_RECORDERS.format(count=len(f.recorders), k=f.recorded_at, n=f.choices,
                                      choices=choices)
    if not f.hidden:
        return head + s.VERDICT_NONE_HIDDEN
    return head + s.VERDICT_HIDDEN.format(h=len(f.hidden), were=_n(len(f.hidden), "was", "were"),
                                           names=", ".join(f.hidden))


def _cost(f: VerdictFacts) -> str:
    if f.listed is not None:
        still = s.VERDICT_LISTED_STILL if f.still_listed else s.VERDICT_LISTED_OFF
        if f.listed_after is None:
            return s.VERDICT_LISTED_START.format(name=f.listed, still=still)
        return s.VERDICT_LISTED.format(name=f.listed, choice=f.listed_after, still=still)
    if f.doors:
        door, rest = f.doors[0], len(f.doors) - 1
        more = s.VERDICT_DOORS_MORE.format(n=rest, doors=_n(rest, "door", "doors")) if rest else ""
        if not door.scene:
            words = s.VERDICT_DOOR_FROM_START if door.scene is None else s.VERDICT_DOOR_AT_END
            return words.format(door=door.name, more=more)
        return s.VERDICT_DOOR_CLOSED.format(door=door.name, scene=door.scene, more=more)
    return s.VERDICT_NOTHING_UNSCORED if f.unscored_chapter else s.VERDICT_NOTHING_CLOSED
