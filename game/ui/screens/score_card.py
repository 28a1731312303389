"""The score card: the hero of the play screen.

It shows exactly what `score_display` allows: a number, stars, or a dash, with the tier name.
After a choice, every change of score it caused flies in as one list (`messages.score_lines`:
each change with its reason, or "Score adjusted" when the reason is not disclosed, biggest
first, then the total); changes the rules do not show are not in it. Once the list has flown,
it stays as a quiet "last change" block. The card is drawn in two parts: `draw_static` (cached by the play
screen while `static_key()` is unchanged) and `draw_dynamic` (the number and the chip in flight).
"""
from __future__ import annotations

import pygame

from ...core.display import NO_LONGER_SHOWN
from .. import messages, paint
from .. import strings as S
from ..fx import Tween, ease_out

CHIP_SECONDS = 3.2
CHIP_GAP = 0.9
LIST_ROWS = 4        # lines for a choice's changes where their words are shown
LIST_ROWS_PLAIN = 2  # where they are not (direction hidden, or nothing shown at all)
FLASH_SECONDS = 2.5
PAD = 20


class ScoreCard:
    def __init__(self, ui):
        self.ui = ui
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.display = None
        self.unscored = False   # this scene counts nothing: say so, not "hidden"
        self.number = Tween()
        self.queue: list[tuple[object, float]] = []   # (notice, seconds until it starts)
        self.chip = None
        self.chip_age = 0.0
        self._chip_surf = None
        self.last = None
        self._last_surf = None
        self.tier_flash = 0.0
        self.money_line = ""
        self._advances: dict = {}

    # ---- what happened
    def reset(self, display) -> None:
        self.display = display
        self.number.jump(display.number or 0)
        self.queue.clear()
        self.chip = self._chip_surf = self.last = self._last_surf = None

    def show(self, display, reduced: bool) -> None:
        """The score after a choice: the number counts to its new value."""
        old, self.display = self.display, display
        if display.legibility == NO_LONGER_SHOWN:   # the app is gone: so is what it listed
            self.queue.clear()
            self.chip = self._chip_surf = self.last = self._last_surf = None
        if display.number is not None and old is not None and old.number is not None:
            self.number.to(display.number, 0.0 if reduced else 0.9)
        else:
            self.number.jump(display.number or 0)
        if old is not None and old.tier != display.tier:
            self.tier_flash = FLASH_SECONDS

    def add_changes(self, moved) -> None:
        """A choice's changes of score (a core `ChoiceScore`), as one list to fly in."""
        lines = tuple(messages.score_lines(moved, self.list_rows()))
        if lines:
            delay = CHIP_GAP * len(self.queue) + (CHIP_GAP if self.chip else 0.0)
            self.queue.append((lines, delay))

    def list_rows(self) -> int:
        """Lines for the changes: fewer with larger text, so the services below keep room
        for their rows (the smallest changes fold into "N more", and the total still adds up)."""
        d = self.display
        rows = LIST_ROWS if d is not None and d.legibility in ("exact", "stars") else (
            LIST_ROWS_PLAIN)
        large = self.ui.settings.text_size > 100
        return LIST_ROWS_PLAIN if large else rows

    def update(self, dt: float, reduced: bool) -> None:
        self.number.update(dt)
        self.tier_flash = max(0.0, self.tier_flash - dt)
        self.queue = [(n, d - dt) for n, d in self.queue]
        while self.queue and (self.queue[0][1] <= 0 or reduced):
            if self.chip is not None:
                self.last, self._last_surf = self.chip, None
            self.chip, self._chip_surf, self.chip_age = self.queue.pop(0)[0], None, 0.0
        self.chip_age += dt
        if self.chip and not reduced and self.chip_age > CHIP_SECONDS and not self.queue:
            self.last, self._last_surf = self.chip, None
            self.chip, self._chip_surf = None, None

    def animating(self) -> bool:
        return (not self.number.done) or bool(self.queue) or self.tier_flash > 0 or (
            self.chip is not None and self.chip_age <= CHIP_SECONDS)

    # ---- layout
    def height(self) -> int:
        th = self.ui.theme
        h = PAD + th.line_height("label") + 6 + th.line_height("score") + 8
        h += self.list_rows() * th.line_height("small_strong") + 8 + th.line_height("body_strong")
        return h + th.line_height("small") * max(1, len(self._notes())) + PAD

    def _rows(self) -> tuple[int, int, int, int]:
        """The y of the number, the chip line, the tier line and the notes."""
        th = self.ui.theme
        value = self.rect.y + PAD + th.line_height("label") + 6
        chip = value + th.line_height("score") + 8
        tier = chip + self.list_rows() * th.line_height("small_strong") + 8
        return value, chip, tier, tier + th.line_height("body_strong")

    def digits_rect(self) -> pygame.Rect:
        """Where the number (or stars, or dash) is drawn: for the pixel tests."""
        return pygame.Rect(self.rect.x + PAD - 4, self._rows()[0], self.rect.w - 2 * PAD,
                           self.ui.theme.line_height("score"))

    # ---- drawing
    def stamp(self) -> tuple:
        """What the moving part shows now; it is redrawn when this changes."""
        return (self.display, round(self.number.value), id(self.chip), id(self.last),
                self.tier_flash > 0, self.money_line, self.unscored)

    def static_key(self) -> tuple:
        d = self.display
        return (d, self.money_line, self.unscored, self.rect.topleft, self.rect.size)

    def draw_static(self, surf, reduced: bool) -> None:
        th, pal, cache, r = self.ui.theme, self.ui.theme.palette, self.ui.cache, self.rect
        paint.card(surf, r, pal, radius=14)
        x = r.x + PAD
        paint.text(surf, cache, th.font("label"), S.SCORE_LABEL, pal.muted, (x, r.y + PAD), box=r)
        y = self._rows()[3]
        for line in self._notes():
            line = cache.fit(th.font("small"), line, r.w - 2 * PAD)
            paint.text(surf, cache, th.font("small"), line, pal.muted, (x, y), box=r)
            y += th.line_height("small")

    def dynamic_areas(self) -> list[pygame.Rect]:
        """The card's moving lines: the number, the chip, the tier (all on the plain card)."""
        th = self.ui.theme
        value_y, chip_y, tier_y, _ = self._rows()
        x, w = self.rect.x + PAD - 8, self.rect.w - 2 * PAD + 16
        return [pygame.Rect(x, value_y, w, th.line_height("score")),
                pygame.Rect(x, chip_y, w, self.list_rows() * th.line_height("small_strong")),
                pygame.Rect(x, tier_y - 2, w, th.line_height("body_strong") + 4)]

    def draw_dynamic(self, surf, reduced: bool) -> None:
        """The number (it counts), the chip in flight or the last change, the tier line.

        Each line is cleared with the card's colour first (cheaper than copying the still
        layer back), so this can draw over the last frame directly."""
        pal = self.ui.theme.palette
        for area in self.dynamic_areas():
            surf.fill(pal.panel, area)
        value_y, chip_y, tier_y, _ = self._rows()
        x = self.rect.x + PAD
        if self.display is not None and self.display.number is None:
            self._draw_still_value(surf, x, value_y)
        if self.display is not None and self.display.number is not None:
            self._draw_number(surf, x - 4, value_y, str(round(self.number.value)))
        if self.chip is not None:
            self._draw_chip(surf, x, chip_y, reduced)
        elif self.last is not None:
            if self._last_surf is None:
                self._last_surf = self._render_chip(self.last, muted=True)
            surf.blit(self._last_surf, (x, chip_y))
        self._draw_tier(surf, x, tier_y, flash=self.tier_flash > 0)

    def _draw_number(self, surf, x: int, y: int, digits: str) -> None:
        """Digit by digit from cached glyphs, so a counting number renders nothing new."""
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        font = th.font("score")
        start = x
        for ch in digits:
            key = (font, ch)
            adv = self._advances.get(key)
            if adv is None:
                adv = self._advances[key] = font.size(ch)[0]
            surf.blit(cache.render(font, ch, pal.accent), (x, y))
            x += adv
        if paint.AUDIT is not None:
            paint.AUDIT.append((digits, pygame.Rect(start, y, x - start, font.get_height()),
                                self.rect, surf.get_clip()))

    def _draw_still_value(self, surf, x: int, y: int) -> None:
        th, pal, cache, d = self.ui.theme, self.ui.theme.palette, self.ui.cache, self.display
        if d.stars is not None:
            h = th.line_height("score")
            paint.stars(surf, pygame.Rect(x, y + h // 2 - 24, 250, 48), d.stars, pal.accent,
                        pal.panel)
        else:
            paint.text(surf, cache, th.font("score"), S.SCORE_HIDDEN, pal.muted, (x, y),
                       box=self.rect)

    def _draw_tier(self, surf, x: int, y: int, flash: bool = False) -> None:
        th, pal, cache, d = self.ui.theme, self.ui.theme.palette, self.ui.cache, self.display
        if d is None:
            return
        if self.unscored:
            line = S.SCORE_UNSCORED
        elif d.tier:
            line = S.TIER.format(name=d.tier)
        elif d.legibility == "hidden":
            line = S.SCORE_NOT_SHOWN
        elif d.legibility == NO_LONGER_SHOWN:
            line = S.SCORE_OFF_SCREEN
        else:
            line = S.TIER_UNKNOWN
        width = self.rect.w - 2 * PAD
        font = th.font(th.fitting(line, width, ("body_strong", "small_strong", "small")))
        line = cache.fit(font, line, width)
        if flash:
            band = pygame.Rect(x - 6, y - 2, font.size(line)[0] + 12,
                               th.line_height("body_strong") + 2)
            paint.rounded(surf, band, pal.accent_soft, 6)
        paint.text(surf, cache, font, line, pal.ink, (x, y), box=self.rect)

    def _notes(self) -> list[str]:
        d = self.display
        notes = []
        if d is not None and d.stars is not None:
            notes.append(S.STARS_OF.format(stars=f"{d.stars:g}"))
        if d is not None and d.legibility == "delayed":
            notes.append(S.DELAYED_NOTE)
        if d is not None and d.legibility == "direction_hidden":
            notes.append(S.DIRECTION_NOTE)
        return notes[:1] + ([self.money_line] if self.money_line else [])

    def _draw_chip(self, surf, x: int, y: int, reduced: bool) -> None:
        if self._chip_surf is None:
            self._chip_surf = self._render_chip(self.chip)
        img = self._chip_surf
        k = 1.0 if reduced else ease_out(self.chip_age / 0.35)
        fade = 1.0 if reduced else min(1.0, max(0.0, (CHIP_SECONDS - self.chip_age) / 0.5))
        img.set_alpha(round(255 * min(k, fade)))
        shift = round((1 - k) * 60)   # it slides in from the right, within its own width:
        # what stuck out past the card's moving lines was never cleared, and left a smear
        surf.blit(img, (x + shift, y), pygame.Rect(0, 0, img.get_width() - shift,
                                                   img.get_height()))

    def _render_chip(self, lines, muted: bool = False) -> pygame.Surface:
        """A choice's changes on a transparent surface, one a line (`messages.ScoreLine`):
        ▼ −25  Signing a petition / ▼ −2  Your contacts' scores / ▼ −27  In all. A long
        reason takes a second line while the card has lines to spare (biggest change first)."""
        th, pal, cache = self.ui.theme, self.ui.theme.palette, self.ui.cache
        head_ink, body_ink = (pal.muted, pal.muted) if muted else (pal.accent, pal.ink)
        width = self.rect.w - 2 * PAD
        lh = th.line_height("small_strong")
        heads = [cache.render(th.font("small_strong"), line.title, head_ink) for line in lines]
        x = max(h.get_width() for h in heads) + 8   # the reasons line up
        bodies = self._bodies(lines, width - x)
        img = pygame.Surface((width, max(1, sum(map(len, bodies))) * lh), pygame.SRCALPHA)
        y = 0
        for line, head, body in zip(lines, heads, bodies):
            if line.total:
                img.fill(pal.line, pygame.Rect(0, y, width, 1))
            img.blit(head, (x - 8 - head.get_width(), y))
            font = th.font(self._role(line, width - x))
            for text in body:
                img.blit(cache.render(font, text, body_ink), (x, y + 1))
                y += lh
        return img

    def _role(self, line, width: int) -> str:
        """The face of a line's words: a size smaller where they would be cut (large text)."""
        first = "small_strong" if line.total else "small"
        return self.ui.theme.fitting(line.body, width, (first, "label"))

    def _bodies(self, lines, width: int) -> list[list[str]]:
        """Each line's words as one or two lines of text, within the card's rows."""
        th, cache = self.ui.theme, self.ui.cache
        spare = self.list_rows() - len(lines)
        out = []
        for line in lines:
            font = th.font(self._role(line, width))
            lay = cache.layout(font, line.body, width, th.line_height("small")).lines
            if len(lay) > 1 and spare > 0:
                spare -= 1
                rest = " ".join(lay[1:])
                out.append([lay[0], cache.fit(font, rest, width)])
            else:
                out.append([cache.fit(font, line.body, width)])
        return out
