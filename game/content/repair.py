"""Repairing a level with schema problems, so that the cross-checks can still run on the rest.

Each problem is fixed at the innermost place possible: an unknown key is dropped; a missing or
broken plain value (a title, a number) is filled with a stand-in; otherwise the list item,
mapping entry or optional key around the problem is left out. The result is validated again,
a few rounds at most. Stand-ins never stand for an id another part refers to (a contact, a
scene...): those parts are left out instead, so no reference error can come from a repair.
"""
from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence

from pydantic import ValidationError

from ..core.model import Level
from .modelpath import walk

_MAX_ROUNDS = 6
_CUT = object()
#: Required ids: a stand-in would be a wrong reference (or a duplicate id), so leave out the
#: part that holds one instead of filling it.
_IDS = {("Tier", "id"), ("Preset", "scene"), ("BaselineMark", "pair"), ("Choice", "id"),
        ("RelationshipTest", "contact"), ("ContactChange", "contact"), ("Rating", "contact")}
_STAND_INS = {str: "", int: 0, float: 0.0, bool: False}


def repair(data: dict, errors: Sequence[Mapping]) -> tuple[Level | None, dict]:
    """A level validated from `data` with its broken parts repaired, or None if it cannot be.

    Also returns, for each list that lost items (by original path), the original positions
    of the items kept: `original(path, remap)` uses it to find a path in the file.
    """
    fixes: dict[tuple, object] = {}
    remap: dict = {}
    for _ in range(_MAX_ROUNDS):
        for err in errors:
            loc = original(tuple(p for p in err["loc"] if p != "[key]"), remap)
            place, fix = _fix(loc, err["type"], data, fixes)
            if place is None:
                return None, {}
            fixes[place] = fix
        fixed, remap = _apply(data, fixes)
        try:
            return Level.model_validate(fixed), remap
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
    return None, {}


def _fix(loc: tuple, kind: str, data: dict, done: dict) -> tuple[tuple | None, object]:
    """Where to repair a problem at `loc`, and how: `_CUT` or a stand-in value."""
    if kind == "extra_forbidden":
        return loc, _CUT
    steps = walk(loc)
    for end in range(len(steps), 0, -1):
        step, place = steps[end - 1], loc[: end]
        if step.kind in ("item", "entry", "extra", "?") or (step.kind == "field"
                                                            and not step.required):
            return place, _CUT
        stand_in = _stand_in(step, data)
        if stand_in is not None and place not in done:
            return place, stand_in
    return None, None


def _stand_in(step, data: dict) -> object:
    """A harmless value for a required plain field, or None when there is none."""
    owner = step.owner.__name__
    if (owner, step.field) == ("Level", "start"):
        scenes = data.get("scenes")
        return next(iter(scenes), None) if isinstance(scenes, dict) and scenes else None
    if (owner, step.field) in _IDS:
        return None
    if typing.get_origin(step.target) is typing.Literal:
        return typing.get_args(step.target)[0]
    return _STAND_INS.get(step.target)


def _apply(data: object, fixes: dict) -> tuple[object, dict]:
    """A copy of `data` with the fixes made, and the remap of lists that lost items."""
    trie: dict = {}
    for path, fix in fixes.items():
        node = trie
        for part in path[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break  # an outer part is already cut or replaced
        else:
            node[path[-1]] = fix
    remap: dict = {}
    return _copy(data, trie, (), remap), remap


def _copy(data: object, trie: dict, path: tuple, remap: dict) -> object:
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            sub = trie.get(key)
            if sub is _CUT:
                continue
            out[key] = _deeper(value, sub, path + (key,), remap)
        for key, sub in trie.items():  # stand-ins for keys that were missing
            if key not in out and sub is not _CUT and not isinstance(sub, dict):
                out[key] = sub
        return out
    if isinstance(data, list):
        items: list = []
        kept: list[int] = []
        for index, value in enumerate(data):
            sub = trie.get(index)
            if sub is _CUT:
                continue
            kept.append(index)
            items.append(_deeper(value, sub, path + (index,), remap))
        if len(kept) != len(data):
            remap[path] = kept
        return items
    return data


def _deeper(value: object, sub: object, path: tuple, remap: dict) -> object:
    if sub is None:
        return value  # nothing to fix in here: share it
    if isinstance(sub, dict):
        return _copy(value, sub, path, remap)
    return sub  # a stand-in replaces the value


def original(path: tuple, remap: dict) -> tuple:
    """A path in the repaired data -> the same place's path in the original data."""
    if not remap:
        return path
    out: tuple = ()
    for part in path:
        kept = remap.get(out)
        if kept is not None and isinstance(part, int) and 0 <= part < len(kept):
            part = kept[part]
        out += (part,)
    return out
