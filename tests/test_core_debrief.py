"""The debrief's data: Transparency Report, chilling effect, scenes seen, score over time."""
from __future__ import annotations

from conftest import base_level, make_level, play, start

from game.core.changes import ScoreChange
from game.core.debrief import (Chilling, ReportRow, chilling_effect, scenes_seen,
                               score_over_time, transparency_report)
from game.core.moments import Moment

BASELINES = """
    format: 1
    id: baselines
    title: Day Zero
    start: day0_post
    baselines:
      post: {question: "Share the article?", candid: shared it}
      sign: {question: "Sign the petition?", candid: signed}
    rulesets: {only: {name: Only}}
    personas: {me: {name: Me}}
    scenes:
      day0_post:
        title: Day Zero, the article
        text: A friend sends an article about the factory.
        basis: fiction
        scored: false
        choices:
          - {id: share, text: Share it, baseline: {pair: post, candid: true}, goto: day0_sign}
          - {id: keep, text: Keep it, baseline: {pair: post, candid: false}, goto: day0_sign}
      day0_sign:
        title: Day Zero, the petition
        text: A petition for the river.
        basis: fiction
        scored: false
        choices:
          - {id: sign, text: Sign, baseline: {pair: sign, candid: true}, goto: post}
          - {id: pass, text: Pass, baseline: {pair: sign, candid: false}, goto: post}
      post:
        title: The article again
        text: The article is back, and the camera is on.
        basis: fiction
        choices:
          - {id: share, text: Share it, baseline: {pair: post, candid: true}, goto: sign}
          - {id: keep, text: Keep it, baseline: {pair: post, candid: false}, goto: sign}
      sign:
        title: The petition again
        text: The petition is back.
        basis: fiction
        choices:
          - {id: sign, text: Sign, baseline: {pair: sign, candid: true}, finish: true}
          - {id: pass, text: Pass, baseline: {pair: sign, candid: false}, finish: true}
    endings:
      end: {title: The end, text: That was the week.}
"""


def test_baseline_answers_are_recorded_scored_or_not():
    state = play(start(make_level(BASELINES)), "share", "sign", "keep", "sign").state
    assert [(b.pair, b.scored, b.candid) for b in state.baselines] == [
        ("post", False, True), ("sign", False, True), ("post", True, False), ("sign", True, True)]


def counts(chilling: Chilling) -> Chilling:
    """The four counts alone (what was compared is checked apart)."""
    return Chilling(chilling.pairs, chilling.candid_unscored, chilling.candid_scored,
                    chilling.changed)


def test_chilling_effect_counts_candid_answers_before_and_under_the_score():
    state = play(start(make_level(BASELINES)), "share", "sign", "keep", "sign").state
    chilling = chilling_effect(state)
    assert counts(chilling) == Chilling(pairs=2, candid_unscored=2, candid_scored=1, changed=1)
    assert chilling.shift_percent == -50.0


def test_chilling_effect_with_no_change():
    state = play(start(make_level(BASELINES)), "share", "pass", "share", "pass").state
    chilling = chilling_effect(state)
    assert counts(chilling) == Chilling(pairs=2, candid_unscored=1, candid_scored=1, changed=0)
    assert chilling.shift_percent == 0.0


def test_chilling_effect_counts_only_pairs_answered_both_ways():
    state = play(start(make_level(BASELINES)), "share", "sign", "keep").state
    assert counts(chilling_effect(state)) == Chilling(1, 1, 0, 1)
    assert chilling_effect(state).shift_percent == -100.0


def test_chilling_effect_has_no_percent_without_candid_baselines():
    state = play(start(make_level(BASELINES)), "keep", "pass", "share", "sign").state
    chilling = chilling_effect(state)
    assert (chilling.candid_unscored, chilling.candid_scored) == (0, 2)
    assert chilling.shift_percent is None
    assert chilling_effect(start(make_level(BASELINES))).shift_percent is None


REPORT = """
    sensors: {phone: {name: Phone location}}
    rulesets: {strict: {rules: {help: {change: 20, seen_by: [phone], disclosed: false}}}}
    scenes:
      street: {sensors: [cam, phone]}
"""


