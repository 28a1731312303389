"""Diagnostics: friendly, located messages about problems in level files.

A :class:`Diagnostic` points at one place in one file (1-based line and
column) and says what is wrong in plain English, optionally with a hint on
how to fix it.  Codes are stable ("E001", ...) so tools and tests can rely
on them; the message wording may change.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

ERROR = "error"
WARNING = "warning"

# How much of a very long source line to show around the caret.
_SNIPPET_WIDTH = 100


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a file, with its position and a message."""

    code: str  # stable code like "E101"
    severity: str  # "error" | "warning"
    path: str  # file path as given
    line: int  # 1-based
    column: int  # 1-based
    message: str
    hint: str = ""

    def format(self, source_lines: list[str] | None = None) -> str:
        """Render as ``path:line:col: error[CODE]: message``.

        If ``source_lines`` (the file split into lines) is given, the
        offending line is shown with a caret ``^`` under the column.  A hint,
        if any, follows on its own line.
        """
        out = [
            f"{self.path}:{self.line}:{self.column}: "
            f"{self.severity}[{self.code}]: {self.message}"
        ]
        if source_lines is not None and 1 <= self.line <= len(source_lines):
            text, caret = _snippet(source_lines[self.line - 1], self.column)
            out.append("    " + text)
            out.append("    " + caret)
        if self.hint:
            out.append(f"  hint: {self.hint}")
        return "\n".join(out)

    def to_dict(self) -> dict:
        """Return a plain dict (code, severity, path, line, column, message, hint)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
        }


def _snippet(line: str, column: int) -> tuple[str, str]:
    """Return (text, caret line) for one source line, trimmed if very long."""
    line = line.rstrip("\r\n")
    col = max(column, 1) - 1
    start = 0
    if len(line) > _SNIPPET_WIDTH:
        start = max(0, min(col - _SNIPPET_WIDTH // 2, len(line) - _SNIPPET_WIDTH))
        line = line[start : start + _SNIPPET_WIDTH]
        col -= start
    # Keep tabs under tabs so the caret lines up however tabs are shown.
    pad = "".join("\t" if ch == "\t" else " " for ch in line[:col])
    pad += " " * (col - len(pad))
    return line, pad + "^"


#: At most this many diagnostics of one code are printed for one file; the rest are counted.
PER_CODE = 20


def format_all(diagnostics: Iterable[Diagnostic], lines_of, per_code: int = PER_CODE) -> str:
    """The diagnostics formatted with their source lines (`lines_of(d)` gives the file's
    lines, or None). Past `per_code` of one code in one file, the rest are summed up in one
    line: 100,000 scenes lacking the same key make 20 messages and a count, not a flood."""
    blocks: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for d in diagnostics:
        key = (d.path, d.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= per_code:
            blocks.append(d.format(lines_of(d)))
    for (path, code), count in seen.items():
        if count > per_code:
            blocks.append(f"{path}: …and {count - per_code} more like this ({code})")
    return "\n".join(blocks)


def error(code: str, path: str, line: int, column: int, message: str, hint: str = "") -> Diagnostic:
    """Shortcut for an error-severity :class:`Diagnostic`."""
    return Diagnostic(code, ERROR, path, line, column, message, hint)


def warning(code: str, path: str, line: int, column: int, message: str, hint: str = "") -> Diagnostic:
    """Shortcut for a warning-severity :class:`Diagnostic`."""
    return Diagnostic(code, WARNING, path, line, column, message, hint)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True if any diagnostic in the iterable is an error (not just a warning)."""
    return any(d.severity == ERROR for d in diagnostics)


def did_you_mean(word: object, candidates: Iterable[object]) -> str:
    """Suggest the closest candidate, e.g. "did you mean `office`?", or ""."""
    names = [str(c) for c in candidates]
    matches = difflib.get_close_matches(str(word), names, n=1)
    return f"did you mean `{matches[0]}`?" if matches else ""


class ContentError(Exception):
    """Raised when content cannot be used; carries the list of diagnostics."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics: list[Diagnostic] = list(diagnostics)
        super().__init__(self._summary())

    def _summary(self) -> str:
        if not self.diagnostics:
            return "content error"
        return "\n".join(d.format() for d in self.diagnostics)
