"""The game state: an immutable, versioned value that serialises to JSON.

Maps are kept as sorted tuples of pairs so a state is hashable (the analyzer merges equal
states) and its JSON is the same byte for byte for the same game.

Versions: `STATE_VERSION` is the version `to_json` writes. When the state's fields change, it
goes up by one and `STATE_UPGRADES` gets a step that turns the JSON of the version before
into the new one (see `game.core.upgrade`), so `from_json` still reads every version from
`STATE_MIN_VERSION` on. A state from a newer game is refused.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import asdict, dataclass, field, fields
from functools import cache
from typing import TYPE_CHECKING

from pydantic import ConfigDict, TypeAdapter, ValidationError

from .upgrade import VersionError, minimum_version, upgrade

if TYPE_CHECKING:
    from .model import Level

STATE_VERSION = 2
#: version v -> a function turning a state's JSON data of version v into version v + 1
STATE_UPGRADES: dict = {
    1: lambda data: data | {"memory": []},   # 2: what earlier chapters of the campaign left
}
STATE_MIN_VERSION = minimum_version(STATE_UPGRADES, STATE_VERSION)


class StateError(ValueError):
    """A saved state that cannot be read."""


@dataclass(frozen=True)
class ContactState:
    id: str
    score: int
    relationship: int


@dataclass(frozen=True)
class Pending:
    """A score change that lands later."""
    due_step: int
    delta: int
    behaviour: str
    reason: str | None


@dataclass(frozen=True)
class Record:
    """One choice, as the Transparency Report shows it."""
    step: int
    scene: str
    choice: str
    behaviour: str | None
    scored: bool
    watchers_shown: tuple[str, ...]
    observed_by: tuple[str, ...]
    delta: int
    disclosed: bool
    reason: str | None
    delay: int = 0


@dataclass(frozen=True)
class ScorePoint:
    """A change of score, in order: the score-over-time chart and appeals read these."""
    step: int
    score: int
    delta: int
    cause: str
    reason: str | None
    appealed: bool = False


@dataclass(frozen=True)
class BaselineAnswer:
    pair: str
    scored: bool
    candid: bool
    scene: str


@dataclass(frozen=True)
class State:
    level_id: str
    persona: str
    ruleset: str
    seed: int
    rng: int
    scene: str | None
    score: int
    shown_score: int
    money: int = 0
    ending: str | None = None
    step: int = 0
    blacklisted: bool = False
    tier: str | None = None
    flags: tuple[str, ...] = ()
    counters: tuple[tuple[str, int], ...] = ()
    contacts: tuple[ContactState, ...] = ()
    open_services: tuple[str, ...] = ()
    visited: tuple[str, ...] = ()
    path: tuple[str, ...] = ()
    pending: tuple[Pending, ...] = ()
    records: tuple[Record, ...] = ()
    history: tuple[ScorePoint, ...] = ()
    baselines: tuple[BaselineAnswer, ...] = ()
    #: what each chapter played before this one in the campaign ended with (`Memory`), in
    #: play order: (chapter id, its final flags, its ending's id and `listed` if listed)
    memory: tuple[tuple[str, tuple[str, ...]], ...] = ()
    version: int = field(default=STATE_VERSION)
    level: Level | None = field(default=None, compare=False, hash=False, repr=False)

    # ---- reading
    def counter(self, name: str) -> int:
        return dict(self.counters).get(name, 0)

    def contact(self, contact_id: str) -> ContactState | None:
        for c in self.contacts:
            if c.id == contact_id:
                return c
        return None

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def played(self) -> Level:
        """The level this state plays. Every state the engine makes carries one; only the
        plain data of `to_dict` goes without."""
        level = self.level
        if level is None:
            raise TypeError("this state carries no level (read saves with State.from_json)")
        return level

    # ---- changing (each returns a new state)
    def replace(self, **changes) -> State:
        """A copy with some fields changed (raises TypeError for a name that is no field):
        `dataclasses.replace` without re-running `__init__`, which the engine calls several
        times a choice and the analyzer once for every state it meets."""
        if not _FIELD_NAMES.issuperset(changes):
            unknown = sorted(changes.keys() - _FIELD_NAMES)
            raise TypeError(f"State has no field {', '.join(unknown)}")
        new = object.__new__(State)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new

    def with_flag(self, name: str, on: bool = True) -> State:
        return self.replace(flags=flags_with(self.flags, name, on))

    def with_counter(self, name: str, value: int) -> State:
        return self.replace(counters=counters_with(self.counters, name, value))

    def with_contact(self, contact: ContactState | None, contact_id: str) -> State:
        """Replace (or with None, remove) a contact."""
        return self.replace(contacts=contacts_with(self.contacts, contact, contact_id))

    # ---- JSON
    def to_dict(self) -> dict:
        """The state as plain data (without the level it plays)."""
        return asdict(self.replace(level=None)) | {"level": None}

    def to_json(self) -> str:
        """Stable JSON: same state, same bytes."""
        data = self.to_dict()
        del data["level"]
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, level: Level) -> State:
        """Read a state written by `to_json` of this version or an older one it upgrades, for
        this level; raise StateError if it does not fit."""
        try:
            state = _state_from_dict(json.loads(text))
        except StateError:
            raise
        except ValidationError as exc:
            raise StateError(_damaged(exc)) from None
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise StateError(f"this saved game is damaged ({exc})") from None
        if state.level_id != level.id:
            raise StateError(f"this saved game is for the level `{state.level_id}`, "
                             f"not `{level.id}`")
        return _fit(state.replace(level=level), level)


_FIELD_NAMES = frozenset(f.name for f in fields(State))
for _kind in (ContactState, Pending, Record, ScorePoint, BaselineAnswer, State):
    # how pydantic is given a dataclass's settings: no "950" for 950, no true for 1, no extras
    setattr(_kind, "__pydantic_config__", ConfigDict(strict=True, extra="forbid"))


def draft(state: State) -> State:
    """A private copy of a state, for the engine to change in place (`draft.__dict__[name] =
    value`) before anyone else sees it: one copy a choice instead of one per change (six or
    seven, a fifth of the time of a choice). Once returned, it is a value like any other."""
    new = object.__new__(State)
    object.__setattr__(new, "__dict__", state.__dict__.copy())
    return new


def flags_with(flags: tuple[str, ...], name: str, on: bool = True) -> tuple[str, ...]:
    """The flags with one set (or cleared), sorted."""
    changed = set(flags)
    changed.add(name) if on else changed.discard(name)
    return tuple(sorted(changed))


def counters_with(counters: tuple[tuple[str, int], ...], name: str,
                  value: int) -> tuple[tuple[str, int], ...]:
    """The counters with one set to a value, sorted by name."""
    changed = dict(counters)
    changed[name] = value
    return tuple(sorted(changed.items()))


def contacts_with(contacts: tuple[ContactState, ...], contact: ContactState | None,
                  contact_id: str) -> tuple[ContactState, ...]:
    """The contacts with one replaced (or with None, removed), sorted by id."""
    kept = [c for c in contacts if c.id != contact_id]
    if contact is not None:
        kept.append(contact)
    return tuple(sorted(kept, key=lambda c: c.id))


def _state_from_dict(data: dict) -> State:
    if not isinstance(data, dict):
        raise StateError("this saved game is not a game state")
    try:
        data = upgrade(data, STATE_UPGRADES, STATE_VERSION)
    except VersionError as exc:
        raise StateError(f"this saved game {exc}") from None
    unknown = data.keys() - (_FIELD_NAMES - {"level"})    # the level is never in the JSON
    if unknown:
        raise StateError(f"this saved game has unknown parts: {', '.join(sorted(unknown))}")
    return _adapter().validate_json(json.dumps(data))


@cache
def _adapter() -> TypeAdapter[State]:
    """Checks a state's JSON against the types of `State`'s fields (JSON arrays become
    tuples, objects the nested dataclasses)."""
    from .model import Level  # noqa: F401 - pydantic reads the type of `State.level` here
    return TypeAdapter(State)


def _damaged(exc: ValidationError) -> str:
    """One line for the first wrong value."""
    error = exc.errors()[0]
    loc = error["loc"] or ("state",)
    what = "is missing" if error["type"] == "missing" and len(loc) == 1 else "has the wrong type"
    return f"this saved game is damaged (`{loc[0]}` {what})"


def _record_now(record: Record, level: Level) -> Record:
    """A record with its scene and choice as they are called now (`renamed:`)."""
    scene, choice = level.choice_now(record.scene, record.choice)
    if (scene, choice) == (record.scene, record.choice):
        return record
    return dataclasses.replace(record, scene=scene, choice=choice)


def _fit(state: State, level: Level) -> State:
    """The state, if each id in it is in the level; else StateError."""
    renamed = level.renamed
    state = state.replace(scene=state.scene and renamed.get(state.scene, state.scene),
                    visited=tuple(renamed.get(s, s) for s in state.visited),
                    path=tuple(renamed.get(s, s) for s in state.path),
                    records=tuple(_record_now(r, level) for r in state.records))
    problems = [
        (state.persona in level.personas, f"persona `{state.persona}`"),
        (state.ruleset in level.rulesets, f"ruleset `{state.ruleset}`"),
        ((state.scene is None) != (state.ending is None), "scene and ending"),
        (state.scene is None or state.scene in level.scenes, f"scene `{state.scene}`"),
        (state.ending is None or state.ending in level.endings, f"ending `{state.ending}`"),
        (all(c.id in level.contacts for c in state.contacts), "contacts"),
    ]
    bad = [what for ok, what in problems if not ok]
    if bad:
        raise StateError(f"this saved game does not fit this level: {', '.join(bad)}")
    return state
