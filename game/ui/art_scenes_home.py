"""Private-life scenes: bedroom, kitchen, apartment, phone, car, gym, cafe."""

from __future__ import annotations

import math

from game.ui.art_kit import Pen, mix
from game.ui.art_motifs import (camera, digits, dome, face, led, person, pole_camera, screen,
                                skyline, star_points, stars, tag, text_lines, tree, window)


def bedroom(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 70, k.wall)
    pen.band(70, 100, k.floor)
    pen.band(69, 70.6, k.c2)
    # window with a city and a tower screen outside
    pen.rect(14, 10, 38, 42, k.c3)
    pen.rect(16, 12, 34, 38, k.sky, edge=False)
    skyline(pen, 50, k.c1, 3, x0=16, x1=50)
    old = pen.surf.get_clip()
    pen.surf.set_clip(pen.r(16, 12, 34, 38).clip(old))
    pen.rect(38, 20, 2, 30, k.c2, edge=False)
    screen(pen, 33, 18, 12, 7, bezel=0.6, rad=0)
    digits(pen, 39, 19.5, 4, "3.9", k.scr_acc, align="center")
    pen.surf.set_clip(old)
    pen.rect(32.4, 12, 1.2, 38, k.c3, edge=False)
    pen.rect(16, 30.5, 34, 1.2, k.c3, edge=False)
    # curtains
    for cx in (8, 50):
        pen.rect(cx, 6, 8, 50, k.c2, rad=1.5)
        pen.rect(cx + 2.6, 6, 0.8, 50, k.c3, edge=False)
        pen.rect(cx + 5.2, 6, 0.8, 50, k.c3, edge=False)
    pen.rect(5, 5, 56, 1.6, k.c4, rad=0.8)
    # framed rating over the bed
    pen.rect(95, 14, 34, 16, k.c4, rad=0.6)
    pen.rect(96.5, 15.5, 31, 13, k.panel, edge=False)
    stars(pen, 112, 22, 2.4, 4, k.accent, k.c2, gap=0.8)
    # bed
    pen.rect(82, 38, 60, 30, k.c3, rad=4)
    pen.rect(84, 40, 56, 3, k.c4, rad=1.5, edge=False)
    pen.rect(86, 50, 22, 10, k.panel, rad=3)
    pen.rect(116, 50, 22, 10, k.panel, rad=3)
    pen.poly([(80, 60), (144, 60), (152, 92), (72, 92)], k.c2)
    pen.poly([(79, 64), (145, 64), (146.5, 70), (77.5, 70)], k.wall, edge=False)
    pen.rect(74, 92, 4, 4, k.c4)
    pen.rect(146, 92, 4, 4, k.c4)
    # bedside table, lamp, phone on its dock scoring the night
    pen.rect(58, 64, 18, 22, k.c3, rad=1)
    pen.rect(60, 73, 14, 0.8, k.c4, edge=False)
    pen.rect(65.5, 76, 3, 1.2, k.c4, rad=0.6, edge=False)
    pen.rect(62, 56, 1.2, 8, k.c4, edge=False)
    pen.poly([(58.5, 56), (66.5, 56), (64.5, 47), (60.5, 47)], k.warm)
    pen.rect(68, 55, 6.5, 9, k.c5, rad=1)
    pen.rect(68.8, 56, 4.9, 6.6, k.screen, edge=False)
    digits(pen, 71.3, 57.5, 2.4, "3.9", k.scr_acc, align="center")
    pen.rect(69.5, 61, 3.6, 0.6, k.scr_dim, edge=False)
    # rug and a watching corner camera
    pen.poly([(40, 88), (96, 88), (104, 98), (32, 98)], k.c1)
    camera(pen, 150, 9, 0.9, face=-1)


