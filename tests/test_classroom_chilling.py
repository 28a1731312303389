"""The chilling effect, measured: one player's figures with their order, a class pooled, and
the published figures beside them. Sessions are crafted from two tiny chapters."""
from __future__ import annotations

import pytest
from conftest import make_level, play, start

from game.classroom.chilling import (PUBLISHED, by_order, by_pair, class_shift, order_of,
                                     pair_answers, session_chilling, signed_percent)

ZERO = """
    format: 1
    id: zero
    title: Day Zero
    start: post
    scored: false
    baselines:
      post: {question: "Share the article?", candid: shared it}
      sign: {question: "Sign the petition?", candid: signed}
    rulesets: {none: {name: None, legibility: hidden}}
    personas: {me: {name: Me}}
    scenes:
      post:
        title: The article
        text: A friend sends an article.
        basis: fiction
        choices:
          - {id: share, text: Share it, baseline: {pair: post, candid: true}, goto: sign}
          - {id: keep, text: Keep it, baseline: {pair: post, candid: false}, goto: sign}
      sign:
        title: The petition
        text: A petition for the river.
        basis: fiction
        choices:
          - {id: sign, text: Sign, baseline: {pair: sign, candid: true}, finish: true}
          - {id: pass, text: Pass, baseline: {pair: sign, candid: false}, finish: true}
    endings:
      end: {title: Saturday is over, text: Nobody counted.}
"""
SCORED = ZERO.replace("id: zero", "id: week").replace("title: Day Zero", "title: The Week") \
    .replace("scored: false", "scored: true").replace("none: {name: None, legibility: hidden}",
                                                      "city: {name: City}")


@pytest.fixture(scope="module")
def chapters():
    return make_level(ZERO), make_level(SCORED)


def session(chapters, unscored: tuple[str, str], scored: tuple[str, str],
            scored_first: bool = False):
    zero, week = chapters
    first, second = (week, zero) if scored_first else (zero, week)
    a = scored if scored_first else unscored
    b = unscored if scored_first else scored
    one = play(start(first), *a).state
    return play(start(second, carry=one), *b).state


def test_candid_then_guarded_is_a_full_shift(chapters):
    c = session_chilling(session(chapters, ("share", "sign"), ("keep", "pass")))
    assert (c["pairs"], c["candid_unscored"], c["candid_scored"], c["changed"]) == (2, 2, 0, 2)
    assert c["shift_percent"] == -100.0
    assert c["order"] == "unscored_first"


def test_half_the_answers_guarded_is_minus_fifty(chapters):
    c = session_chilling(session(chapters, ("share", "sign"), ("keep", "sign")))
    assert c["shift_percent"] == -50.0 and c["changed"] == 1


def test_more_candid_under_the_score_is_a_positive_shift(chapters):
    c = session_chilling(session(chapters, ("keep", "sign"), ("share", "sign")))
    assert c["shift_percent"] == 100.0


def test_no_candid_answer_unscored_has_no_percentage(chapters):
    c = session_chilling(session(chapters, ("keep", "pass"), ("share", "sign")))
    assert c["pairs"] == 2 and c["shift_percent"] is None


def test_scored_first_is_the_same_comparison_in_the_other_order(chapters):
    state = session(chapters, ("share", "sign"), ("keep", "pass"), scored_first=True)
    c = session_chilling(state)
    assert c["order"] == "scored_first"
    assert (c["candid_unscored"], c["candid_scored"], c["shift_percent"]) == (2, 0, -100.0)


def test_one_chapter_alone_compares_nothing(chapters):
    state = play(start(chapters[1]), "share", "sign").state
    c = session_chilling(state)
    assert c["pairs"] == 0 and c["shift_percent"] is None and c["order"] is None
    assert order_of(state) is None


def test_pair_answers_say_what_each_half_was(chapters):
    answers = pair_answers(session(chapters, ("share", "pass"), ("keep", "pass")))
    assert answers == [
        {"pair": "post", "question": "Share the article?", "candid_means": "shared it",
         "unscored": True, "scored": False},
        {"pair": "sign", "question": "Sign the petition?", "candid_means": "signed",
         "unscored": False, "scored": False}]


def test_a_class_pools_answers_and_counts_students_each_way(chapters):
    players = [session_chilling(session(chapters, u, s)) for u, s in [
        (("share", "sign"), ("keep", "pass")),      # 2 -> 0
        (("share", "sign"), ("share", "sign")),     # 2 -> 2
        (("keep", "sign"), ("share", "sign")),      # 1 -> 2
    ]]
    players.append(session_chilling(play(start(chapters[1]), "share", "sign").state))  # none
    shift = class_shift(players)
    assert (shift.students, shift.pairs, shift.candid_unscored, shift.candid_scored) == \
        (3, 6, 5, 4)
    assert (shift.fewer, shift.same, shift.more) == (1, 1, 1)
    assert shift.shift_percent == pytest.approx(-20.0)


def test_a_counterbalanced_class_is_split_by_order(chapters):
    players = [session_chilling(session(chapters, ("share", "sign"), ("keep", "pass"))),
               session_chilling(session(chapters, ("share", "sign"), ("share", "sign"),
                                        scored_first=True))]
    orders = by_order(players)
    assert set(orders) == {"unscored_first", "scored_first"}
    assert orders["unscored_first"].shift_percent == -100.0
    assert orders["scored_first"].shift_percent == 0.0


def test_by_pair_gives_candid_counts_each_way(chapters):
    players = [session_chilling(session(chapters, ("share", "sign"), ("keep", "sign"))),
               session_chilling(session(chapters, ("share", "pass"), ("share", "pass")))]
    rows = {r["pair"]: r for r in by_pair(players)}
    assert rows["post"] == {"pair": "post", "question": "Share the article?", "n": 2,
                            "unscored": 2, "scored": 1}
    assert rows["sign"]["unscored"] == 1 and rows["sign"]["scored"] == 1


def test_an_empty_class_has_no_shift():
    shift = class_shift([None, {}, {"pairs": 0}])
    assert shift.students == 0 and shift.shift_percent is None


def test_published_figures_are_the_sources_figures():
    penney, bateson = PUBLISHED
    assert "20–30%" in penney.figure and "2013" in penney.claim and "Wikipedia" in penney.claim
    assert penney.url == "https://doi.org/10.15779/Z38SS13"
    assert bateson.figure == "×2.76" and "2.76" in bateson.claim and "eyes" in bateson.claim
    assert bateson.url == "https://doi.org/10.1098/rsbl.2006.0509"
    assert "2006" in bateson.reference and "Biology Letters" in bateson.reference


@pytest.mark.parametrize("value, words", [(-25.4, "−25%"), (10, "+10%"), (0.2, "0%"),
                                          (None, "—")])
def test_signed_percent(value, words):
    assert signed_percent(value) == words
