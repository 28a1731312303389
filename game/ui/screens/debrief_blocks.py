"""The debrief's figures: the score-over-time chart, the Transparency Report table, and the
chilling-effect cards beside the published figures."""
from __future__ import annotations

import pygame

from .. import paint
from .. import strings as S
from .document import Block, Heading, Text

# ---------------------------------------------------------------- sections


class Section(Heading):
    """A part of the debrief: a heading under a rule, closer to it than a document's."""

    RULE_GAP = 16

    def measure(self, ui, width: int) -> int:
        return self.RULE_GAP + Text.measure(self, ui, width)

    def draw(self, surf, ui, rect) -> None:
        pal = ui.theme.palette
        pygame.draw.line(surf, pal.line, (rect.x, rect.y + 6), (rect.right, rect.y + 6))
        Text.draw(self, surf, ui, rect.move(0, self.RULE_GAP))


# ---------------------------------------------------------------- chart


LABEL_W = 230   # the threshold names, right of the plot


class ScoreChart(Block):
    """A step line of the score after each choice, with the doors' thresholds dashed."""

    def __init__(self, points: list[tuple[int, int]], lines: list[tuple[int, str]]):
        self.points, self.lines = points, lines

    def measure(self, ui, width: int) -> int:
        return 160 + 2 * ui.theme.line_height("small")

    def _range(self) -> tuple[int, int, int]:
        """Low, high and tick step, on round numbers."""
        values = [v for _, v in self.points] + [v for v, _ in self.lines]
        lo, hi = min(values), max(values)
        step = next((s for s in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
                     if (hi - lo) / s <= 5), 2000)
        lo = (lo - step // 2) // step * step
        hi = -((-(hi + step // 2)) // step) * step
        return lo, hi, step

    def draw(self, surf, ui, rect) -> None:
        th, pal, cache = ui.theme, ui.theme.palette, ui.cache
        small = th.font("small")
        axis_w = small.size("00000")[0] + 12
        top = th.line_height("small") // 2 + 4        # room for the top tick's label
        plot = pygame.Rect(rect.x + axis_w, rect.y + top, rect.w - axis_w - LABEL_W,
                           rect.h - 2 * th.line_height("small") - 12 - top)
        paint.rounded(surf, plot, pal.panel_alt, 6)
        lo, hi, tick = self._range()
        last = max(1, self.points[-1][0] if self.points else 1)

        def at(step, score):
            return (plot.x + plot.w * step / last,
                    plot.bottom - plot.h * (score - lo) / max(1, hi - lo))

        for value in range(lo, hi + 1, tick):
            y = at(0, value)[1]
            paint.text(surf, cache, small, str(value), pal.muted, (plot.x - 8, y), "midright",
                       box=rect)
        self._thresholds(surf, ui, plot, [(at(0, v)[1], n) for v, n in self._merged()], rect)
        self._line(surf, pal, [at(s, v) for s, v in self.points])
        every = self._x_step(last, plot.w, small.size(str(last))[0] + 10)
        for step in range(0, last + 1, every):
            x = at(step, lo)[0]
            paint.text(surf, cache, small, str(step), pal.muted, (x, plot.bottom + 6), "midtop",
                       box=rect)
        paint.text(surf, cache, small, S.CHART_X, pal.muted,
                   (plot.centerx, plot.bottom + 6 + th.line_height("small")), "midtop", box=rect)

    @staticmethod
    def _x_step(last: int, width: int, label: int) -> int:
        """Every how many choices the x-axis is numbered: 1, 2, 5, 10, 20... whichever is
        the first whose numbers fit side by side in `width` with room between them."""
        step = 1
        while (last // step + 1) * label > width:
            step = step * 5 // 2 if str(step).startswith("2") else step * 2
        return step

    def _merged(self) -> list[tuple[int, str]]:
        """Thresholds at the same value share one line: "Hotels · Dishonest list"."""
        names: dict[int, list[str]] = {}
        for value, name in self.lines:
            names.setdefault(value, []).append(name)
        return [(v, S.JOIN.join(n)) for v, n in sorted(names.items())]

    def _thresholds(self, surf, ui, plot, lines, rect) -> None:
        pal, small = ui.theme.palette, ui.theme.font("small")
        lh = ui.theme.line_height("small")
        above = rect.bottom          # the top of the label drawn last (going upward)
        width = rect.right - plot.right - 12
        for y, name in sorted(lines, key=lambda p: -p[0]):   # bottom to top
            for x in range(plot.x, plot.right, 14):
                pygame.draw.line(surf, pal.muted, (x, y), (min(x + 7, plot.right), y), 1)
            lay = ui.cache.layout(small, name, width, lh)
            shown = lay.lines[:2]
            if len(lay.lines) > 2:
                shown = (shown[0], ui.cache.fit(small, shown[1] + S.MORE, width))
            top = min(round(y) - lh // 2, above - len(shown) * lh)
            top = max(top, rect.y)
            for i, line in enumerate(shown):
                paint.text(surf, ui.cache, small, line, pal.muted,
                           (plot.right + 10, top + i * lh), box=rect)
            above = top

    @staticmethod
    def _line(surf, pal, pts) -> None:
        if len(pts) == 1:
            pts = pts * 2
        steps = [pts[0]]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            steps += [(x1, y0), (x1, y1)]
        pygame.draw.lines(surf, pal.accent, False, steps, 3)
        if len(pts) > 1 and pts[-1][1] == pts[-2][1]:
            pts = pts[:-1]   # the flat stretch to the last choice (`to_the_end`) is no change
        for p in pts:
            pygame.draw.circle(surf, pal.accent, p, 5)
            pygame.draw.circle(surf, pal.panel, p, 2)


# ---------------------------------------------------------------- table

COLUMNS = ((S.COL_CHOICE, 0.27), (S.COL_BEHAVIOUR, 0.15), (S.COL_SHOWN, 0.16),
           (S.COL_SAW, 0.17), (S.COL_COST, 0.10), (S.COL_TOLD, 0.15))
CELL_PAD = 5
_BALANCED: dict = {}   # (width, text size, rows' hash) -> the columns' widths found for them


class ReportTable(Block):
    """One row per choice; each cell wraps; the header is in small capitals. `columns` are
    (heading, share of the width): the Transparency Report's by default."""

    def __init__(self, rows: list[list[tuple[str, str]]], columns=COLUMNS):
        self.rows = rows   # each cell: list of (text, role) lines
        self.columns = columns

    def _widths(self, ui, width: int) -> list[int]:
        """The columns' widths: their shares, then moved a step at a time from one column to
        another while that makes the table shorter (a long list of moments in one column
        wraps less; a short cost takes less), so large text wastes fewer lines."""
        key = (width, ui.theme.line_height("small"), hash(repr(self.rows)))   # no text kept
        if key not in _BALANCED:
            widths = [round(width * f) for _, f in self.columns]
            step, floors = max(8, width // 40), self._floors(ui, width)
            for _ in range(40):            # first, no word cut where another column can give
                short = [i for i, w in enumerate(widths) if w < floors[i]]
                giver = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
                if not short or widths[giver] - step < floors[giver]:
                    break
                widths[giver] -= step
                widths[short[0]] += step
            best = self._height(ui, widths)
            for _ in range(12):
                moves = [widths[:i] + [w - step] + widths[i + 1:] for i, w in enumerate(widths)
                         if w - step >= floors[i]]
                tries = [[w + step if k == j else w for k, w in enumerate(m)]
                         for m in moves for j in range(len(m)) if m[j] == widths[j]]
                found = min(tries, key=lambda t: self._height(ui, t), default=None)
                if found is None or self._height(ui, found) >= best:
                    break
                widths, best = found, self._height(ui, found)
            if len(_BALANCED) > 64:
                _BALANCED.clear()
            _BALANCED[key] = widths
        return _BALANCED[key]

    def _floors(self, ui, width: int) -> list[int]:
        """The narrowest each column may be: its longest word whole, and no narrower than
        its share allows by half."""
        th = ui.theme
        out = []
        for i, (_, share) in enumerate(self.columns):
            words = [(word, role) for row in self._all_rows() for text, role in row[i]
                     for word in text.split()]
            longest = max((th.font(role).size(word)[0] for word, role in words), default=0)
            out.append(max(longest + 2 * CELL_PAD + 2, round(width * share / 2)))
        return out

    def _height(self, ui, widths) -> int:
        return sum(self._row_height(ui, r, widths) for r in self._all_rows())

    def _cell_height(self, ui, cell, w: int) -> int:
        th = ui.theme
        return sum(ui.cache.layout(th.font(role), text, w - 2 * CELL_PAD,
                                   th.line_height(role)).height for text, role in cell)

    def _row_height(self, ui, row, widths) -> int:
        return max(self._cell_height(ui, c, w) for c, w in zip(row, widths)) + 2 * CELL_PAD

    def _all_rows(self):
        header = [[(name.upper(), "label")] for name, _ in self.columns]
        return [header] + self.rows

    def measure(self, ui, width: int) -> int:
        return self._height(ui, self._widths(ui, width)) + 12

    def draw(self, surf, ui, rect) -> None:
        pal = ui.theme.palette
        widths = self._widths(ui, rect.w)
        y = rect.y
        clip = surf.get_clip()
        for i, row in enumerate(self._all_rows()):
            h = self._row_height(ui, row, widths)
            band = pygame.Rect(rect.x, y, rect.w, h)
            if clip is None or band.colliderect(clip):
                if i == 0 or i % 2 == 0:
                    paint.rounded(surf, band, pal.panel_alt, 4)
                self._cells(surf, ui, row, widths, band)
            y += h

    def _cells(self, surf, ui, row, widths, band) -> None:
        th, pal, x = ui.theme, ui.theme.palette, band.x
        for cell, w in zip(row, widths):
            box = pygame.Rect(x, band.y, w, band.h)
            y = band.y + CELL_PAD
            for text, role in cell:
                lay = ui.cache.layout(th.font(role), text, w - 2 * CELL_PAD, th.line_height(role))
                color = pal.muted if role == "label" else pal.ink
                y = paint.lines(surf, ui.cache, th.font(role), lay, color, x + CELL_PAD, y,
                                box=box)
            x += w


# ---------------------------------------------------------------- chilling-effect figures


class FigureCards(Block):
    """Cards side by side: a big figure and a caption each (yours, and the one study beside
    it). Where a figure or a caption's word would not fit its share of the width ("about −20%" with large text
    in the kiosk's half-width column), the cards stand one under another instead."""

    ROLES = ("title", "heading")
    GAP = 16

    def __init__(self, cards: list[tuple[str, str, str]]):
        self.cards = cards   # (label, figure, caption)

    def _boxes(self, ui, width: int) -> list[tuple[int, int]]:
        """(x offset, width) of each card: side by side (sharing the width) if every figure
        fits, else stacked."""
        n = max(1, len(self.cards))
        w = (width - (n - 1) * self.GAP) // n
        font, small = ui.theme.font(self.ROLES[-1]), ui.theme.font("small")
        words = [word for _, _, caption in self.cards for word in caption.split()]
        if all(font.size(f)[0] <= w - 32 for _, f, _ in self.cards) and all(
                small.size(word)[0] <= w - 32 for word in words):
            return [(i * (w + self.GAP), w) for i in range(len(self.cards))]
        return [(0, width)] * len(self.cards)

    def _role(self, th, figure: str, width: int) -> str:
        return th.fitting(figure, width, self.ROLES)

    def _height(self, ui, card: tuple[str, str, str], width: int) -> int:
        th, cache = ui.theme, ui.cache
        _, figure, caption = card
        role = self._role(th, figure, width - 32)
        return (th.line_height("label") + 4 + cache.layout(th.font(role), figure, width - 32,
                                                           th.line_height(role)).height + 6 +
                cache.layout(th.font("small"), caption, width - 32,
                             th.line_height("small")).height + 28)

    def _rows(self, ui, width: int) -> list[pygame.Rect]:
        """Each card's rect relative to the block's top-left."""
        boxes = self._boxes(ui, width)
        heights = [self._height(ui, c, w) for c, (_, w) in zip(self.cards, boxes)]
        if len({x for x, _ in boxes}) > 1:        # side by side: one height for all
            return [pygame.Rect(x, 0, w, max(heights)) for x, w in boxes]
        rects, y = [], 0
        for (x, w), h in zip(boxes, heights):
            rects.append(pygame.Rect(x, y, w, h))
            y += h + self.GAP
        return rects

    def measure(self, ui, width: int) -> int:
        rects = self._rows(ui, width)
        return (max(r.bottom for r in rects) if rects else 0) + 16

    def draw(self, surf, ui, rect) -> None:
        th, pal, cache = ui.theme, ui.theme.palette, ui.cache
        for i, ((label, figure, caption), box) in enumerate(
                zip(self.cards, self._rows(ui, rect.w))):
            card = box.move(rect.x, rect.y)
            paint.card(surf, card, pal, fill=pal.accent_soft if i == 0 else pal.panel)
            x, y = card.x + 16, card.y + 14
            paint.text(surf, cache, th.font("label"), label.upper(), pal.muted, (x, y), box=card)
            y += th.line_height("label") + 4
            role = self._role(th, figure, card.w - 32)
            fig = cache.layout(th.font(role), figure, card.w - 32, th.line_height(role))
            y = paint.lines(surf, cache, th.font(role), fig, pal.accent if i == 0 else pal.ink,
                            x, y, box=card) + 6
            lay = cache.layout(th.font("small"), caption, card.w - 32, th.line_height("small"))
            paint.lines(surf, cache, th.font("small"), lay, pal.ink, x, y, box=card)


# ---------------------------------------------------------------- folded parts


class Fold(Block):
    """One line standing for a folded part of the page (the sources, the questions): a key
    or a click opens it, and folds it away again. `key` is the pygame key that toggles it."""

    PAD = 8
    GAP = 4      # above and below the band

    def __init__(self, text: str, key: int):
        self.text, self.key = text, key

    def measure(self, ui, width: int) -> int:
        th = ui.theme
        lay = ui.cache.layout(th.font("body_strong"), self.text, width - 2 * self.PAD,
                              th.line_height("body_strong"))
        return lay.height + 2 * self.PAD + 2 * self.GAP

    def draw(self, surf, ui, rect) -> None:
        th, pal = ui.theme, ui.theme.palette
        band = pygame.Rect(rect.x, rect.y + self.GAP, rect.w, rect.h - 2 * self.GAP)
        paint.rounded(surf, band, pal.panel_alt, 6)
        lay = ui.cache.layout(th.font("body_strong"), self.text, band.w - 2 * self.PAD,
                              th.line_height("body_strong"))
        paint.lines(surf, ui.cache, th.font("body_strong"), lay, pal.accent,
                    band.x + self.PAD, band.y + self.PAD, box=band)
