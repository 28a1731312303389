"""What one persona x ruleset reached, as plain data: small enough to send back from a
worker process, and all the checks and reports need."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from ..core.model import Level
from .explore import Reach
from .paths import Lengths, lengths


@dataclass(frozen=True)
class Walk:
    """A way through the level: the choices made (ids and the numbers shown), and whether
    it only works when the dice fall a certain way (a sensor misses, an appeal wins)."""
    ids: tuple[str, ...]
    numbers: tuple[int, ...]
    lucky: bool = False
    scenes: tuple[str, ...] = ()   # the scene each choice was made in

    def __len__(self) -> int:
        return len(self.ids)

    def numbers_text(self) -> str:
        return ",".join(map(str, self.numbers))


@dataclass
class EndingReach:
    low: int
    high: int
    walk: Walk


@dataclass
class ComboResult:
    persona: str
    ruleset: str
    states: int = 0
    complete: bool = True
    scene_scores: dict[str, list[int]] = field(default_factory=dict)   # scene -> [low, high]
    shown: set[tuple[str, str]] = field(default_factory=set)    # (scene, choice) ever shown
    opened: set[tuple[str, str]] = field(default_factory=set)   # (scene, choice) ever open
    dead_ends: dict[str, Walk] = field(default_factory=dict)     # scene -> shortest way there
    endings: dict[str, EndingReach] = field(default_factory=dict)
    flags_seen: set[str] = field(default_factory=set)
    counters_seen: set[str] = field(default_factory=set)
    services_open: set[str] = field(default_factory=set)     # open in some state
    services_closed: set[str] = field(default_factory=set)   # closed in some state
    lengths: Lengths | None = None
    traps: dict[str, Walk] = field(default_factory=dict)   # scene -> shortest way into a trap
    trap_scenes: dict[str, set[str]] = field(default_factory=dict)   # scene -> its trap's

    @property
    def who(self) -> str:
        return f"{self.persona} x {self.ruleset}"


def walk_to(reach: Reach, index: int) -> Walk:
    moves = reach.path_to(index)
    scenes = []
    i = index
    while reach.parent[i] >= 0:
        i = reach.parent[i]
        scenes.append(reach.states[i].scene)
    return Walk(tuple(cid for cid, _ in moves), tuple(n for _, n in moves),
                reach.lucky[index], tuple(scenes[::-1]))


def summarize(level: Level, reach: Reach) -> ComboResult:
    result = ComboResult(reach.persona, reach.ruleset, len(reach.states), reach.complete,
                         shown=set(reach.shown), opened=set(reach.opened),
                         flags_seen=set(reach.flags_seen),
                         counters_seen=set(reach.counters_seen))
    all_services = set(level.services)
    for opened in {state.open_services for state in reach.states}:
        result.services_open.update(opened)
        result.services_closed |= all_services.difference(opened)
    scenes = [state.scene for state in reach.states]
    scores = [state.score for state in reach.states]
    endings = [state.ending for state in reach.states]
    ranges = result.scene_scores
    ends: dict[str, list[int]] = {}   # ending -> [low, high, the state with the best way]
    depth, lucky = reach.depth, reach.lucky
    for i, (scene, score) in enumerate(zip(scenes, scores)):
        if scene is not None:
            low_high = ranges.get(scene)
            if low_high is None:
                ranges[scene] = [score, score]
            elif score < low_high[0]:
                low_high[0] = score
            elif score > low_high[1]:
                low_high[1] = score
            continue
        found = ends.get(endings[i])
        if found is None:
            ends[endings[i]] = [score, score, i]
            continue
        found[0], found[1] = min(found[0], score), max(found[1], score)
        if (depth[i], lucky[i]) < (depth[found[2]], lucky[found[2]]):
            found[2] = i
    for ending, (low, high, i) in ends.items():
        result.endings[ending] = EndingReach(low, high, walk_to(reach, i))
    stuck = set(reach.stuck)
    best_stuck: dict[str, int] = {}   # scene -> the stuck state with the best way there
    for i in reach.stuck:
        j = best_stuck.get(scenes[i])
        if j is None or (depth[i], lucky[i]) < (depth[j], lucky[j]):
            best_stuck[scenes[i]] = i
    for scene, i in best_stuck.items():
        result.dead_ends[scene] = walk_to(reach, i)
    for scene, walk in result.dead_ends.items():
        if walk.lucky and _sure(reach, walk, lambda j, scene=scene: j in stuck
                                and scenes[j] == scene):
            result.dead_ends[scene] = replace(walk, lucky=False)
    for ending, found in result.endings.items():
        if found.walk.lucky and _sure(reach, found.walk,
                                      lambda j, e=ending: endings[j] == e):
            found.walk = replace(found.walk, lucky=False)
    result.lengths = lengths(level, reach)
    if reach.complete:
        _find_traps(reach, scenes, endings, result)
    return result


def _find_traps(reach: Reach, scenes: list, endings: list, result: ComboResult) -> None:
    """Traps: states from which no ending can be reached although a choice is always open
    (from a dead end no ending can be reached either, but A403 says so). For each scene
    where a game first falls into one, the shortest way there; and the scenes inside."""
    n, edges = len(scenes), reach.edges
    into: list[list[int]] = [[] for _ in range(n)]
    for i, j, _ in edges:
        into[j].append(i)
    can_end = _backwards(into, [i for i in range(n) if endings[i] is not None])
    if all(can_end):
        return
    doomed = _backwards(into, list(reach.stuck))   # some way leads into a dead end
    trapped = [not can_end[i] and not doomed[i] for i in range(n)]
    entries: dict[str, int] = {}   # scene -> the state with the best way into a trap there
    for i in range(n):
        if trapped[i] and (reach.parent[i] < 0 or not trapped[reach.parent[i]]):
            best = entries.get(scenes[i])
            if best is None or ((reach.depth[i], reach.lucky[i])
                                < (reach.depth[best], reach.lucky[best])):
                entries[scenes[i]] = i
    for scene, i in entries.items():
        result.traps[scene] = walk_to(reach, i)
        result.trap_scenes[scene] = {scenes[j] for j in _onwards(reach, i)}


def _onwards(reach: Reach, start: int) -> set[int]:
    """The states reachable from `start` (its own included)."""
    first, edges = reach.first_edge, reach.edges
    seen, todo = {start}, [start]
    while todo:
        i = todo.pop()
        for _, j, _ in edges[first[i]:first[i + 1]]:
            if j not in seen:
                seen.add(j)
                todo.append(j)
    return seen


def _backwards(into: list[list[int]], targets: list[int]) -> list[bool]:
    """Which states can reach one of `targets`."""
    ok = [False] * len(into)
    for i in targets:
        ok[i] = True
    todo = list(targets)
    while todo:
        for i in into[todo.pop()]:
            if not ok[i]:
                ok[i] = True
                todo.append(i)
    return ok


def _first(edge: tuple) -> int:
    return edge[0]


def _sure(reach: Reach, walk: Walk, arrived) -> bool:
    """Whether making the walk's choices, in order, arrives (`arrived(state index)`) however
    the dice fall. A walk is found along one fall of the dice; often the others lead to the
    same place (a missed camera only changes the score), and then it needs no luck."""
    edges, here = reach.edges, {0}
    for choice_id in walk.ids:   # edges are in the order their states were expanded
        after = set()
        for i in here:
            start = bisect_left(edges, i, key=_first)
            targets = [j for k, j, c in edges[start:bisect_right(edges, i, key=_first)]
                       if c == choice_id]
            if not targets:
                return False   # the choice is locked, or the game is over, this way
            after.update(targets)
        here = after
    return all(arrived(j) for j in here)
