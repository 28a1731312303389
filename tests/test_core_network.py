"""The network pulls your score toward your contacts'; the blacklist lists you below a line."""
from __future__ import annotations

from conftest import base_level, play, start

from game.core import choices
from game.core.events import Blacklisted, Delisted, MoneyChanged, ScoreChanged

NETWORK = """
    network: {pull: 0.5}
    contacts:
      low: {name: Lo, score: 500, relationship: 1}
      close: {name: Mei, score: 900, relationship: 3}
    scenes:
      street:
        choices:
          - {id: wait, text: Wait, goto: street}
          - {id: unfriend, text: Unfriend Lo, effects: [{cut: low}], goto: street}
          - {id: drift, text: Drift from Lo, goto: street,
             effects: [{relationship: {contact: low, by: -1}}]}
"""


def test_network_pulls_toward_the_weighted_average_of_contacts():
    done = play(start(base_level(NETWORK)), "wait")
    # weighted average (500*1 + 900*3) / 4 = 800; half the gap of -200
    [changed] = done.of(ScoreChanged)
    assert (changed.cause, changed.delta) == ("network", -100)
    assert done.state.score == 900


def test_network_pull_is_undisclosed_by_default():
    [changed] = play(start(base_level(NETWORK)), "wait").of(ScoreChanged)
    assert changed.reason is None and changed.shown_text == "Score adjusted"


def test_network_pull_gives_its_reason_when_disclosed():
    level = base_level(NETWORK, "network: {disclosed: true, reason: Who you know}")
    [changed] = play(start(level), "wait").of(ScoreChanged)
    assert changed.reason == "Who you know"


def test_cutting_the_low_contact_stops_its_pull():
    level = base_level(NETWORK, "contacts: {close: {score: 1000}}")
    done = play(start(level), "unfriend")
    assert done.state.contact("low") is None
    assert done.of(ScoreChanged) == []
    assert done.state.score == 1000
    assert play(done.state, "wait").state.score == 1000


def test_contact_at_relationship_zero_no_longer_pulls():
    level = base_level(NETWORK, "contacts: {close: {score: 1000}}")
    done = play(start(level), "drift")
    assert done.state.contact("low").relationship == 0
    assert done.state.score == 1000


def test_keeping_the_low_contact_keeps_pulling_down():
    level = base_level(NETWORK, "contacts: {close: {score: 1000}}")
    scores = [play(start(level), *["wait"] * n).state.score for n in (1, 2, 3)]
    assert scores == [938, 906, 890]  # toward 875: half of -125, -63, -31, rounded to even


def test_no_pull_without_a_pull_share():
    level = base_level(NETWORK, "network: {pull: 0.0}")
    assert play(start(level), "wait").state.score == 1000


def test_no_pull_in_an_unscored_scene():
    level = base_level(NETWORK, "scenes: {street: {scored: false}}")
    assert play(start(level), "wait").state.score == 1000


BLACKLIST = """
    blacklist:
      below: 900
      leave_at: 950
      name: Dishonest persons list
      effects: [{set: listed}, {money: -10}]
    services:
      school: {name: Good school, needs: {blacklisted: false}}
    rulesets:
      strict:
        rules:
          jaywalk: {change: -150, seen_by: [cam]}
          help: {change: 60, seen_by: [cam]}
    scenes:
      street:
        choices:
          - {id: cross, text: Cross anyway, behaviour: jaywalk, goto: street}
          - {id: help, text: Help, behaviour: help, goto: street}
          - {id: enrol, text: Enrol your child, needs: {blacklisted: false}, goto: street}
"""


def test_falling_below_the_line_blacklists_with_its_effects():
    done = play(start(base_level(BLACKLIST)), "cross")
    assert done.state.score == 850
    assert done.state.blacklisted is True
    assert done.of(Blacklisted) == [Blacklisted("Dishonest persons list", 850)]
    assert "listed" in done.state.flags
    assert done.of(MoneyChanged) == [MoneyChanged(100, 90)]


def test_blacklist_closes_doors_that_need_you_off_it():
    state = play(start(base_level(BLACKLIST)), "cross").state
    assert "school" not in state.open_services
    enrol = next(v for v in choices(state) if v.id == "enrol")
    assert not enrol.available
    assert enrol.locked_reason == "Closed while you are on the Dishonest persons list"


