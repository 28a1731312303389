"""Colours, fonts and measures: one palette for normal use, one for high contrast.

The look: a calm off-white and slate civic app, one accent colour, the score as the hero.
Every size here is in logical pixels (the window draws a 1280x720 surface and scales it).
"""
from __future__ import annotations

from typing import NamedTuple

import pygame

from ..resources import asset_path
from .settings import Settings

LOGICAL_SIZE = (1280, 720)
MARGIN = 24
GAP = 16
RADIUS = 10


class Palette(NamedTuple):
    bg: tuple          # the page
    panel: tuple       # cards
    panel_alt: tuple   # a slightly different card (headers, hover)
    line: tuple        # borders and rules
    ink: tuple         # text
    muted: tuple       # secondary text
    accent: tuple      # the one accent colour: focus, the score, primary buttons
    accent_ink: tuple  # text on the accent colour
    accent_soft: tuple  # a pale tint of the accent (highlights)
    locked: tuple      # locked things: fill
    locked_ink: tuple  # locked things: text
    hatch: tuple       # the hatching on locked things
    dark: tuple        # inverted cards (blacklist), and the letterbox
    dark_ink: tuple
    shade: tuple       # the veil behind overlays (with alpha)
    letterbox: tuple   # around the picture when the window's shape differs


NORMAL = Palette(
    bg=(241, 240, 236), panel=(252, 252, 250), panel_alt=(234, 236, 238),
    line=(214, 216, 220), ink=(28, 35, 46), muted=(92, 101, 114),
    accent=(58, 84, 214), accent_ink=(255, 255, 255), accent_soft=(226, 231, 252),
    locked=(226, 226, 226), locked_ink=(96, 100, 108), hatch=(196, 198, 204),
    dark=(30, 36, 48), dark_ink=(244, 244, 240), shade=(24, 28, 38, 150),
    letterbox=(218, 217, 212),
)

HIGH_CONTRAST = Palette(
    bg=(0, 0, 0), panel=(0, 0, 0), panel_alt=(28, 28, 28),
    line=(255, 255, 255), ink=(255, 255, 255), muted=(235, 235, 235),
    accent=(255, 214, 0), accent_ink=(0, 0, 0), accent_soft=(64, 54, 0),
    locked=(20, 20, 20), locked_ink=(235, 235, 235), hatch=(150, 150, 150),
    dark=(255, 255, 255), dark_ink=(0, 0, 0), shade=(0, 0, 0, 200),
    letterbox=(0, 0, 0),
)

FONT_FILES = {"regular": "Inter-Regular.otf", "semibold": "Inter-SemiBold.otf",
              "display": "InterDisplay-Light.otf"}
#: the dyslexia-friendly faces; they lack some symbols, which Inter draws (game.ui.fonts)
DYSLEXIC_FILES = {"dys_regular": "OpenDyslexic-Regular.otf",
                  "dys_semibold": "OpenDyslexic-Bold.otf"}
#: the dyslexia-friendly setting swaps the reading faces (numbers keep Inter's display face);
#: OpenDyslexic is drawn a little smaller (its letters are wide and its x-height large)
DYSLEXIC_FACES = {"regular": "dys_regular", "semibold": "dys_semibold"}
DYSLEXIC_SCALE = 0.86

#: role -> (face, size at 100%, line height factor, scales with the text-size setting)
ROLES = {
    "body": ("regular", 20, 1.45, True),
    "body_strong": ("semibold", 20, 1.45, True),
    "small": ("regular", 16, 1.4, True),
    "small_strong": ("semibold", 16, 1.4, True),
    "label": ("semibold", 13, 1.3, True),
    "button": ("semibold", 19, 1.35, True),
    "heading": ("semibold", 24, 1.3, True),
    "title": ("semibold", 32, 1.25, True),
    "display": ("semibold", 60, 1.1, False),
    "score": ("display", 104, 1.0, False),
    "score_small": ("display", 56, 1.0, False),
}


class Theme:
    """Palette and fonts for the current settings. Rebuilt when the settings change."""

    _fonts: dict = {}   # (face, px) -> Font, shared by every theme

    def __init__(self, settings: Settings):
        self.settings = settings
        self.palette = HIGH_CONTRAST if settings.high_contrast else NORMAL
        self.scale = settings.text_size / 100.0
        self.high_contrast = settings.high_contrast
        self.art = self._art_palette()

    def size(self, role: str) -> int:
        face, px, _, scales = ROLES[role]
        return round(px * self.scale) if scales else px

    def font(self, role: str) -> pygame.font.Font:
        face = ROLES[role][0]
        if getattr(self.settings, "dyslexic_font", False) and face in DYSLEXIC_FACES:
            return self._dyslexic(face, self.size(role))
        key = (face, self.size(role))
        font = Theme._fonts.get(key)
        if font is None:
            font = Theme._fonts[key] = _load_font(face, key[1])
        return font

    def _dyslexic(self, face: str, px: int) -> pygame.font.Font:
        key = (DYSLEXIC_FACES[face], px)
        font = Theme._fonts.get(key)
        if font is None:
            fallback = Theme._fonts.get((face, px)) or _load_font(face, px)
            Theme._fonts[(face, px)] = fallback
            font = Theme._fonts[key] = _load_fallback_font(key[0], round(px * DYSLEXIC_SCALE),
                                                           fallback)
        return font

    def line_height(self, role: str) -> int:
        return round(self.size(role) * ROLES[role][2])

    def fitting(self, text: str, width: int, roles: tuple[str, ...]) -> str:
        """The first of `roles` (largest first) whose face fits `text` in `width` on one line,
        else the last: with large text a short line steps down a size before it is cut."""
        return next((r for r in roles if self.font(r).size(text)[0] <= width), roles[-1])

    def _art_palette(self) -> dict:
        """The colours of a picture's placeholder and rounded corners (game.ui.illustration)."""
        p = self.palette
        return {"bg": p.bg, "paper": p.panel, "panel": p.panel, "ink": p.ink, "muted": p.muted,
                "line": p.line, "accent": p.accent, "accent_soft": p.accent_soft,
                "shade": p.panel_alt, "dark": p.dark, "light": p.panel,
                "high_contrast": self.high_contrast}


def _load_fallback_font(face: str, px: int, fallback) -> pygame.font.Font:
    """A reading face that draws the characters it lacks in `fallback` (see game.ui.fonts)."""
    from .fonts import FallbackFont
    try:
        return FallbackFont(str(asset_path("fonts", DYSLEXIC_FILES[face])), px, fallback,
                            trim=0.82)
    except (OSError, FileNotFoundError, pygame.error):
        return fallback


def _load_font(face: str, px: int) -> pygame.font.Font:
    path = asset_path("fonts", FONT_FILES[face])
    try:
        return pygame.font.Font(str(path), px)
    except (OSError, FileNotFoundError, pygame.error):
        return pygame.font.Font(None, round(px * 1.3))
