"""The one-page printable debrief of a session: self-contained HTML, charts as inline SVG,
laid out to print on one A4 page. Made from the session record alone (`printable_html(data)`),
so a teacher can print it again from the JSON file at any time.
"""
from __future__ import annotations

from . import strings as S
from ..core.debrief import to_the_end
from ..core.strings import PAIR_KIND_SHORT
from .chilling import BESIDE, PUBLISHED, kind_caption, kinds_played
from .page import esc, page, table
from .summary import (choice_cost, contrasts_of, happened_lines, learned_line, main_chapter,
                      reported, seen_counts, told_why, verdict_of, your_figure)
from .svg import score_chart

CSS = """
body { font-size: 8.3pt; line-height: 1.3; padding: 4mm 0; }
h1 { font-size: 15pt; }
h2 { font-size: 10pt; margin: 2.4mm 0 1.2mm; padding-top: 1.4mm; }
.head { display: flex; justify-content: space-between; align-items: flex-end; }
.code { white-space: nowrap; font-size: 15pt; font-weight: 600; color: #3a54d6; }
.report table { table-layout: fixed; }
.report td, .report th { padding: .35mm 1.2mm; font-size: 7.4pt; overflow-wrap: anywhere; }
.report col.wide { width: 36%; } .report col.mid { width: 21%; } .report col.num { width: 6%; }
.pairs col.question { width: 64%; }
.q { border: 1px solid #d6d8dc; border-radius: 2mm; padding: 1mm 2mm; min-height: 14mm; }
.q b { display: block; font-size: 8.2pt; }
.q .a { font-size: 7.6pt; line-height: 1.25; white-space: pre-wrap; }
.grid { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 2mm; }
.foot { margin-top: 2mm; font-size: 7pt; color: #5c6572; }
.card .fig { font-size: 13pt; }
.card { padding: 1.2mm 2.4mm; font-size: 7.6pt; line-height: 1.25; }
.head h1 { margin: 0; }
.verdict { margin: 1mm 0 0; font-size: 8pt; line-height: 1.25; } .verdict p { margin: 0 0 .3mm; }
.cols li { margin: 0; }
ul { margin: 0; } li { margin: 0 0 .4mm; }
@page { size: A4; margin: 10mm; }
@media print { body { padding: 0; zoom: .92; } }
"""
MAX_ROWS = 10
MAX_ANSWER = 110   # characters of a typed answer printed (the file keeps all of it)


def printable_html(data: dict) -> str:
    body = [_header(data), _verdict(data), _score_and_doors(data), _chilling(data), _report(data),
            _questions(data), f'<p class="foot">{esc(S.PRINT_FOOT)} {_sources()}</p>']
    return page(f"{S.PRINT_TITLE} · {data['session']}", "".join(body), CSS)


def _header(data: dict) -> str:
    ch = main_chapter(data)
    persona = (data.get("persona") or {}).get("name", "")
    ruleset = data.get("ruleset") or {}
    who = S.PRINT_WHO.format(persona=persona, ruleset=ruleset.get("name", ""),
                             legibility=S.LEGIBILITY_WORDS.get(ruleset.get("legibility"), ""))
    chapters = " → ".join(c["title"] for c in data["chapters"]) or "—"
    status = S.STATUS_WORDS.get(data["status"], data["status"])
    ending = ch["ending"]["title"] if ch and ch.get("ending") else "—"
    return (f'<div class="head"><div><h1>{esc(S.PRINT_TITLE)}</h1>'
            f'<p class="muted">{esc(chapters)} · {esc(who)} · {esc(data["date"])} · '
            f'{esc(status)}</p></div><div style="text-align:right">'
            f'<div class="muted small">{esc(S.PRINT_CODE)}</div>'
            f'<div class="code">{esc(data["session"])}</div>'
            f'<div class="small">Ending: <b>{esc(ending)}</b></div></div></div>')


def _verdict(data: dict) -> str:
    """The three lines that open the debrief on screen open the printed page too."""
    lines = verdict_of(data)
    if not lines:
        return ""
    return ('<section class="verdict">'
            + "".join(f"<p><b>{esc(line)}</b></p>" for line in lines) + "</section>")


def _score_and_doors(data: dict) -> str:
    ch = main_chapter(data)
    if ch is None:
        return ""
    points = to_the_end([(p["step"], p["score"]) for p in ch["score_path"]],
                        len(ch.get("choices") or []))
    lines = [(t["value"], t["name"]) for t in ch.get("thresholds", [])]
    lo, hi = min(s for _, s in points), max(s for _, s in points)
    span = max(100, hi - lo)
    near = [(v, n) for v, n in lines if lo - span <= v <= hi + span]
    chart = score_chart(points, near, 380, 125, f"{S.PRINT_SCORE}: {ch['title']}")
    facts = "".join(f"<li>{esc(line)}</li>"
                    for line in happened_lines(data) + _contrast_lines(data))
    return (f'<section class="cols"><div><h2>{esc(S.PRINT_SCORE)}</h2>{chart}</div>'
            f'<div><h2>{esc(S.PRINT_DOORS)} · {esc(S.PRINT_SEEN)}</h2><ul>{facts}</ul></div>'
            "</section>")


