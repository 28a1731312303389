"""Session files: what they hold, that they fit docs/export.schema.json, that they are written
atomically and only into the export folder, and that bad ones are refused with a reason."""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.classroom import jsonschema
from game.classroom.export import (ExportError, check_export, export_paths, export_schema,
                                   read_session, write_atomic, write_session)
from game.classroom.generate import bundled_pair, play_session
from game.classroom.record import ChapterRecorder, build_export
from game.core import choices, choose, new_game

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def levels():
    return bundled_pair()


def _play(level, carry=None, persona="migrant", pick=0, seconds=3.0, ruleset=None):
    state = new_game(level, persona, ruleset, seed=5, carry=carry)
    rec = ChapterRecorder(state)
    while not state.finished:
        views = [v for v in choices(state) if v.available]
        step = choose(state, views[pick % len(views)].id)
        rec.chose(step, seconds)
        state = step.state
    return rec


@pytest.fixture(scope="module")
def session(levels):
    zero, city = levels
    a = _play(zero)
    b = _play(city, carry=a.state, pick=1, ruleset="articles")
    return build_export([a, b], "amber-fox-42", "finished", "kiosk",
                        {"name": "10B", "counterbalance": True, "scored_first": False,
                         "time_limit_minutes": 20}, duration=612.3,
                        answers={"feel": "Watched.", "next": "  Ask what my apps keep.  "})


def test_the_schema_in_the_docs_is_the_one_the_game_uses():
    docs = json.loads((ROOT / "docs" / "export.schema.json").read_text(encoding="utf-8"))
    assert docs == export_schema()
    assert docs["properties"]["version"]["enum"] == [1, 2]


def test_version_2_lists_every_change_of_each_choice(session):
    zero, city = session["chapters"]
    assert session["version"] == 2
    assert zero["final_score"] is None          # nothing in Day Zero was scored
    score = city["start_score"]
    for c in city["choices"]:
        assert c["score_before"] == score
        assert sum(x["delta"] for x in c["changes"]) == c["score_after"] - c["score_before"]
        score = c["score_after"]
    assert score == city["final_score"]
    causes = {x["cause"] for c in city["choices"] for x in c["changes"]}
    assert {"behaviour", "network"} <= causes


def test_version_1_files_are_still_read(session):
    old = copy.deepcopy(session)
    old["version"] = 1
    for chapter in old["chapters"]:
        chapter["final_score"] = chapter["final_score"] or 1000
        for c in chapter["choices"]:
            for key in ("score_before", "score_after", "changes"):
                del c[key]
    assert check_export(old) == []


def test_version_2_changes_must_add_up(session):
    bad = copy.deepcopy(session)
    choice = bad["chapters"][1]["choices"][0]
    choice["score_after"] += 1
    assert "do not add up" in check_export(bad)[0]
    del choice["changes"]
    assert "`changes` is missing" in check_export(bad)[0]


@pytest.mark.parametrize("where, value", [
    (("chapters", 1, "final_score"), 10 ** 15),
    (("chapters", 1, "start_score"), -10 ** 15),
    (("chapters", 1, "choices", 0, "seconds"), 10 ** 12),
    (("chapters", 1, "choices", 0, "step"), 10 ** 9),
    (("chapters", 1, "score_path", 0, "score"), 10 ** 15),
    (("chilling", "pairs"), 10 ** 9),
    (("duration_seconds",), 10 ** 12),
    (("seed",), 10 ** 30),
])
def test_numbers_out_of_any_sane_range_are_refused(session, where, value):
    bad = copy.deepcopy(session)
    target = bad
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    assert check_export(bad), f"{where} = {value} was accepted"


def test_a_session_code_with_a_newline_after_it_is_refused(session):
    bad = dict(session, session="abc-1\n")
    assert check_export(bad)
    assert check_export(dict(session, date="2026-01-01\n"))


def test_a_session_holds_what_the_teacher_needs(session):
    assert check_export(session) == []
    assert session["session"] == "amber-fox-42" and session["status"] == "finished"
    assert session["persona"] == {"id": "migrant", "name": "Rural migrant worker"}
    assert session["ruleset"]["id"] == "articles" and session["seed"] == 5
    zero, city = session["chapters"]
    assert (zero["level"], zero["scored"], city["level"], city["scored"]) == \
        ("day_zero", False, "pilot_city", True)
    choice = city["choices"][0]
    assert set(choice) >= {"scene", "choice", "text", "behaviour", "observed_by", "delta",
                           "disclosed", "reason", "seconds"}
    assert all(c["seconds"] == 3.0 for c in city["choices"])
    assert city["score_path"][0] == {"step": 0, "score": 1000, "delta": 0, "cause": "start"}
    assert city["ending"]["id"] in dict(map(tuple, city["map"]["endings"]))
    assert {"closed_at_start", "lost", "regained", "closed_at_end"} <= set(city["services"])
    assert session["chilling"]["pairs"] == 6 and session["chilling"]["order"] == "unscored_first"


