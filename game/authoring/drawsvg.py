"""A level's picture as SVG, drawn by the game from its layout (`layout.py`): no Graphviz.

Scenes are styled by their basis (the colours and borders of `graph.STYLE`), endings gold,
the `finish` step a diamond; a choice is an arrow with its number and text, dashed when it
has `needs`, dotted for a `goto` inside its effects; a choice back up is a curve on the
right. A level with problems is drawn too: each box with a problem has a red border and the
problem's number, a `goto` to nowhere ends at a red "no such scene" box, and the problems
are listed under the picture with their lines.
"""
from __future__ import annotations

from html import escape

from .storygraph import ENDING, STYLE
from .layout import LABEL_CHAR, Box, Drawing, Route, label_place

FONT = "Inter, Helvetica, Arial, sans-serif"
INK, MUTED, RED, LINE = "#111827", "#4b5563", "#b91c1c", "#6b7280"
DASH = {"solid": "", "dashed": "7 4", "dotted": "2 3"}
LINE_H = 13          # a label line's height
LEGEND_H = 44
PROBLEM_H = 18


def box_style(box: Box) -> tuple[str, str, str]:
    """(fill, border, line style) of a box."""
    if box.kind == "ending":
        return ENDING[0], ENDING[1], "solid"
    if box.kind == "scene":
        return STYLE.get(box.basis, STYLE["fiction"])
    if box.kind == "missing":
        return "#fee2e2", RED, "dashed"
    if box.kind == "start":
        return "#bbf7d0", "#15803d", "solid"
    return "#e5e7eb", LINE, "solid"


def route_style(route: Route) -> tuple[str, str]:
    """(colour, line style) of a route."""
    if route.broken:
        return RED, "dashed"
    return LINE, {"open": "solid", "locked": "dashed", "effect": "dotted"}[route.style]


def full_height(d: Drawing) -> float:
    return d.bottom + LEGEND_H + (PROBLEM_H * (len(d.problems) + 1) + 12 if d.problems else 0)


def to_svg(d: Drawing) -> str:
    height = full_height(d)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{d.width:.0f}" '
           f'height="{height:.0f}" viewBox="0 0 {d.width:.0f} {height:.0f}" '
           f'font-family="{FONT}">',
           f'<title>{escape(d.title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
           f'fill="{LINE}"/></marker><marker id="arrow-red" viewBox="0 0 10 10" refX="9" '
           'refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
           f'<path d="M0,0 L10,5 L0,10 z" fill="{RED}"/></marker></defs>',
           '<rect width="100%" height="100%" fill="#ffffff"/>',
           _text(24, 28, d.title, 16, INK, "start", bold=True)]
    out += [_route(r) for r in d.routes]
    out += [_box(b) for b in d.boxes.values() if b.kind != "point"]
    out += [_label(r) for r in d.routes if r.label]
    out += _legend(d)
    out += _problems(d)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _text(x: float, y: float, words: str, size: int, fill: str, anchor: str = "middle",
          bold: bool = False) -> str:
    weight = ' font-weight="600"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" '
            f'text-anchor="{anchor}"{weight}>{escape(words)}</text>')


def _box(b: Box) -> str:
    fill, border, line = box_style(b)
    if b.problems:
        border = RED
    dash = f' stroke-dasharray="{DASH[line]}"' if DASH[line] else ""
    width = 3 if b.problems or b.kind == "ending" else 1.5
    left, top = b.x - b.w / 2, b.y - b.h / 2
    if b.kind == "finish":
        shape = (f'<polygon points="{b.x:.1f},{top:.1f} {b.x + b.w / 2:.1f},{b.y:.1f} '
                 f'{b.x:.1f},{top + b.h:.1f} {left:.1f},{b.y:.1f}" fill="{fill}" '
                 f'stroke="{border}" stroke-width="{width}"{dash}/>')
    else:
        radius = b.h / 2 if b.kind == "start" else 8
        shape = (f'<rect x="{left:.1f}" y="{top:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" '
                 f'rx="{radius}" fill="{fill}" stroke="{border}" stroke-width="{width}"{dash}/>')
    parts = [f'<g class="{b.kind}" id="node-{escape(b.id)}">', shape]
    first = b.y - (len(b.lines) - 1) * LINE_H / 2 + 4
    for i, line in enumerate(b.lines):
        size, colour = (12, INK) if i == 0 else (10, MUTED)
        parts.append(_text(b.x, first + i * LINE_H, line, size, colour, bold=i == 0))
    if b.problems:
        badge = ",".join(map(str, b.problems[:3])) + ("…" if len(b.problems) > 3 else "")
        bx, by = b.x + b.w / 2 - 4, top
        parts.append(f'<circle cx="{bx:.1f}" cy="{by:.1f}" r="10" fill="{RED}"/>')
        parts.append(_text(bx, by + 4, badge, 10, "#ffffff", bold=True))
    parts.append("</g>")
    return "".join(parts)


