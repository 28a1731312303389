"""What the story remembers of earlier chapters: the `remembers:` lines of a scene or an
ending, added to its text when the campaign's earlier chapters went that way.

A chapter played alone remembers nothing, so no line shows: each `if` and `unless` asks about
a chapter that was played before this one (`State.memory`, filled by `new_game`'s `carry`).
"""
from __future__ import annotations

from typing import Sequence

from .model import Memory
from .state import State


def recalls(line: Memory, memory: Sequence[tuple[str, Sequence[str]]]) -> bool:
    """Whether this line shows, given how the earlier chapters ended."""
    chapter, what = line.about
    ended = next((set(marks) for played, marks in memory if played == chapter), None)
    if ended is None:
        return False
    return (what in ended) == (line.if_ is not None)


def told(text: str, lines: Sequence[Memory], state: State) -> str:
    """The text with each remembered line that shows, as paragraphs after it."""
    shown = [line.text.strip() for line in lines if recalls(line, state.memory)]
    return "\n\n".join([text.strip(), *shown]) if shown else text


def scene_text(state: State, scene_id: str | None = None) -> str:
    """What the player reads in a scene (the state's own by default)."""
    scene = state.played.scenes[scene_id or state.scene or ""]
    return told(scene.text, scene.remembers, state)


def ending_text(state: State, ending_id: str | None = None) -> str:
    """What the player reads at an ending (the state's own by default)."""
    ending = state.played.endings[ending_id or state.ending or ""]
    return told(ending.text, ending.remembers, state)
