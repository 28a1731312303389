"""Start-up: plain `sincerity` shows its title before loading anything the title does not need
(the command-line parser, the levels, the engine), and still gets the same options."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game import __main__ as entry
from game import cli

REPO = Path(__file__).resolve().parent.parent

UNTIL_FIRST_FRAME = """
import os, sys
import game.ui.app as app
def mark(self):
    print("LOADED", " ".join(sorted(sys.modules)), flush=True)
    os._exit(0)
app.App._mark_first_frame = mark
from game.__main__ import main
main([])
"""
NOT_BEFORE_FIRST_FRAME = ("argparse", "game.cli", "game.cli.levels", "game.content", "game.core",
                          "game.saves", "game.ui.levels", "game.ui.session", "pydantic", "yaml")


def test_plain_play_is_what_the_parser_gives():
    parsed = cli.build_parser("sincerity").parse_args(["play"])
    assert vars(parsed) == entry.PLAIN_PLAY


def test_first_frame_comes_before_the_parser_levels_and_engine(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "SINCERITY_CONFIG_DIR": str(tmp_path), "SINCERITY_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", UNTIL_FIRST_FRAME], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("LOADED ")), None)
    assert line is not None, proc.stderr
    loaded = set(line.split()[1:])
    assert "game.ui.screens.title" in loaded
    early = [name for name in NOT_BEFORE_FIRST_FRAME if name in loaded]
    assert early == [], f"loaded before the first frame: {early}"