def test_transparency_report_has_a_row_per_choice():
    state = play(start(base_level(REPORT)), "help", "walk").state
    assert transparency_report(state) == [
        ReportRow(step=1, scene_title="The crossing", choice_text="Help the old man across",
                  behaviour="Helping a neighbour", watchers_shown=("Camera on the pole",),
                  seen_by=("Phone location",), delta=20, told_why=False,
                  reason="Good neighbour", scored=True,
                  changes=(ScoreChange("behaviour", 20, True, None, 20, "Score adjusted"),),
                  # the camera turned (this seed shows it) but recorded nothing; the phone
                  # recorded with no sign
                  moments=(Moment("camera", "Camera on the pole", "camera", True, False),),
                  unshown=("Phone location",)),
        ReportRow(step=2, scene_title="The station", choice_text="Walk home", behaviour=None,
                  watchers_shown=(), seen_by=(), delta=0, told_why=False, reason=None,
                  scored=True),
    ]


def test_transparency_report_shows_what_was_told():
    state = play(start(base_level()), "cross").state
    [row] = transparency_report(state)
    assert (row.behaviour, row.seen_by, row.delta, row.told_why, row.reason) == (
        "Jaywalking", ("Street camera with face match",), -50, True, "Crossing on red")


def test_transparency_report_shows_watchers_that_saw_nothing():
    state = play(start(base_level("scenes: {street: {sensors: []}}")), "cross").state
    [row] = transparency_report(state)
    assert row.watchers_shown == ("Camera on the pole",)
    assert row.seen_by == ()
    assert row.delta == 0


def test_scenes_seen_in_first_seen_order_with_basis_and_sources():
    level = base_level("""
        sources: {chan: {title: Transport bans, author: Chan, year: 2018,
                         url: "http://www.thatsmags.com/shanghai/post/23407"}}
        scenes:
          street: {basis: reported, sources: [chan],
                   choices: [{id: wait, text: Wait, goto: station},
                             {id: back, text: Back, goto: street}]}
        endings: {home: {basis: extrapolated}}
    """)
    state = play(start(level), "back", "wait", "walk").state
    seen = scenes_seen(state)
    assert [(s.id, s.title, s.basis, s.sources) for s in seen] == [
        ("street", "The crossing", "reported", ("chan",)),
        ("station", "The station", "fiction", ()),
        ("arrived", "Arrived on time", "fiction", ()),
    ]


def test_scenes_seen_while_still_playing_has_no_ending():
    state = play(start(base_level()), "wait").state
    assert [s.id for s in scenes_seen(state)] == ["street", "station"]


def test_score_over_time_starts_at_step_zero():
    level = base_level("""
        scenes: {station: {watchers: [camera], choices: [
          {id: walk, text: Walk on red, behaviour: jaywalk, finish: true}]}}
    """)
    state = play(start(level), "help", "walk").state
    assert score_over_time(state) == [(0, 1000), (1, 1020), (2, 970)]


def test_a_pair_from_another_story_is_not_counted_where_it_is_not_asked():
    # the tutorial's petition pair came along to the Pilot City: "7 of 7" over 6 listed
    from dataclasses import replace

    from game.core.state import BaselineAnswer
    state = play(start(make_level(BASELINES)), "share", "sign", "keep", "sign").state
    other = (BaselineAnswer("tutorial_petition", False, True, "night"),
             BaselineAnswer("tutorial_petition", True, True, "petition"))
    chilling = chilling_effect(replace(state, baselines=other + state.baselines))
    assert chilling.pairs == 2 == len(chilling.compared)
    assert [p for p, _, _ in chilling.compared] == ["post", "sign"]


def test_never_candid_either_way_is_holding_back_not_just_as_often():
    state = play(start(make_level(BASELINES)), "keep", "pass", "keep", "pass").state
    assert chilling_effect(state).case == "held_back"


def test_a_chapter_with_nothing_scored_has_no_under_the_score_half():
    level = make_level(BASELINES.replace("title: The article again",
                                         "title: The article again\n        scored: false")
                       .replace("title: The petition again",
                                "title: The petition again\n        scored: false"))
    state = play(start(level), "share", "sign", "keep", "sign").state
    chilling = chilling_effect(state)
    assert chilling.case == "unscored_chapter" and chilling.pairs == 0


def test_the_score_path_is_drawn_to_the_last_choice_made():
    """Seen in play: after 17 choices the chart's "choices made" axis ended at 7, the last
    choice that moved the score."""
    from game.core.debrief import to_the_end
    assert to_the_end([(0, 1000), (7, 975)], 17) == [(0, 1000), (7, 975), (17, 975)]
    assert to_the_end([(0, 1000), (7, 975)], 7) == [(0, 1000), (7, 975)]
    assert to_the_end([], 5) == []
