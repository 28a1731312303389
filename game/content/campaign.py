"""Checks across several levels at once (what one file cannot tell on its own).

Baseline pairs are split between levels: Day Zero asks the unscored halves, later chapters
the scored twins. `check_campaign` takes the loaded levels (for example every bundled one) and
warns about pairs that are answered on one side only (W307), and about `remembers:` lines
that can never show (W314): about a chapter not among them, one that comes later, or
something that chapter never ends with.
"""
from __future__ import annotations

from .diagnostics import Diagnostic, did_you_mean, warning
from .index import build_index, uses
from .loader import Loaded

KEY = "__key__"


def check_campaign(levels: list[Loaded]) -> list[Diagnostic]:
    """W307 for each baseline pair marked only in unscored, or only in scored, scenes across
    all these levels; reported where each level declares the pair. Levels with errors are
    left out."""
    sides: dict[str, set[bool]] = {}
    for loaded in levels:
        for pair, scored in _answers(loaded):
            sides.setdefault(pair, set()).add(scored)
    found = []
    for loaded in levels:
        if loaded.level is None:
            continue
        for pair in loaded.level.baselines:
            if len(sides.get(pair, ())) == 1:
                found.append(_one_sided(loaded, pair, next(iter(sides[pair]))))
    return found + check_memories(levels)


def endings_of(level) -> set[str]:
    """What a chapter can end with, as `remembers:` names it: a flag it sets, an ending, and
    `listed` if it has a list."""
    marks = set(uses(level, build_index(level)).flags_set) | set(level.endings)
    return marks | ({"listed"} if level.blacklist is not None else set())


def check_memories(levels: list[Loaded]) -> list[Diagnostic]:
    """W314 for each `remembers:` line, in these levels, that can never show."""
    chapters = {lv.level.id: lv.level for lv in levels if lv.level is not None}
    found = []
    for loaded in levels:
        level = loaded.level
        if level is None:
            continue
        for kind in ("scenes", "endings"):
            for oid, owner in getattr(level, kind).items():
                for i, line in enumerate(owner.remembers):
                    problem = _never_shown(line.about, level, chapters)
                    if problem:
                        key = "if" if line.if_ is not None else "unless"
                        line_no, column = loaded.marks.get(
                            (kind, oid, "remembers", i, key),
                            loaded.marks.get((kind, oid, "remembers", i), (1, 1)))
                        found.append(warning("W314", loaded.path, line_no, column, *problem))
    return found


def _never_shown(about: tuple[str, str], level, chapters: dict) -> tuple[str, str] | None:
    """(message, hint) if a line about `chapter.what` can never show in `level`."""
    chapter, what = about
    other = chapters.get(chapter)
    if other is None:
        hint = did_you_mean(chapter, chapters) or ("check the chapter's id (its `id:`); the "
                                                   "levels checked are " + ", ".join(
                                                       f"`{c}`" for c in sorted(chapters)))
        return f"this remembers the chapter `{chapter}`, which is not among the levels checked", hint
    if other.order >= level.order:
        return (f"`{chapter}` comes after this chapter (order {other.order}, this one "
                f"{level.order}), so it is never remembered here",
                "remember a chapter with a lower `order:`, or move this line to a later chapter")
    known = endings_of(other)
    if what not in known:
        return (f"`{chapter}` never ends with `{what}`: it is none of its flags or endings",
                did_you_mean(what, known) or "name a flag that chapter sets, one of its "
                "endings, or `listed`")
    return None


def _answers(loaded: Loaded):
    level = loaded.level
    if level is None:
        return
    for sid, scene in level.scenes.items():
        for choice in scene.choices:
            if choice.baseline is not None:
                yield choice.baseline.pair, level.is_scored(sid)


def _one_sided(loaded: Loaded, pair: str, scored: bool) -> Diagnostic:
    line, column = loaded.marks.get(("baselines", pair, KEY), (1, 1))
    side, other = ("scored", "unscored") if scored else ("unscored", "scored")
    return warning("W307", loaded.path, line, column,
                   f"baseline pair `{pair}` is answered only in {side} scenes, in every level "
                   "checked", f"mark a choice in an {other} scene with "
                   f"`baseline: {{pair: {pair}, candid: ...}}` (in this level or another)")
