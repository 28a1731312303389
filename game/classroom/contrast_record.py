"""The debrief's contrast (the player's own game under each other ruleset) as the export's
plain data: the facts of `game.core.contrast`, and the very words the window and the text
mode show (`contrast_words`), so the kiosk's debrief and the printable page can say them
without the level or the engine."""
from __future__ import annotations

from ..core.contrast import Contrast, Outcome, Side, contrasts
from ..core.contrast_words import contrast_words, outcome_sentence


def contrast_record(state) -> list[dict]:
    """One entry per other ruleset of the level (none for a level with one, or unscored,
    or for a game that cannot be played again: nothing was compared)."""
    return [_contrast(c) for c in contrasts(state) if c.reproduced]


def _contrast(c: Contrast) -> dict:
    words = contrast_words(c)
    parted = c.parted
    return {
        "ruleset": c.other.ruleset, "name": c.other.name, "reproduced": c.reproduced,
        "own": _side(c.own), "other": _side(c.other),
        "rows": [{"step": r.step, "choice": r.choice_text, "behaviour": r.behaviour,
                  "own": _outcome(r.own), "other": _outcome(r.other)} for r in c.differing],
        "parted": None if parted is None else {
            "kind": parted.kind, "step": parted.step, "choice": parted.choice_text,
            "reason": parted.reason},
        "words": {"title": words.title, "intro": words.intro, "rows": list(words.rows),
                  "summary": list(words.summary)},
    }


def _side(side: Side) -> dict:
    listed = side.listed
    return {"ruleset": side.ruleset, "name": side.name, "score": side.score,
            "listed": None if listed is None else {
                "name": listed.name, "step": listed.step, "choice": listed.choice_text,
                "score": listed.score, "by_score": listed.by_score},
            "on_list": side.on_list, "closed": [name for name, _ in side.closed],
            "ending": side.ending}


def _outcome(o: Outcome) -> dict:
    return {"kind": o.kind, "points": o.points, "delay": o.delay, "closed": list(o.closed),
            "opened": list(o.opened), "listed": o.listed, "words": outcome_sentence(o)}
