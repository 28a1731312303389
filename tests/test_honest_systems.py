"""The Pilot City's two rulesets, told apart by playing them (issue 15).

The all-candid professional complains about the lift, keeps a listed friend, crosses on red,
signs the bus petition, drives Zhou to hospital (the bill is late), posts about the
queue, pays the court, plays on, and takes Mei to the beach. Under "What is documented" (the
default) they are never listed and lose no door for speaking, petitioning or helping; points
come off only for recorded violations. Under "What the articles describe" the same choices
cost what the articles say: the score falls and doors close.
"""
from __future__ import annotations

import pytest

from game.content import bundled_levels, load_level
from game.core import choices, choose, new_game
from game.core.strings import CONTRAST_TITLE
from game.core.events import Blacklisted, ChoiceMade, ScoreChanged, ServiceLocked

CANDID = {"welcome": "link", "lift_chat": "speak", "network": "dinner", "red_light": "cross",
          "bus_petition": "sign", "late_bill": "drive", "hospital_post": "post",
          "court_letter": "pay", "late_gaming": "play", "clean_up": "beach",
          "health_code": "went", "station": "train", "notice_board": "truth",
          "credit_hall": "done", "leaving": "keep", "school": "apply"}
#: Speaking, petitioning, complaining, friendship, gaming and helping.
LAWFUL = {"speak_up", "sign_petition", "keep_friend", "post_complaint", "game_late"}
DOORS = {"rail", "flight", "hotel", "school", "gov_job"}
#: What the documented rules may take points off for: recorded violations only.
VIOLATIONS = {"Utility bill paid late", "Traffic offence: crossed on red, Harbour Road"}
SEEDS = range(12)


def _city():
    loaded = next(load_level(p) for p in bundled_levels() if p.stem == "pilot_city")
    return loaded.level


def _play_candid(ruleset: str, seed: int, picks: dict = CANDID):
    """Play to the end as text mode would (only choices shown and open); each step's
    choice and events."""
    state = new_game(_city(), "professional", ruleset, seed=seed)
    steps = []
    while not state.finished:
        open_ids = [v.id for v in choices(state) if v.available]
        wanted = picks.get(state.scene)
        picked = wanted if wanted in open_ids else open_ids[0]
        step = choose(state, picked)
        made = next(e for e in step.events if isinstance(e, ChoiceMade))
        steps.append((made, step.events, step.state))
        state = step.state
    return state, steps


def test_the_documented_rules_are_the_default():
    assert next(iter(_city().rulesets)) == "documented"
    assert new_game(_city(), "professional").ruleset == "documented"


@pytest.mark.parametrize("seed", SEEDS)
def test_documented_the_candid_professional_is_never_listed_and_keeps_every_door(seed):
    end, steps = _play_candid("documented", seed)
    for made, events, state in steps:
        assert not state.blacklisted, made
        assert DOORS <= set(state.open_services), (made, state.open_services)
        assert not [e for e in events if isinstance(e, (Blacklisted, ServiceLocked))], made
        for e in events:
            if isinstance(e, ScoreChanged):
                assert e.delta < 0 and e.reason in VIOLATIONS, (made, e)
        if made.behaviour in LAWFUL:
            assert not [e for e in events if isinstance(e, ScoreChanged)], made
    assert end.ending == "quietly_fine"
    assert end.score >= 1000 - 5 - 20


@pytest.mark.parametrize("seed", SEEDS)
def test_articles_the_same_choices_cost_points_and_doors(seed):
    end, steps = _play_candid("articles", seed)
    costs = {made.behaviour: [e for e in events if isinstance(e, ScoreChanged)]
             for made, events, _ in steps}
    assert [e.delta for e in costs["sign_petition"] if e.cause == "behaviour"] == [-25]
    assert [e.delta for e in costs["game_late"] if e.cause == "behaviour"] == [-10]
    assert [e.delta for e in costs["pay_late"] if e.cause == "behaviour"] == [-40]
    friends = [e for e in costs["keep_friend"] if e.cause == "network"]
    assert friends and friends[0].delta < 0 and friends[0].reason == "Your contacts' scores"
    assert end.score <= 1000 + 20 - 25 - 40 - 10
    assert not {"flight", "school"} & set(end.open_services)


