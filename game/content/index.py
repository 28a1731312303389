"""An index of a validated level: every id, choice, condition and effect, each with its
path in the file, gathered in one pass. The cross-checks read it, and so do the authoring
tools (`game.authoring`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.model import Condition, Effect, Level

Path = tuple


@dataclass(frozen=True)
class Names:
    """The ids a level defines, by kind. Taken from the file's data, so that an entry left
    out of a partial level (for a schema problem) still counts as defined. None when that
    part of the file is broken (not a mapping): then nobody can tell which ids exist, and
    references to them are not checked."""
    scenes: frozenset | None = frozenset()
    endings: frozenset | None = frozenset()
    services: frozenset | None = frozenset()
    sensors: frozenset | None = frozenset()
    watchers: frozenset | None = frozenset()
    behaviours: frozenset | None = frozenset()
    rulesets: frozenset | None = frozenset()
    personas: frozenset | None = frozenset()
    contacts: frozenset | None = frozenset()
    baselines: frozenset | None = frozenset()
    sources: frozenset | None = frozenset()
    tiers: frozenset | None = frozenset()

    @classmethod
    def of(cls, data: dict) -> Names:
        """The ids defined in a level's plain data (from `read_yaml`)."""
        found = {name: _keys(data.get(name)) for name in cls.__dataclass_fields__}
        found["tiers"] = _tier_ids(data.get("score"))
        return cls(**found)


def _keys(node: object) -> frozenset | None:
    if node is None:
        return frozenset()
    return frozenset(k for k in node if isinstance(k, str)) if isinstance(node, dict) else None


def _tier_ids(score: object) -> frozenset | None:
    tiers = score.get("tiers") if isinstance(score, dict) else None
    if score is not None and not isinstance(score, dict):
        return None
    if tiers is None:
        return frozenset()
    if not isinstance(tiers, list):
        return None
    return frozenset(str(t["id"]) for t in tiers if isinstance(t, dict) and "id" in t)


@dataclass
class Index:
    """Every choice, condition and effect of a level, with paths, in file order."""
    choices: list = field(default_factory=list)      # (scene id, position, Choice)
    exits: dict = field(default_factory=dict)        # scene id -> [choice `goto`s]
    behaviours: set = field(default_factory=set)     # behaviour ids named by choices
    baselines: list = field(default_factory=list)    # (scene id, position, BaselineMark)
    conditions: dict = field(default_factory=dict)   # key -> [(path, Condition)]
    effects: dict = field(default_factory=dict)      # key -> [(path, Effect)]

    def conditions_with(self, key: str) -> list:
        """(path, condition) of every condition written with this key, e.g. `tier`."""
        return self.conditions.get(key, [])

    def effects_with(self, key: str) -> list:
        """(path, effect) of every effect written with this key, e.g. `cut`."""
        return self.effects.get(key, [])


def choice_path(sid: str, position: int, *rest: object) -> Path:
    """The path of a choice (or of something in it) in the file."""
    return ("scenes", sid, "choices", position, *rest)


def build_index(level: Level) -> Index:
    """Gather a level's choices, conditions and effects in one pass."""
    index = Index()
    add_choice, add_behaviour, add_baseline = (
        index.choices.append, index.behaviours.add, index.baselines.append)
    exits = index.exits
    for sid, scene in level.scenes.items():
        targets = exits[sid] = []
        for i, choice in enumerate(scene.choices):
            # Read once, then the paths are built only for what is there (a big level has
            # tens of thousands of choices: this loop is most of the index's time).
            goto, behaviour, baseline = choice.goto, choice.behaviour, choice.baseline
            needs, shown_if, effects = choice.needs, choice.shown_if, choice.effects
            add_choice((sid, i, choice))
            if goto is not None:
                targets.append(goto)
            if behaviour is not None:
                add_behaviour(behaviour)
            if baseline is not None:
                add_baseline((sid, i, baseline))
            if needs is not None:
                _condition(needs, ("scenes", sid, "choices", i, "needs"), index)
            if shown_if is not None:
                _condition(shown_if, ("scenes", sid, "choices", i, "shown_if"), index)
            if effects:
                _effects(effects, ("scenes", sid, "choices", i, "effects"), index)
    for sid, service in level.services.items():
        if service.needs is not None:
            _condition(service.needs, ("services", sid, "needs"), index)
    for eid, ending in level.endings.items():
        if ending.when is not None:
            _condition(ending.when, ("endings", eid, "when"), index)
    if level.blacklist is not None:
        if level.blacklist.when is not None:
            _condition(level.blacklist.when, ("blacklist", "when"), index)
        _effects(level.blacklist.effects, ("blacklist", "effects"), index)
    return index


_WRITTEN = {"not_": "not", "if_": "if"}  # field name -> the key written in a file


def _one_key(model) -> str:
    """The key a condition or effect uses (fast: looks only at the keys written)."""
    for name in model.__pydantic_fields_set__:
        if getattr(model, name) is not None:
            return _WRITTEN.get(name, name)
    return ""


def _condition(cond: Condition, path: Path, index: Index) -> None:
    key = _one_key(cond)
    found = index.conditions.get(key)
    if found is None:
        found = index.conditions[key] = []
    found.append((path, cond))
    if key == "all" or key == "any":
        for j, inner in enumerate(getattr(cond, key)):
            _condition(inner, path + (key, j), index)
    elif cond.not_ is not None:   # exactly one key is set: `not`
        _condition(cond.not_, path + ("not",), index)


def _effects(effects: list[Effect], path: Path, index: Index) -> None:
    found_by_key = index.effects
    for j, effect in enumerate(effects):
        here = path + (j,)
        key = _one_key(effect)
        found = found_by_key.get(key)
        if found is None:
            found = found_by_key[key] = []
        found.append((here, effect))
        branch = effect.if_
        if branch is not None:   # exactly one key is set: `if`
            _condition(branch.when, here + ("if", "when"), index)
            _effects(branch.then, here + ("if", "then"), index)
            _effects(branch.otherwise, here + ("if", "else"), index)
