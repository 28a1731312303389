"""The story-first ways of writing a choice, turned into the one level model before it is
validated.

Every old level reads as before; these forms are new, and each reads as the long form would:

    choices:
      - Wait for the green light -> station          # a whole choice on one line
      - Take the slow bus -> finish                  # `-> finish` is `finish: true`
      - wait: Wait for the green light -> station    # the same, with its id written first
      - text: Cross on red -> station                # the mapping form, with more keys
        behaviour: jaywalk

- A choice's `id` may be left out: it is made from the first words of its text
  (`wait_for_the_green`), unique in the scene (`_2`, `_3`... in file order), the same every
  time. `compat` reports a choice whose id changed with its text, and `renamed:` maps it.
- ` -> target` at the end of the text says where the choice leads, when it has no `goto:`
  and no `finish:` (an old level's text is never read for an arrow).
- `id: text` (an id in lower case, as the first key) writes the id and the text on one line.

`normalize` rewrites the file's plain data in place into the long form, adds the marks
(line:column) of what it made, and returns a diagnostic for each new form written wrongly.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

from ..core.model import Choice
from .diagnostics import Diagnostic, error
from .yamlsafe import KEY_MARK, find_mark

FINISH = "finish"    # `-> finish` ends the level
#: A scene's or ending's `basis`, written as the key of its sources: `reported: [a, b]`.
BASES = ("reported", "extrapolated", "fiction")
SLUG_WORDS = 4       # words of the text an id is made from
_SLUG_READS = 400    # characters read for them (a text of megabytes is not read whole)
#: The keys of a choice in the long form.
CHOICE_KEYS = tuple(info.alias or name for name, info in Choice.model_fields.items())
_FIELDS = CHOICE_KEYS
_ARROW = re.compile(r"(?P<text>.*\S)\s+->\s*(?P<to>\S+)\s*", re.S)
_ID = re.compile(r"[a-z0-9_]+\Z")
_APOSTROPHES = str.maketrans("", "", "'\u2019")


def split_arrow(text: str) -> tuple[str, str | None]:
    """("Wait for the light", "station") for "Wait for the light -> station"; (text, None)
    when the text does not end with ` -> ` and one word."""
    found = _ARROW.fullmatch(text)
    if found is None:
        return text, None
    return found["text"], found["to"]


def slug(text: str) -> str:
    """The id made from a choice's text: its first words, lower case, joined by `_`."""
    text = text[:_SLUG_READS]
    plain = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)).lower()
    words = re.findall(r"[a-z0-9]+", plain.encode("ascii", "ignore").decode())
    if not words:   # a text in another script keeps its own letters
        words = re.findall(r"[^\W_]+", text.lower())
    return "_".join(words[:SLUG_WORDS]) or "choice"


def derived_ids(texts: list[str | None], explicit: set[str]) -> list[str]:
    """The ids of choices written without one (their texts, in file order), each unique in
    the scene: not one of the `explicit` ids, nor one made before it."""
    used, made = set(explicit), []
    for text in texts:
        base = slug(text) if isinstance(text, str) else "choice"
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}_{n}"
        used.add(name)
        made.append(name)
    return made


def normalize(data: dict, marks: dict, path: str, lines: list[str]) -> list[Diagnostic]:
    """Turn every choice written in a story-first form into the long form (in `data`), with
    marks for what was made; a diagnostic for each one written wrongly."""
    found: list[Diagnostic] = []
    for section in ("scenes", "endings"):
        parts = data.get(section)
        for pid, part in parts.items() if isinstance(parts, dict) else ():
            if not isinstance(part, dict):
                continue
            _basis(part, (section, pid), marks, path, found)
            if section == "scenes" and isinstance(part.get("choices"), list):
                _Choices((section, pid, "choices"), marks, path, lines,
                         found).read(part["choices"])
    return found


def _basis(part: dict, at: tuple, marks: dict, path: str, found: list[Diagnostic]) -> None:
    """`reported: [souchet2021]` is `basis: reported` with `sources: [souchet2021]`."""
    given = [b for b in BASES if b in part]
    if not given:
        return
    if len(given) > 1 or "basis" in part or "sources" in part:
        also = [f"`{k}:`" for k in ("basis", "sources", *BASES) if k in part]
        line, column = find_mark(marks, at + (given[-1], KEY_MARK))
        found.append(error(
            "E112", path, line, column,
            f"this says its basis more than once ({', '.join(also)})",
            f"write either `{given[0]}: [source, ...]`, or `basis: {given[0]}` with "
            "`sources: [source, ...]`, not both"))
        for key in given:
            del part[key]
        return
    basis = given[0]
    part["basis"], part["sources"] = basis, part.pop(basis)
    if part["sources"] is None:
        part["sources"] = []
    if marks:
        marks[at + ("basis",)] = find_mark(marks, at + (basis, KEY_MARK))
        for mark in [m for m in marks if m[:len(at) + 1] == at + (basis,)]:
            if mark[len(at) + 1:] != (KEY_MARK,):
                marks[at + ("sources",) + mark[len(at) + 1:]] = marks[mark]


