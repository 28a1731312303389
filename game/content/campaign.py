"""Checks across several levels at once (what one file cannot tell on its own).

Baseline pairs are split between levels: Day Zero asks the unscored halves, later chapters
the scored twins. `check_campaign` takes the loaded levels (for example every bundled one) and
warns about pairs that are answered on one side only (W307).
"""
from __future__ import annotations

from .diagnostics import Diagnostic, warning
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
    return found


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
