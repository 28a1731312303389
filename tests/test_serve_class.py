"""The lesson server and the classroom's own rules meeting (issue 17 follow-up): the class's
balanced design given to students as they join, browser sessions in the export and the
report, the debrief's steps shared with the kiosk. Traffic goes to 127.0.0.1 only."""
from __future__ import annotations

import random
from collections import Counter

from game.classroom.export import check_export, read_session
from game.classroom.fairness import assign as cell_of
from game.classroom.kiosk import scored_first
from game.web.loopback import Student
from serve_helpers import served

BOTH = """format: 1
chapters: [day_zero, pilot_city]
counterbalance: true
persona: alternating
ruleset: both
export_folder: exports
"""


def _room(tmp_path, text: str) -> str:
    room = tmp_path / "room.yaml"
    room.write_text(text, encoding="utf-8")
    return str(room)


def test_each_run_of_2k_students_gets_every_persona_with_every_order(tmp_path):
    with served(tmp_path) as (port, site):
        for _ in range(12):
            Student(port).join(site.join_code)
        rows = site.lesson.store.students()
    personas = ["professional", "migrant"]          # k = 2: every 4 students balanced
    for start in range(0, 12, 4):
        block = rows[start:start + 4]
        cells = Counter((r.plan["persona"], scored_first(r.code)) for r in block)
        assert cells == {(p, f): 1 for p in personas for f in (True, False)}, cells
    for r in rows:   # each student is the cell of the class-wide design with their index
        cell = cell_of(r.n, personas)
        assert (r.plan["persona"], scored_first(r.code)) == (cell.persona, cell.scored_first)
        assert (r.plan["turns"][0][0] == "pilot_city") == cell.scored_first


def test_ruleset_both_orders_the_rulesets_in_turn_across_the_class(tmp_path):
    with served(tmp_path / "data", _room(tmp_path, BOTH)) as (port, site):
        for _ in range(8):
            Student(port).join(site.join_code)
        rows = site.lesson.store.students()
    orders = []
    for r in rows:
        scored = [ruleset for level, ruleset in r.plan["turns"] if level == "pilot_city"]
        assert len(scored) == 2 and len(set(scored)) == 2      # played under each in turn
        orders.append((scored_first(r.code), tuple(scored)))
        assert (scored != sorted(scored, key=["documented", "articles"].index)) == \
            cell_of(r.n).rulesets_reversed
    assert Counter(orders) == {o: 2 for o in set(orders)} and len(set(orders)) == 4


def test_a_code_whose_file_is_already_in_the_exports_folder_is_never_given(tmp_path):
    from game.web import lesson as lesson_module

    with served(tmp_path) as (port, site):
        lesson = site.lesson
        probe = lesson_module.assign(0, random.Random(5), lesson.room, lambda code: False)
        (lesson.export_dir).mkdir(parents=True, exist_ok=True)
        (lesson.export_dir / f"{probe['code']}.json").write_text("{}", encoding="utf-8")
        lesson.rng = random.Random(5)
        Student(port).join(site.join_code)
        row = lesson.store.students()[0]
    assert row.code != probe["code"]
    assert scored_first(row.code) == scored_first(probe["code"])   # the same cell


def test_a_browser_session_is_recorded_as_browser_and_the_report_counts_it(tmp_path):
    from game.classroom.class_data import ClassData
    from game.classroom.gather import session_files
    with served(tmp_path) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        s.play_lesson(random.Random(4))
        site.lesson.writer.flush()
    files, problems = session_files([str(tmp_path / "exports")])
    assert len(files) == 1 and not problems
    data = read_session(files[0])
    assert data["mode"] == "browser" and check_export(data) == []
    cls = ClassData([data])
    assert len(cls.sessions) == 1 and cls.mains            # counted as a kiosk session is
    old = dict(data, mode="kiosk")
    assert check_export(old) == []                          # older files stay valid
    assert check_export(dict(data, mode="phone")) != []


ASKED = """format: 1
chapters: [day_zero, pilot_city]
personas: [migrant]
seed: 4242
questions: standard
export_folder: exports
"""


