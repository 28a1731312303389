"""Charts as inline SVG text, for the printable debrief and the class report.

No script, no external file, no font download: each function returns one `<svg>` element
that prints as drawn. Colours follow the game's palette; every chart carries a `<title>` and
text labels, so nothing rests on colour alone.
"""
from __future__ import annotations

import math
from html import escape

ACCENT = "#3a54d6"
INK = "#1c232e"
MUTED = "#5c6572"
LINE = "#d6d8dc"
PANEL = "#eaecef"
WARN = "#b3261e"
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"'


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _open(width: int, height: int, title: str, cls: str = "chart") -> str:
    return (f'<svg class="{cls}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img" {FONT} '
            f'font-size="11"><title>{escape(title)}</title>')


def text(x, y, words: str, anchor: str = "start", size: int = 11, fill: str = MUTED,
         weight: str = "normal") -> str:
    return (f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{fill}" font-weight="{weight}">{escape(str(words))}</text>')


def _nice_range(values: list[float]) -> tuple[int, int, int]:
    """(low, high, step) of an axis around the values: a nice step (5, 10, 20, 25, 50, then
    1, 2, 2.5 and 5 times a power of ten) no smaller than a fifth of the values' span, half a
    step beyond each end, so an axis has at most 8 ticks whatever the values. Integer
    arithmetic throughout: a figure with hundreds of digits draws, and never overflows."""
    whole = [math.floor(v) if isinstance(v, float) else int(v) for v in values
             if not isinstance(v, float) or math.isfinite(v)] or [0]
    lo, hi = min(whole), max(whole)
    step = next(s for s in _nice_steps() if hi - lo <= 5 * s)
    return ((2 * lo - step) // (2 * step) * step,
            -((-(2 * hi + step)) // (2 * step)) * step, step)


def _nice_steps():
    yield 5
    decade = 10
    while True:
        yield from (decade, 2 * decade, 5 * decade // 2, 5 * decade)
        decade *= 10


# ---------------------------------------------------------------- score over time

def score_chart(points: list[tuple[int, int]], thresholds: list[tuple[int, str]] = (),
                width: int = 360, height: int = 170, title: str = "Score over time") -> str:
    """A step line of the score after each choice; thresholds (doors) dashed."""
    points = points or [(0, 0)]
    values = [s for _, s in points] + [v for v, _ in thresholds]
    lo, hi, tick = _nice_range(values)
    left, right, top, bottom = 40, width - 8, 8, height - 22
    last = max(1, points[-1][0])

    def at(step, score):
        return (left + (right - left) * step / last,
                bottom - (bottom - top) * (score - lo) / max(1, hi - lo))

    out = [_open(width, height, title), f'<rect x="{left}" y="{top}" width="{right - left}" '
           f'height="{bottom - top}" fill="{PANEL}" rx="4"/>']
    for value in range(lo, hi + 1, tick):
        y = at(0, value)[1]
        out.append(text(left - 5, y + 4, value, "end", 10))
    merged: dict[int, list[str]] = {}
    for value, name in thresholds:
        merged.setdefault(value, []).append(name)
    for value, names in sorted(merged.items()):
        name = " · ".join(names)
        if lo <= value <= hi:
            y = at(0, value)[1]
            out.append(f'<line x1="{left}" x2="{right}" y1="{_n(y)}" y2="{_n(y)}" '
                       f'stroke="{MUTED}" stroke-dasharray="4 4" stroke-width="1"/>')
            out.append(text(right - 4, y - 3, name, "end", 9))
    pts = [at(s, v) for s, v in points]
    path = [pts[0]]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        path += [(x1, y0), (x1, y1)]
    d = " ".join(f"{_n(x)},{_n(y)}" for x, y in path)
    out.append(f'<polyline points="{d}" fill="none" stroke="{ACCENT}" stroke-width="2.5"/>')
    for x, y in pts:
        out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3" fill="{ACCENT}"/>')
    out.append(text((left + right) / 2, height - 5, "choices made", "middle", 10))
    out.append(text(left, height - 5, 0, "middle", 10))
    out.append(text(right, height - 5, last, "middle", 10))
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- bars

def bars(rows: list[tuple[str, float, str]], width: int = 520, top_value: float | None = None,
         title: str = "Bars", bar_h: int = 16, label_w: int = 190) -> str:
    """Horizontal bars: (label, value, text shown at the bar's end)."""
    top_value = top_value or max((v for _, v, _ in rows), default=1) or 1
    height = len(rows) * (bar_h + 8) + 4
    out = [_open(width, height, title)]
    span = width - label_w - 60
    for i, (label, value, shown) in enumerate(rows):
        y = 2 + i * (bar_h + 8)
        w = max(0.0, span * value / top_value)
        out.append(text(label_w - 6, y + bar_h - 4, _clip(label, 34), "end", 11, INK))
        out.append(f'<rect x="{label_w}" y="{y}" width="{span}" height="{bar_h}" '
                   f'fill="{PANEL}" rx="3"/>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{_n(w)}" height="{bar_h}" '
                   f'fill="{ACCENT}" rx="3"/>')
        out.append(text(label_w + span + 6, y + bar_h - 4, shown, "start", 11, INK))
    out.append("</svg>")
    return "".join(out)


def _clip(words: str, n: int) -> str:
    return words if len(words) <= n else words[:n - 1] + "…"


def shift_chart(rows: list[tuple], width: int = 520,
                title: str = "Change in candid answers under the score",
                label_w: int = 150) -> str:
    """Signed percentage changes around a zero line. Each row is (label, value) or (label,
    value, what to say when the value is None). No published range is shaded behind the
    bars: a study's figure belongs beside one kind of dilemma only, in words."""
    bar_h = 18
    height = len(rows) * (bar_h + 10) + 24
    lo, hi = -100, 100
    x0, x1 = label_w, width - 50

    def x(v):
        return x0 + (x1 - x0) * (v - lo) / (hi - lo)

    out = [_open(width, height, title)]
    for v in (-100, -50, 0, 50, 100):
        out.append(f'<line x1="{_n(x(v))}" x2="{_n(x(v))}" y1="0" y2="{height - 20}" '
                   f'stroke="{LINE if v else MUTED}" stroke-width="1"/>')
        out.append(text(x(v), height - 6, f"{v:+d}%" if v else "0", "middle", 9))
    for i, (label, value, *note) in enumerate(rows):
        y = 4 + i * (bar_h + 10)
        out.append(text(label_w - 6, y + bar_h - 5, label, "end", 11, INK))
        if value is None:
            why = note[0] if note else "no pairs to compare"
            out.append(text(x(0) + 6, y + bar_h - 5, why, "start", 10))
            continue
        v = max(lo, min(hi, value))
        left, right = sorted((x(0), x(v)))
        out.append(f'<rect x="{_n(left)}" y="{y}" width="{_n(max(2, right - left))}" '
                   f'height="{bar_h}" fill="{ACCENT}" rx="2"/>')
        shown = f"{'+' if value > 0 else '−' if value < 0 else ''}{abs(round(value))}%"
        inside = abs(right - left) > 44
        if v < 0 and inside:
            out.append(text(left + 4, y + bar_h - 5, shown, "start", 11, "#ffffff", "600"))
        elif v < 0:
            out.append(text(right + 4, y + bar_h - 5, shown, "start", 11, INK, "600"))
        else:
            out.append(text(right + 4, y + bar_h - 5, shown, "start", 11, INK, "600"))
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- dots by group

def strip_plot(groups: list[tuple[str, list[int]]], lines: list[tuple[int, str]] = (),
               width: int = 620, title: str = "Final scores") -> str:
    """One row of dots per group (jittered by order), with each group's median marked."""
    row_h, label_w = 46, 170
    values = [v for _, vs in groups for v in vs] + [v for v, _ in lines] or [0]
    lo, hi, tick = _nice_range(values)
    height = len(groups) * row_h + 30
    x0, x1 = label_w, width - 16

    def x(v):
        return x0 + (x1 - x0) * (v - lo) / max(1, hi - lo)

    out = [_open(width, height, title)]
    for v in range(lo, hi + 1, tick):
        out.append(f'<line x1="{_n(x(v))}" x2="{_n(x(v))}" y1="0" y2="{height - 22}" '
                   f'stroke="{LINE}"/>')
        out.append(text(x(v), height - 8, v, "middle", 10))
    for v, name in lines:
        out.append(f'<line x1="{_n(x(v))}" x2="{_n(x(v))}" y1="0" y2="{height - 22}" '
                   f'stroke="{WARN}" stroke-dasharray="4 3"/>')
        out.append(text(x(v) + 3, 10, name, "start", 9, WARN))
    for i, (label, vs) in enumerate(groups):
        cy = 14 + i * row_h + row_h / 2 - 8
        out.append(text(label_w - 8, cy + 4, f"{label} ({len(vs)})", "end", 11, INK))
        for j, v in enumerate(sorted(vs)):
            dy = ((j * 7) % 5 - 2) * 4
            out.append(f'<circle cx="{_n(x(v))}" cy="{_n(cy + dy)}" r="3.5" '
                       f'fill="{ACCENT}" fill-opacity="0.55"/>')
        if vs:
            med = sorted(vs)[len(vs) // 2]
            out.append(f'<line x1="{_n(x(med))}" x2="{_n(x(med))}" y1="{_n(cy - 14)}" '
                       f'y2="{_n(cy + 14)}" stroke="{INK}" stroke-width="2.5"/>')
    out.append("</svg>")
    return "".join(out)