def test_leaving_the_list_needs_leave_at_not_just_below():
    state = play(start(base_level(BLACKLIST)), "cross").state
    between = play(state, "help")  # 910: above `below` but under `leave_at`
    assert between.state.score == 910
    assert between.state.blacklisted is True
    assert between.of(Delisted) == []
    out = play(between.state, "help")  # 970
    assert out.state.blacklisted is False
    assert out.of(Delisted) == [Delisted("Dishonest persons list", 970)]
    assert "school" in out.state.open_services


def test_blacklist_effects_run_once_per_listing():
    state = play(start(base_level(BLACKLIST)), "cross", "cross").state
    assert state.money == 90


def test_leave_at_defaults_to_below():
    level = base_level(BLACKLIST, """
        blacklist: {leave_at: null}
        rulesets: {strict: {rules: {help: {change: 50}}}}
    """)
    done = play(start(level), "cross", "help")  # 850 -> 900
    assert done.state.blacklisted is False
    assert len(done.of(Delisted)) == 1


def test_no_blacklist_without_rules():
    level = base_level("rulesets: {strict: {rules: {jaywalk: {change: -900}}}}")
    assert play(start(level), "cross").state.blacklisted is False


# A listing for a stated cause, and a score line that counts under one ruleset only.
BY_CAUSE = """
    blacklist: {rulesets: [strict], when: {flag: judgment_unpaid}}
    scenes:
      street:
        choices:
          - {id: cross, text: Cross anyway, behaviour: jaywalk, goto: street}
          - {id: help, text: Help, behaviour: help, goto: street}
          - {id: ignore, text: Ignore the judgment, effects: [{set: judgment_unpaid}],
             goto: street}
          - {id: pay, text: Pay it, effects: [{clear: judgment_unpaid}], goto: street}
"""


def test_a_cause_lists_you_whatever_your_score():
    done = play(start(base_level(BLACKLIST, BY_CAUSE), ruleset="lenient"), "ignore")
    assert done.state.score == 1000
    assert done.state.blacklisted is True
    assert done.of(Blacklisted) == [Blacklisted("Dishonest persons list", 1000, by_score=False)]
    assert "school" not in done.state.open_services


def test_a_listing_says_whether_the_score_or_a_cause_put_you_there():
    level = base_level(BLACKLIST, BY_CAUSE)
    by_score = play(start(level, ruleset="strict"), "cross").of(Blacklisted)
    by_cause = play(start(level, ruleset="strict"), "ignore").of(Blacklisted)
    assert [e.by_score for e in by_score] == [True]
    assert [e.by_score for e in by_cause] == [False]


def test_removing_the_cause_takes_you_off_the_list():
    state = play(start(base_level(BLACKLIST, BY_CAUSE), ruleset="lenient"), "ignore").state
    done = play(state, "pay")
    assert done.state.blacklisted is False
    assert done.of(Delisted) == [Delisted("Dishonest persons list", 1000)]
    assert "school" in done.state.open_services


def test_the_score_lists_only_under_the_rulesets_named():
    level = base_level(BLACKLIST, BY_CAUSE, "rulesets: {lenient: {rules: {jaywalk: {change: -300}}}}")
    assert play(start(level, ruleset="strict"), "cross").state.blacklisted is True
    low = play(start(level, ruleset="lenient"), "cross").state
    assert low.score == 700
    assert low.blacklisted is False


def test_a_score_listing_stays_while_the_cause_holds():
    state = play(start(base_level(BLACKLIST, BY_CAUSE)), "cross", "ignore").state
    back_up = play(state, "help", "help")   # 850 -> 970, above `leave_at`
    assert back_up.state.score == 970
    assert back_up.state.blacklisted is True
    assert play(back_up.state, "pay").state.blacklisted is False


def test_the_network_pulls_only_under_the_rulesets_it_names():
    level = base_level(NETWORK, "network: {rulesets: [lenient]}")
    assert play(start(level, ruleset="strict"), "wait").of(ScoreChanged) == []
    pulled = play(start(level, ruleset="lenient"), "wait").of(ScoreChanged)
    assert [(e.cause, e.delta) for e in pulled] == [("network", -100)]