def test_the_lessons_questions_come_before_play_and_after_the_debrief(tmp_path):
    from game.classroom.questions import load_bank
    bank = load_bank()[0]
    with served(tmp_path / "data", _room(tmp_path, ASKED)) as (port, site):
        s = Student(port)
        page = s.join(site.join_code)
        assert 'action="/question"' in page.body and bank[0].ask in page.body
        assert 'action="/choose"' not in page.body               # no play before them
        for i, q in enumerate(bank):                              # 1st option, or skip the 2nd
            page = s.post("/question", page.hidden() | {"option": "0" if i == 1 else "1"})
        assert 'action="/choose"' in page.body
        page = s.play_lesson(random.Random(2), answer="typed", include=False)
        row = site.lesson.store.students()[0]
        assert row.phase == "done" and row.answers == {}
        site.lesson.writer.flush()
        data = read_session(site.lesson.export_dir / f"{row.code}.json")
    asked = {q["id"]: q for q in data["questions"]}
    assert [q["id"] for q in data["questions"]] == [q.id for q in bank]
    assert asked[bank[0].id]["before"] == 1 and asked[bank[1].id]["before"] is None
    assert all(q["after"] is None or 1 <= q["after"] <= 4 for q in data["questions"])
    assert "answers" not in data or not data["answers"]     # dropped, as not ticked
    assert check_export(data) == []


def test_an_answer_outside_the_options_is_refused(tmp_path):
    with served(tmp_path / "data", _room(tmp_path, ASKED)) as (port, site):
        s = Student(port)
        page = s.join(site.join_code)
        for bad in ("9", "-1", "x", "123"):
            r = s.post("/question", page.hidden() | {"option": bad})
            assert r.status == 400
        assert site.lesson.store.students()[0].questions == {"before": {}, "after": {}}


def test_the_teachers_page_shows_each_figure_with_its_range_and_the_few_warning(tmp_path):
    import html

    from game.classroom.questions import load_bank
    with served(tmp_path / "data", _room(tmp_path, ASKED)) as (port, site):
        for i in range(3):
            s = Student(port)
            s.join(site.join_code)
            s.play_lesson(random.Random(i))
        t = Student(port)
        t.cookie = f"sincerity_teacher={site.teacher_key}"
        page = html.unescape(t.get("/teacher").body)
        discuss = [html.unescape(t.get(f"/teacher/discuss/{n}").body) for n in range(1, 9)]
    assert "All six dilemmas: " in page and "95% range" in page and "3 students)" in page
    assert "Only 3 students answered the same dilemmas both ways" in page
    assert "What students learned" in page
    for q in load_bank()[0]:
        assert q.ask in page
    import re
    assert re.search(r"Only [0-3] students? answered a question both times", page)  # some skip
    assert any("What students learned" in d and "answered a question both times" in d
               for d in discuss)


def test_a_lesson_folder_from_before_the_questions_still_opens(tmp_path):
    import sqlite3

    from game.web.store import DB_NAME, Store
    old = sqlite3.connect(tmp_path / DB_NAME)
    old.executescript("""
    create table students (token text primary key, code text unique not null,
      n integer not null, plan text not null, joined real not null,
      turn integer not null default 0, phase text not null default 'play',
      step integer not null default 0, status text, answers text,
      include integer not null default 0, export text);
    insert into students (token, code, n, plan, joined) values
      ('t', 'amber-fox-11', 0, '{"turns": []}', 1.0);
    """)
    old.commit()
    old.close()
    store = Store(tmp_path)
    try:
        row = store.students()[0]
        assert row.code == "amber-fox-11" and row.questions == {"before": {}, "after": {}}
        store.update("t", questions={"before": {"q": 1}, "after": {}})
        assert store.student("t").questions["before"] == {"q": 1}
    finally:
        store.close()


def _play_keeping_pages(s: Student, rng: random.Random) -> list:
    """Play to the debrief; the page after each choice, with the choice's turn and step."""
    import html as h
    page, after = s.get("/play"), []
    while True:
        open_ = page.open_choices()
        if open_:
            step = int(page.hidden()["step"])
            page = s.choose(page, rng.choice(open_))
            after.append((step, h.unescape(page.body)))
        elif 'action="/next"' in page.body:
            page = s.post("/next", page.hidden())
        else:
            return after


