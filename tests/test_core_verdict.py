"""The debrief's three-line verdict (core.verdict) is true of the player's own game: over
random games of every bundled level, persona and ruleset (scored chapters carrying a random
Day Zero's answers, as the campaign does), each line agrees with the state and the events the
game really raised, and no line claims what did not happen."""
from __future__ import annotations

import random
import re

import pytest

from game.content.catalog import bundled
from game.core import choices, choose, new_game
from game.core.engine import services
from game.core.events import Blacklisted, ServiceLocked, ServiceUnlocked
from game.core.verdict import verdict

LEVELS = {loaded.level.id: loaded.level for loaded in bundled()}
SEEDS = 3


def played(level, persona, ruleset, seed, carried=()):
    """A random game, with every event it raised and the scene title of each step."""
    rng = random.Random(seed)
    state = new_game(level, persona, ruleset, seed=seed)
    start = state = state.replace(baselines=carried) if carried else state
    events = []
    while not state.finished:
        open_ = [v.id for v in choices(state) if v.available]
        if not open_:
            break
        title = level.scenes[state.scene].title
        step = choose(state, rng.choice(open_))
        events += [(title, e) for e in step.events]
        state = step.state
    return start, state, events


def games():
    zero = LEVELS.get("day_zero")
    for level_id, level in LEVELS.items():
        for persona in level.personas:
            for ruleset in level.rulesets:
                for seed in range(SEEDS):
                    carried = ()
                    if zero is not None and level is not zero and persona in zero.personas:
                        carried = played(zero, persona, None, seed)[1].baselines
                    yield level_id, played(level, persona, ruleset, seed, carried)


GAMES = list(games())


def numbers(line: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", line.replace(",", ""))]


@pytest.mark.parametrize("level_id", sorted(LEVELS))
def test_every_line_agrees_with_the_game(level_id):
    for _, (start, state, events) in [g for g in GAMES if g[0] == level_id]:
        level = state.played
        answers, recorded, cost = verdict(state)
        _check_answers(level, state, answers)
        _check_recorded(level, state, recorded)
        _check_cost(level, start, state, events, cost)


def _check_answers(level, state, line):
    unscored = not any(level.is_scored(s) for s in level.scenes)
    first = {}
    for a in state.baselines:
        first.setdefault((a.pair, a.scored), a.candid)
    both = [p for p in level.baselines if (p, False) in first and (p, True) in first]
    if unscored:
        assert "score" not in line.replace("scored", "")
        own = [a for a in state.baselines if not a.scored and a.scene in level.scenes]
        if own:
            assert numbers(line) == [sum(a.candid for a in own), len(own)]
    elif both:
        changed = sum(first[(p, False)] != first[(p, True)] for p in both)
        before = sum(first[(p, False)] for p in both)
        after = sum(first[(p, True)] for p in both)
        if len(both) == 1 and changed:
            words = ["spoke up" if before else "held back", "spoke up" if after else "held back"]
            assert re.findall(r"(spoke up|held back)", line) == words, line
            return
        expect = [changed, len(both), before, after] if changed else [before, len(both)]
        assert numbers(line) == expect, line
    else:
        assert str(state.score) in line


def _check_recorded(level, state, line):
    caught = [r for r in state.records if r.observed_by]
    if not caught:
        assert line.startswith("No sensor"), line
        return
    assert numbers(line)[-2:] == [len(caught), len(state.records)] or \
        len(caught) in numbers(line), line
    names = list(dict.fromkeys(level.sensors[x].name for r in caught for x in r.observed_by))
    if len(names) == 1:   # named as the level writes it ("Harbour Road camera", not "harbour")
        assert line.startswith(names[0]), line
    shown = {level.watchers[w].sensor for r in state.records for w in r.watchers_shown}
    hidden = [level.sensors[x].name for r in caught for x in r.observed_by if x not in shown]
    if "never had a watcher" in line or "no watcher on screen" in line:
        assert hidden, line
        for name in set(hidden):
            assert name in line, line
    else:
        assert not hidden, line


def _check_cost(level, start, state, events, line):
    listed = start.blacklisted or any(isinstance(e, Blacklisted) for _, e in events)
    closed = [v.name for v in services(state) if not v.open]
    if line.startswith("You were"):
        assert listed, line
        assert ("still on it" in line) == state.blacklisted
        return
    assert not listed, line
    if line.startswith(("No door", "Nobody")):
        assert not closed, line
        return
    door = next(name for name in closed if line.startswith(name))
    if "from the start" in line:
        assert door not in [v.name for v in services(start) if v.open]
        assert not any(isinstance(e, (ServiceLocked, ServiceUnlocked)) and e.name == door
                       for _, e in events)
    else:
        scene = re.search(r"“(.+?)”", line).group(1)
        assert (scene, door) in [(t, e.name) for t, e in events if isinstance(e, ServiceLocked)]


def test_day_zero_gets_a_verdict_for_an_unscored_day():
    zero = [g for level_id, g in GAMES if level_id == "day_zero"]
    assert zero
    for _, state, _ in zero:
        lines = verdict(state)
        assert lines[0].startswith("Nobody was counting")
        assert not any("under the score" in line or "changed" in line for line in lines)


def test_a_game_that_cannot_be_replayed_says_only_what_its_end_shows():
    """A game whose records do not replay (begun from a preset) still gets three lines, and
    names no scene where a door closed, which it cannot know."""
    level_id, (_, state, _) = next(g for g in GAMES if g[0] == "pilot_city")
    moved = state.replace(score=state.score - 400)   # the end no replay can give back
    lines = verdict(moved)
    assert len(lines) == 3
    assert "“" not in lines[2] or "after" in lines[2]
