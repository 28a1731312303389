"""Moments of watching: what the scene shows when a behaviour happens where someone may see.

When a choice with a behaviour is made in a scored scene, each watcher shown there may show a
moment in its own way (`Watcher.look`): a camera turns toward you, a small red light comes on,
the phone buzzes "Activity noted", someone glances at a screen. Whether it does is a roll
against its `moment_chance`, made before and apart from whether anything recorded, so a moment
never tells the player which: a moment is shown for a watcher whose sensor is off, missed or
never there (shown but off), and a sensor that recorded may show nothing (hidden but on).
The Transparency Report says afterwards which moments were real (`Moment.recorded`).

The rolls come from a stream of their own, worked out from the game's seed, the choice's step
and the watcher's id: the moments never move the game's own generator, so they change no
luck, no saved game and nothing the analyzer explores, and the same game always shows the
same moments (`moments_of` gives them again from a choice's `Record`, for the report).
"""
from __future__ import annotations

from dataclasses import dataclass

from .events import Watched
from .model import Level
from .rng import next_float
from .state import Record

_MASK = (1 << 64) - 1


@dataclass(frozen=True)
class Moment:
    """A watcher's moment at one choice: shown or not, and whether its sensor recorded."""
    watcher: str
    name: str
    look: str
    shown: bool
    recorded: bool


def _key(watcher: str) -> int:
    """A watcher's id as a number (FNV-1a of its UTF-8), stable on every machine and version."""
    h = 0xCBF29CE484222325
    for byte in watcher.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) & _MASK
    return h


def _roll(seed: int, step: int, key: int) -> float:
    """A float in [0, 1) for one watcher (`key`) at one step of one game: the seed, the step
    and the key mixed through SplitMix64."""
    state = (seed * 0x9E3779B97F4A7C15 + step * 0xD1B54A32D192ED03 + key) & _MASK
    return next_float(state)[1]


Watching = tuple   # (Watched event, chance, key) for each watcher that can show a moment


def watching_of(level: Level, watchers) -> tuple[Watching, ...]:
    """What a scene's watchers can show, worked out once (the engine keeps it in its plan):
    for each that can show a moment, its event, its chance and its key."""
    out = []
    for wid in watchers:
        watcher = level.watchers.get(wid)
        if watcher is not None and watcher.look != "none":
            out.append((Watched(wid, watcher.name, watcher.look), watcher.moment_chance,
                        _key(wid)))
    return tuple(out)


def shown(watching: tuple[Watching, ...], seed: int, step: int) -> list[Watched]:
    """The moments a player sees at this step: what the sensors saw is not asked."""
    return [event for event, chance, key in watching if _roll(seed, step, key) < chance]


def moments_of(level: Level, seed: int, record: Record) -> tuple[Moment, ...]:
    """Each watcher's moment at the choice `record` (none where the scene is not scored or the
    choice has no behaviour): shown by its roll, recorded when its sensor really saw."""
    if not record.scored or record.behaviour is None:
        return ()
    out = []
    for event, chance, key in watching_of(level, record.watchers_shown):
        sensor = level.watchers[event.watcher].sensor
        out.append(Moment(event.watcher, event.name, event.look,
                          _roll(seed, record.step, key) < chance,
                          sensor is not None and sensor in record.observed_by))
    return tuple(out)


def unshown_recorders(level: Level, seed: int, record: Record) -> tuple[str, ...]:
    """The names of the sensors that recorded this choice with no moment shown for them."""
    covered = {level.watchers[m.watcher].sensor for m in moments_of(level, seed, record)
               if m.shown}
    return tuple(level.sensors[s].name for s in record.observed_by
                 if s not in covered and s in level.sensors)


def watched_events(level: Level, seed: int, record: Record) -> list[Watched]:
    """The events for the moments a player sees at this choice (what recorded is not in them)."""
    return [Watched(m.watcher, m.name, m.look) for m in moments_of(level, seed, record)
            if m.shown]
