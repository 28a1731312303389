"""What the player is told about an event, in words: for toasts, delta chips and the history.

Only what the ruleset's legibility allows is said: a number appears only where the HUD would
show one (`numbers` is False under stars, direction_hidden and hidden), a direction only when
the event carries a shown delta, and nothing at all when `shown_text` is None.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import events as ev
from ..core.changes import final_words
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
    """One change as the history log says it (the card shows a choice's whole list)."""
    if e.shown_text is None:
        return None
    sound = "notification"
    if e.shown_delta is not None:
        sound = "score_up" if e.shown_delta > 0 else "score_down"
    return Notice("score", delta_label(e.shown_delta), e.shown_text, sound=sound)


@dataclass(frozen=True)
class ScoreLine:
    """One line of the score card's list: ▼ −25  Signing a petition."""
    title: str
    body: str
    total: bool = False


def score_lines(moved, rows: int) -> list[ScoreLine]:
    """A choice's changes of score (a core `ChoiceScore`) as at most `rows` lines: each change
    the rules let the player see (biggest first where numbers are shown), then the total.
    When they do not fit, the smallest are folded into one "+N more" line with their sum, so
    the lines still add up to the total. Lines saying the same ("• Score adjusted") merge."""
    shown = _merged([(c.shown_delta, c.shown_text) for c in moved.shown]) if moved else []
    if not shown:
        return []
    total = moved.shown_total
    room = max(1, rows - (1 if total is not None and len(shown) > 1 else 0))
    if len(shown) > room and room == 1 and total is not None:
        # Two rows: the biggest change, then the total that says how many more it holds.
        rest = sum(n for _, _, n in shown[1:])
        return [_line(*shown[0]),
                ScoreLine(delta_label(total), S.SCORE_TOTAL_MORE.format(n=rest), total=True)]
    if len(shown) > room:
        keep, rest = shown[:room - 1], shown[room - 1:]
        folded = None if total is None else sum(d for d, _, _ in rest)
        shown = keep + [(folded, S.SCORE_MORE.format(n=sum(n for _, _, n in rest)), 1)]
    lines = [_line(d, text, n) for d, text, n in shown]
    if total is not None and len(lines) > 1:
        lines.append(ScoreLine(delta_label(total), S.SCORE_TOTAL, total=True))
    return lines


def _line(delta: int | None, text: str, n: int) -> ScoreLine:
    return ScoreLine(delta_label(delta), text if n == 1 else S.SCORE_TIMES.format(text=text, n=n))


def _merged(pairs: list[tuple[int | None, str]]) -> list[tuple[int | None, str, int]]:
    """(delta, text, how many): lines without a number and with the same words, merged."""
    out: list[tuple[int | None, str, int]] = []
    for delta, text in pairs:
        same = next((i for i, (d, t, _) in enumerate(out) if d is None and delta is None
                     and t == text), None)
        if same is None:
            out.append((delta, text, 1))
        else:
            d, t, n = out[same]
            out[same] = (d, t, n + 1)
    return out


def final_line(shown) -> str:
    """What the ending says of the final score (`core.changes.final_display`): only what the
    ruleset lets the player see, and no score at all for a chapter where nothing was scored."""
    return final_words(shown, S)


def notice(e: ev.Event, numbers: bool) -> Notice | None:
    """The toast for an event, or None for events the player is not told about here."""
    if isinstance(e, ev.Blacklisted):
        body = S.TOAST_BLACKLISTED_SCORE.format(score=e.score) if numbers and e.by_score else ""
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
    restored = S.TOAST_APPEAL_RESTORED.format(restored=e.restored) if (
        e.won and numbers and e.restored) else ""
    cost = S.TOAST_APPEAL_BODY.format(cost=e.cost) if e.cost else ""    # never "It cost 0."
    return Notice("good" if e.won else "bad", title, " ".join(x for x in (restored, cost) if x))
