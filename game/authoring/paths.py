"""How long a game can be: the shortest and longest way through the state graph, counted in
choices and in minutes (words read at 200 a minute, plus 5 seconds a choice)."""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter

from ..core.model import Level
from .explore import Reach
from .levelwalk import reading_words, scene_exits, words

WORDS_PER_MINUTE = 200
SECONDS_PER_CHOICE = 5


@dataclass(frozen=True)
class Lengths:
    """Shortest and longest game in choices and minutes; the longest are None when a loop
    lets a player go round for ever (`loop` then names a scene on it)."""
    shortest_choices: int | None
    longest_choices: int | None
    shortest_minutes: float | None
    longest_minutes: float | None
    loop: str | None


def lengths(level: Level, reach: Reach) -> Lengths:
    scenes = [state.scene for state in reach.states]
    endings = [state.ending for state in reach.states]
    ends = [i for i, e in enumerate(endings) if e is not None]
    if not ends:
        return Lengths(None, None, None, None, None)
    moves = _Moves(level, reach, scenes)
    end_minutes = {e: (words(level.endings[e].title) + words(level.endings[e].text))
                   / WORDS_PER_MINUTE for e in level.endings}
    shortest = min(reach.depth[i] for i in ends)
    order, loop = _by_scene(level, scenes) or _topological(moves, endings)
    if loop is not None:
        fastest = _dijkstra(moves)
        short_min = min(fastest[i] + end_minutes[endings[i]] for i in ends)
        return Lengths(shortest, None, round(short_min, 1), None, scenes[loop])
    # no loop: one pass in topological order gives the fastest and the longest games
    n, first, to, choice, cost = len(scenes), moves.first, moves.to, moves.choice, moves.cost
    inf = float("inf")
    fastest = [inf] * n
    most_choices = [-1] * n
    most_minutes = [-1.0] * n
    fastest[0], most_choices[0], most_minutes[0] = 0.0, 0, 0.0
    for i in order:
        start, stop = first[i], first[i + 1]
        if start == stop or most_choices[i] < 0:
            continue
        fast_i, choices_i, minutes_i = fastest[i], most_choices[i] + 1, most_minutes[i]
        row = cost[scenes[i]]
        for e in range(start, stop):
            j, m = to[e], row[choice[e]]
            if fast_i + m < fastest[j]:
                fastest[j] = fast_i + m
            if choices_i > most_choices[j]:
                most_choices[j] = choices_i
            if minutes_i + m > most_minutes[j]:
                most_minutes[j] = minutes_i + m
    short_min = min(fastest[i] + end_minutes[endings[i]] for i in ends)
    long_min = max(most_minutes[i] + end_minutes[endings[i]] for i in ends)
    return Lengths(shortest, max(most_choices[i] for i in ends), round(short_min, 1),
                   round(long_min, 1), None)


class _Moves:
    """The reach's edges as flat lists: state i's moves are `first[i]` to `first[i + 1]`,
    each to state `to[e]` by choice `choice[e]`, which takes `cost[scene][choice]` minutes
    (to read the scene and choose; `minutes[e]` for each edge). Edges are in the order their
    states were expanded, so each state's are together."""

    def __init__(self, level: Level, reach: Reach, scenes: list) -> None:
        n = len(scenes)
        self.n, self.scenes = n, scenes
        edges = reach.edges
        self.first = reach.first_edge
        self.to = list(map(itemgetter(1), edges))
        self.choice = list(map(itemgetter(2), edges))
        self.cost = {sid: {c.id: reading_words(level, sid, c.id) / WORDS_PER_MINUTE
                           + SECONDS_PER_CHOICE / 60 for c in scene.choices}
                     for sid, scene in level.scenes.items()}

    @property
    def minutes(self) -> list[float]:
        """Each edge's minutes (built when asked: the pass without loops reads `cost`)."""
        scenes, cost, first = self.scenes, self.cost, self.first
        return [cost[scenes[i]][c] for i in range(self.n)
                for c in self.choice[first[i]:first[i + 1]]]

    def out(self, i: int) -> list[int]:
        return self.to[self.first[i]:self.first[i + 1]]


def _dijkstra(moves: _Moves) -> list[float]:
    best = [float("inf")] * moves.n
    best[0] = 0.0
    heap = [(0.0, 0)]
    first, to, minutes = moves.first, moves.to, moves.minutes
    while heap:
        d, i = heapq.heappop(heap)
        if d > best[i]:
            continue
        for e in range(first[i], first[i + 1]):
            j, m = to[e], minutes[e]
            if d + m < best[j]:
                best[j] = d + m
                heapq.heappush(heap, (d + m, j))
    return best


def _by_scene(level: Level, scenes: list) -> tuple[list[int], None] | None:
    """Where no choice can lead back to an earlier scene, the states in the order of their
    scenes are in an order where every edge goes forward (and there is no loop); else None.
    This needs no pass over the edges."""
    exits = scene_exits(level)
    incoming = dict.fromkeys(level.scenes, 0)
    for targets in exits.values():
        for target in targets:
            if target in incoming:
                incoming[target] += 1
    ready = [sid for sid, n in incoming.items() if n == 0]
    rank: dict = {}
    while ready:
        sid = ready.pop()
        rank[sid] = len(rank)
        for target in exits[sid]:
            if target in incoming:
                incoming[target] -= 1
                if incoming[target] == 0:
                    ready.append(target)
    if len(rank) < len(incoming):
        return None
    ranks = list(map(rank.get, scenes, repeat(len(rank))))   # endings last
    return sorted(range(len(scenes)), key=ranks.__getitem__), None


def _topological(moves: _Moves, endings: list) -> tuple[list[int], int | None]:
    """States in an order where every edge goes forward, or a state on a loop that can still
    lead to an ending (a loop that cannot is a dead end, reported elsewhere)."""
    incoming = [0] * moves.n
    for j in moves.to:
        incoming[j] += 1
    ready = [i for i, n in enumerate(incoming) if n == 0]
    order = []
    first, to = moves.first, moves.to
    while ready:
        i = ready.pop()
        order.append(i)
        for j in to[first[i]:first[i + 1]]:
            incoming[j] -= 1
            if incoming[j] == 0:
                ready.append(j)
    if len(order) == moves.n:
        return order, None
    stuck = [i for i, n in enumerate(incoming) if n > 0]
    ending_reachable = _can_finish(moves, endings)
    on_loop = next((i for i in stuck if ending_reachable[i]), None)
    if on_loop is None:   # what is stuck behind such a loop cannot finish either
        return order, None
    return order, on_loop


def _can_finish(moves: _Moves, endings: list) -> list[bool]:
    into: list[list[int]] = [[] for _ in range(moves.n)]
    for i in range(moves.n):
        for j in moves.out(i):
            into[j].append(i)
    ok = [e is not None for e in endings]
    todo = [i for i, v in enumerate(ok) if v]
    while todo:
        for i in into[todo.pop()]:
            if not ok[i]:
                ok[i] = True
                todo.append(i)
    return ok
