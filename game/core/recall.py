"""What the story remembers of earlier chapters: the `remembers:` lines of a scene or an
ending, shown after its text when the campaign's earlier chapters went that way.

A chapter played alone remembers nothing, so no line shows: each `if` and `unless` asks about
a chapter that was played before this one (`State.memory`, filled by `new_game`'s `carry`).

The lines come after the text, never before it: they are written as callbacks to it ("You cut
*him* from your contacts...", "*Here* nobody asked for it"). Front ends keep them apart from
the text (`Told.remembered`) and mark them as remembered (`strings.REMEMBERED`), so a player
who does not scroll still sees them; `Told.whole` is the text and the lines as one, for a
history or a transcript.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .model import Memory
from .state import State


@dataclass(frozen=True)
class Told:
    """A scene's or an ending's own text, and the remembered lines that show with it."""
    text: str
    remembered: tuple[str, ...] = ()

    @property
    def whole(self) -> str:
        """The text with each remembered line as a paragraph after it."""
        if not self.remembered:
            return self.text
        return "\n\n".join([self.text.strip(), *self.remembered])


def recalls(line: Memory, memory: Sequence[tuple[str, Sequence[str]]]) -> bool:
    """Whether this line shows, given how the earlier chapters ended."""
    chapter, what = line.about
    ended = next((set(marks) for played, marks in memory if played == chapter), None)
    if ended is None:
        return False
    return (what in ended) == (line.if_ is not None)


def told(text: str, lines: Sequence[Memory], state: State) -> Told:
    """The text and each of its remembered lines that shows."""
    return Told(text, tuple(line.text.strip() for line in lines if recalls(line, state.memory)))


def scene_told(state: State, scene_id: str | None = None) -> Told:
    """What the player reads in a scene (the state's own by default)."""
    scene = state.played.scenes[scene_id or state.scene or ""]
    return told(scene.text, scene.remembers, state)


def ending_told(state: State, ending_id: str | None = None) -> Told:
    """What the player reads at an ending (the state's own by default)."""
    ending = state.played.endings[ending_id or state.ending or ""]
    return told(ending.text, ending.remembers, state)


def scene_text(state: State, scene_id: str | None = None) -> str:
    """A scene's text with its remembered lines after it, as one."""
    return scene_told(state, scene_id).whole


def ending_text(state: State, ending_id: str | None = None) -> str:
    """An ending's text with its remembered lines after it, as one."""
    return ending_told(state, ending_id).whole
