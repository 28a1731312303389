"""The picture of a level, errors and all: what `graph` draws as .svg and .png by itself.

A level with errors cannot be played, but its picture helps most then: the file is read as
far as it goes (`validation.validate` keeps a partial level, the broken parts left out), and
each error is marked on the scene or ending it sits in (by its line), numbered, and listed
under the picture.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from ..content.loader import Loaded
from ..content.storyform import normalize
from ..content.validation import validate
from ..content.yamlsafe import read_yaml
from ..core.model import Level
from .storygraph import level_graph
from .layout import Drawing, lay_out

KEY = "__key__"
CHAR_W = 6.0   # about how wide a character of the problem list is


def draft(loaded: Loaded) -> Level | None:
    """The level, or as much of it as validation could keep (None if even that failed)."""
    if loaded.level is not None:
        return loaded.level
    text = "\n".join(loaded.lines)
    data, marks, _ = read_yaml(text, str(loaded.path))
    if not isinstance(data, dict):
        return None
    normalize(data, marks, str(loaded.path), loaded.lines)   # the short forms, as the loader
    return validate(data, marks, str(loaded.path), loaded.lines).level


def drawing(loaded: Loaded, scoring: bool = False) -> Drawing:
    """The laid-out picture of a loaded level file, its errors marked (with `scoring`, the
    choices' behaviours and score changes on their arrows: the studio's map)."""
    level = draft(loaded)
    errors = [d for d in loaded.diagnostics if d.severity == "error"]
    if level is None:
        title = Path(loaded.path).name
        result = Drawing(title, 520, 60, {}, [], [], 60)
    else:
        nodes, edges = level_graph(level, scoring)
        result = lay_out(level.title, level.start, nodes, edges)
    owner = _owners(loaded.marks) if errors else (lambda line: None)
    for number, d in enumerate(errors, 1):
        result.problems.append(f"line {d.line}: {d.message}")
        box = owner(d.line)
        if box is not None and box in result.boxes:
            result.boxes[box].problems.append(number)
    widest = max((len(p) + 4 for p in result.problems), default=0) * CHAR_W + 48
    result.width = max(result.width, widest, 760)
    return result


def _owners(marks: dict):
    """line -> the scene or ending whose part of the file holds that line, or None."""
    tops = sorted(line for path, (line, _) in marks.items()
                  if len(path) == 2 and path[1] == KEY)
    starts: list[tuple[int, str]] = []
    ends: dict[str, int] = {}
    for section in ("scenes", "endings"):
        head = marks.get((section, KEY))
        if head is None:
            continue
        after = [t for t in tops if t > head[0]]
        ends[section] = after[0] if after else 10 ** 9
        starts += [(line, f"{section}:{pid}") for path, (line, _) in marks.items()
                   if len(path) == 3 and path[0] == section and path[2] == KEY
                   for pid in (path[1],)]
    starts.sort()
    lines = [line for line, _ in starts]

    def owner(line: int) -> str | None:
        k = bisect_right(lines, line) - 1
        if k < 0:
            return None
        section, pid = starts[k][1].split(":", 1)
        return pid if line < ends[section] else None
    return owner


def render_svg(loaded: Loaded, output: Path) -> None:
    from .drawsvg import to_svg

    output.write_text(to_svg(drawing(loaded)), encoding="utf-8")


def render_png(loaded: Loaded, output: Path) -> None:
    from .drawpng import to_png

    to_png(drawing(loaded), output)

