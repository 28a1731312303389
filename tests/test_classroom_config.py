"""The classroom file: the documented example validates, every mistake is reported at its
line and column with a C1xx code and a hint, and the codes are explained."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.content.classroom_codes import CLASSROOM_CODES
from game.content.codebook import all_codes, explain
from game.classroom.commands import is_classroom_file
from game.classroom.config import Classroom, load_classroom, load_classroom_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "classroom.example.yaml"
TEACHERS = ROOT / "docs" / "TEACHERS.md"


def check(text: str, tmp_path: Path | None = None):
    path = str((tmp_path or Path("/nonexistent")) / "classroom.yaml")
    return load_classroom_text(textwrap.dedent(text).lstrip("\n"), path)


def only(loaded) -> tuple[str, int, int, str, str]:
    assert len(loaded.diagnostics) == 1, loaded.format()
    d = loaded.diagnostics[0]
    return d.code, d.line, d.column, d.message, d.hint


def test_the_documented_example_validates():
    loaded = load_classroom(EXAMPLE)
    assert loaded.ok, loaded.format()
    c = loaded.config
    assert c.chapters == ["day_zero", "pilot_city"] and c.counterbalance
    assert [lv.id for lv in loaded.levels] == ["day_zero", "pilot_city"]
    assert c.time_limit_minutes == 20 and c.warning_minutes == 2
    assert loaded.export_dir == EXAMPLE.parent / "exports"


def test_the_example_sets_every_key_the_guide_documents():
    example = EXAMPLE.read_text(encoding="utf-8")
    guide = TEACHERS.read_text(encoding="utf-8")
    for key in Classroom.model_fields:
        assert f"`{key}`" in guide, f"docs/TEACHERS.md does not document `{key}`"
        if key not in ("content_note", "seed"):
            assert re.search(rf"^{key}:", example, re.M), f"the example does not show `{key}`"


def test_validate_command_checks_a_classroom_file(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "game", "validate", str(EXAMPLE)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "classroom file OK" in proc.stdout
    bad = tmp_path / "classroom.yaml"
    bad.write_text("format: 1\nchapters: [pilot]\nexport_folder: out\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "game", "validate", str(bad)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert f"{bad}:2:12: error[C105]: there is no chapter `pilot`" in proc.stdout
    assert "hint: did you mean `pilot_city`?" in proc.stdout


def test_a_bad_classroom_file_stops_play_before_the_window(tmp_path):
    bad = tmp_path / "room.yaml"
    bad.write_text("format: 1\nchapters: [pilot_city]\nexport_folder: out\nlanguage: fr\n",
                   encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--classroom", str(bad)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 1
    assert "error[C110]" in proc.stderr and ":4:11:" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--classroom",
                           str(tmp_path / "missing.yaml")], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 2 and "no classroom file" in proc.stderr


@pytest.mark.parametrize("text, where", [
    ("""
     format: 1
     chapter: [day_zero]
     chapters: [pilot_city]
     export_folder: out
     """, ("C101", 2, 1, "unknown key `chapter`", "did you mean `chapters`?")),
    ("""
     format: 1
     chapters: [pilot_city]
     """, ("C102", 1, 1, "`export_folder` is missing", "add `export_folder: ...`")),
    ("""
     format: 1
     chapters: [pilot_city]
     export_folder: out
     persona: sometimes
     """, ("C103", 4, 10, "`persona` cannot be `sometimes`", "alternating")),
    ("""
     format: 1
     chapters: [pilot_city]
     export_folder: out
     idle_minutes: soon
     """, ("C103", 4, 15, "`idle_minutes` should be a whole number", "whole number")),
    ("""
     format: 1
     chapters: pilot_city
     export_folder: out
     """, ("C103", 2, 11, "`chapters` should be a list", "[day_zero, pilot_city]")),
    ("""
     format: 1
     chapters: [pilot_city]
     export_folder: out
     time_limit_minutes: 300
     """, ("C104", 4, 21, "`time_limit_minutes` must be at most 240", "limits")),
    ("""
     format: 1
     chapters: [day_zero, pilot_cty]
     export_folder: out
     """, ("C105", 2, 22, "there is no chapter `pilot_cty`", "did you mean `pilot_city`?")),
    ("""
     format: 1
     chapters: [day_zero, pilot_city]
     export_folder: out
     personas: [migrant, student]
     """, ("C107", 4, 21, "the persona `student` is not in every chapter", "professional")),
    ("""
     format: 1
     chapters: [day_zero, pilot_city]
     export_folder: out
     ruleset: articels
     """, ("C108", 4, 10, "no scored chapter has a ruleset `articels`", "did you mean `articles`?")),
    ("""
     format: 1
     chapters: [pilot_city]
     export_folder: out
     counterbalance: true
     """, ("C109", 4, 17, "counterbalancing needs exactly two chapters", "day_zero")),
    ("""
     format: 1
     chapters: [pilot_city]
     export_folder: out
     language: fr
     """, ("C110", 4, 11, "the language `fr` does not exist yet", "only `en`")),
    ("""
     format: 1
     chapters: [pilot_city]
     export_folder: out
     exit_keys: ctrl+q
     """, ("C111", 4, 12, "too easy to press by accident", "ctrl+shift+q")),
    ("""
     format: 1
     chapters: [pilot_city]
     export_folder: out
     time_limit_minutes: 10
     warning_minutes: 10
     """, ("C112", 5, 18, "is not shorter than the time limit", "smaller")),
    ("""
     format: 1
     chapters: [pilot_city, pilot_city]
     export_folder: out
     """, ("C114", 2, 24, "`pilot_city` is listed twice", "once")),
])
def test_each_mistake_is_located_coded_and_explained(text, where):
    code, line, column, message, hint = where
    got = only(check(text))
    assert got[:3] == (code, line, column), got
    assert message in got[3] and hint in got[4], got


def test_an_export_folder_that_is_a_file(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    got = only(check("format: 1\nchapters: [pilot_city]\nexport_folder: notes.txt\n",
                     tmp_path))
    assert got[:3] == ("C113", 3, 16)


def test_a_chapter_with_errors(tmp_path):
    (tmp_path / "broken.yaml").write_text("format: 1\nid: broken\n", encoding="utf-8")
    got = only(check("format: 1\nchapters: [broken.yaml]\nexport_folder: out\n", tmp_path))
    assert got[:3] == ("C106", 2, 12) and "validate" in got[4]


def test_every_problem_of_a_file_is_reported_at_once():
    loaded = check("""
        format: 1
        chapter: [day_zero]
        chapters: [day_zero, pilot_cty]
        export_folder: out
        persona: sometimes
        language: de
        exit_keys: escape
        """)
    codes = [(d.code, d.line) for d in loaded.diagnostics]
    assert codes == [("C101", 2), ("C105", 3), ("C103", 5), ("C110", 6), ("C111", 7)]
    assert loaded.config is None and not loaded.ok


@pytest.mark.parametrize("text, code", [("", "C100"), ("- day_zero\n", "C100"),
                                        ("format: [1\n", "E001"),
                                        ("format: 1\nformat: 1\nchapters: [pilot_city]\n"
                                         "export_folder: out\n", "E003"),
                                        ("format: !!python/object:os.system x\n", "E002")])
def test_not_a_classroom_file_or_not_yaml(text, code):
    loaded = load_classroom_text(text, "room.yaml")
    assert loaded.diagnostics and loaded.diagnostics[0].code == code
    assert not loaded.ok


def test_an_unreadable_file_is_a_diagnostic_not_a_crash(tmp_path):
    loaded = load_classroom(tmp_path / "nothing.yaml")
    assert loaded.diagnostics[0].code == "E011" and "no such file" in loaded.format()
    (tmp_path / "latin1.yaml").write_bytes(b"name: caf\xe9\n")
    assert load_classroom(tmp_path / "latin1.yaml").diagnostics[0].code == "E011"


def test_classroom_files_are_told_apart_from_levels(tmp_path):
    assert is_classroom_file(EXAMPLE)
    assert not is_classroom_file(ROOT / "levels" / "pilot_city.yaml")


# ---------------------------------------------------------------- the codes

def _codes_in_source() -> set[str]:
    text = "".join((ROOT / "game" / "classroom" / name).read_text(encoding="utf-8")
                   for name in ("config.py", "questions.py"))
    return set(re.findall(r'"(C1\d\d)"', text))


def test_every_code_is_used_explained_and_documented():
    guide = TEACHERS.read_text(encoding="utf-8")
    assert _codes_in_source() == set(CLASSROOM_CODES)
    for code, entry in CLASSROOM_CODES.items():
        assert entry.title and len(entry.explanation) > 60 and entry.wrong != entry.fixed
        assert explain(code).startswith(f"{code} (error): {entry.title}")
        assert code in guide, f"docs/TEACHERS.md does not list {code}"
    assert not set(CLASSROOM_CODES) & (set(all_codes()) - set(CLASSROOM_CODES))


@pytest.mark.parametrize("code", sorted(CLASSROOM_CODES))
def test_the_fixed_examples_are_valid_and_the_wrong_ones_are_not(code, tmp_path):
    entry = CLASSROOM_CODES[code]
    if code in ("C106",):       # needs a broken level file next to it
        return
    if code == "C116":          # a question bank's code: its examples are banks
        from game.classroom.questions import read_bank
        assert read_bank(entry.fixed, "q.yaml")[1] == []
        assert [d.code for d in read_bank(entry.wrong, "q.yaml")[1]] == ["C116"]
        return
    fixed = load_classroom_text(entry.fixed, str(tmp_path / "classroom.yaml"))
    assert fixed.ok, fixed.format()
    wrong = load_classroom_text(entry.wrong, str(tmp_path / "classroom.yaml"))
    if code == "C113":
        return                  # the wrong example is a file next to it
    assert code in [d.code for d in wrong.diagnostics], wrong.format()


def test_validate_explain_reads_every_table():
    for code in ("C105", "E101", "W306"):
        proc = subprocess.run([sys.executable, "-m", "game", "validate", "--explain", code],
                              capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0 and code in proc.stdout and "Wrong:" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "game", "validate", "--explain", "C999"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "no code" in proc.stdout and proc.stdout.endswith("\n")


def test_analyze_explains_codes_too_with_their_severity():
    proc = subprocess.run([sys.executable, "-m", "game", "analyze", "--explain", "a403"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.startswith("A403 (error): A dead end")
    proc = subprocess.run([sys.executable, "-m", "game", "validate", "--explain", "A410"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.startswith("A410 (info): ")


def test_the_guide_lists_the_codes_as_the_table_says():
    from game.classroom.codedocs import rewrite
    assert TEACHERS.read_text(encoding="utf-8") == rewrite(TEACHERS), (
        "docs/TEACHERS.md is out of date: run `python -m game.classroom.codedocs`")


# ---------------------------------------------------------------- both rulesets in turn

def test_both_rulesets_is_valid_for_a_scored_chapter_with_two_and_may_be_counterbalanced(
        tmp_path):
    loaded = check("""
        format: 1
        chapters: [pilot_city]
        ruleset: both
        counterbalance: true
        export_folder: out
    """, tmp_path)
    assert loaded.ok, loaded.format()
    assert len(loaded.levels[0].rulesets) >= 2


def test_both_rulesets_without_a_scored_chapter_is_c115_at_its_line(tmp_path):
    code, line, col, message, hint = only(check("""
        format: 1
        chapters: [day_zero]
        export_folder: out
        ruleset: both
    """, tmp_path))
    assert (code, line, col) == ("C115", 4, 10)
    assert "none of these chapters is scored" in message and "two rulesets" in hint


def test_both_rulesets_names_the_scored_chapter_with_only_one(tmp_path):
    (tmp_path / "one.yaml").write_text(textwrap.dedent("""\
        format: 1
        id: one_rule
        title: One rule
        start: s
        behaviours: {b: {name: Being}}
        rulesets: {only: {name: Only, rules: {b: {change: -5, always: true}}}}
        personas: {professional: {name: Pro}}
        scenes:
          s:
            title: S
            text: A scene.
            basis: fiction
            choices: [{id: c, text: Go, behaviour: b, finish: true}]
        endings: {e: {title: E, text: The end.}}
    """), encoding="utf-8")
    code, _, _, message, _ = only(check("""
        format: 1
        chapters: [pilot_city, one.yaml]
        export_folder: out
        ruleset: both
    """, tmp_path))
    assert code == "C115" and "`one_rule` has only one ruleset" in message


def test_counterbalancing_one_scored_chapter_still_needs_both_rulesets(tmp_path):
    code, *_ = only(check("""
        format: 1
        chapters: [pilot_city]
        export_folder: out
        counterbalance: true
    """, tmp_path))
    assert code == "C109"
