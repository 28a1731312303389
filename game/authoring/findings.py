"""The analyzer's findings: one small `check_*` function per code, each reading what every
persona x ruleset reached (`ComboResult`s) and yielding located `Diagnostic`s."""
from __future__ import annotations

from typing import Callable, Iterator

from ..content.diagnostics import Diagnostic
from ..core import conditions, effects
from ..core.model import Level
from ..content.analyzer_codes import SEVERITY
from .levelwalk import LevelFacts
from .liveness import gotos
from .summary import ComboResult, Walk

KEY = "__key__"


def where(marks: dict, path: tuple) -> tuple[int, int]:
    """The line and column of a path in the file (of its key, when it has one), or of its
    nearest marked parent."""
    for cut in range(len(path), -1, -1):
        head = path[:cut]
        for candidate in ((*head, KEY), head):
            found = marks.get(candidate)
            if found is not None:
                return found
    return (1, 1)


class Analysis:
    """What the checks read: the level, where things are, and what every combination of
    persona and ruleset reached."""

    def __init__(self, level: Level, path: str, marks: dict, facts: LevelFacts,
                 results: list[ComboResult]) -> None:
        self.level, self.path, self.marks, self.facts = level, path, marks, facts
        self.results = results
        self.complete = all(r.complete for r in results)

    def note(self, code: str, at: tuple, message: str, hint: str = "") -> Diagnostic:
        return Diagnostic(code, SEVERITY[code], self.path, *where(self.marks, at), message, hint)

    def scene_range(self, sid: str) -> tuple[int, int] | None:
        ranges = [r.scene_scores[sid] for r in self.results if sid in r.scene_scores]
        if not ranges:
            return None
        return min(low for low, _ in ranges), max(high for _, high in ranges)

    def score_span(self) -> tuple[int, int] | None:
        ranges = [self.scene_range(s) for s in self.level.scenes]
        ranges += [(e.low, e.high) for r in self.results for e in r.endings.values()]
        ranges = [r for r in ranges if r is not None]
        if not ranges:
            return None
        return min(low for low, _ in ranges), max(high for _, high in ranges)

    def walk_text(self, walk: Walk, who: str) -> str:
        if not walk.ids:
            return f"as {who}, right at the start"
        steps = " → ".join(walk.ids)
        return f"as {who}, after choices {walk.numbers_text()} ({steps}){luck_note(walk)}"


def luck_note(walk: Walk) -> str:
    return (" (when chance goes that way: a sensor that may miss, or an appeal)"
            if walk.lucky else "")


def span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def _goto_targets(level: Level) -> set[str]:
    """Every id a choice's `goto` or a `goto` effect names (not `finish`)."""
    return {target for scene in level.scenes.values() for choice in scene.choices
            for target in gotos(choice)}


def _static_reach(level: Level, facts: LevelFacts) -> set[str]:
    seen, todo = {level.start}, [level.start]
    while todo:
        for target in facts.exits.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


# ---------------------------------------------------------------- problems

def check_unreachable_scenes(a: Analysis) -> Iterator[Diagnostic]:
    """A401: scenes no game reaches."""
    if not a.complete:
        return
    linked = _static_reach(a.level, a.facts)
    for sid in a.level.scenes:
        if a.scene_range(sid) is None:
            why = ("no `goto` leads here from the start" if sid not in linked else
                   "every choice that leads here is locked or hidden whenever a player "
                   "could pick it")
            yield a.note("A401", ("scenes", sid), f"no player can reach the scene `{sid}`: "
                         f"{why}", "check the choices that lead here and their `needs`")


def check_unreachable_endings(a: Analysis) -> Iterator[Diagnostic]:
    """A402: endings no game reaches."""
    if not a.complete:
        return
    fallbacks: list[str] = []  # endings without `when` listed so far
    for eid, ending in a.level.endings.items():
        if ending.when is None:
            fallbacks.append(eid)
        if any(eid in r.endings for r in a.results):
            continue
        earlier = [f for f in fallbacks if f != eid]
        if earlier and eid not in _goto_targets(a.level):
            hint = (f"`{earlier[0]}` comes before it and has no `when`, so `finish` always "
                    f"picks `{earlier[0]}` first: move `{eid}` above it")
        elif ending.when is not None:
            hint = ("its `when` never holds when a player finishes, or an ending listed "
                    "before it always matches first")
        else:
            hint = "an ending listed before it always matches first, or no choice leads here"
        yield a.note("A402", ("endings", eid), f"no player can reach the ending `{eid}`", hint)


