"""Recurring motifs of the illustrations, drawn with a `Pen` in design units: seven-segment
score digits, stars, cameras (wall, pole, dome), screens with tickers, people with floating
score tags, windows, skylines and trees.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

from game.ui.art_kit import Color, Pen, mix


# --------------------------------------------------------------------------- glyphs
_SEG = {"0": "abcdef", "1": "bc", "2": "abged", "3": "abgcd", "4": "fgbc", "5": "afgcd",
        "6": "afgedc", "7": "abc", "8": "abcdefg", "9": "abcdfg", "-": "g", "+": "gv",
        " ": "", "#": "abcdefg"}


def digits_width(text: str, h: float) -> float:
    w = 0.0
    for ch in text:
        w += h * (0.3 if ch in ".:" else 0.64)
    return max(0.0, w - h * 0.1)


@lru_cache(maxsize=512)
def _digit_sprite(text: str, hp: int, color: Color) -> pygame.Surface:
    """Seven-segment text `hp` pixels tall on a transparent surface (cached)."""
    th = max(1, round(hp * 0.15))
    cw = max(2 * th + 1, round(hp * 0.54))
    adv, dot_adv = max(cw + 1, round(hp * 0.64)), max(th + 1, round(hp * 0.3))
    width = max(1, sum(dot_adv if ch in ".:" else adv for ch in text) - (adv - cw))
    surf = pygame.Surface((width + th, hp), pygame.SRCALPHA)
    surf.fill((0, 0, 0, 0))
    hh = hp // 2
    x = 0
    for ch in text:
        if ch in ".:":
            if ch == ":":
                surf.fill(color, (x, hp // 4, th, th))
            surf.fill(color, (x, hp - th, th, th))
            x += dot_adv
            continue
        segs = {"a": (x, 0, cw, th), "g": (x, hh - th // 2, cw, th), "d": (x, hp - th, cw, th),
                "f": (x, 0, th, hh), "b": (x + cw - th, 0, th, hh),
                "e": (x, hh, th, hp - hh), "c": (x + cw - th, hh, th, hp - hh),
                "v": (x + cw // 2 - th // 2, hp // 4, th, hp // 2)}
        for name in _SEG.get(ch, ""):
            surf.fill(color, segs[name])
        x += adv
    return surf


def digits(pen: Pen, u: float, v: float, h: float, text: str, c: Color,
           align: str = "left") -> float:
    """Seven-segment digits, top-left at (u, v), height h units. Returns the width."""
    w = digits_width(text, h)
    if not text:
        return w
    if align == "center":
        u -= w / 2
    elif align == "right":
        u -= w
    hp = pen.n(h)
    if hp < 3:
        return w
    pen.surf.blit(_digit_sprite(text, hp, tuple(c)), pen.p(u, v))
    return w


def star_points(cx: float, cy: float, r: float, inner: float = 0.45) -> list:
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * inner
        pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
    return pts


def stars(pen: Pen, u: float, v: float, r: float, filled: float, c: Color, off: Color,
          n: int = 5, gap: float = 0.4, align: str = "center") -> None:
    """A row of n stars centred at (u, v); `filled` of them drawn in c, rest in off."""
    step = r * 2 + gap
    x0 = u - step * (n - 1) / 2 if align == "center" else u + r
    for i in range(n):
        pts = star_points(x0 + i * step, v, r)
        pen.poly(pts, c if i < filled else off, edge=False)


def text_lines(pen: Pen, u: float, v: float, w: float, rows: int, c: Color,
               h: float = 0.8, gap: float = 1.8, seed: int = 0) -> None:
    """Placeholder text: rounded bars of varying length."""
    for i in range(rows):
        frac = 0.55 + ((seed * 7 + i * 13) % 9) / 20.0
        pen.rect(u, v + i * gap, w * min(1.0, frac), h, c, rad=h / 2, edge=False)


# --------------------------------------------------------------------------- motifs
def led(pen: Pen, u: float, v: float, r: float = 0.5, phase: float = 0.0) -> None:
    """The camera's recording light: blinks in the accent colour (steady when still)."""
    k = pen.k
    pen.circle(u, v, r, k.accent if pen.blink(phase=phase) else k.c3, edge=False)


