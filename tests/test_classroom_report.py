"""The class report from generated session files: what it says, that it works on one file
and on many, that bad files are skipped with one line each, and the printable debrief."""
from __future__ import annotations

import json
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
    assert "Penney 2016" in html and "×2.76" in html and "−20–30%" in html
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
    first = json.loads(next(folder.glob("*-*-*.json")).read_text(encoding="utf-8"))
    (sub / "copy.json").write_text(json.dumps(first), encoding="utf-8")
    out = tmp_path / "class.html"
    proc = run("report", str(folder), str(tmp_path / "nowhere"), "-o", str(out))
    assert proc.returncode == 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 5, proc.stderr
    assert all(line.startswith("skipped ") for line in lines)
    assert any("broken.json: not valid JSON" in line for line in lines)
    assert any("other.json: not a session file" in line for line in lines)
    assert any("copy.json: the same session as another file" in line for line in lines)
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
