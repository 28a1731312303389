"""An index of a validated level: every id, choice, condition and effect, each with its
path in the file, gathered in one pass. The cross-checks read it, and so do the authoring
tools (`game.authoring`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..core import conditions, effects
from ..core.conditions import Use
from ..core.model import Condition, Effect, Level

Path = tuple
KEY = "__key__"   # in a path: the key of a mapping entry, not its value


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

    def named(self, what: str) -> list[tuple[Path, str]]:
        """(path, id) of every id of one kind ("scene", "contact", ... as the kinds'
        `names` say) that a condition or effect names, for the cross-checks."""
        found = []
        for kinds, places in ((conditions.CONDITIONS, self.conditions),
                              (effects.EFFECTS, self.effects)):
            for key, kind in kinds.items():
                for at, of in kind.names:
                    if of == what:
                        found += [(path + at, _value_at(model, at))
                                  for path, model in places.get(key, ())]
        return found

    def gotos(self) -> list[tuple[Path, str]]:
        """(path, target) of every effect that sends the player somewhere (`goto`)."""
        found = []
        for key, places in self.effects.items():
            kind = effects.EFFECTS[key]
            for path, effect in places:
                target = kind.goto(getattr(effect, kind.field))
                if target is not None:
                    found.append((path, target))
        return found


def _value_at(model: object, at: Path) -> str:
    for name in at:
        model = getattr(model, name)
    assert isinstance(model, str), "a kind names ids written as text"
    return model


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
    if level.score.seen_while is not None:
        _condition(level.score.seen_while, ("score", "seen_while"), index)
    if level.blacklist is not None:
        if level.blacklist.when is not None:
            _condition(level.blacklist.when, ("blacklist", "when"), index)
        _effects(level.blacklist.effects, ("blacklist", "effects"), index)
    return index


def _condition(cond: Condition, path: Path, index: Index) -> None:
    kind, value = conditions.kind_of(cond)
    found = index.conditions.get(kind.key)
    if found is None:
        found = index.conditions[kind.key] = []
    found.append((path, cond))
    for at, inner in kind.inner(value):
        _condition(inner, path + at, index)


def _effects(effect_list: list[Effect], path: Path, index: Index) -> None:
    found_by_key = index.effects
    for j, effect in enumerate(effect_list):
        here = path + (j,)
        kind, value = effects.kind_of(effect)
        found = found_by_key.get(kind.key)
        if found is None:
            found = found_by_key[kind.key] = []
        found.append((here, effect))
        for at, cond in kind.conditions(value):
            _condition(cond, here + at, index)
        for branch in kind.branches(value):
            _effects(branch.effects, here + branch.at, index)


# ---------------------------------------------------------------- flags and counters

@dataclass
class Uses:
    """Where each flag and counter is first set and first tested (its path in the file): the
    one index that `validate` (W303, W304) and `analyze` (A405, A406) both read. Personas'
    and presets' `flags` and `counters` set them too; a `clear` does not set a flag."""
    flags_set: dict[str, Path] = field(default_factory=dict)
    flags_tested: dict[str, Path] = field(default_factory=dict)
    counters_set: dict[str, Path] = field(default_factory=dict)
    counters_tested: dict[str, Path] = field(default_factory=dict)


def uses(level: Level, index: Index) -> Uses:
    """Where a level's flags and counters are set and tested, from its index."""
    found = Uses()
    for kind in ("personas", "presets"):
        for oid, owner in getattr(level, kind).items():
            for i, flag in enumerate(owner.flags):
                found.flags_set.setdefault(flag, (kind, oid, "flags", i))
            for name in owner.counters:
                found.counters_set.setdefault(name, (kind, oid, "counters", name, KEY))
    for key, places in index.effects.items():
        effect_kind = effects.EFFECTS[key]
        _note(found, places, lambda e: effect_kind.writes(getattr(e, effect_kind.field)), 0)
    for key, places in index.conditions.items():
        condition_kind = conditions.CONDITIONS[key]
        _note(found, places, lambda c: condition_kind.reads(getattr(c, condition_kind.field)),
              1)
    return found


def _note(found: Uses, places: list, uses_of: Callable[[Any], tuple[Use, ...]],
          tested: int) -> None:
    """Note where the conditions or effects in `places` (all of one kind) set or test a flag
    or counter. Which parts of a state a kind uses is the same for every value of it, so a
    kind whose first use of a place touches neither is passed over whole."""
    where = {"flag": (found.flags_set, found.flags_tested)[tested],
             "counter": (found.counters_set, found.counters_tested)[tested]}
    if not any(use.part in where for use in uses_of(places[0][1])):
        return
    for path, model in places:
        for use in uses_of(model):
            if use.part in where and use.name is not None and not use.clears:
                where[use.part].setdefault(use.name, path + use.at)
