"""The score as an unknown (`game/authoring/symbolic.py`): each comparison narrows the range
of scores a run stands for, and a search that plays each choice once per range reaches
exactly what a search that plays it for every score reaches."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.authoring.explore import explore
from game.authoring.summary import summarize
from game.authoring.symbolic import NotSymbolic, Sym, Tape, pin
from game.content.catalog import bundled


def test_comparisons_answer_for_the_known_score_and_narrow_the_range():
    tape = Tape(912)
    score = Sym(tape)
    assert (score >= 900) is True
    assert (score + 50 < 950) is False     # 962 is not below 950
    assert tape.lo == 900 and tape.hi == float("inf")
    assert tape.admits(900) and tape.admits(5000)
    assert not tape.admits(899)


def test_a_clipped_score_and_a_negated_delta_stay_exact():
    tape = Tape(990)
    score = Sym(tape)
    new = max(0, min(1000, score + 30))    # clipped at the maximum
    assert new == 1000 and type(new) is int
    delta = new - score                    # 1000 - s: depends on s
    assert isinstance(delta, Sym) and delta.k == -1
    assert delta > 0
    assert tape.admits(975) and not tape.admits(960)   # 960 + 30 is not clipped


def test_a_rounded_pull_is_an_unknown_of_its_own():
    tape = Tape(900)
    score = Sym(tape)
    pull = round(0.1 * (1000.0 - score))   # 10 at 900, 30 at 700
    assert isinstance(pull, Sym) and pull.value == 10
    assert tape.admits(700)                # nothing was assumed about it yet
    after = max(0, min(1000, score + pull))
    assert (after >= 950) is False         # 910: an assumption on s + pull
    assert tape.admits(700) and not tape.admits(990)   # 990 + 1 is 991
    assert pull != 0                       # an assumption on the pull alone
    assert not tape.admits(1000)           # 1000 pulls 0
    tape.seal()
    assert not tape.plain


@settings(max_examples=200, deadline=None)
@given(s0=st.integers(0, 1000), average=st.integers(0, 1000), tenths=st.integers(1, 9),
       times=st.sampled_from([-3, -2, -1, 1, 2, 3]), plus=st.integers(-5, 5),
       other=st.integers(-12, 12), equal=st.booleans())
def test_equality_on_a_pull_holds_for_exactly_the_scores_it_admits(
        s0, average, tenths, times, plus, other, equal):
    # `times * pull + plus == other`: the tape must admit exactly the scores for which
    # the plain engine answers the same as for s0
    def plain(s):
        value = times * round(tenths / 10 * (float(average) - s)) + plus
        return value == other if equal else value != other
    tape = Tape(s0)
    pulled = round(tenths / 10 * (float(average) - Sym(tape)))
    value = times * pulled + plus
    answer = (value == other) if equal else (value != other)
    assert answer == plain(s0)
    for s in range(0, 1001, 7):
        assert tape.admits(s) == (plain(s) == answer), s


@settings(max_examples=300, deadline=None)
@given(s0=st.integers(0, 1300), average=st.integers(0, 1300), hundredths=st.integers(1, 99),
       plus=st.integers(-40, 40),
       tests=st.lists(st.tuples(st.sampled_from(["u", "t"]), st.sampled_from(["ge", "lt"]),
                                st.integers(-150, 1450)), min_size=1, max_size=4))
def test_a_sealed_pull_admits_exactly_the_scores_that_answer_alike(
        s0, average, hundredths, plus, tests):
    # comparisons on the pull u and on the score after it, t = s + plus + u: the sealed
    # tape admits a score exactly when it answers every comparison as s0 does
    import operator
    ops = {"ge": operator.ge, "lt": operator.lt}

    def answers(s):
        u = round(hundredths / 100 * (float(average) - (s + plus)))
        return [ops[op](u if on == "u" else s + plus + u, n) for on, op, n in tests]
    tape = Tape(s0)
    score = Sym(tape) + plus
    u = round(hundredths / 100 * (float(average) - score))
    assert [ops[op](u if on == "u" else score + u, n) for on, op, n in tests] == answers(s0)
    tape.seal()
    for s in range(-200, 1600, 3):
        assert tape.admits(s) == (answers(s) == answers(s0)), s


def test_each_rounding_has_its_own_pull_and_two_pulls_do_not_mix():
    tape = Tape(900)
    score = Sym(tape)
    first = round(0.1 * (1000.0 - score))   # as one fall of the dice would
    second = round(0.5 * (1000.0 - score))  # as another would, on the same tape
    assert first.value == 10 and second.value == 50 and len(tape.pulls) == 2
    assert (second >= 50) is True
    assert tape.admits(901) and not tape.admits(902)   # 902 pulls 49
    with pytest.raises(NotSymbolic):
        first + second


def test_a_rounding_to_digits_is_pinned_to_its_value():
    tape = Tape(900)
    score = Sym(tape)
    third = round(score / 3, 1)   # 300.0
    assert third == 300.0 and type(third) is float
    assert tape.admits(900) and not tape.admits(903)


def test_hashing_or_converting_the_unknown_is_refused():
    score = Sym(Tape(5))
    with pytest.raises(NotSymbolic):
        hash(score)
    with pytest.raises(TypeError):
        int(score)
    assert pin(score + 1) == 6 and not score.tape.admits(4)


@pytest.mark.parametrize("loaded", bundled(), ids=lambda lv: lv.level.id)
def test_the_symbolic_search_reaches_exactly_what_the_plain_one_does(loaded):
    level = loaded.level
    for persona in level.personas:
        for ruleset in level.rulesets:
            plain = explore(level, persona, ruleset, symbolic=False)
            fast = explore(level, persona, ruleset)
            assert plain.states == fast.states   # same states, found in the same order
            assert plain.parent == fast.parent and plain.via == fast.via
            assert plain.lucky == fast.lucky and plain.edges == fast.edges
            assert plain.first_edge == fast.first_edge
            assert len(fast.first_edge) == len(fast.states) + 1
            assert all(fast.edges[e][0] == i for i in range(len(fast.states))
                       for e in range(fast.first_edge[i], fast.first_edge[i + 1]))
            assert plain.stuck == fast.stuck and plain.opened == fast.opened
            assert plain.shown == fast.shown
            assert plain.flags_seen == fast.flags_seen
            assert plain.counters_seen == fast.counters_seen
            assert summarize(level, plain) == summarize(level, fast)
