"""What students learned (issue 17 part 6): the question bank is checked with line numbers,
a classroom file names its questions, the terminal classroom asks them, the export keeps
them (old exports stay readable) and the class report shows each shift with a range."""
from __future__ import annotations

import copy
import subprocess
import sys
from html import unescape
from pathlib import Path

from game.classroom import strings as K
from game.classroom.class_data import ClassData
from game.classroom.config import load_classroom_text
from game.classroom.export import check_export, read_session
from game.classroom.generate import generate_class
from game.classroom.questions import (BANK, MAX_ASKED, MIN_ASKED, answered, class_shifts,
                                      load_bank, read_bank)
from game.classroom.report import report_html

ROOT = Path(__file__).resolve().parent.parent
GOOD = """format: 1
questions:
  - id: decides
    about: who decides
    kind: fact
    ask: Who decides?
    options: [A score, A court]
    mark: 2
    source: https://www.chinalawtranslate.com/en/court-blacklist/
"""


def test_the_bundled_bank_is_valid_and_its_facts_are_sourced():
    bank, problems = load_bank()
    assert problems == []
    assert MIN_ASKED <= 4 <= len(bank) <= MAX_ASKED
    ids = {q.id for q in bank}
    assert {"sees", "decides", "listing", "changed"} <= ids
    for q in bank:
        assert q.kind == "opinion" or q.source
    listing = next(q for q in bank if q.id == "listing")
    assert "court judgment" in listing.marked        # a listing follows a legal cause


def test_a_broken_bank_gets_its_line_and_code():
    bad = GOOD.replace("mark: 2", "mark: 3")
    questions, problems = read_bank(bad, "q.yaml")
    assert questions == [] and len(problems) == 1
    (p,) = problems
    assert (p.code, p.line) == ("C116", 8) and "mark" in p.message
    _, problems = read_bank(GOOD.replace("    source: https", "    sauce: https"), "q.yaml")
    assert problems[0].code == "C116" and problems[0].line == 9
    _, problems = read_bank(GOOD + GOOD.split("questions:\n")[1], "q.yaml")
    assert "twice" in problems[0].message
    _, problems = read_bank(GOOD.replace("    source: https://www.chinalawtranslate.com/en/"
                                         "court-blacklist/\n", ""), "q.yaml")
    assert "source" in problems[0].message
    _, problems = read_bank("- just a list\n", "q.yaml")
    assert problems[0].code == "C116"


def test_a_classroom_file_names_its_questions():
    base = "format: 1\nchapters: [day_zero, pilot_city]\nexport_folder: exports\n"
    room = load_classroom_text(base + "questions: standard\n", "/tmp/c.yaml")
    assert room.ok, room.format()
    room = load_classroom_text(base + "questions: [decide, listing]\n", "/tmp/c.yaml")
    (d,) = room.diagnostics
    assert (d.code, d.line, d.column) == ("C117", 4, 13) and "decides" in d.hint
    room = load_classroom_text(base + "questions: []\n", "/tmp/c.yaml")
    assert [d.code for d in room.diagnostics] == ["C117"]


def test_the_export_keeps_them_and_old_exports_stay_valid():
    session = generate_class(1, seed=2)[0]
    assert check_export(session) == []                 # no questions: as before
    bank, _ = load_bank()
    with_questions = dict(copy.deepcopy(session),
                          questions=answered(bank, {"decides": 1}, {"decides": 2, "sees": 9}))
    assert check_export(with_questions) == []
    rows = {q["id"]: q for q in with_questions["questions"]}
    assert (rows["decides"]["before"], rows["decides"]["after"]) == (1, 2)
    assert rows["sees"]["after"] is None               # 9 is no option
    broken = copy.deepcopy(with_questions)
    broken["questions"][0]["after"] = 7
    assert check_export(broken)