def check_dead_ends(a: Analysis) -> Iterator[Diagnostic]:
    """A403: scenes where every choice can be locked at once."""
    for sid in a.level.scenes:
        found = [(len(r.dead_ends[sid]), r) for r in a.results if sid in r.dead_ends]
        if not found:
            continue
        _, r = min(found, key=lambda pair: pair[0])
        others = [x.who for _, x in found if x is not r]
        also = f"; also as {', '.join(others)}" if others else ""
        yield a.note("A403", ("scenes", sid, "choices"),
                     f"dead end: a player can arrive at `{sid}` with every choice locked, "
                     f"{a.walk_text(r.dead_ends[sid], r.who)}{also}",
                     "add a choice without `needs`, or make sure one of the `needs` here "
                     "always holds")


def check_traps(a: Analysis) -> Iterator[Diagnostic]:
    """A413: scenes where a player can fall into a trap: choices stay open, but none of the
    ways on ever reaches an ending."""
    for sid in a.level.scenes:
        found = [r for r in a.results if sid in r.traps]
        if not found:
            continue
        r = min(found, key=lambda x: len(x.traps[sid]))
        inside = sorted(r.trap_scenes[sid])
        loop = ", ".join(f"`{s}`" for s in inside[:6]) + (", ..." if len(inside) > 6 else "")
        others = [x.who for x in found if x is not r]
        also = f"; also as {', '.join(others)}" if others else ""
        yield a.note("A413", ("scenes", sid, "choices"),
                     f"trap: a player can arrive at `{sid}` and never reach an ending, "
                     f"however they choose (the choices from here only lead on among "
                     f"{loop}), {a.walk_text(r.traps[sid], r.who)}{also}",
                     "give one of these scenes a choice that leads on to an ending, or "
                     "make sure a way out is always open")


def check_closed_choices(a: Analysis) -> Iterator[Diagnostic]:
    """A404: choices never open in a scene that is reached."""
    if not a.complete:
        return
    for sid, scene in a.level.scenes.items():
        scores = a.scene_range(sid)
        if scores is None:
            continue
        for i, choice in enumerate(scene.choices):
            if any((sid, choice.id) in r.opened for r in a.results):
                continue
            shown = any((sid, choice.id) in r.shown for r in a.results)
            how = ("always locked: its `needs` never holds here" if shown else
                   "always hidden: its `shown_if` never holds here")
            later = _set_only_later(a, sid, choice.needs if shown else choice.shown_if)
            yield a.note("A404", ("scenes", sid, "choices", i, "id"),
                         f"the choice `{choice.id}` is never open to any player ({how})",
                         later or f"players arrive here with scores {span(*scores)}; check "
                         "the condition against that, and the flags and counters it tests")


def _set_only_later(a: Analysis, sid: str, cond) -> str:
    """A hint when the condition tests a flag that is set only in scenes a player can reach
    only after this one (none of the scenes that can lead here sets it, nor the start)."""
    before = _leading_to(a.facts.exits, sid)
    start_flags = {f for owners in (a.level.personas, a.level.presets)
                   for owner in owners.values() for f in owner.flags}
    for use in conditions.condition_reads(cond):
        if use.part != "flag" or use.name in start_flags:
            continue
        setters = [s for s, scene in a.level.scenes.items() for c in scene.choices
                   if any(w.part == "flag" and w.name == use.name and not w.clears
                          for w in effects.effects_writes(c.effects))]
        if setters and not set(setters) & before:
            where = ", ".join(f"`{s}`" for s in setters[:3])
            return (f"it tests the flag `{use.name}`, which is set only in {where}, after "
                    "this scene: no way to here passes there; test it in a later scene, "
                    "or set it earlier")
    return ""


def _leading_to(exits: dict, sid: str) -> set[str]:
    """The scenes from which `sid` can be reached (itself when on a loop)."""
    into: dict[str, set[str]] = {}
    for source, targets in exits.items():
        for target in targets:
            into.setdefault(target, set()).add(source)
    seen: set[str] = set()
    todo = [sid]
    while todo:
        for before in into.get(todo.pop(), ()):
            if before not in seen:
                seen.add(before)
                todo.append(before)
    return seen


