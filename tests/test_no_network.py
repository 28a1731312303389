"""Nothing leaves the machine: no module of the game imports anything that talks to a
network (the privacy statement in docs/TEACHERS.md rests on this)."""
from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"
NETWORK = {"socket", "ssl", "http", "urllib", "urllib3", "ftplib", "smtplib", "poplib",
           "imaplib", "telnetlib", "xmlrpc", "requests", "httpx", "aiohttp", "websocket",
           "websockets", "webbrowser", "socketserver", "asyncio", "selectors", "nntplib"}


def _imports(path: Path) -> set[str]:
    return _imports_of(path.read_text(encoding="utf-8"), str(path))


def _imports_of(text: str, name: str = "<text>") -> set[str]:
    tree = ast.parse(text, name)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            if node.args and isinstance(node.args[0], ast.Constant):
                found.add(str(node.args[0].value).split(".")[0])
    return found


def test_no_module_imports_network_code():
    offenders = {}
    for path in sorted(GAME.rglob("*.py")):
        bad = _imports(path) & NETWORK
        if bad:
            offenders[str(path.relative_to(GAME.parent))] = sorted(bad)
    assert offenders == {}, f"network code found: {offenders}"


def test_the_check_would_see_one():
    assert "socket" in _imports_of("import socket\n")
    assert "urllib" in _imports_of("from urllib.request import urlopen\n")

