"""The ending and the debrief as plain lines, in the window's order: the three-line verdict,
score over time, the Transparency Report, the same choices under other rules, the chilling
effect beside published figures; then, folded behind one line each and printed on request
(`folds`), the same choices under the other rules, the discussion prompts and what is real
(the sources and where they overstate)."""
from __future__ import annotations

import textwrap
from itertools import zip_longest

from ..core import State, ending_told
from ..core import debrief as core_debrief
from ..core.contrast import contrasts
from ..core.contrast_words import contrast_words
from ..core.changes import final_display, final_words
from ..core.verdict import verdict
from ..core.strings import PAIR_KIND_NAMES, cost_parts
from . import strings as s
from .screen import told_lines, wrap


# ---------------------------------------------------------------- a plain table

def table(head: tuple[str, ...], rows: list[tuple[str, ...]],
          widths: tuple[int, ...]) -> list[str]:
    """Columns of fixed widths, two spaces apart; a long cell wraps onto more lines."""
    out = [*_row(head, widths), "  ".join("-" * w for w in widths)]
    for row in rows:
        out.extend(_row(row, widths))
    return out


def _row(cells: tuple[str, ...], widths: tuple[int, ...]) -> list[str]:
    wrapped = [textwrap.wrap(c, w, break_on_hyphens=False) or [""]
               for c, w in zip(cells, widths)]
    lines = []
    for parts in zip_longest(*wrapped, fillvalue=""):
        lines.append("  ".join(p.ljust(w) for p, w in zip(parts, widths)).rstrip())
    return lines


# ---------------------------------------------------------------- sections

def ending_lines(state: State) -> list[str]:
    """The ending reached, or nothing for a chapter cut short (a classroom's time limit)."""
    if state.ending is None:
        return []
    ending = state.level.endings[state.ending]
    return [s.ENDING.format(title=ending.title), "", *told_lines(ending_told(state)), "",
            final_words(final_display(state), s)]


def score_over_time_lines(state: State) -> list[str]:
    """The score after each change; none on a day nothing was scored."""
    if final_display(state) is None:
        return []
    points = core_debrief.score_over_time(state)
    path = s.SCORE_ARROW.join(s.SCORE_POINT.format(step=step, score=score)
                              for step, score in points)
    return [s.SCORE_OVER_TIME, *textwrap.wrap(path, s.WIDTH, initial_indent="  ",
                                              subsequent_indent="  "), ""]


def _report_cells(row: core_debrief.ReportRow) -> tuple[str, ...]:
    seen = ", ".join(row.seen_by) or s.SEEN_BY_NOBODY
    if not row.scored:
        seen = s.NOT_SCORED
    told = s.TOLD_NA if not row.delta else (s.TOLD_YES if row.told_why else s.TOLD_NO)
    return (str(row.step), row.choice_text, row.behaviour or s.NO_BEHAVIOUR, seen,
            f"{row.delta:+d}" if row.delta else "0", told)


def moment_notes(row: core_debrief.ReportRow) -> list[str]:
    """Which moments of watching at this choice were real, and what recorded with no sign."""
    notes = []
    if row.moments:
        items = "; ".join((s.MOMENT_REAL if m.recorded else s.MOMENT_FAKE).format(name=m.name)
                          for m in row.moments)
        notes.append(s.MOMENTS_SHOWN.format(items=items))
    if row.unshown:
        notes.append(s.MOMENTS_UNSHOWN.format(names=", ".join(row.unshown)))
    return notes


def report_lines(state: State) -> list[str]:
    """The table; under a row whose cost has more than one cause (or lands later), the
    split: "= -25 this choice, -2 your contacts"."""
    rows = core_debrief.transparency_report(state)
    if not rows:
        return [s.REPORT, s.REPORT_NONE]
    lines = table(s.REPORT_HEAD, [], s.REPORT_WIDTHS)
    indent = " " * (s.REPORT_WIDTHS[0] + 2)
    for row in rows:
        lines.extend(_row(_report_cells(row), s.REPORT_WIDTHS))
        split = []
        if len(row.changes) > 1:
            split.append(s.COST_SPLIT.format(parts=cost_parts(row.changes)))
        if row.later:
            split.append(s.COST_LATER.format(delta=row.later))
        lines.extend(textwrap.wrap("; ".join(split), s.WIDTH, initial_indent=indent,
                                   subsequent_indent=indent) if split else [])
        for note in moment_notes(row):
            lines.extend(textwrap.wrap(note, s.WIDTH, initial_indent=indent,
                                       subsequent_indent=indent))
    return [s.REPORT, "", *lines]


def contrast_lines(state: State) -> list[str]:
    """The same choices under each other ruleset of the level (none for a level with one, or
    with nothing scored): a heading, then a paragraph each, a blank line apart."""
    lines: list[str] = []
    for each in contrasts(state):
        words = contrast_words(each)
        lines.extend(["", words.title])
        for paragraph in words.paragraphs:
            lines.extend(["", *wrap(paragraph)])
    return lines


def _candid_words(state: State) -> str:
    pairs = {a.pair for a in state.baselines}
    words = {state.level.baselines[p].candid for p in pairs if p in state.level.baselines}
    return words.pop() if len(words) == 1 else s.CANDID_GENERIC


