"""Drawing the play screen cheaply: a still layer, and dirty rectangles for what moves.

The still layer holds everything that does not move (the cards, the text, the choices, the
panels). It is redrawn part by part, each part only when its key changes (a Dirty Flag per
part). Each frame, when the window still shows the last frame this screen drew, only the
areas of moving things (the illustration on its animation frames, pulsing rings, the score
counting, chips, toasts, flashing services) are restored from the still layer and drawn
again; otherwise the whole still layer is copied first.
"""
from __future__ import annotations

import pygame

from .. import paint
from ..theme import LOGICAL_SIZE


class PlayPainter:
    def __init__(self, screen):
        self.screen = screen
        self.base: pygame.Surface | None = None
        self._whole = None
        self._keys: dict = {}
        self._active: dict[str, bool] = {}
        self._stamps: dict[str, object] = {}
        self._areas: dict[str, list] = {}
        self._moments = None     # what the moments of watching last drew over the picture

    def invalidate(self) -> None:
        self.base = None

    # ---- the still layer
    def _ensure_base(self, reduced: bool) -> bool:
        """Bring the still layer up to date; True if any part of it was redrawn."""
        s = self.screen
        whole = (id(s.theme), reduced)
        changed = False
        if self.base is None or self._whole != whole:
            if self.base is None:
                self.base = pygame.Surface(LOGICAL_SIZE).convert()
            self.base.fill(s.pal.bg)
            self._whole, self._keys, changed = whole, {}, True
        for i, (rect, key, draw) in enumerate(s.still_parts(reduced)):
            if key is None or self._keys.get(i, ()) != key:
                self.base.fill(s.pal.bg, rect)
                draw(self.base)
                self._keys[i] = key
                changed = True
        return changed

    # ---- a frame
    def draw(self, surf) -> None:
        s = self.screen
        reduced = s.app.settings.reduced_motion
        changed = self._ensure_base(reduced)
        incremental = not changed and s.app.painted_last(s, surf)
        if not incremental:
            surf.blit(self.base, (0, 0))
        moments = s.moments.stamp(reduced)
        art_drawn = s.art.draw(surf, s.art_rect, s.art_name, s.theme.art, s.t, reduced,
                               force=not incremental or moments != self._moments,
                               corners=(14, s.pal.bg), ahead=incremental,
                               folder=s.art_folder)
        if art_drawn:     # the moments of watching lie over the picture, drawn with it
            s.moments.draw(surf, s.art_rect, s.app, reduced)
            paint.rounded(surf, s.art_rect, s.pal.line, 14, 1)
            self._moments = moments
        for name, stamp, active, areas, draw in s.moving_parts(reduced):
            same = self._stamps.get(name, ()) == stamp
            if incremental and same and not (active or self._active.get(name)):
                continue
            if incremental:
                for area in self._areas.get(name, []) + areas:
                    surf.blit(self.base, area, area)
            draw(surf)
            self._active[name], self._stamps[name], self._areas[name] = active, stamp, areas
