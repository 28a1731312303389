"""The player's own game, played again under another ruleset: what differed.

A finished game is a `Game` (persona, ruleset, seed, the choices made in order, and the
baseline answers carried from another chapter). `contrast(state, other)` plays the same
choices again, through the engine's public calls only (`new_game`, `choices`, `choose`,
`services`), under the player's own ruleset (which must give back their game exactly: if it
does not, as for a game begun from a preset, there is nothing honest to compare) and under
`other`, and says for each choice what its behaviour did under each ruleset, whether the
player was listed and after which choice, which doors were closed at the end, and the final
score in each. Where the two stories part (a choice the player made is locked or missing in
the other game, or it ends elsewhere), the comparison stops there and says so.

The words every front end shows are made here too (`contrast_words`), from core.strings.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .engine import ChoiceError, Step, choices, choose, new_game, services
from .events import Blacklisted, Event, ScoreChanged, ServiceLocked, ServiceUnlocked
from .model import Level
from .state import BaselineAnswer, State


@dataclass(frozen=True)
class Game:
    """A game as it was played: everything needed to play it again."""
    persona: str
    ruleset: str
    seed: int
    choices: tuple[tuple[str, str], ...]       # (scene, choice id), in the order made
    carried: tuple[BaselineAnswer, ...] = ()   # baseline answers from an earlier chapter
    memory: tuple = ()                         # how earlier chapters ended (`State.memory`)

    @classmethod
    def of(cls, state: State) -> Game:
        """The game a state is the end of (its records, and its carried baselines first)."""
        level = state.played
        own = sum(1 for r in state.records
                  if getattr(_choice(level, r.scene, r.choice), "baseline", None) is not None)
        carried = state.baselines[:len(state.baselines) - own]
        return cls(state.persona, state.ruleset, state.seed,
                   tuple((r.scene, r.choice) for r in state.records), carried, state.memory)


@dataclass(frozen=True)
class Parting:
    """Where the other game stopped following the player's. `kind`: "locked" (the choice was
    there but locked, `reason` says why), "missing" (the other game was somewhere else, or
    the choice was not shown), "ended" (the other game had already ended) or "ending" (every
    choice was made, but the stories end differently)."""
    kind: str
    step: int                 # the player's choice number (1 for the first)
    choice_text: str
    reason: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What one choice did under one ruleset. `kind`: "points" (`points` moved the score,
    `delay` choices later if not 0), "zero" (scored, for no points), "missed" (a rule, but no
    sensor caught it this time), "never" (this ruleset never scores the behaviour), "quiet"
    (nothing in that scene was scored) or "none" (the choice is no behaviour at all)."""
    kind: str
    points: int = 0
    delay: int = 0
    closed: tuple[str, ...] = ()    # doors that closed right after this choice (names)
    opened: tuple[str, ...] = ()    # doors that opened right after it
    listed: str | None = None       # the list it put the player on, if it did
    #: points other causes moved the score right after it (contacts, an earlier choice's
    #: change landing): says why a door moved, and is no difference of its own
    others: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Row:
    """One choice of the player's, under both rulesets."""
    step: int
    choice_text: str
    behaviour: str | None     # the behaviour's name
    own: Outcome
    other: Outcome

    @property
    def differs(self) -> bool:
        return self.own != self.other


@dataclass(frozen=True)
class Listing:
    """The first time a game put the player on a list: which list, after which choice
    (step 0: from the start), the score then, and the list's line (`below`, None without
    one). A score at or above the line means something else than the score listed them."""
    name: str
    step: int
    choice_text: str | None
    score: int
    below: int | None = None

    @property
    def by_score(self) -> bool:
        return self.below is not None and self.score < self.below


@dataclass(frozen=True)
class Side:
    """One ruleset's game, at its end (or where it parted from the player's)."""
    ruleset: str
    name: str                             # the ruleset's name
    score: int
    listed: Listing | None                # None: never listed
    on_list: bool                         # still listed at the end
    closed: tuple[tuple[str, str | None], ...]   # doors closed at the end: (name, why)
    ending: str | None                    # the ending's title, if it ended


@dataclass(frozen=True)
class Contrast:
    """The player's game beside the same choices under another ruleset. Where the stories
    part before the end, both sides are as they were just before it. `reproduced` is False
    when playing the game again under its own ruleset does not give it back (a game begun
    from a preset or moved by hand, a save from an older level): then `rows` is empty, no
    listing is known, nothing is compared, and `other` is only `own` renamed."""
    own: Side
    other: Side
    rows: tuple[Row, ...]
    parted: Parting | None
    reproduced: bool = True

    @property
    def differing(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.differs)


@dataclass(frozen=True)
class Replay:
    """A game played again under one ruleset: the start, every step, and where it parted."""
    start: State
    steps: tuple[Step, ...]
    parted: Parting | None

    @property
    def state(self) -> State:
        return self.steps[-1].state if self.steps else self.start


def replay(level: Level, game: Game, ruleset: str) -> Replay:
    """Play `game`'s choices again under `ruleset`, until they run out or the story parts."""
    state = new_game(level, game.persona, ruleset, game.seed)
    start = state = state.replace(baselines=game.carried, memory=game.memory)
    steps: list[Step] = []
    for number, (scene, choice_id) in enumerate(game.choices, 1):
        parted = _parting(level, state, scene, choice_id, number)
        if parted is not None:
            return Replay(start, tuple(steps), parted)
        steps.append(choose(state, choice_id))
        state = steps[-1].state
    return Replay(start, tuple(steps), None)


