"""Travel scenes: station, airport, border."""

from __future__ import annotations

from game.ui.art_kit import Pen, mix
from game.ui.art_motifs import (digits, dome, face, person, screen, skyline, stars, text_lines)


def _gate(pen: Pen, x: float, ground: float, ok: bool, w: float = 9, h: float = 22) -> None:
    """A ticket-gate cabinet with a status screen and reader."""
    k = pen.k
    pen.rect(x, ground - h, w, h, k.c3, rad=1.2)
    pen.rect(x, ground - h, w, 2.2, k.c4, rad=1)
    pen.rect(x + 1.6, ground - h + 3.6, w - 3.2, 5, k.screen, rad=0.6)
    c = k.good if ok else k.bad
    if k.hc:
        c = mix(c, k.ink, 0.2)
    if ok:
        pen.poly([(x + w / 2 - 1.8, ground - h + 4.6), (x + w / 2 + 1.8, ground - h + 6.1),
                  (x + w / 2 - 1.8, ground - h + 7.6)], c, edge=False)
    else:
        pen.line(x + w / 2 - 1.4, ground - h + 4.6, x + w / 2 + 1.4, ground - h + 7.6, c, 0.7)
        pen.line(x + w / 2 + 1.4, ground - h + 4.6, x + w / 2 - 1.4, ground - h + 7.6, c, 0.7)
    pen.rect(x + 2, ground - h + 10.5, w - 4, 1.6, k.accent, rad=0.8, edge=False)


