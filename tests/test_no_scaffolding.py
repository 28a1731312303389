"""No leftover scaffolding hides a real failure: a broken module of the game's own is a crash
(one line and a crash log), never "not built yet"; only a missing pygame-ce gets the
install message."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               SINCERITY_DATA_DIR=str(tmp_path / "data"),
               SINCERITY_CONFIG_DIR=str(tmp_path / "config"),
               XDG_STATE_HOME=str(tmp_path / "state"))
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_broken_window_module_is_a_crash_not_not_built(tmp_path):
    done = _run("import sys; sys.modules['game.ui.screenshots'] = None\n"
                "from game.cli import main\n"
                f"sys.exit(main(['screenshots', {str(tmp_path / 'shots')!r}]))", tmp_path)
    assert done.returncode == 3, done.stderr
    assert "not built" not in done.stderr
    assert re.search(r"crash|log", done.stderr, re.I), done.stderr


def test_a_broken_game_module_under_play_is_a_crash_not_not_built(tmp_path):
    done = _run("import sys; sys.modules['game.ui'] = None\n"
                "from game.cli import main\n"
                "sys.exit(main(['play', '--level', 'tutorial']))", tmp_path)
    assert done.returncode == 3, done.stderr
    assert "not built" not in done.stderr and "pygame-ce" not in done.stderr


def test_a_missing_pygame_says_how_to_play_in_text(tmp_path):
    done = _run("import sys; sys.modules['pygame'] = None\n"
                "from game.cli import main\n"
                "sys.exit(main(['play', '--level', 'tutorial']))", tmp_path)
    assert done.returncode == 2, done.stderr
    assert "needs pygame-ce" in done.stderr and "play --text" in done.stderr


def _guarded_imports(text: str) -> list[str]:
    """The body of each `try:` block that ends in `except ImportError`."""
    bodies, lines = [], text.splitlines()
    for i, line in enumerate(lines):
        if line.strip().startswith("except ImportError"):
            indent = line[: len(line) - len(line.lstrip())]
            j = i - 1
            while j >= 0 and lines[j] != f"{indent}try:":
                j -= 1
            bodies.append("\n".join(s.strip() for s in lines[j + 1:i]))
    return bodies


def test_no_except_importerror_around_the_games_own_modules():
    """The only ImportError handlers left guard `import pygame` itself."""
    bodies = [b for path in (ROOT / "game").rglob("*.py")
              for b in _guarded_imports(path.read_text(encoding="utf-8"))]
    assert bodies and all(re.fullmatch(r"import pygame\b.*", b) for b in bodies), bodies


def test_no_test_skips_an_internal_module():
    for path in (ROOT / "tests").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"importorskip\(\s*['\"]game", text), path


def test_opening_the_window_prints_no_library_banner(tmp_path):
    """Plain `sincerity` checks that pygame-ce is there before it opens the window; that
    check must not print pygame's "Hello from the pygame community" banner."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               SINCERITY_DATA_DIR=str(tmp_path / "data"),
               SINCERITY_CONFIG_DIR=str(tmp_path / "config"),
               SINCERITY_FIRST_FRAME_MARK="exit")
    env.pop("PYGAME_HIDE_SUPPORT_PROMPT", None)
    done = subprocess.run([sys.executable, "-m", "game"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "pygame" not in done.stdout + done.stderr