def test_answers_are_trimmed_and_the_empty_ones_kept_empty(session):
    assert session["answers"]["feel"] == "Watched."
    assert session["answers"]["next"] == "Ask what my apps keep."
    assert session["answers"]["learned"] == ""


def test_no_answers_means_null(levels):
    data = build_export([_play(levels[1])], "x-y-10", "left", "text", answers=None)
    assert data["answers"] is None and check_export(data) == []
    data = build_export([_play(levels[1])], "x-y-10", "left", "text",
                        answers={"feel": "   "})
    assert data["answers"] is None


def test_no_names_only_the_code(session):
    text = json.dumps(session)
    assert "amber-fox-42" in text
    assert set(session) == set(export_schema()["required"])


@pytest.mark.parametrize("change, words", [
    (lambda d: d.pop("session"), "`session` is missing"),
    (lambda d: d.update(session="Ann Smith"), "does not match"),
    (lambda d: d.update(status="bored"), "is not one of"),
    (lambda d: d["chapters"][0].update(final_score="high"), "should be integer"),
    (lambda d: d.update(name="Ann"), "unknown key `name`"),
    (lambda d: d["chapters"][1]["choices"][0].update(seconds=-1), "below 0"),
    (lambda d: d.update(version=3), "version 3"),
    (lambda d: d["answers"].update(feel="x" * 601), "longer than 600"),
])
def test_the_checker_says_what_does_not_fit(session, change, words):
    data = copy.deepcopy(session)
    change(data)
    problems = check_export(data)
    assert problems and words in problems[0], problems


def test_the_checker_refuses_schema_keywords_it_does_not_know():
    with pytest.raises(jsonschema.SchemaError):
        jsonschema.check({}, {"type": "object", "oneOf": []})


def test_a_generated_session_fits(levels):
    import random
    data = play_session(3, levels, random.Random(1), status="idle")
    assert check_export(data) == []


# ---------------------------------------------------------------- writing

