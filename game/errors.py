"""The game's expected failures, its exit codes and its crash log: a leaf every layer may use.

Exit codes (DESIGN.md section 5): 0 fine, 1 content problems, 2 usage errors. An unexpected
error (a bug) exits with 3, after one plain line and the path of a full log. The command line
(game/cli) turns these into messages; the text front ends return them as they are.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

OK, CONTENT_PROBLEM, USAGE_ERROR, INTERNAL_ERROR = 0, 1, 2, 3


class UsageError(Exception):
    """The command line asked for something that does not exist (exit 2)."""


class ContentProblem(Exception):
    """A level has problems; the message is the formatted diagnostics (exit 1)."""


# ---------------------------------------------------------------- crash log

def _log_dir() -> Path:
    """The user's log folder for the game (platformdirs), created if needed."""
    from platformdirs import user_log_dir

    folder = Path(user_log_dir("sincerity", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _log_text(exc: BaseException, argv: list[str]) -> str:
    import datetime   # crash-only imports stay out of the game's start-up
    import platform
    import traceback
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    return "".join([
        f"Sincerity crash log, {stamp}\n",
        f"command: {' '.join(argv)}\n",
        f"python {platform.python_version()} on {platform.platform()}\n\n",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ])


def write_crash_log(exc: BaseException, argv: list[str]) -> Path:
    """Write the full traceback to the log folder, or to a temp file if that fails."""
    import datetime
    import tempfile
    text = _log_text(exc, argv)
    name = f"crash-{datetime.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    try:
        path = _log_dir() / name
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        fd, temp = tempfile.mkstemp(prefix="sincerity-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        return Path(temp)


def report_crash(exc: BaseException, argv: list[str]) -> int:
    """Tell the user in one line what went wrong and where the details are."""
    try:
        where = str(write_crash_log(exc, argv))
    except Exception:  # noqa: BLE001 - even the log failed; still no traceback
        where = "nowhere (the log could not be written)"
    summary = (str(exc).splitlines() or [type(exc).__name__])[0][:120]
    sys.stderr.write(f"Sincerity stopped because of an unexpected problem ({summary}). "
                     f"The full details are in: {where}\n")
    return INTERNAL_ERROR
