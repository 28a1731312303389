"""Finding and loading chapters for the window, through `game.content`.

`game.content.load_level(path)` gives a `Loaded(path, level, diagnostics, lines)` with `.ok`:
the one safe reader and the full checks, the same as `validate`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content import bundled_levels, load_level
from ..resources import levels_dir


@dataclass
class Chapter:
    id: str
    title: str
    description: str
    minutes: int
    path: Path
    level: object = None              # game.core.Level when it loaded
    problems: list[str] = field(default_factory=list)
    folder: str = "bundled"           # or "here" (./levels), "yours" (the user levels folder)
    why: str = ""                     # an author's broken file: its first problem, one line

    @property
    def ok(self) -> bool:
        return self.level is not None and not self.problems


class LevelProblem(Exception):
    """A chapter that cannot be played; the message lists why."""


def load_path(path: Path) -> Chapter:
    """Load one level file; never raises for bad content (the chapter lists its problems)."""
    return _from_loaded(load_level(path), path)


def from_loaded(loaded) -> Chapter:
    """A chapter from a `game.content.Loaded` someone else has already read."""
    return _from_loaded(loaded, Path(getattr(loaded, "path", "")))


def _from_loaded(loaded, path: Path) -> Chapter:
    level = getattr(loaded, "level", None)
    problems = [] if getattr(loaded, "ok", level is not None) else [
        _describe(d) for d in getattr(loaded, "diagnostics", ()) if _is_error(d)]
    if level is None and not problems:
        problems = [f"{path}: could not be read"]
    return _chapter(level if not problems else None, Path(getattr(loaded, "path", path)),
                    problems)


def _is_error(d) -> bool:
    return getattr(d, "severity", "error") == "error"


def _describe(d) -> str:
    fmt = getattr(d, "format", None)
    return fmt() if callable(fmt) else str(d)


def _chapter(level, path: Path, problems: list[str]) -> Chapter:
    if level is None:
        return Chapter(path.stem, path.stem, "", 0, path, None, problems)
    return Chapter(level.id, level.title, level.description, level.minutes, path, level,
                   problems)


def bundled() -> list[Chapter]:
    """Every bundled level, loaded, in the levels' `order`."""
    chapters = [load_path(p) for p in bundled_levels()]
    return sorted(chapters, key=lambda c: (getattr(c.level, "order", 1000), c.title))


def available() -> list[Chapter]:
    """The chapters a player can choose from: the bundled ones in their order, then those
    in ./levels of the folder the game started in and in the user levels folder. A file
    there that is broken (or reuses an id) is a chapter with its problem, never a crash."""
    from ..content.folders import shelf

    bundled_found, authors = [], []
    for found in shelf().found:
        if found.loaded is not None and not found.problem:
            chapter = _from_loaded(found.loaded, found.path)
        else:
            chapter = _chapter(None, found.path, [f"{found.path}: {found.why()}"])
        if not chapter.ok:
            chapter.why = found.why() or (chapter.problems[0].splitlines() or [""])[0]
        chapter.folder = found.folder.kind
        (bundled_found if found.folder.kind == "bundled" else authors).append(chapter)
    order = sorted(bundled_found, key=lambda c: (getattr(c.level, "order", 1000), c.title))
    return order + authors


def find(ref: str) -> Chapter:
    """A chapter by path or by id; raises LevelProblem if it is missing or broken."""
    path = Path(ref)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        chapter = load_path(path)
    else:
        candidate = levels_dir() / f"{ref}.yaml"
        chapter = load_path(candidate) if candidate in bundled_levels() else None
        if chapter is None or (chapter.ok and chapter.id != ref):
            chapter = next((c for c in bundled() if c.id == ref), chapter)
        if chapter is None:
            chapter = next((c for c in available() if c.folder != "bundled" and c.ok
                            and c.id == ref), None)
    if chapter is None:
        raise LevelProblem(f"no chapter called `{ref}` in {levels_dir()}")
    if not chapter.ok:
        raise LevelProblem("\n".join(chapter.problems))
    return chapter
