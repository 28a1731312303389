"""Saving a level from the studio: atomically (`storage.write_atomic`: a temporary file in
the same folder, flushed to the disk, then `os.replace`), so a crash or a full disk leaves
the old file or the new one, never half of one. The old file is first kept, as atomically,
in `LEVEL.yaml.bak` (the version before this save)."""
from __future__ import annotations

from pathlib import Path

from ..storage import write_atomic


def save_level(path: Path, text: str) -> Path | None:
    """Write `text` to `path`; the backup's path (None for a new file)."""
    backup = None
    if path.exists():
        backup = write_atomic(path.with_name(path.name + ".bak"), path.read_bytes())
    write_atomic(path, text)
    return backup
