"""Where levels are kept: the bundled ones, `./levels` of the folder the game is started
from, and the user's own levels folder (`resources.user_levels_dir`, platformdirs' user data
folder + `levels`).

A bad file in an author's folder never stops anything: it is listed with its problem
(`Found.problem`, or the `Loaded`'s diagnostics), and every other level still loads. A level
whose id is already taken by one listed before it (a bundled level first) is set aside with
a problem too: saves and `--level` find levels by id.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.model import Level
from ..resources import levels_dir, user_levels_dir
from .loader import Loaded, bundled_levels, load_level

LEVEL_SUFFIXES = (".yaml", ".yml")
MAX_FILES = 200   # level files read from one author's folder at most


@dataclass(frozen=True)
class Folder:
    kind: str   # "bundled", "here" (./levels) or "yours" (the user levels folder)
    path: Path

    @property
    def label(self) -> str:
        return {"bundled": "Bundled levels", "here": "Levels in ./levels",
                "yours": "Your levels folder"}[self.kind]


@dataclass
class Found:
    """One file in a folder: loaded, or (`problem`) why it was not used."""
    folder: Folder
    path: Path
    loaded: Loaded | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.level is not None and not self.problem

    @property
    def level(self) -> Level | None:
        """The level, when the file loaded without errors."""
        return self.loaded.level if self.loaded is not None else None

    def why(self) -> str:
        """What is wrong with this file, in one line (the first error, with its line)."""
        if self.problem:
            return self.problem
        if self.loaded is None or self.loaded.ok:
            return ""
        first = self.loaded.errors[0]
        more = len(self.loaded.errors) - 1
        extra = f" (and {more} more)" if more else ""
        return f"line {first.line}: {first.message}{extra}"


@dataclass
class Shelf:
    """Every folder looked in, and what was found there, in order."""
    folders: list[Folder] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    unreadable: dict[Path, str] = field(default_factory=dict)   # folder -> why

    def in_folder(self, folder: Folder) -> list[Found]:
        return [f for f in self.found if f.folder == folder]


def level_folders(cwd: Path | None = None) -> list[Folder]:
    """The bundled folder, then ./levels and the user levels folder, each once. Started in
    a checkout, ./levels is the bundled folder itself: it is listed twice, for its bundled
    files and for an author's files beside them."""
    here = (cwd or Path.cwd()) / "levels"
    folders = [Folder("here", here), Folder("yours", user_levels_dir())]
    seen: set[Path] = set()
    unique = [Folder("bundled", levels_dir())]
    for folder in folders:
        key = _resolved(folder.path)
        if key not in seen:
            seen.add(key)
            unique.append(folder)
    return unique


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def shelf(cwd: Path | None = None) -> Shelf:
    """Every level file of every folder, loaded (bad ones with their problem)."""
    result = Shelf(level_folders(cwd))
    ids: dict[str, Path] = {}
    for folder in result.folders:
        files, why = _files(folder)
        if why:
            result.unreadable[folder.path] = why
        for path in files:
            found = Found(folder, path, load_level(path))
            if found.level is not None:
                level_id = found.level.id
                if level_id in ids:
                    found.problem = (f"its id `{level_id}` is already the id of {ids[level_id]}; "
                                     "give this level its own `id:`")
                else:
                    ids[level_id] = path
            result.found.append(found)
    return result


def _files(folder: Folder) -> tuple[list[Path], str]:
    """The folder's level files (sorted, at most MAX_FILES for an author's folder), and why
    it could not be read ("" when it could, or when it does not exist)."""
    path = folder.path
    try:
        if not path.is_dir():
            return [], ("" if not path.exists() else "it is not a folder")
        names = sorted(p for p in path.iterdir()
                       if p.suffix.lower() in LEVEL_SUFFIXES and not p.name.startswith("."))
    except OSError as exc:
        return [], f"it cannot be read ({exc.strerror or exc})"
    if folder.kind == "bundled":
        return bundled_levels(), ""
    bundled = {_resolved(p) for p in bundled_levels()}
    names = [p for p in names if _resolved(p) not in bundled]
    if len(names) > MAX_FILES:
        return names[:MAX_FILES], (f"it holds {len(names)} level files; only the first "
                                   f"{MAX_FILES} are listed")
    return names, ""


__all__ = ["Folder", "Found", "Shelf", "level_folders", "shelf", "MAX_FILES"]
