"""The player's settings: a small JSON file in the user's config folder.

A missing, unreadable, damaged, huge or newer file gives the defaults (or keeps the fields
this version knows) and never crashes, and `read` says why in one line; a field with a bad
value falls back to its default while the good fields are kept. Saving is atomic: a temp
file in the same folder is written, flushed, fsynced and renamed over the old one.
Set SINCERITY_CONFIG_DIR to use another folder (the tests do).
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

TEXT_SIZES = (100, 125, 150)
TEXT_SPEEDS = ("slow", "normal", "fast", "instant")
#: characters revealed per second by the typewriter, per speed
CHARS_PER_SECOND = {"slow": 30.0, "normal": 60.0, "fast": 140.0, "instant": 0.0}
FILE_NAME = "settings.json"
SETTINGS_VERSION = 1
MAX_BYTES = 64 * 1024   # a settings file is a few hundred bytes


@dataclass(frozen=True)
class Settings:
    text_size: int = 100
    text_speed: str = "normal"
    high_contrast: bool = False
    reduced_motion: bool = False
    volume: int = 70              # the effects: interface sounds and the watching cues
    music_volume: int = 50        # the theme, on the title and the endings
    ambience_volume: int = 50     # the sound of each kind of place
    fullscreen: bool = False
    dyslexic_font: bool = False
    undo: bool = False            # Backspace takes back a choice (never in a classroom)

    @property
    def typewriter(self) -> bool:
        """Whether text is revealed letter by letter."""
        return not self.reduced_motion and self.text_speed != "instant"

    @property
    def chars_per_second(self) -> float:
        return CHARS_PER_SECOND[self.text_speed]


def _percent(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 100


_VALID = {
    "text_size": lambda v: v in TEXT_SIZES and not isinstance(v, bool),
    "text_speed": lambda v: v in TEXT_SPEEDS,
    "high_contrast": lambda v: isinstance(v, bool),
    "reduced_motion": lambda v: isinstance(v, bool),
    "volume": lambda v: _percent(v),
    "music_volume": lambda v: _percent(v),
    "ambience_volume": lambda v: _percent(v),
    "fullscreen": lambda v: isinstance(v, bool),
    "dyslexic_font": lambda v: isinstance(v, bool),
    "undo": lambda v: isinstance(v, bool),
}


def config_dir() -> Path:
    override = os.environ.get("SINCERITY_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_config_dir("sincerity"))


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def from_dict(data: object) -> Settings:
    """Settings from parsed JSON; unknown keys are ignored, bad values give the default."""
    if not isinstance(data, dict):
        return Settings()
    good = {f.name: data[f.name] for f in fields(Settings)
            if f.name in data and _VALID[f.name](data[f.name])}
    return replace(Settings(), **good)


def load(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults if there are none or they cannot be read."""
    return read(path)[0]


def read(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings and, if the file could not be used as it is, why (one line)."""
    from ..storage import read_small
    from . import strings as S
    path = path or settings_path()
    try:
        raw = read_small(path, MAX_BYTES)   # a FIFO or a device is refused, never waited on
    except FileNotFoundError:
        return Settings(), None
    except PermissionError:
        return Settings(), S.SETTINGS_NO_PERMISSION
    except OSError:
        return Settings(), S.SETTINGS_UNREADABLE
    if len(raw) > MAX_BYTES:
        return Settings(), S.SETTINGS_TOO_BIG
    import json   # here, not at the top: a first start has no file to read
    try:
        data = json.loads(raw.decode("utf-8-sig"))   # Notepad starts files with a BOM
    except (ValueError, UnicodeDecodeError, RecursionError):
        return Settings(), S.SETTINGS_DAMAGED
    if not isinstance(data, dict):
        return Settings(), S.SETTINGS_DAMAGED
    settings = from_dict(data)
    version = data.get("version", SETTINGS_VERSION)
    if type(version) is int and version > SETTINGS_VERSION:
        return settings, S.SETTINGS_NEWER
    bad = [f.name for f in fields(Settings) if f.name in data and not _VALID[f.name](data[f.name])]
    return settings, (S.SETTINGS_BAD_VALUES if bad else None)


def save(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: temp file, flush, fsync, rename. Raises OSError on failure."""
    import json

    from ..storage import write_atomic
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(settings) | {"version": SETTINGS_VERSION}, indent=2,
                      sort_keys=True) + "\n"
    write_atomic(path, text)



def cycle(values: tuple, current, step: int):
    """The next (step=1) or previous (step=-1) value, wrapping around."""
    i = values.index(current) if current in values else 0
    return values[(i + step) % len(values)]
