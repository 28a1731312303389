"""Chance as a branch: every way the dice of one choice can fall, instead of one seed's luck.

The engine draws its rolls (a sensor with `chance` below 1, an appeal) from the state's own
generator through `game.core.rng.next_float`. While `scripted_rolls()` is active, the core
modules that call it get a scripted stand-in instead: each roll is a *hit* (0.0, below any
chance above 0) or a *miss* (the largest float below 1, not below any chance under 1), as a
script says, and the generator's state is left as it was. `outcomes(state, choice_id)` plays
one choice under every script that makes a difference, so a roll is a branch of the search
and the generator's position never splits states that have the same future.

If the engine ever rolls through another function, the generator moves and `outcomes` raises
`UnscriptedRoll` rather than report a search that followed one seed's luck by mistake.
"""
from __future__ import annotations

import math
import sys
from contextlib import contextmanager
from typing import Iterator

from ..core import choose
from ..core import rng as _rng
from ..core.engine import Step
from ..core.state import State

HIT, MISS = 0.0, math.nextafter(1.0, 0.0)


class UnscriptedRoll(RuntimeError):
    """The engine drew a roll the analyzer could not script."""


class _Script:
    """The outcomes to give, in order; rolls past the end are hits. Counts the rolls made."""

    def __init__(self) -> None:
        self.plan: tuple[bool, ...] = ()
        self.rolls = 0

    def start(self, plan: tuple[bool, ...]) -> None:
        self.plan, self.rolls = plan, 0

    def next_float(self, state: int) -> tuple[int, float]:
        index = self.rolls
        self.rolls += 1
        hit = self.plan[index] if index < len(self.plan) else True
        return state, HIT if hit else MISS


_active: _Script | None = None
_REAL = _rng.next_float


def _callers() -> list:
    """The core modules that took `next_float` by name (`from .rng import next_float`);
    not `rng` itself, whose function stays as it is."""
    return [m for name, m in list(sys.modules.items())
            if name.startswith("game.core.") and m is not _rng
            and getattr(m, "next_float", None) is _REAL]


@contextmanager
def scripted_rolls() -> Iterator[None]:
    """Within this block, `outcomes` can play a choice under every fall of the dice.

    Not thread-safe: it swaps a function in the core modules for the block's duration."""
    global _active
    if _active is not None:   # nested: already scripted
        yield
        return
    script = _Script()
    patched = _callers()
    for module in patched:
        module.next_float = script.next_float
    _active = script
    try:
        yield
    finally:
        _active = None
        for module in patched:
            module.next_float = _REAL


def outcomes(state: State, choice_id: str) -> list[Step]:
    """Every distinct step that choosing `choice_id` can give, one per fall of the dice.

    Must run inside `scripted_rolls()`. Most choices roll nothing and give one step."""
    script = _active
    if script is None:
        raise RuntimeError("outcomes() needs `with scripted_rolls():` around it")
    steps: list[Step] = []
    todo: list[tuple[bool, ...]] = [()]
    while todo:
        plan = todo.pop()
        script.start(plan)
        step = choose(state, choice_id, quiet=True)   # the search reads only the state
        if step.state.rng != state.rng:
            raise UnscriptedRoll("the engine rolled dice the analyzer cannot script; "
                                 "update game/authoring/rolls.py")
        steps.append(step)
        rolled = script.rolls
        # the rolls beyond the plan were hits: branch on each of them missing instead
        todo.extend(plan + (True,) * (j - len(plan)) + (False,) for j in range(len(plan), rolled))
    return steps
