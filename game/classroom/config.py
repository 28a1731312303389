"""The classroom file (`classroom.yaml`): what a teacher sets for a lesson in kiosk mode.

Read with the same safe YAML reader as a level (`game.content.yamlsafe.read_yaml`: no code,
no alias bombs, a line and column for every value), validated by the pydantic model
`Classroom` (`extra="forbid"`), then cross-checked against the chapters it names. Every
problem is a `Diagnostic` (`path:line:col: error[C1xx]: message` and a hint); the codes are
explained in `game.content.classroom_codes` and docs/TEACHERS.md. Nothing here raises on
bad input.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..content.diagnostics import Diagnostic, did_you_mean, error, format_all
from ..content.yamlsafe import KEY_MARK, find_mark, read_yaml
from .chapters import find_level, is_scored_level, known_ids, scored_levels, shared_personas
from .kiosk import ExitKeysError, parse_exit_keys

Assign = Literal["chosen", "random", "alternating"]
LegibilityChoice = Literal["as_ruleset", "exact", "stars", "direction_hidden", "delayed", "hidden"]
LANGUAGES = ("en",)
MAX_BYTES = 256 * 1024


class Classroom(BaseModel):
    """A lesson's settings. Every field's description is the teachers' reference."""
    # strict: `"yes"` or `"20"` in quotes is text, not `true` or a number.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    format: Literal[1] = Field(description="The classroom file format. Write `format: 1`.")
    name: str = Field("", max_length=80, description="The lesson's name, shown on the "
                      "waiting screen (no student names here).")
    chapters: list[str] = Field(min_length=1, max_length=6, description="Level ids (see "
                                "`python -m game levels`) or level files, in playing order.")
    counterbalance: bool = Field(False, description="Half the class plays the scored chapter "
                                 "first and the unscored one after (needs one of each).")
    persona: Assign = Field("chosen", description="How each student gets a persona: `chosen` "
                            "(they pick), `random`, or `alternating` (one then the other).")
    personas: list[str] | None = Field(None, description="Only these personas (default: "
                                       "every persona the chapters share).")
    ruleset: str | None = Field(None, description="A ruleset id of the scored chapter, "
                                "`chosen`, `random`, or `both` (the scored chapter once "
                                "under each ruleset, in turn; default: the chapter's first).")
    legibility: LegibilityChoice = Field("as_ruleset", description="How much of the score "
                                         "students see in scored chapters (default: as the "
                                         "ruleset says).")
    time_limit_minutes: int | None = Field(None, ge=5, le=240, description="Minutes of play "
                                           "before the debrief opens (default: no limit).")
    warning_minutes: int = Field(2, ge=1, le=30, description="A warning this many minutes "
                                 "before the time limit.")
    idle_minutes: int = Field(3, ge=1, le=60, description="After this many minutes without "
                              "input, 'Still playing?'; 30 seconds later the session ends.")
    export_folder: str = Field(description="Where session files go, relative to this file.")
    printable: bool = Field(True, description="Also write a one-page printable debrief "
                            "(HTML) per student.")
    answers: bool = Field(True, description="Let students type short debrief answers (kept "
                          "only if they tick 'include my answers').")
    language: str = Field("en", description="Language of the prompts. Only `en` exists.")
    exit_keys: str = Field("ctrl+shift+q", description="The teacher's key combination that "
                           "leaves kiosk mode.")
    content_note: str | None = Field(None, max_length=1200, description="Replace the content "
                                     "note shown before play.")
    seed: int | None = Field(None, ge=0, le=2**31 - 1, description="The same luck for every "
                             "student (default: each student gets their own).")
    questions: Literal["standard"] | list[str] | None = Field(
        None, description="Short questions before play and again after the debrief: "
        "`standard` (the bank's five) or a list of their ids (default: none).")


@dataclass
class LoadedClassroom:
    """A classroom file after loading: the settings (None if it has errors), its chapters'
    levels in file order, and every problem."""
    path: str
    config: Classroom | None
    levels: list = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.config is not None and not self.diagnostics

    def format(self) -> str:
        return format_all(self.diagnostics, lambda d: self.lines)

    @property
    def export_dir(self) -> Path:
        """The export folder, relative to the classroom file."""
        folder = Path(os.path.expanduser(self.config.export_folder))
        return folder if folder.is_absolute() else Path(self.path).resolve().parent / folder


