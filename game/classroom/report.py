"""The class report: `python -m game report FILE_OR_DIR ... -o class.html`.

Reads every session file given (folders are searched, subfolders too, see `gather`), skips
the ones that cannot be read or hold what no game gives with one line each saying why, and
writes one self-contained HTML page (no script, no network, no external font; charts as
inline SVG; prints on A4), never over a file it reads or one that is not a class report:
final scores by persona, the blacklisted share, doors lost, endings, the class's
chilling-effect shift beside the published figures, where players diverged most, and a
story-map heat view.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..storage import read_small

from . import strings as S
from ..core.debrief import PAIR_KINDS
from ..core.strings import PAIR_KIND_NAMES, PAIR_KIND_SHORT
from .chilling import BESIDE, LATER_REVIEWS, PUBLISHED, signed_percent
from .class_data import ClassData
from .export import ExportError, read_session, write_atomic
from .gather import session_files, unfit
from .page import esc, page, table
from .report_range import card_range, questions_html, ranges_html
from .storymap import heat_map, passes
from .svg import bars, shift_chart, strip_plot

CSS = """
.lead { font-size: 11pt; }
.fig { font-size: 16pt; font-weight: 600; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
blockquote { margin: 0 0 1.5mm; padding: 1mm 3mm; border-left: 2px solid #c7d0f7;
  background: #f6f7fb; font-size: 9pt; }
.skipped li { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 8pt; }
.storymap { margin-bottom: 3mm; }
.range { font-size: 9pt; margin: 0 0 1.5mm; }
.warn { border-left: 3px solid #b3261e; padding: 1mm 3mm; background: #fdf0ef; }
"""
REPORT_TITLE = "Sincerity · class report"
REPORT_MARK = f"<title>{REPORT_TITLE}</title>"   # how `report -o` knows a report it may replace
ORDER_WORDS = {"unscored_first": "Day Zero first", "scored_first": "scored chapter first",
               "not compared": "no pairs compared"}
ORDER_LABELS = {"unscored_first": "Day Zero first", "scored_first": "Scored chapter first"}


# ---------------------------------------------------------------- reading

def load_class(inputs: list[str]) -> ClassData:
    files, skipped = session_files(inputs)
    sessions: dict[tuple, tuple[dict, Path]] = {}
    for path in files:
        try:
            data = read_session(path)
        except ExportError as exc:
            skipped.append(str(exc))
            continue
        why = unfit(data)
        if why:
            skipped.append(f"{path}: {why}")
            continue
        key = _identity(data)
        kept = sessions.get(key)
        if kept is not None:
            fuller = _choices_made(data) > _choices_made(kept[0])
            dropped = kept[1] if fuller else path
            if fuller:
                sessions[key] = (data, path)
            skipped.append(f"{dropped}: the same session as another file ({data['session']}); "
                           "the one with more choices is counted")
            continue
        sessions[key] = (data, path)
    return ClassData([data for data, _ in sessions.values()], skipped)


def _identity(data: dict) -> tuple:
    """What tells one student's session from another's: two computers can draw the same
    word code on the same day, but not also the same persona and random seed; copies of one
    session (collected twice, or before and after its debrief) share all of them."""
    persona = data.get("persona") or {}
    return (data["session"], data["date"], data.get("seed"), persona.get("id"))


def _choices_made(data: dict) -> int:
    return sum(len(ch.get("choices", ())) for ch in data.get("chapters", ()))


# ---------------------------------------------------------------- writing

def report_html(cls: ClassData) -> str:
    parts = [_overview(cls), _scores(cls), _doors(cls), _endings(cls), _contrasts(cls),
             _chilling(cls), questions_html(cls),
             _divergence(cls), _maps(cls), _answers(cls), _skipped(cls), _footer()]
    return page(REPORT_TITLE, "".join(parts), CSS)


def _overview(cls: ClassData) -> str:
    n = len(cls.everyone)
    statuses = ", ".join(f"{count} {S.STATUS_WORDS.get(k, k)}"
                         for k, count in cls.statuses().most_common())
    dates = cls.dates()
    when = dates[0] if len(dates) == 1 else (f"{dates[0]} to {dates[-1]}" if dates else "—")
    minutes = cls.median_minutes()
    orders = ", ".join(f"{c} {ORDER_WORDS.get(k, k)}" for k, c in cls.orders().most_common())
    return (f"<h1>Class report</h1><p class=\"lead\">{n} session{'s' if n != 1 else ''} · "
            f"{esc(when)} · {esc(statuses) or '—'}</p>"
            f"<p class=\"muted\">Order played: {esc(orders) or '—'}. Median time in the "
            f"session: {f'{minutes:.0f} min' if minutes is not None else '—'}. "
            "No names: each session is known only by its code.</p>")


def _scores(cls: ClassData) -> str:
    groups = cls.scores_by_persona()
    if not groups:
        return ""
    chart = strip_plot(groups, cls.thresholds(), 680, "Final scores by persona")
    rows = [[esc(r["persona"]), str(r["n"]), f"{r['start']:.0f}", f"{r['median']:.0f}",
             f"{r['low']}–{r['high']}", _share(r["ever_listed"], r["n"]),
             _share(r["listed_at_end"], r["n"])] for r in cls.persona_rows()]
    head = ["Persona", "Players", "Start", "Median final", "Range", "Ever blacklisted",
            "Blacklisted at the end"]
    return (f"<section><h2>Final scores by persona</h2>{chart}"
            f"{table(head, rows, {1, 2, 3, 4, 5, 6})}</section>")


def _share(k: int, n: int) -> str:
    return f"{k} ({100 * k / n:.0f}%)" if n else "—"


def _doors(cls: ClassData) -> str:
    rows = cls.services()
    if not rows:
        return ""
    n = max(r["players"] for r in rows)
    lost = sorted(rows, key=lambda r: (-r["lost"], r["name"]))
    chart = bars([(r["name"], r["lost"], _share(r["lost"], r["players"])) for r in lost],
                 680, n, "Players who lost each door during play")
    head = ["Door", "Closed from the start", "Lost in play", "Opened again", "Closed at the end"]
    body = [[esc(r["name"]), _share(r["closed_at_start"], r["players"]),
             _share(r["lost"], r["players"]), _share(r["regained"], r["players"]),
             _share(r["closed_at_end"], r["players"])] for r in lost]
    return (f"<section><h2>Services lost</h2><p class=\"muted\">Of the players of the scored "
            f"chapter, how many lost each door while playing.</p>{chart}"
            f"{table(head, body, {1, 2, 3, 4})}</section>")


def _endings(cls: ClassData) -> str:
    out = ["<section><h2>Endings reached</h2>"]
    for level, counts in cls.endings().items():
        n = sum(counts.values())
        rows = [(title, k, _share(k, n)) for title, k in counts.most_common()]
        out.append(f"<h3>{esc(level)}</h3>" + bars(rows, 680, n, f"Endings of {level}"))
    return "".join(out) + "</section>"


def _contrasts(cls: ClassData) -> str:
    """Each student's own choices, replayed under the chapter's other ruleset."""
    rows = cls.contrasts()
    if not rows:
        return ""
    body = [[esc(r["own"]), esc(r["other"]), str(r["n"]),
             _number(r["own_median"]), _number(r["other_median"]),
             _share(r["own_listed"], r["n"]), _share(r["other_listed"], r["n"]),
             _share(r["parted"], r["n"])] for r in rows]
    return (f"<section><h2>{esc(S.REPORT_CONTRAST)}</h2><p class=\"muted\">"
            f"{esc(S.REPORT_CONTRAST_NOTE)}</p>"
            f"{table(list(S.REPORT_CONTRAST_HEAD), body, {2, 3, 4, 5, 6, 7})}</section>")


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _chilling(cls: ClassData) -> str:
    shift = cls.chilling()
    kinds = {kind: cls.chilling(kind) for kind in PAIR_KINDS}
    kinds = {kind: part for kind, part in kinds.items() if part.pairs}
    rows = [("This class", shift.shift_percent, _no_percent(shift))]
    rows += [(PAIR_KIND_SHORT[k].capitalize(), v.shift_percent, _no_percent(v))
             for k, v in kinds.items()]
    rows += [(ORDER_LABELS.get(k, k), v.shift_percent, _no_percent(v))
             for k, v in cls.chilling_by_order().items()]
    lines = [[_class_card("This class", shift, cls.chilling_interval(),
                          f"{shift.candid_scored} candid answers under the score against "
                          f"{shift.candid_unscored} unscored, over {shift.pairs} pairs from "
                          f"{S.count(shift.students)}. {shift.fewer} became more guarded, "
                          f"{shift.same} did not change, {shift.more} became more candid.")]]
    for kind, part in kinds.items():   # each kind beside the one study it compares with
        p = BESIDE[kind]
        lines.append([_class_card(f"This class: {PAIR_KIND_SHORT[kind]}", part,
                                  cls.chilling_interval(kind),
                                  f"{PAIR_KIND_NAMES[kind]}: {part.candid_scored} candid "
                                  f"under the score against {part.candid_unscored} unscored, "
                                  f"{part.pairs} pairs."),
                      f'<div class="card"><div class="label">{esc(p.short)}</div>'
                      f'<div class="fig">{esc(p.figure)}</div>{esc(p.claim)} '
                      f'{esc(p.caveat)}</div>'])
    cards = "".join(f'<div class="cards" style="margin-top:2mm">{"".join(line)}</div>'
                    for line in lines)
    pairs = [[esc(r["question"]), esc(PAIR_KIND_SHORT.get(r["kind"] or "", "—")), str(r["n"]),
              _share(r["unscored"], r["n"]), _share(r["scored"], r["n"])]
             for r in cls.chilling_by_pair()]
    pair_table = table(["Dilemma", "Kind", "Players", "Candid unscored",
                        "Candid under the score"], pairs, {2, 3, 4}) if pairs else ""
    note = ("<p class=\"muted small\">A shift is the change in candid answers under the "
            "score, pooled over the class: six dilemmas in a game, not a study. Lawful "
            "expression and rule-following are counted apart: fewer posts or petitions under "
            "a score is a chilling effect in Penney's sense, while waiting at a red light "
            "under a camera is deterrence, so only expression is set beside Penney.</p>")
    chart = shift_chart(rows, width=680)
    return (f"<section><h2>The chilling effect</h2>{cards}"
            f"{ranges_html(cls)}"
            f"<div style=\"margin-top:3mm\">{chart}</div>{note}{pair_table}</section>")


def _class_card(label: str, shift, found, caption: str) -> str:
    return (f'<div class="card you"><div class="label">{esc(label)}</div>'
            f'<div class="fig accent">{esc(_class_figure(shift))}</div>{card_range(found)}'
            f'{esc(caption)}</div>')


def _class_figure(shift) -> str:
    if shift.shift_percent is None and shift.pairs:
        return f"{shift.candid_unscored} → {shift.candid_scored}"
    return signed_percent(shift.shift_percent)


def _no_percent(shift) -> str:
    """What the chart says instead of a bar when there is no percentage."""
    if not shift.pairs:
        return "no pairs to compare"
    return (f"no candid answer unscored: {shift.candid_unscored} → {shift.candid_scored}, "
            "no percentage")


def _divergence(cls: ClassData) -> str:
    rows = cls.divergence()
    if not rows:
        return ""
    out = ["<section><h2>Where players diverged most</h2><p class=\"muted\">Scenes where "
           "the class split most evenly between choices (median time to choose in "
           "brackets): good places to start the discussion.</p>"]
    for r in rows:
        secs = f" ({r['median_seconds']:.0f} s)" if r["median_seconds"] is not None else ""
        items = [(text, k, _share(k, r["n"])) for text, k in r["choices"].most_common()]
        out.append(f"<h3>{esc(r['title'])} <span class=\"muted small\">{esc(r['level'])} · "
                   f"{r['n']} players{esc(secs)}</span></h3>"
                   + bars(items, 680, r["n"], f"Choices at {r['title']}", label_w=300))
    return "".join(out) + "</section>"


def _maps(cls: ClassData) -> str:
    out = ["<h2>Story map</h2><p class=\"muted\">Each box is a scene (rounded: an ending), "
           "darker when more players passed it; thicker links were taken more.</p>"]
    for title, story, chapters in cls.maps():
        nodes, links = passes(chapters)
        out.append(f"<section><h3>{esc(title)} · {len(chapters)} players</h3>"
                   + heat_map(story, nodes, links, len(chapters), 680,
                              f"Story map of {title}") + "</section>")
    return "".join(out)


def _answers(cls: ClassData) -> str:
    answers = cls.answers()
    if not answers:
        return ""
    out = ["<h2>What students wrote</h2><p class=\"muted\">Only from students who ticked "
           "'include my answers'.</p>"]
    for key, question in S.STEPS:
        texts = answers.get(key, [])
        if texts:
            out.append(f"<section><h3>{esc(question)}</h3>"
                       + "".join(f"<blockquote>{esc(t)}</blockquote>" for t in texts)
                       + "</section>")
    return "".join(out)


def _skipped(cls: ClassData) -> str:
    if not cls.skipped:
        return ""
    items = "".join(f"<li>{esc(line)}</li>" for line in cls.skipped)
    return (f"<section class=\"skipped\"><h2>Files skipped ({len(cls.skipped)})</h2>"
            f"<ul>{items}</ul></section>")


def _footer() -> str:
    refs = "".join([*(f"<li>{esc(p.reference)} {esc(p.url)}</li>" for p in PUBLISHED),
                    *(f"<li>{esc(ref)}</li>" for ref in LATER_REVIEWS)])
    return (f"<h2>Sources of the published figures</h2><ul class=\"small\">{refs}</ul>"
            "<p class=\"muted small\">Made by Sincerity on this computer from the session "
            "files. Nothing was sent anywhere.</p>")


# ---------------------------------------------------------------- the command

def make_report(inputs: list[str], output: Path) -> tuple[ClassData, Path]:
    cls = load_class(inputs)
    return cls, write_atomic(Path(output), _page_bytes(cls))


def _page_bytes(cls: ClassData) -> bytes:
    """The page as UTF-8; a character that cannot be written (which `unfit` keeps out) would
    become a replacement mark rather than lose the whole report."""
    return report_html(cls).encode("utf-8", "replace")


def cmd_report(args, out=sys.stdout, err=sys.stderr) -> int:
    """`report FILE_OR_DIR ... -o class.html`: 0 written, 1 no session could be read,
    2 the output cannot (or must not) be written."""
    output = Path(args.output)
    refused = refuse_output(output, args.inputs)
    if refused:
        err.write(refused + "\n")
        return 2
    cls = load_class(args.inputs)
    for line in cls.skipped:
        err.write(f"skipped {line}\n")
    if not cls.sessions:
        err.write("No session file could be read, so no report was written.\n")
        return 1
    try:
        write_atomic(output, _page_bytes(cls))
    except ExportError as exc:
        err.write(f"The report could not be written: {exc}\n")
        return 2
    n, k = len(cls.everyone), len(cls.skipped)
    out.write(f"Class report of {n} session{'s' if n != 1 else ''} written to {output}"
              + (f" ({k} file{'s' if k != 1 else ''} skipped)" if k else "") + "\n")
    return 0


def refuse_output(output: Path, inputs: list[str]) -> str | None:
    """Why the report must not be written to `output` (None: it may): a folder, one of the
    session files read, or an existing file that is not a class report (never overwritten)."""
    if output.is_dir():
        return f"-o {output} is a folder; give a file name like class.html"
    if not os.path.lexists(output):
        return None
    if any(_reads(Path(name), output) for name in inputs):
        return (f"-o {output} is one of the session files to read; give another name, "
                "like class.html")
    if not _is_report(output):
        return (f"-o {output} already exists and is not a class report, so it is not "
                "replaced; give another name, like class.html, or move that file")
    return None


def _reads(name: Path, output: Path) -> bool:
    """Whether `report NAME` reads the file `output` (NAME, or a .json file in the folder)."""
    try:
        if name.is_dir():
            return output.suffix == ".json" and output.resolve().is_relative_to(name.resolve())
        return os.path.samefile(name, output)
    except (OSError, RuntimeError):     # RuntimeError: a symlink loop, on Python 3.11
        return False


def _is_report(path: Path) -> bool:
    """Whether `path` is a class report this command wrote (so writing it again loses
    nothing)."""
    try:
        start = read_small(path, 4096)
    except OSError:
        return False
    return REPORT_MARK.encode("utf-8") in start
