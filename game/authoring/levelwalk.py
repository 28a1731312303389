"""What can be known about a level without playing it: where each scene can lead, which
scenes can still reach an appeal, which flags and counters are read and written (and where
in the file: `content.index.uses`, the index `validate` reads too), and how many words each
scene asks a player to read."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..content.index import Uses, build_index, uses
from ..core import effects
from ..core.effects import EffectKind
from ..core.model import Effect, Level
from .liveness import Liveness, gotos, liveness

Path = tuple


@dataclass
class LevelFacts:
    exits: dict[str, set[str]] = field(default_factory=dict)   # scene -> scenes/endings next
    appeal_budget: dict[str, int] = field(default_factory=dict)  # scene -> most appeals left
    live: Liveness = field(default_factory=Liveness)            # what can still matter where
    uses: Uses = field(default_factory=Uses)   # where each flag and counter is set and tested

    @classmethod
    def of(cls, level: Level) -> LevelFacts:
        index = build_index(level)
        facts = cls()
        facts.exits = scene_exits(level)
        facts.appeal_budget = appeal_budget(level, facts.exits, index)
        facts.live = liveness(level, facts.exits)
        facts.uses = uses(level, index)
        return facts


def scene_exits(level: Level) -> dict[str, set[str]]:
    """Where each scene's choices can lead (a choice's `goto`, any `goto` effect in it, and
    every ending for `finish`)."""
    exits = {}
    for sid, scene in level.scenes.items():
        targets: set[str] = set()
        for choice in scene.choices:
            targets.update(gotos(choice))
            if choice.finish:
                targets.update(level.endings)
        exits[sid] = targets
    return exits


UNBOUNDED = 1 << 30   # an appeal budget with no limit (a loop through an appeal)


def _appeals(kind: EffectKind, value) -> bool:
    """Whether an effect is an appeal: it reads the score's history (its kind says so)."""
    return any(use.part == "history" for use in kind.reads(value))


def _appeals_in(effect_list: list[Effect]) -> int:
    """The most appeals one list of effects can make (of an `if`, one branch is taken)."""
    total = 0
    for effect in effect_list:
        kind, value = effects.kind_of(effect)
        total += _appeals(kind, value)
        branches = kind.branches(value)
        if branches:
            total += max(_appeals_in(branch.effects) for branch in branches)
    return total


def appeal_budget(level: Level, exits: dict, index) -> dict[str, int]:
    """For each scene from which an appeal can still be made, the most appeals a player can
    still make from there (UNBOUNDED through a loop, or when the blacklist itself appeals).
    Scenes that cannot reach an appeal are left out: there the history matters no more."""
    appeals = [(path, effect) for places in index.effects.values()
               for path, effect in places if _appeals(*effects.kind_of(effect))]
    if not appeals:
        return {}
    if any(path[0] == "blacklist" for path, _ in appeals):
        return dict.fromkeys(level.scenes, UNBOUNDED)
    into: dict[str, set[str]] = {}
    for sid, targets in exits.items():
        for target in targets:
            into.setdefault(target, set()).add(sid)
    live = {path[1] for path, _ in appeals if path[0] == "scenes"}
    todo = list(live)
    while todo:
        for before in into.get(todo.pop(), ()):
            if before not in live:
                live.add(before)
                todo.append(before)
    return _budgets(level, live, exits, into)


def _budgets(level: Level, live: set, exits: dict, into: dict) -> dict[str, int]:
    """Longest-path sums of appeals over the scenes in `live`, in reverse topological order;
    a scene on or before a loop gets UNBOUNDED."""
    waiting = {sid: len(exits[sid] & live) for sid in live}
    ready = [sid for sid, n in waiting.items() if n == 0]
    budget: dict[str, int] = {}
    while ready:
        sid = ready.pop()
        budget[sid] = max((_appeals_in(c.effects) + max(
            (budget[t] for t in gotos(c) if t in live), default=0))
            for c in level.scenes[sid].choices)
        for before in into.get(sid, ()):
            if before in waiting:
                waiting[before] -= 1
                if waiting[before] == 0:
                    ready.append(before)
    return {sid: budget.get(sid, UNBOUNDED) for sid in live}


def words(text: str | None) -> int:
    return len(text.split()) if text else 0


def reading_words(level: Level, scene_id: str, choice_id: str) -> int:
    """Words read for one choice: the scene, its choices' texts, and the chosen one's reply."""
    scene = level.scenes[scene_id]
    total = words(scene.title) + words(scene.text) + sum(words(c.text) for c in scene.choices)
    reply = next((c.reply for c in scene.choices if c.id == choice_id), None)
    return total + words(reply)


__all__ = ["LevelFacts", "appeal_budget", "reading_words", "scene_exits", "words"]