class _Choices:
    """The choices of one scene, made long in place."""

    def __init__(self, at: tuple, marks: dict, path: str, lines: list[str],
                 found: list[Diagnostic]):
        self.at, self.marks, self.path, self.lines, self.found = at, marks, path, lines, found

    def read(self, items: list) -> None:
        for i, item in enumerate(items):
            if isinstance(item, str):
                items[i] = self._one_line(item, self.at + (i,))
            elif isinstance(item, dict):
                self._mapping(item, self.at + (i,))
        self._ids(items)

    # ---- the forms

    def _one_line(self, item: str, at: tuple) -> dict:
        text, to = split_arrow(item)
        if to is None:
            self._no_way_out(item, at)
            return {"text": item, FINISH: True}   # a stand-in: the problem is said once
        self._mark(at + ("text",), at)
        self._mark_target(at, to)
        return {"text": text, **_exit(to)}

    def _mapping(self, item: dict, at: tuple) -> None:
        if "id" not in item and "text" not in item:
            self._id_first(item, at)
        text = item.get("text")
        if isinstance(text, str) and "goto" not in item and FINISH not in item:
            text, to = split_arrow(text)
            if to is not None:
                item["text"] = text
                item.update(_exit(to))
                self._mark_target(at, to)

    def _id_first(self, item: dict, at: tuple) -> None:
        """`- wait: Wait for the light -> station`: the one key that is not a choice's is
        the id, and its value the text."""
        unknown = [k for k in item if k not in _FIELDS]
        if len(unknown) != 1 or not isinstance(unknown[0], str):
            return
        key = unknown[0]
        value = item[key]
        if _ID.match(key) and isinstance(value, str) and not _looks_like_a_field(key):
            del item[key]
            item["id"], item["text"] = key, value
            self._mark(at + ("id",), at + (key, KEY_MARK))
            self._mark(at + ("text",), at + (key,))
        elif not _ID.match(key) and (value is None or isinstance(value, str)) \
                and (" " in key.strip() or key[:1].isupper()) \
                and not _looks_like_a_field(key.lower()):
            self._text_read_as_key(key, value, at)
            del item[key]   # read from here on as the text it is: the problem is said once
            item["text"] = key if value is None else f"{key}: {value}"
            self._mark(at + ("text",), at)

    def _ids(self, items: list) -> None:
        """Give each choice written without an id the one made from its text."""
        explicit = {c["id"] for c in items if isinstance(c, dict) and isinstance(c.get("id"), str)}
        without = [i for i, c in enumerate(items) if isinstance(c, dict) and "id" not in c]
        made = derived_ids([items[i].get("text") for i in without], explicit)
        for i, name in zip(without, made):
            items[i]["id"] = name
            self._mark(self.at + (i, "id"), self.at + (i, "text"))

    # ---- problems

    def _no_way_out(self, item: str, at: tuple) -> None:
        line, column = self._where(at)
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if " #" in source[column - 1:]:
            hint = ("a ` #` starts a comment in YAML, so the rest of the line was left out: "
                    f"put the whole choice in double quotes: `- {_quoted(source[column - 1:])}`")
        elif item.rstrip().endswith("->"):
            hint = "write the id of a scene or ending after `->`"
        else:
            hint = (f"end it with ` -> ` and the scene or ending it leads to, like "
                    f"`- {item} -> next_scene`, or ` -> finish` to end the level")
        self.found.append(error("E110", self.path, line, column,
                                "this choice is written on one line, but it does not say "
                                "where it leads", hint))

    def _text_read_as_key(self, key: str, value: str | None, at: tuple) -> None:
        line, column = self._where(at + (key, KEY_MARK))
        whole = key if value is None else f"{key}: {value}"
        hint = f"put the whole choice in double quotes: `- {_quoted(whole)}`"
        if " " not in key.strip():
            hint += f"; or, if `{key}` is its id, write the id in lower case: `{key.lower()}`"
        self.found.append(error(
            "E111", self.path, line, column,
            f"this choice's text has `: ` in it, so YAML read `{key}` as a key", hint))

    # ---- marks

    def _where(self, at: tuple) -> tuple[int, int]:
        return find_mark(self.marks, at)

    def _mark(self, new: tuple, like: tuple) -> None:
        if self.marks:
            self.marks[new] = find_mark(self.marks, like)

    def _mark_target(self, at: tuple, to: str) -> None:
        """Mark the choice's `goto` (or `finish`) at the word after `->` on its line."""
        if not self.marks:
            return
        line, column = self._where(at + ("text",))
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        arrow = source.rfind("->")
        place = source.find(to, arrow) if arrow >= 0 else -1
        where = (line, place + 1) if place >= 0 else (line, column)
        self.marks[at + ("goto" if to != FINISH else FINISH,)] = where


def _quoted(text: str) -> str:
    """Text in YAML's double quotes."""
    return '"' + text.strip().replace("\\", "\\\\").replace('"', '\\"') + '"'


def _exit(to: str) -> dict:
    return {FINISH: True} if to == FINISH else {"goto": to}


def _looks_like_a_field(key: str) -> bool:
    """A key that is probably a misspelt choice key (`txt`, `behavior`), not an id."""
    return bool(difflib.get_close_matches(key, _FIELDS, n=1, cutoff=0.75))
