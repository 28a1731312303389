"""Session files: written atomically into the export folder only, read back and checked.

One JSON file per session, named after its code (`amber-fox-42.json`), and beside it, when
asked, the printable one-page debrief (`amber-fox-42.html`). Writing is atomic: a temp file
in the same folder is written, flushed, fsynced and renamed over the old one, so a power cut
leaves either the old file or the new one, never half of one. The format is described by
docs/export.schema.json (checked with `game.classroom.jsonschema`).
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from .. import storage
from .jsonschema import check

MAX_FILE_BYTES = 4 * 1024 * 1024
VERSIONS = (1, 2)   # read; the recorder writes the last
V2_CHOICE_KEYS = ("score_before", "score_after", "changes")
_SAFE = re.compile(r"[^a-z0-9-]+")


class ExportError(Exception):
    """A session file that could not be written or read; the message says which and why."""


def file_stem(code: str) -> str:
    """A safe file name from a session code (letters, digits and dashes only)."""
    stem = _SAFE.sub("-", code.lower()).strip("-")
    return stem or "session"


def export_paths(folder: Path, code: str) -> tuple[Path, Path]:
    """(the JSON file, the printable HTML file) for a session code."""
    stem = file_stem(code)
    return folder / f"{stem}.json", folder / f"{stem}.html"


def write_atomic(path: Path, text: str) -> Path:
    """Write text to `path` atomically (see game/storage.py). Raises ExportError."""
    try:
        return storage.write_atomic(Path(path), text)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def write_session(folder: Path, data: dict, printable: bool = True) -> list[Path]:
    """Write a session's JSON (and its printable debrief) into `folder`; the written paths."""
    problems = check_export(data)
    if problems:   # a bug, not the player's doing: say so rather than write a bad file
        raise ExportError("the session record does not fit its schema: " + problems[0])
    json_path, html_path = export_paths(Path(folder), data["session"])
    written = [write_atomic(json_path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")]
    if printable:
        from .printable import printable_html
        written.append(write_atomic(html_path, printable_html(data)))
    return written


def delete_session(paths: list[Path]) -> list[Path]:
    """Delete a session's files; the ones that were there and are now gone."""
    gone = []
    for p in paths:
        try:
            Path(p).unlink()
            gone.append(Path(p))
        except FileNotFoundError:
            pass
    return gone


# ---------------------------------------------------------------- reading

def read_session(path: Path) -> dict:
    """A session file, read and checked against the schema; ExportError says why not."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ExportError(f"{path}: too big to be a session file")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ExportError(f"{path}: not a text file") from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ExportError(f"{path}: not valid JSON ({_short(exc)})") from None
    problems = check_export(data)
    if problems:
        raise ExportError(f"{path}: not a session file of this game ({problems[0]})")
    return data


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__


@cache
def export_schema() -> dict:
    """The schema: `export.schema.json` beside this module (docs/export.schema.json is the
    same file, for readers; a test keeps them equal)."""
    here = Path(__file__).resolve()
    for path in (here.with_name("export.schema.json"),
                 here.parents[2] / "docs" / "export.schema.json"):
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    raise ExportError("docs/export.schema.json is missing")


def check_export(data) -> list[str]:
    """Problems of a session record against the schema (empty when it fits)."""
    if not isinstance(data, dict):
        return ["it is not a JSON object"]
    if data.get("schema") != "sincerity.session":
        return ["`schema` is not \"sincerity.session\""]
    version = data.get("version")
    if version not in VERSIONS or isinstance(version, bool):
        return [f"version {version!r}; this game reads versions 1 and 2"]
    return check(data, export_schema()) or (_changes_add_up(data) if version >= 2 else [])


def _changes_add_up(data: dict) -> list[str]:
    """Version 2: each choice has its changes, and they add up to what the score did."""
    for i, chapter in enumerate(data["chapters"]):
        for j, c in enumerate(chapter["choices"]):
            where = f"at $.chapters[{i}].choices[{j}]"
            missing = [k for k in V2_CHOICE_KEYS if k not in c]
            if missing:
                return [f"{where}: `{missing[0]}` is missing"]
            if sum(x["delta"] for x in c["changes"]) != c["score_after"] - c["score_before"]:
                return [f"{where}: the changes do not add up to score_after - score_before"]
    return []
