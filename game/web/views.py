"""What each student page shows, as plain data for its template: read from the engine's
state, choices and events (the words from the terminal front end's modules, so the browser
and the terminal say the same), and for the debrief from the session record, as the kiosk's
six steps do. Nothing here changes a state."""
from __future__ import annotations

from ..classroom import strings as K
from ..classroom.debrief_steps import (PAGES, first_step, page_label, page_of, prompts,
                                       step_data, step_heading)
from ..classroom.svg import score_chart
from ..core import choices, ending_told, scene_told, score_display, services_shown
from ..core import debrief as core_debrief
from ..core.changes import final_display, final_words
from ..core.display import NO_LONGER_SHOWN, legibility
from ..core.events import Watched
from ..content.pictures import OLD_NAMES, bundled_names, is_own
from ..core.strings import moment_line
from ..text import strings as ts
from ..text.debrief import moment_notes
from ..text.events import event_lines
from ..text.screen import stars_text, watcher_line
from . import strings as W


def score_view(state) -> dict:
    if not state.level.scored:   # a day nobody counts: no score to hide
        return {"words": W.NOT_COUNTING, "tier": None}
    shown = score_display(state)
    if shown.number is not None:
        words = str(shown.number)
    elif shown.stars is not None:
        words = stars_text(shown.stars).removeprefix("Score: ")
    elif shown.legibility == NO_LONGER_SHOWN:
        words = ts.SCORE_OFF_SCREEN.removeprefix("Score: ")
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
        "doors": [{"name": v.name, "open": v.open, "why": v.why}
                  for v in services_shown(state) or []],
    }


def happened(player) -> list[str]:
    """The lines a player reads after their last choice (what the window and terminal say);
    the moments of watching are not among them: `moments` draws those in the scene."""
    step = player.last
    if step is None:
        return []
    state = step.state
    events = [e for e in step.events if not isinstance(e, Watched)]
    return [line for line in event_lines(events, state.level, legibility(state), False,
                                         step.score) if line.strip()]


def moments(player) -> list[dict]:
    """The moments of watching of the last choice (the core's `Watched` events), each as
    its look and the caption the text mode prints: never whether anything recorded."""
    step = player.last
    if step is None:
        return []
    return [{"look": e.look, "caption": moment_line(e.name, e.look)}
            for e in step.events if isinstance(e, Watched)]


def picture_name(art: str) -> str | None:
    """The bundled picture a scene's `art` names (old names mapped), or None for a level's
    own file, which the browser does not serve."""
    if is_own(art):
        return None
    name = OLD_NAMES.get(art, art)
    return name if name in bundled_names() else None


def scene_view(state) -> dict:
    scene = state.level.scenes[state.scene]
    views = choices(state)
    told = scene_told(state)
    return {"title": scene.title, "paragraphs": _paragraphs(told.text),
            "remembered": list(told.remembered), "step": state.step,
            "art": picture_name(scene.art),
            "choices": [{"id": v.id, "number": v.number, "text": v.text, "open": v.available,
                         "why": v.locked_reason} for v in views]}


def ending_view(state) -> dict:
    ending = state.level.endings[state.ending]
    told = ending_told(state)
    return {"title": ending.title, "paragraphs": _paragraphs(told.text),
            "remembered": list(told.remembered),
            "final": final_words(final_display(state), ts)}


def _paragraphs(text: str) -> list[str]:
    return [p.strip().replace("\n", " ") for p in text.strip().split("\n\n") if p.strip()]


# ---------------------------------------------------------------- the six steps

def debrief_page(step: int, data: dict, level, state) -> dict:
    """The debrief's page holding step `step` (0-5), as the kiosk groups them
    (`debrief_steps.PAGES`): each of its steps with its own question, prompts and data."""
    page = page_of(step)
    first = first_step(page)
    steps = [debrief_view(first + i, data, level, state) for i in range(len(PAGES[page]))]
    return {"steps": steps, "step": first, "first": page == 0,
            "last": page == len(PAGES) - 1,
            "title": f"{K.DEBRIEF_TITLE} · {page_label(page)}"}


def debrief_view(step: int, data: dict, level, state) -> dict:
    """Step `step` (0-5) of the debrief, with the student's own data: the same data as the
    kiosk's six steps (game/classroom/debrief_steps.py), with the score chart drawn as SVG
    and the Transparency Report of the chapter played."""
    key, title = K.STEPS[step]
    view = {"key": key, "title": title, "number": step + 1, "of": W.STEP_NUMBER.format(
        n=step + 1), "heading": step_heading(key), "prompts": prompts(key, level),
        "last": step == 5}
    view |= step_data(key, data, level)
    if key == "feel" and view["final"] is not None:
        view["final"] = ts.FINAL_SCORE.format(score=view["final"])
    if key == "happened":
        view["chart"] = score_chart(view["points"], view["thresholds"], 420, 190,
                                    f"Your score: {view['title']}") if view["scored"] else None
        view["report"] = report_rows(state)
    return view


def report_rows(state) -> list[dict]:
    """The Transparency Report of the scored chapter played (or the last one), with which
    moments of watching were real under each row (as the text mode says them)."""
    rows = []
    for row in core_debrief.transparency_report(state) if state is not None else []:
        seen = ", ".join(row.seen_by) or ts.SEEN_BY_NOBODY
        told = ts.TOLD_NA if not row.delta else (ts.TOLD_YES if row.told_why else ts.TOLD_NO)
        rows.append({"step": row.step, "choice": row.choice_text,
                     "behaviour": row.behaviour or ts.NO_BEHAVIOUR,
                     "seen": seen if row.scored else ts.NOT_SCORED,
                     "cost": f"{row.delta:+d}" if row.delta else "0", "told": told,
                     "moments": moment_notes(row)})
    return rows


def main_state(player):
    """The state of the chapter the debrief is about: the last scored one played."""
    scored = [r.state for r in player.recorders
              if any(r.state.level.is_scored(s) for s in r.state.level.scenes)]
    return (scored or [r.state for r in player.recorders] or [None])[-1]
