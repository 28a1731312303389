"""The layers of the game, bottom to top (docs/ARCHITECTURE.md), read from the import
statements of every module under game/:

    errors  resources  safetext  storage     leaves: import nothing of the game
    core                                     imports nothing of the game outside core
    content                                  core and the leaves
    text  authoring  saves  classroom        never the command line or the window
    web                                      the lesson server: never the command line or window
    ui                                       never the command line
    cli  __main__                            the entry points (`bench` is game/cli/bench.py)

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
    "web": {"cli", "ui"},
    "ui": {"cli"},
}
#: the only layers that may import game.cli
CLI_USERS = {"cli", "__main__"}


def module_name(path: Path, root: Path) -> str:
    """`game.saves.file` for game/saves/file.py, `game.saves` for game/saves/__init__.py."""
    parts = ["game", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, root: Path, runtime: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file, wherever it is (with
    `runtime`, leaving out those under TYPE_CHECKING). For `from X import a` the name is
    `X.a`, since `a` may be a module of the package X."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in (_runtime_nodes(tree) if runtime else ast.walk(tree)):
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


# ---------------------------------------------------------------- no circles

def _type_checking(node: ast.AST) -> bool:
    """`if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:`."""
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        isinstance(test, ast.Name) and test.id == "TYPE_CHECKING" or
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST):
    """Every node that can run: all of them except the body of an `if TYPE_CHECKING:`
    (its `else:` runs)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if _type_checking(node) and child in node.body:
                continue
            stack.append(child)


def import_graph(root: Path) -> dict[str, dict[str, int]]:
    """module -> {module of the game it imports: line}, for every import that can run: at
    the top of a module or inside a function (a lazy import still runs), but not one under
    TYPE_CHECKING. `from X import a` counts as importing X.a when that is a module, else X.
    Importing a.b.c also runs a/__init__.py and a/b/__init__.py; those edges are left out,
    since a package's __init__ importing its own parts is no circle anyone must untangle."""
    files = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    graph: dict[str, dict[str, int]] = {}
    for name, path in files.items():
        edges: dict[str, int] = {}
        for line, target in imported(path, root, runtime=True):
            while target and target not in files:
                target = target.rpartition(".")[0]
            if target and target != name:
                edges.setdefault(target, line)
        graph[name] = edges
    return graph


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Each set of modules that import each other, directly or round a longer way (Tarjan's
    strongly connected components), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def way_round(graph: dict[str, dict[str, int]], part: list[str]) -> list[str]:
    """The shortest path from part[0] back to itself, inside the part (breadth first)."""
    start, inside = part[0], set(part)
    came_from: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v]):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start] if v != start else [start, start]
            if w in inside and w not in came_from:
                came_from[w] = v
                queue.append(w)
    raise AssertionError(f"no way round {part}")


def described(graph: dict[str, dict[str, int]], part: list[str]) -> str:
    """The modules of a circle, and one shortest way round it with the line of each import:
    `a -> b (line 12 of a) -> a (line 3 of b)`."""
    way = way_round(graph, part)
    steps = [way[0]] + [f"{b} (line {graph[a][b]} of {a})" for a, b in zip(way, way[1:])]
    return (f"{len(part)} modules: {', '.join(part)}\n"
            f"  one way round: {' -> '.join(steps)}")


def test_no_modules_import_each_other_in_a_circle():
    """A circle of imports (lazy ones too) means no module of it can be understood, tested
    or moved alone. Screens report to game.ui.flow; nothing below imports back up."""
    graph = import_graph(GAME)
    found = [described(graph, part) for part in circles(graph)]
    assert found == [], "modules that import each other:\n" + "\n".join(found)


def test_no_screen_imports_the_flow():
    """Screens report what the player asked for (game.ui.intents); game.ui.flow alone
    decides where it leads, so no screen imports it."""
    graph = import_graph(GAME)
    assert [m for m, edges in graph.items()
            if m.startswith("game.ui.screens.") and "game.ui.flow" in edges] == []


def _tree(root: Path, files: dict[str, str]) -> Path:
    for where, source in files.items():
        for package in {Path(where).parent, *Path(where).parents}:
            (root / package).mkdir(parents=True, exist_ok=True)
            (root / package / "__init__.py").touch()
        (root / where).write_text(source, encoding="utf-8")
    return root / "game"


def test_the_circle_check_finds_a_lazy_circle_and_names_it(tmp_path):
    game = _tree(tmp_path, {
        "game/ui/flow.py": "def f():\n    from .screens import play\n",
        "game/ui/screens/play.py": "from .. import intents\n\n\n"
                                   "def g():\n    from .. import flow\n",
        "game/ui/intents.py": "",
    })
    graph = import_graph(game)
    assert circles(graph) == [["game.ui.flow", "game.ui.screens.play"]]
    assert described(graph, circles(graph)[0]) == (
        "2 modules: game.ui.flow, game.ui.screens.play\n"
        "  one way round: game.ui.flow -> game.ui.screens.play (line 2 of game.ui.flow)"
        " -> game.ui.flow (line 5 of game.ui.screens.play)")


def test_the_circle_check_finds_a_longer_circle(tmp_path):
    game = _tree(tmp_path, {
        "game/core/a.py": "from .b import x\n",
        "game/core/b.py": "from . import c\n",
        "game/core/c.py": "import game.core.a\n",
        "game/core/d.py": "from .a import y\n",
    })
    graph = import_graph(game)
    assert circles(graph) == [["game.core.a", "game.core.b", "game.core.c"]]
    assert way_round(graph, circles(graph)[0]) == [
        "game.core.a", "game.core.b", "game.core.c", "game.core.a"]


def test_the_circle_check_leaves_out_type_checking_imports(tmp_path):
    game = _tree(tmp_path, {
        "game/core/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                          "    from .b import B\nelse:\n    B = None\n",
        "game/core/b.py": "from .a import B\n",
    })
    assert circles(import_graph(game)) == []