def camera(pen: Pen, u: float, v: float, size: float = 1.0, face: int = 1,
           mount: str = "wall", phase: float = 0.0) -> None:
    """A surveillance camera whose body centre is at (u, v), lens facing `face` (+1 right).

    `mount` is "wall" (bracket behind it), "ceiling" (rod above it) or anything else (none).
    """
    k = pen.k
    w, h = 7 * size, 3 * size
    body = k.c4
    if mount == "wall":
        pen.rect(u - face * w * 0.55 - 0.6 * size, v - 0.5 * size, 1.2 * size, 4.5 * size,
                 k.c3, edge=None)
        pen.line(u - face * w * 0.5, v + 1.5 * size, u, v + 0.4 * size, k.c3, 0.8 * size)
    elif mount == "ceiling":
        pen.rect(u - 0.4 * size, v - 5 * size, 0.8 * size, 4 * size, k.c3)
    pen.rect(u - w / 2, v - h / 2, w, h, body, rad=0.8 * size)
    pen.rect(u - w / 2 - 0.5 * size, v - h / 2 - 0.7 * size, w + 1.0 * size, 1.1 * size,
             k.c5, rad=0.4 * size)  # sun hood
    lens_u = u + face * (w / 2)
    pen.circle(lens_u, v, 1.15 * size, k.c5)
    pen.circle(lens_u, v, 0.55 * size, k.screen, edge=False)
    led(pen, u - face * w * 0.28, v + 0.2 * size, 0.45 * size, phase)


def pole_camera(pen: Pen, u: float, ground: float, height: float, face: int = 1,
                size: float = 1.0, phase: float = 0.0) -> None:
    """A camera on a street pole standing at (u, ground)."""
    k = pen.k
    top = ground - height
    pen.rect(u - 0.6 * size, top, 1.2 * size, height, k.c4)
    arm_u = u - 0.6 * size if face > 0 else u - 3.4 * size
    pen.rect(arm_u, top, 4 * size, 0.9 * size, k.c4)  # the arm holding the camera out
    camera(pen, u + face * 5.5 * size, top + 2.4 * size, size, face, mount="none",
           phase=phase)


def dome(pen: Pen, u: float, v: float, size: float = 1.0, phase: float = 0.0) -> None:
    """Ceiling dome camera hanging from v."""
    k = pen.k
    pen.rect(u - 3 * size, v, 6 * size, 1 * size, k.c3)
    pen.circle(u, v + 1, 2.6 * size, k.c5)
    pen.rect(u - 3 * size, v - 2.2 * size, 6 * size, 3.2 * size, k.c3, edge=False)
    pen.circle(u + 0.6 * size, v + 2.3 * size, 0.7 * size, k.screen, edge=False)
    led(pen, u - 1.3 * size, v + 2.0 * size, 0.35 * size, phase)


def screen(pen: Pen, u: float, v: float, w: float, h: float, bezel: float = 1.0,
           rad: float = 0.6) -> None:
    """A screen: dark bezel, screen surface inside (bezel units of border)."""
    k = pen.k
    pen.rect(u - bezel, v - bezel, w + 2 * bezel, h + 2 * bezel, k.c5, rad=rad)
    pen.rect(u, v, w, h, k.screen, edge=False)


def face(pen: Pen, cx: float, cy: float, r: float, c: Color, bg: Color | None = None) -> None:
    """Head-and-shoulders pictogram fitting a circle of radius r around (cx, cy)."""
    pen.circle(cx, cy - r * 0.25, r * 0.36, c, edge=False)
    pen.ellipse(cx - r * 0.62, cy + r * 0.2, r * 1.24, r * 1.1, c, edge=False)
    if bg is not None:
        pen.rect(cx - r, cy + r * 0.78, 2 * r, r * 0.6, bg, edge=False)


def tag(pen: Pen, u: float, v: float, text: str, size: float = 1.0, ok: bool = True) -> None:
    """Floating score tag centred above (u, v): a pill with digits and a star."""
    k = pen.k
    h = 2.2 * size
    w = digits_width(text, h) + 3.6 * size
    x0 = u - w / 2
    y0 = v - h - 1.6 * size
    pen.rect(x0, y0, w, h + 1.2 * size, k.panel if not k.hc else k.bg, rad=h * 0.6,
             edge=k.edge if k.hc else k.c2)
    pen.poly(star_points(x0 + 1.5 * size, y0 + (h + 1.2 * size) / 2, 0.95 * size),
             k.accent if ok else k.bad, edge=False)
    digits(pen, x0 + 2.8 * size, y0 + 0.6 * size, h, text, k.ink)
    pen.poly([(u - 0.7 * size, y0 + h + 1.2 * size), (u + 0.7 * size, y0 + h + 1.2 * size),
              (u, y0 + h + 2.0 * size)], k.panel if not k.hc else k.edge, edge=False)


