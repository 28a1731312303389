"""Moments of watching (issue 16 part 1), in the core and the text mode: the core decides
which moments a choice shows and whether each recorded; a moment never says which; shown but
off and hidden but on both happen in the bundled levels; Day Zero has none; the Transparency
Report says which were real."""
from __future__ import annotations

import random

import pytest

from game.content.catalog import bundled
from game.core import choices, choose, new_game
from game.core.debrief import transparency_report
from game.core.events import Observed, Watched
from game.core.moments import moments_of, watched_events
from game.core.strings import moment_line
from game.text import debrief as text_debrief
from game.text.events import event_lines

LEVELS = {loaded.level.id: loaded.level for loaded in bundled()}
SCORED = [lid for lid, level in LEVELS.items() if level.scored]


def play(level, seed: int, ruleset: str | None = None):
    """A random game to the end: (final state, each step's events)."""
    state = new_game(level, ruleset=ruleset, seed=seed)
    pick = random.Random(seed)
    steps = []
    while not state.finished:
        step = choose(state, pick.choice([c for c in choices(state) if c.available]).id)
        state = step.state
        steps.append(step.events)
    return state, steps


def test_the_bundled_scored_levels_are_there():
    assert {"tutorial", "pilot_city", "sesame", "here"} <= set(SCORED)
    assert not LEVELS["day_zero"].scored


@pytest.mark.parametrize("lid", SCORED)
def test_each_choice_shows_the_moments_the_core_rolled(lid):
    level = LEVELS[lid]
    for seed in range(8):
        state, steps = play(level, seed)
        for record, events in zip(state.records, steps):
            watched = [e for e in events if isinstance(e, Watched)]
            assert watched == watched_events(level, seed, record)
            for e in watched:       # each from a watcher shown in that scene, in its own look
                assert e.watcher in record.watchers_shown
                assert e.look == level.watchers[e.watcher].look
            if not record.scored or record.behaviour is None:
                assert watched == []
        again, again_steps = play(level, seed)
        assert again_steps == steps          # seeded: the same game shows the same moments


@pytest.mark.parametrize("lid", SCORED)
def test_shown_but_off_and_hidden_but_on_both_happen(lid):
    """In every scored chapter a moment is shown when nothing recorded, a sensor records
    with no moment shown for it, and a shown moment is real."""
    level = LEVELS[lid]
    kinds = set()
    for ruleset in level.rulesets:
        for seed in range(20):
            state, _ = play(level, seed, ruleset)
            for record in state.records:
                moments = moments_of(level, seed, record)
                shown_sensors = {level.watchers[m.watcher].sensor for m in moments if m.shown}
                kinds |= {"shown_off" for m in moments if m.shown and not m.recorded}
                kinds |= {"shown_real" for m in moments if m.shown and m.recorded}
                kinds |= {"hidden_on" for s in record.observed_by if s not in shown_sensors}
    assert kinds == {"shown_off", "shown_real", "hidden_on"}


@pytest.mark.parametrize("lid", SCORED)
def test_a_moment_tells_nothing_of_whether_it_recorded(lid):
    """How often a watcher shows a moment is the same whether its sensor recorded or not:
    the roll comes before, and apart from, what the sensors saw."""
    level = LEVELS[lid]
    shown = {True: [0, 0], False: [0, 0]}
    for seed in range(60):
        state, _ = play(level, seed)
        for record in state.records:
            for m in moments_of(level, seed, record):
                if level.watchers[m.watcher].moment_chance == 0.6:
                    shown[m.recorded][0] += m.shown
                    shown[m.recorded][1] += 1
    assert min(n for _, n in shown.values()) >= 40, shown   # enough of each to compare
    rates = {k: hit / n for k, (hit, n) in shown.items()}
    for rate in rates.values():
        assert 0.45 < rate < 0.75, rates


def test_day_zero_shows_no_moment():
    level = LEVELS["day_zero"]
    for seed in range(30):
        _, steps = play(level, seed)
        assert not any(isinstance(e, Watched) for events in steps for e in events)


