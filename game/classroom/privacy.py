"""What the game keeps on this computer, where, and deleting all of it.

The game has no network code at all (a test checks that no module imports one), so these
files are everything it records: the settings file, saved games, crash logs, and the session
records written where a teacher said. `inventory` lists what is there now; `delete_all`
deletes those files (never folders, never anything else in them).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Stored:
    """One kind of thing the game keeps: what it is, where, and the files there now."""
    what: str
    where: Path | None
    files: list[Path] = field(default_factory=list)
    note: str = ""

    @property
    def size(self) -> int:
        total = 0
        for f in self.files:
            try:
                total += f.stat().st_size
            except OSError:
                pass
        return total


def files_at(where: Path | None, pattern: str = "*") -> list[Path]:
    """The files at a path: itself if it is a file, those inside if it is a folder."""
    if where is None:
        return []
    where = Path(where)
    try:
        if where.is_file():
            return [where]
        if where.is_dir():
            return sorted(p for p in where.rglob(pattern) if p.is_file())
    except OSError:
        pass
    return []


def stored(what: str, where: Path | None, pattern: str = "*", note: str = "") -> Stored:
    return Stored(what, where, files_at(where, pattern), note)


def delete_all(items: list[Stored]) -> tuple[int, list[str]]:
    """Delete every file listed; (how many were deleted, one line per file that failed)."""
    deleted, failed = 0, []
    for item in items:
        for path in item.files:
            try:
                os.unlink(path)
                deleted += 1
            except FileNotFoundError:
                pass
            except OSError as exc:
                failed.append(f"{path}: {exc.strerror or exc}")
        item.files = [p for p in item.files if p.exists()]
    return deleted, failed


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} MB"


def log_dir() -> Path:
    """Where crash logs go (`game.errors`), without creating it."""
    from platformdirs import user_log_dir
    return Path(user_log_dir("sincerity", appauthor=False))
