"""Say which dependency versions differ from the tested ones in constraints.txt.

    python tools/dependency_drift.py [--python PATH]

Asks pip, as a dry run (nothing is installed), what a fresh `pip install '.[test]'` would take
today within the caps of pyproject.toml, and compares it with constraints.txt. Prints one line
per package whose newest allowed version differs, or that the constraints lack. Exits 0 either
way: a new release upstream is news, not a failure. `.ci/run` runs it after the tests.

This is the one script of the project that asks the package index (PyPI) anything; the game
and its tools never do.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {"sincerity", "pip", "setuptools", "wheel"}


def canonical(name: str) -> str:
    """A package name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_constraints(text: str) -> dict[str, str]:
    """`name==version` lines, by canonical name; comments and blank lines are skipped."""
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        if not sep:
            raise ValueError(f"constraints.txt: `{line}` is not `name==version`")
        pins[canonical(name)] = version.strip()
    return pins


def newest_allowed(report: dict) -> dict[str, str]:
    """What a pip `--report` says it would install, by canonical name."""
    found = {}
    for item in report.get("install", []):
        meta = item.get("metadata", {})
        name = canonical(meta.get("name", ""))
        if name and name not in SKIP:
            found[name] = meta.get("version", "")
    return found


def drift(tested: dict[str, str], newest: dict[str, str]) -> list[str]:
    """One line for each package whose newest allowed version is not the tested one."""
    lines = []
    for name in sorted(newest):
        if name not in tested:
            lines.append(f"{name}: not in constraints.txt; newest allowed {newest[name]}")
        elif tested[name] != newest[name]:
            lines.append(f"{name}: tested {tested[name]}, newest allowed {newest[name]}")
    return lines


def ask_pip(python: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        done = subprocess.run([python, "-m", "pip", "install", "--dry-run", "--quiet",
                               "--ignore-installed", "--report", str(out), f"{ROOT}[test]"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise ValueError(f"pip exited with {done.returncode}: {last}")
        return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the Python whose pip to ask")
    args = parser.parse_args(argv)
    tested = read_constraints((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    try:
        report = ask_pip(args.python)
    except (OSError, ValueError) as exc:
        print(f"dependency drift: could not ask pip ({exc}); nothing compared")
        return 0
    lines = drift(tested, newest_allowed(report))
    if not lines:
        print("dependency drift: none (the newest allowed versions are the tested ones)")
    for line in lines:
        print(f"dependency drift: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
