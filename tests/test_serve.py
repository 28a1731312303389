"""`python -m game serve`: the lesson for browsers, driven over HTTP on 127.0.0.1 by the
simulated students of game/web/loopback.py (the same pages a browser gets)."""
from __future__ import annotations

import io
import json
import random
import zipfile

import pytest

from game.classroom.export import read_session
from game.web.loopback import Student
from serve_helpers import ServeProcess, served

ROOM = """format: 1
chapters: [day_zero, pilot_city]
personas: [migrant]
seed: 4242
export_folder: exports
"""


def teacher(port: int, site) -> Student:
    t = Student(port)
    t.cookie = f"sincerity_teacher={site.teacher_key}"
    return t


def test_serve_prints_the_students_and_teacher_addresses_first(tmp_path):
    server = ServeProcess(tmp_path / "data")
    try:
        assert server.lines[0] == f"Students: http://127.0.0.1:{server.port}/\n"
        assert server.lines[1].startswith(f"Teacher: http://127.0.0.1:{server.port}/teacher?key=")
        assert len(server.teacher.split("key=")[1]) >= 40      # long and random
        assert server.lines[2].startswith("Join code: ")
    finally:
        server.stop()


@pytest.mark.parametrize("port", ["0", "70000", "-5"])
def test_a_port_out_of_range_is_a_usage_error(tmp_path, port, capsys):
    from game.cli import main
    assert main(["serve", "--port", port, "--data", str(tmp_path)]) == 2
    assert "1 to 65535" in capsys.readouterr().err


def test_a_student_plays_the_lesson_and_the_teacher_sees_them_finish(tmp_path):
    with served(tmp_path) as (port, site):
        s = Student(port)
        first = s.join(site.join_code)
        assert first.status == 200 and 'action="/choose"' in first.body
        done = s.play_lesson(random.Random(3), answer="Watched.", include=True)
        assert "Saved" in done.body and "are in it" in done.body
        code = site.lesson.store.students()[0].code
        site.lesson.writer.flush()
        data = read_session(tmp_path / "exports" / f"{code}.json")
        assert data["status"] == "finished" and data["answers"]["feel"] == "Watched."
        assert len(data["chapters"]) == 2 and all(c["finished"] for c in data["chapters"])
        assert sum(len(c["choices"]) for c in data["chapters"]) == len(s.choices_made)
        page = teacher(port, site).get("/teacher")
        assert page.status == 200 and code in page.body and "finished" in page.body
        assert "The chilling effect in this class" in page.body
        exports = teacher(port, site).get("/teacher/exports.zip")
        assert exports.status == 200


def test_the_export_matches_the_text_modes_for_the_same_seed_and_choices(tmp_path):
    room = tmp_path / "room.yaml"
    room.write_text(ROOM, encoding="utf-8")
    with served(tmp_path / "data", str(room)) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        s.play_lesson(random.Random(9))
        web = site.lesson.store.students()[0].export
    from game.cli import main_captured
    text_dir = tmp_path / "text"
    code, _ = main_captured(["play", "--text", "--classroom", str(room), "--export",
                             str(text_dir), "--choices", ",".join(map(str, s.numbers))])
    assert code == 0
    text = read_session(next(text_dir.glob("*.json")))
    assert _same_game(web) == _same_game(text)


def _same_game(data: dict) -> dict:
    """A record without what differs between two sessions of the same game: the code, the
    day, the seconds, the front end."""
    out = {k: v for k, v in data.items() if k not in (
        "session", "date", "duration_seconds", "mode", "game_version", "classroom", "status")}
    out["chapters"] = [dict(c, choices=[dict(x, seconds=None) for x in c["choices"]])
                       for c in data["chapters"]]
    return out


def test_typed_answers_are_dropped_unless_the_box_is_ticked(tmp_path):
    with served(tmp_path) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        done = s.play_lesson(random.Random(5), answer="My name is Sam", include=False)
        assert "not in it" in done.body
        row = site.lesson.store.students()[0]
        site.lesson.writer.flush()
        assert row.export["answers"] is None and row.answers == {}
        assert "Sam" not in (tmp_path / "exports" / f"{row.code}.json").read_text()
        for name in ("lesson.sqlite3", "lesson.sqlite3-wal"):   # not even on the disk
            path = tmp_path / name
            assert not path.exists() or b"Sam" not in path.read_bytes()


def test_the_time_limit_warns_then_opens_the_debrief(tmp_path):
    room = tmp_path / "room.yaml"
    room.write_text(ROOM + "time_limit_minutes: 5\nwarning_minutes: 2\n", encoding="utf-8")
    with served(tmp_path / "data", str(room)) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        s.play_lesson(random.Random(1), stop_after=2)
        player = site.lesson.player(site.lesson.store.students()[0].token)
        player.row.joined -= 4 * 60          # four minutes into a five-minute lesson
        assert "1 minute left" in s.get("/play").body
        player.row.joined -= 60              # time is up
        page = s.get("/play")
        assert 'action="/debrief"' in page.body and "Time is up" in page.body
        assert site.lesson.store.students()[0].status == "time_up"


