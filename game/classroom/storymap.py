"""The story-map heat view: a level's scenes as boxes in rows (by distance from the start),
shaded by how many players passed each one, with the links players took drawn thicker.

Built from the `map` each session file carries (scenes, endings, links), so the class report
does not need the level file.
"""
from __future__ import annotations

from collections import Counter, deque
from html import escape

from .svg import ACCENT, INK, LINE, MUTED, _n, _open, text

NODE_W, NODE_H, GAP_X, GAP_Y = 132, 40, 12, 26


def passes(chapters: list[dict]) -> tuple[Counter, Counter]:
    """(players per scene or ending, players per link) over these played chapters."""
    nodes, links = Counter(), Counter()
    for ch in chapters:
        path = list(ch.get("scenes", []))
        if ch.get("ending"):
            path.append(ch["ending"]["id"])
        nodes.update(set(path))
        links.update({(a, b) for a, b in zip(path, path[1:]) if a != b})
    return nodes, links


def _layers(story: dict, links: Counter) -> list[list[str]]:
    """Scenes by distance from the start (breadth first), then the endings in a last row."""
    endings = [e for e, _ in story["endings"]]
    scenes = [s for s, _ in story["scenes"]]
    nexts: dict[str, list[str]] = {}
    for a, b in list(story["edges"]) + [list(k) for k in links]:
        nexts.setdefault(a, []).append(b)
    depth = {story["start"]: 0}
    todo = deque([story["start"]])
    while todo:
        here = todo.popleft()
        for there in nexts.get(here, []):
            if there not in depth and there not in endings:
                depth[there] = depth[here] + 1
                todo.append(there)
    rows: dict[int, list[str]] = {}
    for s in scenes:
        rows.setdefault(depth.get(s, max(depth.values(), default=0) + 1), []).append(s)
    layers = [rows[k] for k in sorted(rows)]
    return layers + [endings] if endings else layers


def _wrap_rows(layers: list[list[str]], per_row: int) -> list[list[str]]:
    out = []
    for layer in layers:
        out += [layer[i:i + per_row] for i in range(0, len(layer), per_row)] or [[]]
    return out


def heat_map(story: dict, nodes: Counter, links: Counter, players: int,
             width: int = 700, title: str = "Story map") -> str:
    """The SVG heat view of one level's story."""
    titles = dict(story["scenes"]) | dict(story["endings"])
    per_row = max(1, (width + GAP_X) // (NODE_W + GAP_X))
    rows = _wrap_rows(_layers(story, links), per_row)
    pos = {}
    for r, row in enumerate(rows):
        offset = (width - (len(row) * (NODE_W + GAP_X) - GAP_X)) / 2
        for c, node in enumerate(row):
            pos[node] = (offset + c * (NODE_W + GAP_X), 6 + r * (NODE_H + GAP_Y))
    height = 12 + len(rows) * (NODE_H + GAP_Y)
    out = [_open(width, height, title, "chart storymap")]
    out += _edges(story, links, pos, players)
    endings = {e for e, _ in story["endings"]}
    for node, (x, y) in pos.items():
        out.append(_node(node, titles.get(node, node), x, y, nodes.get(node, 0), players,
                         node in endings))
    out.append("</svg>")
    return "".join(out)


def _edges(story: dict, links: Counter, pos: dict, players: int) -> list[str]:
    out = []
    pairs = {tuple(e) for e in story["edges"]} | set(links)
    for a, b in sorted(pairs):
        if a not in pos or b not in pos:
            continue
        n = links.get((a, b), 0)
        (ax, ay), (bx, by) = pos[a], pos[b]
        x1, y1 = ax + NODE_W / 2, ay + NODE_H
        x2, y2 = bx + NODE_W / 2, by
        if by == ay:   # side by side: a straight link between the facing sides
            left, right = ((ax + NODE_W, bx) if bx > ax else (ax, bx + NODE_W))
            d = f"M{_n(left)},{_n(ay + NODE_H / 2)} L{_n(right)},{_n(by + NODE_H / 2)}"
        elif by < ay:   # a link back up: curve it round the side
            x1, y1, x2, y2 = ax + NODE_W, ay + NODE_H / 2, bx + NODE_W, by + NODE_H / 2
            bend = max(x1, x2) + 30
            d = f"M{_n(x1)},{_n(y1)} C{_n(bend)},{_n(y1)} {_n(bend)},{_n(y2)} {_n(x2)},{_n(y2)}"
        else:
            mid = (y1 + y2) / 2
            d = f"M{_n(x1)},{_n(y1)} C{_n(x1)},{_n(mid)} {_n(x2)},{_n(mid)} {_n(x2)},{_n(y2)}"
        w = 1 + 5 * n / max(1, players)
        color = ACCENT if n else LINE
        opacity = 0.35 + 0.5 * n / max(1, players) if n else 1
        out.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{_n(w)}" '
                   f'stroke-opacity="{_n(opacity)}"/>')
    return out


def _shade(share: float) -> str:
    """White to the accent colour, by the share of players."""
    lo, hi = (255, 255, 255), (58, 84, 214)
    r, g, b = (round(a + (c - a) * share) for a, c in zip(lo, hi))
    return f"#{r:02x}{g:02x}{b:02x}"


def _node(node: str, label: str, x: float, y: float, n: int, players: int,
          ending: bool) -> str:
    share = n / max(1, players)
    ink = "#ffffff" if share > 0.55 else INK
    border = MUTED if ending else LINE
    shape = (f'<rect x="{_n(x)}" y="{_n(y)}" width="{NODE_W}" height="{NODE_H}" '
             f'rx="{14 if ending else 5}" fill="{_shade(share)}" stroke="{border}"/>')
    name = label if len(label) <= 20 else label[:19] + "…"
    return (f'<g><title>{escape(label)}: {n} of {players} players</title>{shape}'
            + text(x + NODE_W / 2, y + 16, name, "middle", 10, ink, "600")
            + text(x + NODE_W / 2, y + 31, f"{n} of {players}", "middle", 10, ink) + "</g>")
