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
