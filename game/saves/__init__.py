"""Saved games: an autosave after every choice (and its previous version kept as a backup),
three manual slots, each file written atomically and checked when read (the file itself, its
format and its checks, is `file.py`; resuming in a level that changed is `resume.py`;
what the player is told is `messages.py`; the chapters finished, kept across quits
(`campaign.json`), is `campaign.py`; atomic writing is `game/storage.py`, a leaf the
settings and the classroom exports use too). No pygame here.

Writing: a temp file in the same folder is written, flushed and fsynced, renamed over the
old file (`os.replace`), and the folder is fsynced, so a crash or a power cut leaves either the
old file or the new one, never half of one. Before the autosave is written, the current one
(if it reads) is renamed to `autosave.prev.json`: a damaged autosave always has a good one
behind it. A save this version cannot read is never written over: it is renamed
`autosave.unreadable-<time>.json` (see `Store.autosave`).

Reading never raises anything but `SaveError`, whose message is one plain line.
The folder is platformdirs' user data folder + `saves`; SINCERITY_DATA_DIR (or, if only it
is set, SINCERITY_CONFIG_DIR) overrides the user data folder (tests use them).
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .file import (LOG_KINDS, MAGIC, MAX_BYTES, MAX_STEP, SAVE_MIN_VERSION, SAVE_UPGRADES,
                   SAVE_VERSION, Payload, SaveError, SaveGame, checksum, decode, encode)
from .messages import (BAD_CHECKSUM, BAD_FIELD, BROKEN_CHARACTER, CAMPAIGN_LEFT_OUT,
                       CAMPAIGN_NOT_WRITTEN, CHANGED_RENAMED, CHANGED_RESTART, CHANGED_RULES,
                       CHANGED_RULES_RESTART, CHANGED_SAME_SCENE,
                       DOES_NOT_FIT, EMPTY, ENDING_GONE, LEVEL_HAS_PROBLEMS, MISSING, NEWER,
                       NEWER_STATE, NO_LEVEL, NO_PERMISSION, NOT_A_SAVE, NOT_FINISHED, NOT_JSON,
                       NOT_TEXT, OUT_OF_RANGE, RELATIVE_LEVEL, SAVING_OFF, SET_ASIDE,
                       SET_ASIDE_TITLE, TOO_BIG, UNREADABLE)
from .resume import Resumed, level_file_hash, level_hash, level_state, make_save, resume
from ..resources import user_data_dir
from ..storage import NotAFile, read_small, set_aside, write_atomic

AUTOSAVE = "autosave"
PREVIOUS = "autosave.prev"
SLOTS = ("slot1", "slot2", "slot3")
STALE_SECONDS = 60


# ---------------------------------------------------------------- files

def data_dir() -> Path:
    """platformdirs' user data folder; SINCERITY_DATA_DIR overrides it, and so does
    SINCERITY_CONFIG_DIR when only that is set (one folder for everything, as tests want)."""
    return user_data_dir()


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
        self.set_aside.append((set_aside(path, AUTOSAVE), problem))

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


__all__ = ["SaveError", "SaveGame", "Store", "Latest", "Resumed", "checksum", "decode",
           "encode", "level_file_hash", "level_hash", "level_state", "make_save",
           "read_file", "resume", "saves_dir", "write_atomic",
           # the file's format, from file.py
           "LOG_KINDS", "MAGIC", "MAX_BYTES", "MAX_STEP", "SAVE_MIN_VERSION", "SAVE_UPGRADES",
           "SAVE_VERSION", "Payload",
           # what the player is told, from messages.py
           "BAD_CHECKSUM", "BAD_FIELD", "BROKEN_CHARACTER", "CAMPAIGN_LEFT_OUT",
           "CAMPAIGN_NOT_WRITTEN", "CHANGED_RENAMED", "CHANGED_RESTART", "CHANGED_RULES",
           "CHANGED_RULES_RESTART", "CHANGED_SAME_SCENE",
           "DOES_NOT_FIT", "EMPTY", "ENDING_GONE", "LEVEL_HAS_PROBLEMS", "MISSING",
           "NEWER", "NEWER_STATE", "NO_LEVEL", "NO_PERMISSION", "NOT_A_SAVE", "NOT_FINISHED",
           "NOT_JSON",
           "NOT_TEXT", "OUT_OF_RANGE", "RELATIVE_LEVEL", "SAVING_OFF", "SET_ASIDE",
           "SET_ASIDE_TITLE", "TOO_BIG", "UNREADABLE"]
