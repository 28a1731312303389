"""The class report from generated session files: what it says, that it works on one file
and on many, that bad files are skipped with one line each, and the printable debrief."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.classroom.class_data import ClassData
from game.classroom.generate import generate_class, write_class
from game.classroom.printable import printable_html
from game.classroom.report import load_class, report_html

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sessions():
    return generate_class(30, seed=3)


@pytest.fixture()
def folder(tmp_path, sessions):
    write_class(tmp_path / "exports", sessions)
    return tmp_path / "exports"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_report_from_thirty_sessions(folder, tmp_path, sessions):
    out = tmp_path / "class.html"
    proc = run("report", str(folder), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Class report of 30 sessions written to {out}"
    html = out.read_text(encoding="utf-8")
    for heading in ("Final scores by persona", "Services lost", "Endings reached",
                    "The chilling effect", "Where players diverged most", "Story map"):
        assert f">{heading}<" in html, heading
    assert "30 sessions" in html
    assert "Penney 2016" in html and "×2.76" in html and "about −20%" in html
    assert html.count("<svg") >= 6


def test_the_figures_match_the_sessions(sessions):
    cls = ClassData(sessions)
    rows = {r["persona"]: r for r in cls.persona_rows()}
    assert sum(r["n"] for r in rows.values()) == 30
    assert set(rows) == {"Urban professional", "Rural migrant worker"}
    finals = sorted(s["chapters"][-1]["final_score"] if s["chapters"][-1]["scored"]
                    else s["chapters"][0]["final_score"] for s in sessions)
    assert min(r["low"] for r in rows.values()) == finals[0]
    assert max(r["high"] for r in rows.values()) == finals[-1]
    shift = cls.chilling()
    assert shift.students == sum(1 for s in sessions if s["chilling"]["pairs"])
    assert shift.shift_percent is not None and shift.shift_percent < 0   # simulated chill
    orders = cls.chilling_by_order()
    assert set(orders) == {"unscored_first", "scored_first"}
    ends = cls.endings()
    assert sum(ends["The Pilot City"].values()) == 30
    heat = cls.maps()
    assert [title for title, _, _ in heat] and all(len(ch) <= 30 for _, _, ch in heat)
    top = cls.divergence()
    assert top and all(0 < r["split"] <= 1 for r in top)
    assert top == sorted(top, key=lambda r: (-r["split"], -r["n"], r["title"]))


def test_one_file_is_enough(folder, tmp_path):
    one = next(folder.glob("*.json"))
    out = tmp_path / "one.html"
    proc = run("report", str(one), "-o", str(out))
    assert proc.returncode == 0 and "Class report of 1 session written" in proc.stdout
    assert "1 session " in out.read_text(encoding="utf-8")


def test_bad_files_are_reported_in_one_line_each_and_skipped(folder, tmp_path):
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "other.json").write_text('{"hello": "world"}', encoding="utf-8")
    (folder / "empty.json").write_bytes(b"")
    sub = folder / "room2"
    sub.mkdir()
    original = next(folder.glob("*-*-*.json"))
    first = json.loads(original.read_text(encoding="utf-8"))
    (sub / "copy.json").write_text(json.dumps(first), encoding="utf-8")
    out = tmp_path / "class.html"
    proc = run("report", str(folder), str(tmp_path / "nowhere"), "-o", str(out))
    assert proc.returncode == 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 5, proc.stderr
    assert all(line.startswith("skipped ") for line in lines)
    assert any("broken.json: not valid JSON" in line for line in lines)
    assert any("other.json: not a session file" in line for line in lines)
    # of two copies with as many choices, the one read second is skipped: which one that is
    # depends on the generated file names, so either may be named
    assert any(f"{name}: the same session as another file" in line
               for line in lines for name in ("copy.json", original.name))
    assert any("nowhere: no such file or folder" in line for line in lines)
    assert "(5 files skipped)" in proc.stdout
    html = out.read_text(encoding="utf-8")
    assert "Files skipped (5)" in html and "broken.json" in html


def test_no_readable_session_writes_nothing(tmp_path):
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    out = tmp_path / "class.html"
    proc = run("report", str(tmp_path), "-o", str(out))
    assert proc.returncode == 1 and not out.exists()
    assert "No session file could be read" in proc.stderr


def test_report_usage_errors(tmp_path):
    proc = run("report", str(tmp_path), "-o", str(tmp_path))
    assert proc.returncode == 2 and "folder" in proc.stderr
    proc = run("report", "-o", "x.html")
    assert proc.returncode == 2


def test_typed_answers_appear_only_when_included(sessions):
    html = report_html(ClassData(sessions))
    included = [s for s in sessions if s["answers"]]
    assert included, "the generated class should have some answers"
    assert "What students wrote" in html
    assert report_html(ClassData([s for s in sessions if not s["answers"]])).count(
        "What students wrote") == 0


def test_the_report_is_self_contained(sessions):
    html = report_html(ClassData(sessions))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html)
    assert "<script" not in html and "@import" not in html and "url(" not in html
    assert "<link" not in html
    assert "@page { size: A4" in html


def test_escaping_keeps_typed_text_as_text(sessions):
    data = json.loads(json.dumps(sessions[0]))
    data["answers"] = {k: "" for k in ("feel", "happened", "learned", "relates", "what_if",
                                       "next")}
    data["answers"]["feel"] = "<script>alert(1)</script> & <b>"
    html = report_html(ClassData([data]))
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<script>alert" not in printable_html(data)


def test_loading_many_files_keeps_them_all(tmp_path):
    many = generate_class(60, seed=9)
    write_class(tmp_path, many)
    cls = load_class([str(tmp_path)])
    assert len(cls.sessions) == 60 and not cls.skipped


# ---------------------------------------------------------------- hostile session files

def run_capped(*args, cwd=ROOT):
    """`run`, with the memory the report may use capped at 2 GB (a hostile file once made it
    use memory until it died) and a minute to finish."""
    import resource

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60, preexec_fn=cap)


def _chapter(d):
    return d["chapters"][-1]


HOSTILE_FIGURES = {
    "a final score of 10**15": lambda d: _chapter(d).update(final_score=10 ** 15),
    "a final score of -10**9": lambda d: _chapter(d).update(final_score=-10 ** 9),
    "a start score of 10**400": lambda d: _chapter(d).update(start_score=10 ** 400),
    "a threshold of 10**9": lambda d: _chapter(d).update(
        thresholds=[{"name": "Rail", "value": 10 ** 9}]),
    "a time of 1e308 seconds": lambda d: d.update(duration_seconds=1e308),
    "a choice taking NaN seconds": lambda d: _chapter(d)["choices"][0].update(
        seconds=float("nan")),
}


def _class_with(tmp_path, sessions, change, name="hostile") -> tuple[Path, Path]:
    """A folder of five good sessions and one changed by `change`, written as `name`.json."""
    folder = tmp_path / "exports"
    write_class(folder, sessions[:5])
    data = json.loads(json.dumps(sessions[5]))
    change(data)
    bad = folder / f"{name}.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    return folder, bad


@pytest.mark.parametrize("name", HOSTILE_FIGURES)
def test_a_session_with_figures_no_game_gives_is_skipped_in_one_line(tmp_path, sessions, name):
    folder, bad = _class_with(tmp_path, sessions, HOSTILE_FIGURES[name])
    out = tmp_path / "class.html"
    proc = run_capped("report", str(folder), "-o", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.splitlines() == [proc.stderr.strip()], proc.stderr   # one line
    # Named with the place of the figure: by the schema's bounds (a version 2 file) or, where
    # the schema says nothing, by the report's own check.
    assert proc.stderr.startswith(f"skipped {bad}: ") and "$." in proc.stderr
    assert any(words in proc.stderr for words in ("out of the range", ": above ", ": below "))
    assert len(proc.stderr) < 300
    assert "Class report of 5 sessions" in proc.stdout
    assert out.stat().st_size < 2_000_000


@pytest.mark.parametrize("values", [[0, 10 ** 15], [-10 ** 9, 10 ** 9], [1, 10 ** 400],
                                    [-10 ** 400, 5, 10 ** 300], [0, 1], [3.5, float("inf")],
                                    [1000, 1000], [-7, 1300, 999_999]])
def test_an_axis_has_a_few_ticks_whatever_the_values(values):
    """The chart code is safe on its own, without the report's checks: a nice-number axis of
    at most 8 ticks that covers the values, in integers (no overflow)."""
    from game.classroom import svg
    lo, hi, step = svg._nice_range(values)
    assert 1 <= (hi - lo) // step <= 7 and (hi - lo) % step == 0
    finite = [v for v in values if v not in (float("inf"),)]
    assert lo <= min(finite) and max(finite) <= hi
    drawn = svg.strip_plot([("A", [v for v in finite if isinstance(v, int)])], [], 600, "t")
    assert len(drawn) < 20_000


TEXT_PLACES = {
    "the persona's name": lambda d: d["persona"].update(name="Urban \ud800 professional"),
    "a typed answer": lambda d: d.update(answers={"feel": "fine \udfff", "happened": "",
                                                  "learned": "", "relates": "",
                                                  "what_if": "", "next": ""}),
    "an ending's title": lambda d: _chapter(d)["ending"].update(title="\ud83d"),
}


@pytest.mark.parametrize("name", TEXT_PLACES)
def test_half_a_character_in_a_session_skips_that_file_only(tmp_path, sessions, name):
    folder, bad = _class_with(tmp_path, sessions, TEXT_PLACES[name])
    assert b"\\ud" in bad.read_bytes()      # written as a JSON escape, as a hostile file would
    out = tmp_path / "class.html"
    proc = run("report", str(folder), "-o", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.strip() == (f"skipped {bad}: the text at "
                                   f"{proc.stderr.split('the text at ')[1].split()[0]} holds "
                                   "half of a character (a lone surrogate)")
    assert "Class report of 5 sessions" in proc.stdout and out.is_file()


def test_a_folder_nested_too_deep_is_skipped_in_one_line(tmp_path, sessions):
    top = tmp_path / "exports"
    write_class(top / "room1", sessions[:2])
    chain = [top / os.path.join(*["d"] * n) for n in range(1, 1101)]
    for folder in chain:            # one at a time: os.makedirs itself recurses too deep
        folder.mkdir()
    write_class(chain[-1], sessions[2:3])
    try:
        out = tmp_path / "class.html"
        proc = run("report", str(top), "-o", str(out))
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "Class report of 2 sessions" in proc.stdout
        [line] = proc.stderr.splitlines()
        assert line.startswith(f"skipped {top}/d/d/") and line.endswith(
            "more than 32 folders deep, not searched")
    finally:                        # so does removing it with shutil.rmtree or os.walk
        for f in chain[-1].iterdir():
            f.unlink()
        for folder in reversed(chain):
            folder.rmdir()


@pytest.mark.parametrize("how", ["the same path", "another spelling", "in a folder read"])
def test_report_never_writes_over_a_session_file_it_reads(folder, how):
    target = next(folder.glob("*.json"))
    before = target.read_bytes()
    inputs = {"the same path": [str(target)],
              "another spelling": [str(target), str(folder.parent / "elsewhere")],
              "in a folder read": [str(folder / ".." / folder.name)]}[how]
    output = str(folder / ".." / folder.name / "." / target.name) if how == "another spelling" \
        else str(target)
    proc = run("report", *inputs, "-o", output)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (f"-o {output} is one of the session files to read; give another "
                           "name, like class.html\n")
    assert target.read_bytes() == before


@pytest.mark.parametrize("name", ["other.json", "notes.txt", "class.html"])
def test_report_never_writes_over_a_file_that_is_not_a_report(folder, tmp_path, name):
    other = tmp_path / name
    other.write_text("someone's work", encoding="utf-8")
    proc = run("report", str(folder), "-o", str(other))
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"-o {other} already exists and is not a class report" in proc.stderr
    assert other.read_text(encoding="utf-8") == "someone's work"


def test_report_writes_over_its_own_report(folder, tmp_path):
    out = tmp_path / "class.html"
    assert run("report", str(folder), "-o", str(out)).returncode == 0
    out.write_text(out.read_text(encoding="utf-8").replace("30 sessions", "old"),
                   encoding="utf-8")
    assert run("report", str(folder), "-o", str(out)).returncode == 0
    assert "30 sessions" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("field,value", [("session", "abc-1\n"), ("date", "2026-12-07\n")])
def test_a_pattern_does_not_let_a_final_newline_through(sessions, field, value):
    """JSON Schema's `pattern` is an ECMA-262 regex, whose `$` is the very end of the string."""
    from game.classroom.export import check_export
    data = json.loads(json.dumps(sessions[0]))
    data[field] = value
    [problem] = check_export(data)
    assert problem.startswith(f"at $.{field}: ") and "does not match" in problem
    data[field] = value.strip()
    assert check_export(data) == []


