"""What a screen reports: the player asked for something, or a chapter reached its end.

A screen never decides where that leads and never builds the next screen of the game's
flow: it makes one of these values and hands it to `app.ask(intent)`. `game.ui.flow.follow`
is the one place that decides what follows (in kiosk mode it lets the classroom's hooks
decide the ending, the debrief and leaving). These values import nothing, so any screen may
use them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ToTitle:
    """Back to the title (kiosk mode asks first, then ends the student's session)."""


@dataclass(frozen=True)
class OpenSettings:
    """The settings, over whatever is showing."""


@dataclass(frozen=True)
class OpenHistory:
    """The history of what happened so far in this session."""
    session: object


@dataclass(frozen=True)
class Restart:
    """This chapter again from its start, as the same person under the same rules."""
    session: object
    chapter: object


@dataclass(frozen=True)
class ChapterEnded:
    """The play screen reached an ending (reported, not asked for)."""
    session: object
    chapter: object


@dataclass(frozen=True)
class ToDebrief:
    """From an ending to its debrief."""
    session: object
    chapter: object


@dataclass(frozen=True)
class PlayAgain:
    """A finished chapter again from the start, as the next persona."""
    session: object
    chapter: object


@dataclass(frozen=True)
class PlayNext:
    """The next chapter of the campaign, with the persona who carries on."""
    session: object
    chapter: object


@dataclass(frozen=True)
class ToFinale:
    """The campaign's finale: the whole record of the chapters finished in this window."""


@dataclass(frozen=True)
class OpenSlots:
    """The three save slots: `mode` is "save" (with the game being played) or "load"."""
    mode: str
    session: object = None
    chapter: object = None


@dataclass(frozen=True)
class LoadSave:
    """Resume this saved game (a `game.saves.SaveGame`)."""
    save: object


@dataclass(frozen=True)
class ShowMessage:
    """A message with a title, over whatever is showing (a recorded session's last word)."""
    title: str
    text: str
