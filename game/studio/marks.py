"""The loader's and the analyzer's diagnostics as marks for the editor: a line, a column,
the word the mark covers, the message with its hint, and a quick fix where one is certain.

A fix is certain only when the hint names one replacement ("did you mean `bank`?") and the
mark sits on a word of the file: the fix replaces that word, nothing else."""
from __future__ import annotations

import re

from ..content.diagnostics import Diagnostic

_ONE_GUESS = re.compile(r"did you mean `([^`\s]+)`\?")
_WORD = re.compile(r"[A-Za-z0-9_\-]+")


def word_at(line: str, column: int) -> tuple[int, int] | None:
    """The (start, end) columns, 1-based and end exclusive, of the word under `column`."""
    for m in _WORD.finditer(line):
        if m.start() <= column - 1 < m.end():
            return m.start() + 1, m.end() + 1
    return None


def fix_of(d: Diagnostic, lines: list[str]) -> dict | None:
    """The quick fix of a diagnostic, or None when none is certain."""
    guesses = _ONE_GUESS.findall(d.hint or "") + _ONE_GUESS.findall(d.message)
    if len(set(guesses)) != 1 or not 1 <= d.line <= len(lines):
        return None
    span = word_at(lines[d.line - 1], d.column)
    if span is None:
        return None
    start, end = span
    if lines[d.line - 1][start - 1:end - 1] == guesses[0]:
        return None
    return {"line": d.line, "from": start, "to": end, "insert": guesses[0]}


def mark(d: Diagnostic, lines: list[str]) -> dict:
    """One diagnostic for the page."""
    span = word_at(lines[d.line - 1], d.column) if 1 <= d.line <= len(lines) else None
    return {"code": d.code, "severity": d.severity, "line": d.line, "column": d.column,
            "to": span[1] if span else d.column + 1, "message": d.message, "hint": d.hint,
            "fix": fix_of(d, lines)}
