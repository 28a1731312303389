"""Every effect a choice can have, applied in order."""
from __future__ import annotations

from conftest import base_level, play, start

from game.core.events import (AppealDecided, ContactCut, MoneyChanged, PeerRated, SceneEntered,
                              ScoreChanged)

CONTACTS = """
    contacts:
      mei: {name: Mei, score: 1000, relationship: 2}
      jun: {name: Jun, score: 500}
      boss: {name: The boss, score: 1300}
"""


def _with_effects(effects: str, *more: str):
    """The base level whose street has one choice, `act`, with these effects."""
    return base_level(CONTACTS, f"""
        scenes:
          street:
            choices:
              - {{id: act, text: Act, effects: {effects}, goto: street}}
              - {{id: cross, text: Cross anyway, behaviour: jaywalk, goto: street}}
              - {{id: wait, text: Wait, goto: street}}
    """, *more)


def test_set_and_clear_flags():
    level = _with_effects("[{set: b}, {set: a}, {set: a}, {clear: gone}]",
                          "personas: {citizen: {flags: [gone]}}")
    state = start(level)
    assert state.flags == ("gone",)
    assert play(state, "act").state.flags == ("a", "b")


def test_clear_flag_that_was_never_set_is_harmless():
    assert play(start(_with_effects("[{clear: nothing}]")), "act").state.flags == ()


def test_count_adds_one_by_default_and_any_amount():
    level = _with_effects("[{count: {name: lies}}, {count: {name: lies}}, "
                          "{count: {name: kind, by: 5}}, {count: {name: kind, by: -2}}]")
    state = play(start(level), "act").state
    assert (state.counter("lies"), state.counter("kind")) == (2, 3)
    assert state.counters == (("kind", 3), ("lies", 2))


def test_money_changes_and_reports():
    done = play(start(_with_effects("[{money: -30}, {money: 5}]")), "act")
    assert done.state.money == 75
    assert done.of(MoneyChanged) == [MoneyChanged(100, 70), MoneyChanged(70, 75)]


def test_relationship_changes_and_never_falls_below_zero():
    level = _with_effects("[{relationship: {contact: mei, by: 3}}, "
                          "{relationship: {contact: jun, by: -9}}]")
    state = play(start(level), "act").state
    assert state.contact("mei").relationship == 5
    assert state.contact("jun").relationship == 0


def test_contact_score_changes_within_the_score_bounds():
    level = _with_effects("[{contact_score: {contact: jun, by: -200}}, "
                          "{contact_score: {contact: boss, by: 500}}]")
    state = play(start(level), "act").state
    assert state.contact("jun").score == 300
    assert state.contact("boss").score == 1300


def test_effects_on_a_cut_contact_do_nothing():
    level = _with_effects("[{cut: jun}, {relationship: {contact: jun, by: 1}}, "
                          "{contact_score: {contact: jun, by: 1}}, {cut: jun}]")
    done = play(start(level), "act")
    assert done.state.contact("jun") is None
    assert done.of(ContactCut) == [ContactCut("jun", "Jun")]


def test_cut_removes_the_contact():
    done = play(start(_with_effects("[{cut: mei}]")), "act")
    assert [c.id for c in done.state.contacts] == ["boss", "jun"]


def test_rating_is_weighted_by_the_raters_score():
    level = _with_effects("[{rating: {contact: mei, stars: 5}}, "
                          "{rating: {contact: jun, stars: 5}}, "
                          "{rating: {contact: boss, stars: 1}}]")
    done = play(start(level), "act")
    deltas = [e.delta for e in done.of(ScoreChanged)]
    assert deltas == [20, 10, -26]  # 2*10*1000/1000, 2*10*500/1000, -2*10*1300/1000
    assert done.state.score == 1004
    assert done.of(PeerRated) == [PeerRated("mei", "Mei", 5), PeerRated("jun", "Jun", 5),
                                  PeerRated("boss", "The boss", 1)]
    assert {e.cause for e in done.of(ScoreChanged)} == {"rating"}
    assert done.of(ScoreChanged)[0].reason == "Mei rated you 5★"


def test_three_stars_leave_the_score_alone():
    done = play(start(_with_effects("[{rating: {contact: mei, stars: 3}}]")), "act")
    assert done.state.score == 1000
    assert done.of(ScoreChanged) == []
    assert len(done.of(PeerRated)) == 1


def test_rating_uses_points_per_star():
    level = _with_effects("[{rating: {contact: mei, stars: 4}}]", "network: {points_per_star: 25}")
    assert play(start(level), "act").state.score == 1025


