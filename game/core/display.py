"""What the player may see of the score under a ruleset's legibility: the HUD's figure
(`score_display`) and what each change shows as it happens (`shown`).

Below both `scoring` (which moves the score) and `changes` (which lists every move), so
that neither needs the other to know what a player is shown.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import strings
from .conditions import NO_LONGER_SHOWN, legibility
from .state import State

__all__ = ["NO_LONGER_SHOWN", "SILENT", "ScoreDisplay", "legibility", "score_display", "shown",
           "stars_for"]

SILENT = ("delayed", "hidden", NO_LONGER_SHOWN)   # legibilities that show no change as it happens


@dataclass(frozen=True)
class ScoreDisplay:
    """What the HUD may show: a number, stars, a tier name, or nothing."""
    number: int | None
    stars: float | None
    tier: str | None
    legibility: str


def shown(mode: str, delta: int, told: str | None) -> tuple[int | None, str | None]:
    """(shown delta, shown text) of a change under a legibility; text None: nothing shown."""
    if mode in SILENT:
        return None, None
    shown_delta = delta if mode == "exact" else None
    if mode == "direction_hidden":
        return shown_delta, strings.SCORE_ADJUSTED
    return shown_delta, told or strings.SCORE_ADJUSTED


def stars_for(state: State, score: int) -> float:
    """A score as 1 to 5 stars, in half stars."""
    rules = state.played.score
    span = max(1, rules.max - rules.min)
    raw = 1 + 4 * (score - rules.min) / span
    return max(1.0, min(5.0, round(raw * 2) / 2))


def score_display(state: State) -> ScoreDisplay:
    """What the player is allowed to see of the score under the ruleset's legibility."""
    mode = legibility(state)
    tier = state.played.tier_of(state.shown_score)
    tier_name = tier.name if tier else None
    if mode == "exact":
        return ScoreDisplay(state.score, None, tier_name, mode)
    if mode == "stars":
        return ScoreDisplay(None, stars_for(state, state.score), tier_name, mode)
    if mode == "delayed":
        return ScoreDisplay(state.shown_score, None, tier_name, mode)
    if mode == "direction_hidden":
        return ScoreDisplay(None, None, tier_name, mode)
    return ScoreDisplay(None, None, None, mode)
