"""Kiosk mode's rules without a window: session codes, counterbalancing, assignment, the
idle and time-limit clocks, and the teacher's exit keys."""
from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from game.classroom.kiosk import (FIRST_WORDS, SECOND_WORDS, ExitKeysError,
                                  Timers, chapter_order, first_turn, make_code,
                                  parse_exit_keys, plan_student, scored_first)

CODE = re.compile(r"^[a-z]+-[a-z]+-[1-9][0-9]$")


def test_codes_are_two_words_and_a_number():
    rng = random.Random(1)
    codes = [make_code(rng) for _ in range(500)]
    assert all(CODE.match(c) for c in codes)
    assert len(set(codes)) > 480


def test_code_words_are_not_common_given_names():
    names = {"max", "sam", "alex", "mia", "leo", "noah", "emma", "olivia", "liam", "lily",
             "ruby", "jade_", "rose", "daisy", "jack", "grace", "charlie", "robin_"}
    assert not names & (set(FIRST_WORDS) | set(SECOND_WORDS))
    assert len(set(FIRST_WORDS)) == len(FIRST_WORDS) and len(set(SECOND_WORDS)) == len(SECOND_WORDS)


@pytest.mark.parametrize("first", [True, False])
def test_a_code_can_be_drawn_for_either_order(first):
    rng = random.Random(3)
    assert all(scored_first(make_code(rng, first)) is first for _ in range(300))


def test_the_order_is_a_function_of_the_code():
    assert scored_first("amber-fox-43") and not scored_first("amber-fox-42")
    assert scored_first("amber-fox-43") == scored_first("amber-fox-43")
    odd = [scored_first(f"teacher-made-{w}") for w in FIRST_WORDS]    # no number: hashed
    assert odd == [scored_first(f"teacher-made-{w}") for w in FIRST_WORDS]
    assert 0 < sum(odd) < len(odd)


def test_half_a_class_plays_scored_first():
    rng = random.Random(11)
    plans = [plan_student(n, rng, ["a", "b"], "alternating", None, [], None)
             for n in range(30)]
    orders = [chapter_order(["zero", "week"], p.code, True, lambda c: c == "week")
              for p in plans]
    count = Counter(tuple(o) for o in orders)
    assert count == {("zero", "week"): 15, ("week", "zero"): 15}
    assert all(o[0] == "week" for o, p in zip(orders, plans) if p.scored_first)


def test_without_counterbalancing_the_order_is_as_listed():
    assert chapter_order(["zero", "week"], "amber-fox-43", False, lambda c: c == "week") == \
        ["zero", "week"]
    assert chapter_order(["a", "b", "c"], "amber-fox-43", True, lambda c: c == "b") == \
        ["a", "b", "c"]


def test_alternating_personas_meet_both_orders():
    rng = random.Random(5)
    plans = [plan_student(n, rng, ["professional", "migrant"], "alternating", None, [], None)
             for n in range(8)]
    cells = Counter((p.persona, p.scored_first) for p in plans)
    assert cells == {(persona, order): 2 for persona in ("professional", "migrant")
                     for order in (True, False)}
    assert [p.scored_first for p in plans[:4]] == [False, True, True, False]


def test_chosen_random_and_single_personas():
    rng = random.Random(2)
    assert plan_student(0, rng, ["a", "b"], "chosen", None, [], None).persona is None
    assert plan_student(0, rng, ["only"], "chosen", None, [], None).persona == "only"
    picked = {plan_student(n, rng, ["a", "b"], "random", None, [], None).persona
              for n in range(40)}
    assert picked == {"a", "b"}


def test_rulesets_and_seeds():
    rng = random.Random(4)
    fixed = plan_student(0, rng, ["a"], "random", "pilot", ["pilot", "opaque"], 7)
    assert (fixed.ruleset, fixed.seed) == ("pilot", 7)
    rulesets = {plan_student(n, rng, ["a"], "random", "random", ["pilot", "opaque"], None).ruleset
                for n in range(40)}
    assert rulesets == {"pilot", "opaque"}
    seeds = {plan_student(n, rng, ["a"], "random", None, [], None).seed for n in range(20)}
    assert len(seeds) == 20


def test_a_code_already_used_is_not_given_again():
    rng = random.Random(9)
    first = plan_student(0, random.Random(9), ["a"], "chosen", None, [], None).code
    again = plan_student(0, rng, ["a"], "chosen", None, [], None, taken=lambda c: c == first)
    assert again.code != first and scored_first(again.code) == scored_first(first)


# ---------------------------------------------------------------- timers

def test_idle_asks_then_ends_after_thirty_seconds():
    t = Timers(idle_seconds=180)
    t.touch(100.0)
    assert not t.idle(279.0) and t.idle(280.0)
    assert not t.gone(309.0) and t.gone(310.0)
    t.touch(300.0)
    assert not t.idle(301.0)


