"""The chapters a classroom file names: finding them, what they share, and the small changes
a classroom makes to them (the legibility it asks for). No file here is written."""
from __future__ import annotations

from pathlib import Path


def _bundled() -> dict:
    from ..content import bundled_levels, load_level
    out = {}
    for p in bundled_levels():
        loaded = load_level(p)
        if loaded.level is not None:
            out[loaded.level.id] = loaded.level
    return out


def known_ids(levels: dict | None) -> list[str]:
    return sorted(levels if levels is not None else _bundled())


def find_level(ref: str, base: Path, levels: dict | None):
    """(Level, None), or (None, "broken" | "missing")."""
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
        from ..content import load_level
        path = Path(ref) if Path(ref).is_absolute() else base / ref
        if not path.is_file():
            return None, "missing"
        loaded = load_level(path)
        return (loaded.level, None) if loaded.ok else (None, "broken")
    table = levels if levels is not None else _bundled()
    if ref in table:
        return table[ref], None
    return None, "missing"


def is_scored_level(level) -> bool:
    """Whether any scene of the level is scored."""
    return any(level.is_scored(s) for s in level.scenes)


def scored_levels(levels: list) -> list:
    return [lv for lv in levels if is_scored_level(lv)]


def shared_personas(levels: list) -> list[str]:
    """Persona ids in every level, in the first level's order."""
    if not levels:
        return []
    return [p for p in levels[0].personas if all(p in lv.personas for lv in levels[1:])]


def with_legibility(level, choice: str):
    """The level with every ruleset shown at this legibility (the classroom's `legibility`),
    or unchanged for `as_ruleset` and for unscored levels."""
    if choice == "as_ruleset" or not is_scored_level(level):
        return level
    rulesets = {rid: r.model_copy(update={"legibility": choice})
                for rid, r in level.rulesets.items()}
    return level.model_copy(update={"rulesets": rulesets})


def classroom_dict(config, code: str) -> dict:
    """What a session file says about the classroom settings that applied."""
    from .kiosk import scored_first
    return {"name": config.name, "counterbalance": config.counterbalance,
            "scored_first": scored_first(code) if config.counterbalance else None,
            "time_limit_minutes": config.time_limit_minutes}
