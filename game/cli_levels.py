"""Finding levels for the command line, and the `validate`, `levels` and `schema` commands."""
from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from .errors import CONTENT_PROBLEM, OK, ContentProblem, UsageError

LEVEL_SUFFIXES = (".yaml", ".yml")


# ---------------------------------------------------------------- finding levels

def _as_loaded(item):
    """`bundled_levels()` items, whether they are already loaded or still paths."""
    from .content import load_level

    return item if hasattr(item, "diagnostics") else load_level(Path(item))


def bundled() -> list:
    """Every bundled level, loaded and checked (broken ones too: see `.ok`)."""
    from .content import bundled_levels

    return [_as_loaded(item) for item in bundled_levels()]


def load_path(path: Path):
    """Load one level file; a missing file is a usage error."""
    from .content import load_level

    if not path.is_file():
        raise UsageError(f"there is no level file at {path}")
    return load_level(path)


def _looks_like_path(spec: str) -> bool:
    return spec.endswith(LEVEL_SUFFIXES) or "/" in spec or "\\" in spec or Path(spec).is_file()


def _by_order(levels: list) -> list:
    return sorted((lv for lv in levels if lv.ok), key=lambda lv: (lv.level.order, lv.level.id))


def find_level(spec: str | None):
    """The level `--level` names: a bundled id, a file path, or (None) the first level."""
    if spec is not None and _looks_like_path(spec):
        return require_ok(load_path(Path(spec)))
    levels = bundled()
    if spec is None:
        good = _by_order(levels)
        if not good:
            raise ContentProblem(_no_levels_message(levels))
        return good[0]
    for loaded in levels:
        if loaded.ok and loaded.level.id == spec:
            return loaded
    for loaded in levels:  # a broken bundled file of that name: say what is wrong with it
        if not loaded.ok and Path(loaded.path).stem == spec:
            return require_ok(loaded)
    ids = ", ".join(lv.level.id for lv in _by_order(levels)) or "(none)"
    raise UsageError(f"there is no level `{spec}`; the levels are: {ids} "
                     "(or give the path of a .yaml file)")


def _no_levels_message(levels: list) -> str:
    from .resources import levels_dir

    if levels:
        return (format_problems(levels) + "\nNo bundled level can be played; "
                "fix the problems above.")
    return f"No level files were found in {levels_dir()}."


def require_ok(loaded):
    """The loaded level, or ContentProblem with its diagnostics formatted."""
    if not loaded.ok:
        raise ContentProblem(format_problems([loaded]))
    return loaded


def format_problems(loaded_levels: list, extra: list = ()) -> str:
    """Every diagnostic of these levels (and `extra` ones about them), each with its source
    line and caret (at most `PER_CODE` of a code for each file)."""
    from .content.diagnostics import format_all

    by_path = {str(lv.path): lv for lv in loaded_levels}

    def lines_of(d):
        found = by_path.get(str(d.path))
        return found.lines if found is not None else None
    return format_all([d for lv in loaded_levels for d in lv.diagnostics] + list(extra),
                      lines_of)


def _campaign_problems(levels: list) -> list:
    """Problems only several levels together show (baseline pairs split between chapters)."""
    from .content.campaign import check_campaign

    return check_campaign(levels) if len(levels) > 1 else []


# ---------------------------------------------------------------- validate

def _expand(paths: list[str]) -> list[Path]:
    """Files named, and the level files inside folders named; missing ones are usage errors."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in LEVEL_SUFFIXES)
            if not found:
                raise UsageError(f"there are no .yaml level files in the folder {path}")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"there is no file or folder at {path}")
    return files


def _counts(diagnostics: list) -> tuple[int, int]:
    errors = sum(d.severity == "error" for d in diagnostics)
    return errors, len(diagnostics) - errors


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cmd_validate(args) -> int:
    """Check level files (default: the bundled ones); exit 1 if any has an error."""
    if args.paths:
        levels = [load_path(p) for p in _expand(args.paths)]
    else:
        levels = bundled()
        if not levels:
            print(_no_levels_message(levels))
            return CONTENT_PROBLEM
    campaign = _campaign_problems(levels)
    diagnostics = [d for lv in levels for d in lv.diagnostics] + campaign
    errors, warnings = _counts(diagnostics)
    if args.json:
        print(json.dumps([d.to_dict() for d in diagnostics], indent=2, ensure_ascii=False))
    else:
        if diagnostics:
            print(format_problems(levels, campaign))
        broken = sum(not lv.ok for lv in levels)
        print(f"Checked {_plural(len(levels), 'level file')}: {len(levels) - broken} fine, "
              f"{broken} with problems ({_plural(errors, 'error')}, "
              f"{_plural(warnings, 'warning')}).")
    return CONTENT_PROBLEM if errors else OK


# ---------------------------------------------------------------- levels

def level_summary(loaded) -> dict:
    """What `levels --json` says about one level."""
    level = loaded.level
    return {
        "id": level.id, "title": level.title, "path": str(loaded.path),
        "minutes": level.minutes, "order": level.order, "description": level.description,
        "personas": [{"id": k, "name": v.name} for k, v in level.personas.items()],
        "rulesets": [{"id": k, "name": v.name, "legibility": v.legibility}
                     for k, v in level.rulesets.items()],
    }


def _print_level(summary: dict) -> None:
    print(f"{summary['id']}: {summary['title']} (about {summary['minutes']} minutes)")
    if summary["description"]:
        print(textwrap.fill(summary["description"], 78, initial_indent="    ",
                            subsequent_indent="    "))
    print(f"    personas: {', '.join(p['id'] for p in summary['personas'])}")
    print(f"    rulesets: {', '.join(r['id'] for r in summary['rulesets'])}")
    print(f"    file: {summary['path']}")


def cmd_levels(args) -> int:
    """List the bundled levels, in play order."""
    levels = bundled()
    summaries = [level_summary(lv) for lv in _by_order(levels)]
    broken = [lv for lv in levels if not lv.ok]
    if args.json:
        print(json.dumps(summaries, indent=2, ensure_ascii=False))
    else:
        for summary in summaries:
            _print_level(summary)
        if not levels:
            print(_no_levels_message(levels))
    for loaded in broken:
        sys.stderr.write(f"{loaded.path} has problems; see `python -m game validate`.\n")
    return CONTENT_PROBLEM if broken or not levels else OK


# ---------------------------------------------------------------- schema

def cmd_schema(args) -> int:
    """Print the JSON Schema of the level format (for editors)."""
    from .content.schema import level_schema

    schema = level_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return OK