def check_never_set(a: Analysis) -> Iterator[Diagnostic]:
    """A405: flags and counters tested but never set in any game. A flag that nothing sets
    at all is `validate`'s W303, so it is not said twice."""
    if not a.complete:
        return
    flags = set().union(*(r.flags_seen for r in a.results))
    counters = set().union(*(r.counters_seen for r in a.results))
    uses = a.facts.uses
    for kind, read, seen, written in (
            ("flag", uses.flags_tested, flags, uses.flags_set),
            ("counter", uses.counters_tested, counters, uses.counters_set)):
        for name, at in read.items():
            if name in seen or (kind == "flag" and name not in written):
                continue
            why = ("what sets it is never reached by a player" if name in written
                   else "nothing sets it")
            verb = "set" if kind == "flag" else "counted"
            yield a.note("A405", at, f"the {kind} `{name}` is tested here, but no game ever "
                         f"has it {verb} ({why})",
                         "check the spelling against where it is set, and that a player can "
                         "get there")


def check_never_read(a: Analysis) -> Iterator[Diagnostic]:
    """A406: counters counted but never tested (a flag set but never tested is `validate`'s
    W304, so it is not said twice)."""
    uses = a.facts.uses
    for name, at in uses.counters_set.items():
        if name not in uses.counters_tested:
            yield a.note("A406", at, f"the counter `{name}` is set here but no condition "
                         "ever tests it, so it changes nothing",
                         "test it in a `needs`, `shown_if` or `when` ({counter: ...}), "
                         "or stop setting it")


def check_still_services(a: Analysis) -> Iterator[Diagnostic]:
    """A407: services that never change."""
    if not a.complete:
        return
    scores = a.score_span()
    for sid, service in a.level.services.items():
        ever_open = any(sid in r.services_open for r in a.results)
        ever_closed = any(sid in r.services_closed for r in a.results)
        if ever_open and ever_closed:
            continue
        state = "open" if ever_open else "closed"
        hint = "give it a threshold or a condition that some players meet and others do not"
        if service.threshold is not None and scores is not None:
            hint = (f"its threshold is {service.threshold} and players' scores stay within "
                    f"{span(*scores)}")
        yield a.note("A407", ("services", sid), f"the service `{sid}` is {state} for every "
                     "player all game long, so it never works as a door", hint)


def check_incomplete(a: Analysis) -> Iterator[Diagnostic]:
    """A408: the search stopped early."""
    for r in a.results:
        if not r.complete:
            yield a.note("A408", ("scenes",), f"the analyzer stopped after {r.states} "
                         f"different situations as {r.who}; what can never happen is not "
                         "reported (scenes, endings and choices no one reaches, dead ends)",
                         "analyze this level alone (the situations checked in one run are "
                         "shared by all its personas and rulesets), split it into chapters, "
                         "or use fewer counters and flags that only matter in one place")


def check_minutes(a: Analysis) -> Iterator[Diagnostic]:
    """A414: the `minutes:` the author wrote differs by more than half from the estimate."""
    found = [r.lengths for r in a.results if r.lengths and r.lengths.shortest_minutes]
    if ("minutes", KEY) not in a.marks or not found or not a.complete:
        return
    short = min(x.shortest_minutes for x in found)
    longs = [x.longest_minutes for x in found if x.longest_minutes is not None and not x.loop]
    long = max(longs) if len(longs) == len(found) else None
    said = a.level.minutes
    if said >= short / 2 and (long is None or said <= long * 1.5):
        return
    estimate = f"{short:g}" if short == long else f"{short:g} to {long:g}" if long else \
        f"at least {short:g}"
    near = max(1, round((short + (long or short)) / 2))
    yield a.note("A414", ("minutes",), f"`minutes: {said}` says a game takes about {said} "
                 f"minutes, but the analyzer's estimate is {estimate} minutes (A412)",
                 f"write `minutes: {near}`, or play the level once and write how long it took "
                 "(the estimate counts 200 words a minute and 5 seconds a choice)")


CHECKS: list[Callable[[Analysis], Iterator[Diagnostic]]] = [
    check_incomplete, check_unreachable_scenes, check_unreachable_endings, check_dead_ends,
    check_traps,
    check_closed_choices, check_never_set, check_never_read, check_still_services,
    check_minutes,
]


def problems(a: Analysis) -> list[Diagnostic]:
    return [d for check in CHECKS for d in check(a)]