def chilling_lines(state: State) -> list[str]:
    figure = core_debrief.chilling_effect(state)
    lines = [s.CHILLING]
    if figure.pairs:
        lines.append(s.CHILLING_FIGURE.format(
            candid=_candid_words(state), before=figure.candid_unscored,
            after=figure.candid_scored, pairs=figure.pairs))
    kinds = core_debrief.chilling_by_kind(state) if figure.case == "figure" else {}
    one_kind = len(kinds) == 1 and next(iter(kinds.values())).pairs == figure.pairs
    if figure.case == "figure" and not one_kind:   # else said once, under its kind
        lines.extend(_shift_lines(figure.shift_percent))
    elif figure.case != "figure":
        lines.append({"none": s.CHILLING_NONE, "unscored_chapter": s.CHILLING_UNSCORED,
                      "held_back": s.CHILLING_HELD_BACK}[figure.case])
    if figure.case == "figure" and not kinds:
        lines.append(s.CHILLING_NO_KINDS)
    out = wrap("\n".join(lines))
    for kind, part in kinds.items():   # each kind, beside the one study it compares with
        out += wrap("\n".join([s.CHILLING_KIND.format(
            name=PAIR_KIND_NAMES[kind], before=part.candid_unscored, after=part.candid_scored,
            pairs=part.pairs), *_shift_lines(part.shift_percent)]))
        out += _wrapped_items([BESIDE[kind]])
    if figure.case != "figure":
        out += [s.PUBLISHED, *_wrapped_items(list(BESIDE.values()))]
    return out


#: Each published figure, beside the one kind of dilemma it can be compared with.
BESIDE = {"expression": s.PENNEY, "rules": s.BATESON}


def _shift_lines(percent: float | None) -> list[str]:
    if percent is None:
        return []
    if round(percent) == 0:
        return [s.CHILLING_SAME]
    direction = s.CHILLING_FEWER if percent < 0 else s.CHILLING_MORE
    return [s.CHILLING_SHIFT.format(percent=round(abs(percent)), direction=direction)]


def _wrapped_items(items: list[str]) -> list[str]:
    out = []
    for item in items:
        out.extend(textwrap.wrap(item, s.WIDTH, subsequent_indent="    ",
                                 break_on_hyphens=False))
    return out


def real_lines(state: State) -> list[str]:
    level = state.level
    lines = [s.REAL]
    for seen in core_debrief.scenes_seen(state):
        basis = s.BASIS.get(seen.basis, seen.basis)
        lines.append(s.REAL_SCENE.format(title=seen.title, basis=basis))
        titles = [level.sources[k].title for k in seen.sources if k in level.sources]
        if titles:
            lines.extend(_wrapped_items([s.REAL_SOURCES.format(titles="; ".join(titles))]))
    return lines


def _bullets(heading: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return ["", heading, *_wrapped_items([s.BULLET.format(text=t) for t in items])]


def prompt_lines(state: State) -> list[str]:
    prompts = state.level.debrief
    lines: list[str] = []
    asked = []
    for field, heading in s.PROMPT_HEADINGS:
        asked.extend(_bullets(heading, getattr(prompts, field)))
    if asked:
        lines.extend(["", s.PROMPTS, *asked])
    return lines


def verdict_lines(state: State) -> list[str]:
    return [s.VERDICT, *(line for v in verdict(state) for line in wrap(v, "  "))]


def sources_lines(state: State) -> list[str]:
    """What is real, opened: each scene's basis and sources, and where they overstate."""
    return [*real_lines(state), *_bullets(s.CORRECTIONS, state.level.debrief.corrections)]


def _questions(state: State) -> int:
    prompts = state.level.debrief
    return sum(len(getattr(prompts, field) or []) for field, _ in s.PROMPT_HEADINGS)


def folds(state: State) -> list[tuple[str, str, list[str]]]:
    """The parts folded behind one line each, as the window folds them: (the letter that
    opens it, its line, its lines opened). A part with nothing in it is left out."""
    out = []
    others = contrasts(state)
    if others:
        out.append(("r", s.FOLD_RULES.format(n=sum(len(c.differing) for c in others)),
                    contrast_lines(state)))
    if _questions(state):
        out.append(("t", s.FOLD_TALK.format(n=_questions(state)), prompt_lines(state)))
    out.append(("s", s.FOLD_REAL.format(n=len(core_debrief.scenes_seen(state))),
                ["", *sources_lines(state)]))
    return out


def folded_lines(state: State, scripted: bool) -> list[str]:
    """The lines the folded parts stand behind (a transcript shows them without asking)."""
    head = [] if scripted else [s.FOLDED_HEAD]
    return [*head, *(line for _, line, _ in folds(state))]


def debrief_lines(state: State) -> list[str]:
    """Everything after the last choice: the ending, then the debrief up to the folded parts
    (the caller prints `folded_lines`, and each part asked for)."""
    return [*ending_lines(state), "", s.DEBRIEF, "", *verdict_lines(state), "",
            *score_over_time_lines(state), *report_lines(state), "",
            *chilling_lines(state), ""]