def test_two_students_who_drew_the_same_code_are_both_counted(tmp_path, sessions):
    """Two computers can draw the same word code on the same day; the report used to drop
    one of them as "the same session twice". Copies of one session are still counted once,
    the copy with more choices kept."""
    one, two = (json.loads(json.dumps(s)) for s in sessions[:2])
    two["session"], two["date"] = one["session"], one["date"]
    assert two["seed"] != one["seed"]
    partial = json.loads(json.dumps(one))
    partial["chapters"][-1]["choices"] = partial["chapters"][-1]["choices"][:1]
    folder = tmp_path / "exports"
    for name, data in (("pc1/a.json", partial), ("pc1b/a.json", one), ("pc2/a.json", two)):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    cls = load_class([str(folder)])
    assert sorted(s["seed"] for s in cls.sessions) == sorted([one["seed"], two["seed"]])
    kept = next(s for s in cls.sessions if s["seed"] == one["seed"])
    assert len(kept["chapters"][-1]["choices"]) == len(one["chapters"][-1]["choices"])
    assert len(cls.skipped) == 1 and "pc1/a.json: the same session" in cls.skipped[0]


def test_the_report_sets_each_ruleset_beside_the_other_from_the_students_own_choices(
        sessions):
    from game.classroom import strings as S
    from game.classroom.report import report_html
    from game.classroom.summary import main_chapter
    cls = ClassData(sessions)
    rows = cls.contrasts()
    entries = [c for s in sessions for c in main_chapter(s).get("contrast") or []]
    finished = [s for s in sessions if main_chapter(s)["finished"]]
    assert sum(r["n"] for r in rows) == len(entries) == len(finished) > 20
    for r in rows:
        mine = [c for c in entries if (c["own"]["name"], c["other"]["name"]) ==
                (r["own"], r["other"])]
        assert r["other_listed"] == sum(c["other"]["listed"] is not None for c in mine)
        assert r["parted"] + r["ended"] == r["n"] == len(mine)
    assert S.REPORT_CONTRAST in report_html(cls)
    old = [{**s, "chapters": [{k: v for k, v in c.items() if k != "contrast"}
                              for c in s["chapters"]]} for s in sessions]
    assert ClassData(old).contrasts() == [] and S.REPORT_CONTRAST not in report_html(
        ClassData(old))


