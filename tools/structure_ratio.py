"""Structure lines per 100 words of prose in a level's story: how much an author types that
is not the story.

    python tools/structure_ratio.py                 # every bundled level and the guide's example
    python tools/structure_ratio.py levels/x.yaml   # some files

Counted in the story sections only (`scenes:` and `endings:`), as the authoring review did
(../shared/reviews/author.md, section 4.1), so the figures compare with its 15.6-19.2 for the
bundled chapters and 8.4 for the same story in ink:

- *prose* is what the player reads in the story: scene and ending titles and texts, choice
  texts and replies (a one-line choice's text, not its `-> scene`);
- a *prose line* is a line that holds some prose; every other line of those sections that is
  neither blank nor only a comment is a *structure line*;
- the figure is structure lines / prose words x 100.

The file is read as YAML events (`yaml.parse`: nothing is ever constructed from the file).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.content.storyform import CHOICE_KEYS, split_arrow  # noqa: E402

STORY = ("scenes", "endings")
_PROSE_KEYS = {("scenes", "title"), ("scenes", "text"), ("endings", "title"),
               ("endings", "text"), ("choice", "text"), ("choice", "reply")}


@dataclass(frozen=True)
class Ratio:
    path: str
    prose_words: int
    prose_lines: int
    structure_lines: int

    @property
    def per_100_words(self) -> float:
        return 100 * self.structure_lines / self.prose_words if self.prose_words else 0.0


def measure(text: str, path: str = "") -> Ratio:
    """The story's prose words, prose lines and structure lines."""
    prose_lines: set[int] = set()
    words = 0
    for where, event in _scalars(text):
        kind = _prose_kind(where)
        if kind is None:
            continue
        value = event.value
        if kind == "choice text":
            value = split_arrow(value)[0]
        words += len(value.split())
        prose_lines.update(_lines_of(event, text))
    story = _story_lines(text)
    structure = [n for n in story if n not in prose_lines]
    return Ratio(path, words, len(story & prose_lines), len(structure))


def _scalars(text: str):
    """(path, event) of every scalar value (not key), the path as keys and list positions."""
    stack: list[list] = []   # [is_mapping, key or index, waiting_for_key]
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            _advance(stack)
            stack.append([isinstance(event, yaml.MappingStartEvent), -1, True])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            if stack and stack[-1][0] and stack[-1][2]:
                stack[-1][1], stack[-1][2] = event.value, False   # a key
                continue
            _advance(stack)
            yield tuple(frame[1] for frame in stack), event


def _advance(stack: list[list]) -> None:
    """A value is coming: a list moves to its next item; a mapping waits for its next key."""
    if not stack:
        return
    top = stack[-1]
    if top[0]:
        top[2] = True
    else:
        top[1] += 1


def _prose_kind(where: tuple) -> str | None:
    if len(where) < 3 or where[0] not in STORY:
        return None
    section = where[0]
    if len(where) == 3 and (section, where[2]) in _PROSE_KEYS:
        return "text"
    if section == "scenes" and len(where) >= 4 and where[2] == "choices":
        if len(where) == 4:
            return "choice text"   # a choice on one line
        if len(where) == 5 and where[4] == "reply":
            return "text"
        if len(where) == 5 and (where[4] == "text" or where[4] not in CHOICE_KEYS):
            return "choice text"   # `text:`, or `id: text` (the one key that is not a choice's)
    return None


def _lines_of(event, text: str) -> set[int]:
    """The 0-based lines a scalar's text sits on (not a block scalar's `>-` line)."""
    first, last = event.start_mark.line, event.end_mark.line
    if event.style in (">", "|"):
        first += 1
    if event.end_mark.column == 0 and last > first:
        last -= 1
    lines = text.split("\n")
    return {n for n in range(first, last + 1) if _counts(lines[n])}


def _story_lines(text: str) -> set[int]:
    """0-based lines of the `scenes:` and `endings:` sections that are not blank or only a
    comment."""
    found: set[int] = set()
    inside = False
    for number, line in enumerate(text.split("\n")):
        if line[:1] not in ("", " ", "#", "\t"):
            inside = line.split(":", 1)[0].strip() in STORY
        if inside and _counts(line):
            found.add(number)
    return found


def _counts(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def default_files() -> list[Path]:
    return sorted((ROOT / "levels").glob("*.yaml")) + [ROOT / "docs/examples/first_level.yaml"]


def table(ratios: list[Ratio]) -> str:
    rows = [f"{'file':<34} {'prose words':>11} {'prose lines':>11} {'structure':>9} "
            f"{'per 100 words':>13}"]
    for r in ratios:
        rows.append(f"{r.path:<34} {r.prose_words:>11} {r.prose_lines:>11} "
                    f"{r.structure_lines:>9} {r.per_100_words:>13.1f}")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or default_files()
    ratios = []
    for file in files:
        shown = str(file.resolve().relative_to(ROOT)) if file.resolve().is_relative_to(ROOT) \
            else str(file)
        ratios.append(measure(file.read_text(encoding="utf-8"), shown))
    print(table(ratios))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
