"""Writing files so that a crash never leaves half a file, and reading small files someone
else may have made: the one place that does each.

Saves, settings and classroom exports all go through `write_atomic`: a temporary file in the
same folder, flushed and fsynced, renamed over the target, and the folder fsynced. After a
crash at any moment the target is either the old file or the new one, never a mix.

Saves and settings are read with `read_small`, which never blocks and never reads more than
it was asked to: a FIFO, a device or a folder where the file should be (or a symlink to one)
is refused as soon as it is opened, before a byte is read.

A file of the game's own (the autosave, `campaign.json`) that this version cannot read is
never written over: `set_aside` renames it first, to a name no file of the game uses.
"""
from __future__ import annotations

import os
import stat
import tempfile
from datetime import datetime
from pathlib import Path


class NotAFile(OSError):
    """The path is there but is not a regular file (a folder, a FIFO, a device)."""


def read_small(path: Path, limit: int) -> bytes:
    """At most `limit + 1` bytes of a regular file (one more than `limit` says it is too big).
    Raises NotAFile for anything but a regular file, and OSError when it cannot be read; it
    never waits on a FIFO or reads a device without end."""
    try:
        with open(path, "rb", opener=_without_waiting) as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise NotAFile(f"{path} is not a file")
            return file.read(limit + 1)
    except IsADirectoryError:
        raise NotAFile(f"{path} is a folder") from None


def _without_waiting(path, flags: int) -> int:
    """Open without blocking: a FIFO with no writer opens at once (and is then refused)."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write `data` (text is written as UTF-8) to `path` atomically. Raises OSError, and then
    the old file, if any, is untouched."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        _usual_mode(tmp)
        with os.fdopen(fd, "wb") as out:
            out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    fsync_dir(path.parent)
    return path


def set_aside(path: Path, stem: str) -> Path:
    """Rename a file this version cannot read to `<stem>.unreadable-<time>.json`, a name no
    save uses, never over anything; the new path. Raises OSError."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        suffix = f"-{n}" if n > 1 else ""
        aside = path.with_name(f"{stem}.unreadable-{stamp}{suffix}.json")
        if not os.path.lexists(aside):
            os.replace(path, aside)
            return aside
    raise OSError(f"too many unreadable files called {stem} in {path.parent}")


def fsync_dir(folder: Path) -> None:
    """Make renames in `folder` durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _usual_mode(path) -> None:
    """mkstemp makes owner-only files; give the file the mode any new file would get."""
    mask = os.umask(0)
    os.umask(mask)
    try:
        os.chmod(path, 0o666 & ~mask)
    except OSError:
        pass


def _unlink(path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
