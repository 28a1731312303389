"""A small, stable random number generator (SplitMix64) whose whole state is one integer.

The game state carries this integer, so a saved game resumes with the same luck, and the same
seed and choices give the same events on every machine and Python version.
"""
from typing import Callable

_MASK = (1 << 64) - 1

Dice = Callable[[int], "tuple[int, float]"]
"""How the engine rolls: the generator's state in, its next state and a float in [0, 1) out.
`next_float` by default; `choose(..., dice=...)` takes another (the analyzer scripts each
roll to follow every way the dice can fall)."""


def next_float(rng: int) -> tuple[int, float]:
    """Advance the generator; return the new state and a float in [0, 1)."""
    rng = (rng + 0x9E3779B97F4A7C15) & _MASK
    z = rng
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    z ^= z >> 31
    return rng, z / float(1 << 64)


def seed_state(seed: int) -> int:
    """The generator's first state for a seed."""
    return seed & _MASK