def test_the_chilling_figure_is_split_and_each_study_sits_beside_one_kind(sessions):
    """Lawful expression beside Penney, rule-following beside Bateson (with its caveats),
    and no published range shaded behind the class's bars."""
    cls = ClassData(sessions)
    speech, rules = cls.chilling("expression"), cls.chilling("rules")
    assert speech.pairs and rules.pairs
    assert speech.pairs + rules.pairs == cls.chilling().pairs   # Day Zero marks every pair
    html = report_html(cls)
    section = html[html.index(">The chilling effect<"):]
    lines = section.split("<svg")[0].split('<div class="cards"')[1:]
    assert len(lines) == 3
    assert "This class" in lines[0] and "Penney" not in lines[0] and "Bateson" not in lines[0]
    assert "expression" in lines[1] and "Penney 2016" in lines[1] and "Bateson" not in lines[1]
    assert "rule-following" in lines[2] and "Bateson" in lines[2] and "Penney" not in lines[2]
    assert "48 people, one coffee room, 10 weeks" in lines[2]
    assert "shaded band" not in section and "#e2e7fc" not in section.split("<svg")[1]
    assert "an order effect: playing" not in section
    table = section[section.index("<table"):]
    assert "<th" in table and ">Kind<" in table
    assert ">expression<" in table and ">rule-following<" in table


