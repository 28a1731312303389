"""What every cross-check reads: the level, its index, the ids it defines, and where each
path is in the file; and how a check reports a problem.
"""
from __future__ import annotations

import heapq
from functools import cached_property
from typing import Any, Callable, Iterable

from ..core.model import Level
from .diagnostics import Diagnostic, did_you_mean, error, warning
from .index import Index, Names, Uses, build_index, uses
from .messages import quoted_list

_PLURALS = {"scene or ending": "scenes and endings"}
_COMPARE_BUDGET = 200_000  # ids compared for "did you mean", in all (about a second at most)


class Context:
    """What every check reads: the level, its index, the ids defined, and where things are."""

    def __init__(self, level: Level, path: str, names: Names,
                 where: Callable[[tuple], tuple[int, int]], complete: bool = True,
                 source: str | None = None):
        self.level, self.path, self.names, self.where = level, path, names, where
        self.complete = complete
        self.source = source    # the file's text, where there is one (a quick pass over it)
        self.index: Index = build_index(level)
        self._compared = 0  # ids compared for "did you mean" so far
        self._hints: dict = {}

    def error(self, code: str, at: tuple, message: str, hint: str) -> Diagnostic:
        return error(code, self.path, *self.where(at), message, hint)

    def warning(self, code: str, at: tuple, message: str, hint: str) -> Diagnostic:
        return warning(code, self.path, *self.where(at), message, hint)

    def unknown(self, code: str, at: tuple, kind: str, value: object, known: Iterable[str],
                section: str) -> Diagnostic:
        """An error for a reference to an id that does not exist, with "did you mean"."""
        hint = self.by_display_name(kind, value) or self.suggest(value, known)
        if not hint:
            hint = self._known_hint(kind, known, section)
            if known and section.isidentifier():   # a new id: say where it would go
                hint += f"; or add `{value}` under `{section}:`"
        return self.error(code, at, f"there is no {kind} `{value}` in this level", hint)

    def by_display_name(self, kind: str, value: object) -> str:
        """A hint when `value` is not an id but the name players see (`Gold driver` for the
        tier `gold`): conditions and lists name things by their ids."""
        if not isinstance(value, str):
            return ""
        wanted = " ".join(value.split())
        for thing_id, name in self._display_names(kind):
            if " ".join(name.split()) == wanted and thing_id != value:
                return (f"`{value}` is the name players see; the {kind}'s id is "
                        f"`{thing_id}`: write `{thing_id}`")
        return ""

    def _display_names(self, kind: str) -> list[tuple[str, str]]:
        level = self.level
        if kind == "tier":
            return [(t.id, t.name) for t in level.score.tiers]
        if kind == "scene or ending":
            return [(i, p.title) for part in (level.scenes, level.endings)
                    for i, p in part.items()]
        sections: dict[str, dict[str, Any]] = {
            "persona": level.personas, "ruleset": level.rulesets, "service": level.services,
            "contact": level.contacts, "behaviour": level.behaviours,
            "sensor": level.sensors, "watcher": level.watchers, "scene": level.scenes}
        found = sections.get(kind, {})
        return [(i, str(getattr(thing, "name", None) or getattr(thing, "title", "")))
                for i, thing in found.items()]

    @cached_property
    def uses(self) -> Uses:
        """Where each flag and counter is first set and first tested (`index.uses`)."""
        return uses(self.level, self.index)

    def suggest(self, value: object, known: Iterable[str]) -> str:
        """ "did you mean `x`?" or "". Comparing costs time for each id compared, so a file
        with thousands of bad references gets suggestions for the first ones only."""
        known = known if isinstance(known, (list, tuple, set, frozenset)) else list(known)
        self._compared += len(known)
        return did_you_mean(value, known) if self._compared <= _COMPARE_BUDGET else ""

    def _known_hint(self, kind: str, known: Iterable[str], section: str) -> str:
        key = kind  # each kind of id is always looked up in the same set
        if key not in self._hints:
            kinds = _PLURALS.get(kind, kind + "s")
            first = heapq.nsmallest(13, known)  # quoted_list shows 12, then "..."
            self._hints[key] = (
                f"the {kinds} in this level are {quoted_list(first, limit=12)}" if first
                else f"this level has no {kinds} yet: add one under `{section}:`")
        return self._hints[key]
