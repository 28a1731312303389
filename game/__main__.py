"""`python -m game` and the `sincerity` console script: the command line (see game/cli/).

Plain `sincerity`, with no arguments, opens the window without loading the command line
first (its parser and commands would delay the title by about 10 ms); anything else, and any
failure, goes through game/cli/.
"""
from __future__ import annotations

import os
import sys

#: What `play` with no options parses to (tests/test_ui_startup.py checks it against the
#: parser), given to the window as the parsed options would be.
PLAIN_PLAY = {"command": "play", "level": None, "persona": None, "ruleset": None, "seed": 0,
              "text": False, "export": None, "classroom": None, "seat": None, "dev": False,
              "start_at": None, "choices": None, "transcript": False, "preset": None,
              "campaign": False}


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with its code (0 fine, 1 content, 2 usage)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    sys.exit(_window() if not argv else _command_line(argv))


def _command_line(argv: list[str]) -> int:
    from .cli import main as cli_main

    return cli_main(argv)


def _window() -> int:
    """Plain `sincerity`: what `play` does with no options (game/cli/play.py), sooner."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")   # no banner on the terminal
    try:
        import pygame  # noqa: F401 - the window's one library
    except ImportError:
        return _command_line([])   # no pygame: `play` says so, and how to play in text
    from .ui import run
    from types import SimpleNamespace
    try:
        result = run(SimpleNamespace(**PLAIN_PLAY, loaded=None))
    except BaseException as exc:  # noqa: BLE001 - handled as the command line handles it
        from .cli import failure

        return failure(exc, [])
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    main()
