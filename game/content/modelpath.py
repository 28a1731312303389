"""Following a pydantic `loc` (a path of keys and list positions) through the level model.

`walk(("scenes", "office", "choices", 0, "needs"))` says, step by step, what each element is:
a field of which model, an item of a list, an entry of a mapping, or an unknown key, and the
type it leads to. Messages and repairs both need this.
"""
from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass
from typing import TypeGuard

from pydantic import BaseModel

from ..core.model import Level


@dataclass(frozen=True)
class Step:
    """One element of a loc: a model's field, a list item, a mapping entry, or unknown."""
    kind: str           # "field" | "item" | "entry" | "extra" | "?"
    part: object        # the loc element itself
    owner: type[BaseModel] | None  # the model the field belongs to ("field" and "extra")
    field: str | None   # the field's Python name
    target: object      # the type reached by this step (None when unknown)

    @property
    def required(self) -> bool:
        if self.kind != "field" or self.owner is None or self.field is None:
            return False
        return self.owner.model_fields[self.field].is_required()


def walk(loc: tuple) -> list[Step]:
    """Follow a loc from `Level` through field types, list items and mapping entries."""
    steps: list[Step] = []
    here: object = Level
    for part in loc:
        step = _step(here, part)
        steps.append(step)
        here = step.target
    return steps


def _step(here: object, part: object) -> Step:
    if is_model(here):
        name = _field_named(here, part)
        if name is None:
            return Step("extra", part, here, None, None)
        target = unwrap(here.model_fields[name].annotation)
        return Step("field", part, here, name, target)
    origin, args = typing.get_origin(here), typing.get_args(here)
    if origin is list and args:
        return Step("item", part, None, None, unwrap(args[0]))
    if origin is dict and len(args) == 2:
        return Step("entry", part, None, None, unwrap(args[1]))
    return Step("?", part, None, None, None)


def is_model(tp: object) -> TypeGuard[type[BaseModel]]:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


@functools.lru_cache(maxsize=1024)
def _field_named(model: type[BaseModel], key: object) -> str | None:
    """The Python name of the field written as `key` (its alias or its name)."""
    for name, info in model.model_fields.items():
        if key == (info.alias or name):
            return name
    return None


def unwrap(tp: object) -> object:
    """`X | None` -> X."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp
