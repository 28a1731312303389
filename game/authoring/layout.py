"""Where each scene, ending and choice of a level goes in its picture: a layered layout
(Sugiyama's method, kept small), shared by the SVG and the PNG the game draws itself.

1. Loops are broken: a choice that leads back up (found by a depth-first walk from the start)
   is drawn as a curve on the side, not counted for the rows.
2. Rows: each scene sits one row below the lowest scene that leads to it (the longest way
   from the start); the endings share the bottom row.
3. A choice that skips rows passes through a point in each row it crosses, so that the
   order of each row can keep it straight.
4. Each row is ordered by the mean place of its neighbours above, then below (a few sweeps).
5. Each box is placed over its neighbours, pushed apart so that none overlap.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .storygraph import Edge, Node

NODE_W, NODE_H = 196, 46
GAP_X, GAP_Y = 36, 84
LABEL_LINE = 12   # a label line's height
LABEL_CHAR = 5.6  # about how wide a label's character is
MARGIN = 28
SWEEPS = 6
START = "__start__"


@dataclass
class Box:
    id: str
    lines: list[str]
    kind: str            # "scene" | "ending" | "finish" | "start" | "missing" | "point"
    basis: str = ""
    x: float = 0.0       # the centre
    y: float = 0.0
    w: float = NODE_W
    h: float = NODE_H
    problems: list[int] = field(default_factory=list)   # numbers in the problem list
    room: float = 0.0    # the width its row keeps free for it (its labels can be wider)


@dataclass
class Route:
    source: str
    target: str
    label: str
    style: str           # "open" | "locked" | "effect"
    points: list[tuple[float, float]] = field(default_factory=list)
    back: bool = False   # leads back up: drawn as a curve on the right
    broken: bool = False  # leads to a scene or ending that does not exist
    via: list[str] = field(default_factory=list)   # the points it passes in skipped rows
    label_at: tuple[float, float] = (0.0, 0.0)     # the centre of its label
    label_into: bool = False   # its label goes by its end (the finish step's conditions)

    @property
    def label_height(self) -> float:
        return len(self.label.split("\n")) * LABEL_LINE + 4 if self.label else 0


@dataclass
class Drawing:
    title: str
    width: float
    height: float
    boxes: dict[str, Box]
    routes: list[Route]
    problems: list[str] = field(default_factory=list)   # numbered from 1, in order
    bottom: float = 0.0  # where the picture ends and the legend and problems begin


def lay_out(title: str, start: str, nodes: list[Node], edges: list[Edge]) -> Drawing:
    """The drawing of a level's graph (`graph.level_graph`): boxes and routes placed."""
    boxes = {START: Box(START, ["start"], "start", w=64, h=32)}
    for node in nodes:
        finish = node.kind == "finish"
        boxes[node.id] = Box(node.id, node.label.split("\n"), node.kind, node.basis,
                             w=NODE_W + 44 if finish else NODE_W, h=74 if finish else NODE_H)
    routes = _merged([Edge(START, start, "", "open"), *edges])
    for route in routes:
        if route.target not in boxes:
            boxes[route.target] = Box(route.target, [f"`{route.target}`?", "no such scene"],
                                      "missing")
            route.broken = True
    back = _back_edges(boxes, routes)
    for route in routes:
        route.back = (route.source, route.target) in back or route.source == route.target
    for route in routes:
        if not route.back and route.label:
            box = boxes[route.target if _into(route, boxes) else route.source]
            widest = max(len(line) for line in route.label.split("\n")) * LABEL_CHAR + 8
            box.room = max(box.room, widest)
    rows = _rows(boxes, routes)
    layers = _with_points(boxes, routes, rows)
    _order(layers, routes, boxes)
    _place(layers, boxes, routes, _label_room(layers, routes))
    width = max((b.x + b.w / 2 for b in boxes.values()), default=0) + MARGIN + 60
    bottom = max((b.y + b.h / 2 for b in boxes.values()), default=0) + MARGIN
    for route in routes:
        _route_points(route, boxes)
    _place_labels(routes, boxes)
    return Drawing(title, max(width, 520), bottom, boxes, routes, [], bottom)


def _into(route: Route, boxes: dict[str, Box]) -> bool:
    """Whether a route's label goes by its end: a condition of the finish step, which
    belongs to the ending it picks. Marks the route so."""
    route.label_into = boxes[route.source].kind == "finish" and not route.back
    return route.label_into


def _merged(edges: list[Edge]) -> list[Route]:
    """One route per (source, target, style): two choices between the same places share an
    arrow, with both labels."""
    found: dict[tuple, Route] = {}
    for e in edges:
        key = (e.source, e.target, e.style)
        if key in found:
            found[key].label += "\n" + e.label
        else:
            found[key] = Route(e.source, e.target, e.label, e.style)
    return list(found.values())


def _back_edges(boxes: dict[str, Box], routes: list[Route]) -> set[tuple[str, str]]:
    """The edges a depth-first walk from the start finds leading back to a box on its way."""
    nexts: dict[str, list[str]] = {b: [] for b in boxes}
    for r in routes:
        nexts[r.source].append(r.target)
    state: dict[str, int] = {}   # 1: on the way, 2: done
    back: set[tuple[str, str]] = set()
    for root in [START, *boxes]:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(nexts[root]))]
        while stack:
            here, todo = stack[-1]
            there = next(todo, None)
            if there is None:
                state[here] = 2
                stack.pop()
            elif state.get(there) == 1:
                back.add((here, there))
            elif there not in state:
                state[there] = 1
                stack.append((there, iter(nexts[there])))
    return back


def _rows(boxes: dict[str, Box], routes: list[Route]) -> dict[str, int]:
    """Each box's row: one below the lowest box leading to it; endings on the bottom row."""
    forward = [(r.source, r.target) for r in routes if not r.back]
    row = dict.fromkeys(boxes, 0)
    incoming = dict.fromkeys(boxes, 0)
    for _, target in forward:
        incoming[target] += 1
    ready = [b for b, n in incoming.items() if n == 0]
    outs: dict[str, list[str]] = {b: [] for b in boxes}
    for source, target in forward:
        outs[source].append(target)
    while ready:
        here = ready.pop()
        for there in outs[here]:
            row[there] = max(row[there], row[here] + 1)
            incoming[there] -= 1
            if incoming[there] == 0:
                ready.append(there)
    endings = [b for b, box in boxes.items() if box.kind == "ending"]
    if endings:
        last = max(row.values())
        others = [row[b] for b, box in boxes.items() if box.kind not in ("ending",)]
        last = max(others, default=0) + 1 if others else last
        for b in endings:
            row[b] = last
    return row


def _with_points(boxes: dict[str, Box], routes: list[Route],
                 rows: dict[str, int]) -> list[list[str]]:
    """The rows as lists of box ids, with a point added in every row a route skips over
    (their ids go in `Route.via`)."""
    count = max(rows.values(), default=0) + 1
    layers: list[list[str]] = [[] for _ in range(count)]
    for b in boxes:
        layers[rows[b]].append(b)
    for n, route in enumerate(routes):
        if route.back:
            continue
        low, high = rows[route.source], rows[route.target]
        ids = []
        for k in range(low + 1, high):
            pid = f"__point_{n}_{k}"
            boxes[pid] = Box(pid, [], "point", w=12, h=12)
            rows[pid] = k
            layers[k].append(pid)
            ids.append(pid)
        route.via = ids
    return layers


def _links(routes: list[Route]) -> list[tuple[str, str]]:
    """Every pair of neighbouring rows' boxes a forward route joins (through its points)."""
    pairs = []
    for r in routes:
        if r.back:
            continue
        chain = [r.source, *r.via, r.target]
        pairs += list(zip(chain, chain[1:]))
    return pairs


def _order(layers: list[list[str]], routes: list[Route], boxes: dict[str, Box]) -> None:
    """Order each row by the mean place of its neighbours (down, then up, a few times)."""
    ups: dict[str, list[str]] = {b: [] for b in boxes}
    downs: dict[str, list[str]] = {b: [] for b in boxes}
    for a, b in _links(routes):
        downs[a].append(b)
        ups[b].append(a)
    place = {b: i for layer in layers for i, b in enumerate(layer)}
    for sweep in range(SWEEPS):
        going_down = sweep % 2 == 0
        order = layers[1:] if going_down else layers[-2::-1]
        for layer in order:
            near = ups if going_down else downs
            def key(b: str, near=near) -> float:
                seen = [place[n] for n in near[b]]
                return sum(seen) / len(seen) if seen else place[b]
            layer.sort(key=key)
            for i, b in enumerate(layer):
                place[b] = i


