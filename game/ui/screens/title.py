"""The title screen: the name, a still emblem of the score, and the main menu."""
from __future__ import annotations

import pygame

from .. import paint
from .. import strings as S
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button
from .base import BACK_KEYS, Screen, page_hint, wordmark

LEFT = 96


class TitleScreen(Screen):
    def __init__(self, app, on_play=None, on_settings=None, on_credits=None):
        super().__init__(app)
        self.on_play = on_play or (lambda: None)
        self.on_settings = on_settings or (lambda: None)
        self.on_credits = on_credits or (lambda: None)
        self.buttons: list[Button] = []

    def layout(self) -> None:
        th = self.theme
        h = th.line_height("button") + 26
        y = self._menu_top()
        actions = [(S.MENU_PLAY, self.on_play, True), (S.MENU_SETTINGS, self.on_settings, False),
                   (S.MENU_CREDITS, self.on_credits, False), (S.MENU_QUIT, self.app.quit, False)]
        self.buttons = []
        for i, (label, action, primary) in enumerate(actions):
            rect = pygame.Rect(LEFT, y + i * (h + 12), 440, h)
            self.buttons.append(Button(rect, label, action, number=i + 1, primary=primary))
        self.focus.set(self.buttons)

    def _menu_top(self) -> int:
        th = self.theme
        tag = self.cache.layout(th.font("body"), S.TAGLINE, 520, th.line_height("body"))
        return 150 + th.line_height("display") + tag.height + 40

    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.app.quit()
            return
        if inp.kind == "key" and inp.number and inp.number <= len(self.buttons):
            self.buttons[inp.number - 1].activate()
            return
        self.focus.handle(inp)

    def draw(self, surf) -> None:
        pal, th, cache = self.pal, self.theme, self.cache
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, MARGIN))
        box = pygame.Rect(LEFT - 8, 0, 568, LOGICAL_SIZE[1])
        paint.text(surf, cache, th.font("display"), S.APP_NAME, pal.ink, (LEFT - 4, 150), box=box)
        tag = cache.layout(th.font("body"), S.TAGLINE, 520, th.line_height("body"))
        paint.lines(surf, cache, th.font("body"), tag, pal.muted, LEFT,
                    150 + th.line_height("display") + 8, box=box)
        for b in self.buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))
        self._emblem(surf, (930, 330))
        page_hint(self, surf)

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
