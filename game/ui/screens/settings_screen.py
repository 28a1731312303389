"""Settings: text size, text speed, high contrast, dyslexia-friendly font, reduced motion,
the volume of the effects, the ambience and the music, fullscreen, undo (not offered in a classroom session, which never has undo).

Each row is a segmented control. ← → change the focused row, Enter steps it, a click or tap
picks a segment. The chosen segment is filled and marked with a tick, so the choice never
rests on colour alone. Every change is applied and saved at once.
"""
from __future__ import annotations

from dataclasses import replace

import pygame

from ...resources import user_levels_dir
from .. import paint
from .. import settings as settings_mod
from .. import strings as S
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Button, ScrollView, Widget
from .base import BACK_KEYS, Screen, header_height, page_header, page_hint, wordmark

WIDTH = 1000
VOLUMES = (0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)
TICK = S.TICK
VOLUME_FIELDS = ("volume", "ambience_volume", "music_volume")


def _rows(kiosk: bool = False, classroom: bool = False):
    """(field, label, note, values, words) for each setting; a kiosk stays fullscreen, so it
    has no fullscreen row (and F11 does nothing there); a classroom session has no undo."""
    onoff = (False, True)
    words_onoff = {False: S.OFF, True: S.ON}
    rows = [
        ("text_size", S.SET_TEXT_SIZE, "", settings_mod.TEXT_SIZES,
         {n: S.PERCENT.format(n=n) for n in settings_mod.TEXT_SIZES}),
        ("text_speed", S.SET_TEXT_SPEED, "", settings_mod.TEXT_SPEEDS, S.SPEED_WORDS),
        ("high_contrast", S.SET_CONTRAST, "", onoff, words_onoff),
        ("reduced_motion", S.SET_MOTION, S.SET_MOTION_NOTE, onoff, words_onoff),
        ("volume", S.SET_VOLUME, S.SET_VOLUME_NOTE, VOLUMES, {v: str(v) for v in VOLUMES}),
        ("ambience_volume", S.SET_AMBIENCE, "", VOLUMES, {v: str(v) for v in VOLUMES}),
        ("music_volume", S.SET_MUSIC, "", VOLUMES, {v: str(v) for v in VOLUMES}),
        ("fullscreen", S.SET_FULLSCREEN, S.SET_FULLSCREEN_NOTE, onoff, words_onoff),
        ("dyslexic_font", S.SET_DYSLEXIC, S.SET_DYSLEXIC_NOTE, onoff, words_onoff),
    ] + ([] if classroom else [("undo", S.SET_UNDO, S.SET_UNDO_NOTE, onoff, words_onoff)])
    return [r for r in rows if not (kiosk and r[0] == "fullscreen")]


class OptionRow(Widget):
    def __init__(self, rect, screen, field, label, note, values, words):
        super().__init__(rect)
        self.screen, self.field, self.label, self.note = screen, field, label, note
        self.values, self.words = values, words
        self.segments: list[tuple[object, pygame.Rect]] = []

    @property
    def value(self):
        return getattr(self.screen.app.settings, self.field)

    def step(self, delta: int) -> None:
        values = self.values
        i = values.index(self.value) if self.value in values else 0
        if self.field in VOLUME_FIELDS:
            self.set(values[max(0, min(len(values) - 1, i + delta))])
        else:
            self.set(values[(i + delta) % len(values)])

    def set(self, value) -> None:
        app = self.screen.app
        app.apply_settings(replace(app.settings, **{self.field: value}))

    def activate(self) -> None:
        self.step(1)

    def click(self, pos) -> bool:
        hit = next((v for v, r in self.segments if r.collidepoint(pos)), None)
        if hit is None:
            return False
        self.set(hit)
        return True

    def layout_segments(self, ui) -> None:
        th = ui.theme
        font = th.font("small_strong")
        shown = self.values if self.field not in VOLUME_FIELDS else (0, 30, 50, 70, 100)
        widths = [font.size(TICK + self.words[v])[0] + 28 for v in shown]
        total = sum(widths)
        x = self.rect.right - 20 - total
        h = th.line_height("small_strong") + 14
        y = self.rect.centery - h // 2
        self.segments = []
        for v, w in zip(shown, widths):
            self.segments.append((v, pygame.Rect(x, y, w, h)))
            x += w

    def draw(self, surf, ui, focused: bool) -> None:
        th, pal, cache = ui.theme, ui.theme.palette, ui.cache
        paint.card(surf, self.rect, pal, fill=pal.accent_soft if focused else pal.panel)
        if focused:
            paint.focus_ring(surf, self.rect, pal)
        left = self.segments[0][1].x - 24 if self.segments else self.rect.right
        x, w = self.rect.x + 20, left - self.rect.x - 20
        top = self.rect.centery - (th.line_height("body_strong") +
                                   (th.line_height("small") if self.note else 0)) // 2
        label = cache.fit(th.font("body_strong"), self.label, w)
        paint.text(surf, cache, th.font("body_strong"), label, pal.ink, (x, top), box=self.rect)
        if self.note:
            note = cache.fit(th.font("small"), self.note, w)
            paint.text(surf, cache, th.font("small"), note, pal.muted,
                       (x, top + th.line_height("body_strong")), box=self.rect)
        for value, rect in self.segments:
            self._segment(surf, ui, value, rect)

    def _segment(self, surf, ui, value, rect) -> None:
        th, pal, cache = ui.theme, ui.theme.palette, ui.cache
        chosen = value == self.value
        paint.rounded(surf, rect, pal.accent if chosen else pal.panel, 8)
        paint.rounded(surf, rect, pal.accent if chosen else pal.line, 8, 1)
        label = (TICK if chosen else "") + self.words[value]
        paint.text(surf, cache, th.font("small_strong"), label,
                   pal.accent_ink if chosen else pal.ink, rect.center, "center", box=rect)


