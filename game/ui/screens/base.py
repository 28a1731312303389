"""The screen base class, and the page furniture most screens share.

A screen lives on the app's stack. `handle` gets inputs, `update(dt)` moves animations on,
`draw(surf)` only draws (it never changes game state), `layout()` places widgets and runs
again whenever the text size or contrast changes. An overlay is drawn over the screen below
it and returns its result through the callback given to `app.push`.
"""
from __future__ import annotations

import pygame

from .. import paint
from .. import strings as S
from ..theme import LOGICAL_SIZE, MARGIN
from ..widgets import Focus

BACK_KEYS = (pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_AC_BACK)


class Screen:
    name = "screen"   # each screen's own, in words ("play", "title"): tests find screens by it
    overlay = False
    hint = S.HINT_MENU

    def __init__(self, app):
        self.app = app
        self.focus = Focus()
        self.t = 0.0

    # ---- shortcuts
    @property
    def theme(self):
        return self.app.theme

    @property
    def pal(self):
        return self.app.theme.palette

    @property
    def cache(self):
        return self.app.cache

    # ---- lifecycle
    def layout(self) -> None:
        """Place widgets. Called when pushed and whenever the theme changes."""

    def enter(self) -> None:
        self.layout()

    def leave(self) -> None:
        pass

    def finish(self, result=None) -> None:
        """Close this screen, handing `result` to whoever pushed it."""
        self.app.pop(self, result)

    def back(self) -> None:
        self.finish(None)

    # ---- per frame
    def handle(self, inp) -> None:
        if inp.kind == "key" and inp.key in BACK_KEYS:
            self.back()
            return
        self.focus.handle(inp)

    def update(self, dt: float) -> None:
        self.t += dt

    def animating(self) -> bool:
        return False

    def invalidate(self) -> None:
        """Forget cached drawing (screens that cache layers override this)."""

    def fps(self) -> int:
        """Frames a second wanted while animating."""
        return 60

    def draw(self, surf) -> None:
        surf.fill(self.pal.bg)


def page_header(screen, surf, title: str, note: str = "", top: int = 40) -> int:
    """A screen title and a muted line under it; returns the y below them."""
    th, pal, cache = screen.theme, screen.pal, screen.cache
    width = LOGICAL_SIZE[0] - 2 * MARGIN * 3
    box = pygame.Rect(MARGIN * 3, top, width, 200)
    title = cache.fit(th.font("title"), title, width)
    paint.text(surf, cache, th.font("title"), title, pal.ink, (box.x, top), box=box)
    y = top + th.line_height("title") + 4
    if note:
        layout = cache.layout(th.font("body"), note, width, th.line_height("body"))
        y = paint.lines(surf, cache, th.font("body"), layout, pal.muted, box.x, y, box=box)
    return y + 8


def header_height(screen, note: str, top: int = 40) -> int:
    """The y below what `page_header` draws."""
    th = screen.theme
    y = top + th.line_height("title") + 4
    if note:
        width = LOGICAL_SIZE[0] - 2 * MARGIN * 3
        y += screen.cache.layout(th.font("body"), note, width, th.line_height("body")).height
    return y + 8


def whole_parts(font, words: str, width: int) -> str:
    """As many of a hint's " · " parts as fit whole, from the first (a cut "Ba…" tells
    nobody anything); nothing if not even the first fits."""
    parts = words.split(S.JOIN)
    while len(parts) > 1 and font.size(S.JOIN.join(parts))[0] > width:
        parts.pop()
    shown = S.JOIN.join(parts)
    return shown if font.size(shown)[0] <= width else ""


def page_hint(screen, surf, hint: str | None = None, span: tuple[int, int] | None = None) -> None:
    """The keyboard hint along the bottom edge; with `span` (x from, x to), only there, as
    between two buttons on the bottom row."""
    th, pal, cache = screen.theme, screen.pal, screen.cache
    w, h = LOGICAL_SIZE
    left, right = span or (MARGIN, w - MARGIN)
    font = th.font("small")
    line = whole_parts(font, hint or screen.hint, right - left)
    if line:
        paint.text(surf, cache, font, line, pal.muted, ((left + right) // 2, h - 14),
                   "midbottom", box=pygame.Rect(0, 0, w, h))


def wordmark(screen, surf, pos) -> None:
    """The small app mark used in corners: an eye-like ring and the name in capitals."""
    th, pal, cache = screen.theme, screen.pal, screen.cache
    x, y = pos
    pygame.draw.circle(surf, pal.accent, (x + 9, y + 9), 9, 3)
    pygame.draw.circle(surf, pal.accent, (x + 9, y + 9), 3)
    paint.text(surf, cache, th.font("label"), S.APP_NAME.upper(), pal.ink, (x + 26, y + 9),
               "midleft")
