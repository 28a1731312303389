"""The tutorial teaches what is documented, and labels the rest: the fact check's section 4
labels, doors that close because you are listed (not because of a score), a free objection
instead of a paid "appeal court", and the chilling pair marked as lawful expression."""
from __future__ import annotations

from pathlib import Path

from conftest import play, start

from game.content import load_level

TUTORIAL = Path(__file__).resolve().parent.parent / "levels" / "tutorial.yaml"


def tutorial():
    loaded = load_level(TUTORIAL)
    assert loaded.ok, loaded.format()
    return loaded.level


def test_the_labels_are_the_fact_checks():
    scenes = tutorial().scenes
    expected = {"wake_up": "extrapolated", "crossing": "extrapolated",
                "hotel_desk": "extrapolated", "petition": "extrapolated",
                "corner_shop": "fiction", "appeal_office": "extrapolated",
                "school": "extrapolated", "station": "reported", "square": "reported"}
    assert {sid: scenes[sid].basis for sid in expected} == expected


def test_the_train_and_the_school_close_by_listing_and_bikes_open_by_score():
    services = tutorial().services
    for sid in ("rail", "school_place"):
        assert services[sid].threshold is None, sid
        assert services[sid].needs.blacklisted is False, sid
    assert services["bike_share"].threshold is not None


def test_a_score_below_the_old_threshold_does_not_close_the_train():
    """The migrant crosses on red and is seen: 935, below the old 950, and still not listed."""
    level = tutorial()
    states = (play(start(level, persona="migrant", ruleset="city_pilot", seed=seed),
                   "sleep", "not_now", "cross").state for seed in range(40))
    state = next(s for s in states if s.score < 950)
    assert not state.blacklisted
    assert "rail" in state.open_services


def test_an_objection_costs_nothing():
    office = tutorial().scenes["appeal_office"]
    appeals = [e.appeal for c in office.choices for e in c.effects if e.appeal]
    assert appeals and all(a.cost == 0 for a in appeals)
    assert all(c.needs is None for c in office.choices if c.id == "appeal")
    assert "appeal court" not in office.text.lower()


def test_the_petition_pair_is_lawful_expression():
    assert tutorial().baselines["petition"].kind == "expression"