def _chilling(data: dict) -> str:
    c = data.get("chilling") or {}
    kinds = kinds_played(c)
    cards = [_card("You", your_figure(c), learned_line(c), you=True)]
    if kinds:   # each kind beside the one study it compares with (the table shows the pairs)
        cards = [card for kind, part in kinds.items() for card in (
            _card(f"You: {PAIR_KIND_SHORT[kind]}", your_figure(part),
                  kind_caption(kind, part, named=False), you=True), _published(BESIDE[kind]))]
    elif not c.get("pairs"):
        cards += [_published(p) for p in PUBLISHED]
    row = f'<div class="cards">{"".join(cards)}</div>'
    rows = [[esc(a["question"]), _candid(a["unscored"], a["candid_means"]),
             _candid(a["scored"], a["candid_means"])]
            for a in c.get("answers", []) if a["unscored"] is not None or a["scored"] is not None]
    pairs = table(["Dilemma", "Unscored", "Under the score"], rows,
                  cols=["question", "", ""]) if rows else ""
    return (f'<section><h2>{esc(S.PRINT_CHILLING)}</h2>{row}'
            f'<div class="report pairs" style="margin-top:1.2mm">{pairs}</div></section>')


def _published(p) -> str:
    return _card(p.short, p.figure, p.brief)


def _card(label: str, figure: str, caption: str, you: bool = False) -> str:
    return (f'<div class="card{" you" if you else ""}"><div class="label">{esc(label)}</div>'
            f'<div class="fig{" accent" if you else ""}">{esc(figure)}</div>{esc(caption)}'
            "</div>")


def _candid(value, means: str) -> str:
    if value is None:
        return "—"
    return esc(means) if value else "held back"


def _report(data: dict) -> str:
    ch = main_chapter(data)
    if ch is None:
        return ""
    rows = []
    for c in reported(ch)[:MAX_ROWS]:
        saw = ", ".join(c["observed_names"]) or "no one"
        cost = choice_cost(c)
        told = esc(_reasons(c)) if told_why(c) and _reasons(c) else "No"
        rows.append([esc(c["text"]), esc(c.get("behaviour_name") or "—"), esc(saw),
                     f"{cost:+d}" if cost else "0", told])
    n, seen, told_n = seen_counts(ch)
    more = f'<p class="small muted">… and {n - MAX_ROWS} more.</p>' if n > MAX_ROWS else ""
    return (f'<section class="report"><h2>{esc(S.PRINT_REPORT)}</h2>'
            + table(["Choice", "Counted as", "Who really saw it", "Cost", "Told why?"], rows,
                    {3}, ["wide", "mid", "mid", "num", ""]) + more + "</section>")


def _contrast_lines(data: dict) -> list[str]:
    """One line per other ruleset, among the facts: how many choices counted differently
    and the score at the end under it (the page has no room for the debrief's rows)."""
    lines = []
    for each in contrasts_of(data):
        if each["reproduced"] and each["parted"] is None:
            lines.append(S.PRINT_CONTRAST.format(n=len(each["rows"]), name=each["name"],
                                                 score=each["other"]["score"]))
        elif each["reproduced"]:
            lines.append(S.PRINT_CONTRAST_PARTED.format(n=len(each["rows"]), name=each["name"],
                                                        step=each["parted"]["step"]))
    return lines


def _reasons(choice: dict) -> str:
    """The reason told for the biggest change (the column is narrow)."""
    reasons = [c["reason"] for c in choice.get("changes", []) if c["reason"]]
    return (reasons or [choice["reason"] or ""])[0]


def _questions(data: dict) -> str:
    answers = data.get("answers") or {}
    boxes = []
    for key, question in S.STEPS:
        answer = answers.get(key, "")
        if len(answer) > MAX_ANSWER:
            answer = answer[:MAX_ANSWER - 1].rstrip() + "…"
        prompt = "" if answer else f'<span class="muted small">{esc(S.STEP_PROMPTS[key])}</span>'
        boxes.append(f'<div class="q"><b>{esc(question)}</b>{prompt}'
                     f'<div class="a">{esc(answer)}</div></div>')
    return (f'<section><h2>{esc(S.PRINT_QUESTIONS)}</h2><div class="grid">{"".join(boxes)}'
            "</div></section>")


def _sources() -> str:
    return " ".join(f"{esc(p.reference)} {esc(p.url)}" for p in PUBLISHED)