def test_written_atomically_into_the_folder_only(session, tmp_path):
    folder = tmp_path / "exports"
    paths = write_session(folder, session)
    assert [p.name for p in paths] == ["amber-fox-42.json", "amber-fox-42.html"]
    assert sorted(p.name for p in folder.iterdir()) == ["amber-fox-42.html",
                                                       "amber-fox-42.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]
    assert read_session(paths[0]) == session
    write_session(folder, session, printable=False)       # again: replaced, nothing left over
    assert len(list(folder.iterdir())) == 2
    mode = paths[0].stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "s.json"
    write_atomic(target, "old")

    def broken(*_):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(ExportError, match="No space left"):
        write_atomic(target, "new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["s.json"]


def test_a_folder_that_cannot_be_made(tmp_path, session):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        write_session(tmp_path / "file" / "exports", session)


def test_file_names_come_from_the_code_only(tmp_path):
    assert export_paths(tmp_path, "../../etc/passwd")[0] == tmp_path / "etc-passwd.json"
    assert export_paths(tmp_path, "Amber Fox 42")[0].name == "amber-fox-42.json"


@pytest.mark.parametrize("content, words", [
    (b"{", "not valid JSON"), (b"\xff\xfe", "not a text file"), (b"[1, 2]", "not a session"),
    (b'{"schema": "sincerity.session", "version": 9}', "version 9"),
    (b"[" * 100000 + b"]" * 100000, "not valid JSON")])
def test_bad_files_are_refused_with_a_reason(tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ExportError) as info:
        read_session(path)
    assert words in str(info.value) and str(path) in str(info.value)


# ---------------------------------------------------------------- the terminal writes one too

def test_play_text_export_writes_a_valid_session(tmp_path):
    answers = "\n".join(["1"] * 40) + "\n"
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--level",
                           "day_zero", "--export", str(tmp_path)], input=answers,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    files = sorted(tmp_path.glob("*.json"))
    assert len(files) == 1 and "record saved to" in proc.stderr
    data = read_session(files[0])
    assert data["mode"] == "text" and data["status"] == "finished"
    assert data["chapters"][0]["level"] == "day_zero"
    assert all(c["seconds"] is not None for c in data["chapters"][0]["choices"])
    assert (tmp_path / files[0].with_suffix(".html").name).is_file()


def test_play_text_with_a_classroom_file_plays_its_chapters(tmp_path):
    room = tmp_path / "classroom.yaml"
    room.write_text("format: 1\nchapters: [day_zero, pilot_city]\ncounterbalance: true\n"
                    "persona: random\nexport_folder: out\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--classroom",
                           str(room)], input="1\n2\n3\n" * 100, capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = read_session(next((tmp_path / "out").glob("*.json")))
    levels = [c["level"] for c in data["chapters"]]
    assert sorted(levels) == ["day_zero", "pilot_city"]
    assert data["classroom"]["counterbalance"] is True
    assert (levels[0] == "pilot_city") == data["classroom"]["scored_first"]
    assert data["chilling"]["pairs"] == 6
    # One debrief, after the last chapter: a debrief between them would say what is measured
    # before the second half is answered.
    played, finale = proc.stdout.split("==== The Whole Record ====")
    second_title = played.rindex("\nThe Pilot City" if levels[1] == "pilot_city"
                                 else "\nDay Zero")
    assert played.count("Talk about it") == 1
    assert played.index("Talk about it") > second_title
    # then the finale: the whole record of both chapters, and the last question
    assert "You played 2 chapters." in finale and "Talk about it" not in finale


def test_readers_take_a_choices_whole_cost_from_version_2_and_its_delta_from_version_1(session):
    from game.classroom.summary import by_cause_lines, choice_cost
    city = session["chapters"][1]
    moved = next(c for c in city["choices"] if len(c["changes"]) > 1)
    assert choice_cost(moved) == moved["score_after"] - moved["score_before"] != moved["delta"]
    old = {k: v for k, v in moved.items() if k not in ("score_before", "score_after", "changes")}
    assert choice_cost(old) == moved["delta"]
    assert "from your contacts' scores" in by_cause_lines(city)[0]


def test_an_unscored_chapter_alone_gives_no_final_score_to_compare(session):
    from game.classroom.class_data import ClassData
    only_zero = dict(copy.deepcopy(session), chapters=[copy.deepcopy(session["chapters"][0])])
    v1 = copy.deepcopy(only_zero)
    v1["version"], v1["chapters"][0]["final_score"] = 1, 1000   # as version 1 wrote it
    for data in (only_zero, v1):
        assert ClassData([data]).scores_by_persona() == []
    assert ClassData([session]).scores_by_persona() != []


def test_a_scored_chapter_with_two_rulesets_carries_the_contrast_the_debrief_shows(session,
                                                                                    levels):
    from game.core.contrast import contrasts
    from game.core.contrast_words import contrast_words
    zero, city = session["chapters"]
    assert "contrast" not in zero          # Day Zero: one ruleset, nothing scored
    (entry,) = city["contrast"]
    assert not check_export(session)
    state = _play(levels[1], carry=_play(levels[0]).state, pick=1, ruleset="articles").state
    (each,) = contrasts(state)
    words = contrast_words(each)
    assert entry["words"] == {"title": words.title, "intro": words.intro,
                              "rows": list(words.rows), "summary": list(words.summary)}
    assert entry["reproduced"] and entry["ruleset"] == each.other.ruleset
    assert entry["own"]["score"] == each.own.score
    assert (each.parted is not None) or each.own.score == state.score
    assert len(entry["rows"]) == len(each.differing)


def test_a_session_without_the_contrast_is_still_read(session, tmp_path):
    old = copy.deepcopy(session)
    for chapter in old["chapters"]:
        chapter.pop("contrast", None)
    assert not check_export(old)
    bad = copy.deepcopy(session)
    bad["chapters"][1]["contrast"][0]["rows"].append({"step": 1})
    assert check_export(bad)


def test_play_text_with_both_rulesets_plays_the_scored_chapter_under_each(tmp_path):
    from game.content import load_level
    city = load_level(ROOT / "levels" / "pilot_city.yaml").level
    room = tmp_path / "classroom.yaml"
    room.write_text("format: 1\nchapters: [day_zero, pilot_city]\nruleset: both\n"
                    "persona: random\nexport_folder: out\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--classroom",
                           str(room)], input="1\n2\n3\n" * 200, capture_output=True, text=True,
                          cwd=ROOT, timeout=180)
    assert proc.returncode == 0, proc.stderr
    data = read_session(next((tmp_path / "out").glob("*.json")))
    played = [(c["level"], c["ruleset"]) for c in data["chapters"]]
    assert played == [("day_zero", played[0][1])] + [("pilot_city", r) for r in city.rulesets]
    assert data["chapters"][1]["persona"] == data["chapters"][2]["persona"]
    last = data["chapters"][-1]
    assert [c["ruleset"] for c in last["contrast"]] == [next(iter(city.rulesets))]
    assert proc.stdout.count("The same choices under other rules") == 1
