"""Gathering session files for the class report: which files to read, and which of the ones
that fit the schema still cannot go into a report.

Folders are walked without recursion and no deeper than MAX_DEPTH, each folder once (a
symlink loop is walked once). A session whose figures no game could give (a score of
10**15, a time of 10**300 seconds, NaN) or whose text holds half of a character (a JSON escape
like `\\ud800`, which cannot be written to the page) is skipped with one line naming the file
and why. The schema is checked first (game.classroom.export); these checks stand on their own
and do not count on the schema bounding anything.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

MAX_DEPTH = 32                  # folders below the one named; a class's exports are 1 or 2
#: the largest figure (score, change, step, count) a session may hold; a chapter's scores are
#: in the hundreds or thousands, so a million is far beyond any game and still draws
MAX_FIGURE = 1_000_000
MAX_SECONDS = 10 ** 7           # about 4 months: any time spent in one session
MAX_SEED = 2 ** 64              # seeds are never drawn, but they are printed
LIMITS = {"seconds": MAX_SECONDS, "duration_seconds": MAX_SECONDS, "seed": MAX_SEED}


def session_files(inputs: list[str]) -> tuple[list[Path], list[str]]:
    """The .json files named or inside the folders named (and their subfolders), sorted;
    what could not be searched, as one line each."""
    files, skipped = [], []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found, problems = _walk(path)
            files += sorted(found)
            skipped += problems
        elif path.is_file():
            files.append(path)
        else:
            skipped.append(f"{path}: no such file or folder")
    return files, skipped


def _walk(top: Path) -> tuple[list[Path], list[str]]:
    found, problems, seen = [], [], set()
    stack = [(top, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            st = folder.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen:
                continue
            seen.add(key)
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            problems.append(f"{folder}: this folder cannot be searched "
                            f"({exc.strerror or exc})")
            continue
        for entry in listed:
            try:
                if entry.is_dir():
                    if depth < MAX_DEPTH:
                        stack.append((Path(entry.path), depth + 1))
                    else:
                        problems.append(f"{entry.path}: more than {MAX_DEPTH} folders deep, "
                                        "not searched")
                elif entry.name.endswith(".json") and entry.is_file():
                    found.append(Path(entry.path))
            except OSError:
                continue
    return found, problems


def unfit(data: dict) -> str | None:
    """Why a session that fits the schema still cannot go into the report (None: it can)."""
    return None if _fits(data) else _why_not(data)


def _fits(data) -> bool:
    """The quick yes or no for `unfit` (thousands of files): no paths built."""
    stack = [(data, "")]
    while stack:
        container, key = stack.pop()
        if isinstance(container, dict):
            if not all(k.isascii() or _whole_text(k) for k in container):
                return False
            pairs = container.items()
        else:
            pairs = ((key, v) for v in container)
        for name, value in pairs:
            kind = type(value)
            if kind is str:
                if not (value.isascii() or _whole_text(value)):
                    return False
            elif kind is int or kind is float:
                limit = LIMITS.get(name, MAX_FIGURE)
                if not -limit <= value <= limit:
                    return False
            elif kind is dict or kind is list:
                stack.append((value, name))
    return True


def _why_not(data) -> str | None:
    """The first value that makes `_fits` say no, and where it is."""
    stack = [(data, "$", "")]
    while stack:
        value, where, key = stack.pop()
        if isinstance(value, dict):
            stack += [(v, f"{where}.{k}", k) for k, v in value.items()]
            stack += [(k, where, "") for k in value]
        elif isinstance(value, list):
            stack += [(v, f"{where}[{i}]", key) for i, v in enumerate(value)]
        elif isinstance(value, str):
            if not _whole_text(value):
                return f"the text at {where} holds half of a character (a lone surrogate)"
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            limit = LIMITS.get(key, MAX_FIGURE)
            if not -limit <= value <= limit:   # also NaN and infinity; exact for any int
                return (f"the figure at {where} is {_shown(value)}, out of the range a game "
                        f"gives (up to ±{limit:,})")
    return None


def _whole_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(value) -> str:
    """A figure in a few characters, however many digits it has."""
    if isinstance(value, float):
        return repr(value)
    if abs(value) < 10 ** 12:
        return str(value)
    digits = int(value.bit_length() * math.log10(2)) + 1   # no str(): it refuses 4,300 digits
    return f"{'-' if value < 0 else ''}a number of about {digits} digits"