def station(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 14, k.c4)
    pen.band(14, 58, k.sky)
    pen.band(58, 100, k.floor)
    skyline(pen, 40, k.sky2, 1, 6, 18)
    # canopy trusses and roof columns
    for x in range(int(pen.L) // 20 * 20, int(pen.R) + 20, 20):
        pen.poly([(x, 14), (x + 10, 8), (x + 20, 14)], k.c5, edge=False)
        pen.rect(x - 0.6, 14, 1.2, 44, k.c4, edge=False)
    pen.band(13, 15, k.c5)
    # the high-speed train: long body, pointed nose
    body_top, body_bot = 30, 56
    pen.rect(pen.L - 2, body_top, 130 - pen.L, body_bot - body_top, k.panel)
    pen.poly([(126, body_top), (134, body_top + 1), (154, body_bot - 7),
              (156, body_bot), (126, body_bot)], k.panel)
    pen.poly([(128, body_top + 3), (136, body_top + 3.6), (147, body_top + 12),
              (128, body_top + 12)], k.screen, edge=False)
    pen.rect(pen.L - 2, body_top + 4, 124 - pen.L, 6, k.screen, edge=False)
    for x in range(int(pen.L) // 8 * 8, 124, 8):
        pen.rect(x, body_top + 4, 0.8, 6, k.c3, edge=False)
    pen.poly([(pen.L - 2, 46), (150, 46), (154, 50), (pen.L - 2, 50)], k.accent, edge=False)
    for x in (20, 74):
        pen.rect(x, body_top + 3, 7, 20, k.c2)
        pen.rect(x + 3.3, body_top + 3, 0.4, 20, k.c3, edge=False)
    # platform edge with a tactile safety strip
    pen.band(56, 58, k.c5)
    for x in range(int(pen.L) // 3 * 3, int(pen.R) + 3, 3):
        pen.rect(x, 59, 2, 1.6, k.accent if not k.hc else k.warm, edge=False)
    # departures board and a dome camera hanging from the canopy
    pen.rect(34, 14, 0.8, 3, k.c5, edge=False)
    pen.rect(64, 14, 0.8, 3, k.c5, edge=False)
    screen(pen, 28, 17, 42, 10, bezel=0.8)
    for i, (tm, ok) in enumerate((("08:15", True), ("08:40", False))):
        y = 18.2 + i * 4.4
        digits(pen, 30, y, 3, tm, k.scr_acc, "left")
        pen.rect(44, y + 0.7, 16, 1.6, k.scr_dim, rad=0.8, edge=False)
        pen.circle(65, y + 1.5, 1.2, (k.good if ok else k.bad), edge=False)
    dome(pen, 112, 14.5, 0.9)
    # the ticket gates: one lets a good citizen through, one stays shut on a low score
    person(pen, 57, 96, 30, k.c4, score="4.3")
    for i, x in enumerate((12, 42, 72, 116, 146)):
        _gate(pen, x - 4.5, 100, ok=(i != 3), h=30)
    for x in (16.5, 76.5):
        pen.rect(x + 1, 80, 20, 3.8, mix(k.glass, k.cool, 0.1), rad=1.5)
    person(pen, 131, 92, 24, k.c3, score="2.7")
    pen.rect(120.5, 78, 6, 12, k.bad if not k.hc else k.accent, rad=1.5)
    pen.rect(135.5, 78, 6, 12, k.bad if not k.hc else k.accent, rad=1.5)


def airport(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 8, k.c4)
    pen.band(8, 64, k.sky)
    pen.band(64, 100, k.floor)
    pen.circle(136, 20, 5, k.glow, edge=False)
    skyline(pen, 50, k.sky2, 8, 3, 9)
    pen.band(50, 64, k.c2)
    _plane(pen, 88, 46, 1.0)
    _plane(pen, 34, 22, 0.34, climbing=True)
    # curtain wall mullions
    for x in range(int(pen.L) // 18 * 18, int(pen.R) + 18, 18):
        pen.rect(x - 0.5, 8, 1, 56, k.c4, edge=False)
    pen.band(34, 35, k.c4)
    pen.band(62.5, 64, k.c4)
    # departures board
    pen.rect(99, 0, 0.8, 11, k.c5, edge=False)
    pen.rect(135, 0, 0.8, 11, k.c5, edge=False)
    screen(pen, 92, 10, 50, 19, bezel=1)
    for i in range(4):
        y = 11.5 + i * 4.3
        digits(pen, 94, y, 2.6, ("09:10", "09:25", "09:40", "10:05")[i], k.scr_fg)
        pen.rect(107, y + 0.6, 18, 1.4, k.scr_dim, rad=0.7, edge=False)
        bad = i == 2
        pen.rect(128, y, 12, 2.6, k.bad if bad else mix(k.screen, k.scr_fg, 0.18), rad=0.6,
                 edge=False)
        stars(pen, 134, y + 1.3, 0.9, 4 - (i % 3) if not bad else 1, k.scr_acc, k.screen,
              gap=0.3)
    dome(pen, 60, 8, 0.9)
    # row of seats, a traveller with a suitcase
    for x in range(int(pen.L) // 11 * 11 - 11, 66, 11):
        pen.rect(x, 80, 10, 2.5, k.c4, rad=1)
        pen.rect(x + 0.5, 70, 9, 10, k.c3, rad=2)
    pen.rect(pen.L, 82.5, 68 - pen.L, 1.6, k.c5, edge=False)
    for x in range(int(pen.L) // 22 * 22, 66, 22):
        pen.rect(x + 4, 84, 1.6, 10, k.c5, edge=False)
    person(pen, 30, 86, 18, k.c2, head=k.hair, score="3.9")
    pen.rect(24, 74, 12, 8, k.c2, rad=2)
    person(pen, 104, 96, 32, k.c4, score="4.6", arm=1)
    pen.rect(112, 78, 10, 15, k.accent, rad=1.6)
    pen.rect(115.5, 72, 3, 6, k.c5, edge=False)
    pen.circle(113.5, 94, 1, k.c5, edge=False)
    pen.circle(120.5, 94, 1, k.c5, edge=False)


def _plane(pen: Pen, u: float, v: float, s: float, climbing: bool = False) -> None:
    """Side view of an airliner, nose to the right, belly at v."""
    k = pen.k
    body = k.panel if not k.hc else k.c3
    d = -4 * s if climbing else 0

    def P(x, y):
        return (u + x * s, v + y * s + d * x / 40)
    pen.poly([P(-40, -4), P(-44, -18), P(-37, -18), P(-28, -8)], k.accent)
    pen.poly([P(-42, -8), P(34, -8), P(42, -5.5), P(44, -3), P(40, 0), P(-36, 0), P(-42, -4)],
             body)
    pen.poly([P(-6, -3), P(10, -3), P(-4, 6), P(-10, 6)], k.c3)
    pen.poly([P(0, 1), P(10, 1), P(10, 5), P(0, 5)], k.c4)
    for i in range(10):
        pen.circle(*P(-30 + i * 6, -5), max(0.35, 0.8 * s), k.c3, edge=False)
    pen.poly([P(34, -7), P(39, -6.4), P(40, -4.6), P(34, -4.6)], k.screen, edge=False)
    if not climbing:
        for x in (-26, 22):
            pen.rect(*P(x, 0), 1 * s, 4 * s, k.c5, edge=False)
            pen.circle(*P(x + 0.5, 4.6), 1.4 * s, k.c5, edge=False)


def border(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 66, k.wall2)
    pen.band(66, 100, k.floor)
    pen.band(0, 7, k.c3)
    # overhead sign: passport + face pictograms
    screen(pen, 40, 8, 80, 10, bezel=0.8)
    pen.rect(46, 9.5, 5, 7, k.scr_acc, rad=0.6, edge=False)
    pen.circle(48.5, 12.4, 1.4, k.screen, edge=False)
    pen.circle(58, 13, 3.6, k.scr_dim, edge=False)
    face(pen, 58, 13.4, 3.2, k.screen)
    pen.poly([(66, 11), (72, 11), (72, 9.5), (76, 13), (72, 16.5), (72, 15), (66, 15)],
             k.scr_fg, edge=False)
    text_lines(pen, 82, 10.5, 32, 2, k.scr_dim, h=1.4, gap=3.2)
    dome(pen, 132, 7, 0.9)
    # side e-gates
    for x in (6, 126):
        pen.rect(x, 36, 2, 46, k.c3)
        pen.rect(x + 24, 36, 2, 46, k.c3)
        pen.rect(x + 2, 56, 22, 14, k.glass)
        pen.rect(x + 2, 62, 22, 1.5, k.accent, edge=False)
        pen.rect(x + 9, 28, 8, 6, k.screen, rad=0.6)
        pen.rect(x + 12.4, 34, 1.2, 10, k.c4, edge=False)
    # the central gate: a face scanner at eye height
    pen.rect(50, 22, 60, 66, k.c2, rad=2)
    pen.rect(66, 86, 28, 2, k.c4, edge=False)
    screen(pen, 60, 27, 40, 34, bezel=1.6)
    for dx, dy, sx, sy in ((0, 0, 1, 1), (40, 0, -1, 1), (0, 34, 1, -1), (40, 34, -1, -1)):
        pen.rect(60 + dx + (0 if sx > 0 else -6), 27 + dy + (0 if sy > 0 else -1), 6, 1,
                 k.scr_acc, edge=False)
        pen.rect(60 + dx + (0 if sx > 0 else -1), 27 + dy + (0 if sy > 0 else -6), 1, 6,
                 k.scr_acc, edge=False)
    pen.ring(80, 40, 9, k.scr_fg, 0.8)
    pen.ellipse(73.5, 50, 13, 11, k.scr_dim, edge=False)
    pen.rect(62, 57, 36, 4, k.screen, edge=False)
    for ex in (76.6, 83.4):
        pen.rect(ex - 1.2, 38.8, 2.4, 1, k.scr_fg, edge=False)
    scan = 30 + pen.step(8, 12) * 2.4
    pen.rect(62, scan, 36, 0.8, k.scr_acc, edge=False)
    pen.circle(80, 24.2, 1.5, k.c5)
    pen.circle(80, 24.2, 0.6, k.scr_acc, edge=False)
    # passport reader and barrier doors
    pen.rect(66, 65, 28, 8, k.c4, rad=1)
    pen.rect(69, 66.5, 22, 5, k.screen, rad=0.6, edge=False)
    pen.rect(74, 64, 10, 7, k.accent, rad=0.8)
    pen.circle(79, 67.5, 1.8, k.warm, edge=False)
    digits(pen, 80, 75.5, 5, "3.2", k.accent if not k.hc else k.accent, "center")
    pen.rect(34, 72, 14, 18, k.glass)
    pen.rect(112, 72, 14, 18, k.glass)
    pen.rect(34, 78, 14, 1.4, k.bad, edge=False)
    pen.rect(112, 78, 14, 1.4, k.bad, edge=False)
    # queue stanchions, a waiting traveller
    for x in (6, 22, 138, 154):
        pen.rect(x - 0.6, 86, 1.2, 12, k.c4, edge=False)
        pen.rect(x - 2, 97, 4, 1.2, k.c4, edge=False)
    pen.rect(6, 88, 16, 0.9, k.accent, edge=False)
    pen.rect(138, 88, 16, 0.9, k.accent, edge=False)
    person(pen, 148, 100, 26, k.c4, score="3.2")


SCENES = {"station": station, "airport": airport, "border": border}
ANIMATED = {"station", "airport", "border"}
