"""How long a game can be: the shortest and longest way through the state graph, counted in
choices and in minutes (words read at 200 a minute, plus 5 seconds a choice)."""
from __future__ import annotations

import heapq
from dataclasses import dataclass

from ..core.model import Level
from .explore import Reach
from .levelwalk import reading_words, words

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


def lengths(level: Level, reach: Reach, scenes: list | None = None,
            endings: list | None = None) -> Lengths:
    """`scenes` and `endings` are the reach's columns, if the caller has them already."""
    scenes = reach.column("scene") if scenes is None else scenes
    endings = reach.column("ending") if endings is None else endings
    ends = [i for i, e in enumerate(endings) if e is not None]
    if not ends:
        return Lengths(None, None, None, None, None)
    out = _out(level, reach, scenes)
    end_minutes = {e: (words(level.endings[e].title) + words(level.endings[e].text))
                   / WORDS_PER_MINUTE for e in level.endings}
    shortest = min(reach.depth[i] for i in ends)
    order, loop = _topological(out, endings)
    if loop is not None:
        fastest = _dijkstra(out)
        short_min = min(fastest[i] + end_minutes[endings[i]] for i in ends)
        return Lengths(shortest, None, round(short_min, 1), None, scenes[loop])
    # no loop: one pass in topological order gives the fastest and the longest games
    inf = float("inf")
    fastest = [inf] * len(out)
    most_choices = [-1] * len(out)
    most_minutes = [-1.0] * len(out)
    fastest[0], most_choices[0], most_minutes[0] = 0.0, 0, 0.0
    for i in order:
        if most_choices[i] < 0:
            continue
        fast_i, choices_i, minutes_i = fastest[i], most_choices[i] + 1, most_minutes[i]
        for j, m in out[i]:
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


def _out(level: Level, reach: Reach, scenes: list) -> list[list[tuple[int, float]]]:
    """Each state's moves, as (the state it leads to, minutes to read and choose)."""
    minutes: dict[tuple[str, str], float] = {}
    out: list[list[tuple[int, float]]] = [[] for _ in scenes]
    for i, j, choice_id in reach.edges:
        key = (scenes[i], choice_id)
        m = minutes.get(key)
        if m is None:
            m = minutes[key] = (reading_words(level, *key) / WORDS_PER_MINUTE
                                + SECONDS_PER_CHOICE / 60)
        out[i].append((j, m))
    return out


def _dijkstra(out: list[list[tuple[int, float]]]) -> list[float]:
    best = [float("inf")] * len(out)
    best[0] = 0.0
    heap = [(0.0, 0)]
    while heap:
        d, i = heapq.heappop(heap)
        if d > best[i]:
            continue
        for j, m in out[i]:
            if d + m < best[j]:
                best[j] = d + m
                heapq.heappush(heap, (d + m, j))
    return best


def _topological(out: list[list[tuple[int, float]]],
                 endings: list) -> tuple[list[int], int | None]:
    """States in an order where every edge goes forward, or a state on a loop that can still
    lead to an ending (a loop that cannot is a dead end, reported elsewhere)."""
    incoming = [0] * len(out)
    for targets in out:
        for j, _ in targets:
            incoming[j] += 1
    ready = [i for i, n in enumerate(incoming) if n == 0]
    order = []
    while ready:
        i = ready.pop()
        order.append(i)
        for j, _ in out[i]:
            incoming[j] -= 1
            if incoming[j] == 0:
                ready.append(j)
    if len(order) == len(out):
        return order, None
    stuck = [i for i, n in enumerate(incoming) if n > 0]
    ending_reachable = _can_finish(out, endings)
    on_loop = next((i for i in stuck if ending_reachable[i]), None)
    if on_loop is None:   # what is stuck behind such a loop cannot finish either
        return order, None
    return order, on_loop


def _can_finish(out: list[list[tuple[int, float]]], endings: list) -> list[bool]:
    into: list[list[int]] = [[] for _ in out]
    for i, targets in enumerate(out):
        for j, _ in targets:
            into[j].append(i)
    ok = [e is not None for e in endings]
    todo = [i for i, v in enumerate(ok) if v]
    while todo:
        for i in into[todo.pop()]:
            if not ok[i]:
                ok[i] = True
                todo.append(i)
    return ok