def test_a_restarted_server_resumes_every_student_at_their_last_choice(tmp_path):
    with served(tmp_path) as (port, site):
        students = []
        for i in range(3):
            s = Student(port)
            s.join(site.join_code)
            page = s.play_lesson(random.Random(i), stop_after=2 + i)
            students.append((s, page.hidden()["step"], s.cookie))
    with served(tmp_path) as (port, site):
        for s, step, cookie in students:
            again = Student(port, cookie=cookie)
            page = again.get("/play")
            assert page.status == 200 and page.hidden()["step"] == step
        s = Student(port, cookie=students[0][2])
        assert "Saved" in s.play_lesson(random.Random(1)).body
        code = site.lesson.store.students()[0].code
    (tmp_path / "exports" / f"{code}.json").unlink()   # as if killed before the file was written
    with served(tmp_path) as (port, site):
        site.lesson.writer.flush()
        assert read_session(tmp_path / "exports" / f"{code}.json")["status"] == "finished"


def test_the_teacher_ends_the_lesson_and_students_go_to_the_debrief(tmp_path):
    with served(tmp_path) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        s.play_lesson(random.Random(2), stop_after=3)
        t = teacher(port, site)
        page = t.get("/teacher")
        assert t.post("/teacher/end", page.hidden() | {"sure": "1"}).status == 200
        after = s.get("/play")
        assert 'action="/debrief"' in after.body and "ended the game" in after.body
        assert site.lesson.store.students()[0].status == "stopped"
        late = Student(port)
        assert "has ended" in late.get("/").body


def test_a_student_who_chose_nothing_leaves_no_record_when_the_lesson_ends(tmp_path):
    with served(tmp_path) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        t = teacher(port, site)
        t.post("/teacher/end", t.get("/teacher").hidden() | {"sure": "1"})
        assert "nothing to save" in s.get("/play").body
        site.lesson.writer.flush()
        assert site.lesson.store.students()[0].export is None
        assert not list((tmp_path / "exports").glob("*.json"))


def test_each_student_sees_only_their_own_game(tmp_path):
    with served(tmp_path) as (port, site):
        a, b = Student(port), Student(port)
        a.join(site.join_code)
        b.join(site.join_code)
        codes = [r.code for r in site.lesson.store.students()]
        assert codes[0] in a.get("/play").body and codes[1] not in a.get("/play").body
        assert codes[1] in b.get("/play").body and codes[0] not in b.get("/play").body
        # a's form token does not work with b's cookie
        form = a.get("/play").hidden()
        choice = a.get("/play").open_choices()[0]
        assert b.request("POST", "/choose", _body(form | {"choice": choice})).status == 403


def test_the_class_downloads_hold_every_session_record(tmp_path):
    with served(tmp_path) as (port, site):
        for i in range(2):
            s = Student(port)
            s.join(site.join_code)
            s.play_lesson(random.Random(i))
        t = teacher(port, site)
        raw = _raw_get(port, "/teacher/exports.zip", t.cookie)
        names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
        assert sorted(names) == sorted(f"{r.code}.json" for r in site.lesson.store.students())
        for name in names:
            assert json.loads(zipfile.ZipFile(io.BytesIO(raw)).read(name))["schema"] == \
                "sincerity.session"
        report = t.get("/teacher/report.html")
        assert report.status == 200 and "Class report" in report.body
        for n in range(1, 8):
            assert t.get(f"/teacher/discuss/{n}").status == 200
        assert "<svg" in t.get("/teacher/projector").body


def _raw_get(port: int, path: str, cookie: str) -> bytes:
    import http.client
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path, headers={"Cookie": cookie})
    return c.getresponse().read()


def _body(fields: dict) -> bytes:
    from game.web.loopback import form_body
    return form_body(fields)


@pytest.mark.parametrize("bad", ["", "XXXXX"])
def test_a_wrong_join_code_is_refused(tmp_path, bad):
    with served(tmp_path) as (port, site):
        s = Student(port)
        page = s.join(bad)
        assert page.status == 403 and "not right" in page.body
        assert site.lesson.store.count() == 0


def test_personas_and_orders_are_given_in_turn_across_the_class(tmp_path):
    from collections import Counter

    from game.classroom.kiosk import scored_first
    with served(tmp_path) as (port, site):
        for _ in range(8):
            Student(port).join(site.join_code)
        rows = site.lesson.store.students()
    assert Counter(r.plan["persona"] for r in rows) == {"professional": 4, "migrant": 4}
    firsts = Counter(scored_first(r.code) for r in rows)
    assert firsts == {True: 4, False: 4}
    for r in rows:   # the chapter order follows the code, as the report reads it
        assert (r.plan["turns"][0][0] == "pilot_city") == scored_first(r.code)
    assert len({r.code for r in rows}) == 8


def test_the_lan_addresses_are_this_computers_own():
    from game.web.listen import default_hosts, lan_addresses, listen
    found = lan_addresses()
    assert "127.0.0.1" not in found and default_hosts()[-1] == "127.0.0.1"
    for ip in found:          # each can be listened on here: an address of this computer
        socks, port = listen([ip])
        assert port > 0
        for s in socks:
            s.close()


def test_the_note_on_unticked_answers_comes_with_the_tick_box(tmp_path):
    """The note "If you leave this unticked..." stood in the data column, above the answer
    box, away from the tick box it explains; now it follows the box and describes it."""
    from game.classroom import strings as K
    with served(tmp_path) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        page = s.play_lesson(random.Random(3), until=lambda p: 'id="include"' in p.body)
    body = page.body
    assert body.count(K.INCLUDE_NOTE) == 1
    tick, note = body.index('id="include"'), body.index(K.INCLUDE_NOTE)
    assert 0 < note - tick < 300                     # straight after the box and its label
    assert 'aria-describedby="include-note"' in body[tick - 100:tick + 100]
