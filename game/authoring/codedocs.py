"""The error-code reference in docs/AUTHORING.md, written from the code tables.

`python -m game.authoring.codedocs` rewrites the part of the guide after the marker line; a
test checks that the guide is up to date.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..content.analyzer_codes import ANALYZE_CODES, SEVERITY
from ..content.classroom_codes import CLASSROOM_CODES
from ..content.codes import CODES, severity

MARKER = "<!-- error-codes: generated from game/content/codes.py -->"
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "AUTHORING.md"


def _entry(code: str, sev: str, entry) -> str:
    parts = [f"### {code}: {entry.title}", "", f"*{sev}.* {entry.explanation}", ""]
    if entry.wrong:
        parts += ["Wrong:", "", "```yaml", entry.wrong.rstrip(), "```", ""]
    if entry.fixed:
        parts += ["Right:", "", "```yaml", entry.fixed.rstrip(), "```", ""]
    return "\n".join(parts)


def reference() -> str:
    """Every code, in order, with what it means and a wrong and a right example."""
    intro = ("Every code `validate` and `analyze` can print: E and W for level files, A for "
             "`analyze`, C for classroom files (docs/TEACHERS.md). `python -m game validate "
             "--explain CODE` (or `analyze --explain CODE`) prints the same text in the "
             "terminal.\n")
    body = [_entry(c, severity(c), e) for c, e in CODES.items()]
    body += [_entry(c, SEVERITY[c], e) for c, e in ANALYZE_CODES.items()]
    body += [_entry(c, "error", e) for c, e in CLASSROOM_CODES.items()]
    return intro + "\n" + "\n".join(body)


def rewrite(guide: Path = GUIDE) -> str:
    """The guide's text with the reference after the marker line replaced."""
    text = guide.read_text(encoding="utf-8")
    head = text.split(MARKER)[0]
    return head + MARKER + "\n\n" + reference()


if __name__ == "__main__":
    GUIDE.write_text(rewrite(), encoding="utf-8")
    sys.stdout.write(f"wrote the error codes into {GUIDE}\n")
