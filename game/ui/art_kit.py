"""Drawing kit for the scene illustrations: palette-derived tones and a pen that maps a
160x100 design canvas onto any rect (the motifs drawn with it live in `art_motifs`).

Everything is flat and geometric, drawn with pygame.draw; nothing here loads files.
Colours are always derived from the caller's palette so a high-contrast palette really
changes the picture (dark background -> line-art mode with bright outlines).
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import pygame

Color = tuple[int, int, int]

DEFAULT_PALETTE: dict[str, Color] = {
    "bg": (244, 241, 236), "ink": (34, 40, 49), "muted": (120, 128, 140),
    "accent": (229, 90, 60), "panel": (255, 255, 255), "good": (46, 125, 90),
    "bad": (180, 50, 50),
}

# Design canvas: every scene is composed on 160 x 100 units, scaled uniformly and centred
# in the target rect; backgrounds run past the canvas to fill any aspect ratio.
CW, CH = 160.0, 100.0
#: Animation frames per second (blinking LEDs, tickers, scan lines).
FPS = 8.0


# --------------------------------------------------------------------------- colours
def _clamp(v: float) -> int:
    return 0 if v < 0 else 255 if v > 255 else int(v + 0.5)


def mix(a: Color, b: Color, k: float) -> Color:
    return (_clamp(a[0] + (b[0] - a[0]) * k), _clamp(a[1] + (b[1] - a[1]) * k),
            _clamp(a[2] + (b[2] - a[2]) * k))


def saturate(c: Color, f: float) -> Color:
    m = (c[0] + c[1] + c[2]) / 3.0
    return (_clamp(m + (c[0] - m) * f), _clamp(m + (c[1] - m) * f), _clamp(m + (c[2] - m) * f))


def luminance(c: Color) -> float:
    def ch(v: int) -> float:
        v = v / 255.0
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])


def contrast(a: Color, b: Color) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = (la, lb) if la > lb else (lb, la)
    return (hi + 0.05) / (lo + 0.05)


def _as_color(v, fallback: Color) -> Color:
    try:
        c = tuple(int(x) for x in tuple(v)[:3])
        if len(c) == 3:
            return (_clamp(c[0]), _clamp(c[1]), _clamp(c[2]))
    except (TypeError, ValueError):
        pass
    return fallback


class Tones:
    """Semantic colours of the illustrations, all blended from the palette."""

    def __init__(self, palette: dict | None):
        pal = palette if isinstance(palette, dict) else {}
        p = {k: _as_color(pal.get(k, d), d) for k, d in DEFAULT_PALETTE.items()}
        bg, ink, muted, acc, panel = p["bg"], p["ink"], p["muted"], p["accent"], p["panel"]
        # A palette whose background is darker than its ink is drawn as line art (bright
        # strokes on dark fills); an explicit "high_contrast" flag wins.
        flag = pal.get("high_contrast")
        self.hc = flag if isinstance(flag, bool) else luminance(bg) < luminance(ink)
        for key in ("good", "bad"):  # not every palette has them: keep them legible on bg
            if key not in pal and contrast(p[key], bg) < 3:
                p[key] = mix(p[key], ink, 0.45)
        self.bg, self.ink, self.muted, self.accent, self.panel = bg, ink, muted, acc, panel
        self.good, self.bad = p["good"], p["bad"]
        cool = saturate(ink, 5.0)           # a slate blue pulled out of the ink colour
        self.cool = cool
        # Skin, wood and lamplight need a warm colour: the accent, or its red/blue mirror
        # when the accent is a cool one.
        hot = acc if acc[0] >= acc[2] else (acc[2], acc[1], acc[0])
        self.hot = hot
        if not self.hc:
            tone = lambda k: mix(bg, cool, k)  # noqa: E731
            self.sky = mix(panel, cool, 0.07)
            self.sky2 = mix(bg, cool, 0.16)
            self.wall = mix(bg, panel, 0.35)
            self.wall2 = mix(bg, cool, 0.07)
            self.floor = mix(bg, muted, 0.32)
            self.floor2 = mix(bg, muted, 0.48)
            self.c1, self.c2, self.c3 = tone(0.14), tone(0.26), tone(0.42)
            self.c4, self.c5 = tone(0.6), tone(0.8)
            self.glass = mix(panel, cool, 0.16)
            self.glow = mix(panel, hot, 0.18)
            self.screen = mix(ink, cool, 0.35)
            self.scr_fg = panel
            self.scr_dim = mix(self.screen, panel, 0.32)
            self.skin = mix(bg, hot, 0.3)
            self.hair = mix(ink, hot, 0.15)
            self.warm = mix(bg, hot, 0.55)
            self.edge = None
            self.paint = panel
            self.edge2 = None
        else:
            tone = lambda k: mix(bg, muted, k * 0.55)  # noqa: E731
            self.sky = mix(bg, muted, 0.1)
            self.sky2 = mix(bg, muted, 0.16)
            self.wall = mix(bg, muted, 0.08)
            self.wall2 = mix(bg, muted, 0.14)
            self.floor = mix(bg, muted, 0.2)
            self.floor2 = mix(bg, muted, 0.28)
            self.c1, self.c2, self.c3 = tone(0.22), tone(0.34), tone(0.48)
            self.c4, self.c5 = tone(0.62), tone(0.78)
            self.glass = mix(bg, muted, 0.18)
            self.glow = mix(bg, acc, 0.45)
            self.screen = panel if contrast(panel, ink) > 4 else bg
            self.scr_fg = ink
            self.scr_dim = mix(self.screen, ink, 0.45)
            self.skin = mix(bg, muted, 0.55)
            self.hair = mix(bg, muted, 0.3)
            self.warm = mix(bg, hot, 0.6)
            self.edge = ink
            self.paint = muted
            self.edge2 = mix(bg, ink, 0.5)
        # Accent on a screen must stay legible.
        self.scr_acc = acc if contrast(acc, self.screen) >= 2.2 else self.scr_fg


@lru_cache(maxsize=16)
def _tones_cached(key: tuple) -> Tones:
    return Tones(dict(key))


def tones_for(palette: dict | None) -> Tones:
    """Tones for a palette dict (cached); unknown keys and malformed values are ignored."""
    if not isinstance(palette, dict):
        return _tones_cached(())
    key = []
    for name in (*DEFAULT_PALETTE, "high_contrast"):
        if name in palette:
            v = palette[name]
            if name != "high_contrast":
                v = _as_color(v, DEFAULT_PALETTE[name])
            elif not isinstance(v, bool):
                continue
            key.append((name, v))
    return _tones_cached(tuple(key))


# --------------------------------------------------------------------------- pen
class Pen:
    """Draws in design units (160 x 100) onto a pixel rect, clipped to it."""

    def __init__(self, surface: pygame.Surface, rect: pygame.Rect, tones: Tones,
                 t: float = 0.0, motion: bool = True, seed: str = ""):
        self.surf, self.area, self.k = surface, rect, tones
        # Time is quantised to FPS frames per second: the picture only changes when
        # int(t * FPS) does (art.animation_frame relies on this).
        self.motion = motion
        self.t = quantise(t) if motion else 0.0
        #: When a list, `blink` and `step` append what they were asked (art.animation_frame).
        self.time_calls: list | None = None
        s = min(rect.w / CW, rect.h / CH)
        self.s = s if s > 0 else 1.0
        self.ox = rect.centerx - CW / 2 * self.s
        self.oy = rect.centery - CH / 2 * self.s
        # Visible extent in design units (beyond 0..160 / 0..100 when aspect differs).
        self.L = (rect.left - self.ox) / self.s - 1
        self.R = (rect.right - self.ox) / self.s + 1
        self.T = (rect.top - self.oy) / self.s - 1
        self.B = (rect.bottom - self.oy) / self.s + 1
        self.ew = max(1, round(0.32 * self.s))
        self.rng = random.Random(seed)

    # geometry (coordinates on the visible surface are never negative, so int(v + .5)
    # rounds consistently there)
    def x(self, u: float) -> int:
        return int(self.ox + u * self.s + 0.5)

    def y(self, v: float) -> int:
        return int(self.oy + v * self.s + 0.5)

    def p(self, u: float, v: float) -> tuple[int, int]:
        s = self.s
        return int(self.ox + u * s + 0.5), int(self.oy + v * s + 0.5)

    def n(self, d: float) -> int:
        return max(1, int(d * self.s + 0.5))

    def r(self, u: float, v: float, w: float, h: float) -> pygame.Rect:
        s, ox, oy = self.s, self.ox, self.oy
        x0, y0 = int(ox + u * s + 0.5), int(oy + v * s + 0.5)
        x1, y1 = int(ox + (u + w) * s + 0.5), int(oy + (v + h) * s + 0.5)
        return pygame.Rect(x0, y0, x1 - x0 if x1 > x0 else 1, y1 - y0 if y1 > y0 else 1)

    def _edge(self, edge):
        if edge is None:
            return self.k.edge
        return edge or None

    # primitives
    # Solid rectangles go through draw.polygon: with SDL's SIMD fill, narrow tall fills
    # can be ten times slower than the scanline polygon fill (measured), and never faster.
    def _box(self, c: Color, r: pygame.Rect) -> None:
        x0, y0, x1, y1 = r.left, r.top, r.right - 1, r.bottom - 1
        pygame.draw.polygon(self.surf, c, ((x0, y0), (x1, y0), (x1, y1), (x0, y1)))

    def fill(self, c: Color) -> None:
        self._box(c, self.area)

    def band(self, v0: float, v1: float, c: Color) -> None:
        """Full-width horizontal band; reaches the rect edge when at canvas top/bottom."""
        a = self.area.top if v0 <= 0 else self.y(v0)
        b = self.area.bottom if v1 >= CH else self.y(v1)
        if b > a:
            self._box(c, pygame.Rect(self.area.left, a, self.area.w, b - a))

    def rect(self, u, v, w, h, c, rad: float = 0, edge=None) -> None:
        s, ox, oy = self.s, self.ox, self.oy
        x0, y0 = int(ox + u * s + 0.5), int(oy + v * s + 0.5)
        x1, y1 = int(ox + (u + w) * s + 0.5), int(oy + (v + h) * s + 0.5)
        if x1 <= x0:
            x1 = x0 + 1
        if y1 <= y0:
            y1 = y0 + 1
        br = int(rad * s) if rad else 0
        if br:
            r = (x0, y0, x1 - x0, y1 - y0)
            pygame.draw.rect(self.surf, c, r, 0, br)
        else:
            r = None
            pygame.draw.polygon(self.surf, c, ((x0, y0), (x1 - 1, y0), (x1 - 1, y1 - 1),
                                               (x0, y1 - 1)))
        e = self.k.edge if edge is None else edge
        if e:
            pygame.draw.rect(self.surf, e, r or (x0, y0, x1 - x0, y1 - y0), self.ew, br)

    def circle(self, u, v, rad, c, edge=None) -> None:
        ctr, rr = self.p(u, v), max(1, int(rad * self.s + 0.5))
        # a plain disc plus an antialiased rim: same look as a filled aacircle, 2x faster
        pygame.draw.circle(self.surf, c, ctr, rr - 1 if rr > 2 else rr)
        pygame.draw.aacircle(self.surf, c, ctr, rr, 2 if rr > 2 else 1)
        e = self._edge(edge)
        if e:
            pygame.draw.aacircle(self.surf, e, ctr, rr, self.ew)

    def ring(self, u, v, rad, c, width: float = 0.6) -> None:
        rr = max(1, int(rad * self.s + 0.5))
        pygame.draw.aacircle(self.surf, c, self.p(u, v), rr, min(rr, self.n(width)))

    def ellipse(self, u, v, w, h, c, edge=None) -> None:
        r = self.r(u, v, w, h)
        pygame.draw.ellipse(self.surf, c, r)
        e = self._edge(edge)
        if e:
            pygame.draw.ellipse(self.surf, e, r, self.ew)

    def poly(self, pts, c, edge=None) -> None:
        px = [self.p(u, v) for u, v in pts]
        pygame.draw.polygon(self.surf, c, px)
        e = self._edge(edge)
        pygame.draw.aalines(self.surf, e or c, True, px)
        if e and self.ew > 1:
            pygame.draw.polygon(self.surf, e, px, self.ew)

    def line(self, u0, v0, u1, v1, c, w: float = 0.5) -> None:
        a, b = self.p(u0, v0), self.p(u1, v1)
        wpx = self.n(w)
        if a[0] == b[0] or a[1] == b[1]:
            pygame.draw.line(self.surf, c, a, b, wpx)
        else:
            pygame.draw.aaline(self.surf, c, a, b, wpx)

    def arc(self, u, v, w, h, a0, a1, c, width: float = 0.6) -> None:
        pygame.draw.arc(self.surf, c, self.r(u, v, w, h), a0, a1, self.n(width))

    # time: the only two ways `t` reaches a picture (art.animation_frame relies on this; a
    # scene must not read `pen.t` itself, and which of these it calls, with what arguments,
    # must not depend on t, the size or the palette)
    def blink(self, period: float = 1.6, on: float = 0.35, phase: float = 0.0) -> bool:
        if not self.motion:
            return True
        if self.time_calls is not None:
            self.time_calls.append(("blink", period, on, phase))
        return blink_at(self.t, period, on, phase)

    def step(self, rate: float, n: int) -> int:
        """Quantised animation step (rate steps per second, modulo n); 0 when still."""
        if not self.motion or n <= 0:
            return 0
        if self.time_calls is not None:
            self.time_calls.append(("step", rate, n))
        return step_at(self.t, rate, n)


def quantise(t: float) -> float:
    """Time as the pictures see it: whole animation frames (FPS a second)."""
    return math.floor(t * FPS) / FPS


def blink_at(t: float, period: float, on: float, phase: float) -> bool:
    """`Pen.blink` at quantised time t."""
    return ((t + phase) % period) < on


def step_at(t: float, rate: float, n: int) -> int:
    """`Pen.step` at quantised time t (n > 0)."""
    return int(t * rate) % n
