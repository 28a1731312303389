"""What the player is told about an event, in words: for toasts, delta chips and the history.

Only what the ruleset's legibility allows is said: a number appears only where the HUD would
show one (`numbers` is False under stars, direction_hidden and hidden), a direction only when
the event carries a shown delta, and nothing at all when `shown_text` is None.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import events as ev
from . import strings as S


@dataclass(frozen=True)
class Notice:
    kind: str          # score | alarm | good | bad | info | rating
    title: str
    body: str = ""
    stars: int = 0     # for ratings: drawn as stars beside the title
    sound: str = "notification"


def delta_label(shown_delta: int | None) -> str:
    """▲ +5, ▼ −40, or a neutral dot when the direction is not shown."""
    if shown_delta is None:
        return S.ADJUSTED_NEUTRAL
    if shown_delta >= 0:
        return S.ADJUSTED_UP.format(n=shown_delta)
    return S.ADJUSTED_DOWN.format(n=-shown_delta)


def score_notice(e: ev.ScoreChanged) -> Notice | None:
    if e.shown_text is None:
        return None
    sound = "notification"
    if e.shown_delta is not None:
        sound = "score_up" if e.shown_delta > 0 else "score_down"
    return Notice("score", delta_label(e.shown_delta), e.shown_text, sound=sound)


def notice(e: ev.Event, numbers: bool) -> Notice | None:
    """The toast for an event, or None for events the player is not told about here."""
    if isinstance(e, ev.Blacklisted):
        body = S.TOAST_BLACKLISTED_SCORE.format(score=e.score) if numbers else ""
        return Notice("alarm", S.TOAST_BLACKLISTED.format(name=e.name),
                      " ".join(x for x in (S.TOAST_BLACKLISTED_BODY, body) if x))
    if isinstance(e, ev.Delisted):
        return Notice("good", S.TOAST_DELISTED.format(name=e.name), S.TOAST_DELISTED_BODY)
    if isinstance(e, ev.ServiceLocked):
        return Notice("bad", S.TOAST_SERVICE_LOCKED.format(name=e.name), e.reason,
                      sound="locked")
    if isinstance(e, ev.ServiceUnlocked):
        return Notice("good", S.TOAST_SERVICE_UNLOCKED.format(name=e.name),
                      S.TOAST_SERVICE_UNLOCKED_BODY)
    if isinstance(e, ev.AppealDecided):
        return _appeal(e, numbers)
    if isinstance(e, ev.PeerRated):
        stars = max(0, min(5, e.stars))
        body = S.RATING_STARS.format(stars="★" * stars + "☆" * (5 - stars), n=stars)
        return Notice("rating", S.TOAST_RATED.format(name=e.name), body, stars=stars)
    if isinstance(e, ev.ContactCut):
        return Notice("info", S.TOAST_CUT.format(name=e.name), S.TOAST_CUT_BODY)
    if isinstance(e, ev.StatementShown):
        return Notice("info", S.TOAST_STATEMENT.format(new=e.new),
                      S.TOAST_STATEMENT_BODY.format(old=e.old))
    return None


def _appeal(e: ev.AppealDecided, numbers: bool) -> Notice:
    title = S.TOAST_APPEAL_WON if e.won else S.TOAST_APPEAL_LOST
    if e.won and numbers and e.restored:
        body = S.TOAST_APPEAL_RESTORED.format(restored=e.restored, cost=e.cost)
    else:
        body = S.TOAST_APPEAL_BODY.format(cost=e.cost)
    return Notice("good" if e.won else "bad", title, body)
