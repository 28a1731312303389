"""Finding levels: the bundled ones, one file, or the one `--level` names; and their problems
formatted for a terminal. The command line, the authoring tools and the benchmarks share it.

A missing file or unknown level is a `UsageError`, a level with errors a `ContentProblem`
(game/errors.py); the command line turns them into messages and exit codes.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..errors import ContentProblem, UsageError
from ..resources import levels_dir
from .diagnostics import format_all
from .folders import shelf
from .loader import bundled_levels, load_level

LEVEL_SUFFIXES = (".yaml", ".yml")


def _as_loaded(item):
    """`bundled_levels()` items, whether they are already loaded or still paths."""
    return item if hasattr(item, "diagnostics") else load_level(Path(item))


def bundled() -> list:
    """Every bundled level, loaded and checked (broken ones too: see `.ok`)."""
    return [_as_loaded(item) for item in bundled_levels()]


def load_path(path: Path):
    """Load one level file; a missing file is a usage error."""
    if not path.is_file():
        raise UsageError(f"there is no level file at {path}")
    return load_level(path)


def _looks_like_path(spec: str) -> bool:
    return spec.endswith(LEVEL_SUFFIXES) or "/" in spec or "\\" in spec or Path(spec).is_file()


def in_play_order(levels: list) -> list:
    """The levels without errors, in the order they are played."""
    return sorted((lv for lv in levels if lv.ok), key=lambda lv: (lv.level.order, lv.level.id))


def find_level(spec: str | None):
    """The level `--level` names: a bundled id, a file path, or (None) the first level."""
    if spec is not None and _looks_like_path(spec):
        return require_ok(load_path(Path(spec)))
    levels = bundled()
    if spec is None:
        good = in_play_order(levels)
        if not good:
            raise ContentProblem(no_levels_message(levels))
        return good[0]
    for loaded in levels:
        if loaded.ok and loaded.level.id == spec:
            return loaded
    for loaded in levels:  # a broken bundled file of that name: say what is wrong with it
        if not loaded.ok and Path(loaded.path).stem == spec:
            return require_ok(loaded)
    authors = [f for f in shelf().found if f.folder.kind != "bundled"]
    for found in authors:   # ./levels and the user levels folder
        if found.ok and found.level is not None and found.level.id == spec:
            return found.loaded
    for found in authors:
        if not found.ok and found.path.stem == spec:
            if found.problem:
                raise ContentProblem(f"{found.path}: {found.problem}")
            return require_ok(found.loaded)
    ids = ", ".join([lv.level.id for lv in in_play_order(levels)]
                    + [f.level.id for f in authors if f.ok and f.level]) or "(none)"
    raise UsageError(f"there is no level `{spec}`; the levels are: {ids} "
                     "(or give the path of a .yaml file)")


def no_levels_message(levels: list) -> str:
    """Why no bundled level can be played: their problems, or that there are none."""
    if levels:
        return (format_problems(levels) + "\nNo bundled level can be played; "
                "fix the problems above.")
    return f"No level files were found in {levels_dir()}."


def require_ok(loaded):
    """The loaded level, or ContentProblem with its diagnostics formatted."""
    if not loaded.ok:
        raise ContentProblem(format_problems([loaded]))
    return loaded


def format_problems(loaded_levels: list, extra: Sequence = ()) -> str:
    """Every diagnostic of these levels (and `extra` ones about them), each with its source
    line and caret (at most `PER_CODE` of a code for each file)."""
    by_path = {str(lv.path): lv for lv in loaded_levels}

    def lines_of(d):
        found = by_path.get(str(d.path))
        return found.lines if found is not None else None
    return format_all([d for lv in loaded_levels for d in lv.diagnostics] + list(extra),
                      lines_of)