def kitchen(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 86, k.wall)
    pen.band(86, 100, k.floor)
    # tiled splashback
    pen.rect(pen.L, 44, 124 - pen.L, 16, k.wall2, edge=False)
    for i in range(int(pen.L) // 6 * 6, 124, 6):
        pen.rect(i, 44, 0.4, 16, k.c1, edge=False)
    for j in (49.3, 54.6):
        pen.rect(pen.L, j, 124 - pen.L, 0.4, k.c1, edge=False)
    # upper cabinets and window
    for i, x in enumerate((2, 18, 34, 50)):
        pen.rect(x, 8, 15, 26, k.c2)
        pen.rect(x + (11.5 if i % 2 else 2), 26, 1.4, 5, k.c4, rad=0.6, edge=False)
    pen.rect(72, 10, 34, 28, k.c3)
    pen.rect(74, 12, 30, 24, k.sky, edge=False)
    skyline(pen, 36, k.c1, 5, 6, 16, x0=74, x1=104)
    pen.rect(88.4, 12, 1.2, 24, k.c3, edge=False)
    pole_camera(pen, 80, 36, 18, 1, 0.55)
    # counter, cabinets
    pen.rect(pen.L, 60, 124 - pen.L, 3, k.c4)
    pen.rect(pen.L, 63, 124 - pen.L, 23, k.c3)
    for x in range(int(pen.L) // 17 * 17, 120, 17):
        pen.rect(x + 1, 65, 15, 19, k.c2, rad=0.5)
        pen.rect(x + 7, 67, 3, 1, k.c4, rad=0.5, edge=False)
    # sink tap, kettle, toaster, chopping board
    pen.rect(86, 52, 1.4, 8, k.c4, edge=False)
    pen.rect(86, 52, 6, 1.4, k.c4, rad=0.7, edge=False)
    pen.poly([(18, 60), (30, 60), (28, 48), (20, 48)], k.c4)
    pen.rect(21, 45.5, 6, 2.5, k.c5, rad=1)
    pen.line(30, 51, 33, 49, k.c4, 1.2)
    pen.rect(40, 52, 14, 8, k.accent, rad=2)
    pen.rect(43, 51, 3, 1.2, k.c5, edge=False)
    pen.rect(48, 51, 3, 1.2, k.c5, edge=False)
    pen.rect(60, 57.5, 16, 2.5, k.warm, rad=1)
    # smart fridge with a screen in its door
    pen.rect(126, 12, 30, 74, k.c1, rad=2)
    pen.rect(126, 40, 30, 0.8, k.c3, edge=False)
    pen.rect(129, 44, 1.4, 12, k.c4, rad=0.7, edge=False)
    pen.rect(129, 22, 1.4, 12, k.c4, rad=0.7, edge=False)
    screen(pen, 134, 17, 19, 17, bezel=0.8)
    digits(pen, 143.5, 19, 5, "4.1", k.scr_fg, align="center")
    stars(pen, 143.5, 27.5, 1.4, 4, k.scr_acc, k.scr_dim, gap=0.4)
    digits(pen, 143.5, 30.5, 2, "-0.2", mix(k.bad, k.scr_fg, 0.2), align="center")
    dome(pen, 112, 0, 0.8)


def apartment(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 86, k.sky)
    pen.band(86, 100, k.floor)
    # neighbouring blocks
    pen.rect(pen.L, 24, 22 - pen.L, 64, k.c2)
    pen.rect(138, 18, pen.R - 138, 70, k.c2)
    for r in range(6):
        for x in (4, 11):
            pen.rect(x - 8, 28 + r * 9.5, 4, 5, k.c1, edge=False)
        for x in (143, 151):
            pen.rect(x, 23 + r * 9.5, 4, 5, k.glow if (r + x) % 3 == 0 else k.c1, edge=False)
    # the block of flats
    pen.rect(24, 4, 112, 84, k.c1)
    pen.rect(22, 2.5, 116, 3, k.c3)
    lit = {(0, 1), (1, 4), (2, 2), (3, 0), (3, 5), (4, 3), (1, 0), (2, 5), (0, 4)}
    watchers = {(1, 1): "3.2", (2, 4): "4.6", (0, 3): None, (3, 2): None}
    for row in range(5):
        y = 9 + row * 13.5
        for col in range(6):
            x = 30 + col * 17.5
            on = (row, col) in lit or (row, col) in watchers
            window(pen, x, y, 10, 9, on)
            if row in (1, 3):
                pen.rect(x - 1.5, y + 9, 13, 3.4, k.c3)
                pen.rect(x - 1.5, y + 9, 13, 0.8, k.c4, edge=False)
            if (row, col) in watchers:
                old = pen.surf.get_clip()
                pen.surf.set_clip(pen.r(x, y, 10, 9).clip(old))
                pen.circle(x + 5, y + 4, 2.2, k.c5, edge=False)
                pen.ellipse(x + 1, y + 6.4, 8, 6, k.c5, edge=False)
                pen.surf.set_clip(old)
                if watchers[(row, col)]:
                    tag(pen, x + 5, y + 0.6, watchers[(row, col)], 0.8)
                else:  # filming you
                    pen.rect(x + 6.6, y + 3.6, 2.2, 3.2, k.screen, rad=0.4, edge=False)
                    led(pen, x + 7.7, y + 4.4, 0.45, phase=row)
    # entrance with intercom screen and a rating sticker
    pen.rect(70, 74, 20, 14, k.c4)
    pen.rect(72, 76, 7.5, 12, k.glass, edge=False)
    pen.rect(80.5, 76, 7.5, 12, k.glass, edge=False)
    pen.rect(64, 70, 32, 3, k.c3)
    pen.rect(92, 77, 4.5, 6, k.screen, rad=0.5)
    pen.circle(94.2, 79.2, 0.9, k.scr_acc, edge=False)
    stars(pen, 80, 72.2, 0.9, 4, k.accent, k.c2, gap=0.3)
    camera(pen, 62, 74, 0.7, face=1)
    # pavement, bins, tree
    pen.band(86, 88, k.floor2)
    pen.rect(100, 80, 6, 8, k.c3, rad=0.8)
    pen.rect(107, 80, 6, 8, k.good, rad=0.8)
    tree(pen, 14, 90, 1.0)
    tree(pen, 148, 90, 0.85)


def phone(pen: Pen) -> None:
    k = pen.k
    pen.fill(k.wall2)
    pen.circle(28, 24, 22, k.wall, edge=False)
    pen.circle(136, 70, 30, k.wall, edge=False)
    # floating ratings, rising
    for i, (x, y, r) in enumerate(((26, 62, 3.2), (36, 40, 2.2), (128, 28, 3.6),
                                   (140, 52, 2.0), (20, 84, 2.6), (122, 88, 2.4))):
        pen.poly(star_points(x, y, r), k.accent if i % 2 == 0 else k.c2)
    # hand and phone
    pen.rect(52, 10, 56, 130, k.c5, rad=7)
    pen.rect(54.5, 13, 51, 125, k.panel, rad=5, edge=False)
    pen.rect(72, 14.5, 16, 2.2, k.c5, rad=1.1, edge=False)
    # app header, profile, score, stars
    pen.rect(54.5, 19, 51, 7, k.accent, edge=False)
    pen.rect(58, 21.5, 12, 2, k.panel, rad=1, edge=False)
    pen.poly(star_points(100, 22.5, 2.2), k.panel, edge=False)
    pen.circle(80, 37, 7.5, k.c1, edge=False)
    face(pen, 80, 37.5, 6.5, k.c4)
    pen.ring(80, 37, 7.5, k.accent, 0.8)
    digits(pen, 80, 48, 9, "4.2", k.ink, align="center")
    stars(pen, 80, 63, 3.6, 4, k.accent, k.c2, gap=1.0)
    # a feed card asking to be rated
    pen.rect(58, 70, 44, 20, k.wall, rad=2, edge=None)
    pen.circle(63.5, 75.5, 3, k.c2, edge=False)
    text_lines(pen, 69, 73, 28, 2, k.c3, h=1.2, gap=3)
    stars(pen, 80, 85, 2, 5, k.c2, k.c2, gap=1.2)
    pen.poly(star_points(67.8, 85, 2), k.accent, edge=False)
    pen.rect(58, 93, 44, 14, k.wall, rad=2, edge=None)
    # thumb over the screen edge, fingers on the other side
    pen.ellipse(92, 76, 22, 12, k.skin)
    pen.rect(104, 80, 20, 60, k.skin, rad=4)
    for y in (56, 66, 76):
        pen.rect(44, y, 12, 8, k.skin, rad=4)


def car(pen: Pen) -> None:
    k = pen.k
    # the view through the windscreen
    pen.band(0, 32, k.sky)
    pen.band(32, 100, k.floor)
    skyline(pen, 32, k.c2, 7, 5, 18)
    screen(pen, 104, 9, 22, 11, bezel=0.8)
    digits(pen, 115, 10.5, 6.5, "4.8", k.scr_acc, align="center")
    pen.rect(114.4, 21, 1.2, 11, k.c3, edge=False)
    pen.poly([(74, 32), (86, 32), (150, 60), (10, 60)], k.c3, edge=False)
    for i in range(4):
        y0 = 33 + i * 5
        d = (y0 - 32) * 0.05
        pen.poly([(79.6 - d, y0), (80.4 + d, y0), (80.6 + d * 1.4, y0 + 2.4),
                  (79.4 - d * 1.4, y0 + 2.4)], k.paint, edge=False)
    pen.rect(84, 35, 11, 6, k.c4, rad=1.5)
    pen.rect(85, 39, 2.2, 1.3, k.accent, edge=False)
    pen.rect(91.8, 39, 2.2, 1.3, k.accent, edge=False)
    pole_camera(pen, 140, 44, 24, -1, 0.7)
    # car body: roof, pillars, dashboard
    pen.band(0, 6, k.c5)
    pen.poly([(pen.L, 0), (12, 0), (0, 60), (pen.L, 60)], k.c5)
    pen.poly([(pen.R, 0), (148, 0), (160, 60), (pen.R, 60)], k.c5)
    pen.poly([(pen.L, 50), (pen.R, 50), (pen.R, 100), (pen.L, 100)], k.c4)
    pen.rect(pen.L, 50, pen.R - pen.L, 2, k.c5, edge=False)
    # rear-view mirror with an inward-facing camera
    pen.rect(79.4, 5, 1.2, 6, k.c5, edge=False)
    pen.rect(70, 10, 20, 6, k.c5, rad=2)
    pen.rect(71.5, 11.2, 17, 3.6, k.glass, rad=1.5, edge=False)
    pen.circle(80, 17.5, 1.6, k.c5)
    led(pen, 80, 17.5, 0.6)
    # steering wheel and driver
    pen.ring(30, 60, 14, k.c5, 2.4)
    pen.rect(22, 40, 38, 80, k.c3, rad=9)
    person(pen, 41, 71, 46, k.c2, head=k.hair)
    pen.rect(29, 34, 24, 16, k.c3, rad=4)
    pen.rect(22, 48, 38, 60, k.c3, rad=9)
    # the rating tablet on the back of the driver's seat
    screen(pen, 27, 55, 28, 22, bezel=1.2)
    face(pen, 35, 62, 4.2, k.scr_dim)
    digits(pen, 48, 59, 6, "4.8", k.scr_fg, align="center")
    stars(pen, 41, 71.5, 2.0, 5, k.scr_acc, k.scr_dim, gap=0.6)
    # empty passenger seat
    pen.rect(100, 40, 38, 80, k.c3, rad=9)
    pen.rect(107, 34, 24, 14, k.c3, rad=4)
    pen.rect(92, 74, 16, 6, k.c5, rad=2)


def gym(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 72, k.wall)
    pen.band(72, 100, k.floor2)
    # mirror wall
    for i, x in enumerate(range(int(pen.L) // 24 * 24, int(pen.R) + 1, 24)):
        pen.rect(x + 1, 30, 22, 40, k.glass, edge=None)
        pen.line(x + 6, 34, x + 12, 44, k.wall, 0.8)
    # leaderboard screen with heart rate
    screen(pen, 56, 4, 70, 22, bezel=1.2)
    for i, (w, acc) in enumerate(((44, 1), (36, 0), (30, 0), (22, 0))):
        y = 6.5 + i * 4.6
        pen.circle(61, y + 1.5, 1.5, k.scr_dim, edge=False)
        pen.rect(64, y, w, 3, k.scr_acc if acc else k.scr_dim, rad=1, edge=False)
        digits(pen, 124, y + 0.2, 2.6, ("9.8", "9.1", "8.7", "7.9")[i], k.scr_fg, "right")
    dome(pen, 140, 0, 0.8)
    # treadmills
    for i, x in enumerate((62, 100)):
        pen.poly([(x, 78), (x + 30, 74), (x + 30, 78), (x, 82)], k.c4)
        pen.rect(x + 27, 50, 2.5, 26, k.c4)
        pen.rect(x + 18, 50, 14, 2, k.c5, rad=1)
        pen.rect(x + 25, 46, 8, 5, k.screen, rad=0.8)
        digits(pen, x + 29, 47, 2.4, "142" if i == 0 else "98", k.scr_acc, "center")
    person(pen, 78, 77.5, 30, k.accent, arm=1, score="4.0")
    # dumbbell rack
    pen.rect(134, 58, 24, 2, k.c4)
    pen.rect(134, 70, 24, 2, k.c4)
    pen.rect(135, 58, 2, 24, k.c4)
    pen.rect(155, 58, 2, 24, k.c4)
    for y in (56, 68):
        for x in (140, 147, 154):
            pen.circle(x - 1.5, y, 2.2, k.c5)
            pen.circle(x + 1.5, y, 2.2, k.c5)
    # the fitness tracker, close up
    pen.rect(8, 34, 30, 110, k.skin, rad=8)
    pen.rect(10, 40, 26, 100, k.c5, rad=3)
    pen.rect(4, 50, 38, 38, k.c5, rad=9)
    pen.rect(7, 53, 32, 32, k.screen, rad=7, edge=False)
    pen.arc(10, 56, 26, 26, -math.pi * 0.5, math.pi * 1.1, k.scr_acc, 1.6)
    pen.arc(10, 56, 26, 26, math.pi * 1.1, math.pi * 1.5, k.scr_dim, 1.6)
    digits(pen, 23, 64, 5, "8042", k.scr_fg, "center")
    pen.circle(21.6, 73.8, 1.0, k.bad, edge=False)
    pen.circle(23.4, 73.8, 1.0, k.bad, edge=False)
    pen.poly([(20.6, 74.2), (24.4, 74.2), (22.5, 76.4)], k.bad, edge=False)


def cafe(pen: Pen) -> None:
    k = pen.k
    pen.band(0, 64, k.wall)
    pen.band(64, 100, k.floor)
    # shop window to the street
    pen.rect(4, 10, 40, 44, k.c3)
    pen.rect(6, 12, 36, 40, k.sky, edge=False)
    skyline(pen, 52, k.c1, 2, 6, 18, x0=6, x1=42)
    pole_camera(pen, 36, 52, 30, -1, 0.6)
    pen.rect(23.4, 12, 1.2, 40, k.c3, edge=False)
    # menu board with star-rated items
    screen(pen, 62, 8, 62, 22, bezel=1.2)
    for i in range(4):
        y = 11 + i * 4.8
        pen.rect(65, y, 20, 1.6, k.scr_dim, rad=0.8, edge=False)
        stars(pen, 94, y + 0.8, 1.1, 4 - (i % 2), k.scr_acc, k.scr_dim, gap=0.3)
        digits(pen, 121, y - 0.3, 2.4, ("3.5", "4.0", "2.8", "5.2")[i], k.scr_fg, "right")
    # pendant lamps
    for x in (52, 132, 148):
        pen.rect(x - 0.2, 0, 0.4, 12, k.c4, edge=False)
        pen.poly([(x - 4, 16), (x + 4, 16), (x + 2, 11), (x - 2, 11)], k.warm)
    # barista behind the counter
    person(pen, 96, 84, 40, k.c4, score="4.4")
    pen.rect(90, 58.5, 12, 10, k.warm, rad=1, edge=False)
    # counter, espresso machine, pastry case, card terminal
    pen.rect(58, 58, pen.R - 58, 3, k.c4)
    pen.rect(58, 61, pen.R - 58, 30, k.c3)
    for x in range(62, int(pen.R), 8):
        pen.rect(x, 64, 0.5, 24, k.c2, edge=False)
    pen.rect(112, 42, 24, 16, k.c4, rad=2)
    pen.rect(112, 40, 24, 3, k.c5, rad=1)
    pen.rect(116, 50, 4, 3, k.c5, edge=False)
    pen.rect(128, 50, 4, 3, k.c5, edge=False)
    pen.rect(116.5, 54.5, 3, 3.5, k.panel, edge=None)
    pen.rect(139, 47, 20, 11, k.glass)
    for x in (143, 149, 155):
        pen.ellipse(x - 2.2, 52, 4.4, 3.5, k.warm, edge=False)
    pen.rect(66, 52, 8, 6, k.c5, rad=1)
    pen.rect(67, 53, 6, 2.6, k.screen, edge=False)
    pen.poly(star_points(70, 54.3, 1.1), k.scr_acc, edge=False)
    # foreground table with a cup
    pen.ellipse(6, 70, 40, 8, k.c4)
    pen.rect(24.5, 74, 3, 22, k.c4, edge=False)
    pen.rect(18, 94, 16, 2, k.c4, rad=1)
    pen.ellipse(18, 70, 16, 4, k.panel)
    pen.rect(21, 62, 10, 10, k.panel, rad=2)
    pen.ring(32, 66, 2.4, k.panel, 1.0)
    pen.ellipse(21.5, 61.5, 9, 2.5, k.warm, edge=False)
    for x in (24, 28):
        pen.arc(x - 1, 53, 3, 7, math.pi * 0.5, math.pi * 1.5, k.c2, 0.5)
    camera(pen, 153, 24, 0.8, face=-1)


SCENES = {"bedroom": bedroom, "kitchen": kitchen, "apartment": apartment, "phone": phone,
          "car": car, "gym": gym, "cafe": cafe}
# Every scene with a camera LED, a ticker or a scan line animates.
ANIMATED = {"bedroom", "kitchen", "apartment", "car", "gym", "cafe"}
