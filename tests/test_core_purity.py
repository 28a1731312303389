"""The core is pure: no pygame, no YAML, no files, no clock, no global random.

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