def person(pen: Pen, u: float, ground: float, h: float, body: Color,
           head: Color | None = None, score: str | None = None, legs: Color | None = None,
           arm: int = 0, phone: bool = False) -> None:
    """A simple standing figure of height h with feet on `ground`."""
    k = pen.k
    head = head or k.skin
    legs = legs or k.c5
    hr = h * 0.11
    sh_w = h * 0.34
    torso_top = ground - h + 2 * hr + h * 0.02
    leg_top = ground - h * 0.42
    pen.rect(u - sh_w * 0.42, leg_top, sh_w * 0.36, h * 0.42, legs, rad=h * 0.04)
    pen.rect(u + sh_w * 0.06, leg_top, sh_w * 0.36, h * 0.42, legs, rad=h * 0.04)
    pen.rect(u - sh_w / 2, torso_top, sh_w, leg_top - torso_top + h * 0.04, body,
             rad=h * 0.1)
    if arm or phone:
        side = arm or 1
        pen.line(u + side * sh_w * 0.42, torso_top + h * 0.06, u + side * sh_w * 0.55,
                 torso_top + h * 0.26, body, h * 0.07)
        if phone:
            pen.rect(u + side * sh_w * 0.45, torso_top + h * 0.16, h * 0.08, h * 0.12,
                     k.screen, rad=h * 0.015)
    pen.circle(u, ground - h + hr, hr, head)
    if score:
        tag(pen, u, ground - h - h * 0.02, score, size=max(0.55, h / 22))


def window(pen: Pen, u: float, v: float, w: float, h: float, lit: bool,
           frame: Color | None = None, bars: bool = True) -> None:
    k = pen.k
    pen.rect(u, v, w, h, k.glow if lit else k.glass, edge=None)
    if bars:
        fc = frame or k.c3
        pen.rect(u + w / 2 - 0.3, v, 0.6, h, fc, edge=False)
        pen.rect(u, v + h * 0.45, w, 0.5, fc, edge=False)


def skyline(pen: Pen, base: float, tone, seed: int = 0, hmin=8, hmax=24,
             x0: float | None = None, x1: float | None = None) -> None:
    """Distant blocks between x0 and x1 (default: the whole width), clipped to that span."""
    x0 = pen.L if x0 is None else x0
    x1 = pen.R if x1 is None else x1
    old = pen.surf.get_clip()
    pen.surf.set_clip(pen.r(x0, -200, x1 - x0, 400).clip(old))
    x, i = x0 - 3, seed
    while x < x1:
        w = 6 + (i * 7) % 7
        h = hmin + (i * 11) % max(1, (hmax - hmin))
        pen.rect(x, base - h, w, h + 0.5, tone, edge=pen.k.edge2 or False)
        x += w + 0.8
        i += 1
    pen.surf.set_clip(old)


def tree(pen: Pen, u: float, ground: float, size: float = 1.0, tone: Color | None = None) -> None:
    k = pen.k
    pen.rect(u - 0.7 * size, ground - 9 * size, 1.4 * size, 9 * size, k.c4)
    c = tone or mix(k.c3, k.good, 0.35)
    pen.circle(u, ground - 13 * size, 6.5 * size, c)
    pen.circle(u - 3 * size, ground - 10.5 * size, 4.2 * size, c, edge=False)
    pen.circle(u + 3.2 * size, ground - 11 * size, 4.5 * size, c, edge=False)


def ticker(pen: Pen, u: float, v: float, w: float, h: float, c: Color, bg: Color,
           rate: float = 4.0) -> None:
    """A band of score blips scrolling left along a screen's bottom (seamless loop)."""
    pen.rect(u, v, w, h, bg, edge=False)
    lengths = (2.2, 3.6, 1.6)
    period = sum(lengths) + 1.4 * len(lengths)
    x = u - pen.step(rate, 8) * period / 8
    i = 0
    old = pen.surf.get_clip()
    pen.surf.set_clip(pen.r(u, v, w, h).clip(old))
    while x < u + w:
        seg = lengths[i % 3]
        pen.rect(x, v + h * 0.3, seg, h * 0.4, pen.k.scr_acc if i % 3 == 1 else c, edge=False)
        x += seg + 1.4
        i += 1
    pen.surf.set_clip(old)
