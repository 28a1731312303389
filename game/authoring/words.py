"""Conditions said in a few plain words, for the graph's edge labels: `{score_at_least: 950}`
is "score ≥ 950", `{all: [{tier: A}, {flag: paid}]}` is "tier A and paid"."""
from __future__ import annotations

from ..core.model import Condition, Level


def _range(name: str, test) -> str:
    parts = []
    if test.at_least is not None:
        parts.append(f"{name} ≥ {test.at_least}")
    if test.below is not None:
        parts.append(f"{name} < {test.below}")
    return " and ".join(parts) or name


def condition_words(cond: Condition | None, level: Level | None = None) -> str:
    """A condition in words, e.g. "score ≥ 950", "not on the blacklist", "paid or tier A"."""
    if cond is None:
        return ""
    key = cond.key()
    if key in ("all", "any"):
        inner = [condition_words(c, level) for c in getattr(cond, key)]
        joined = (" and " if key == "all" else " or ").join(inner)
        return f"({joined})" if len(inner) > 1 else joined
    if key == "not":
        return f"not {condition_words(cond.not_, level)}"
    return _SIMPLE[key](cond, level)


def _service(cond, level):
    service = level.services.get(cond.service) if level else None
    return f"{service.name if service else cond.service} open"


def _tier(cond, level):
    tier = next((t for t in level.score.tiers if t.id == cond.tier), None) if level else None
    return f"tier {tier.name if tier else cond.tier}"


_SIMPLE = {
    "score_at_least": lambda c, lv: f"score ≥ {c.score_at_least}",
    "score_below": lambda c, lv: f"score < {c.score_below}",
    "tier": _tier,
    "service": _service,
    "flag": lambda c, lv: f"flag {c.flag}",
    "counter": lambda c, lv: _range(c.counter.name, c.counter),
    "money_at_least": lambda c, lv: f"money ≥ {c.money_at_least}",
    "relationship": lambda c, lv: _range(f"closeness to {c.relationship.contact}",
                                         c.relationship),
    "contact": lambda c, lv: f"{c.contact} still a contact",
    "persona": lambda c, lv: f"playing {c.persona}",
    "ruleset": lambda c, lv: f"under {c.ruleset}",
    "visited": lambda c, lv: f"saw {c.visited}",
    "blacklisted": lambda c, lv: "on the blacklist" if c.blacklisted else "not on the blacklist",
}