def _parting(level: Level, state: State, scene: str, choice_id: str,
             number: int) -> Parting | None:
    text = _choice_text(level, scene, choice_id)
    if state.finished:
        return Parting("ended", number, text)
    view = next((v for v in choices(state) if v.id == choice_id), None)
    if state.scene != scene or view is None:
        return Parting("missing", number, text)
    return None if view.available else Parting("locked", number, text, view.locked_reason)


def rulesets_to_compare(level: Level) -> list[str]:
    """The rulesets worth a contrast: all of them, when the level has two or more and
    scores something; none otherwise."""
    scored = any(level.is_scored(s) for s in level.scenes)
    return list(level.rulesets) if scored and len(level.rulesets) > 1 else []


def contrasts(state: State) -> list[Contrast]:
    """The player's game beside each other ruleset of its level, in file order."""
    rulesets = rulesets_to_compare(state.played)
    return [contrast(state, r) for r in rulesets if r != state.ruleset]


def contrast(state: State, other: str) -> Contrast:
    """The player's finished (or unfinished) game `state` beside the same choices under
    `other`. Raises ChoiceError for a ruleset the level does not have."""
    level = state.played
    if other not in level.rulesets:
        raise ChoiceError(f"this level has no ruleset `{other}`")
    game = Game.of(state)
    try:
        own = replay(level, game, game.ruleset)
        theirs = replay(level, game, other)
    except ChoiceError:   # a persona or ruleset the level no longer has (an old save)
        own = theirs = Replay(state, (), Parting("missing", 1, ""))
    if own.parted is not None or own.state.to_json() != state.to_json():
        mine = _side(level, state, None)   # nothing is compared: the other side as ours
        return Contrast(mine, replace(mine, ruleset=other, name=level.rulesets[other].name),
                        (), None, False)
    rows = tuple(_row(level, a, b) for a, b in zip(own.steps, theirs.steps))
    parted = theirs.parted
    if parted is None and own.state.ending != theirs.state.ending:
        last = game.choices[-1] if game.choices else None
        parted = Parting("ending", len(game.choices),
                         _choice_text(level, *last) if last else "")
    if parted is not None and parted.kind != "ending":
        own = Replay(own.start, own.steps[:len(theirs.steps)], None)   # up to the parting
    return Contrast(_side(level, own.state, _listing(level, own)),
                    _side(level, theirs.state, _listing(level, theirs)), rows, parted)


def _row(level: Level, own: Step, other: Step) -> Row:
    record = own.state.records[-1]
    behaviour = level.behaviours.get(record.behaviour) if record.behaviour else None
    return Row(record.step, _choice_text(level, record.scene, record.choice),
               behaviour.name if behaviour else record.behaviour,
               _outcome(level, own), _outcome(level, other))


def _outcome(level: Level, step: Step) -> Outcome:
    state = step.state
    record = state.records[-1]
    doors = _doors(step.events)
    if record.behaviour is None:
        return Outcome("none", **doors)
    if not record.scored:
        return Outcome("quiet", **doors)
    rule = level.rulesets[state.ruleset].rules.get(record.behaviour)
    if rule is None:
        return Outcome("never", **doors)
    if record.delta:
        return Outcome("points", record.delta, record.delay, **doors)
    return Outcome("zero" if not rule.change else "missed", **doors)


def _doors(events: tuple[Event, ...]) -> dict:
    return {"closed": tuple(e.name for e in events if isinstance(e, ServiceLocked)),
            "opened": tuple(e.name for e in events if isinstance(e, ServiceUnlocked)),
            "listed": next((e.name for e in events if isinstance(e, Blacklisted)), None),
            "others": sum(e.delta for e in events
                          if isinstance(e, ScoreChanged) and e.cause != "behaviour")}


def _side(level: Level, state: State, listed: Listing | None) -> Side:
    closed = tuple((s.name, s.why) for s in services(state) if not s.open)
    ending = level.endings[state.ending].title if state.ending in level.endings else None
    return Side(state.ruleset, level.rulesets[state.ruleset].name, state.score,
                listed, state.blacklisted, closed, ending)


def _listing(level: Level, played: Replay) -> Listing | None:
    below = level.blacklist.below if level.blacklist else None
    if played.start.blacklisted:
        name = level.blacklist.name if level.blacklist else ""
        return Listing(name, 0, None, played.start.score, below)
    for step in played.steps:
        event = next((e for e in step.events if isinstance(e, Blacklisted)), None)
        if event is not None:
            record = step.state.records[-1]
            return Listing(event.name, record.step,
                           _choice_text(level, record.scene, record.choice), event.score,
                           below)
    return None


def _choice(level: Level, scene: str, choice_id: str):
    where = level.scenes.get(scene)
    return next((c for c in where.choices if c.id == choice_id), None) if where else None


def _choice_text(level: Level, scene: str, choice_id: str) -> str:
    choice = _choice(level, scene, choice_id)
    return choice.text if choice is not None else choice_id


__all__ = ["Contrast", "Game", "Listing", "Outcome", "Parting", "Replay", "Row", "Side",
           "contrast", "contrasts", "replay", "rulesets_to_compare"]
