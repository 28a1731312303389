"""Write docs/ART.md's "Used by" column from the bundled levels, and say how well each chapter
is illustrated.

    python tools/art_used_by.py            # rewrite the column, print the figures
    python tools/art_used_by.py --check    # change nothing; exit 1 if ART.md is out of date

"Used by" lists, for each picture, every scene and ending (`<level>.<id>`) whose `art` shows
it (an older name, such as `kitchen`, counts for the picture it shows now), in the levels'
order and each level's own order, scenes before endings. Run it after changing any `art:`;
`tests/test_art_used_by.py` fails while the file and the levels disagree.

The figures, per chapter: scenes, the different pictures on them (the art direction asks for
about one for every two scenes), and each kind of place the scenes happen in (the scene's
`place`, or the one its picture suggests) with the different pictures shown there.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.content.catalog import bundled  # noqa: E402
from game.content.pictures import OLD_NAMES, bundled_names  # noqa: E402

ART_MD = ROOT / "docs" / "ART.md"
# A picture row; its last cell may be empty, written "| |" or "|  |" (a row just added).
ROW = re.compile(r"^(\| `([a-z0-9_]+)` \|.*\|) *([^|]*?) *(\|)$", re.MULTILINE)


def _levels() -> list:
    loaded = bundled()
    broken = [str(lv.path) for lv in loaded if not lv.ok]
    if broken:
        raise SystemExit(f"fix these levels first (python -m game validate): "
                         f"{', '.join(broken)}")
    return [lv.level for lv in loaded]


def shown(art: str) -> str:
    """The bundled picture a scene's `art` shows (older names map to today's pictures)."""
    return art if art in bundled_names() else OLD_NAMES.get(art, art)


def used_by(levels=None) -> dict[str, list[str]]:
    """Each bundled picture's users, `<level>.<scene or ending id>`, in order."""
    users: dict[str, list[str]] = {name: [] for name in bundled_names()}
    for level in levels if levels is not None else _levels():
        for part in (level.scenes, level.endings):
            for pid, item in part.items():
                name = shown(item.art)
                if name in users:
                    users[name].append(f"{level.id}.{pid}")
    return users


def render(text: str, users: dict[str, list[str]]) -> str:
    """ART.md with each picture row's last cell replaced by its users."""
    def cell(match: re.Match) -> str:
        names = ", ".join(users.get(match.group(2), [])) or _old_names(match.group(2))
        return f"{match.group(1)} {names} {match.group(4)}"
    return ROW.sub(cell, text)


def _old_names(picture: str) -> str:
    """For a picture no bundled level shows: the old names that still show it, if any."""
    from game.content.pictures import OLD_NAMES
    old = sorted(name for name, shows in OLD_NAMES.items() if shows == picture)
    return "the old name" + ("s " if len(old) > 1 else " ") + ", ".join(
        f"`{name}`" for name in old) if old else "(none)"


def figures(levels=None) -> list[str]:
    """Per chapter: scenes, different pictures on them, and pictures per kind of place."""
    lines = []
    for level in levels if levels is not None else _levels():
        pictures = {sid: shown(s.art) for sid, s in level.scenes.items()}
        places: dict[str, set[str]] = {}
        for sid in level.scenes:
            places.setdefault(level.place_of(sid), set()).add(pictures[sid])
        distinct = len(set(pictures.values()))
        scenes = len(pictures)
        ratio = f"1 per {scenes / distinct:.1f} scenes" if distinct else "none"
        where = ", ".join(f"{p} {len(n)}" for p, n in sorted(places.items()))
        lines.append(f"{level.id:12} {scenes:3} scenes, {distinct:3} pictures ({ratio}); "
                     f"pictures by kind of place: {where}")
    return lines


def main(argv: list[str]) -> int:
    levels = _levels()
    old = ART_MD.read_text(encoding="utf-8")
    new = render(old, used_by(levels))
    if "--check" in argv:
        if new != old:
            print("docs/ART.md's \"Used by\" is out of date: run python tools/art_used_by.py")
            return 1
        print("docs/ART.md's \"Used by\" matches the levels")
    elif new != old:
        ART_MD.write_text(new, encoding="utf-8")
        print("docs/ART.md: \"Used by\" rewritten from the levels")
    else:
        print("docs/ART.md: \"Used by\" already matches the levels")
    print("\n".join(figures(levels)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
