"""Saving a level from the studio: atomically, with the old file kept.

The text goes to a temporary file in the same folder, is flushed to the disk, and then
replaces the level in one step (`os.replace`): a crash or a full disk leaves either the old
file or the new one, never half of one. Before that, the old file is copied to
`LEVEL.yaml.bak` (the version before this save)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def save_level(path: Path, text: str) -> Path | None:
    """Write `text` to `path`; the backup's path (None for a new file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = None
    if path.exists():
        backup = path.with_name(path.name + ".bak")
        shutil.copy2(path, backup)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return backup
