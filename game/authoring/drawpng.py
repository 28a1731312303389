"""A level's picture as PNG, drawn with pygame from the same layout and styles as the SVG
(`drawsvg.py`), in the game's own Inter font. No window is opened: pygame draws on a
surface in memory and saves it."""
from __future__ import annotations

import math
import os
from pathlib import Path

from .drawsvg import (INK, LEGEND_H, LINE, LINE_H, LINE_KEYS, MUTED, PROBLEM_H, RED,
                      box_style, full_height, legend_items, route_style)
from .layout import Box, Drawing, Route, label_place

SCALE = 2   # pixels per unit: sharp on a projector and when zoomed
MAX_PIXELS = 60_000_000   # a bigger picture is drawn smaller (about 240 MB of memory)
MAX_SIDE = 30_000         # pixels: what a picture viewer (and SDL) can still take
SMALLEST = 0.5            # below this scale the text is too small to read


class TooBig(ValueError):
    """A picture too big to draw as a PNG that anyone could read."""


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class _Pen:
    """Draws in layout units on a surface `scale` times bigger."""

    def __init__(self, pygame, surface, scale: float) -> None:
        from ..resources import asset_path

        self.pg, self.surface, self.scale = pygame, surface, scale
        self.fonts = {}
        for size in (10, 11, 12, 16):
            for bold in (False, True):
                name = "Inter-SemiBold.otf" if bold else "Inter-Regular.otf"
                self.fonts[size, bold] = pygame.font.Font(str(asset_path("fonts", name)),
                                                          max(6, round(size * scale)))

    def p(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self.scale), round(y * self.scale)

    def text(self, x, y, words: str, size: int, colour: str, anchor: str = "middle",
             bold: bool = False) -> None:
        image = self.fonts[size, bold].render(words, True, _rgb(colour))
        rect = image.get_rect()
        px, py = self.p(x, y)
        rect.bottom = py + round(size * self.scale * 0.25)
        if anchor == "middle":
            rect.centerx = px
        else:
            rect.left = px
        self.surface.blit(image, rect)

    def line(self, a, b, colour: str, style: str, width: float = 1.4) -> None:
        """A line from a to b, solid, dashed or dotted."""
        on, off = {"solid": (1e9, 0), "dashed": (7, 4), "dotted": (2, 3)}[style]
        length = math.dist(a, b)
        if length == 0:
            return
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        t = 0.0
        while t < length:
            end = min(length, t + on)
            self.pg.draw.line(self.surface, _rgb(colour),
                              self.p(a[0] + ux * t, a[1] + uy * t),
                              self.p(a[0] + ux * end, a[1] + uy * end),
                              max(1, round(width * self.scale)))
            t = end + off

    def arrow_head(self, a, b, colour: str) -> None:
        angle = math.atan2(b[1] - a[1], b[0] - a[0])
        left = (b[0] - 8 * math.cos(angle - 0.4), b[1] - 8 * math.sin(angle - 0.4))
        right = (b[0] - 8 * math.cos(angle + 0.4), b[1] - 8 * math.sin(angle + 0.4))
        self.pg.draw.polygon(self.surface, _rgb(colour), [self.p(*b), self.p(*left),
                                                          self.p(*right)])


def _curve(points) -> list[tuple[float, float]]:
    """A route back up as a cubic curve through its four points (as the SVG draws it)."""
    (x0, y0), (x1, _), (_, y2), (x3, y3) = points
    c0, c1, c2, c3 = (x0, y0), (x1, y0), (x1, y2), (x3, y3)
    out = []
    for k in range(25):
        t = k / 24
        u = 1 - t
        out.append((u ** 3 * c0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t ** 3 * c3[0],
                    u ** 3 * c0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t ** 3 * c3[1]))
    return out


def _route(pen: _Pen, r: Route) -> None:
    colour, style = route_style(r)
    points = _curve(r.points) if r.back else r.points
    for a, b in zip(points, points[1:]):
        pen.line(a, b, colour, style)
    pen.arrow_head(points[-2], points[-1], colour)


