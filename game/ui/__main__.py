"""`python -m game.ui [--level ID|PATH] [--persona ID] [--ruleset ID] [--seed N] ...`

The window on its own, with the same options `python -m game play` passes to `game.ui.run`.
"""
from __future__ import annotations

import argparse
import sys

from . import run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.ui")
    parser.add_argument("--level")
    parser.add_argument("--persona")
    parser.add_argument("--ruleset")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start-at", dest="start_at")
    parser.add_argument("--preset")
    parser.add_argument("--dev", action="store_true")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
