"""The debrief's six steps (Thiagi: feel, happened, learned, relates, what if, next) as plain
data: what each step shows of the student's own session record, the same in the kiosk
(game/ui/screens/kiosk_debrief.py lays it out with pygame) and in the browser
(game/web/views.py hands it to a template). No pygame and no files here: a record in, a
dict out, so the two front ends cannot drift apart.
"""
from __future__ import annotations

from ..core.debrief import to_the_end
from ..core.strings import PAIR_KIND_NAMES, PAIR_KIND_SHORT
from . import strings as K
from .chilling import BESIDE, LATER_REVIEWS, PUBLISHED, kind_caption, kinds_played
from .summary import (contrasts_of, happened_lines, learned_line, main_chapter, verdict_of,
                      your_figure)

NUMBER_SHOWN = ("exact", "delayed")   # rulesets whose ending may name the number

#: The six steps on four pages (issue 16: a debrief in four or five screens): how it felt
#: beside what happened, what you learned on its own, the real world beside "what if", and
#: what next with the tick box. Each step keeps its own questions and answer box.
PAGES: tuple[tuple[str, ...], ...] = (("feel", "happened"), ("learned",),
                                      ("relates", "what_if"), ("next",))
STEP_KEYS = [key for key, _ in K.STEPS]


def page_of(step: int) -> int:
    """The page holding step `step` (0-5)."""
    key = STEP_KEYS[step]
    return next(n for n, keys in enumerate(PAGES) if key in keys)


def first_step(page: int) -> int:
    """The number (0-5) of the first step on page `page`."""
    return STEP_KEYS.index(PAGES[page][0])


def page_label(page: int) -> str:
    """"Step 2 of 6" or "Steps 3–4 of 6": which of the six steps the page holds."""
    first = first_step(page) + 1
    last = first + len(PAGES[page]) - 1
    return K.STEP_OF.format(n=first) if first == last else K.STEPS_OF.format(n=first, m=last)


def step_heading(key: str) -> str:
    """The step's question with its number: "1. How do you feel?"."""
    return K.STEP_HEADING.format(n=STEP_KEYS.index(key) + 1, question=dict(K.STEPS)[key])


def step_data(key: str, data: dict, level=None) -> dict:
    """What step `key` shows of the session record `data` (the export's plain data);
    `level` gives the prompts, the corrections and the other personas and rulesets."""
    return _STEPS[key](data, level)


def prompts(key: str, level=None) -> list[str]:
    """The level's prompts for a step (at most three), or the classroom's own."""
    found = getattr(level.debrief, key, []) if level is not None else []
    return list(found[:3]) or [K.STEP_PROMPTS[key]]


def _feel(data: dict, level) -> dict:
    """The three-line verdict, the ending reached and, when the rules let the number be seen,
    the final score."""
    ch = main_chapter(data)
    out: dict = {"verdict": verdict_of(data), "lead": K.STEP_PROMPTS["feel"], "ending": None,
                 "final": None}
    if ch and ch.get("ending"):
        out["ending"] = ch["ending"]["title"]
        if ch.get("final_score") is not None and ch.get("legibility") in NUMBER_SHOWN \
                and ch["ending"].get("score_shown", True):
            out["final"] = ch["final_score"]
    return out


def _happened(data: dict, level) -> dict:
    """The score path of the main chapter with the blacklist lines near it, and what
    happened in sentences. `points` is empty when no choice was made."""
    ch = main_chapter(data)
    if ch is None or not ch.get("score_path"):
        return {"points": [], "thresholds": [], "lines": [], "title": None, "scored": False}
    points = to_the_end([(p["step"], p["score"]) for p in ch["score_path"]],
                        len(ch.get("choices") or []))
    lines = [(t["value"], t["name"]) for t in ch.get("thresholds", [])]
    lo, hi = min(s for _, s in points), max(s for _, s in points)
    span = max(100, hi - lo)
    near = [(v, n) for v, n in lines if lo - span <= v <= hi + span]
    return {"points": points, "thresholds": near, "lines": happened_lines(data),
            "title": ch["title"], "scored": bool(ch.get("scored"))}


def _learned(data: dict, level) -> dict:
    """The chilling effect: the student's own line, then each kind of dilemma they answered
    both ways beside the one study it compares with (`kinds`: name, your card, the
    study's card); when no kind was compared, `cards` (you, and the studies when nothing
    was compared at all). A study's card carries its one short sentence; `studies`: what
    each study on a card found and what it cannot show, in full, for a folded part.
    `pairs`: each dilemma answered both ways."""
    c = data.get("chilling") or {}
    kinds, shown = [], []
    for kind, part in kinds_played(c).items():
        p = BESIDE[kind]
        shown.append(p)
        kinds.append({"name": PAIR_KIND_NAMES[kind], "cards": [
            (K.YOU_KIND.format(name=PAIR_KIND_SHORT[kind]), your_figure(part),
             kind_caption(kind, part, named=False)), (p.short, p.figure, p.brief)]})
    cards = []
    if not kinds:
        shown = [] if c.get("pairs") else list(PUBLISHED)
        cards = [(K.YOU, your_figure(c), K.YOUR_SHIFT_CAPTION),
                 *((p.short, p.figure, p.brief) for p in shown)]
    pairs = [{"question": a["question"],
              "before": a["candid_means"] if a["unscored"] else K.CANDID_NOT,
              "after": a["candid_means"] if a["scored"] else K.CANDID_NOT}
             for a in c.get("answers", [])
             if a["unscored"] is not None and a["scored"] is not None]
    studies = [{"short": p.short, "text": f"{p.claim} {p.caveat}"} for p in shown]
    return {"lead": learned_line(c), "kinds": kinds, "cards": cards, "pairs": pairs,
            "studies": studies}


def _relates(data: dict, level) -> dict:
    """The level's corrections (what is real) and the sources of the published figures."""
    corrections = list(level.debrief.corrections) if level is not None else []
    refs = [*(f"{p.reference} {p.url}" for p in PUBLISHED), *LATER_REVIEWS]
    return {"lead": K.RELATES_FACTS, "lines": corrections, "refs": refs}


def _what_if(data: dict, level) -> dict:
    """The other personas and rulesets by name, and the same choices under the other rules."""
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


def _next(data: dict, level) -> dict:
    return {"lead": K.STEP_PROMPTS["next"]}   # what unticked means goes with the tick box


_STEPS = {"feel": _feel, "happened": _happened, "learned": _learned,
          "relates": _relates, "what_if": _what_if, "next": _next}
