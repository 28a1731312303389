"""The core is pure: no pygame, no YAML, no files, no clock, no global random. And the rest
of the game uses only its public interface: nothing outside `game/core` reaches into a core
object's `__dict__`, builds one with `__new__`, or patches a core module.

Checked by reading each module's syntax tree (every import, at any depth, and calls that reach
outside), and by importing `game.core` in a fresh interpreter.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "game" / "core"
MODULES = sorted(CORE.glob("*.py"))

#: The pure parts of the standard library the core may use, and pydantic.
ALLOWED = {"__future__", "dataclasses", "typing", "types", "json", "math", "enum", "functools",
           "itertools", "collections", "re", "abc", "operator", "string", "fractions",
           "decimal", "numbers", "bisect", "heapq", "copy", "pydantic", "pydantic_core",
           "typing_extensions", "annotated_types"}
#: Named here so a failure says plainly what went wrong.
FORBIDDEN = {"pygame", "yaml", "os", "io", "pathlib", "time", "datetime", "random", "socket",
             "subprocess", "sys", "shutil", "tempfile", "glob", "pickle", "marshal", "shelve",
             "importlib", "ctypes", "threading", "multiprocessing", "asyncio", "urllib", "http",
             "secrets", "uuid", "platform", "signal", "builtins", "platformdirs", "game"}
FORBIDDEN_CALLS = {"open", "eval", "exec", "compile", "__import__", "input", "print",
                   "breakpoint", "globals", "vars"}


def _imports(tree: ast.AST) -> list[tuple[int, str, int]]:
    """(line, absolute-or-relative module name, relative level) for every import."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module or "", node.level))
    return found


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = []
    for line, name, level in _imports(tree):
        top = name.split(".")[0]
        if level == 1 or (level == 0 and name.startswith("game.core")):
            continue  # game.core itself
        if level > 1:
            problems.append(f"{path.name}:{line}: relative import outside game.core")
        elif top in FORBIDDEN or top not in ALLOWED:
            problems.append(f"{path.name}:{line}: imports `{name}`")
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else None)
            if name in FORBIDDEN_CALLS:
                problems.append(f"{path.name}:{node.lineno}: calls `{name}()`")
        if isinstance(node, ast.Name) and node.id == "random":
            problems.append(f"{path.name}:{node.lineno}: uses `random`")
    return problems


