"""What a player may read of the events a choice caused.

`Observed` and `ChangePending` are never shown (they are what the system keeps to itself),
and a tier change is not shown where the ruleset hides the tier; `--dev` shows them anyway.
"""
from __future__ import annotations

from ..core import strings as core_strings
from ..core.events import (AppealDecided, Blacklisted, ChangePending, ChoiceMade, ContactCut,
                           Delisted, Event, MoneyChanged, Observed, PeerRated, ScoreChanged,
                           ServiceLocked, ServiceUnlocked, StatementShown, TierChanged,
                           Watched)
from ..core.model import Level
from . import strings as s
from .screen import wrap

_TIER_HIDDEN = ("hidden", "delayed")


def _choice_made(e: ChoiceMade, level: Level) -> list[str]:
    scene = level.scenes.get(e.scene)
    choice = next((c for c in scene.choices if c.id == e.choice), None) if scene else None
    lines = [s.YOU_CHOSE.format(text=e.text)]
    if choice is not None and choice.reply:
        lines.extend(wrap(choice.reply))
    return lines


def _score(e: ScoreChanged) -> list[str]:
    return _shown_change(e.shown_delta, e.shown_text)


def _shown_change(shown_delta: int | None, shown_text: str | None) -> list[str]:
    if shown_text is None:
        return []
    adjusted = shown_text == core_strings.SCORE_ADJUSTED
    if shown_delta is not None:
        if adjusted:
            return [s.SCORE_ADJUSTED_DELTA.format(delta=shown_delta)]
        return [s.SCORE_DELTA.format(delta=shown_delta, text=shown_text)]
    return [s.SCORE_ADJUSTED if adjusted else s.SCORE_CHANGED.format(text=shown_text)]


def _tier(e: TierChanged, legibility: str) -> list[str]:
    if legibility in _TIER_HIDDEN:
        return []
    return [s.TIER_CHANGED.format(name=e.name) if e.name else s.TIER_NONE]


def _appeal(e: AppealDecided) -> list[str]:
    return [s.APPEAL_WON if e.won else s.APPEAL_LOST]


def _service_locked(e: ServiceLocked) -> list[str]:
    if e.reason == core_strings.SERVICE_CLOSED.format(name=e.name):
        return [s.SERVICE_LOCKED_PLAIN.format(name=e.name)]
    return [s.SERVICE_LOCKED.format(reason=e.reason)]


_PLAIN = {
    ServiceLocked: _service_locked,
    ServiceUnlocked: lambda e: [s.SERVICE_UNLOCKED.format(name=e.name)],
    Blacklisted: lambda e: [s.BLACKLISTED.format(name=e.name)],
    Delisted: lambda e: [s.DELISTED.format(name=e.name)],
    AppealDecided: _appeal,
    PeerRated: lambda e: [s.PEER_RATED.format(name=e.name, stars=e.stars)],
    ContactCut: lambda e: [s.CONTACT_CUT.format(name=e.name)],
    MoneyChanged: lambda e: [s.MONEY_CHANGED.format(delta=e.new - e.old, new=e.new)],
    StatementShown: lambda e: [s.STATEMENT.format(old=e.old, new=e.new)],
    ScoreChanged: _score,
    Watched: lambda e: [s.WATCHED.format(line=core_strings.moment_line(e.name, e.look))],
}


def _dev(e: Event) -> list[str]:
    if isinstance(e, Observed):
        sensors = ", ".join(e.sensors) or s.DEV_NOBODY
        return [s.DEV_OBSERVED.format(behaviour=e.behaviour, sensors=sensors)]
    if isinstance(e, ChangePending):
        return [s.DEV_PENDING.format(behaviour=e.behaviour, delta=e.delta, due=e.due_step)]
    return []


def score_lines(moved) -> list[str]:
    """Every change of score a choice caused (a core `ChoiceScore`) that the rules let the
    player see, biggest first where numbers are shown, then the total."""
    shown = moved.shown if moved is not None else ()
    lines = [line for c in shown for line in _shown_change(c.shown_delta, c.shown_text)]
    total = moved.shown_total if moved is not None else None
    if total is not None and len(shown) > 1:
        lines.append(s.SCORE_TOTAL.format(delta=total, old=moved.before, new=moved.after))
    return lines


def event_lines(events, level: Level, legibility: str, dev: bool = False,
                moved=None) -> list[str]:
    """The lines a player reads after a choice (scene changes and endings are drawn apart).
    With `moved` (the step's `ChoiceScore`), the changes of score are listed together, where
    the first of them happened; without it, one by one."""
    lines: list[str] = []
    listed = moved is None
    for e in events:
        if isinstance(e, ScoreChanged) and not listed:
            lines.extend(score_lines(moved))
            listed = True
        elif isinstance(e, ScoreChanged) and moved is not None:
            continue
        elif isinstance(e, ChoiceMade):
            lines.extend(_choice_made(e, level))
        elif isinstance(e, TierChanged):
            lines.extend(_tier(e, "exact" if dev else legibility))
        elif type(e) in _PLAIN:
            lines.extend(_PLAIN[type(e)](e))
        elif dev:
            lines.extend(_dev(e))
    return lines