def test_articles_lists_the_candid_professional_when_every_sensor_sees():
    listed = [seed for seed in SEEDS if _play_candid("articles", seed)[0].blacklisted]
    assert listed, "with every candid answer seen, the score falls below 900"
    end, steps = _play_candid("articles", listed[0])
    assert end.ending == "blacklisted"
    assert "rail" not in end.open_services
    assert any(isinstance(e, Blacklisted) for _, events, _ in steps for e in events)


GUARDED = dict(CANDID, lift_chat="quiet", network="mute", red_light="wait", bus_petition="think",
               late_bill="bill_first", hospital_post="praise", late_gaming="stop")


@pytest.mark.parametrize("ruleset", ["documented", "articles"])
def test_ignoring_the_court_lists_you_under_both_and_paying_takes_you_off(ruleset):
    picks = dict(GUARDED, court_letter="ignore", station="bus", credit_hall="pay_off")
    end, steps = _play_candid(ruleset, 0, picks)
    listed_at = next(made.scene for made, _, state in steps if state.blacklisted)
    assert listed_at == "court_letter"
    assert "notice_board" in [made.scene for made, _, _ in steps]
    assert not end.blacklisted
    listing_doors = DOORS if ruleset == "documented" else {"rail", "gov_job"}   # the rest
    assert listing_doors <= set(end.open_services)     # may close by score in the articles
    assert end.ending == "paid_off"


def test_under_the_articles_paying_the_court_does_not_lift_a_score_listing():
    picks = dict(CANDID, court_letter="ignore", station="bus", credit_hall="pay_off")
    end, _ = _play_candid("articles", 0, picks)
    assert end.score < 900 and end.blacklisted and "rail" not in end.open_services
    assert end.ending == "blacklisted"


def _numbers(ruleset: str, seed: int) -> str:
    """The candid path as the numbers text mode takes (`--choices`)."""
    state = new_game(_city(), "professional", ruleset, seed=seed)
    numbers = []
    while not state.finished:
        views = choices(state)
        open_ids = [v.id for v in views if v.available]
        wanted = CANDID.get(state.scene)
        picked = wanted if wanted in open_ids else open_ids[0]
        numbers.append(str([v.id for v in views].index(picked) + 1))
        state = choose(state, picked).state
    return ",".join(numbers)


def test_in_text_mode_the_documented_game_never_lists_and_the_articles_game_does():
    seed = next(s for s in SEEDS if _play_candid("articles", s)[0].blacklisted)
    import io

    from game.text.session import play_text
    level = _city()
    shown = {}
    for ruleset in ("documented", "articles"):
        out = io.StringIO()
        answers = _numbers(ruleset, seed).split(",") + ["r"]   # r opens the other rules
        code = play_text(new_game(level, "professional", ruleset, seed), out=out,
                         lines=iter(answers))
        assert code == 0, out.getvalue()
        shown[ruleset] = out.getvalue()
    own, other = {}, {}
    for ruleset, out in shown.items():   # the player's own game, then the contrast with the other
        own[ruleset], _, other[ruleset] = out.partition(CONTRAST_TITLE + "\n")
        assert other[ruleset], f"the {ruleset} debrief does not show the other ruleset"
    assert "put on the Untrustworthy list" not in own["documented"]
    assert "Signed an unregistered petition" not in own["documented"]
    assert "put on the Untrustworthy list" in own["articles"]
    assert "Signed an unregistered petition" in own["articles"]
    # each debrief shows the other: the documented one tells of the articles' listing
    assert "put on the Untrustworthy list" in other["documented"]
    assert "never scored" in other["articles"]
