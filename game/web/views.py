"""What each student page shows, as plain data for its template: read from the engine's
state, choices and events (the words from the terminal front end's modules, so the browser
and the terminal say the same), and for the debrief from the session record, as the kiosk's
six steps do. Nothing here changes a state."""
from __future__ import annotations

from ..classroom import strings as K
from ..classroom.chilling import PUBLISHED
from ..classroom.summary import (contrasts_of, happened_lines, learned_line, main_chapter,
                                 your_figure)
from ..classroom.svg import score_chart
from ..core import choices, score_display, services
from ..core import debrief as core_debrief
from ..core.changes import final_display, final_words
from ..core.display import legibility
from ..text import strings as ts
from ..text.events import event_lines
from ..text.screen import stars_text, watcher_line
from . import strings as W

NUMBER_SHOWN = ("exact", "delayed")   # rulesets whose ending may name the number


def score_view(state) -> dict:
    shown = score_display(state)
    if shown.number is not None:
        words = str(shown.number)
    elif shown.stars is not None:
        words = stars_text(shown.stars).removeprefix("Score: ")
    else:
        words = ts.SCORE_HIDDEN.removeprefix("Score: ")
    return {"words": words, "tier": shown.tier}


def status_view(state) -> dict:
    level = state.level
    blacklist = level.blacklist
    return {
        "score": score_view(state),
        "money": ts.MONEY.format(money=state.money) if state.money else None,
        "listed": ts.ON_LIST.format(name=blacklist.name)
        if state.blacklisted and blacklist is not None else None,
        "watchers": watcher_line(state) if state.scene else None,
        "doors": [{"name": v.name, "open": v.open, "why": v.why} for v in services(state)],
    }


def happened(player) -> list[str]:
    """The lines a player reads after their last choice (what the window and terminal say)."""
    step = player.last
    if step is None:
        return []
    state = step.state
    return [line for line in event_lines(step.events, state.level, legibility(state), False,
                                         step.score) if line.strip()]


def scene_view(state) -> dict:
    scene = state.level.scenes[state.scene]
    views = choices(state)
    return {"title": scene.title, "paragraphs": _paragraphs(scene.text), "step": state.step,
            "choices": [{"id": v.id, "number": v.number, "text": v.text, "open": v.available,
                         "why": v.locked_reason} for v in views]}


def ending_view(state) -> dict:
    ending = state.level.endings[state.ending]
    return {"title": ending.title, "paragraphs": _paragraphs(ending.text),
            "final": final_words(final_display(state), ts)}


def _paragraphs(text: str) -> list[str]:
    return [p.strip().replace("\n", " ") for p in text.strip().split("\n\n") if p.strip()]


# ---------------------------------------------------------------- the six steps

def debrief_view(step: int, data: dict, level, state) -> dict:
    """Step `step` (0-5) of the debrief, with the student's own data: the same blocks as
    the kiosk's six steps (game/ui/screens/kiosk_debrief.py)."""
    key, title = K.STEPS[step]
    prompts = list(getattr(level.debrief, key, [])[:3]) if level is not None else []
    view = {"key": key, "title": title, "number": step + 1, "of": W.STEP_NUMBER.format(
        n=step + 1), "prompts": prompts or [K.STEP_PROMPTS[key]], "last": step == 5}
    return view | _STEP_BLOCKS[key](data, level, state)


def _feel(data, level, state) -> dict:
    ch = main_chapter(data)
    out: dict = {"lead": K.STEP_PROMPTS["feel"], "ending": None, "final": None}
    if ch and ch.get("ending"):
        out["ending"] = ch["ending"]["title"]
        if ch.get("final_score") is not None and ch.get("legibility") in NUMBER_SHOWN \
                and ch["ending"].get("score_shown", True):
            out["final"] = ts.FINAL_SCORE.format(score=ch["final_score"])
    return out


def _happened(data, level, state) -> dict:
    ch = main_chapter(data)
    if ch is None:
        return {"lines": []}
    points = [(p["step"], p["score"]) for p in ch["score_path"]]
    lines = [(t["value"], t["name"]) for t in ch.get("thresholds", [])]
    lo, hi = min(s for _, s in points), max(s for _, s in points)
    span = max(100, hi - lo)
    near = [(v, n) for v, n in lines if lo - span <= v <= hi + span]
    chart = score_chart(points, near, 420, 190, f"Your score: {ch['title']}") \
        if ch.get("scored") else None
    return {"chart": chart, "lines": happened_lines(data), "report": _report(state)}


def _report(state) -> list[dict]:
    """The Transparency Report of the scored chapter played (or the last one)."""
    rows = []
    for row in core_debrief.transparency_report(state) if state is not None else []:
        seen = ", ".join(row.seen_by) or ts.SEEN_BY_NOBODY
        told = ts.TOLD_NA if not row.delta else (ts.TOLD_YES if row.told_why else ts.TOLD_NO)
        rows.append({"step": row.step, "choice": row.choice_text,
                     "behaviour": row.behaviour or ts.NO_BEHAVIOUR,
                     "seen": seen if row.scored else ts.NOT_SCORED,
                     "cost": f"{row.delta:+d}" if row.delta else "0", "told": told})
    return rows


def _learned(data, level, state) -> dict:
    c = data.get("chilling") or {}
    cards = [(W.YOU, your_figure(c), K.YOUR_SHIFT_CAPTION)]
    cards += [(p.short, p.figure, p.claim) for p in PUBLISHED]
    pairs = []
    for a in c.get("answers", []):
        if a["unscored"] is None or a["scored"] is None:
            continue
        pairs.append({"question": a["question"],
                      "before": a["candid_means"] if a["unscored"] else W.CANDID_NOT,
                      "after": a["candid_means"] if a["scored"] else W.CANDID_NOT})
    return {"lead": learned_line(c), "cards": cards, "pairs": pairs}



def _relates(data, level, state) -> dict:
    corrections = list(level.debrief.corrections) if level is not None else []
    return {"lead": K.RELATES_FACTS, "lines": corrections,
            "refs": [f"{p.reference} {p.url}" for p in PUBLISHED]}


def _what_if(data, level, state) -> dict:
    lead = None
    persona = (data.get("persona") or {}).get("id")
    ruleset = (data.get("ruleset") or {}).get("id")
    if level is not None:
        others = [p.name for pid, p in level.personas.items() if pid != persona]
        rules = [r.name for rid, r in level.rulesets.items() if rid != ruleset]
        if others or rules:
            lead = K.WHAT_IF_OTHER.format(persona=" or ".join(others) or "—",
                                          ruleset=" or ".join(rules) or "—")
    contrasts = [{"title": c["words"]["title"], "intro": c["words"]["intro"],
                  "lines": c["words"]["rows"] + c["words"]["summary"]}
                 for c in contrasts_of(data)]
    return {"lead": lead, "note": K.STEP_PROMPTS["what_if"], "contrasts": contrasts}


def _next(data, level, state) -> dict:
    return {"lead": K.STEP_PROMPTS["next"], "note": K.INCLUDE_NOTE}


_STEP_BLOCKS = {"feel": _feel, "happened": _happened, "learned": _learned,
                "relates": _relates, "what_if": _what_if, "next": _next}


def main_state(player):
    """The state of the chapter the debrief is about: the last scored one played."""
    scored = [r.state for r in player.recorders
              if any(r.state.level.is_scored(s) for s in r.state.level.scenes)]
    return (scored or [r.state for r in player.recorders] or [None])[-1]
