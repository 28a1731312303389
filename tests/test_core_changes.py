"""Every change of score a choice caused is in one list (core.changes): the Transparency
Report's cost is that list's sum, and what the player saw follows the ruleset's legibility."""
from __future__ import annotations

from conftest import base_level, play, start

from game.core import choice_scores, choose
from game.core.debrief import transparency_report

RATED = """
    contacts: {guest: {name: The guest, score: 1000, relationship: 0}}
    network: {points_per_star: 6}
    scenes:
      street:
        choices:
          - {id: help, text: Help the old man across, behaviour: help, goto: station,
             effects: [{rating: {contact: guest, stars: 5}}]}
"""

DELAYED = """
    rulesets:
      strict: {rules: {help: {change: 20, seen_by: [cam], reason: Good neighbour, delay: 1}}}
"""


def test_a_peer_rating_counts_in_the_choices_cost():
    state = play(start(base_level(RATED)), "help").state
    row = transparency_report(state)[0]
    assert sorted((c.cause, c.delta) for c in row.changes) == [("behaviour", 20),
                                                                ("rating", 12)]
    assert row.delta == 32 == state.score - 1000


def test_the_biggest_change_comes_first_under_exact_rules():
    step = choose(start(base_level(RATED)), "help")
    assert [c.delta for c in step.score.changes] == [20, 12]
    assert step.score.shown_total == 32
    assert (step.score.before, step.score.after) == (1000, 1032)


def test_a_delayed_change_counts_where_it_lands():
    state = play(start(base_level(DELAYED)), "help", "walk").state
    first, second = transparency_report(state)
    assert (first.delta, first.later) == (0, 20)
    assert [(c.cause, c.delta) for c in second.changes] == [("delayed", 20)]
    assert sum(r.delta for r in (first, second)) == state.score - 1000


def test_hidden_rules_disclose_nothing():
    level = base_level(RATED, "rulesets: {strict: {legibility: hidden}}")
    step = choose(start(level), "help")
    assert step.score.total == 32
    assert step.score.shown == () and step.score.shown_total is None
    assert all(c.reason is None for c in step.score.changes)


def test_stars_show_words_in_the_order_they_happened_and_no_total():
    level = base_level(RATED, "rulesets: {strict: {legibility: stars}}")
    moved = choice_scores(play(start(level), "help").state)[0]
    assert [c.cause for c in moved.shown] == ["behaviour", "rating"]
    assert all(c.shown_delta is None for c in moved.shown)
    assert moved.shown_total is None


QUIET = """
    scenes:
      station:
        scored: false
"""


def test_a_scene_is_called_not_scored_only_when_nothing_in_it_can_move_the_score():
    from game.core.changes import scene_is_quiet
    assert not scene_is_quiet(start(base_level()))                  # a scored scene
    assert scene_is_quiet(play(start(base_level(QUIET)), "wait").state)
    waiting = play(start(base_level(QUIET, DELAYED)), "help").state  # +20 lands here
    assert waiting.pending and not scene_is_quiet(waiting)
    rated = base_level(QUIET, RATED, """
    scenes:
      station:
        choices:
          - {id: walk, text: Walk home, finish: true,
             effects: [{rating: {contact: guest, stars: 1}}]}
""")
    assert not scene_is_quiet(play(start(rated), "help").state)      # the appeal +40 case


def test_an_ending_says_only_what_the_rules_show_of_the_final_score():
    from game.core.changes import final_display
    unscored = base_level("scored: false")
    assert final_display(play(start(unscored), "wait", "walk").state) is None
    hidden = final_display(play(start(base_level("rulesets: {strict: {legibility: hidden}}")),
                                "wait", "walk").state)
    assert hidden.number is None and hidden.stars is None
    stars = final_display(play(start(base_level("rulesets: {strict: {legibility: stars}}")),
                               "wait", "walk").state)
    assert stars.number is None and stars.stars is not None
    exact = play(start(base_level()), "help", "walk").state
    assert final_display(exact).number == exact.score


def test_an_ending_whose_text_hides_the_score_shows_no_final_score():
    """"You can no longer see your number", then "Final score: 949", was a contradiction."""
    from game.core.changes import final_display, final_words
    from game.text import strings as text_strings
    from game.ui import strings as ui_strings
    level = base_level("endings: {arrived: {score_shown: false}, home: {score_shown: false}}")
    state = play(start(level), "help", "walk").state
    shown = final_display(state)
    assert shown.number is None and shown.stars is None and shown.tier is None
    for strings in (text_strings, ui_strings):
        assert final_words(shown, strings) == strings.FINAL_NO_LONGER_SHOWN
        assert str(state.score) not in final_words(shown, strings)
    assert final_display(play(start(base_level()), "help", "walk").state).number is not None
