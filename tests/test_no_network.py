"""Nothing leaves the machine: no module of the game imports anything that talks to a
network (the privacy statement in docs/TEACHERS.md rests on this), except the lesson server's
two: `game/web/listen.py` binds and listens (and never connects), and `game/web/loopback.py`,
the benchmark's simulated students, talks to 127.0.0.1 only. The server itself is tested
with every outbound connection refused (tests/test_serve_security.py)."""
from __future__ import annotations

import ast
import re
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


#: the only modules that may, and what they may import
ALLOWED = {"game/web/listen.py": {"socket"}, "game/web/loopback.py": {"http"},
           "game/studio/command.py": {"webbrowser"}}   # opens the page on this computer


def test_no_module_imports_network_code():
    offenders = {}
    for path in sorted(GAME.rglob("*.py")):
        bad = _imports(path) & NETWORK - ALLOWED.get(str(path.relative_to(GAME.parent)), set())
        if bad:
            offenders[str(path.relative_to(GAME.parent))] = sorted(bad)
    assert offenders == {}, f"network code found: {offenders}"


def test_the_check_would_see_one():
    assert "socket" in _imports_of("import socket\n")
    assert "urllib" in _imports_of("from urllib.request import urlopen\n")



def _calls(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}


def test_the_listener_never_connects():
    calls = _calls(GAME / "web" / "listen.py")
    assert {"bind", "listen"} <= calls
    assert not calls & {"connect", "connect_ex", "create_connection", "sendto", "sendall",
                        "send"}


def test_the_simulated_students_talk_to_loopback_only():
    text = (GAME / "web" / "loopback.py").read_text(encoding="utf-8")
    tree = ast.parse(text)
    hosts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
             and isinstance(n.value, str) and re.fullmatch(r"[\w.-]+\.[\w.-]+|localhost", n.value)
             and re.search(r"\d+\.\d+\.\d+\.\d+|localhost|\.(com|org|net)$", n.value)]
    assert hosts == ["127.0.0.1"]
    connections = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                   and getattr(n.func, "attr", "") == "HTTPConnection"]
    assert connections and all(getattr(c.args[0], "id", "") == "LOOPBACK" for c in connections)
