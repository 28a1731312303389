"""The classroom codes' reference at the end of docs/TEACHERS.md, written from the C1xx table
(`game.content.classroom_codes`).

`python -m game.classroom.codedocs` rewrites the part of the guide after the marker line; a
test checks that the guide is up to date.
"""
from __future__ import annotations

from pathlib import Path

from ..content.classroom_codes import CLASSROOM_CODES

MARKER = "<!-- classroom-codes: generated from game/content/classroom_codes.py -->"
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "TEACHERS.md"


def reference() -> str:
    """The C1xx codes as Markdown, for the end of docs/TEACHERS.md."""
    parts = []
    for code, entry in CLASSROOM_CODES.items():
        parts += [f"### {code}: {entry.title}", "", entry.explanation, "", "Wrong:", "",
                  "```yaml", entry.wrong.rstrip(), "```", "", "Right:", "", "```yaml",
                  entry.fixed.rstrip(), "```", ""]
    return "\n".join(parts)


def rewrite(guide: Path = GUIDE) -> str:
    """The guide's text with everything after the marker line made from the table."""
    head = guide.read_text(encoding="utf-8").split(MARKER)[0]
    return head + MARKER + "\n\n" + reference()


if __name__ == "__main__":
    GUIDE.write_text(rewrite(GUIDE), encoding="utf-8")