def test_appeal_won_restores_the_last_deduction_and_costs_money():
    level = _with_effects("[{appeal: {cost: 30, chance: 1.0}}]")
    done = play(start(level), "cross", "act")
    assert done.state.score == 1000
    assert done.state.money == 70
    assert done.of(AppealDecided) == [AppealDecided(True, 30, 50)]
    assert MoneyChanged(100, 70) in done.of(MoneyChanged)
    restored = done.of(ScoreChanged)[-1]
    assert (restored.cause, restored.delta, restored.reason) == ("appeal", 50, "Appeal upheld")
    deduction = next(p for p in done.state.history if p.cause == "behaviour")
    assert deduction.appealed is True


def test_appeal_restores_a_deduction_only_once():
    level = _with_effects("[{appeal: {chance: 1.0}}]")
    done = play(start(level), "cross", "act", "act")
    assert done.state.score == 1000
    assert [e.won for e in done.of(AppealDecided)] == [True, False]
    assert [e.restored for e in done.of(AppealDecided)] == [50, 0]


def test_appeals_restore_fines_from_the_latest_back_but_not_peer_ratings():
    level = base_level(CONTACTS, """
        scenes:
          street:
            choices:
              - {id: appeal, text: Appeal, effects: [{appeal: {chance: 1.0}}], goto: street}
              - {id: cross, text: Cross, behaviour: jaywalk, goto: street}
              - {id: rude, text: Be rude, effects: [{rating: {contact: mei, stars: 2}}],
                 goto: street}
    """)
    done = play(start(level), "cross", "cross", "rude", "appeal")
    assert done.state.score == 940  # 1000 - 50 - 50 - 10, then the last fine comes back
    assert [e.restored for e in done.of(AppealDecided)] == [50]
    done = play(done.state, "appeal")
    assert done.state.score == 990  # the first fine too; the rating stays
    assert [e.restored for e in done.of(AppealDecided)] == [50]
    done = play(done.state, "appeal")
    assert [e.won for e in done.of(AppealDecided)] == [False]


def test_appeal_lost_keeps_the_deduction_and_the_money_is_gone():
    level = _with_effects("[{appeal: {cost: 20, chance: 0.0}}]")
    done = play(start(level), "cross", "act")
    assert done.state.score == 950
    assert done.state.money == 80
    assert done.of(AppealDecided) == [AppealDecided(False, 20, 0)]


def test_appeal_with_nothing_to_appeal_is_lost():
    done = play(start(_with_effects("[{appeal: {chance: 1.0}}]")), "act")
    assert done.of(AppealDecided) == [AppealDecided(False, 0, 0)]
    assert done.state.score == 1000


def test_appeal_chance_depends_on_the_seed_and_is_deterministic():
    level = _with_effects("[{appeal: {chance: 0.5}}]")
    results = []
    for seed in range(60):
        won = [play(start(level, seed=seed), "cross", "act").of(AppealDecided)[0].won
               for _ in range(2)]
        assert won[0] == won[1]
        results.append(won[0])
    assert any(results) and not all(results)


def test_goto_effect_overrides_the_choices_goto():
    level = _with_effects("[{goto: station}]")
    done = play(start(level), "act")
    assert done.state.scene == "station"
    assert done.of(SceneEntered) == [SceneEntered("station", "The station")]


def test_goto_effect_overrides_finish():
    level = base_level("""
        scenes: {station: {choices: [
          {id: walk, text: Walk, finish: true, effects: [{goto: street}]}]}}
    """)
    done = play(start(level), "wait", "walk")
    assert not done.state.finished
    assert done.state.scene == "street"


def test_goto_effect_may_name_an_ending():
    done = play(start(_with_effects("[{goto: home}]")), "act")
    assert done.state.ending == "home"


def test_last_goto_wins():
    done = play(start(_with_effects("[{goto: home}, {goto: station}]")), "act")
    assert done.state.scene == "station"


def test_if_then_runs_when_the_condition_holds():
    level = _with_effects("[{if: {when: {money_at_least: 50}, then: [{set: rich}], "
                          "else: [{set: poor}]}}]")
    assert play(start(level), "act").state.flags == ("rich",)


def test_if_else_runs_when_it_does_not():
    level = _with_effects("[{if: {when: {money_at_least: 500}, then: [{set: rich}], "
                          "else: [{set: poor}]}}]")
    assert play(start(level), "act").state.flags == ("poor",)


def test_if_without_else_does_nothing_when_false():
    level = _with_effects("[{if: {when: {flag: x}, then: [{set: y}]}}]")
    assert play(start(level), "act").state.flags == ()


def test_if_sees_earlier_effects_of_the_same_choice():
    level = _with_effects("[{set: x}, {if: {when: {flag: x}, then: [{set: y}]}}]")
    assert play(start(level), "act").state.flags == ("x", "y")


def test_if_can_goto():
    level = _with_effects("[{if: {when: {flag: x}, then: [{goto: home}], "
                          "else: [{goto: station}]}}]")
    assert play(start(level), "act").state.scene == "station"
