"""`python -m game` and the `sincerity` console script: the command line (see game/cli.py)."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with its code (0 fine, 1 content, 2 usage)."""
    from .cli import main as cli_main

    sys.exit(cli_main(argv))


if __name__ == "__main__":
    main()
