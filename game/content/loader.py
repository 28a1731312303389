"""Loading a level: read the YAML, check the format version, validate, cross-check.

Every problem of a file is reported at once, each as a `Diagnostic` with a stable code and a
line:column; nothing here raises on bad input. A level with any error is not handed out
(`Loaded.level` is None); one with only warnings is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.model import FORMAT_VERSIONS, Level
from .checks import run_checks
from .context import Context
from .diagnostics import ERROR, Diagnostic, error, format_all
from .index import Names
from .messages import written
from .storyform import normalize
from .validation import validate
from .yamlsafe import MAX_TEXT_CHARS, gc_paused, read_yaml

_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # what YAML counts as a new line
_NOT_YAML_BREAKS = "\x0b\x0c\x1c\x1d\x1e"  # str.splitlines() also splits at these
_MAX_BYTES = 4 * MAX_TEXT_CHARS  # UTF-8 takes at most 4 bytes a character


@dataclass
class Loaded:
    """A level file after loading: the level (None if it has errors) and every problem.

    `marks` maps paths in the file, like ``("scenes", "office", "choices", 0, "goto")``, to
    their 1-based (line, column), and ``path + ("__key__",)`` to the key's own place: tools
    that report their own findings about a level use it to point at the file. `lines` are
    the file's lines.
    """
    path: str
    level: Level | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _lines: list[str] | None = field(default=None, repr=False, compare=False)
    _marks: dict | None = field(default=None, repr=False, compare=False)
    _text: str = field(default="", repr=False, compare=False)

    @property
    def lines(self) -> list[str]:
        """The file's lines, split on first use (a clean file is loaded without them)."""
        if self._lines is None:
            self._lines = _lines(self._text)
        return self._lines

    @property
    def marks(self) -> dict:
        """Line marks, read on first use (a clean file is loaded without them)."""
        if self._marks is None:
            data, marks, _ = read_yaml(self._text, self.path)
            if isinstance(data, dict):   # with the marks of what the story-first forms make
                normalize(data, marks, self.path, self.lines)
            self._marks = marks
        return self._marks

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity != ERROR]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings are fine)."""
        return not self.errors

    def format(self) -> str:
        """The diagnostics, each with its source line, as a terminal would show them (at
        most `PER_CODE` of each code: see `format_all`)."""
        return format_all(self.diagnostics, lambda d: self.lines)


def load_text(text: str, path: str) -> Loaded:
    """Load a level from its YAML text; `path` is only used in messages."""
    lines = None   # only needed to word problems: a clean file is never split into lines
    with gc_paused():  # see there: no collection walks what loading builds
        # Any problem found on this first, unmarked pass is found again below, with marks
        # and lines; so it needs no lines of its own.
        level, diagnostics, marks = _load(text, path, [], with_marks=False)
        if diagnostics and not _unreadable_yaml(diagnostics):
            # read again with marks, so every problem has its line (one that stopped the
            # YAML reader has its line already: a 9 MB line is not read twice)
            lines = _lines(text)
            level, diagnostics, marks = _load(text, path, lines, with_marks=True)
    diagnostics.sort(key=lambda d: (d.line, d.column))
    if any(d.severity == ERROR for d in diagnostics):
        level = None
    return Loaded(path, level, diagnostics, lines, marks if diagnostics else None, text)


def load_level(path: str | Path) -> Loaded:
    """Load a level file (UTF-8). A missing or unreadable file gives a diagnostic."""
    name = str(path)
    try:
        raw = _read(Path(path))
    except OSError as exc:
        return Loaded(name, None, [_unreadable(name, exc)])
    if len(raw) > _MAX_BYTES:
        return Loaded(name, None, [error("E007", name, 1, 1, "this file is too big for a level",
                                         "split the level into smaller files")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Loaded(name, None, [_not_utf8(name, raw, exc)])
    return load_text(text, name)


def bundled_levels() -> list[Path]:
    """The level files that come with the game (`resources.BUNDLED_LEVELS`, those that are
    there), sorted by file name. Other files in the same folder are an author's."""
    from ..resources import BUNDLED_LEVELS, levels_dir

    return [p for p in (levels_dir() / name for name in sorted(BUNDLED_LEVELS)) if p.is_file()]


# ---------------------------------------------------------------- the steps

def _read(path: Path) -> bytes:
    """The file's bytes, at most one more than `_MAX_BYTES` (never a device or a pipe)."""
    if path.exists() and not path.is_dir() and not path.is_file():
        raise _NotAFile(str(path))
    with path.open("rb") as file:
        return file.read(_MAX_BYTES + 1)


