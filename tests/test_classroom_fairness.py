"""Fair measurement across a class (issue 17 part 5): the balanced assignment the server and
the kiosks share, seat codes that cannot collide, and the class figures' intervals."""
from __future__ import annotations

import random
from collections import Counter

from game.classroom.fairness import (FEW_STUDENTS, MAX_SEAT, assign, difference_interval,
                                     differ, kiosk_index, proportion_interval, shift_interval)
from game.classroom.kiosk import first_turn, plan_student, scored_first

PERSONAS = ["professional", "migrant"]


# ---------------------------------------------------------------- assignment

def test_thirty_seats_split_the_class_evenly():
    """The review's lesson: 30 computers with one student each. Seats 1..30 give 15 of each
    persona and 15 of each order, and each persona meets each order (7 or 8 times)."""
    rng = random.Random(1)
    plans = [plan_student(kiosk_index(seat, 0), rng, PERSONAS, "alternating", None, [], None,
                          seat=seat) for seat in range(1, 31)]
    assert Counter(p.persona for p in plans) == {"professional": 15, "migrant": 15}
    assert Counter(p.scored_first for p in plans) == {True: 15, False: 15}
    cells = Counter((p.persona, p.scored_first) for p in plans)
    assert len(cells) == 4 and min(cells.values()) >= 7


def test_any_run_of_the_running_index_is_balanced():
    """The server's counter: any window of 2k consecutive students has each persona with
    each order once; with one persona, neighbours alternate orders."""
    for personas in (["a", "b"], ["a", "b", "c"], ["solo"]):
        k = len(personas)
        for start in range(12):
            window = [assign(i, personas) for i in range(start, start + 2 * k)]
            assert Counter((a.persona, a.scored_first) for a in window) == {
                (p, o): 1 for p in personas for o in (True, False)}
    orders = [assign(i, ["solo"]).scored_first for i in range(40)]
    assert all(x != y for x, y in zip(orders, orders[1:]))


def test_ruleset_order_is_crossed_with_chapter_order():
    window = [assign(i, ["a"]) for i in range(4)]
    assert Counter((a.scored_first, a.rulesets_reversed) for a in window) == {
        (o, r): 1 for o in (True, False) for r in (True, False)}


def test_no_personas_and_bad_indices_do_not_fail():
    assert assign(3).persona is None
    assert assign(-5, ["a"]).index == 0


def test_a_second_student_on_a_seat_moves_on_in_the_design():
    assert kiosk_index(4, 1) == kiosk_index(4, 0) + 1
    assert kiosk_index(None, 2, start=7) == 9


def test_seats_never_share_a_code():
    """Two computers cannot draw the same code: the number is the seat's own, with the
    parity that gives the order (the review found 0.75% of classes with a clash)."""
    rng = random.Random(3)
    numbers = {}
    for seat in range(1, MAX_SEAT + 1):
        for turn in range(4):
            plan = plan_student(kiosk_index(seat, turn), rng, PERSONAS, "alternating", None,
                                [], None, seat=seat)
            number = int(plan.code.rsplit("-", 1)[1])
            assert numbers.setdefault(number, seat) == seat
            assert 10 <= number <= 99
            assert scored_first(plan.code) == assign(kiosk_index(seat, turn), PERSONAS).scored_first


def test_computers_without_a_seat_start_anywhere_in_the_design():
    rng = random.Random(0)
    starts = {first_turn(rng, PERSONAS) for _ in range(200)}
    assert starts == set(range(8))


# ---------------------------------------------------------------- intervals

def _student(before: int, after: int, pairs: int = 6, kinds=None) -> dict:
    answers = [{"pair": f"p{i}", "unscored": i < before, "scored": i < after,
                "kind": (kinds or {}).get(i)} for i in range(pairs)]
    return {"pairs": pairs, "candid_unscored": before, "candid_scored": after,
            "answers": answers, "order": None}


def test_the_interval_resamples_students_and_is_reproducible():
    rng = random.Random(11)
    cls = [_student(b, max(0, b - rng.choice([0, 0, 1, 2])))
           for b in (rng.randint(2, 6) for _ in range(30))]
    first = shift_interval(cls)
    assert first == shift_interval(cls)             # the same files, the same report
    assert first.students == 30 and not first.few
    assert first.low <= first.value <= first.high
    assert first.high <= 0                           # every student was as or less candid
    assert first.low < first.high


def test_a_handful_of_students_gets_a_wide_range_and_a_warning():
    """The review's six-session lesson: three students, one more guarded: the figure lands
    in Penney's band, but the range runs from a large fall to nothing."""
    few = shift_interval([_student(5, 2), _student(3, 3), _student(4, 4)])
    assert few.students == 3 and few.few and FEW_STUDENTS == 10
    assert few.low <= -40 and few.high == 0


def test_students_who_compared_nothing_are_left_out():
    none = shift_interval([None, {"pairs": 0, "candid_unscored": 0, "candid_scored": 0}])
    assert none.students == 0 and none.value is None and none.low is None


def test_each_kind_of_dilemma_gets_its_own_interval():
    kinds = {0: "expression", 1: "expression", 2: "expression", 3: "rules", 4: "rules",
             5: "rules"}
    # candid on everything unscored; under the score silent on expression, candid on rules
    cls = [{"pairs": 6, "candid_unscored": 6, "candid_scored": 3, "order": None,
            "answers": [{"pair": f"p{i}", "unscored": True, "scored": i >= 3,
                         "kind": kinds[i]} for i in range(6)]} for _ in range(12)]
    speech, rules = shift_interval(cls, "expression"), shift_interval(cls, "rules")
    assert (speech.value, speech.low, speech.high) == (-100, -100, -100)
    assert (rules.value, rules.low, rules.high) == (0, 0, 0)
    assert shift_interval(cls).value == -50
    old = [_student(3, 2)]                           # a file from before the split: no kinds
    assert shift_interval(old, "expression").students == 0


def test_orders_differ_only_when_the_range_of_the_gap_leaves_out_zero():
    """The review's class: −19% against −28% is no evidence of an order effect."""
    rng = random.Random(5)
    a = [_student(5, 5 - rng.choice([0, 1, 2])) for _ in range(15)]
    b = [_student(5, 5 - rng.choice([0, 1, 2, 2])) for _ in range(15)]
    assert not differ(difference_interval(a, b))
    same = [_student(5, 5) for _ in range(15)]
    silent = [_student(5, 0) for _ in range(15)]
    assert differ(difference_interval(same, silent))
    assert difference_interval([], silent) == (None, None)


def test_a_before_after_question_shift_in_points():
    pairs = [(False, True)] * 10 + [(True, True)] * 10
    shift = proportion_interval(pairs)
    assert shift.value == 50 and shift.low > 20 and shift.high <= 75
    assert proportion_interval([]).value is None
