"""Which parts of a state can still matter, scene by scene (a "live variables" analysis).

A flag, counter, visited scene, the money or the network matters at a scene only if some
condition (or effect) that reads it can still be met: in a scene reachable from here, in an
ending's `when` (when a finish is reachable), or anywhere at all for what the services, the
blacklist's effects and the network read, since those are worked out after every choice. The
search drops what is dead, so states that differ only there are merged.

Counters and money are also *saturated* when that is exact: a counter that only ever goes up,
and is only compared with numbers up to N, behaves the same at N and at anything above N, for
ever (and the same downwards). Conditions never read anything else of these values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core import conditions, effects
from ..core.conditions import Use
from ..core.model import Condition, Effect, Level

CONTACTS, MONEY = ("contacts",), ("money",)
_COMPARED = ("counter", "money")   # parts whose reads say what they are compared with


@dataclass
class Liveness:
    live: dict[str, frozenset] = field(default_factory=dict)   # scene -> live reads
    counter_caps: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    money_cap: tuple[int | None, int | None] = (None, None)    # (lowest kept, highest kept)


# ---------------------------------------------------------------- what a condition reads

def _add(uses: list[Use], out: set, numbers: dict) -> None:
    """Add reads (`Use`s, from the kinds' definitions) to `out`; collect the numbers counters
    and money are compared with into `numbers` (name -> set of thresholds)."""
    for use in uses:
        out.add(use.key)
        if use.part in _COMPARED:
            numbers.setdefault(use.key, set()).update(use.numbers)


def condition_reads(cond: Condition | None, out: set, numbers: dict) -> None:
    """Add what a condition reads to `out`, and what it compares counters and money with to
    `numbers`."""
    _add(conditions.condition_reads(cond), out, numbers)


def effects_reads(effect_list: list[Effect], out: set, numbers: dict) -> None:
    _add(effects.effects_reads(effect_list), out, numbers)


def _changes(effect_list: list[Effect], found: dict) -> None:
    """name -> set of signs of every change a list of effects makes to counters and money."""
    for use in effects.effects_writes(effect_list):
        if use.part in _COMPARED:
            found.setdefault(use.key, set()).update(use.numbers)


# ---------------------------------------------------------------- the analysis

def _after_every_choice(level: Level, numbers: dict) -> tuple[set, set]:
    """What the services and the blacklist's effects read (after every choice), and what
    the endings' `when`s read (when a game ends)."""
    everywhere: set = set()
    for service in level.services.values():
        condition_reads(service.needs, everywhere, numbers)
    condition_reads(level.score.seen_while, everywhere, numbers)   # what the player sees
    if level.blacklist is not None:
        condition_reads(level.blacklist.when, everywhere, numbers)
        effects_reads(level.blacklist.effects, everywhere, numbers)
    at_end: set = set()
    for ending in level.endings.values():
        condition_reads(ending.when, at_end, numbers)
    return everywhere, at_end


def liveness(level: Level, exits: dict[str, set[str]]) -> Liveness:
    numbers: dict = {}
    everywhere, at_end = _after_every_choice(level, numbers)
    own = {sid: _scene_reads(level, sid, numbers, at_end) for sid in level.scenes}
    live = _propagate(level, exits, own)
    frozen = {sid: frozenset(reads | everywhere) for sid, reads in live.items()}
    changes: dict = {}
    for scene in level.scenes.values():
        for choice in scene.choices:
            _changes(choice.effects, changes)
    if level.blacklist is not None:
        _changes(level.blacklist.effects, changes)
    caps = {key[1]: _cap(numbers[key], changes.get(key)) for key in numbers
            if key[0] == "counter"}
    return Liveness(frozen, caps, _cap(numbers.get(MONEY, set()), changes.get(MONEY)))


def _scene_reads(level: Level, sid: str, numbers: dict, at_end: set) -> set:
    reads: set = set()
    scene = level.scenes[sid]
    if level.network.pull > 0 and level.is_scored(sid):
        reads.add(CONTACTS)
    for choice in scene.choices:
        condition_reads(choice.needs, reads, numbers)
        condition_reads(choice.shown_if, reads, numbers)
        effects_reads(choice.effects, reads, numbers)
        if choice.finish:
            reads |= at_end
    return reads


def _propagate(level: Level, exits: dict, own: dict) -> dict[str, set]:
    """live(scene) = own(scene) | live(every scene after it), to a fixed point; an ending's
    `when` counts for any scene that can reach an ending at all (a finish may pick any)."""
    live = {sid: set(reads) for sid, reads in own.items()}
    into: dict[str, set[str]] = {}
    for sid, targets in exits.items():
        for target in targets:
            if target in level.scenes:
                into.setdefault(target, set()).add(sid)
    todo = list(level.scenes)
    queued = set(todo)
    while todo:
        sid = todo.pop()
        queued.discard(sid)
        for before in into.get(sid, ()):
            if not live[sid] <= live[before]:
                live[before] |= live[sid]
                if before not in queued:
                    queued.add(before)
                    todo.append(before)
    return live


def _cap(thresholds: set, changes: set | None) -> tuple[int | None, int | None]:
    """(low, high): values below `low` all behave alike, and so do values above `high`, when
    every change goes one way; (None, None) when no cap is exact."""
    if not thresholds:
        return (None, None)
    steps = changes or {0}
    if all(c >= 0 for c in steps):
        return (None, max(thresholds))
    if all(c <= 0 for c in steps):
        return (min(thresholds) - 1, None)
    return (None, None)


# ---------------------------------------------------------------- what one choice touches

# Some flags, counters and visited scenes by name, and whether the money and the contacts
# are among them, as a plain tuple (it unpacks fastest): what is live at a scene. `by_kind`
# makes one from reads as `condition_reads` collects them.
Reads = tuple[frozenset, frozenset, frozenset, bool, bool]


def by_kind(reads) -> Reads:
    """(flags, counters, visited scenes, money?, contacts?) from a set of reads."""
    return (*(frozenset(r[1] for r in reads if r[0] == kind)
              for kind in ("flag", "counter", "visited")),
            MONEY in reads, CONTACTS in reads)


def gotos(choice) -> list[str]:
    """Where a choice's `goto` and the `goto` effects in it (in any branch) can lead."""
    found = effects.goto_targets(choice.effects)
    return found + [choice.goto] if choice.goto is not None else found
