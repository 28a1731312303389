"""Writing files so that a crash never leaves half a file: the one place that does it.

Saves, settings and classroom exports all go through `write_atomic`: a temporary file in the
same folder, flushed and fsynced, renamed over the target, and the folder fsynced. After a
crash at any moment the target is either the old file or the new one, never a mix.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
