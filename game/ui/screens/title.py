"""The title screen: the name, a still emblem of the score, and the main menu."""
from __future__ import annotations

import pygame

from .. import paint
from .. import strings as S
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button
from .base import BACK_KEYS, Screen, page_hint, wordmark

LEFT = 96
NOTICE_W = 580   # notices stay left of the emblem
LETTER_KEYS = {pygame.K_c: "C", pygame.K_l: "L"}


class TitleScreen(Screen):
    name = "title"
    def __init__(self, app, on_play=None, on_settings=None, on_credits=None,
                 on_continue=None, on_load=None):
        super().__init__(app)
        self.on_play = on_play or (lambda: None)
        self.on_settings = on_settings or (lambda: None)
        self.on_credits = on_credits or (lambda: None)
        self.on_continue, self.on_load = on_continue, on_load
        self.buttons: list[Button] = []

    def _actions(self) -> list:
        """(label, action, primary, key): Continue (C) and Load (L) only when there is
        something to load, first and lettered, so the number keys always mean the same thing
        (1 Play, 2 Settings, 3 Credits, 4 Quit)."""
        resume = self.on_continue is not None and getattr(self.app, "continue_offer", None)
        actions = [(S.MENU_CONTINUE, self.on_continue, True, "C")] if resume else []
        if self.on_load is not None and getattr(self.app, "slots_used", False):
            actions.append((S.MENU_LOAD, self.on_load, False, "L"))
        return actions + [(S.MENU_PLAY, self.on_play, not resume, 1),
                          (S.MENU_SETTINGS, self.on_settings, False, 2),
                          (S.MENU_CREDITS, self.on_credits, False, 3),
                          (S.MENU_QUIT, self.app.quit, False, 4)]

    def enter(self) -> None:
        super().enter()
        self.app.sound.music("theme_title")

    def layout(self) -> None:
        """The menu under the name; with many buttons, large text or notices, the name moves
        up and the buttons get closer (never below the hint line)."""
        th = self.theme
        actions = self._actions()
        n = len(actions)
        h, gap = th.line_height("button") + 26, 12
        bottom = LOGICAL_SIZE[1] - th.line_height("small") - 24 - self._notices_height()
        head = th.line_height("display") + self._tagline().height + 40
        self.title_y = max(64, min(150, bottom - n * h - (n - 1) * gap - head))
        y = self.title_y + head
        if y + n * h + (n - 1) * gap > bottom:
            gap = 6
            h = max(th.line_height("button") + 8, (bottom - y - (n - 1) * gap) // n)
        self.buttons = []
        for i, (label, action, primary, number) in enumerate(actions):
            rect = pygame.Rect(LEFT, y + i * (h + gap), 440, h)
            self.buttons.append(Button(rect, label, action, number=number, primary=primary))
        self.focus.set(self.buttons, keep=False)

    def _tagline(self):
        th = self.theme
        return self.cache.layout(th.font("body"), S.TAGLINE, 520, th.line_height("body"))

    def _notices(self) -> list:
        """Each notice wrapped to the left column."""
        th = self.theme
        return [self.cache.layout(th.font("small_strong"), S.NOTICE.format(text=line),
                                  NOTICE_W, th.line_height("small_strong"))
                for line in getattr(self.app, "notices", ())]

    def _notices_height(self) -> int:
        lays = self._notices()
        return sum(lay.height for lay in lays) + (12 if lays else 0)

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.app.quit()
            return
        numbered = next((b for b in self.buttons if inp.kind == "key" and b.number in (
            inp.number, LETTER_KEYS.get(inp.key))), None) if inp.kind == "key" else None
        if numbered is not None:
            numbered.activate()
            return
        self.focus.handle(inp)

    def draw(self, surf) -> None:
        pal, th, cache = self.pal, self.theme, self.cache
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, MARGIN))
        box = pygame.Rect(LEFT - 8, 0, 568, LOGICAL_SIZE[1])
        top = getattr(self, "title_y", 150)
        paint.text(surf, cache, th.font("display"), S.APP_NAME, pal.ink, (LEFT - 4, top), box=box)
        paint.lines(surf, cache, th.font("body"), self._tagline(), pal.muted, LEFT,
                    top + th.line_height("display") + 8, box=box)
        for b in self.buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))
        self._draw_notices(surf)
        self._emblem(surf, (930, 330))
        page_hint(self, surf)

    def _draw_notices(self, surf) -> None:
        """Saving off, a settings file not used: a small paragraph each, under the menu."""
        font = self.theme.font("small_strong")
        y = (self.buttons[-1].rect.bottom + 12) if self.buttons else 600
        box = pygame.Rect(LEFT - 8, 0, NOTICE_W + 16, LOGICAL_SIZE[1])
        for lay in self._notices():
            y = paint.lines(surf, self.cache, font, lay, self.pal.ink, LEFT, y, box=box)

    def _emblem(self, surf, center) -> None:
        """Concentric rings like a lens, the starting score, and five stars."""
        pal, th, cache = self.pal, self.theme, self.cache
        cx, cy = center
        pygame.draw.circle(surf, pal.panel, center, 210)
        for r, w in ((210, 1), (178, 2), (150, 1)):
            pygame.draw.circle(surf, pal.line if w == 1 else pal.accent, center, r, w)
        for i in range(24):
            a = i * 15
            v = pygame.math.Vector2(0, -1).rotate(a)
            inner = 186 if i % 6 else 182
            pygame.draw.line(surf, pal.muted, (cx + v.x * inner, cy + v.y * inner),
                             (cx + v.x * 196, cy + v.y * 196), 2 if i % 6 == 0 else 1)
        paint.text(surf, cache, th.font("label"), S.SCORE_LABEL, pal.muted, (cx, cy - 78),
                   "center")
        paint.text(surf, cache, th.font("score"), "1000", pal.accent, (cx, cy - 4), "center")
        paint.stars(surf, pygame.Rect(cx - 90, cy + 58, 180, 30), 5, pal.accent, pal.panel)
        box = pygame.Rect(cx - 230, cy + 232, 460, 120)
        lay = cache.layout(th.font("small"), S.TITLE_NOTE, box.w, th.line_height("small"))
        for i, line in enumerate(lay.lines):
            paint.text(surf, cache, th.font("small"), line, pal.muted,
                       (cx, box.y + i * lay.line_height), "midtop", box=box)