def _lines(text: str) -> list[str]:
    """The text's lines, split where YAML counts lines (splitlines() is faster)."""
    if any(c in text for c in _NOT_YAML_BREAKS):
        return _LINE_BREAK.split(text)
    lines = text.splitlines()
    if text and text[-1] in "\n\r\x85\u2028\u2029":
        lines.append("")
    return lines


def _unreadable_yaml(diagnostics: list[Diagnostic]) -> bool:
    """Whether the YAML reader itself gave up (E001, E005-E008): nothing more to find."""
    return any(d.code in ("E001", "E005", "E006", "E007", "E008") for d in diagnostics)


def _load(text: str, path: str, lines: list[str],
          with_marks: bool) -> tuple[Level | None, list[Diagnostic], dict]:
    data, marks, diagnostics = read_yaml(text, path, marks=with_marks)
    if not isinstance(data, dict):
        if not any(d.severity == ERROR for d in diagnostics):
            diagnostics.append(_not_a_level(data, path))
        return None, diagnostics, marks
    wrong_format = _check_format(data, marks, path, lines)
    if wrong_format is not None:
        return None, diagnostics + [wrong_format], marks
    diagnostics += normalize(data, marks, path, lines)
    checked = validate(data, marks, path, lines, words=with_marks)
    diagnostics += checked.diagnostics
    if checked.level is not None:
        ctx = Context(checked.level, path, Names.of(data), checked.where,
                      complete=not checked.diagnostics, source=text)
        diagnostics += run_checks(ctx)
    return checked.level, diagnostics, marks


def _check_format(data: dict, marks: dict, path: str, lines: list[str]) -> Diagnostic | None:
    """E012 unless the file says a `format` this game reads."""
    versions = " or ".join(f"`format: {v}`" for v in FORMAT_VERSIONS)
    if "format" not in data:
        return error("E012", path, 1, 1, "this file does not say which level format it uses",
                     f"add the line {versions} at the top of the file")
    value = data["format"]
    if type(value) is int and value in FORMAT_VERSIONS:
        return None
    line, column = marks.get(("format",), (1, 1))
    newest = max(FORMAT_VERSIONS)
    if type(value) is not int:
        shown = written(value, (line, column), lines)
        message = ("`format` is empty" if value is None
                   else f"`format` must be a version number, not `{shown}`")
        return error("E012", path, line, column, message, f"write {versions}, without quotes")
    if value > newest:
        hint = (f"this game reads {versions}; a newer version of the game may read this file, "
                f"or write it again in format {newest}")
    else:
        hint = f"this game reads {versions}"
    return error("E012", path, line, column, f"this game cannot read level format {value}",
                 hint)


def _not_a_level(data: object, path: str) -> Diagnostic:
    if data is None:
        return error("E013", path, 1, 1, "this file is empty",
                     "a level starts with `format: 1`, then `id:`, `title:` and the rest")
    return error("E013", path, 1, 1, "a level must be a mapping of keys like `title: ...`, "
                 f"but this file is {'a list' if isinstance(data, list) else 'a single value'}",
                 "start the file with `format: 1` on its own line, with no `- ` before it")


class _NotAFile(OSError):
    """A device, a pipe or a socket: reading it could block or never end."""


def _unreadable(path: str, exc: OSError) -> Diagnostic:
    if isinstance(exc, _NotAFile):
        message, hint = "this is not a file (a device or a pipe?)", \
            "give the path of a level file (`.yaml`)"
    elif isinstance(exc, FileNotFoundError):
        message, hint = "there is no such file", "check the file name and the folder"
    elif isinstance(exc, IsADirectoryError):
        message, hint = "this is a folder, not a level file", "give the path of a `.yaml` file"
    elif isinstance(exc, PermissionError):
        message, hint = "this file cannot be opened (no permission)", \
            "check who may read the file"
    else:
        message, hint = f"this file cannot be read ({exc.strerror or exc})", \
            "give the path of a level file (`.yaml`) that is not locked by another program"
    return error("E011", path, 1, 1, message, hint)


def _not_utf8(path: str, raw: bytes, exc: UnicodeDecodeError) -> Diagnostic:
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
    return error("E011", path, line, column,
                 "this file is not saved as UTF-8 text (a byte here is not valid UTF-8)",
                 "save the file as UTF-8 in your editor (usually in 'Save as' or the status bar)")


