"""What the teacher's pages show: who joined and where each student is, and the class
figures of the sessions finished so far (game/classroom/class_data.py, as the class report
computes them), one per step of the discussion."""
from __future__ import annotations

import io
import json
import zipfile

from ..classroom import strings as K
from ..classroom.chilling import signed_percent
from ..classroom.class_data import ClassData
from ..classroom.debrief_steps import page_label, page_of
from ..classroom.export import file_stem
from ..classroom.fairness import FEW_STUDENTS
from ..classroom.questions import class_shifts
from ..classroom.kiosk import turn_title
from ..classroom.report import report_html
from ..classroom.report_range import KINDS, few_warning, percent, points_text, range_line
from ..classroom.svg import strip_plot
from . import strings as W


def student_rows(lesson) -> tuple[list[dict], str]:
    """One row per student who joined, and the counts line."""
    counts = lesson.store.choice_counts()
    rows, tally = [], {"play": 0, "debrief": 0, "done": 0}
    for row in lesson.store.students():
        phase = _TALLY.get(row.phase, row.phase)
        tally[phase] = tally.get(phase, 0) + 1
        rows.append({"code": row.code, "persona": _persona(lesson, row),
                     "now": _now(lesson, row), "choices": counts.get(row.token, 0),
                     "status": K.STATUS_WORDS.get(row.status, "—") if row.status else "—"})
    line = W.JOINED.format(n=len(rows), playing=tally["play"], debrief=tally["debrief"],
                           done=tally["done"])
    return rows, line


#: Where each phase is counted in the line above the table: the questions before play with
#: playing, the confirmation and the questions after with the debrief.
_TALLY = {"before": "play", "confirm": "debrief", "after": "debrief"}


def _persona(lesson, row) -> str:
    level_id = row.plan["turns"][0][0]
    personas = lesson.levels[level_id].personas
    pid = row.plan["persona"]
    return personas[pid].name if pid in personas else pid


def _now(lesson, row) -> str:
    if row.phase == "done":
        return W.NOW_DONE
    if row.phase == "before":
        return W.NOW_QUESTIONS
    if row.phase == "after":
        return W.NOW_QUESTIONS_AGAIN
    if row.phase in ("debrief", "confirm"):
        return W.NOW_DEBRIEF.format(where=page_label(page_of(row.step)).lower())
    level_id, ruleset = row.plan["turns"][min(row.turn, len(row.plan["turns"]) - 1)]
    return W.NOW_PLAYING.format(title=turn_title(lesson.levels[level_id], ruleset))


def sessions(lesson) -> list[dict]:
    """The session records kept so far: a student's is written when their last chapter
    ends (or the time or the lesson does), and again when they finish the debrief."""
    return [row.export for row in lesson.store.students() if row.export is not None]


def class_data(lesson) -> ClassData:
    return ClassData(sessions(lesson))


def figures(lesson) -> list[dict]:
    """The discussion's figures, in the order of the six steps: each with its step's key."""
    cls = class_data(lesson)
    if not cls.sessions:
        return []
    out = [_fig("feel", W.FIG_ENDINGS, [W.ENDING_ROW.format(title=f"{level}: {title}", count=n)
                                        for level, c in cls.endings().items()
                                        for title, n in c.most_common()])]
    groups = cls.scores_by_persona()
    out.append(_fig("happened", W.FIG_SCORES,
                    [W.PERSONA_ROW.format(**r, players=K.count(r["n"], "player", "players"))
                     for r in cls.persona_rows()],
                    strip_plot(groups, cls.thresholds(), 620) if groups else None))
    out.append(_fig("happened", W.FIG_DOORS,
                    [W.DOOR_ROW.format(name=r["name"], lost=r["lost"], n=r["players"])
                     for r in cls.services() if r["lost"]]))
    shift = cls.chilling()
    lines, headline = [], None
    if shift.pairs:
        headline = signed_percent(shift.shift_percent) if shift.shift_percent is not None \
            else f"{shift.candid_unscored} → {shift.candid_scored}"
        lines = [W.CHILLING_ROW.format(scored=shift.candid_scored,
                                       unscored=shift.candid_unscored, pairs=shift.pairs,
                                       students=K.count(shift.students), fewer=shift.fewer,
                                       same=shift.same, more=shift.more),
                 *_ranges(cls), W.FIG_NOT_STUDY.format(students=K.count(shift.students))]
    whole = cls.chilling_interval()
    warn = few_warning(whole.students) if 0 < whole.students < FEW_STUDENTS else None
    out.append(_fig("learned", W.FIG_CHILLING, lines) | {"headline": headline, "warn": warn})
    asked = _questions(cls)
    if asked is not None:
        out.append(asked)
    out.append(_fig("relates", W.FIG_CORRECTIONS, _corrections(lesson)))
    out.append(_fig("what_if", W.FIG_CONTRAST, [
        W.CONTRAST_ROW.format(own=r["own"], other=r["other"],
                            players=K.count(r["n"], "player", "players"),
                            own_median=_number(r["own_median"]),
                            other_median=_number(r["other_median"]), parted=r["parted"])
        for r in cls.contrasts()]))
    out.append(_fig("next", W.FIG_ANSWERS, [f"{q}: {t}" for key, q in K.STEPS
                                            for t in cls.answers().get(key, [])]))
    return out


def _ranges(cls) -> list[str]:
    """The class's chilling figure, then each kind of dilemma, with its 95% range."""
    lines = [range_line(K.RANGE_ALL, cls.chilling_interval())]
    for kind in KINDS:
        part = cls.chilling_interval(kind)
        if part.students:
            lines.append(range_line(K.RANGE_KINDS[kind], part))
    return lines


def _questions(cls) -> dict | None:
    """The lesson's questions: each one's shift before and after, with its 95% range (None
    when the class was asked none)."""
    rows = class_shifts(cls.sessions)
    if not rows:
        return None
    lines = [W.QUESTION_ROW.format(ask=r["ask"], marked=r["marked"],
                                   before=percent(r["before"], r["n"]),
                                   after=percent(r["after"], r["n"]), students=K.count(r["n"]),
                                   change=points_text(r["shift"])) for r in rows]
    fewest = min(r["n"] for r in rows)
    warn = few_warning(fewest, True) if fewest < FEW_STUDENTS else None
    return _fig("learned", K.REPORT_QUESTIONS, lines) | {"warn": warn}


def _number(value) -> str:
    return "—" if value is None else f"{value:.0f}"


def _fig(step: str, title: str, lines: list[str], svg: str | None = None) -> dict:
    return {"step": step, "title": title, "lines": lines, "svg": svg, "headline": None,
            "warn": None}


def _corrections(lesson) -> list[str]:
    for level in lesson.levels.values():
        if level.debrief.corrections and any(level.is_scored(s) for s in level.scenes):
            return list(level.debrief.corrections)
    return []


def exports_zip(lesson) -> bytes:
    """Every session record kept so far, one JSON file each (the export's own format)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for data in sessions(lesson):
            z.writestr(f"{file_stem(data['session'])}.json",
                       json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return buf.getvalue()


def class_report(lesson) -> str:
    return report_html(class_data(lesson))
