"""Helpers for the core tests: levels from inline YAML, and a way to play them.

Levels in tests are short YAML strings. ``make_level(text)`` reads one whole level;
``base_level(*patches)`` starts from the small ``BASE`` level below and deep-merges YAML
patches onto it (mappings merge key by key, lists and scalars replace), so a test writes
only what it is about. Both read the text through `game.content.load_text`, as a level file
is read, and fail on any diagnostic except the authoring warnings in ``LINT_ONLY``.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import yaml

from game.content import load_text
from game.core import State, choose, new_game
from game.core.events import Event
from game.core.model import Level

#: A small level: a crossing watched by a camera, a station with high-speed rail (950), and
#: two endings. Strict and lenient rulesets score the same behaviours differently.
BASE = """\
format: 1
id: base
title: Base level
start: street
score:
  start: 1000
  min: 0
  max: 1300
  tiers:
    - {id: A, name: Trusted, min: 1050}
    - {id: B, name: Ordinary, min: 950}
    - {id: C, name: Watched, min: 0}
services:
  rail: {name: High-speed rail, threshold: 950}
sensors:
  cam: {name: Street camera with face match}
watchers:
  camera: {name: Camera on the pole, icon: camera, sensor: cam}
behaviours:
  jaywalk: {name: Jaywalking}
  help: {name: Helping a neighbour}
rulesets:
  strict:
    name: Strict
    rules:
      jaywalk: {change: -50, seen_by: [cam], reason: Crossing on red}
      help: {change: 20, seen_by: [cam], reason: Good neighbour}
  lenient:
    name: Lenient
    rules:
      jaywalk: {change: -5, seen_by: [cam], reason: Crossing on red}
      help: {change: 40, seen_by: [cam], reason: Good neighbour}
personas:
  citizen: {name: Citizen, money: 100}
scenes:
  street:
    title: The crossing
    text: The light is red and the road is empty.
    basis: fiction
    watchers: [camera]
    choices:
      - {id: cross, text: Cross anyway, behaviour: jaywalk, goto: station}
      - {id: help, text: Help the old man across, behaviour: help, goto: station}
      - {id: wait, text: Wait for green, goto: station}
  station:
    title: The station
    text: The fast train leaves in five minutes.
    basis: fiction
    choices:
      - {id: train, text: Take the fast train, needs: {service: rail}, goto: arrived}
      - {id: walk, text: Walk home, finish: true}
endings:
  arrived: {title: Arrived on time, text: You made it., when: {score_at_least: 1000}}
  home: {title: Home at last, text: It was a long walk.}
"""


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


def _merge(base, patch):
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    return patch


#: Authoring warnings a deliberately partial test level may raise (a flag set but never
#: tested, a scene left unreachable, ...). They are about writing levels, not about the rules;
#: any other diagnostic fails the test.
LINT_ONLY = {"W302", "W303", "W304", "W305", "W306", "W310", "W311", "W312", "W313"}


def _load(text: str) -> Level:
    """Read a level through the content loader, as a level file would be read."""
    loaded = load_text(text, "<test>")
    unexpected = [d for d in loaded.diagnostics if d.code not in LINT_ONLY]
    assert not unexpected, loaded.format()
    assert loaded.level is not None
    return loaded.level


def make_level(yaml_text: str) -> Level:
    """A level from an inline YAML string (indentation is removed first)."""
    return _load(_dedent(yaml_text))


def base_level(*patches: str) -> Level:
    """``BASE`` with YAML patches deep-merged onto it in order (lists and scalars replace)."""
    data = yaml.safe_load(BASE)
    for patch in patches:
        if patch.strip():
            data = _merge(data, yaml.safe_load(_dedent(patch)))
    return _load(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


@dataclass(frozen=True)
class Played:
    """Where a run of choices left the game, and everything that happened on the way."""
    state: State
    events: tuple[Event, ...]

    def of(self, kind: type) -> list:
        """The events of one kind, in order."""
        return [e for e in self.events if isinstance(e, kind)]


def play(state: State, *choice_ids: str) -> Played:
    """Make these choices in order, collecting every event."""
    events: list[Event] = []
    for choice_id in choice_ids:
        step = choose(state, choice_id)
        state = step.state
        events.extend(step.events)
    return Played(state, tuple(events))


def start(level: Level, **kwargs) -> State:
    """A new game of this level (``new_game`` with keyword arguments)."""
    return new_game(level, **kwargs)


def random_choices(seeds: int):
    """Random games of every bundled level, persona and ruleset (`seeds` games each): yields
    (state, choice id) for every choice made, the game going on with `choose`'s state."""
    import random

    from game.content.catalog import bundled
    from game.core import choices

    for loaded in bundled():
        level = loaded.level
        for persona in level.personas:
            for ruleset in level.rulesets:
                for seed in range(seeds):
                    rng = random.Random(seed)
                    state = new_game(level, persona, ruleset, seed=seed)
                    while not state.finished:
                        open_ = [v.id for v in choices(state) if v.available]
                        if not open_:
                            break
                        picked = rng.choice(open_)
                        yield state, picked
                        state = choose(state, picked).state