def _route(r: Route) -> str:
    colour, line = route_style(r)
    dash = f' stroke-dasharray="{DASH[line]}"' if DASH[line] else ""
    marker = "arrow-red" if r.broken else "arrow"
    if r.back:
        (x0, y0), (x1, _), (_, y2), (x3, y3) = r.points
        path = f"M{x0:.1f},{y0:.1f} C{x1:.1f},{y0:.1f} {x1:.1f},{y2:.1f} {x3:.1f},{y3:.1f}"
    else:
        path = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in r.points)
    return (f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.4"{dash} '
            f'marker-end="url(#{marker})"/>')


def _label(r: Route) -> str:
    lines = r.label.split("\n")
    x, y = label_place(r)
    width = max(len(line) for line in lines) * LABEL_CHAR + 8
    height = len(lines) * 12 + 4
    left = x if r.back else x - width / 2
    anchor = "start" if r.back else "middle"
    tx = left + 4 if r.back else x
    parts = [f'<rect x="{left:.1f}" y="{y - height / 2:.1f}" width="{width:.1f}" '
             f'height="{height:.1f}" rx="3" fill="#ffffff" fill-opacity="0.9"/>']
    top = y - height / 2 + 12
    for i, line in enumerate(lines):
        parts.append(_text(tx, top + i * 12, line, 10, RED if r.broken else MUTED, anchor))
    return "".join(parts)


def legend_items() -> list[tuple[str, str, str, str]]:
    """(label, fill, border, line style) of each box in the legend."""
    items = [(basis, fill, border, line) for basis, (fill, border, line) in STYLE.items()]
    return items + [("ending", ENDING[0], ENDING[1], "solid")]


LINE_KEYS = [("choice", "solid"), ("needs: can be locked", "dashed"),
             ("goto in effects", "dotted")]


def _legend(d: Drawing) -> list[str]:
    y = d.bottom + 8
    out, x = [], 24.0
    for label, fill, border, line in legend_items():
        dash = f' stroke-dasharray="{DASH[line]}"' if DASH[line] else ""
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="18" height="14" rx="3" '
                   f'fill="{fill}" stroke="{border}"{dash}/>')
        out.append(_text(x + 24, y + 11, label, 10, MUTED, "start"))
        x += 30 + len(label) * 6
    for label, line in LINE_KEYS:
        dash = f' stroke-dasharray="{DASH[line]}"' if DASH[line] else ""
        out.append(f'<line x1="{x:.1f}" y1="{y + 7:.1f}" x2="{x + 26:.1f}" y2="{y + 7:.1f}" '
                   f'stroke="{LINE}" stroke-width="1.4"{dash}/>')
        out.append(_text(x + 32, y + 11, label, 10, MUTED, "start"))
        x += 40 + len(label) * 6
    return out


def _problems(d: Drawing) -> list[str]:
    if not d.problems:
        return []
    y = d.bottom + LEGEND_H
    noun = "problem" if len(d.problems) == 1 else "problems"
    out = [_text(24, y + 12, f"This level has {len(d.problems)} {noun}; it cannot be played "
                 "until they are fixed:", 12, RED, "start", bold=True)]
    for i, problem in enumerate(d.problems, 1):
        out.append(_text(24, y + 12 + i * PROBLEM_H, f"{i}. {problem}", 11, INK, "start"))
    return out
