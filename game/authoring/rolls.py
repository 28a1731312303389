"""Chance as a branch: every way the dice of one choice can fall, instead of one seed's luck.

The engine draws each roll of a choice (a sensor with `chance` below 1, an appeal) through
`choose`'s `dice`. `outcomes(state, choice_id)` passes a scripted one: each roll is a *hit*
(0.0, below any chance above 0) or a *miss* (the largest float below 1, not below any chance
under 1), as a script says, and the generator's state is left as it was. The choice is played
under every script that makes a difference, so a roll is a branch of the search and the
generator's position never splits states that have the same future.

If the engine ever rolls another way, the generator moves and `outcomes` raises
`UnscriptedRoll` rather than report a search that followed one seed's luck by mistake.
"""
from __future__ import annotations

import math

from ..core import choose
from ..core.engine import Step
from ..core.state import State

HIT, MISS = 0.0, math.nextafter(1.0, 0.0)


class UnscriptedRoll(RuntimeError):
    """The engine drew a roll the analyzer could not script."""


class _Script:
    """The outcomes to give, in order; rolls past the end are hits. Counts the rolls made."""

    def __init__(self, plan: tuple[bool, ...]) -> None:
        self.plan = plan
        self.rolls = 0

    def dice(self, rng: int) -> tuple[int, float]:
        index = self.rolls
        self.rolls += 1
        hit = self.plan[index] if index < len(self.plan) else True
        return rng, HIT if hit else MISS


def outcomes(state: State, choice_id: str) -> list[Step]:
    """Every distinct step that choosing `choice_id` can give, one per fall of the dice.

    Most choices roll nothing and give one step."""
    steps: list[Step] = []
    todo: list[tuple[bool, ...]] = [()]
    while todo:
        plan = todo.pop()
        script = _Script(plan)
        step = choose(state, choice_id, dice=script.dice, quiet=True)   # reads only the state
        if step.state.rng != state.rng:
            raise UnscriptedRoll("the engine rolled dice the analyzer cannot script; "
                                 "update game/authoring/rolls.py")
        steps.append(step)
        rolled = script.rolls
        # the rolls beyond the plan were hits: branch on each of them missing instead
        todo.extend(plan + (True,) * (j - len(plan)) + (False,) for j in range(len(plan), rolled))
    return steps
