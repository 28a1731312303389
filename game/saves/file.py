"""The saved-game file: what it holds, how it is written and how it is checked when read.

A save is JSON, read with `json.loads` and checked value by value; no code is ever run from
one. A save file is

    {"sincerity_save": 1, "checksum": "<sha256 of the payload>", "payload": {...}}

where the checksum is the SHA-256 of the payload written as canonical JSON (sorted keys, no
spaces, UTF-8) and the payload holds the format version, the level's id and content hash
(SHA-256 of the level file's text), the chapter's title, the time, the engine's state as the
exact JSON text `State.to_json` gave, a short summary for the slot list (the score only as the
ruleset's legibility lets the player see it) and the history log. The `Payload` model says
which type each value has.

Versions: a payload of an older format is brought up to this one by `SAVE_UPGRADES` (empty
today), the state inside it by `game.core.state.STATE_UPGRADES`, each through
`game.core.upgrade`. A file or a state from a newer game is refused as such, so that the
game keeps it aside for the newer version and never writes over it.

Reading never raises anything but `SaveError`, whose message is one plain line. The checksum
has no key (it catches damage, not forgery), so `resume.py` checks every value of a save
against its level before the game resumes it. `game.saves` re-exports all of
this; the messages are in `messages.py`.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from collections.abc import Mapping
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..core.state import STATE_VERSION
from ..core.upgrade import VersionError, minimum_version, upgrade
from .messages import (BAD_CHECKSUM, BAD_FIELD, BROKEN_CHARACTER, EMPTY, NEWER, NEWER_STATE,
                       NOT_A_SAVE, NOT_JSON, NOT_TEXT, OUT_OF_RANGE, TOO_BIG)

SAVE_VERSION = 1
#: version v -> a function turning a payload's JSON data of version v into version v + 1
SAVE_UPGRADES: dict = {}
SAVE_MIN_VERSION = minimum_version(SAVE_UPGRADES, SAVE_VERSION)
MAGIC = "sincerity_save"
MAX_BYTES = 8 * 1024 * 1024          # a save of a long chapter is a few hundred kilobytes
MAX_STEP = 1_000_000                  # choices in one chapter: far more than any level has
LogKind = Literal["scene", "choice", "reply", "score", "notice", "ending"]
LOG_KINDS: tuple[str, ...] = get_args(LogKind)

class SaveError(ValueError):
    """A saved game that cannot be read or resumed; the message is one plain line."""


class NewerSave(SaveError):
    """A saved game (or the state in it) from a newer version: kept for it, never written
    over."""


class _Part(BaseModel):
    """A part of a save file, checked as it is read: each value has its type exactly (no "2"
    for 2, no 1 for true). Keys this version does not know are left out."""
    model_config = ConfigDict(strict=True, frozen=True)


class LevelPart(_Part):
    """Which chapter the save is of, and where its file was."""
    id: str
    hash: str
    title: str
    path: str


class Summary(_Part):
    """What the slot list shows, as the player may see it."""
    scene: str
    score: str
    step: int = Field(ge=0, le=MAX_STEP)
    finished: bool


class Payload(_Part):
    """What the checksum covers (the payload's "version" is read before it)."""
    version: int
    saved_at: str
    level: LevelPart
    summary: Summary
    state: str
    log: tuple[tuple[LogKind, str, str], ...]


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


def as_document(save: SaveGame) -> dict:
    """A save as the JSON data a save file holds (`campaign.json` holds several)."""
    payload = save.payload()
    return {MAGIC: SAVE_VERSION, "checksum": checksum(payload), "payload": payload}


def encode(save: SaveGame) -> bytes:
    return (json.dumps(as_document(save), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


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


def from_document(document) -> SaveGame:
    """A save from JSON data (`document`), checked as a file's is; SaveError (one line) and
    never any other error."""
    try:
        return _from_document(document)
    except SaveError:
        raise
    except Exception:  # noqa: BLE001 - data nobody checked never crashes the game
        raise SaveError(NOT_A_SAVE) from None


def _from_document(document) -> SaveGame:
    if not isinstance(document, dict) or MAGIC not in document:
        raise SaveError(NOT_A_SAVE)
    payload = document.get("payload")
    version = payload.get("version") if isinstance(payload, dict) else None
    outer = document[MAGIC]
    for v in (outer, version):
        if type(v) is int and v > SAVE_VERSION:
            raise NewerSave(NEWER.format(version=v, ours=SAVE_VERSION))
    if type(outer) is not int or not isinstance(payload, dict):
        raise SaveError(NOT_A_SAVE)
    try:
        text = _canonical(payload)
    except UnicodeEncodeError:      # a JSON escape like \ud800: half a character, not text
        raise SaveError(BROKEN_CHARACTER) from None
    if document.get("checksum") != hashlib.sha256(text).hexdigest():
        raise SaveError(BAD_CHECKSUM)
    try:
        upgraded = upgrade(payload, SAVE_UPGRADES, SAVE_VERSION)
    except VersionError:
        raise SaveError(BAD_FIELD.format(name="version")) from None
    return _from_payload(text if upgraded is payload else _canonical(upgraded))


def _from_payload(text: bytes) -> SaveGame:
    """The save in a payload's canonical JSON, each value checked by the `Payload` model."""
    try:
        p = Payload.model_validate_json(text)
    except ValidationError as exc:
        raise _bad_value(exc.errors()[0]) from None
    newer = _state_version(p.state)
    if newer:
        raise NewerSave(NEWER_STATE.format(version=newer, ours=STATE_VERSION))
    return SaveGame(level_id=p.level.id, level_hash=p.level.hash, chapter=p.level.title,
                    level_path=p.level.path, state=p.state, saved_at=p.saved_at,
                    scene=p.summary.scene, score=p.summary.score, step=p.summary.step,
                    finished=p.summary.finished, log=p.log)


def _bad_value(error: Mapping) -> SaveError:
    """One line for the first value of a payload that is missing, of the wrong type or out of
    range; it is named by its own key (`step`, not `summary.step`)."""
    loc = error["loc"]
    name = loc[1] if loc[0] in ("level", "summary") and len(loc) > 1 else loc[0]
    if error["type"] in ("greater_than_equal", "less_than_equal", "int_parsing_size"):
        return SaveError(OUT_OF_RANGE.format(name=name))
    return SaveError(BAD_FIELD.format(name=name))


def _state_version(state: str) -> int | None:
    """The version of a saved state, if a newer game wrote it (a save holding one is "from a
    newer version" like any other: it is never written over)."""
    try:
        version = json.loads(state).get("version")
    except (ValueError, RecursionError, AttributeError):
        return None     # a damaged state is refused when the game resumes it
    return version if type(version) is int and version > STATE_VERSION else None