def load_classroom(path: str | Path, levels: dict | None = None) -> LoadedClassroom:
    """Read and check a classroom file. `levels` maps level ids to `Level`s (default: the
    bundled levels, and level files relative to the classroom file)."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()[:MAX_BYTES + 1]
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return LoadedClassroom(name, None, diagnostics=[error(
            "E011", name, 1, 1, f"this classroom file cannot be read ({_why(exc)})",
            "give the path of a classroom file saved as UTF-8 text, e.g. classroom.yaml")])
    if len(raw) > MAX_BYTES:
        return LoadedClassroom(name, None, diagnostics=[error(
            "E007", name, 1, 1, "this file is far too big for a classroom file",
            "a classroom file is a few lines: see docs/classroom.example.yaml")])
    return load_classroom_text(text, name, levels)


def load_classroom_text(text: str, path: str, levels: dict | None = None) -> LoadedClassroom:
    lines = text.splitlines()
    data, marks, diagnostics = read_yaml(text, path)
    if any(d.severity == "error" for d in diagnostics) or not isinstance(data, dict):
        if not diagnostics:
            diagnostics = [_not_a_mapping(data, path)]
        return LoadedClassroom(path, None, [], diagnostics, lines)
    found: list[Diagnostic] = []
    skip: set[str] = set()
    try:
        config = Classroom.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        found = [_diagnostic(e, marks, path) for e in errors]
        config, skip = _partial(data, errors)
    loaded = LoadedClassroom(path, config, [], [], lines)
    if config is not None:   # check the rest too: every problem of the file at once
        found += _Checks(loaded, marks, levels, skip).run()
    loaded.diagnostics = _sorted(found)
    if loaded.diagnostics:
        loaded.config = None
    return loaded


_STAND_INS = {"format": 1, "chapters": ["-"], "export_folder": "-"}


def _partial(data: dict, errors: list[dict]) -> tuple[Classroom | None, set[str]]:
    """The file's valid keys, with stand-ins for the broken or missing ones (whose checks
    are then skipped), so the cross-checks can still look at the rest."""
    bad = {str(e["loc"][0]) for e in errors if e["loc"]}
    kept = {k: v for k, v in data.items() if k not in bad and k in Classroom.model_fields}
    skip = bad | {k for k in _STAND_INS if k not in kept}
    try:
        return Classroom.model_validate(_STAND_INS | kept), skip
    except ValidationError:
        return None, skip


def _unwritable(folder: Path) -> str:
    """Why no file can be written in `folder`, or "" when one can: the folder is made if
    missing and a file is really written, since permissions alone do not say (root,
    /proc...). Then the file, and the folders made for it, are removed again: checking
    leaves nothing behind (the kiosk makes the folder when it saves the first session)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".sincerity-check-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except PermissionError:
        return "no permission to write there"
    except OSError as exc:
        return f"a test file could not be written there: {exc.strerror or exc}"
    finally:
        for made in missing:   # deepest first
            with contextlib.suppress(OSError):
                made.rmdir()
    return ""


def _why(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "there is no such file"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder"
    if isinstance(exc, UnicodeDecodeError):
        return "it is not UTF-8 text"
    return getattr(exc, "strerror", None) or str(exc)


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.line, d.column, d.code))


def _not_a_mapping(data, path: str) -> Diagnostic:
    what = "empty" if data is None else ("a list" if isinstance(data, list) else "one value")
    return error("C100", path, 1, 1, f"a classroom file is a mapping of keys, but this one is "
                 f"{what}", "start with `format: 1`, then `chapters:` and `export_folder:` "
                 "(see docs/classroom.example.yaml)")


# ---------------------------------------------------------------- schema errors in words

_KINDS = {"int_type": "a whole number", "int_parsing": "a whole number",
          "int_from_float": "a whole number", "bool_type": "`true` or `false`",
          "bool_parsing": "`true` or `false`", "string_type": "text", "list_type": "a list"}
_RANGES = {"greater_than_equal": "at least {ge}", "less_than_equal": "at most {le}",
           "too_short": "at least {min_length} long", "too_long": "at most {max_length} long",
           "string_too_long": "at most {max_length} characters"}


