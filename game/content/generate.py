"""Generated levels of any size, for the benchmark and the tests.

`generate_level_text(n)` writes the YAML of a valid level with `n` scenes of three choices
each. It uses most of the format (tiers, services, sensors, watchers, behaviours, rules,
contacts, baseline pairs, conditions, effects, endings), so loading it exercises the whole
loader: reading, schema validation and every cross-check. It loads without any diagnostic.
"""
from __future__ import annotations

import time

from .pictures import OLD_NAMES

_BEHAVIOURS = 12
_ART = tuple(OLD_NAMES)   # names every version of the game has drawn
_BASELINE = "\n        baseline: {pair: speak, candid: true}"
_TEXT = ("You stand at the corner while the light stays red. A camera turns its head; "
         "a neighbour watches from the window. Nobody says anything.")

_HEADER = """\
format: 1
id: generated_{n}
title: "Generated level ({n} scenes)"
description: A long level made by a program, to measure the loader.
start: s0
score:
  start: 1000
  tiers:
    - {{id: A, name: Trusted, min: 1050}}
    - {{id: B, name: Ordinary, min: 900}}
    - {{id: C, name: Watched, min: 0}}
services:
  rail: {{name: High-speed rail, threshold: 950}}
  loan: {{name: Bank loan, needs: {{tier: A}}, locked_text: The bank says no.}}
sensors:
  camera: {{name: Street camera with face match, chance: 0.8}}
  phone: {{name: Phone location}}
watchers:
  cam: {{name: Camera, icon: camera, sensor: camera}}
  app: {{name: Phone app, icon: app, sensor: phone}}
contacts:
  mei: {{name: Mei, score: 940, about: An old friend.}}
  jon: {{name: Jon, score: 1100}}
personas:
  urban: {{name: Urban professional, money: 500, flags: [city]}}
  rural: {{name: Rural worker, score: 950, contacts: [mei]}}
baselines:
  speak: {{question: Speak up at work?}}
sources:
  souchet: {{title: "Made in China: The Chinese social credit system", year: 2021}}
endings:
  trusted:
    title: Trusted
    text: The doors stay open.
    when: {{all: [{{score_at_least: 1000}}, {{flag: city}}]}}
  listed:
    title: Listed
    text: The doors close one by one.
presets:
  middle: {{scene: s{mid}, persona: rural, ruleset: strict, score: 900}}
"""


def _behaviours() -> list[str]:
    lines = ["behaviours:"]
    lines += [f"  b{i}: {{name: Behaviour number {i}}}" for i in range(_BEHAVIOURS)]
    lines += ["rulesets:", "  strict:", "    name: Strict", "    rules:"]
    lines += [f"      b{i}: {{change: {-5 - i}, seen_by: [camera, phone], reason: Seen.}}"
              for i in range(_BEHAVIOURS)]
    return lines


def _scene(i: int, n: int) -> str:
    """One scene: three choices leading on; one has a condition, one an effect."""
    nxt = f"s{i + 1}" if i + 1 < n else "listed"
    skip = f"s{i + 2}" if i + 2 < n else "trusted"
    extra = _BASELINE if i < 2 else ""
    scored = "\n    scored: false" if i == 0 else ""
    return f"""\
  s{i}:
    title: Scene {i}
    text: {_TEXT}
    art: {_ART[i % len(_ART)]}
    basis: fiction{scored}
    watchers: [cam, app]
    choices:
      - id: cross
        text: Cross anyway.
        behaviour: b{i % _BEHAVIOURS}{extra}
        effects: [{{set: crossed}}]
        goto: {nxt}
      - id: train
        text: Take the fast train.
        needs: {{service: rail}}
        goto: {skip}
      - id: wait
        text: Wait for the green light.
        shown_if: {{flag: crossed}}
        goto: {nxt}
"""


def generate_level_text(n_scenes: int) -> str:
    """The YAML text of a valid level with `n_scenes` scenes (at least 1), 3 choices each."""
    n = max(1, n_scenes)
    parts = [_HEADER.format(n=n, mid=n // 2), "\n".join(_behaviours()), "\nscenes:\n"]
    parts += [_scene(i, n) for i in range(n)]
    return "".join(parts)


def time_validate(n_scenes: int, repeat: int = 3) -> float:
    """Best time, in milliseconds, to load and check a generated level of `n_scenes`."""
    from .loader import load_text

    text = generate_level_text(n_scenes)
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        loaded = load_text(text, f"<generated {n_scenes}>")
        best = min(best, time.perf_counter() - began)
        if not loaded.ok:
            raise RuntimeError(loaded.diagnostics[0].format())
    return best * 1000


if __name__ == "__main__":  # python -m game.content.generate: the loader's speed
    for size in (1000, 5000, 10000):
        print(f"validate_{size // 1000}k_ms: {time_validate(size):.0f}")