def test_the_warning_comes_once_before_the_limit():
    t = Timers(idle_seconds=180, limit_seconds=20 * 60, warning_seconds=120)
    assert not t.warn(10_000) and not t.time_up(10_000)      # not started: no limit yet
    t.start(0.0)
    assert not t.warn(17 * 60.0)
    assert t.warn(18 * 60.0)
    assert not t.warn(18 * 60.0 + 5)
    assert not t.time_up(20 * 60.0 - 1) and t.time_up(20 * 60.0)
    assert t.elapsed(60.0) == 60.0


def test_no_limit_never_ends_the_play():
    t = Timers(idle_seconds=60)
    t.start(0.0)
    assert not t.warn(1e9) and not t.time_up(1e9)


# ---------------------------------------------------------------- exit keys

@pytest.mark.parametrize("text, mods, key", [
    ("ctrl+shift+q", {"ctrl", "shift"}, "q"), ("Ctrl + Alt + F12", {"ctrl", "alt"}, "f12"),
    ("control+shift+9", {"ctrl", "shift"}, "9"), ("alt+shift+x", {"alt", "shift"}, "x")])
def test_exit_keys_that_work(text, mods, key):
    keys = parse_exit_keys(text)
    assert keys.modifiers == frozenset(mods) and keys.key == key
    assert keys.matches(mods, key.upper()) and not keys.matches({"ctrl"}, key)
    assert not keys.matches(mods | {"ctrl", "shift", "alt"}, key)   # one modifier too many


@pytest.mark.parametrize("text", ["escape", "q", "ctrl+q", "shift+alt", "ctrl+shift+escape",
                                  "ctrl+shift+f13", "ctrl+shift+qq", "shift+q+w", ""])
def test_exit_keys_that_are_refused(text):
    with pytest.raises(ExitKeysError):
        parse_exit_keys(text)


def test_exit_keys_read_aloud():
    assert str(parse_exit_keys("shift+ctrl+q")) == "Ctrl+Shift+Q"


def test_any_four_students_in_a_row_meet_every_persona_and_order():
    rng = random.Random(8)
    for start in range(8):
        plans = [plan_student(n, rng, ["professional", "migrant"], "alternating", None, [],
                              None) for n in range(start, start + 4)]
        assert {(p.persona, p.scored_first) for p in plans} == {
            (persona, order) for persona in ("professional", "migrant")
            for order in (True, False)}


def test_fresh_computers_start_anywhere_in_the_square():
    """30 computers with one student each: both personas and both orders, about half each."""
    cells = Counter()
    for machine in range(400):
        rng = random.Random(machine)
        plan = plan_student(first_turn(rng, ["a", "b"]), rng, ["a", "b"], "alternating", None,
                            [], None)
        cells[plan.persona, plan.scored_first] += 1
    assert set(cells) == {(p, o) for p in "ab" for o in (True, False)}
    assert all(70 <= n <= 130 for n in cells.values()), cells


# ---------------------------------------------------------------- both rulesets in turn

class _Chapter:
    """A stand-in chapter: its id, whether it is scored, and its rulesets in file order."""
    def __init__(self, cid: str, scored: bool, rulesets=("one",)):
        self.id, self.scored = cid, scored
        self.title = cid.title()
        self.rulesets = {r: type("R", (), {"name": r.title()})() for r in rulesets}


ZERO, WEEK = _Chapter("zero", False), _Chapter("week", True, ("first", "second"))


def _turns(plan, both=True, counterbalance=True):
    from game.classroom.kiosk import chapter_turns
    return [(c.id, r) for c, r in chapter_turns([ZERO, WEEK], plan.code, counterbalance,
                                                  lambda c: c.scored, both, plan.turn)]


def test_both_plays_the_scored_chapter_once_under_each_ruleset():
    plan = plan_student(0, random.Random(3), ["a"], "chosen", "both", [], None)
    assert plan.ruleset == "both"
    turns = _turns(plan, counterbalance=False)
    assert turns == [("zero", None), ("week", "first"), ("week", "second")]
    assert _turns(plan, both=False, counterbalance=False) == [("zero", None), ("week", None)]


def test_counterbalanced_both_meets_every_chapter_order_with_every_ruleset_order():
    rng = random.Random(8)
    plans = [plan_student(n, rng, ["a"], "chosen", "both", [], None) for n in range(8)]
    cells = Counter((t[0][0], t[1 if t[0][0] == "zero" else 0][1])
                    for t in map(_turns, plans))
    assert cells == {(first, rules): 2 for first in ("zero", "week")
                     for rules in ("first", "second")}
    reversed_ = [[r for c, r in _turns(p) if c == "week"] == ["second", "first"]
                 for p in plans[:4]]
    assert reversed_ == [False, False, True, True]


def test_a_turn_is_named_with_its_ruleset():
    from game.classroom.kiosk import turn_title
    assert turn_title(WEEK, "second") == 'Week, under "Second"'
    assert turn_title(WEEK, None) == "Week" and turn_title(WEEK, "nonesuch") == "Week"
    assert turn_title(ZERO, None) == "Zero"