def _diagnostic(err: dict, marks: dict, path: str) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    key = str(loc[0]) if loc else "the file"
    line, col = find_mark(marks, loc)
    if kind == "extra_forbidden":
        line, col = find_mark(marks, loc + (KEY_MARK,))
        hint = did_you_mean(key, Classroom.model_fields) or \
            "the keys are listed in docs/TEACHERS.md"
        return error("C101", path, line, col, f"unknown key `{key}`", hint)
    if kind == "missing":
        desc = Classroom.model_fields[key].description if key in Classroom.model_fields else ""
        return error("C102", path, 1, 1, f"`{key}` is missing", f"add `{key}: ...` ({desc})")
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        if key == "format" and isinstance(err.get("input"), str):
            return error("C103", path, line, col, "`format` must be the number 1, not text",
                         "write `format: 1`, without quotes")
        return error("C103", path, line, col, f"`{key}` cannot be `{err.get('input')}`",
                     f"write one of: {allowed}")
    if kind in _KINDS:
        where = f"`{key}`" if len(loc) == 1 else f"item {loc[1] + 1} of `{key}`"
        return error("C103", path, line, col, f"{where} should be {_KINDS[kind]}",
                     _kind_hint(kind))
    if kind in _RANGES:
        limit = _RANGES[kind].format(**err.get("ctx", {}))
        return error("C104", path, line, col, f"`{key}` must be {limit}",
                     "see the limits in docs/TEACHERS.md")
    return error("C103", path, line, col, f"`{key}` is not valid here",
                 "see docs/TEACHERS.md for what this key takes")


def _kind_hint(kind: str) -> str:
    if kind.startswith("int"):
        return "write a whole number such as 20, without quotes or units"
    if kind.startswith("bool"):
        return "write `true` or `false`, without quotes"
    if kind == "list_type":
        return "write a list in brackets: `[day_zero, pilot_city]`"
    return "write plain text"


# ---------------------------------------------------------------- cross-checks

