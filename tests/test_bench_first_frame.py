"""The benchmark's first frame is timed as a player's start: with the game's modules
compiled once (as installing it does), not compiled again on every start because the
checkout's environment says not to write bytecode."""
from __future__ import annotations

import os

from game.ui import bench


def test_the_first_frame_children_read_compiled_modules(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    cache = tmp_path / "pyc"
    env = bench.compiled_env(bench._env(str(tmp_path / "cfg")) |
                             {"SINCERITY_FIRST_FRAME_MARK": "exit"}, str(cache))
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert bench._first_frame_once(env) > 0
    compiled = {p.name.split(".")[0] for p in cache.rglob("*.pyc")
                if os.sep + "game" + os.sep + "ui" + os.sep in str(p)}
    assert {"app", "flow", "theme"} <= compiled     # the next start reads these