def _box(pen: _Pen, b: Box) -> None:
    pg = pen.pg
    fill, border, style = box_style(b)
    if b.problems:
        border = RED
    width = 3 if b.problems or b.kind == "ending" else 1.5
    left, top = b.x - b.w / 2, b.y - b.h / 2
    corners = [(b.x, top), (b.x + b.w / 2, b.y), (b.x, top + b.h), (left, b.y)]
    if b.kind == "finish":
        pg.draw.polygon(pen.surface, _rgb(fill), [pen.p(*c) for c in corners])
        for a, c in zip(corners, corners[1:] + corners[:1]):
            pen.line(a, c, border, style, width)
    else:
        rect = pg.Rect(*pen.p(left, top), round(b.w * pen.scale), round(b.h * pen.scale))
        radius = round((b.h / 2 if b.kind == "start" else 8) * pen.scale)
        pg.draw.rect(pen.surface, _rgb(fill), rect, border_radius=radius)
        if style == "solid":
            pg.draw.rect(pen.surface, _rgb(border), rect, max(1, round(width * pen.scale)),
                         border_radius=radius)
        else:
            edge = [(left, top), (left + b.w, top), (left + b.w, top + b.h), (left, top + b.h)]
            for a, c in zip(edge, edge[1:] + edge[:1]):
                pen.line(a, c, border, style, width)
    first = b.y - (len(b.lines) - 1) * LINE_H / 2 + 4
    for i, line in enumerate(b.lines):
        pen.text(b.x, first + i * LINE_H, line, 12 if i == 0 else 10,
                 INK if i == 0 else MUTED, bold=i == 0)
    if b.problems:
        badge = ",".join(map(str, b.problems[:3])) + ("…" if len(b.problems) > 3 else "")
        bx, by = b.x + b.w / 2 - 4, top
        pg.draw.circle(pen.surface, _rgb(RED), pen.p(bx, by), round(10 * pen.scale))
        pen.text(bx, by + 4, badge, 10, "#ffffff", bold=True)


def _label(pen: _Pen, r: Route) -> None:
    lines = r.label.split("\n")
    x, y = label_place(r)
    font = pen.fonts[10, False]
    width = max(font.size(line)[0] for line in lines) / pen.scale + 8
    height = len(lines) * 12 + 4
    left = x if r.back else x - width / 2
    box = pen.pg.Surface((round(width * pen.scale), round(height * pen.scale)),
                         pen.pg.SRCALPHA)
    box.fill((255, 255, 255, 230))
    pen.surface.blit(box, pen.p(left, y - height / 2))
    for i, line in enumerate(lines):
        tx = left + 4 if r.back else x
        pen.text(tx, y - height / 2 + 12 + i * 12, line, 10, RED if r.broken else MUTED,
                 "start" if r.back else "middle")


def _legend_and_problems(pen: _Pen, d: Drawing) -> None:
    y, x = d.bottom + 8, 24.0
    for label, fill, border, style in legend_items():
        pen.pg.draw.rect(pen.surface, _rgb(fill), pen.pg.Rect(*pen.p(x, y),
                                                               *pen.p(18, 14)))
        for a, c in (((x, y), (x + 18, y)), ((x + 18, y), (x + 18, y + 14)),
                     ((x + 18, y + 14), (x, y + 14)), ((x, y + 14), (x, y))):
            pen.line(a, c, border, style, 1)
        pen.text(x + 24, y + 11, label, 10, MUTED, "start")
        x += 30 + len(label) * 6
    for label, style in LINE_KEYS:
        pen.line((x, y + 7), (x + 26, y + 7), LINE, style)
        pen.text(x + 32, y + 11, label, 10, MUTED, "start")
        x += 40 + len(label) * 6
    if d.problems:
        y = d.bottom + LEGEND_H
        noun = "problem" if len(d.problems) == 1 else "problems"
        pen.text(24, y + 12, f"This level has {len(d.problems)} {noun}; it cannot be played "
                 "until they are fixed:", 12, RED, "start", bold=True)
        for i, problem in enumerate(d.problems, 1):
            pen.text(24, y + 12 + i * PROBLEM_H, f"{i}. {problem}", 11, INK, "start")


def scale_for(width: float, height: float) -> float:
    """Pixels per unit: SCALE, or less for a big picture; TooBig when even SMALLEST would
    not fit."""
    scale = min(SCALE, math.sqrt(MAX_PIXELS / max(1.0, width * height)),
                MAX_SIDE / max(width, height, 1.0))
    if scale < SMALLEST:
        raise TooBig(f"the picture would be {width:.0f} x {height:.0f} units, too big for a "
                     "PNG anyone could read")
    return scale


def to_png(d: Drawing, output: Path) -> None:
    """Draw the picture and save it as a PNG (headless: no window, no sound); TooBig for a
    picture too big to read as one image (an SVG can still be zoomed)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    scale = scale_for(d.width, full_height(d))
    pygame.font.init()
    size = (round(d.width * scale), round(full_height(d) * scale))
    surface = pygame.Surface(size)
    surface.fill((255, 255, 255))
    pen = _Pen(pygame, surface, scale)
    pen.text(24, 28, d.title, 16, INK, "start", bold=True)
    for r in d.routes:
        _route(pen, r)
    for b in d.boxes.values():
        if b.kind != "point":
            _box(pen, b)
    for r in d.routes:
        if r.label:
            _label(pen, r)
    _legend_and_problems(pen, d)
    pygame.image.save(surface, str(output))