def test_the_report_shows_each_shift_with_a_range():
    bank, _ = load_bank()
    sessions = generate_class(12, seed=4)
    for i, s in enumerate(sessions):   # 8 of 12 learn who decides; none change their mind
        s["questions"] = answered(bank, {"decides": 1, "changed": 1},
                                  {"decides": 2 if i < 8 else 1, "changed": 1})
    rows = {r["id"]: r for r in class_shifts(sessions)}
    assert rows["decides"]["shift"].value == 100 * 8 / 12
    assert rows["decides"]["shift"].low > 0
    assert rows["changed"]["shift"].value == 0 == rows["changed"]["shift"].high
    html = unescape(report_html(ClassData(sessions)))
    assert K.REPORT_QUESTIONS in html and "+67 points" in html
    assert K.REPORT_QUESTIONS not in unescape(report_html(ClassData(generate_class(3))))


def _text_room(tmp_path, extra: str) -> Path:
    room = tmp_path / "classroom.yaml"
    room.write_text("format: 1\nchapters: [day_zero, pilot_city]\ncounterbalance: true\n"
                    f"persona: random\nexport_folder: out\n{extra}", encoding="utf-8")
    return room


def test_the_terminal_classroom_has_the_note_code_questions_and_answer_prompts(tmp_path):
    room = _text_room(tmp_path, "questions: [decides, changed]\ntime_limit_minutes: 30\n")
    typed = ("1\n"                      # Start
             "1\n\n"                    # before: decides 1, changed skipped
             + "1\n" * 80               # the chapters' choices (an extra line is harmless)
             )
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--classroom",
                           str(room), "--seat", "2"], input=typed, capture_output=True,
                          text=True, cwd=ROOT, timeout=180)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    data = read_session(next((tmp_path / "out").glob("*.json")))
    code = data["session"]
    assert out.index(K.NOTE_TITLE) < out.index(f"{K.NOTE_CODE}: {code}") < \
        out.index(K.TEXT_START)
    assert K.TEXT_LIMIT.format(n=30) in out
    assert code.endswith(("-12", "-13"))               # seat 2's own number
    assert out.index(K.QUESTIONS_BEFORE.format(n=2)) < out.index("Talk about it")
    assert out.index("Talk about it") < out.index(K.TEXT_ANSWERS)
    assert out.count("Talk about it") == 1
    asked = {q["id"]: q["before"] for q in data["questions"]}
    assert asked == {"decides": 1, "changed": None}


def test_not_now_in_the_terminal_records_nothing(tmp_path):
    room = _text_room(tmp_path, "")
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--classroom",
                           str(room)], input="2\n", capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert K.TEXT_NOT_NOW in proc.stdout
    assert not list((tmp_path / "out").glob("*.json")) if (tmp_path / "out").exists() else True


def test_a_bad_seat_is_refused(tmp_path):
    room = _text_room(tmp_path, "")
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--classroom",
                           str(room), "--seat", "46"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode != 0 and "from 1 to 45" in proc.stderr


def test_the_bank_file_is_validated_by_the_cli():
    proc = subprocess.run([sys.executable, "-m", "game", "validate", str(BANK)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0 and "question bank OK (5 questions)" in proc.stdout


def test_the_terminal_time_limit_warns_then_stops_play():
    import io
    from types import SimpleNamespace

    from game.classroom.textroom import TextClock
    from game.text.session import Terminal
    now = [0.0]
    cfg = SimpleNamespace(time_limit_minutes=10, warning_minutes=2, idle_minutes=3)
    clock = TextClock(cfg, lambda: now[0])
    term = Terminal(io.StringIO(), iter(()), echo=False, strict=False)
    assert not clock.over(term) and term.out.getvalue() == ""
    now[0] = 8 * 60
    assert not clock.over(term) and K.TEXT_WARNING.format(n=2) in term.out.getvalue()
    now[0] = 10 * 60
    assert clock.over(term) and K.TEXT_TIME_UP in term.out.getvalue()


def test_the_debrief_of_a_chapter_cut_short_by_the_time_limit_prints():
    """Time up in the terminal opens the debrief mid-chapter, as the kiosk does: it has no
    ending to show, and must not fail for it."""
    from game.content import load_level
    from game.core import choices, choose, new_game
    from game.text.debrief import debrief_lines, folded_lines
    level = load_level(ROOT / "levels" / "pilot_city.yaml").level
    state = new_game(level, None, None, 1)
    state = choose(state, next(v for v in choices(state) if v.available).id).state
    assert not state.finished
    lines = debrief_lines(state) + folded_lines(state, scripted=False)
    assert any("Talk about it" in line for line in lines)
