"""The classroom's parts of the command line: `validate` on classroom files, and the checks
`play --classroom FILE` makes before the window opens."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..content.yamlsafe import read_yaml
from .config import MAX_BYTES

CLASSROOM_KEYS = {"chapters", "export_folder", "counterbalance", "exit_keys"}


# A top-level key of a classroom file, or `scenes:` (only levels have it), at a line start.
_TOP_KEY = re.compile(r"^(chapters|export_folder|counterbalance|exit_keys|scenes)[ \t]*:",
                      re.MULTILINE)


def is_classroom_file(path: Path) -> bool:
    """A YAML file that looks like a classroom file (it names chapters, not scenes). One too
    big to be a classroom file is still told apart by its top-level keys, so that `validate`
    says it is too big instead of checking it as a level."""
    path = Path(path)
    if path.suffix not in (".yaml", ".yml") or not path.is_file():
        return False
    try:
        with path.open("rb") as file:
            head = file.read(MAX_BYTES + 1).decode("utf-8-sig", "replace")
    except OSError:
        return "classroom" in path.stem
    if len(head) <= MAX_BYTES:
        data, _, _ = read_yaml(head, str(path), marks=False)
        if isinstance(data, dict):
            return bool((CLASSROOM_KEYS | {"questions"}) & set(data)) and "scenes" not in data
    return _looks_like_classroom(head, path)


def _looks_like_classroom(head: str, path: Path) -> bool:
    """For a file too big or too broken to read: whether its lines start with classroom
    keys and none with `scenes:`."""
    keys = {found.group(1) for found in _TOP_KEY.finditer(head)}
    if "scenes" in keys:
        return False
    return bool(keys) or "classroom" in path.stem


def split_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    """(classroom files, everything else) among the paths given to `validate`."""
    rooms = [p for p in paths if is_classroom_file(Path(p))]
    return rooms, [p for p in paths if p not in rooms]


def validate_classrooms(paths: list[str], as_json: bool = False, out=None) -> int:
    """Check classroom files: 0 when all are fine, 1 when any has a problem."""
    from .config import load_classroom
    out = out or sys.stdout
    loaded = [_BankCheck(p) if _is_bank(Path(p)) else load_classroom(p) for p in paths]
    if as_json:
        out.write(json.dumps([d.to_dict() for lc in loaded for d in lc.diagnostics],
                             indent=2) + "\n")
    else:
        for lc in loaded:
            if lc.diagnostics:
                out.write(lc.format() + "\n")
            elif isinstance(lc, _BankCheck):
                out.write(f"{lc.path}: question bank OK ({len(lc.questions)} questions)\n")
            else:
                out.write(f"{lc.path}: classroom file OK ({_summary(lc)})\n")
    return 1 if any(lc.diagnostics for lc in loaded) else 0


def _is_bank(path: Path) -> bool:
    """A question bank (`questions:` and no `chapters:`), checked apart from classrooms."""
    try:
        head = path.read_bytes()[:MAX_BYTES].decode("utf-8-sig", "replace")
    except OSError:
        return False
    data, _, _ = read_yaml(head, str(path), marks=False)
    return isinstance(data, dict) and "questions" in data and "chapters" not in data


class _BankCheck:
    """A question bank's check, in the shape `validate_classrooms` prints."""

    def __init__(self, path: str):
        from ..content.diagnostics import format_all
        from .questions import load_bank
        self.path = path
        self.questions, self.diagnostics = load_bank(Path(path))
        lines = Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines()
        self.format = lambda: format_all(self.diagnostics, lambda d: lines)


def _summary(lc) -> str:
    c = lc.config
    parts = [" then ".join(c.chapters)]
    if c.counterbalance:
        parts.append("counterbalanced")
    if c.time_limit_minutes:
        parts.append(f"{c.time_limit_minutes} min")
    if c.questions:
        parts.append("questions before and after")
    parts.append(f"exports to {lc.export_dir}")
    return ", ".join(parts)
