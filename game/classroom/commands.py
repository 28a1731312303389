"""The classroom's parts of the command line: `validate` on classroom files, `validate
--explain CODE`, and the checks `play --classroom FILE` makes before the window opens."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..content.yamlsafe import read_yaml

CLASSROOM_KEYS = {"chapters", "export_folder", "counterbalance", "exit_keys"}


def is_classroom_file(path: Path) -> bool:
    """A YAML file that looks like a classroom file (it names chapters, not scenes)."""
    path = Path(path)
    if path.suffix not in (".yaml", ".yml") or not path.is_file():
        return False
    try:
        if path.stat().st_size > 256 * 1024:
            return False
        data, _, _ = read_yaml(path.read_text(encoding="utf-8-sig"), str(path), marks=False)
    except (OSError, UnicodeDecodeError):
        return "classroom" in path.stem
    if isinstance(data, dict):
        return bool(CLASSROOM_KEYS & set(data)) and "scenes" not in data
    return "classroom" in path.stem


def split_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    """(classroom files, everything else) among the paths given to `validate`."""
    rooms = [p for p in paths if is_classroom_file(Path(p))]
    return rooms, [p for p in paths if p not in rooms]


def validate_classrooms(paths: list[str], as_json: bool = False, out=None) -> int:
    """Check classroom files: 0 when all are fine, 1 when any has a problem."""
    from .config import load_classroom
    out = out or sys.stdout
    loaded = [load_classroom(p) for p in paths]
    if as_json:
        out.write(json.dumps([d.to_dict() for lc in loaded for d in lc.diagnostics],
                             indent=2) + "\n")
    else:
        for lc in loaded:
            if lc.diagnostics:
                out.write(lc.format() + "\n")
            else:
                out.write(f"{lc.path}: classroom file OK ({_summary(lc)})\n")
    return 1 if any(lc.diagnostics for lc in loaded) else 0


def _summary(lc) -> str:
    c = lc.config
    parts = [" then ".join(c.chapters)]
    if c.counterbalance:
        parts.append("counterbalanced")
    if c.time_limit_minutes:
        parts.append(f"{c.time_limit_minutes} min")
    parts.append(f"exports to {lc.export_dir}")
    return ", ".join(parts)


def explain(code: str, out=None) -> int:
    from .codes import all_codes, explain as explain_code
    out = out or sys.stdout
    out.write(explain_code(code))
    return 0 if code.strip().upper() in all_codes() else 2
