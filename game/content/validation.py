"""Schema validation: the level model checks the data; its errors become plain English.

pydantic validates the whole file at once and reports every problem with a `loc` (the path
of keys and list positions). `validate` turns each into a `Diagnostic` at the right
line:column, in words a teenager can act on, never pydantic's own wording.

So that reference checks can still run on a broken file, its broken parts are then repaired
or left out (see `repair.py`) and the rest is validated again: the result is a *partial*
level, with `where` finding the line:column of its paths in the original text.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from collections.abc import Mapping, Sequence
from typing import Callable

from pydantic import ValidationError

from ..core.model import Level
from .diagnostics import Diagnostic, error
from .messages import describe
from .modelpath import walk
from .repair import original, repair
from .yamlsafe import find_mark

Where = Callable[[tuple], tuple[int, int]]


@dataclass
class Validated:
    """What schema validation found.

    `level` is the level: complete when `diagnostics` is empty, partial otherwise (broken
    parts repaired or left out), or None when it could not be repaired. `where(path)` gives the 1-based
    (line, column) of a path in `level`, pointing into the original text.
    """
    level: Level | None
    diagnostics: list[Diagnostic]
    where: Where


def validate(data: dict, marks: dict, path: str, lines: list[str],
             words: bool = True) -> Validated:
    """Validate plain data (from `read_yaml`) against the level model.

    `lines` (the file's lines) let messages quote values as they were written. With
    `words=False` (a first pass whose problems are looked at again with marks), a broken
    file gives one unworded diagnostic and no level: the wording of 100,000 problems is
    done once, not twice.
    """
    where = _marker(marks)
    try:
        return Validated(Level.model_validate(data), [], where)
    except ValidationError as exc:
        if not words:
            return Validated(None, [error("E199", path, 1, 1, "this level has problems")],
                             where)
        errors = exc.errors(include_url=False)
    diagnostics = _diagnostics(errors, marks, path, lines)
    level, remap = repair(data, errors)
    return Validated(level, diagnostics, _marker(marks, remap))


def _marker(marks: dict, remap: dict | None = None) -> Where:
    """`where(path)`: the place of a path, or of its nearest marked parent (values reached
    through YAML aliases have no marks of their own)."""
    def where(path: tuple) -> tuple[int, int]:
        if remap:
            path = original(path, remap)
        found = marks.get(path)
        return found if found is not None else find_mark(marks, path)
    return where


# ---------------------------------------------------------------- errors -> diagnostics

def _diagnostics(errors: Sequence[Mapping], marks: dict, path: str,
                 lines: list[str]) -> list[Diagnostic]:
    """One diagnostic per place; where pydantic says several things, keep the best."""
    best: dict[tuple, tuple[int, Diagnostic]] = {}
    typos = _typos(errors)
    for err in errors:
        loc = tuple(p for p in err["loc"] if p != "[key]")
        if err["type"] == "missing" and loc in typos:
            continue  # "unknown key `titel`: did you mean `title`?" says it all
        found = describe(err, loc, walk(loc), marks, lines)
        line, column = find_mark(marks, found.at)
        diag = error(found.code, path, line, column, found.message, found.hint)
        if loc not in best or found.rank < best[loc][0]:
            best[loc] = (found.rank, diag)
    return [diag for _, diag in best.values()]


def _typos(errors: Sequence[Mapping]) -> set[tuple]:
    """Locs of missing keys that an unknown key beside them is probably a typo of."""
    unknown: dict[tuple, list] = {}
    for err in errors:
        if err["type"] == "extra_forbidden":
            unknown.setdefault(tuple(err["loc"][:-1]), []).append(str(err["loc"][-1]))
    found = set()
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "missing" and loc[:-1] in unknown:
            if difflib.get_close_matches(str(loc[-1]), unknown[loc[:-1]], n=1):
                found.add(loc)
    return found
