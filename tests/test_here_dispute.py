""""Could It Happen Here?": a bill you dispute is never reported to the credit bureau.

German law forbids passing a disputed claim to a credit bureau (§31 BDSG; BGH I ZR 157/13,
2015), so in the chapter the player who disputes the Funkwelle bill in writing must never get
a negative entry, under either ruleset, whatever else they chose. The games here are played
through the engine from the first scene, with random choices everywhere but the letter.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.content import load_level
from game.core import State, choices, choose, new_game
from game.core.model import Level

LEVEL_PATH = Path(__file__).resolve().parent.parent / "levels" / "here.yaml"
SEEDS = 60


@pytest.fixture(scope="module")
def level() -> Level:
    loaded = load_level(LEVEL_PATH)
    assert loaded.level is not None, loaded.format()
    return loaded.level


def letter_choice(level: Level, behaviour: str) -> str:
    """The Funkwelle letter's choice that is this behaviour (found by behaviour, not by id)."""
    found = [c.id for c in level.scenes["funkwelle"].choices if c.behaviour == behaviour]
    assert len(found) == 1, found
    return found[0]


def play(level: Level, persona: str, ruleset: str, seed: int, at_letter: str) -> list[State]:
    """Every state of one game: random open choices, but `at_letter` at the Funkwelle letter."""
    rng = random.Random(seed)
    state = new_game(level, persona, ruleset, seed=seed)
    states = [state]
    while not state.finished:
        open_ = [v.id for v in choices(state) if v.available]
        assert open_, f"{state.scene}: no open choice"
        picked = at_letter if state.scene == "funkwelle" else rng.choice(open_)
        state = choose(state, picked).state
        states.append(state)
    return states


def games(level: Level, behaviour: str):
    choice = letter_choice(level, behaviour)
    for persona in level.personas:
        for ruleset in level.rulesets:
            for seed in range(SEEDS):
                yield (persona, ruleset, seed), play(level, persona, ruleset, seed, choice)


def test_a_disputed_bill_never_becomes_a_negative_entry(level):
    played = 0
    for who, states in games(level, "dispute_claim"):
        assert "funkwelle" in states[-1].visited, who
        played += 1
        listed = [s.scene or s.ending for s in states if s.blacklisted]
        assert not listed, f"{who}: on the {level.blacklist.name} at {listed}"
        final = states[-1]
        assert final.ending != "flagged", who
        assert not any(r.behaviour == "dispute_claim" and r.delta < 0 for r in final.records), who
    assert played == len(level.personas) * len(level.rulesets) * SEEDS


def test_an_unanswered_bill_does_become_a_negative_entry(level):
    """The entry still exists, for the player who never disputed: silence is not a dispute."""
    for who, states in games(level, "ignore_claim"):
        scenes = [s.scene for s in states]
        after_shortlist = states[scenes.index("shortlist") + 1]   # where the entry lands
        assert after_shortlist.blacklisted, who
        assert states[-1].ending in ("flagged", "corrected"), who
