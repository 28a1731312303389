"""The class report measures fairly (issue 17 part 5): each figure with a range from
resampling students, a warning under ten students, no order effect claimed without
evidence, no score for a session that never chose in a scored chapter, no student counted
twice."""
from __future__ import annotations

import copy
from html import unescape

import pytest

from game.classroom import strings as S
from game.classroom.class_data import ClassData
from game.classroom.export import check_export
from game.classroom.generate import generate_class
from game.classroom.report import report_html


def _page(cls) -> str:
    return unescape(report_html(cls))


@pytest.fixture(scope="module")
def sessions():
    return generate_class(30, seed=3)


def test_the_class_figure_has_a_range_from_its_students(sessions):
    html = _page(ClassData(copy.deepcopy(sessions)))
    assert S.RANGE_TITLE in html and "95% range" in html
    assert "too few for the figure" not in html          # 30 students: no warning
    assert "is an order effect" not in html               # the old flat claim
    card = html[html.index('class="card you"'):]
    card = card[:card.index("</div></div>") if "</div></div>" in card else 600]
    assert "95% range" in card                             # on the projected card itself


def test_a_small_class_is_warned(sessions):
    cls = ClassData(copy.deepcopy(sessions[:6]))
    n = cls.chilling_interval().students
    assert 0 < n < 10
    html = _page(cls)
    assert S.RANGE_FEW.format(n=n) in html and S.RANGE_CARD_FEW.format(students=S.count(n)) in html


def test_no_order_effect_is_claimed_when_the_ranges_overlap(sessions):
    cls = ClassData(copy.deepcopy(sessions))
    html = _page(cls)
    if set(cls.order_intervals()) == {"unscored_first", "scored_first"}:
        assert S.RANGE_ORDER_SAME in html or "leaves out zero" in html
    # the same students, every "scored first" one made silent: now the orders differ
    rigged = copy.deepcopy(sessions)
    for i, s in enumerate(rigged):
        c = s["chilling"]
        if c and c.get("pairs"):
            c["order"] = "scored_first" if i % 2 else "unscored_first"
            if c["order"] == "scored_first":
                c["candid_scored"] = 0
            else:
                c["candid_scored"] = c["candid_unscored"]
    assert "leaves out zero" in _page(ClassData(rigged))


def _cut_before_the_scored_choices(session: dict) -> dict:
    s = copy.deepcopy(session)
    for ch in s["chapters"]:
        if ch["scored"]:
            ch["choices"] = []
            ch["final_score"] = ch["start_score"]
    return s


def test_a_session_without_a_scored_choice_has_no_final_score(sessions):
    """The review's migrant row: a session stopped before its first scored choice plotted
    its starting score as a final one."""
    stopped = _cut_before_the_scored_choices(sessions[0])
    stopped["session"] = "amber-fox-98"
    cls = ClassData([copy.deepcopy(sessions[0]), stopped])
    assert sum(r["n"] for r in cls.persona_rows()) == 1
    assert len(cls.mains) == 1


def test_a_replay_is_never_counted_twice(sessions):
    first = copy.deepcopy(sessions[0])
    again = copy.deepcopy(sessions[1])
    again["replay_of"] = first["session"]
    assert check_export(again) == []
    cls = ClassData([first, again])
    assert len(cls.sessions) == 1 and len(cls.replays) == 1
    assert sum(r["n"] for r in cls.persona_rows()) == 1
    assert cls.chilling_interval().students <= 1
    html = _page(cls)
    assert "2 sessions" in html and S.RANGE_REPLAYS.format(n=1) in html


def test_the_command_counts_every_session_read(sessions, tmp_path):
    from game.classroom.generate import write_class
    from game.classroom.report import cmd_report
    from types import SimpleNamespace
    import io
    again = copy.deepcopy(sessions[:3])
    again[2]["replay_of"] = again[1]["session"]
    write_class(tmp_path / "in", again)
    out = io.StringIO()
    cmd_report(SimpleNamespace(inputs=[str(tmp_path / "in")], output=str(tmp_path / "c.html")),
               out=out)
    assert out.getvalue().startswith("Class report of 3 sessions")


def test_one_student_is_one_student_everywhere_a_count_is_said():
    from game.classroom.fairness import Interval
    from game.classroom.report_range import card_range, range_line
    one = Interval(students=1, value=-50.0, low=-50.0, high=-50.0)
    assert range_line("All six dilemmas", one).endswith("1 student).")
    assert "Only 1 student: too few" in card_range(one)
    many = Interval(students=12, value=-20.0, low=-40.0, high=0.0)
    assert range_line("All six dilemmas", many).endswith("12 students).")
    assert range_line("All", Interval(1, None, None, None)) == "All: no percentage (1 student)."
