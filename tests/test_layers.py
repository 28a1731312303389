"""The layers of the game, bottom to top (docs/ARCHITECTURE.md), read from the import
statements of every module under game/:

    errors  resources  safetext  storage     leaves: import nothing of the game
    core                                     imports nothing of the game outside core
    content                                  core and the leaves
    text  authoring  saves  classroom        never the command line or the window
    ui                                       never the command line
    cli  __main__                            the entry points (bench is a command: game/cli/bench.py)

Every import counts: at the top of a module, inside a function (a lazy import is still a
dependency), and under TYPE_CHECKING. Only game/__main__.py and game/cli itself import
game.cli (tests and tools may too).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parent.parent / "game"

LEAVES = {"errors", "resources", "safetext", "storage"}
#: layer -> the layers of the game it may import (besides itself)
ALLOWED = {
    **{leaf: set() for leaf in LEAVES},
    "core": set(),
    "content": {"core"} | LEAVES,
}
#: layer -> the layers it must never import
FORBIDDEN = {
    "authoring": {"cli", "ui"},
    "classroom": {"cli", "ui"},
    "saves": {"cli", "ui"},
    "text": {"cli", "ui"},
    "ui": {"cli"},
}
#: the only layers that may import game.cli
CLI_USERS = {"cli", "__main__"}


def module_name(path: Path, root: Path) -> str:
    """`game.saves.file` for game/saves/file.py, `game.saves` for game/saves/__init__.py."""
    parts = ["game", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file, wherever it is. For
    `from X import a` the name is `X.a`, since `a` may be a module of the package X."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def layer_of(module: str) -> str | None:
    """`saves` for game.saves.file; None for anything outside the game. A top-level
    `game/cli_*.py` (the command line's old flat modules) counts as `cli`."""
    parts = module.split(".")
    if parts[0] != "game" or len(parts) < 2:
        return None
    return "cli" if parts[1].startswith("cli_") else parts[1]


def violations(root: Path) -> list[str]:
    """Every import under `root` (a game/ folder) that breaks the layer order."""
    found = []
    for path in sorted(root.rglob("*.py")):
        here = layer_of(module_name(path, root)) or "__init__"
        for line, target in imported(path, root):
            there = layer_of(target)
            if there is None or there == here:
                continue
            where = f"{path.relative_to(root.parent)}:{line} imports {target}"
            if here in ALLOWED and there not in ALLOWED[here]:
                found.append(f"{where} (`{here}` may import only {sorted(ALLOWED[here])})")
            elif there in FORBIDDEN.get(here, ()):
                found.append(f"{where} (`{here}` is below `{there}`)")
            elif there == "cli" and here not in CLI_USERS:
                found.append(f"{where} (only game/__main__.py runs the command line)")
    return found


def test_the_game_keeps_its_layers():
    assert violations(GAME) == []


def test_every_layer_the_rules_name_exists():
    """A renamed package must not make its rule check nothing."""
    named = set(ALLOWED) | set(FORBIDDEN) | CLI_USERS
    present = {p.stem for p in GAME.iterdir() if p.suffix == ".py" or any(p.glob("*.py"))}
    assert named <= present, sorted(named - present)


def _probe(root: Path, where: str, source: str) -> list[str]:
    for package in {Path(where).parent, *Path(where).parents}:
        (root / package).mkdir(parents=True, exist_ok=True)
        (root / package / "__init__.py").touch()
    (root / where).write_text(source, encoding="utf-8")
    return violations(root / "game")


@pytest.mark.parametrize("where, source", [
    ("game/core/probe.py", "from ..content import load_level\n"),
    ("game/core/probe.py", "def f():\n    import game.saves\n"),
    ("game/content/probe.py", "from ..authoring import analyze\n"),
    ("game/content/probe.py", "from .. import saves\n"),
    ("game/errors.py", "def f():\n    from .core import new_game\n"),
    ("game/authoring/probe.py", "def f():\n    from ..cli.levels import bundled\n"),
    ("game/text/probe.py", "from ..cli.support import plain_message\n"),
    ("game/classroom/probe.py", "def f():\n    from ..ui import run\n"),
    ("game/saves/probe.py", "from game.ui.app import App\n"),
    ("game/ui/screens/probe.py", "def f():\n    from ...cli import failure\n"),
    ("game/storage.py", "def f():\n    from .cli import main\n"),
    ("game/text/probe.py", "from ..cli_support import OK\n"),
    ("game/classroom/probe.py",
     "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .. import cli\n"),
])
def test_the_check_catches_what_it_forbids(tmp_path, where, source):
    assert len(_probe(tmp_path, where, source)) == 1


@pytest.mark.parametrize("where, source", [
    ("game/content/probe.py", "from ..core.model import Level\nfrom ..errors import UsageError\n"),
    ("game/core/probe.py", "from .state import State\nimport pydantic\n"),
    ("game/classroom/probe.py", "from ..text import play_text\nfrom .. import storage\n"),
    ("game/ui/probe.py", "from ..classroom import kiosk\nfrom .. import saves\n"),
    ("game/__main__.py", "def f():\n    from .cli import main\n"),
    ("game/cli/probe.py", "from ..ui import run\nfrom . import levels\n"),
])
def test_the_check_lets_the_layers_through(tmp_path, where, source):
    assert _probe(tmp_path, where, source) == []
