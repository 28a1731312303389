"""`tools/ab_analyze.py`, the A/B timer for the analyzer: it says how to use it, and names a
revision git cannot find. (A real round takes ten seconds; `bench` covers the analyzer.)"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "ab_analyze.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True,
                          cwd=TOOL.parent.parent)


@pytest.mark.parametrize("args", [(), ("HEAD", "three"), ("HEAD", "3", "more")])
def test_without_a_revision_it_says_how_to_use_it(args):
    done = run(*args)
    assert done.returncode == 2
    assert "python tools/ab_analyze.py REV [ROUNDS]" in done.stderr


def test_a_revision_git_cannot_find_is_named():
    if not (TOOL.parent.parent / ".git").exists():
        pytest.fail("this test needs the project's git checkout")
    done = run("no-such-revision-here")
    assert done.returncode == 1
    assert "git cannot find `no-such-revision-here`" in done.stderr
