"""The `validate`, `levels` and `schema` commands (finding levels is game/content/catalog.py)."""
from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from ..content.catalog import (LEVEL_SUFFIXES, bundled, format_problems, load_path,
                              no_levels_message)
from ..errors import CONTENT_PROBLEM, OK, UsageError


def _campaign_problems(levels: list) -> list:
    """Problems only several levels together show (baseline pairs split between chapters)."""
    from ..content.campaign import check_campaign

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
            print(no_levels_message(levels))
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


def _print_level(summary: dict, indent: str = "") -> None:
    print(f"{indent}{summary['id']}: {summary['title']} (about {summary['minutes']} minutes)")
    if summary["description"]:
        print(textwrap.fill(summary["description"], 78, initial_indent=indent + "    ",
                            subsequent_indent=indent + "    "))
    print(f"{indent}    personas: {', '.join(p['id'] for p in summary['personas'])}")
    print(f"{indent}    rulesets: {', '.join(r['id'] for r in summary['rulesets'])}")
    print(f"{indent}    file: {summary['path']}")


def _listing(found_levels: list) -> tuple[list[dict], list]:
    """(summaries of the good levels in play order, the files with problems)."""
    good = [f for f in found_levels if f.ok]
    summaries = [level_summary(lv) | {"folder": f.folder.kind}
                 for f, lv in sorted(((f, f.loaded) for f in good),
                                     key=lambda pair: (pair[1].level.order, pair[1].level.id))]
    return summaries, [f for f in found_levels if not f.ok]


def _folder_json(shelf, folder) -> dict:
    return {"kind": folder.kind, "label": folder.label, "path": str(folder.path),
            "exists": folder.path.is_dir(), "note": shelf.unreadable.get(folder.path, "")}


def _print_folder(shelf, folder, summaries: list[dict], broken: list) -> None:
    exists = folder.path.is_dir()
    print(f"{folder.label}: {folder.path}" + ("" if exists else " (not there yet)"))
    note = shelf.unreadable.get(folder.path)
    if note:
        print(f"    ({note})")
    for summary in summaries:
        _print_level(summary, "  ")
    for found in broken:
        print(f"  {found.path.name}: not listed: {found.why()}")
    if not summaries and not broken and folder.kind != "bundled":
        print("    no levels here yet: put .yaml level files in this folder")


def cmd_levels(args) -> int:
    """List the levels: the bundled ones, those in ./levels and in the user levels folder
    (each folder's in play order); files with problems are named with their first one."""
    from ..content.folders import shelf as read_shelf

    shelf = read_shelf()
    summaries, broken = _listing(shelf.found)
    if args.json:
        print(json.dumps({
            "levels": summaries,
            "folders": [_folder_json(shelf, f) for f in shelf.folders],
            "problems": [{"path": str(f.path), "folder": f.folder.kind, "problem": f.why()}
                         for f in broken]}, indent=2, ensure_ascii=False))
    else:
        for folder in shelf.folders:
            _print_folder(shelf, folder, [s for s in summaries if s["folder"] == folder.kind],
                          [f for f in broken if f.folder == folder])
    if not any(f.folder.kind == "bundled" for f in shelf.found):
        print(no_levels_message([]))
    bad_bundled = [f for f in broken if f.folder.kind == "bundled"]
    for found in bad_bundled:
        sys.stderr.write(f"{found.path} has problems; see `python -m game validate`.\n")
    return CONTENT_PROBLEM if broken or not shelf.found else OK


# ---------------------------------------------------------------- schema

def cmd_schema(args) -> int:
    """Print the JSON Schema of the level format (for editors)."""
    from ..content.schema import level_schema

    schema = level_schema()
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return OK