def test_core_has_modules_to_check():
    assert {"engine.py", "model.py", "state.py", "scoring.py"} <= {p.name for p in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_core_module_imports_only_pure_modules(path):
    assert _problems(path) == []


@pytest.mark.parametrize(("source", "needle"), [
    ("import os\n", "imports `os`"),
    ("import random\nrandom.random()\n", "imports `random`"),
    ("from pathlib import Path\n", "imports `pathlib`"),
    ("def f():\n    import pygame\n", "imports `pygame`"),
    ("import yaml.constructor\n", "imports `yaml.constructor`"),
    ("from datetime import datetime as clock\n", "imports `datetime`"),
    ("from ..content import loader\n", "relative import outside game.core"),
    ("import requests\n", "imports `requests`"),
    ("data = open('x').read()\n", "calls `open()`"),
    ("x = random\n", "uses `random`"),
])
def test_purity_check_catches_what_it_forbids(tmp_path, source, needle):
    module = tmp_path / "bad.py"
    module.write_text(source, encoding="utf-8")
    assert any(needle in p for p in _problems(module)), _problems(module)


def test_importing_the_core_loads_no_pygame_and_no_yaml():
    code = ("import sys, game.core, game.core.debrief, game.core.effects, game.core.status; "
            "bad = sorted(m for m in ('pygame', 'yaml', 'platformdirs') "
            "if m in sys.modules); print(','.join(bad))")
    root = CORE.parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "pygame" not in result.stdout
    assert "yaml" not in result.stdout
    assert "platformdirs" not in result.stdout


# ---------------------------------------------------------------- from outside, public only

ROOT = CORE.parent.parent
OUTSIDE = sorted(p for p in (ROOT / "game").rglob("*.py") if CORE not in p.parents) + sorted(
    (ROOT / "tests").rglob("*.py"))


def _absolute(node: ast.ImportFrom, path: Path) -> str:
    """The module an import names, made absolute (`from ..core import rng` in game/authoring
    names `game.core`)."""
    if not node.level:
        return node.module or ""
    package = list(path.relative_to(ROOT).with_suffix("").parts[:-1])
    base = package[:len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _core_names(tree: ast.AST, path: Path) -> set[str]:
    """The names this file binds to the core or anything in it (modules, classes,
    functions): `from game.core import rng`, `from ..core.state import State`, ..."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.asname for alias in node.names
                      if alias.asname and alias.name.startswith("game.core")}
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, path)
            if module == "game.core" or module.startswith("game.core."):
                names |= {alias.asname or alias.name for alias in node.names}
            elif module == "game":
                names |= {alias.asname or alias.name for alias in node.names
                          if alias.name == "core"}
    return names


def _is_core(expr: ast.expr, names: set[str]) -> bool:
    """Whether an expression names the core or something in it."""
    text = ast.unparse(expr)
    return (text.split(".")[0] in names or text.startswith("game.core")
            or (isinstance(expr, ast.Constant) and str(expr.value).startswith("game.core")))


def _reaches_a_module(node: ast.Attribute, parent: ast.AST | None) -> bool:
    """Whether a use of `sys.modules` reaches a module object, not only names of modules:
    `sys.modules.items()`, `sys.modules[name] = ...`, `sys.modules["game.core.rng"]`."""
    if isinstance(parent, ast.Attribute):
        return True
    if isinstance(parent, ast.Subscript) and parent.value is node:
        key = parent.slice
        return not (isinstance(parent.ctx, ast.Load) and isinstance(key, ast.Constant)
                    and not str(key.value).startswith("game.core"))
    return False


def _reaches_in(path: Path, text: str | None = None) -> list[str]:
    """What this file (outside the core) does to the core's insides (`text`: its source, if
    not read from the file)."""
    text = path.read_text(encoding="utf-8") if text is None else text
    tree = ast.parse(text, filename=str(path))
    names = _core_names(tree, path)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    problems = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr == "__dict__":
            problems.append(f"{where}: touches `__dict__`")
        if isinstance(node, ast.Attribute) and ast.unparse(node) == "sys.modules" \
                and _reaches_a_module(node, parents.get(node)):
            problems.append(f"{where}: reaches a module through `sys.modules`")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "__new__":
            problems.append(f"{where}: calls `__new__`")
        if isinstance(node, ast.Call) and node.args and _is_core(node.args[0], names) and (
                ast.unparse(node.func) == "setattr"
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "setattr")):
            problems.append(f"{where}: patches `{ast.unparse(node.args[0])}` of the core")
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else (
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else [])
        for target in targets:
            if isinstance(target, ast.Attribute) and _is_core(target.value, names):
                problems.append(f"{where}: patches `{ast.unparse(target)}` of the core")
    return problems


def test_there_are_files_outside_the_core_to_check():
    assert {"rolls.py", "explore.py", "test_analyze.py"} <= {p.name for p in OUTSIDE}


def test_nothing_outside_the_core_reaches_into_it():
    """The analyzer, the front ends and the tests use the engine's public interface
    (`choose(..., dice=...)`, `State.replace`), not its representation."""
    problems = [problem for path in OUTSIDE for problem in _reaches_in(path)]
    assert problems == []


@pytest.mark.parametrize(("where", "source", "needle"), [
    ("game/authoring", "fields = state.__dict__\n", "touches `__dict__`"),
    ("game/authoring", "from ..core.state import State\nnew = object.__new__(State)\n",
     "calls `__new__`"),
    ("game/authoring", "import sys\nmods = list(sys.modules.items())\n",
     "reaches a module through `sys.modules`"),
    ("tests", "import sys\nsys.modules['game.core.rng'].next_float = f\n",
     "reaches a module through `sys.modules`"),
    ("game/authoring", "from ..core import rng\nrng.next_float = lambda r: (r, 0.0)\n",
     "patches `rng.next_float` of the core"),
    ("game/authoring", "from ..core import scoring as s\nsetattr(s, 'next_float', f)\n",
     "patches `s` of the core"),
    ("tests", "import game.core.rng\ngame.core.rng.next_float = f\n",
     "patches `game.core.rng.next_float` of the core"),
    ("tests", "def test(monkeypatch):\n    monkeypatch.setattr('game.core.rng.next_float', f)\n",
     "patches `'game.core.rng.next_float'` of the core"),
    ("tests", "from game.core.state import State\n"
              "def test(monkeypatch):\n    monkeypatch.setattr(State, 'replace', f)\n",
     "patches `State` of the core"),
])
def test_the_outside_check_catches_what_it_forbids(where, source, needle):
    found = _reaches_in(ROOT / where / "probe.py", source)
    assert any(needle in p for p in found), found


@pytest.mark.parametrize("source", [
    "import sys\nloaded = 'pygame' in sys.modules\n",
    "import sys\nnames = sorted(sys.modules)\n",
    "import sys\nhere = sys.modules['game.resources'].__file__\n",
    "from game.core import choose\nstep = choose(state, 'c', dice=lambda r: (r, 0.0))\n",
    "new = state.replace(score=5)\n",
    "from game import errors\n"
    "def test(monkeypatch):\n    monkeypatch.setattr(errors, '_log_dir', f)\n",
])
def test_the_outside_check_lets_public_use_through(source):
    assert _reaches_in(ROOT / "tests" / "probe.py", source) == []