def _label_room(layers: list[list[str]], routes: list[Route]) -> list[float]:
    """The room under each row for the labels of the routes leaving it, stacked."""
    stacked: dict[str, float] = {}
    for r in routes:
        if not r.back and not r.label_into:
            stacked[r.source] = stacked.get(r.source, 0) + r.label_height + 2
    return [max(GAP_Y, max((stacked.get(b, 0) for b in layer), default=0) + 30)
            for layer in layers]


def _place_labels(routes: list[Route], boxes: dict[str, Box]) -> None:
    """Each forward route's label under the box it leaves, the labels of one box stacked
    one under the other (its row keeps room for the widest, so that none overlap); a route
    back up has its label beside its curve."""
    below: dict[str, float] = {}
    for r in routes:
        if r.back:
            r.label_at = ((r.points[1][0] + r.points[2][0]) / 2 + 6,
                          (r.points[1][1] + r.points[2][1]) / 2)
            continue
        if r.label_into:   # the finish step's condition for an ending: just above it
            x1, y1 = r.points[-1]
            r.label_at = (x1, y1 - 10 - r.label_height / 2)
            continue
        x0, y0 = r.points[0]
        top = below.get(r.source, y0 + 8)
        below[r.source] = top + r.label_height + 2
        r.label_at = (x0, top + r.label_height / 2)   # under its box, whose row keeps room


def _place(layers: list[list[str]], boxes: dict[str, Box], routes: list[Route],
           room: list[float]) -> None:
    """x over the neighbours above (then below), pushed apart; y by row, with `room` under
    each row for its labels."""
    ups: dict[str, list[str]] = {b: [] for b in boxes}
    downs: dict[str, list[str]] = {b: [] for b in boxes}
    for a, b in _links(routes):
        downs[a].append(b)
        ups[b].append(a)
    y = MARGIN + 40.0
    for layer, gap in zip(layers, room):
        tallest = max((boxes[b].h for b in layer), default=0.0)
        for b in layer:
            boxes[b].y = y + tallest / 2
        x = float(MARGIN)
        for b in layer:
            boxes[b].x = x + boxes[b].w / 2
            x += boxes[b].w + GAP_X
        y += tallest + gap
    for near, order in ((ups, layers[1:]), (downs, layers[-2::-1]), (ups, layers[1:])):
        for layer in order:
            for b in layer:
                seen = [boxes[n].x for n in near[b]]
                if seen:
                    boxes[b].x = sum(seen) / len(seen)
            _spread(layer, boxes)
    left = min((boxes[b].x - boxes[b].w / 2 for b in boxes), default=MARGIN)
    for box in boxes.values():
        box.x += MARGIN - left


def _spread(layer: list[str], boxes: dict[str, Box]) -> None:
    """Push the boxes of one row apart, in order, keeping them near where they want to be."""
    for i in range(1, len(layer)):
        a, b = boxes[layer[i - 1]], boxes[layer[i]]
        least = a.x + _half(a) + GAP_X + _half(b)
        if b.x < least:
            b.x = least
    for i in range(len(layer) - 2, -1, -1):
        a, b = boxes[layer[i]], boxes[layer[i + 1]]
        most = b.x - _half(b) - GAP_X - _half(a)
        if a.x > most:
            a.x = most


def _half(box: Box) -> float:
    return max(box.w, box.room) / 2


def _route_points(route: Route, boxes: dict[str, Box]) -> None:
    """The route's corner points, from the bottom of its source to the top of its target
    (a route back up leaves and enters on the right side)."""
    s, t = boxes[route.source], boxes[route.target]
    if route.back:
        out = (s.x + s.w / 2, s.y)
        into = (t.x + t.w / 2, t.y)
        bulge = max(out[0], into[0]) + 40 + abs(out[1] - into[1]) * 0.15
        route.points = [out, (bulge, out[1]), (bulge, into[1]), into]
        return
    via = [(boxes[p].x, boxes[p].y) for p in route.via]
    route.points = [(s.x, s.y + s.h / 2), *via, (t.x, t.y - t.h / 2)]


def label_place(route: Route) -> tuple[float, float]:
    """Where a route's label goes (its centre; for a route back up, its left end)."""
    return route.label_at
