"""The game state: an immutable, versioned value that serialises to JSON.

Maps are kept as sorted tuples of pairs so a state is hashable (the analyzer merges equal
states) and its JSON is the same byte for byte for the same game.
"""
from __future__ import annotations

import json
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass, replace
from functools import cache
from types import UnionType
from typing import TYPE_CHECKING, Union, get_args, get_origin, get_type_hints

if TYPE_CHECKING:
    from .model import Level

STATE_VERSION = 1


class StateError(ValueError):
    """A saved state that cannot be read."""


def written_init(cls):
    """For a frozen dataclass made on every choice, whose `__init__` is written out: the one
    `dataclass` writes sets each field through `object.__setattr__`, which made building a
    `Record` take twice as long. Checked once, here: the written one takes the fields by
    their names, in order, with their defaults, and sets each of them."""
    names = tuple(f.name for f in fields(cls))
    defaults = tuple(f.default for f in fields(cls) if f.default is not MISSING)
    code = cls.__init__.__code__
    made = cls(*names)
    if code.co_varnames[1:code.co_argcount] != names or made.__dict__ != dict(
            zip(names, names)) or (cls.__init__.__defaults__ or ()) != defaults:
        raise TypeError(f"{cls.__name__}.__init__ does not match its fields")
    return cls


@written_init
@dataclass(frozen=True, init=False)
class ContactState:
    id: str
    score: int
    relationship: int

    def __init__(self, id, score, relationship):
        object.__setattr__(self, "__dict__", {"id": id, "score": score,
                                              "relationship": relationship})


@written_init
@dataclass(frozen=True, init=False)
class Pending:
    """A score change that lands later."""
    due_step: int
    delta: int
    behaviour: str
    reason: str | None

    def __init__(self, due_step, delta, behaviour, reason):
        object.__setattr__(self, "__dict__", {"due_step": due_step, "delta": delta,
                                              "behaviour": behaviour, "reason": reason})


@written_init
@dataclass(frozen=True, init=False)
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

    def __init__(self, step, scene, choice, behaviour, scored, watchers_shown, observed_by,
                 delta, disclosed, reason, delay=0):
        object.__setattr__(self, "__dict__", {
            "step": step, "scene": scene, "choice": choice, "behaviour": behaviour,
            "scored": scored, "watchers_shown": watchers_shown, "observed_by": observed_by,
            "delta": delta, "disclosed": disclosed, "reason": reason, "delay": delay})


@written_init
@dataclass(frozen=True, init=False)
class ScorePoint:
    """A change of score, in order: the score-over-time chart and appeals read these."""
    step: int
    score: int
    delta: int
    cause: str
    reason: str | None
    appealed: bool = False

    def __init__(self, step, score, delta, cause, reason, appealed=False):
        object.__setattr__(self, "__dict__", {
            "step": step, "score": score, "delta": delta, "cause": cause, "reason": reason,
            "appealed": appealed})


@written_init
@dataclass(frozen=True, init=False)
class BaselineAnswer:
    pair: str
    scored: bool
    candid: bool
    scene: str

    def __init__(self, pair, scored, candid, scene):
        object.__setattr__(self, "__dict__", {"pair": pair, "scored": scored, "candid": candid,
                                              "scene": scene})


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
    def evolve(self, **changes) -> State:
        """A copy with some fields changed: `dataclasses.replace` without re-running
        `__init__`, which the engine calls several times a choice (the analyzer, millions)."""
        if not _FIELD_NAMES.issuperset(changes):
            unknown = sorted(changes.keys() - _FIELD_NAMES)
            raise TypeError(f"State has no field {', '.join(unknown)}")
        new = object.__new__(State)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new

    def with_flag(self, name: str, on: bool = True) -> State:
        return self.evolve(flags=flags_with(self.flags, name, on))

    def with_counter(self, name: str, value: int) -> State:
        return self.evolve(counters=counters_with(self.counters, name, value))

    def with_contact(self, contact: ContactState | None, contact_id: str) -> State:
        """Replace (or with None, remove) a contact."""
        return self.evolve(contacts=contacts_with(self.contacts, contact, contact_id))

    # ---- JSON
    def to_dict(self) -> dict:
        """The state as plain data (without the level it plays)."""
        return asdict(replace(self, level=None)) | {"level": None}

    def to_json(self) -> str:
        """Stable JSON: same state, same bytes."""
        data = self.to_dict()
        del data["level"]
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, level: Level) -> State:
        """Read a state written by `to_json` for this level; raise StateError if it does not fit."""
        try:
            state = _state_from_dict(json.loads(text))
        except StateError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise StateError(f"this saved game is damaged ({exc})") from None
        if state.level_id != level.id:
            raise StateError(f"this saved game is for the level `{state.level_id}`, "
                             f"not `{level.id}`")
        return _fit(replace(state, level=level), level)


_FIELD_NAMES = frozenset(f.name for f in fields(State))
_NESTED = {"contacts": ContactState, "pending": Pending, "records": Record,
           "history": ScorePoint, "baselines": BaselineAnswer}


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
    version = data.get("version")
    if version != STATE_VERSION:
        raise StateError(f"this saved game has version {version!r}; this game reads version "
                         f"{STATE_VERSION}")
    known = {f.name for f in fields(State)}
    unknown = set(data) - known
    if unknown:
        raise StateError(f"this saved game has unknown parts: {', '.join(sorted(unknown))}")
    values = {}
    for name, value in data.items():
        if name in _NESTED:
            value = tuple(_NESTED[name](**_tuples(item)) for item in value)
        elif name == "counters":
            value = tuple(tuple(pair) for pair in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return State(**values)


def _tuples(item: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in item.items()}


def _fit(state: State, level: Level) -> State:
    """The state, if each value has its type and each id is in the level; else StateError."""
    _check_types(state, State)
    renamed = level.renamed
    state = replace(state, scene=state.scene and renamed.get(state.scene, state.scene),
                    visited=tuple(renamed.get(s, s) for s in state.visited),
                    path=tuple(renamed.get(s, s) for s in state.path))
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


@cache
def _hints(cls) -> dict:
    return get_type_hints(cls, localns={"Level": object})


def _check_types(obj, cls) -> None:
    hints = _hints(cls)
    for f in fields(cls):
        if f.name != "level" and not _is(getattr(obj, f.name), hints[f.name]):
            raise StateError(f"this saved game is damaged (`{f.name}` has the wrong type)")


def _is(value, hint) -> bool:
    """Whether a value read from JSON has this (simple) type; bool is not taken for int."""
    if hint in (int, str, bool):
        return type(value) is hint
    if hint is type(None):
        return value is None
    if get_origin(hint) in (Union, UnionType):
        return any(_is(value, h) for h in get_args(hint))
    if get_origin(hint) is tuple:
        args = get_args(hint)
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_is(v, args[0]) for v in value)
        return len(value) == len(args) and all(map(_is, value, args))
    if isinstance(hint, type) and is_dataclass(hint):
        if not isinstance(value, hint):
            return False
        _check_types(value, hint)
        return True
    return False
