"""Saved games: an autosave after every choice (and its previous version kept as a backup),
three manual slots, each file written atomically and checked when read.

No pygame here, and no code is ever run from a save: a save is JSON, read with `json.loads`
and checked field by field. A save file is

    {"sincerity_save": 1, "checksum": "<sha256 of the payload>", "payload": {...}}

where the checksum is the SHA-256 of the payload written as canonical JSON (sorted keys, no
spaces, UTF-8) and the payload holds the format version, the level's id and content hash
(SHA-256 of the level file's text), the chapter's title, the time, the engine's state as the
exact JSON text `State.to_json` gave, a short summary for the slot list (the score only as the
ruleset's legibility lets the player see it) and the history log.

Writing: a temp file in the same folder is written, flushed and fsynced, renamed over the
old file (`os.replace`), and the folder is fsynced, so a crash or a power cut leaves either the
old file or the new one, never half of one. Before the autosave is written, the current one
(if it reads) is renamed to `autosave.prev.json`: a damaged autosave always has a good one
behind it. A save this version cannot read is never written over: it is renamed
`autosave.unreadable-<time>.json` (see `Store.autosave`).

Reading never raises anything but `SaveError`, whose message is one plain line. The checksum
has no key (it catches damage, not forgery), so `game.resume` checks every value of a save
against its level before the game resumes it.
The folder is platformdirs' user data folder + `saves`; SINCERITY_DATA_DIR (or, if only it
is set, SINCERITY_CONFIG_DIR) overrides the user data folder (tests use them).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .storage import NotAFile, read_small, write_atomic

SAVE_VERSION = 1
MAGIC = "sincerity_save"
MAX_BYTES = 8 * 1024 * 1024          # a save of a long chapter is a few hundred kilobytes
AUTOSAVE = "autosave"
PREVIOUS = "autosave.prev"
SLOTS = ("slot1", "slot2", "slot3")
STALE_SECONDS = 60
MAX_STEP = 1_000_000                  # choices in one chapter: far more than any level has
LOG_KINDS = ("scene", "choice", "reply", "score", "notice", "ending")

# ---- what the player is told (one line each; the window and the terminal both use them)
MISSING = "there is no saved game here"
UNREADABLE = "the saved game cannot be opened ({why})"
NO_PERMISSION = "the saved game cannot be opened (no permission to read it)"
TOO_BIG = "this file is far too big to be a saved game"
NOT_TEXT = "this file is not a saved game (it is not text)"
BROKEN_CHARACTER = "the saved game is damaged (it holds half of a character)"
NOT_JSON = "the saved game is damaged (it was cut short or changed)"
EMPTY = "the saved game is empty (it was never finished)"
NOT_A_SAVE = "this file is not a Sincerity saved game"
NEWER = ("this game was saved by a newer version of Sincerity (save format {version}); "
         "this version reads format {ours}")
BAD_CHECKSUM = "the saved game is damaged (its checksum does not match)"
BAD_FIELD = "the saved game is damaged (`{name}` is missing or has the wrong type)"
OUT_OF_RANGE = "the saved game is damaged (`{name}` is out of range)"
NO_LEVEL = "the chapter of this saved game (`{id}`) is not installed"
LEVEL_HAS_PROBLEMS = ("the chapter of this saved game has problems: see them with "
                      "`python -m game validate {path}`")
RELATIVE_LEVEL = ("this saved game gives its chapter as `{path}`, a path relative to the folder "
                  "the game was started from: start the game from that folder to continue it")
DOES_NOT_FIT = "the saved game does not fit its chapter any more ({why})"
CHANGED_SAME_SCENE = "This chapter has changed since you saved; you resume at the same scene."
CHANGED_RENAMED = ("This chapter has changed since you saved; your scene was renamed and you "
                   "resume there.")
CHANGED_RESTART = ("This chapter has changed since you saved and your scene is gone: you start "
                   "the chapter again, with your score and flags kept.")
SAVING_OFF = "Saving is off: {why}"
SET_ASIDE_TITLE = "Your old autosave was kept"
SET_ASIDE = ("It cannot be used: {problem}. It was renamed {name} in the saves folder, and "
             "a new autosave was started.")


class SaveError(ValueError):
    """A saved game that cannot be read or resumed; the message is one plain line."""


@dataclass(frozen=True)
class SaveGame:
    """One saved game, as it is written and read."""
    level_id: str
    level_hash: str
    chapter: str                 # the chapter's title, for the slot list
    state: str                   # `State.to_json()`, exactly
    saved_at: str = ""           # ISO 8601, local time with its offset
    level_path: str = ""         # where the level file was (for levels outside levels/)
    scene: str = ""              # the scene's (or ending's) title, for the slot list
    score: str = ""              # the score as the player may see it ("" when hidden)
    step: int = 0
    finished: bool = False
    log: tuple[tuple[str, str, str], ...] = ()
    version: int = SAVE_VERSION

    def payload(self) -> dict:
        return {"version": self.version, "saved_at": self.saved_at,
                "level": {"id": self.level_id, "hash": self.level_hash, "title": self.chapter,
                          "path": self.level_path},
                "summary": {"scene": self.scene, "score": self.score, "step": self.step,
                            "finished": self.finished},
                "state": self.state, "log": [list(entry) for entry in self.log]}

    @property
    def time(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.saved_at)
        except ValueError:
            return None


# ---------------------------------------------------------------- encoding

def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def checksum(payload: dict) -> str:
    return hashlib.sha256(_canonical(payload)).hexdigest()


def encode(save: SaveGame) -> bytes:
    payload = save.payload()
    document = {MAGIC: SAVE_VERSION, "checksum": checksum(payload), "payload": payload}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def decode(raw: bytes) -> SaveGame:
    """A save from a file's bytes; SaveError (one line) if it is not a good one, and never
    any other error: whatever a file holds, reading it is a save or a SaveError."""
    try:
        return _decode(raw)
    except SaveError:
        raise
    except Exception:  # noqa: BLE001 - a file nobody checked never crashes the game
        raise SaveError(NOT_A_SAVE) from None


def _decode(raw: bytes) -> SaveGame:
    if len(raw) > MAX_BYTES:
        raise SaveError(TOO_BIG)
    if not raw.strip():
        raise SaveError(EMPTY)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(NOT_TEXT) from None
    if "\x00" in text:
        raise SaveError(NOT_TEXT)
    try:
        document = json.loads(text)
    except RecursionError:
        raise SaveError(NOT_A_SAVE) from None
    except ValueError:
        raise SaveError(NOT_JSON) from None
    return _from_document(document)


def _from_document(document) -> SaveGame:
    if not isinstance(document, dict) or MAGIC not in document:
        raise SaveError(NOT_A_SAVE)
    payload = document.get("payload")
    version = payload.get("version") if isinstance(payload, dict) else None
    outer = document[MAGIC]
    for v in (outer, version):
        if type(v) is int and v > SAVE_VERSION:
            raise SaveError(NEWER.format(version=v, ours=SAVE_VERSION))
    if type(outer) is not int or not isinstance(payload, dict):
        raise SaveError(NOT_A_SAVE)
    try:
        digest = checksum(payload)
    except UnicodeEncodeError:      # a JSON escape like \ud800: half a character, not text
        raise SaveError(BROKEN_CHARACTER) from None
    if document.get("checksum") != digest:
        raise SaveError(BAD_CHECKSUM)
    if version != SAVE_VERSION:
        raise SaveError(BAD_FIELD.format(name="version"))
    return _from_payload(payload)


def _get(data, name: str, kind):
    value = data.get(name) if isinstance(data, dict) else None
    if type(value) is not kind:
        raise SaveError(BAD_FIELD.format(name=name))
    return value


def _from_payload(p: dict) -> SaveGame:
    level, summary = p.get("level"), p.get("summary")
    log = _get(p, "log", list)
    entries = []
    for entry in log:
        if not (isinstance(entry, list) and len(entry) == 3 and
                all(type(x) is str for x in entry) and entry[0] in LOG_KINDS):
            raise SaveError(BAD_FIELD.format(name="log"))
        entries.append(tuple(entry))
    return SaveGame(level_id=_get(level, "id", str), level_hash=_get(level, "hash", str),
                    chapter=_get(level, "title", str), level_path=_get(level, "path", str),
                    state=_get(p, "state", str), saved_at=_get(p, "saved_at", str),
                    scene=_get(summary, "scene", str), score=_get(summary, "score", str),
                    step=_step(summary), finished=_get(summary, "finished", bool),
                    log=tuple(entries))


def _step(summary) -> int:
    step = _get(summary, "step", int)
    if not 0 <= step <= MAX_STEP:
        raise SaveError(OUT_OF_RANGE.format(name="step"))
    return step


# ---------------------------------------------------------------- files

def data_dir() -> Path:
    """platformdirs' user data folder; SINCERITY_DATA_DIR overrides it, and so does
    SINCERITY_CONFIG_DIR when only that is set (one folder for everything, as tests want)."""
    override = os.environ.get("SINCERITY_DATA_DIR") or os.environ.get("SINCERITY_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_data_dir("sincerity"))


def saves_dir() -> Path:
    return data_dir() / "saves"


def read_file(path: Path) -> SaveGame:
    """Read and check one save file; SaveError with one plain line if it cannot be used."""
    try:
        raw = read_small(path, MAX_BYTES)
    except NotAFile:
        raise SaveError(NOT_A_SAVE) from None
    except (FileNotFoundError, NotADirectoryError):
        raise SaveError(MISSING) from None
    except PermissionError:
        raise SaveError(NO_PERMISSION) from None
    except OSError as exc:
        raise SaveError(UNREADABLE.format(why=exc.strerror or exc)) from None
    return decode(raw)


@dataclass
class Latest:
    """What "Continue" can offer: the autosave, or the reason it is bad and the one before."""
    save: SaveGame | None = None
    problem: str | None = None         # why the autosave cannot be used (None if it can)
    previous: SaveGame | None = None   # the previous autosave, when the latest is bad


@dataclass
class Store:
    """The saves folder. `folder=None` is a store that saves nothing (and says nothing:
    tests and screenshots use it). After a failed write, `off` says why saving is off."""
    folder: Path | None
    off: str | None = None
    set_aside: list[tuple[Path, str]] = field(default_factory=list)   # (new name, why)
    _checked: bool = field(default=False, repr=False)
    _known: dict = field(default_factory=dict, repr=False)   # name -> signature, known good

    @classmethod
    def default(cls) -> Store:
        return cls(saves_dir())

    @property
    def enabled(self) -> bool:
        return self.folder is not None and self.off is None

    def path(self, name: str) -> Path:
        if name not in (AUTOSAVE, PREVIOUS, *SLOTS):
            raise ValueError(f"no save called {name!r}")
        if self.folder is None:
            raise ValueError("this store saves nothing (it has no folder)")
        return self.folder / f"{name}.json"

    def check(self) -> str | None:
        """Whether the folder can be written (a probe file is written and removed); the
        reason saving is off, or None."""
        if self.folder is None or self._checked:
            return self.off
        self._checked = True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._sweep(self.folder)
            fd, tmp = tempfile.mkstemp(prefix=".probe-", suffix=".tmp", dir=self.folder)
            try:
                os.write(fd, b"ok")
            finally:
                os.close(fd)
                os.unlink(tmp)
        except OSError as exc:
            self.off = _why(exc)
        return self.off

    def _sweep(self, folder: Path) -> None:
        """Remove temp files a crash left behind (older than a minute: not being written)."""
        import time
        for tmp in folder.glob(".*.tmp"):
            try:
                if time.time() - tmp.stat().st_mtime > STALE_SECONDS:
                    tmp.unlink()
            except OSError:
                pass

    # ---- writing
    def write(self, name: str, save: SaveGame) -> bool:
        """Write a save; False (and `off` set) if it could not be written."""
        if self.folder is None or self.check() is not None:
            return False
        try:
            write_atomic(self.path(name), encode(save))
        except OSError as exc:
            self.off = _why(exc)
            return False
        self._known[name] = _signature(self.path(name))
        return True

    def autosave(self, save: SaveGame) -> bool:
        """Keep the current autosave as the previous one, then write. A file this version
        cannot read (damaged, or from a newer version) is never written over: it is moved
        aside (`autosave.unreadable-<time>.json`) and `set_aside` says so once."""
        if self.folder is None or self.check() is not None:
            return False
        try:
            self._rotate()
        except OSError as exc:
            self.off = _why(exc)
            return False
        return self.write(AUTOSAVE, save)

    def _rotate(self) -> None:
        current, previous = self.path(AUTOSAVE), self.path(PREVIOUS)
        problem = self._problem(AUTOSAVE)
        if problem == MISSING:
            return
        if problem is not None:          # keep the good previous one as it is
            self._set_aside(current, problem)
            return
        problem = self._problem(PREVIOUS)
        if problem not in (None, MISSING):
            self._set_aside(previous, problem)
        os.replace(current, previous)
        self._known[PREVIOUS] = self._known.pop(AUTOSAVE, None)

    def _problem(self, name: str) -> str | None:
        """Why this save cannot be read (None: it reads). A file this store wrote or read
        and that has not changed since is not read again."""
        path = self.path(name)
        seen = _signature(path)
        if seen is not None and self._known.get(name) == seen:
            return None
        try:
            read_file(path)
        except SaveError as exc:
            return str(exc)
        self._known[name] = seen
        return None

    def _set_aside(self, path: Path, problem: str) -> None:
        """Rename a file that cannot be read to a name no save uses; never over anything."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for n in range(1, 1000):
            suffix = f"-{n}" if n > 1 else ""
            aside = path.with_name(f"{AUTOSAVE}.unreadable-{stamp}{suffix}.json")
            if not os.path.lexists(aside):
                os.replace(path, aside)
                self.set_aside.append((aside, problem))
                return
        raise OSError(f"too many unreadable autosaves in {path.parent}")

    # ---- reading
    def read(self, name: str) -> SaveGame:
        if self.folder is None:
            raise SaveError(MISSING)
        return read_file(self.path(name))

    def latest(self) -> Latest:
        """The autosave; if it cannot be used, why, and the previous one if that reads."""
        try:
            return Latest(self.read(AUTOSAVE))
        except SaveError as exc:
            problem = str(exc)
        try:
            previous = self.read(PREVIOUS)
        except SaveError:
            previous = None
        if problem == MISSING:   # no autosave, or a crash between rotating and writing
            return Latest(previous)
        return Latest(None, problem, previous)

    def slots(self) -> list[tuple[str, SaveGame | None, str | None]]:
        """(name, save or None, problem or None) for each manual slot."""
        out: list[tuple[str, SaveGame | None, str | None]] = []
        for name in SLOTS:
            try:
                out.append((name, self.read(name), None))
            except SaveError as exc:
                problem = None if str(exc) == MISSING else str(exc)
                out.append((name, None, problem))
        return out


def _signature(path: Path):
    """What tells one version of a file from another (a rename gives a new inode)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _why(exc: OSError) -> str:
    import errno
    if isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES):
        return "the saves folder cannot be written"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return f"the saves folder cannot be written ({exc.strerror or exc})"


# the rest lives in game.resume (imported last: it uses the names above)
from .resume import (Resumed, level_file_hash, level_hash, level_state,  # noqa: E402
                     make_save, resume)

__all__ = ["SaveError", "SaveGame", "Store", "Latest", "Resumed", "checksum", "decode",
           "encode", "level_file_hash", "level_hash", "level_state", "make_save",
           "read_file", "resume", "saves_dir", "write_atomic"]
