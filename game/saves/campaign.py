"""The chapters finished in the window, kept across quits: `campaign.json` in the saves
folder. A class that plays Day Zero and The Pilot City in one lesson and Sesame in the next
still has Day Zero's unscored answers compared, still has later chapters remember how earlier
ones ended (`State.memory`), and is still offered the finale. No pygame here; the window's
glue (when it is read and written, and never in kiosk mode) is `game.ui.saving`.

The file is

    {"sincerity_campaign": 1, "chapters": [<a save file's JSON>, ...]}

with one saved game per chapter (its newest finished state, without the history log), the
newest last. Each is checked as a save file is (`file.py`: checksum, versions, types), so a
damaged one is left out, with one line, and the others are kept. Whether a state still fits
its chapter, which may have changed, is decided as for any save (`resume.py`), by the caller.

Written atomically (`write_atomic`). A file holding anything this version cannot read
(damaged, or from a newer version) is never written over: it is renamed
`campaign.unreadable-<time>.json` first (`set_aside`), and the new file keeps what did read.
Reading never raises.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from ..storage import read_small, set_aside, write_atomic
from .file import MAX_BYTES, SaveError, SaveGame, as_document, from_document
from .messages import (CAMPAIGN_LEFT_OUT, CAMPAIGN_NOT_USED, CAMPAIGN_SET_ASIDE, NEWER_CAMPAIGN,
                       NOT_A_CAMPAIGN, NOT_JSON, NOT_TEXT, TOO_BIG, UNREADABLE)

CAMPAIGN = "campaign"            # the file's name in the saves folder, without `.json`
MAGIC = "sincerity_campaign"
VERSION = 1
MAX_CHAPTERS = 100               # far more than a campaign has


@dataclass(frozen=True)
class Finished:
    """What `campaign.json` holds that this version can read."""
    saves: tuple[SaveGame, ...] = ()   # one per chapter, the newest last
    left_out: tuple[str, ...] = ()     # one line for the file, or for each chapter, left out

    @property
    def keep_aside(self) -> bool:
        """Whether the file holds what this version cannot read (set it aside, do not write
        over it)."""
        return bool(self.left_out)


def path_in(folder: Path) -> Path:
    return folder / f"{CAMPAIGN}.json"


def read(folder: Path) -> Finished:
    """The finished chapters kept in `folder` (none if there is no file)."""
    path = path_in(folder)
    try:
        raw = read_small(path, MAX_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return Finished()
    except OSError as exc:              # a folder or a FIFO where the file should be, too
        return _unused(path, UNREADABLE.format(why=exc.strerror or exc))
    if len(raw) > MAX_BYTES:
        return _unused(path, TOO_BIG)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _unused(path, NOT_TEXT)
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return _unused(path, NOT_JSON)
    return _chapters(path, document)


def _chapters(path: Path, document) -> Finished:
    if not isinstance(document, dict) or MAGIC not in document:
        return _unused(path, NOT_A_CAMPAIGN)
    version, chapters = document[MAGIC], document.get("chapters")
    if type(version) is int and version > VERSION:
        return _unused(path, NEWER_CAMPAIGN.format(version=version, ours=VERSION))
    if type(version) is not int or not isinstance(chapters, list) or not (
            len(chapters) <= MAX_CHAPTERS):
        return _unused(path, NOT_A_CAMPAIGN)
    saves: dict[str, SaveGame] = {}
    left_out = []
    for number, entry in enumerate(chapters, 1):
        try:
            save = from_document(entry)
        except SaveError as exc:
            left_out.append(CAMPAIGN_LEFT_OUT.format(which=f"number {number}", path=path,
                                                     problem=exc))
            continue
        saves.pop(save.level_id, None)      # the newest of a chapter counts, in its place
        saves[save.level_id] = save
    return Finished(tuple(saves.values()), tuple(left_out))


def _unused(path: Path, problem: str) -> Finished:
    return Finished(left_out=(CAMPAIGN_NOT_USED.format(path=path, problem=problem),))


def add(folder: Path, save: SaveGame) -> list[str]:
    """Keep `save`, a finished chapter, in place of that chapter's older one (newest last),
    with every other chapter the file holds; lines for the log (a file set aside). Raises
    OSError if it cannot be written, and then the old file is as it was."""
    path = path_in(folder)
    found = read(folder)
    lines = []
    if found.keep_aside and os.path.lexists(path):
        aside = set_aside(path, CAMPAIGN)
        lines.append(CAMPAIGN_SET_ASIDE.format(path=path, name=aside.name))
    kept = [s for s in found.saves if s.level_id != save.level_id] + [replace(save, log=())]
    document = {MAGIC: VERSION, "chapters": [as_document(s) for s in kept[-MAX_CHAPTERS:]]}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return lines
