"""Golden transcripts: every file in tests/transcripts is `play --text --seed 0 --choices ...
--transcript` of a bundled level, replayed here and compared byte for byte.

When a level's words or the text front end change on purpose, re-record them with
`python tools/record_transcripts.py` and read the diff.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.transcripts import file_name, parse_name, play_args
from game.cli import main_captured
from game.content import bundled_levels, load_level

REPO = Path(__file__).resolve().parent.parent
FOLDER = REPO / "tests" / "transcripts"
FILES = sorted(FOLDER.glob("*.txt"))
HOW = "if the change is meant, re-record with `python tools/record_transcripts.py`"


def test_there_are_transcripts_for_every_bundled_level():
    recorded = {parse_name(f.name)[0] for f in FILES}
    ids = {load_level(p).level.id for p in bundled_levels() if load_level(p).ok}
    assert ids <= recorded, f"no transcript for {sorted(ids - recorded)}: {HOW}"


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_transcript_is_unchanged(path):
    level, persona, ruleset, numbers = parse_name(path.name)
    code, text = main_captured(play_args(level, persona, ruleset, numbers))
    assert code == 0, text
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{path.name} differs; {HOW}"
    assert "Ending: " in text


def test_the_real_command_line_prints_the_same_bytes():
    path = FILES[0]
    args = play_args(*parse_name(path.name))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "game", *args], capture_output=True,
                          cwd=REPO, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.replace(b"\r\n", b"\n") == path.read_bytes()


def test_names_round_trip():
    name = file_name("tutorial", "urban", "city_pilot", [1, 3, 2])
    assert name == "tutorial__urban__city_pilot__1-3-2.txt"
    assert parse_name(name) == ("tutorial", "urban", "city_pilot", [1, 3, 2])
    with pytest.raises(ValueError):
        file_name("a__b", "p", "r", [1])