class _Checks:
    """One `check_*` method per rule; each yields diagnostics."""

    def __init__(self, loaded: LoadedClassroom, marks: dict, levels: dict | None,
                 skip: set[str] = frozenset()):
        self.loaded, self.config, self.marks = loaded, loaded.config, marks
        self.path = loaded.path
        self.levels = levels
        self.skip = skip

    def at(self, *loc) -> tuple[int, int]:
        return find_mark(self.marks, loc)

    def run(self) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        checks = {"chapters": self.check_chapters, "personas": self.check_personas,
                  "ruleset": self.check_ruleset, "counterbalance": self.check_counterbalance,
                  "language": self.check_language, "exit_keys": self.check_exit_keys,
                  "warning_minutes": self.check_time, "export_folder": self.check_export_folder,
                  "questions": self.check_questions}
        for key, check in checks.items():
            if key not in self.skip and ("chapters" not in self.skip or key not in
                                         ("personas", "ruleset", "counterbalance")):
                found += list(check())
        return found

    def check_chapters(self):
        """C105, C106, C114: each chapter is known, playable and listed once."""
        seen = set()
        for i, ref in enumerate(self.config.chapters):
            line, col = self.at("chapters", i)
            if ref in seen:
                yield error("C114", self.path, line, col, f"`{ref}` is listed twice",
                            "list each chapter once")
                continue
            seen.add(ref)
            level, problem = find_level(ref, Path(self.path).resolve().parent, self.levels)
            if level is not None:
                self.loaded.levels.append(level)
            elif problem == "broken":
                yield error("C106", self.path, line, col, f"the chapter `{ref}` has errors and "
                            "cannot be played", f"run `python -m game validate {ref}`")
            else:
                known = known_ids(self.levels)
                hint = did_you_mean(ref, known) or f"the chapters are: {', '.join(known)}"
                yield error("C105", self.path, line, col, f"there is no chapter `{ref}`", hint)

    def _complete(self) -> bool:
        return len(self.loaded.levels) == len(set(self.config.chapters))

    def check_personas(self):
        """C107: the personas used exist in every chapter."""
        if not self.loaded.levels:
            return
        shared = shared_personas(self.loaded.levels)
        wanted = self.config.personas
        if wanted is None:
            if not shared:
                yield error("C107", self.path, *self.at("chapters"), "these chapters share no "
                            "persona, so a student cannot keep one from chapter to chapter",
                            "play chapters that share personas, e.g. day_zero and pilot_city")
            return
        for i, pid in enumerate(wanted):
            if pid not in shared:
                hint = did_you_mean(pid, shared) or f"the shared personas are: {', '.join(shared)}"
                yield error("C107", self.path, *self.at("personas", i),
                            f"the persona `{pid}` is not in every chapter", hint)
        if not wanted:
            yield error("C107", self.path, *self.at("personas"), "`personas` is empty",
                        "list at least one persona, or remove the line to allow all")

    def check_ruleset(self):
        """C108: the ruleset exists in a scored chapter (or is `chosen` / `random` / `both`);
        C115: `both` needs a scored chapter, each with two rulesets or more."""
        rid = self.config.ruleset
        if rid == "both" and self._complete():
            yield from self._check_both()
        if rid is None or rid in ("chosen", "random", "both") or not self.loaded.levels:
            return
        known = sorted({r for lv in scored_levels(self.loaded.levels) for r in lv.rulesets})
        if rid not in known:
            words = known + ["chosen", "random", "both"]
            hint = did_you_mean(rid, words) or f"write one of: {', '.join(words)}"
            yield error("C108", self.path, *self.at("ruleset"),
                        f"no scored chapter has a ruleset `{rid}`", hint)

    def _check_both(self):
        scored = scored_levels(self.loaded.levels)
        single = [lv.id for lv in scored if len(lv.rulesets) < 2]
        if not scored or single:
            why = (f"`{single[0]}` has only one ruleset" if single
                   else "none of these chapters is scored")
            yield error("C115", self.path, *self.at("ruleset"), f"`ruleset: both` plays "
                        f"the scored chapter under each of its rulesets, but {why}",
                        "play a scored chapter with two rulesets, such as pilot_city, or "
                        "name one ruleset")

    def check_counterbalance(self):
        """C109: counterbalancing needs one unscored and one scored chapter (or, with
        `ruleset: both`, may be one scored chapter alone: then the ruleset order)."""
        if not self.config.counterbalance or not self._complete():
            return
        levels = self.loaded.levels
        kinds = sorted(is_scored_level(lv) for lv in levels)
        if self.config.ruleset == "both" and kinds == [True]:
            return
        if len(levels) != 2 or kinds != [False, True]:
            yield error("C109", self.path, *self.at("counterbalance"),
                        "counterbalancing needs exactly two chapters: one unscored (like "
                        "day_zero) and one scored", "write `chapters: [day_zero, pilot_city]`, "
                        "or `counterbalance: false`")

    def check_language(self):
        """C110: only English exists so far."""
        if self.config.language not in LANGUAGES:
            yield error("C110", self.path, *self.at("language"),
                        f"the language `{self.config.language}` does not exist yet",
                        "only `en` (English) exists so far; remove the line or write `en`")

    def check_exit_keys(self):
        """C111: the teacher's exit keys are valid and hard to press by accident."""
        try:
            parse_exit_keys(self.config.exit_keys)
        except ExitKeysError as exc:
            yield error("C111", self.path, *self.at("exit_keys"), str(exc),
                        "write something like `ctrl+shift+q`")

    def check_time(self):
        """C112: the warning comes before the end."""
        limit = self.config.time_limit_minutes
        if limit is not None and self.config.warning_minutes >= limit:
            yield error("C112", self.path, *self.at("warning_minutes"),
                        f"the warning ({self.config.warning_minutes} min) is not shorter than "
                        f"the time limit ({limit} min)", "make `warning_minutes` smaller")

    def check_questions(self):
        """C116, C117: the question bank can be read and has every question named."""
        from .questions import check_wanted
        if self.config.questions is not None:
            yield from check_wanted(self.config.questions, self.path, self.at)

    def check_export_folder(self):
        """C113: the export folder is a folder the game can write in (created if missing), so
        that no student plays to the end and then loses the session record."""
        folder = self.loaded.export_dir
        if not self.config.export_folder.strip():
            problem = "`export_folder` is empty"
        elif folder.exists() and not folder.is_dir():
            problem = f"`{self.config.export_folder}` is a file, not a folder"
        else:
            problem = _unwritable(folder)
            if problem:
                problem = f"session files cannot be saved in `{folder}` ({problem})"
        if problem:
            yield error("C113", self.path, *self.at("export_folder"), problem,
                        "name a folder this computer lets you write in, e.g. `exports`; "
                        "it is created if needed")
