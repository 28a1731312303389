"""Public-space scenes: street, crossing, square, park."""

from __future__ import annotations

from game.ui.art_kit import Pen, mix
from game.ui.art_motifs import (digits, face, led, person, pole_camera, screen, skyline,
                                star_points, stars, ticker, tree)


def _facade(pen: Pen, x: float, w: float, top: float, ground: float, tone, win, seed: int,
            shop: bool = True) -> None:
    k = pen.k
    pen.rect(x, top, w, ground - top, tone)
    pen.rect(x - 0.6, top - 1.2, w + 1.2, 1.6, mix(tone, k.ink, 0.25))
    cols = max(1, int((w - 2) // 6))
    gap = (w - cols * 3.6) / (cols + 1)
    y = top + 4
    row = 0
    while y + 5 < ground - (14 if shop else 4):
        for c in range(cols):
            lit = (seed * 5 + row * 3 + c * 7) % 6 == 0
            pen.rect(x + gap + c * (3.6 + gap), y, 3.6, 5, k.glow if lit else win, edge=False)
        y += 8
        row += 1
    if shop:
        pen.rect(x + 2, ground - 11, w - 4, 11, k.glass)
        pen.rect(x + w / 2 - 2, ground - 9, 4, 9, mix(tone, k.ink, 0.3), edge=False)


def street(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 72, k.sky)
    pen.band(72, 80, k.floor)
    pen.band(80, 100, k.c3)
    skyline(pen, 40, k.sky2, 4, 6, 26)
    x, i = pen.L - 4, 0
    while x < pen.R:
        w = (26, 20, 30, 22, 24)[i % 5]
        top = (18, 30, 12, 26, 22)[i % 5]
        tone = (k.c1, k.c2, k.c1, k.c3, k.c2)[i % 5]
        _facade(pen, x, w, top, 72, tone, k.wall2 if tone != k.c1 else k.c2, i)
        x += w
        i += 1
    # awning, billboard
    for j in range(6):
        pen.rect(52 + j * 3.4, 58, 3.4, 3.2, k.accent if j % 2 == 0 else k.panel, edge=False)
    pen.rect(104, 4, 1.2, 14, k.c4, edge=False)
    pen.rect(130, 4, 1.2, 14, k.c4, edge=False)
    screen(pen, 96, 2, 42, 16, bezel=1.2)
    face(pen, 104, 10, 5.5, k.scr_dim)
    digits(pen, 122, 5, 8, "4.3", k.scr_acc, "center")
    ticker(pen, 96, 16, 42, 2, k.scr_dim, k.screen)
    # kerb, road markings, a car
    pen.band(79.4, 80.6, k.c2)
    for x in range(int(pen.L) // 16 * 16, int(pen.R) + 16, 16):
        pen.rect(x, 89.5, 8, 1.2, k.paint, edge=False)
    pen.rect(96, 82, 34, 9, k.c4, rad=3)
    pen.poly([(102, 82.5), (106, 76), (120, 76), (125, 82.5)], k.c4)
    pen.poly([(106, 81.5), (108, 77.2), (112, 77.2), (112, 81.5)], k.glass, edge=False)
    pen.poly([(114, 81.5), (114, 77.2), (119, 77.2), (122, 81.5)], k.glass, edge=False)
    pen.circle(103, 91, 3, k.c5)
    pen.circle(123, 91, 3, k.c5)
    # pedestrians, lamps with cameras
    person(pen, 22, 78, 20, k.c4, score="4.1")
    person(pen, 44, 78, 18, k.accent, phone=True, score="3.6")
    person(pen, 148, 78, 19, k.c3, score="4.7")
    for x, f in ((8, 1), (84, -1)):
        pole_camera(pen, x, 79, 40, f, 0.8, phase=x)
        pen.rect(x - 3, 39, 6, 1.4, k.c5, rad=0.7)


def crossing(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 52, k.sky)
    pen.band(52, 60, k.floor)
    pen.band(60, 90, k.c3)
    pen.band(90, 100, k.floor)
    skyline(pen, 52, k.sky2, 9, 10, 36)
    # far buildings and the big public screen naming jaywalkers
    _facade(pen, pen.L - 2, 40 - pen.L, 20, 52, k.c1, k.c2, 1)
    _facade(pen, 120, pen.R - 120, 14, 52, k.c2, k.wall2, 3)
    pen.rect(38, 4, 84, 48, k.c1)
    screen(pen, 44, 8, 72, 34, bezel=1.4)
    pen.rect(44, 8, 30, 34, mix(k.screen, k.bad, 0.25), edge=False)
    face(pen, 59, 24, 12, k.scr_fg)
    pen.rect(44, 36, 30, 6, mix(k.screen, k.bad, 0.25), edge=False)
    digits(pen, 96, 12, 12, "2.9", k.scr_acc, "center")
    digits(pen, 96, 28, 5, "-0.5", k.bad if k.hc else mix(k.bad, k.scr_fg, 0.3), "center")
    ticker(pen, 44, 39, 72, 3, k.scr_dim, k.screen)
    pen.rect(52, 44, 6, 8, k.c2, edge=False)
    pen.rect(102, 44, 6, 8, k.c2, edge=False)
    # waiting people on the far kerb
    for x, h, c, sc in ((22, 12, k.c4, "4.2"), (30, 11, k.c3, None), (132, 12, k.c4, "3.8"),
                        (140, 11.5, k.accent, None)):
        person(pen, x, 57, h, c, score=sc)
    # the zebra stripes, converging away from us
    for i in range(-5, 6):
        nx, fx = 80 + i * 12.5, 80 + i * 7.6
        pen.poly([(fx - 2.4, 61), (fx + 2.4, 61), (nx + 4.2, 89), (nx - 4.2, 89)], k.paint,
                 edge=False)
    # pedestrian light: red man lit, green man dark
    pen.rect(14.8, 38, 1.8, 62, k.c4)
    pen.rect(9, 40, 13.5, 26, k.c5, rad=1.6)
    pen.rect(10.5, 41.5, 10.5, 11, k.screen, rad=1, edge=False)
    pen.rect(10.5, 53.5, 10.5, 11, k.screen, rad=1, edge=False)
    _walker(pen, 15.75, 47, 9, k.bad, standing=True)
    _walker(pen, 15.75, 59, 9, k.scr_dim, standing=False)
    pen.rect(17.5, 68, 4, 5, k.c5, rad=0.8)
    pen.circle(19.5, 70.5, 1, k.accent, edge=False)
    pole_camera(pen, 146, 92, 50, -1, 1.0)
    person(pen, 128, 98, 30, k.c4, phone=True, arm=-1, score="3.1")


def _walker(pen: Pen, u: float, v: float, h: float, c, standing: bool) -> None:
    """Pedestrian-signal pictogram centred at (u, v)."""
    pen.circle(u, v - h * 0.38, h * 0.1, c, edge=False)
    if standing:
        pen.rect(u - h * 0.14, v - h * 0.26, h * 0.28, h * 0.34, c, rad=h * 0.05, edge=False)
        pen.rect(u - h * 0.12, v + h * 0.06, h * 0.09, h * 0.36, c, edge=False)
        pen.rect(u + h * 0.03, v + h * 0.06, h * 0.09, h * 0.36, c, edge=False)
        pen.rect(u - h * 0.22, v - h * 0.24, h * 0.07, h * 0.3, c, edge=False)
        pen.rect(u + h * 0.15, v - h * 0.24, h * 0.07, h * 0.3, c, edge=False)
    else:
        pen.poly([(u - h * 0.1, v - h * 0.26), (u + h * 0.1, v - h * 0.26),
                  (u + h * 0.06, v + h * 0.08), (u - h * 0.1, v + h * 0.08)], c, edge=False)
        pen.line(u - h * 0.05, v + h * 0.05, u - h * 0.24, v + h * 0.42, c, h * 0.09)
        pen.line(u + h * 0.02, v + h * 0.05, u + h * 0.2, v + h * 0.42, c, h * 0.09)
        pen.line(u - h * 0.05, v - h * 0.2, u - h * 0.24, v, c, h * 0.07)
        pen.line(u + h * 0.05, v - h * 0.2, u + h * 0.22, v - h * 0.04, c, h * 0.07)


def square(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 58, k.sky)
    pen.band(58, 100, k.floor)
    for i, y in enumerate((61, 65, 70.5, 77, 85, 94)):
        pen.band(y, y + 0.4 + i * 0.12, k.floor2)
    skyline(pen, 58, k.sky2, 2, 12, 40)
    _facade(pen, pen.L - 2, 30 - pen.L, 16, 58, k.c2, k.wall2, 2, shop=False)
    _facade(pen, 130, pen.R - 130, 20, 58, k.c2, k.wall2, 4, shop=False)
    # the giant screen of faces and scores
    pen.rect(28, 2, 104, 56, k.c3)
    screen(pen, 33, 6, 94, 42, bezel=1.6)
    scores = ("4.8", "4.5", "1.9", "3.7", "4.9", "4.2", "2.6", "4.0")
    for i, sc in enumerate(scores):
        cx = 33 + 11.75 + (i % 4) * 23.5
        cy = 6 + 10 + (i // 4) * 18
        low = sc < "3"
        if low:
            pen.rect(cx - 11, cy - 9, 22, 17, mix(k.screen, k.bad, 0.3), edge=False)
        pen.circle(cx - 5, cy - 1, 5, k.scr_dim, edge=False)
        face(pen, cx - 5, cy - 0.6, 4.2, k.screen)
        digits(pen, cx + 5, cy - 3.5, 5, sc, k.scr_acc if i == 4 else k.scr_fg, "center")
    ticker(pen, 33, 44, 94, 4, k.scr_dim, k.screen)
    for x in (40, 120):
        pen.rect(x - 3, 50, 6, 8, k.c4)
    pen.rect(70, 50, 20, 8, k.c4)
    # plinth with a big star, pole cameras, crowd facing the screen
    pen.rect(74, 68, 12, 12, k.c3)
    pen.rect(72, 78, 16, 3, k.c4)
    pen.poly(star_points(80, 60, 9), k.accent)
    pole_camera(pen, 10, 92, 46, 1, 1.0)
    pole_camera(pen, 150, 92, 46, -1, 1.0, phase=0.7)
    rng = pen.rng
    for row, (y, h) in enumerate(((64, 8), (72, 11), (84, 15), (98, 20))):
        n = (8, 6, 5, 4)[row]
        for i in range(n):
            x = 20 + (i + 0.5) * 120 / n + rng.uniform(-4, 4)
            if 66 < x < 94 and row < 2:
                continue
            c = (k.c3, k.c4, k.c2, k.c5)[(i + row) % 4]
            sc = "%.1f" % rng.uniform(2.0, 4.9) if (i + row) % 3 == 0 and row >= 2 else None
            person(pen, x, y, h, c, head=k.hair, score=sc)


def park(pen: Pen) -> None:
    k = pen.k
    grass = mix(k.c1, k.good, 0.22)
    grass2 = mix(k.c2, k.good, 0.28)
    pen.band(0, 60, k.sky)
    pen.band(60, 100, grass)
    pen.circle(128, 16, 7, k.warm, edge=False)
    skyline(pen, 52, k.sky2, 6, 6, 22)
    pen.ellipse(pen.L - 20, 48, 110 - pen.L, 30, grass2, edge=k.edge2 or False)
    pen.ellipse(70, 52, pen.R - 50, 26, grass, edge=k.edge2 or False)
    pen.band(64, 100, grass)
    # path and pond
    pen.poly([(70, 62), (82, 62), (120, 100), (40, 100)], k.floor)
    pen.ellipse(112, 66, 40, 9, k.glass)
    pen.ellipse(122, 68, 14, 2, k.wall, edge=False)
    for x, s in ((14, 1.15), (34, 0.8), (150, 1.0), (96, 0.7)):
        tree(pen, x, 66 + s * 6, s, grass2 if x % 3 else None)
    # bench with a sitter, a rating post, a jogger
    pen.rect(18, 80, 30, 2.2, k.c4, rad=1)
    pen.rect(18, 74, 30, 2.2, k.c4, rad=1)
    pen.rect(21, 82, 1.6, 8, k.c5, edge=False)
    pen.rect(43.4, 82, 1.6, 8, k.c5, edge=False)
    pen.rect(29, 66, 7, 14, k.c3, rad=2.5)
    pen.circle(32.5, 63, 3, k.skin)
    pen.rect(33, 78, 10, 3.4, k.c5, rad=1.2)
    pen.rect(41, 78, 3, 12, k.c5, rad=1.2)
    pen.rect(36, 70, 3, 3.6, k.screen, rad=0.5)
    pen.rect(132, 76, 1.4, 18, k.c4, edge=False)
    pen.rect(124, 70, 18, 9, k.panel, rad=1)
    stars(pen, 133, 74.5, 1.4, 3, k.accent, k.c2, gap=0.6)
    person(pen, 92, 90, 26, k.accent, arm=-1, score="4.4")
    pole_camera(pen, 62, 70, 36, 1, 0.8)
    pen.rect(59, 34, 6, 1.4, k.c5, rad=0.7)
    # a drone overhead
    _drone(pen, 100, 20)


def _drone(pen: Pen, u: float, v: float) -> None:
    k = pen.k
    pen.rect(u - 9, v - 0.6, 18, 1.2, k.c4, edge=False)
    for dx in (-9, 9):
        pen.rect(u + dx - 4, v - 2, 8, 0.8, k.c3, rad=0.4, edge=False)
        pen.rect(u + dx - 0.4, v - 2, 0.8, 2, k.c4, edge=False)
    pen.rect(u - 3.5, v - 1.5, 7, 3.5, k.c5, rad=1.2)
    pen.circle(u, v + 2.6, 1.3, k.c5)
    led(pen, u + 2, v, 0.5)


SCENES = {"street": street, "crossing": crossing, "square": square, "park": park}
ANIMATED = {"street", "crossing", "square", "park"}
