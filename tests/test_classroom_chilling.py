"""The chilling effect, measured: one player's figures with their order, a class pooled, and
the published figures beside them. Sessions are crafted from two tiny chapters."""
from __future__ import annotations

import pytest
from conftest import make_level, play, start

from game.classroom.chilling import (BESIDE, PUBLISHED, by_order, by_pair, class_shift,
                                     kinds_played, of_kind, order_of, pair_answers,
                                     session_chilling, signed_percent)
from game.core.debrief import chilling_by_kind, chilling_effect

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
         "unscored": True, "scored": False, "kind": None},
        {"pair": "sign", "question": "Sign the petition?", "candid_means": "signed",
         "unscored": False, "scored": False, "kind": None}]


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
    assert rows["post"] == {"pair": "post", "question": "Share the article?", "kind": None,
                            "n": 2, "unscored": 2, "scored": 1}
    assert rows["sign"]["unscored"] == 1 and rows["sign"]["scored"] == 1


def test_an_empty_class_has_no_shift():
    shift = class_shift([None, {}, {"pairs": 0}])
    assert shift.students == 0 and shift.shift_percent is None


def test_published_figures_are_the_sources_figures():
    penney, bateson = PUBLISHED
    assert penney.figure == "about −20%" and "48 terrorism-related Wikipedia" in penney.claim
    assert "2013" in penney.claim and "20–30" not in penney.claim + penney.figure
    assert penney.url == "https://doi.org/10.15779/Z38SS13"
    assert bateson.figure == "×2.76" and "2.76" in bateson.claim and "eyes" in bateson.claim
    assert bateson.url == "https://doi.org/10.1098/rsbl.2006.0509"
    assert "2006" in bateson.reference and "Biology Letters" in bateson.reference
    for caveat in ("48 people", "one coffee room", "10 weeks", "Northover", "generosity",
                   "Dear, Dutton & Fox (2019)", "35%"):
        assert caveat in bateson.caveat, caveat


def test_each_study_stands_beside_one_kind_only():
    """Penney measured expression (what people read); Bateson a rule kept or broken."""
    assert BESIDE == {"expression": PUBLISHED[0], "rules": PUBLISHED[1]}


# ---------------------------------------------------------------- expression and rules apart

KINDED = (ZERO.replace("candid: shared it}", "candid: shared it, kind: expression}")
          .replace("candid: signed}", "candid: signed, kind: rules}"))


@pytest.fixture(scope="module")
def kinded():
    scored = KINDED.replace("id: zero", "id: week").replace("scored: false", "scored: true") \
        .replace("none: {name: None, legibility: hidden}", "city: {name: City}")
    return make_level(KINDED), make_level(scored)


def test_the_shift_is_split_into_expression_and_rules(kinded):
    """Guarded in speech, unchanged at the rule: -100% expression, 0% rules, -50% pooled."""
    state = session(kinded, ("share", "sign"), ("keep", "sign"))
    assert chilling_effect(state).shift_percent == -50.0
    split = chilling_by_kind(state)
    assert list(split) == ["expression", "rules"]
    assert (split["expression"].pairs, split["expression"].shift_percent) == (1, -100.0)
    assert (split["rules"].pairs, split["rules"].shift_percent) == (1, 0.0)
    c = session_chilling(state)
    assert [a["kind"] for a in c["answers"]] == ["expression", "rules"]
    assert of_kind(c, "expression")["shift_percent"] == -100.0
    assert of_kind(c, "rules")["shift_percent"] == 0.0
    assert list(kinds_played(c)) == ["expression", "rules"]


def test_a_level_without_kinds_splits_nothing(chapters):
    state = session(chapters, ("share", "sign"), ("keep", "sign"))
    assert chilling_by_kind(state) == {}
    assert kinds_played(session_chilling(state)) == {}


def test_kinds_can_come_from_the_other_chapter(chapters):
    """Day Zero may declare the kinds while the scored chapter does not: the record takes
    them from whichever chapter of the session says."""
    state = session(chapters, ("share", "sign"), ("keep", "sign"))
    c = session_chilling(state, {"post": "expression", "sign": "rules"})
    assert of_kind(c, "expression")["shift_percent"] == -100.0
    assert of_kind(c, "rules")["pairs"] == 1


def test_a_class_is_pooled_for_each_kind_apart(kinded):
    players = [session_chilling(session(kinded, u, s)) for u, s in [
        (("share", "sign"), ("keep", "sign")),      # speech 1 -> 0, rules 1 -> 1
        (("share", "pass"), ("keep", "sign")),      # speech 1 -> 0, rules 0 -> 1
    ]]
    speech, rules = class_shift(players, "expression"), class_shift(players, "rules")
    assert (speech.students, speech.pairs, speech.candid_unscored, speech.candid_scored) == \
        (2, 2, 2, 0)
    assert speech.shift_percent == -100.0 and speech.fewer == 2
    assert (rules.candid_unscored, rules.candid_scored, rules.more) == (1, 2, 1)
    assert rules.shift_percent == 100.0
    assert class_shift(players).shift_percent == pytest.approx(-33.3, abs=0.1)


def test_files_from_before_the_split_count_in_neither_kind():
    old = {"pairs": 1, "candid_unscored": 1, "candid_scored": 0, "answers": [
        {"pair": "p", "question": "q", "candid_means": "c", "unscored": True,
         "scored": False}]}
    assert class_shift([old]).pairs == 1
    assert class_shift([old], "expression").pairs == 0


@pytest.mark.parametrize("value, words", [(-25.4, "−25%"), (10, "+10%"), (0.2, "0%"),
                                          (None, "—")])
def test_signed_percent(value, words):
    assert signed_percent(value) == words
