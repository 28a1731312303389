"""No cycle-collector pauses while the analyzer works.

A search makes hundreds of thousands of objects that live until it ends, and no reference
cycles. Python's cycle collector would walk them all again and again for nothing (it took
40% of the analyzer's time); with it paused, objects are still freed as usual, by their
reference counts, and the collector runs again afterwards.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Pause the cycle collector for the block (nested blocks leave it to the outer one)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
