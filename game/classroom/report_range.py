"""The class report's figures with their uncertainty: the "How sure is this?" block (each
chilling-effect figure with its 95% range from resampling students, `fairness`; a plain
warning when too few students took part; an order effect named only when the range of the
gap between the orders leaves out zero), and "What students learned" (the lesson's
questions, before and after, each shift with its range)."""
from __future__ import annotations

from . import strings as S
from .chilling import signed_percent
from .fairness import FEW_STUDENTS, Interval, differ
from .page import esc, table
from .questions import class_shifts

KINDS = ("expression", "rules")


def few_warning(n: int, questions: bool = False) -> str:
    """The warning that `n` students are too few (dilemmas, or with `questions` the
    lesson's questions), said right for one student too."""
    if questions:
        return S.QUESTIONS_FEW_ONE if n == 1 else S.QUESTIONS_FEW.format(n=n)
    return S.RANGE_FEW_ONE if n == 1 else S.RANGE_FEW.format(n=n)


def range_line(label: str, found: Interval) -> str:
    """"All six dilemmas: -20% (95% range -40% to 0%, 12 students)." (the teacher's page
    says it too)."""
    if found.value is None or found.low is None:
        return S.RANGE_NONE.format(label=label, students=S.count(found.students))
    return S.RANGE_LINE.format(label=label, value=signed_percent(found.value),
                               low=signed_percent(found.low), high=signed_percent(found.high),
                               students=S.count(found.students))


def _short(found: Interval) -> str:
    if found.value is None or found.low is None:
        return "—"
    return (f"{signed_percent(found.value)} ({signed_percent(found.low)} to "
            f"{signed_percent(found.high)}, {S.count(found.students)})")


def card_range(found: Interval) -> str:
    """The range under the class figure on its card (what is projected), or the warning."""
    if not found.students:
        return ""
    if found.few:
        text = S.RANGE_CARD_FEW.format(students=S.count(found.students))
    elif found.low is None:
        return ""
    else:
        text = S.RANGE_CARD.format(low=signed_percent(found.low),
                                   high=signed_percent(found.high),
                                   students=S.count(found.students))
    return f'<div class="range"><strong>{esc(text)}</strong></div>'


def ranges_html(cls) -> str:
    """The block, or "" when no student compared a dilemma both ways."""
    whole = cls.chilling_interval()
    if not whole.students:
        return ""
    lines = [range_line(S.RANGE_ALL, whole)]
    for kind in KINDS:
        part = cls.chilling_interval(kind)
        if part.students:
            lines.append(range_line(S.RANGE_KINDS[kind], part))
    out = [f"<h3>{esc(S.RANGE_TITLE)}</h3>"]
    if whole.students < FEW_STUDENTS:
        out.append(f'<p class="warn"><strong>{esc(few_warning(whole.students))}'
                   "</strong></p>")
    out.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>")
    out.append(_orders(cls))
    if cls.replays:
        out.append(f'<p class="muted small">{esc(S.RANGE_REPLAYS.format(n=len(cls.replays)))}'
                   "</p>")
    out.append(f'<p class="muted small">{esc(S.RANGE_HOW)}</p>')
    return "".join(out)


def _orders(cls) -> str:
    orders = cls.order_intervals()
    if set(orders) != {"unscored_first", "scored_first"}:
        return ""
    text = S.RANGE_ORDERS.format(first=_short(orders["unscored_first"]),
                                 second=_short(orders["scored_first"]))
    gap = cls.order_gap()
    if differ(gap):
        verdict = S.RANGE_ORDER_DIFFER.format(low=f"{gap[0]:+.0f}", high=f"{gap[1]:+.0f}")
    else:
        verdict = S.RANGE_ORDER_SAME
    return f"<p>{esc(text)} {esc(verdict)}</p>"


def questions_html(cls) -> str:
    """The questions' section, or "" when the class was asked none."""
    rows = class_shifts(cls.sessions)
    if not rows:
        return ""
    body = [[f'{esc(r["ask"])}<br><span class="muted small">'
             f'{esc(S.REPORT_QUESTIONS_FOLLOWED.format(answer=r["marked"]))}</span>',
             f'{percent(r["before"], r["n"])} → {percent(r["after"], r["n"])}'
             f'<br><span class="muted small">{r["n"]} students</span>',
             esc(points_text(r["shift"]))] for r in rows]
    few = min(r["n"] for r in rows) < FEW_STUDENTS
    warn = (f'<p class="warn">{esc(few_warning(min(r["n"] for r in rows), True))}</p>'
            if few else "")
    return (f"<section><h2>{esc(S.REPORT_QUESTIONS)}</h2><p class=\"muted\">"
            f"{esc(S.REPORT_QUESTIONS_NOTE)}</p>{warn}"
            f"{table(list(S.REPORT_QUESTIONS_HEAD), body, {1, 2})}</section>")


def percent(k: int, n: int) -> str:
    return f"{100 * k / n:.0f}%" if n else "—"


def points_text(found: Interval) -> str:
    """A question's change in points with its range, or a dash."""
    if found.value is None or found.low is None:
        return "—"
    return f"{found.value:+.0f} points ({found.low:+.0f} to {found.high:+.0f})"
