"""Generated levels for the analyzer's benchmark and tests.

- `binary_chain_text(n)`: n scenes in a row, each with two choices that both lead on (2^n
  paths). One is scored up, one down, so the situations that differ are only the scores:
  about n^2/2 situations, where following paths would take 2^n games.
- `corridor_text(n)`: n scenes (half a corridor, half side rooms), the shape of a long
  level whose situations grow with its size, not with its paths: a walk on, or a look into
  a side room that sets a flag the first ending tests and costs points (the score cannot go
  below 990, so the fast lane, which needs 1000, closes for good).
Both load without any diagnostic.
"""
from __future__ import annotations

_HEADER = """\
format: 1
id: {id}
title: "{title}"
start: s0
score: {{start: 1000, min: {low}, max: 2000}}
services:
  fast: {{name: Fast lane, threshold: 1000}}
sensors:
  cam: {{name: Camera}}
watchers:
  camera: {{name: Camera, icon: camera, sensor: cam}}
behaviours:
  comply: {{name: Doing as told}}
  defy: {{name: Saying no}}
rulesets:
  strict:
    name: Strict
    rules:
      comply: {{change: 10, seen_by: [cam], reason: Did as told}}
      defy: {{change: -10, seen_by: [cam], reason: Said no}}
personas:
  citizen: {{name: Citizen}}
endings:
{endings}scenes:
"""

_CHAIN_ENDINGS = """\
  trusted:
    title: Trusted
    text: The doors stay open.
    when: {score_at_least: 1000}
  doubted:
    title: Doubted
    text: The doors close.
"""
_CORRIDOR_ENDINGS = """\
  curious:
    title: Curious
    text: You looked into the side rooms, and it was noticed.
    when: {flag: looked}
  trusted:
    title: Trusted
    text: You walked on, and the doors stayed open.
"""
_TEXT = "A door, a camera, a choice. Nobody says anything."


def binary_chain_text(n: int = 30) -> str:
    """A level of `n` binary choices in a row (2^n paths)."""
    parts = [_HEADER.format(id=f"chain_{n}", title=f"{n} binary choices in a row", low=0,
                            endings=_CHAIN_ENDINGS)]
    for i in range(n):
        nxt = f"s{i + 1}" if i + 1 < n else None
        exit_ = f"goto: {nxt}" if nxt else "finish: true"
        parts.append(f"""\
  s{i}:
    title: Choice {i + 1}
    text: {_TEXT}
    basis: fiction
    watchers: [camera]
    choices:
      - {{id: comply, text: Do as you are told, behaviour: comply, {exit_}}}
      - {{id: defy, text: Say no, behaviour: defy, {exit_}}}
""")
    return "".join(parts)


def corridor_text(n_scenes: int = 5000) -> str:
    """A level of `n_scenes` scenes: a corridor of rooms, each with a side room."""
    rooms = max(1, n_scenes // 2)
    parts = [_HEADER.format(id=f"corridor_{n_scenes}", title=f"A corridor of {n_scenes} scenes",
                            low=990, endings=_CORRIDOR_ENDINGS)]
    for i in range(rooms):
        nxt = f"goto: s{i + 1}" if i + 1 < rooms else "finish: true"
        skip = f"goto: s{i + 2}" if i + 2 < rooms else "finish: true"
        parts.append(f"""\
  s{i}:
    title: Room {i + 1}
    text: {_TEXT}
    basis: fiction
    scored: false
    choices:
      - {{id: walk, text: Walk on, {nxt}}}
      - {{id: look, text: Look into the side room, goto: x{i}}}
      - {{id: run, text: Take the fast lane, needs: {{service: fast}}, {skip}}}
  x{i}:
    title: Side room {i + 1}
    text: {_TEXT}
    basis: fiction
    watchers: [camera]
    choices:
      - {{id: back, text: Go back, behaviour: defy, effects: [set: looked], {nxt}}}
""")
    return "".join(parts)
