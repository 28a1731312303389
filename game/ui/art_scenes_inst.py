"""Institution scenes: office, school, bank, appeal_office, hospital, courtroom."""

from __future__ import annotations

import math

from game.ui.art_kit import Pen, mix
from game.ui.art_motifs import (camera, digits, dome, face, person, pole_camera, screen, skyline,
                                star_points, stars, tag, text_lines, ticker)


def _back(pen: Pen, u: float, ground: float, h: float, body, hair) -> None:
    """A seated figure seen from behind: shoulders and head."""
    pen.rect(u - h * 0.3, ground - h * 0.62, h * 0.6, h * 0.62, body, rad=h * 0.16)
    pen.circle(u, ground - h * 0.78, h * 0.19, hair)


def office(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 5, k.c3)
    pen.band(5, 60, k.sky)
    pen.band(60, 100, k.floor)
    skyline(pen, 60, k.sky2, 11, 14, 44)
    for x in range(int(pen.L) // 26 * 26, int(pen.R) + 26, 26):
        pen.rect(x - 0.6, 5, 1.2, 55, k.c3, edge=False)
    for x in (8, 112):
        pen.rect(x, 5, 40, 1.4, k.glow, edge=False)
    # ranking wall: portraits on top of score bars, the lowest in red
    pen.rect(63.4, 0, 1.2, 6, k.c5, edge=False)
    pen.rect(95.4, 0, 1.2, 6, k.c5, edge=False)
    screen(pen, 50, 6, 60, 34, bezel=1.2)
    heights = (20, 17, 14, 11, 8, 3)
    for i, h in enumerate(heights):
        x = 53.5 + i * 9.4
        last = i == len(heights) - 1
        col = k.scr_acc if i == 0 else (k.bad if last else k.scr_dim)
        pen.rect(x, 37 - h, 6.4, h, col, edge=False)
        pen.circle(x + 3.2, 37 - h - 4, 3, k.scr_fg if not last else col, edge=False)
        face(pen, x + 3.2, 37 - h - 3.8, 2.6, k.screen)
    dome(pen, 134, 5, 0.9)
    # partitions with colleagues' monitors
    pen.rect(pen.L, 48, pen.R - pen.L, 14, k.c2)
    pen.band(47, 49, k.c3)
    for x, sc in ((8, "4.6"), (32, "4.1"), (124, "4.4")):
        pen.rect(x, 37, 18, 11, k.c5, rad=1)
        pen.rect(x + 1.2, 38.2, 15.6, 8.6, k.screen, edge=False)
        digits(pen, x + 9, 39.6, 4, sc, k.scr_fg, "center")
        pen.circle(x + 9, 32, 3, k.hair)
    # foreground desk: my monitor with my score, mug, plant, me from behind
    pen.rect(pen.L, 74, pen.R - pen.L, 3, k.c4)
    pen.rect(pen.L, 77, pen.R - pen.L, 23, k.c1)
    pen.rect(88, 44, 50, 28, k.c5, rad=1.4)
    pen.rect(90, 46, 46, 24, k.screen, edge=False)
    pts = [(93 + i * 5, 66 - (i * 7 % 11)) for i in range(9)]
    for a, b in zip(pts, pts[1:]):
        pen.line(a[0], a[1], b[0], b[1], k.scr_acc, 0.6)
    text_lines(pen, 93, 49, 16, 2, k.scr_dim, h=1.2, gap=2.6)
    digits(pen, 132, 48.5, 5, "3.8", k.scr_acc, "right")
    stars(pen, 126, 56.5, 1.1, 3, k.scr_fg, k.scr_dim, gap=0.3)
    pen.rect(111, 72, 4, 2, k.c5, edge=False)
    pen.rect(36, 68, 6, 6, k.accent, rad=1)
    pen.ring(43, 71, 1.6, k.accent, 0.8)
    pen.rect(14, 66, 8, 8, k.c3, rad=1)
    for dx, dy in ((-3, -4), (0, -6), (3, -4)):
        pen.ellipse(16.3 + dx, 58 + dy, 3.5, 8, mix(k.c3, k.good, 0.4), edge=False)
    pen.rect(52, 71, 18, 3, k.panel, edge=None)
    _back(pen, 112, 102, 30, k.c4, k.hair)


def school(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 64, k.wall)
    pen.band(64, 100, k.floor)
    pen.band(46, 64, k.wall2)
    # windows
    for x in (pen.L - 2, 4):
        pen.rect(x, 12, 14, 30, k.c3)
        pen.rect(x + 1.2, 13.2, 11.6, 27.6, k.sky, edge=False)
        pen.rect(x + 6.4, 13.2, 1.2, 27.6, k.c3, edge=False)
    # chalkboard with sums, and a class-ranking screen beside it
    board = mix(k.c5, k.good, 0.25) if not k.hc else k.panel
    chalk = k.wall if not k.hc else k.ink
    pen.rect(30, 10, 76, 38, k.c4)
    pen.rect(32, 12, 72, 34, board, edge=False)
    digits(pen, 37, 17, 7, "4+3", chalk)
    pen.rect(53, 19, 5, 1, chalk, edge=False)
    pen.rect(53, 22, 5, 1, chalk, edge=False)
    digits(pen, 61, 17, 7, "7", chalk)
    pen.ring(63, 20.5, 6, k.accent if not k.hc else k.accent, 0.5)
    text_lines(pen, 37, 30, 58, 3, mix(board, chalk, 0.6), h=1, gap=4, seed=3)
    pen.rect(30, 48, 76, 1.6, k.c3, edge=False)
    pen.rect(40, 47, 6, 1.4, k.panel, edge=False)
    screen(pen, 114, 12, 30, 36, bezel=1.2)
    for i, n in enumerate((5, 4, 4, 3, 1)):
        y = 15 + i * 6.4
        pen.circle(118.5, y + 1.6, 1.8, k.scr_dim, edge=False)
        stars(pen, 123, y + 1.6, 1.3, n, k.scr_acc if n > 1 else k.bad, k.scr_dim, gap=0.4,
              align="left")
    # clock and camera
    pen.circle(68, 4.8, 3.6, k.panel)
    pen.ring(68, 4.8, 3.6, k.c4, 0.6)
    pen.line(68, 4.8, 68, 2.2, k.ink, 0.5)
    pen.line(68, 4.8, 70, 5.6, k.ink, 0.5)
    camera(pen, 150, 8, 0.9, face=-1)
    # teacher's desk with an apple
    pen.rect(110, 58, 36, 4, k.c4)
    pen.rect(112, 62, 32, 16, k.c3)
    pen.circle(120, 55.6, 2.4, k.accent)
    pen.rect(119.8, 52, 0.6, 2, k.c5, edge=False)
    pen.poly(star_points(136, 55, 2.4), k.accent)
    # pupils at their desks, seen from behind
    for row, (y, h, xs) in enumerate(((76, 14, (8, 34, 60, 86)), (96, 20, (4, 46, 88, 130)))):
        for i, x in enumerate(xs):
            body = (k.c3, k.accent, k.c4, k.c2)[(i + row) % 4]
            _back(pen, x + h * 0.6, y - h * 0.18, h, body, k.hair)
            pen.rect(x, y - h * 0.25, h * 1.5, h * 0.1, k.c4, edge=None)
            pen.rect(x + h * 0.1, y - h * 0.15, h * 0.1, h * 0.4, k.c5, edge=False)
            pen.rect(x + h * 1.3, y - h * 0.15, h * 0.1, h * 0.4, k.c5, edge=False)


def bank(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 86, k.sky)
    pen.band(86, 100, k.floor)
    skyline(pen, 86, k.sky2, 5, 20, 50)
    stone = k.c1
    # pediment, entablature with a score screen, columns, steps
    pen.poly([(24, 22), (80, 4), (136, 22)], stone)
    pen.poly([(34, 20), (80, 8), (126, 20)], k.c2, edge=False)
    pen.circle(80, 15, 3, k.accent)
    pen.rect(22, 22, 116, 4, k.c3)
    pen.rect(26, 26, 108, 10, stone)
    screen(pen, 50, 27.4, 60, 7.2, bezel=0.6, rad=0)
    ticker(pen, 50, 27.4, 34, 7.2, k.scr_dim, k.screen, rate=3)
    digits(pen, 88, 28.4, 5.2, "3.7", k.scr_acc)
    stars(pen, 104, 31, 1.1, 3, k.scr_acc, k.scr_dim, n=3, gap=0.3)
    pen.rect(28, 36, 104, 40, k.c2)
    for i in range(6):
        x = 31 + i * 19
        pen.rect(x, 37, 7, 39, stone)
        pen.rect(x - 1, 36, 9, 2, k.c1)
        pen.rect(x + 2, 39, 0.6, 35, k.c2, edge=False)
        pen.rect(x + 4.4, 39, 0.6, 35, k.c2, edge=False)
    pen.rect(69, 46, 22, 30, k.c4)
    pen.rect(71, 48, 8.5, 28, k.glass, edge=False)
    pen.rect(80.5, 48, 8.5, 28, k.glass, edge=False)
    for j in range(3):
        pen.rect(24 - j * 2, 76 + j * 3.4, 112 + j * 4, 3.4, (k.c1, k.c2, k.c1)[j])
    # ATM refusing a customer
    pen.rect(8, 56, 14, 30, k.c3, rad=1)
    pen.rect(10, 59, 10, 8, k.screen, edge=False)
    pen.line(13, 61, 17, 65, k.bad, 0.8)
    pen.line(17, 61, 13, 65, k.bad, 0.8)
    pen.rect(11, 70, 8, 1.2, k.c5, edge=False)
    person(pen, 26, 96, 26, k.c4, head=k.hair, score="2.4")
    pole_camera(pen, 150, 92, 58, -1, 1.0)
    camera(pen, 142, 44, 0.8, face=-1)


def appeal_office(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 60, k.wall)
    pen.band(60, 100, k.floor)
    # now serving: the big queue-number display
    screen(pen, 52, 4, 56, 14, bezel=1.2)
    digits(pen, 64, 6.4, 9.2, "047", k.scr_acc, "center")
    pen.poly([(82, 8), (88, 11), (82, 14)], k.scr_fg, edge=False)
    digits(pen, 98, 6.4, 9.2, "3", k.scr_fg, "center")
    # counter with three numbered windows behind glass
    pen.rect(pen.L, 24, pen.R - pen.L, 32, k.c1)
    for i, x in enumerate((10, 60, 110)):
        pen.rect(x, 26, 40, 26, k.glass)
        pen.rect(x + 19.4, 26, 1.2, 26, k.c2, edge=False)
        pen.rect(x + 15, 21, 10, 4.4, k.screen, rad=0.6)
        digits(pen, x + 20, 21.6, 3.2, str(i + 1), k.scr_acc if i == 2 else k.scr_fg, "center")
    _back_clerk = (135, 52)
    person(pen, _back_clerk[0], _back_clerk[1] + 6, 26, k.c4, head=k.skin)
    pen.rect(112, 44, 36, 8, k.glass, edge=False)
    pen.rect(pen.L, 50, pen.R - pen.L, 4, k.c4)
    pen.rect(pen.L, 54, pen.R - pen.L, 12, k.c3)
    # forms stacked on the counter, a form rack on the wall
    for i in range(4):
        pen.rect(26 + i * 0.6, 46.8 - i * 0.9, 12, 3, k.panel, edge=None)
    pen.rect(72, 44, 12, 6, k.panel)
    text_lines(pen, 73.5, 45.2, 8, 2, k.c3, h=0.6, gap=1.6)
    pen.rect(84, 45.8, 4, 0.8, k.accent, edge=False)
    for j in range(3):
        pen.rect(150 + (j % 2) * 6, 10 + j * 4, 5, 6, k.panel)
        pen.rect(151 + (j % 2) * 6, 11.2 + j * 4, 3, 0.6, k.c3, edge=False)
    # ticket dispenser
    pen.rect(6, 58, 10, 30, k.c4)
    pen.rect(2, 50, 18, 12, k.accent, rad=2)
    pen.rect(5, 52.4, 12, 4, k.screen, rad=0.6, edge=False)
    pen.rect(9, 61, 4, 4, k.panel)
    digits(pen, 11, 53, 2.6, "052", k.scr_fg, "center")
    # waiting chairs and people clutching numbers
    for x in range(int(pen.L) // 16 * 16 + 24, int(pen.R), 16):
        pen.rect(x, 80, 14, 3, k.c3, rad=1)
        pen.rect(x + 1, 70, 12, 10, k.c2, rad=2)
        pen.rect(x + 2, 83, 1.2, 9, k.c4, edge=False)
        pen.rect(x + 10.8, 83, 1.2, 9, k.c4, edge=False)
    for x, c in ((47, k.c4), (79, k.c3), (127, k.accent)):
        _back(pen, x, 84, 22, c, k.hair)
    pen.rect(84, 66, 4, 5, k.panel)
    digits(pen, 86, 67, 2, "52", k.ink, "center")
    camera(pen, 150, 30, 0.8, face=-1)
    dome(pen, 28, 0, 0.8)


def hospital(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 66, k.wall)
    pen.band(66, 100, k.floor)
    pen.band(46, 48, k.wall2)
    # cross sign, window, curtain on its rail
    pen.rect(66, 6, 16, 16, k.panel, rad=2)
    cross = k.good
    pen.rect(71.5, 8.5, 5, 11, cross, edge=False)
    pen.rect(68.5, 11.5, 11, 5, cross, edge=False)
    pen.rect(100, 8, 30, 32, k.c3)
    pen.rect(102, 10, 26, 28, k.sky, edge=False)
    skyline(pen, 38, k.sky2, 4, 4, 14, x0=102, x1=128)
    pen.rect(114.4, 10, 1.2, 28, k.c3, edge=False)
    pen.rect(pen.L, 4, 44 - pen.L, 1.4, k.c4, edge=False)
    for i in range(5):
        pen.rect(pen.L + i * 0 + (i * 8) + 2 - 10, 5, 8, 82, k.c2 if i % 2 else k.c1,
                 edge=None if i == 4 else False)
    dome(pen, 146, 0, 0.8)
    # heart monitor with vitals and the score
    pen.rect(52.4, 38, 1.2, 12, k.c4, edge=False)
    screen(pen, 40, 22, 30, 17, bezel=1.2)
    pts = []
    sweep = pen.step(8, 10)
    for i in range(15):
        x = 41 + i * 2
        y = 30 + (-5 if i % 5 == 2 else 3 if i % 5 == 3 else 0)
        pts.append((x, y))
    for i, (a, b) in enumerate(zip(pts, pts[1:])):
        if pen.motion and i // 1.5 == sweep:
            continue
        pen.line(a[0], a[1], b[0], b[1], k.good if not k.hc else k.scr_acc, 0.6)
    digits(pen, 44, 33.6, 3.6, "72", k.scr_fg)
    digits(pen, 68, 33.6, 3.6, "3.4", k.scr_acc, "right")
    pen.poly(star_points(58.8, 35.4, 1.3), k.scr_acc, edge=False)
    # drip stand
    pen.rect(140, 18, 1.2, 66, k.c4, edge=False)
    pen.rect(135, 18, 11, 1, k.c4, edge=False)
    pen.rect(137, 20, 7, 10, k.glass, rad=2)
    pen.rect(140, 30, 0.5, 30, k.c3, edge=False)
    pen.rect(134, 84, 13, 1.2, k.c4, edge=False)
    # the bed with a patient
    pen.rect(40, 52, 5, 30, k.c4, rad=1)
    pen.rect(124, 58, 4, 26, k.c4, rad=1)
    pen.rect(44, 60, 82, 10, k.panel)
    pen.rect(46, 54, 18, 7, k.wall, rad=3)
    pen.circle(56, 54, 5, k.skin)
    pen.arc(51, 48.5, 10, 8, 0.2, math.pi - 0.2, k.hair, 2)
    pen.poly([(62, 56), (118, 56), (126, 60), (126, 70), (62, 70)], k.glass)
    pen.rect(62, 56, 10, 14, mix(k.glass, k.panel, 0.5), edge=False)
    pen.rect(44, 70, 84, 3, k.c3)
    pen.rect(48, 73, 2, 10, k.c4, edge=False)
    pen.rect(120, 73, 2, 10, k.c4, edge=False)
    for x in (49, 121):
        pen.circle(x, 85, 1.6, k.c5)
    # clipboard with a rating
    pen.rect(128, 62, 9, 12, k.panel)
    pen.rect(131, 61, 3, 2, k.c4, edge=False)
    stars(pen, 132.5, 66, 0.8, 2, k.accent, k.c2, gap=0.2)
    text_lines(pen, 129.5, 69, 6, 2, k.c2, h=0.6, gap=1.6)


def courtroom(pen: Pen) -> None:
    k = pen.k
    brown = mix(mix(k.ink, k.hot, 0.4), k.bg, 0.3)
    wood = mix(brown, k.bg, 0.35) if not k.hc else k.c3
    wood2 = brown if not k.hc else k.c4
    pen.band(0, 72, k.wall)
    pen.band(72, 100, k.floor)
    for x in range(int(pen.L) // 12 * 12, int(pen.R) + 12, 12):
        pen.rect(x, 6, 6, 50, k.wall2, edge=False)
    # the round emblem: scales of justice over the defendant's score
    pen.circle(80, 17, 14, wood2)
    pen.circle(80, 17, 12.2, k.screen)
    pen.rect(79.3, 7, 1.4, 13, k.scr_fg, edge=False)
    pen.rect(71, 8.6, 18, 1.2, k.scr_fg, edge=False)
    for x in (72.5, 87.5):
        pen.line(x, 9.2, x - 2.6, 14, k.scr_dim, 0.3)
        pen.line(x, 9.2, x + 2.6, 14, k.scr_dim, 0.3)
        pen.ellipse(x - 3.2, 13.6, 6.4, 2.2, k.scr_acc, edge=False)
    digits(pen, 80, 20.5, 4.4, "2.4", k.scr_acc, "center")
    # judge at an elevated bench
    pen.rect(68, 38, 24, 14, k.c5, rad=5)
    pen.rect(78.4, 38, 3.2, 5, k.panel, edge=False)
    pen.circle(80, 34, 5, k.skin)
    pen.arc(74.6, 28, 10.8, 8.4, 0.1, math.pi - 0.1, k.muted if not k.hc else k.ink, 1.8)
    pen.rect(30, 46, 100, 5, wood2)
    pen.rect(32, 51, 96, 27, wood)
    for x in (36, 60, 84, 108):
        pen.rect(x, 55, 20, 19, mix(wood, k.panel, 0.12), edge=None)
    pen.rect(98, 42.5, 8, 3, wood2, rad=0.8)
    pen.rect(101.4, 40, 1.2, 3, wood2, edge=False)
    pen.rect(60, 44, 8, 2, k.panel, edge=None)
    # flags at the sides, dome camera, witness box
    for x in (16, 144):
        pen.rect(x - 0.5, 14, 1, 60, k.c4, edge=False)
        pen.poly([(x + 0.5, 16), (x + 10 * (1 if x < 80 else -1), 18), (x + 0.5, 32)],
                 k.accent if x < 80 else k.c3)
    dome(pen, 130, 0, 0.8)
    pen.rect(136, 62, 22, 20, wood)
    pen.rect(136, 60, 22, 3, wood2)
    # defendant's table, seen from behind the defendant
    pen.rect(pen.L, 84, 76 - pen.L, 3, wood2)
    pen.rect(pen.L, 87, 76 - pen.L, 13, wood)
    _back(pen, 44, 92, 30, k.c4, k.hair)
    pen.rect(56, 82, 12, 2, k.panel, edge=None)
    tag(pen, 44, 62, "2.4", 1.3, ok=False)


SCENES = {"office": office, "school": school, "bank": bank, "appeal_office": appeal_office,
          "hospital": hospital, "courtroom": courtroom}
ANIMATED = {"office", "school", "bank", "appeal_office", "hospital", "courtroom"}