def test_the_printable_splits_the_shift_the_same_way(sessions):
    """Each kind's card is followed by its one study: expression, Penney, rules, Bateson."""
    finished = next(s for s in sessions if s["chilling"] and s["chilling"]["pairs"] == 6)
    html = printable_html(finished)
    order = [html.index(label) for label in ("You: expression", "Penney 2016",
                                             "You: rule-following", "Bateson et al. 2006")]
    assert order == sorted(order)
    assert "48 people, 10 weeks. Later reviews disagree." in html


def test_the_printable_opens_with_the_verdict_the_screen_opens_with(sessions):
    from game.classroom.summary import verdict_of
    finished = next(s for s in sessions if verdict_of(s))
    html = printable_html(finished)
    lines = verdict_of(finished)
    assert len(lines) == 3
    from game.classroom import strings as S
    from game.classroom.page import esc
    where = [html.index(esc(line)) for line in lines]
    assert where == sorted(where) and where[-1] < html.index(esc(S.PRINT_SCORE) + "</h2>")


def test_the_shared_debrief_chart_runs_to_the_number_of_choices(sessions):
    from game.classroom.debrief_steps import _happened
    from game.classroom.summary import main_chapter
    data = next(s for s in sessions if main_chapter_with_a_late_last_change(s))
    ch = main_chapter(data)
    points = _happened(data, None)["points"]
    assert points[-1] == (len(ch["choices"]), ch["score_path"][-1]["score"])


def main_chapter_with_a_late_last_change(data) -> bool:
    from game.classroom.summary import main_chapter
    ch = main_chapter(data)
    return bool(ch and ch.get("score_path") and ch["score_path"][-1]["step"] < len(ch["choices"]))