class SettingsScreen(Screen):
    name = "settings"
    hint = S.HINT_SETTINGS

    def __init__(self, app):
        super().__init__(app)
        self.rows: list[OptionRow] = []
        self.done: Button | None = None
        self.scroll = ScrollView((0, 0, 0, 0))

    def layout(self) -> None:
        th = self.theme
        top = header_height(self, self._note(), 56) + 16
        x = (LOGICAL_SIZE[0] - WIDTH) // 2
        self.scroll = ScrollView((x - 12, top, WIDTH + 24, LOGICAL_SIZE[1] - top - 56),
                                 self.scroll.content_height)
        h = max(64, th.line_height("body_strong") + th.line_height("small") + 24)
        prev = self.focus.current
        focused = "done" if prev is not None and prev is self.done else getattr(prev, "field", None)
        self.rows = []
        classroom = getattr(self.app, "classroom", None) is not None
        for i, spec in enumerate(_rows(self.app.in_kiosk, classroom)):
            row = OptionRow((x, 6 + i * (h + 12), WIDTH, h), self, *spec)
            row.layout_segments(self.app)
            self.rows.append(row)
        self.scroll.content_height = len(self.rows) * (h + 12) + 12
        bh = th.line_height("small_strong") + 16
        bw = th.font("small_strong").size(S.SET_BACK)[0] + 48
        self.done = Button((LOGICAL_SIZE[0] - MARGIN - bw, 40 - bh // 2, bw, bh), S.SET_BACK,
                           self.back, primary=True, role="small_strong")
        self.focus.set(self.rows + [self.done], keep=False)
        match = next((r for r in self.rows if r.field == focused), None)
        if match is not None:
            self.focus.focus(match)
        elif focused == "done":
            self.focus.focus(self.done)

    def handle(self, inp) -> None:
        current = self.focus.current
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.back()
        elif inp.kind == "key" and inp.key in (pygame.K_LEFT, pygame.K_RIGHT) and \
                isinstance(current, OptionRow):
            current.step(1 if inp.key == pygame.K_RIGHT else -1)
        elif inp.kind in ("press", "release", "move") and self._pointer(inp):
            return
        elif self.focus.handle(inp) and inp.kind == "key":
            if isinstance(self.focus.current, OptionRow):
                r = self.focus.current.rect
                self.scroll.show(r.top, r.bottom)
        elif inp.kind == "wheel":
            self.scroll.handle(inp)

    def _pointer(self, inp) -> bool:
        """Clicks on segments (rows scroll, so positions are shifted into the list)."""
        if self.done and self.done.rect.collidepoint(inp.pos):
            return self.focus.handle(inp)
        if not self.scroll.rect.collidepoint(inp.pos):
            return False
        pos = (inp.pos[0], inp.pos[1] - self.scroll.rect.y + round(self.scroll.offset))
        row = next((r for r in self.rows if r.rect.collidepoint(pos)), None)
        if row is None:
            return False
        self.focus.focus(row)
        if inp.kind == "release":
            row.click(pos)
        return True

    def draw(self, surf) -> None:
        pal = self.pal
        surf.fill(pal.bg)
        wordmark(self, surf, (MARGIN, 31))
        page_header(self, surf, S.SETTINGS_TITLE, self._note(), top=56)
        view = self.scroll.rect
        clip = surf.get_clip()
        surf.set_clip(view)
        dy = view.y - round(self.scroll.offset)
        for row in self.rows:
            shifted = row.rect.move(0, dy)
            saved, row.rect = row.rect, shifted
            saved_segments = row.segments
            row.segments = [(v, r.move(0, dy)) for v, r in saved_segments]
            row.draw(surf, self.app, self.focus.is_focused(row))
            row.rect, row.segments = saved, saved_segments
        surf.set_clip(clip)
        self.scroll.draw_bar(surf, pal)
        if self.done:
            self.done.draw(surf, self.app, self.focus.is_focused(self.done))
        page_hint(self, surf)

    def _note(self) -> str:
        if self.app.save_error:
            return S.SETTINGS_SAVE_FAILED.format(error=self.app.save_error)
        if self.app.in_kiosk:
            return S.SETTINGS_NOTE
        return S.SETTINGS_NOTE + " " + S.SETTINGS_LEVELS.format(folder=user_levels_dir())
