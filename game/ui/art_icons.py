"""Watcher pictograms for the "who may be watching" strip.

Icons are single-colour glyphs designed on a 24x24 grid. They are drawn 4x oversized onto
a transparent surface (holes are punched with transparent pixels, so they work on any
background), smooth-scaled down and cached per (name, size, colour).
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame



def star_points(cx: float, cy: float, r: float, inner: float = 0.45) -> list:
    """The ten corners of a five-point star."""
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * inner
        pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
    return pts

_SS = 4  # supersampling factor


class _Ico:
    """24-unit grid drawing onto an oversized transparent surface."""

    def __init__(self, size: int, color):
        self.px = size * _SS
        self.f = self.px / 24.0
        self.c = (*color[:3], 255)
        # Transparent pixels keep the icon's colour, so smooth-scaling does not darken
        # the antialiased edges.
        self.clear = (*color[:3], 0)
        self.surf = pygame.Surface((self.px, self.px), pygame.SRCALPHA)
        self.surf.fill(self.clear)

    def _c(self, hole):
        return self.clear if hole else self.c

    def P(self, x, y):
        return (round(x * self.f), round(y * self.f))

    def rect(self, x, y, w, h, rad=0.0, hole=False, width=0.0):
        r = pygame.Rect(round(x * self.f), round(y * self.f), round(w * self.f), round(h * self.f))
        pygame.draw.rect(self.surf, self._c(hole), r, round(width * self.f),
                         round(rad * self.f))

    def circle(self, x, y, r, hole=False, width=0.0):
        pygame.draw.circle(self.surf, self._c(hole), self.P(x, y), round(r * self.f),
                           round(width * self.f))

    def poly(self, pts, hole=False, width=0.0):
        pygame.draw.polygon(self.surf, self._c(hole), [self.P(x, y) for x, y in pts],
                            round(width * self.f))

    def line(self, x0, y0, x1, y1, w=2.0, hole=False):
        a, b = self.P(x0, y0), self.P(x1, y1)
        wp = max(1, round(w * self.f))
        pygame.draw.line(self.surf, self._c(hole), a, b, wp)
        for p in (a, b):  # round caps
            pygame.draw.circle(self.surf, self._c(hole), p, wp // 2)

    def arc(self, x, y, w, h, a0, a1, width=2.0, hole=False):
        r = pygame.Rect(round(x * self.f), round(y * self.f), round(w * self.f), round(h * self.f))
        pygame.draw.arc(self.surf, self._c(hole), r, a0, a1, round(width * self.f))

    def ellipse(self, x, y, w, h, hole=False, width=0.0):
        r = pygame.Rect(round(x * self.f), round(y * self.f), round(w * self.f), round(h * self.f))
        pygame.draw.ellipse(self.surf, self._c(hole), r, round(width * self.f))


# ---------------------------------------------------------------- the pictograms
def _camera(g: _Ico) -> None:
    g.poly([(2.5, 6.0), (16.5, 8.5), (15.5, 14.5), (1.5, 12.0)])      # body, tilted down
    g.poly([(1.5, 4.6), (18.0, 7.4), (17.7, 8.9), (1.2, 6.1)])        # sun hood
    g.poly([(16.0, 8.6), (21.5, 7.8), (21.0, 15.6), (15.2, 14.6)])    # lens housing
    g.circle(18.4, 11.8, 1.7, hole=True)
    g.circle(5.5, 9.7, 1.0, hole=True)                                # LED
    g.line(8.0, 13.0, 8.0, 19.0, 2.2)                                 # bracket
    g.rect(4.0, 18.5, 8.0, 3.0, rad=0.8)


def _phone(g: _Ico) -> None:
    g.rect(6.5, 1.5, 11.0, 21.0, rad=2.4)
    g.rect(8.2, 4.2, 7.6, 13.8, rad=0.6, hole=True)
    g.circle(12.0, 20.0, 1.0, hole=True)
    g.rect(10.3, 2.6, 3.4, 0.8, rad=0.4, hole=True)


def _bank(g: _Ico) -> None:
    g.poly([(1.5, 8.5), (12.0, 2.0), (22.5, 8.5)])
    g.circle(12.0, 6.4, 1.3, hole=True)
    g.rect(2.5, 9.3, 19.0, 1.7)
    for x in (4.0, 8.4, 12.8, 17.2):
        g.rect(x, 11.8, 2.8, 6.6)
    g.rect(2.5, 19.0, 19.0, 1.6)
    g.rect(1.2, 21.0, 21.6, 1.6)


def _employer(g: _Ico) -> None:
    g.rect(8.0, 3.5, 8.0, 6.0, rad=1.6, width=1.9)                 # handle
    g.rect(2.0, 7.5, 20.0, 14.0, rad=2.2)
    g.rect(2.0, 13.0, 20.0, 1.4, hole=True)
    g.rect(10.3, 11.8, 3.4, 3.8, rad=0.6)                          # clasp
    g.rect(11.1, 12.6, 1.8, 2.2, hole=True)


def _neighbour(g: _Ico) -> None:
    g.poly([(1.5, 11.5), (12.0, 2.5), (22.5, 11.5)])
    g.rect(4.0, 10.5, 16.0, 12.0)
    g.rect(6.2, 12.5, 11.6, 8.0, rad=0.6, hole=True)               # window
    g.circle(12.0, 15.2, 1.9)                                      # someone looking out
    g.ellipse(8.6, 17.4, 6.8, 5.0)
    g.rect(6.2, 20.5, 11.6, 2.0)
    g.rect(16.0, 3.6, 2.6, 5.2)                                    # chimney


def _app(g: _Ico) -> None:
    g.rect(2.0, 2.0, 20.0, 20.0, rad=5.0)
    pts = star_points(12.0, 12.6, 7.2, 0.45)
    g.poly(pts, hole=True)


def _eye(g: _Ico) -> None:
    top = [(1.0 + i * 22 / 16, 12 - 7.6 * math.sin(math.pi * i / 16)) for i in range(17)]
    bot = [(23.0 - i * 22 / 16, 12 + 7.6 * math.sin(math.pi * i / 16)) for i in range(17)]
    g.poly(top + bot)
    g.circle(12.0, 12.0, 5.3, hole=True)
    g.circle(12.0, 12.0, 3.9)
    g.circle(12.0, 12.0, 1.6, hole=True)
    g.circle(13.6, 10.4, 0.9, hole=True)


def _car(g: _Ico) -> None:
    g.poly([(5.5, 11.0), (8.5, 5.5), (16.0, 5.5), (19.5, 11.0)])
    g.rect(1.5, 10.5, 21.0, 7.0, rad=2.2)
    g.poly([(7.6, 10.4), (9.6, 7.0), (11.5, 7.0), (11.5, 10.4)], hole=True)
    g.poly([(13.0, 10.4), (13.0, 7.0), (15.3, 7.0), (17.6, 10.4)], hole=True)
    for x in (6.5, 17.5):
        g.circle(x, 17.5, 3.6, hole=True)
        g.circle(x, 17.5, 2.7)
    g.rect(20.0, 12.4, 1.6, 1.6, hole=True)                       # headlight


def _watch(g: _Ico) -> None:
    g.rect(7.5, 0.5, 9.0, 6.0, rad=1.0)
    g.rect(7.5, 17.5, 9.0, 6.0, rad=1.0)
    g.rect(4.5, 4.5, 15.0, 15.0, rad=4.0)
    g.rect(19.2, 9.5, 1.6, 3.0, rad=0.6)                          # crown
    g.rect(6.6, 6.6, 10.8, 10.8, rad=2.4, hole=True)
    g.poly([(7.5, 12.4), (9.6, 12.4), (10.8, 9.0), (12.6, 15.2), (14.0, 11.6),
            (16.5, 11.6), (16.5, 12.8), (14.7, 12.8), (12.6, 18.0), (10.8, 12.0),
            (10.3, 13.6), (7.5, 13.6)])                            # pulse


def _chip(g: _Ico) -> None:
    for i in range(4):
        p = 6.6 + i * 3.6
        g.rect(p - 0.8, 1.5, 1.6, 4.0)
        g.rect(p - 0.8, 18.5, 1.6, 4.0)
        g.rect(1.5, p - 0.8, 4.0, 1.6)
        g.rect(18.5, p - 0.8, 4.0, 1.6)
    g.rect(4.5, 4.5, 15.0, 15.0, rad=1.8)
    g.rect(7.5, 7.5, 9.0, 9.0, rad=0.8, hole=True)
    g.rect(9.5, 9.5, 5.0, 5.0, rad=0.5)
    g.circle(6.4, 6.4, 0.8, hole=True)


ICONS = {"camera": _camera, "phone": _phone, "bank": _bank, "employer": _employer,
         "neighbour": _neighbour, "app": _app, "eye": _eye, "car": _car, "watch": _watch,
         "chip": _chip}


@lru_cache(maxsize=256)
def _glyph(name: str, size: int, color: tuple) -> pygame.Surface:
    g = _Ico(size, color)
    ICONS.get(name, _eye)(g)
    return pygame.transform.smoothscale(g.surf, (size, size))


def _color3(color) -> tuple:
    try:
        c = tuple(int(v) for v in tuple(color)[:3])
        if len(c) == 3:
            return tuple(max(0, min(255, v)) for v in c)
    except (TypeError, ValueError):
        pass
    return (0, 0, 0)


def _blit_glyph(surface: pygame.Surface, rect, name: str, color) -> None:
    rect = pygame.Rect(rect)
    size = min(rect.w, rect.h)
    if size <= 0:
        return
    img = _glyph(name, int(size), _color3(color))
    surface.blit(img, img.get_rect(center=rect.center))


def draw_watcher_icon(surface: pygame.Surface, rect, icon_name: str, color) -> None:
    """A simple single-colour pictogram centred in rect; unknown names draw the eye."""
    name = icon_name if isinstance(icon_name, str) and icon_name in ICONS else "eye"
    _blit_glyph(surface, rect, name, color)