def test_moments_of_watching_are_captions_in_the_scene_and_real_ones_named_after(tmp_path):
    import html as h

    from game.core.moments import moments_of
    from game.core.strings import moment_line
    room = _room(tmp_path, "format: 1\nchapters: [pilot_city]\npersonas: [migrant]\n"
                           "seed: 7\nexport_folder: exports\n")
    with served(tmp_path / "data", room) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        pages = _play_keeping_pages(s, random.Random(1))
        player = site.lesson.player(site.lesson.store.students()[0].token)
        state = player.state
        report = h.unescape(s.get("/play").body)      # the debrief's first page has it
    level, shown_any, real_any = state.level, 0, 0
    for record in state.records:
        # a record's step counts the choices made, the page's the choices before it
        page = next(body for step, body in pages if step + 1 == record.step)
        moments = [m for m in moments_of(level, state.seed, record) if m.shown]
        scene = page.split('<article class="scene', 1)[1]
        for m in moments:       # a caption line in the scene, as the text mode words it
            assert f'class="moment moment-{m.look}"' in scene
            assert moment_line(m.name, m.look) in scene
        assert scene.count('class="moment moment-') == len(moments)
        assert "[" + (moment_line(moments[0].name, moments[0].look) if moments else "@") \
            + "]" not in page        # not again among "What happened"
        shown_any += len(moments)
        real_any += sum(m.recorded for m in moments)
    assert shown_any, "this seed and these choices should show a moment"
    assert "Moments you saw:" in report                           # which ones were real
    assert ("(real: it recorded you)" in report) == bool(real_any)
    assert ("(nothing recorded)" in report) == (shown_any > real_any)


def test_the_signs_hold_still_when_motion_is_reduced():
    from pathlib import Path

    import game.web.app
    css = (Path(game.web.app.__file__).parent / "static" / "site.css").read_text(encoding="utf-8")
    reduced = css.split("@media (prefers-reduced-motion: reduce)", 1)[1].split("\n", 1)[0]
    assert "animation: none" in reduced
    for look in ("camera", "light", "buzz", "glance"):   # every look has a sign that moves
        rule = css.split(f".moment-{look} .sign", 1)[1].split("}", 1)[0]
        assert "animation:" in rule
    for frames in ("sign-turn", "sign-on", "sign-glance"):   # resting style = last pose
        block = css.split(f"@keyframes {frames}", 1)[1].split("\n", 1)[0]
        assert "from {" in block and " to {" not in block


def _asks(page) -> bool:
    """A page of the questions after play (play_lesson stops there)."""
    return 'action="/question"' in page.body


def test_the_teacher_sees_who_is_answering_the_questions(tmp_path):
    import html
    with served(tmp_path / "data", _room(tmp_path, ASKED)) as (port, site):
        before = Student(port)
        before.join(site.join_code)
        after = Student(port)
        after.join(site.join_code)
        page = after.get("/play")
        while 'action="/question"' in page.body:
            page = after.post("/question", page.hidden() | {"option": "1"})
        page = after.play_lesson(random.Random(1), until=_asks)
        t = Student(port)
        t.cookie = f"sincerity_teacher={site.teacher_key}"
        body = html.unescape(t.get("/teacher").body)
    assert "answering the questions before play" in body
    assert "answering the questions again" in body
    assert "2 joined · 1 playing · 1 in the debrief · 0 finished" in body


def test_one_student_is_one_student_in_the_warnings(tmp_path):
    import html
    with served(tmp_path / "data", _room(tmp_path, ASKED)) as (port, site):
        s = Student(port)
        page = s.join(site.join_code)
        while 'action="/question"' in page.body:
            page = s.post("/question", page.hidden() | {"option": "1"})
        page = s.play_lesson(random.Random(5), until=_asks)
        while 'action="/question"' in page.body:
            page = s.post("/question", page.hidden() | {"option": "2"})
        t = Student(port)
        t.cookie = f"sincerity_teacher={site.teacher_key}"
        body = html.unescape(t.get("/teacher").body)
        report = html.unescape(t.get("/teacher/report.html").body)
    for text in (body, report):
        assert "Only 1 student answered the same dilemmas both ways" in text
        assert "Only 1 student answered a question both times" in text


def test_the_time_limit_counts_from_play_not_from_the_questions(tmp_path):
    import time
    room = _room(tmp_path, ASKED + "time_limit_minutes: 10\nwarning_minutes: 2\n")
    with served(tmp_path / "data", room) as (port, site):
        s = Student(port)
        page = s.join(site.join_code)
        token = site.lesson.store.students()[0].token
        site.lesson.store.update(token, joined=time.time() - 9.5 * 60)   # slow to answer
        site.lesson.players.clear()
        while 'action="/question"' in page.body:
            page = s.post("/question", page.hidden() | {"option": "1"})
        assert 'action="/choose"' in page.body
        assert "minutes left" not in page.body and "minute left" not in page.body
        page = s.get("/play")
        assert 'action="/choose"' in page.body                # play is not cut short
