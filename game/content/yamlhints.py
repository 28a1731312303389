"""The YAML mistakes fiction writers make most, named for what they are.

When the YAML reader gives up (E001), its own words ("did not find expected key") point at
indentation. For the quoting traps of prose, the line itself says what went wrong:

- curly quotes (“…” or ‘…’), which YAML reads as letters, around text with `: ` in it;
- an apostrophe inside '…', which ends the text early (`'She's fine'`);
- a line that opens with quoted dialogue (`"Hello," she says.`): YAML takes the quoted
  part as the whole text and cannot read what follows it.

`named(line)` returns (column, message, hint) for the first of these it finds on a line (the
1-based column where the text opens), or None.

`colon_inside(line, column)` names the other one: a colon followed by a space in the middle
of a text (`text: She says: "Did..."`), which YAML reads as the start of a new key ("mapping
values are not allowed"). For a one-line choice the fix is quotes around the whole choice
(the game still reads the `->` inside them); for any other text, `>-`.

`comma_inside(line, column, key)` names a comma inside a value of the `{name: ..., icon: ...}`
short form: it ends the value, so the words after it became an unknown key.
"""
from __future__ import annotations

import re

CURLY = "\u201c\u201d\u2018\u2019"
# where a value can start: after `key: `, after `- `, or at the start of the line
_VALUE_START = re.compile(r"(?:^\s*-\s+|:\s+|^\s*)(?=[\"'\u201c\u2018])")
_GOOD_AFTER = "#,}]:"   # what may follow a closing quote (a comment, the next item, a key's `:`)
_FOLD = ("write the whole text under `>-` on the next lines, indented, where quotes, "
         "apostrophes and colons need nothing special")


def named(line: str) -> tuple[int, str, str] | None:
    """(column, message, hint) for a quoting mistake on this line, or None."""
    for found in _VALUE_START.finditer(line):
        start = found.end()
        if start >= len(line):
            continue
        quote = line[start]
        if quote in CURLY:
            if ": " not in line[start:]:
                continue   # curly quotes alone are just letters: only `: ` trips them
            return (start + 1, *_curly(line, start))
        close = _closing(line, start)
        if close is None:
            continue
        after = line[close + 1:].strip()
        if not after or after[0] in (_GOOD_AFTER if _in_flow(line[:start]) else "#:"):
            continue
        if quote == "'" and line[close - 1:close].isalpha() and line[close + 1:close + 2].isalpha():
            return (start + 1, *_apostrophe(line, start, close))
        return (start + 1, *_dialogue(line, start, close))
    return None


_KEY_THEN_VALUE = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*):\s+")


def colon_inside(line: str, column: int) -> tuple[str, str] | None:
    """(message, hint) when the `:` at 1-based `column` of `line` is a colon followed by a
    space inside a text, or None."""
    at = column - 1
    if not (0 <= at < len(line) and line[at] == ":" and line[at + 1:at + 2] in (" ", "")):
        return None
    key = _KEY_THEN_VALUE.match(line)
    if key is not None and line.index(":", key.start(3)) == at:
        return None     # the line's own key: a line indented too far, not a text
    words = line[key.end() if key else 0:at].split()
    after = f" (after `{' '.join(words[-2:])}`)" if words else ""
    message = (f"a colon followed by a space{after} in the middle of a text: "
               "YAML reads `: ` as the start of a new key")
    if key is None:   # the text began on a line above
        return message, ("write the key and `>-` alone on its line (like `text: >-`), and "
                         "the whole text on the lines below it, indented; under `>-` a `: ` "
                         "needs nothing special")
    value = line[key.end():].rstrip()
    if "->" in value:
        return message, ("put quotes around the whole choice, `->` and all (the game still "
                         "reads the `->` inside them): "
                         f"`{line[:key.end()].strip()} {_quote(value)}`")
    name = key.group(3)
    return message, (f"write `{name}: >-` with nothing after it, and the text on the next "
                     f"line, indented two more spaces than `{name}`; under `>-` a `: ` "
                     "needs nothing special")


_VALUE_BEFORE = re.compile(r"([A-Za-z_][\w-]*):\s+([^,{}\[\]:]+?)\s*$")


def comma_inside(line: str, column: int, key: str) -> tuple[str, str] | None:
    """(message, hint) when the unknown `key` at 1-based `column` of `line` came after a
    comma inside `{...}`, as the rest of the value before it, or None."""
    before = line[:max(0, column - 1)].rstrip()
    if not before.endswith(",") or not _in_flow(before):
        return None
    value = _VALUE_BEFORE.search(before[:-1])
    if value is None:
        return None
    name, words = value.group(1), f"{value.group(2)}, {key}"
    return (f"unknown key `{key}`: inside `{{...}}` a comma ends a value, so `{words}` was "
            f"read as `{name}: {value.group(2)}` and then a key `{key}`",
            f"put quotes around a value with a comma: `{name}: {_quote(words)}`")


def _quote(text: str) -> str:
    """Text in YAML quotes: double ones, or single ones when the text has a double quote."""
    if '"' not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _in_flow(before: str) -> bool:
    """Whether a value starting after `before` is inside a `{...}` or `[...]` (where a comma
    after it starts the next item)."""
    return before.count("{") + before.count("[") > before.count("}") + before.count("]")


def _closing(line: str, start: int) -> int | None:
    """Where the quoted text that opens at `start` closes on this line (None: it does not).
    In '…' a doubled '' is an apostrophe; in "…" a backslash escapes the next character."""
    quote, i = line[start], start + 1
    while i < len(line):
        c = line[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _curly(line: str, start: int) -> tuple[str, str]:
    shown = line[start:].strip()
    shown = shown if len(shown) <= 30 else shown[:29] + "…"
    return ("this text is in curly quotes (“ ” or ‘ ’), which YAML reads as ordinary letters, "
            f"not as quotes, so the `: ` inside `{shown}` looks like a new key",
            f"{_FOLD}; or use straight quotes (\"…\") around the whole text")


def _apostrophe(line: str, start: int, close: int) -> tuple[str, str]:
    word_start = close
    while word_start > start + 1 and line[word_start - 1].isalpha():
        word_start -= 1
    word_end = close + 1
    while word_end < len(line) and line[word_end].isalpha():
        word_end += 1
    word = line[word_start:word_end]
    doubled = word.replace("'", "''")
    return (f"the apostrophe in `{word}` ends the text that began with `'`, so YAML cannot "
            "read the rest of the line",
            f"inside '…' write each apostrophe twice (`{doubled}`), or put the text in "
            f"double quotes, or {_FOLD}")


def _dialogue(line: str, start: int, close: int) -> tuple[str, str]:
    quoted = line[start:close + 1]
    quoted = quoted if len(quoted) <= 30 else quoted[:29] + "…"
    return (f"this text starts with a quote, so YAML takes `{quoted}` as the whole text and "
            "cannot read what follows it",
            f"{_FOLD}; or put the whole text in single quotes: '\"Hello,\" she says.'")