def test_moments_never_change_the_games_luck():
    """The moments roll on their own stream: with every moment switched off, every game
    ends in the same state, byte for byte."""
    for lid in SCORED:
        level = LEVELS[lid]
        quiet = level.model_copy(update={"watchers": {
            wid: w.model_copy(update={"moment_chance": 0.0}) for wid, w in level.watchers.items()}})
        for seed in range(5):
            state, steps = play(level, seed)
            other, other_steps = play(quiet, seed)
            assert other.to_json() == state.to_json()
            assert not any(isinstance(e, Watched) for events in other_steps for e in events)
            assert [tuple(e for e in events if not isinstance(e, Watched)) for events in steps] \
                == other_steps


def test_a_watchers_moment_and_its_chance_come_from_the_level():
    level = LEVELS["tutorial"]
    camera = level.watchers["street_camera"]
    assert camera.look == "camera"                         # from its icon
    assert level.watchers["phone"].look == "buzz"
    assert level.watchers["neighbour"].look == "glance"
    always = camera.model_copy(update={"moment": "light", "moment_chance": 1.0})
    never = camera.model_copy(update={"moment": "none", "moment_chance": 1.0})
    for watcher, expect in ((always, ["light"]), (never, [])):
        lv = level.model_copy(update={"watchers": {**level.watchers, "street_camera": watcher}})
        state = new_game(lv, seed=1, preset=None)
        state = choose(state, choices(state)[0].id).state        # the unscored petition
        state = choose(state, choices(state)[0].id).state        # link the bank card
        step = choose(state, "cross")
        looks = [e.look for e in step.events if isinstance(e, Watched)
                 if e.watcher == "street_camera"]
        assert looks == expect


def test_a_scenes_place_comes_from_its_art_unless_it_says():
    level = LEVELS["tutorial"]
    places = {level.place_of(sid) for sid in level.scenes}
    assert places <= {"street", "station", "office", "home", "hall"}
    assert level.place_of("crossing") == "street"          # its art is the crossing
    scene_id = next(iter(level.scenes))
    scene = level.scenes[scene_id].model_copy(update={"place": "hall"})
    lv = level.model_copy(update={"scenes": {**level.scenes, scene_id: scene}})
    assert lv.place_of(scene_id) == "hall"


@pytest.mark.parametrize("lid", SCORED)
def test_the_transparency_report_says_which_moments_were_real(lid):
    level = LEVELS[lid]
    for seed in range(6):
        state, steps = play(level, seed)
        for row, record, events in zip(transparency_report(state), state.records, steps):
            watched = [e for e in events if isinstance(e, Watched)]
            assert [m.watcher for m in row.moments] == [e.watcher for e in watched]
            observed = next(e for e in events if isinstance(e, Observed)) \
                if record.behaviour else None
            for m in row.moments:
                sensor = level.watchers[m.watcher].sensor
                assert m.recorded == (observed is not None and sensor in observed.sensors)
            covered = {level.watchers[m.watcher].sensor for m in row.moments}
            assert row.unshown == tuple(level.sensors[s].name for s in record.observed_by
                                        if s not in covered)


def test_the_text_mode_shows_each_moment_as_a_line_and_the_report_says_which_were_real():
    level = LEVELS["tutorial"]
    for seed in range(40):
        state, steps = play(level, seed)
        rows = transparency_report(state)
        if any(m.recorded for r in rows for m in r.moments) and \
                any(not m.recorded for r in rows for m in r.moments) and \
                any(r.unshown for r in rows):
            break
    else:
        pytest.fail("no tutorial game in 40 with real, false and hidden moments")
    for events in steps:
        lines = event_lines(events, level, "exact")
        for e in events:
            if isinstance(e, Watched):
                assert f"[{moment_line(e.name, e.look)}]" in lines
    report = "\n".join(text_debrief.report_lines(state))
    flat = " ".join(report.split())
    assert "Moments you saw:" in flat and "(real: it recorded you)" in flat
    assert "(nothing recorded)" in flat and "Recorded with no sign:" in flat
