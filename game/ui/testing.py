"""A pilot for driving the window headless in tests: post real pygame events, step frames.

    pilot = Pilot(size=(1280, 720), settings=Settings(text_speed="instant"))
    pilot.key(pygame.K_1)          # posts KEYDOWN/KEYUP and runs two frames
    pilot.number(1)                # the same, after the choices' grace time has passed
    pilot.click((640, 360))        # logical coordinates; mapped to the window
    pilot.tap((640, 360))          # a finger, in normalised window coordinates
    pilot.screen_is("ending")      # the top screen, by its public `name`
    pilot.press("Next chapter")    # click the button with this label (or label start)

Set SDL_VIDEODRIVER=dummy and SDL_AUDIODRIVER=dummy before importing pygame.
"""
from __future__ import annotations

from contextlib import contextmanager

import pygame

from . import flow
from . import settings as settings_mod
from .app import App


INSTANT = settings_mod.Settings(text_speed="instant")


class Pilot:
    """`settings=None` reads them from the config folder, as the game does."""

    def __init__(self, size=(1280, 720), settings: settings_mod.Settings | None = INSTANT,
                 args=None, persist: bool = False):
        self.app = App(window_size=size, settings=settings, persist=persist)
        pygame.event.clear()
        flow.start(self.app, args)
        self.app.frame(dt=0.0)
        for hook in self.app.after_first_frame:
            hook()
        self.app.after_first_frame.clear()
        self.frames(2)

    # ---- time
    def frames(self, n: int = 1, dt: float = 1 / 60) -> None:
        for _ in range(n):
            self.app.frame(dt=dt)

    def wait(self, seconds: float, dt: float = 1 / 30) -> None:
        self.frames(max(1, round(seconds / dt)), dt)

    # ---- input
    def key(self, key: int, unicode: str = "", mod: int = 0, frames: int = 2) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode,
                                             scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode,
                                             scancode=0))
        self.frames(frames)

    def number(self, n: int) -> None:
        """Press a number as a player does: after looking at the screen for a moment (choices
        ignore presses in their first CHOICE_GRACE_SECONDS; `key` presses at once)."""
        self.read()
        self.key(pygame.K_0 + n, str(n))

    def read(self) -> None:
        """Let the choices' grace time pass (one frame of that length)."""
        from .screens.play_input import CHOICE_GRACE_SECONDS
        self.frames(1, dt=CHOICE_GRACE_SECONDS)

    def window_pos(self, logical) -> tuple[int, int]:
        return self.app.viewport.to_window(logical)

    def move(self, logical) -> None:
        pos = self.window_pos(logical)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                             buttons=(0, 0, 0), touch=False))
        self.frames(1)

    def click(self, logical, frames: int = 2) -> None:
        pos = self.window_pos(logical)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                             buttons=(0, 0, 0), touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1,
                                             touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1,
                                             touch=False))
        self.frames(frames)

    def wheel(self, logical, dy: int) -> None:
        pygame.mouse.set_pos(self.window_pos(logical))
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=dy, precise_x=0.0,
                                             precise_y=float(dy), flipped=False, touch=False))
        self.frames(1)

    def drag(self, start, end, steps: int = 6) -> None:
        x0, y0 = self.window_pos(start)
        x1, y1 = self.window_pos(end)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x0, y0), button=1,
                                             touch=False))
        px, py = x0, y0
        for i in range(1, steps + 1):
            x, y = x0 + (x1 - x0) * i // steps, y0 + (y1 - y0) * i // steps
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y),
                                                 rel=(x - px, y - py), buttons=(1, 0, 0),
                                                 touch=False))
            px, py = x, y
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x1, y1), button=1,
                                             touch=False))
        self.frames(2)

    def tap(self, logical, frames: int = 2) -> None:
        """A finger down and up, as a touch screen sends it (normalised coordinates)."""
        x, y = self.window_pos(logical)
        ww, wh = self.app.window.get_size()
        common = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0)
        pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=x / ww, y=y / wh, **common))
        pygame.event.post(pygame.event.Event(pygame.FINGERUP, x=x / ww, y=y / wh, **common))
        self.frames(frames)

    # ---- looking
    @property
    def top(self):
        return self.app.top

    def screen_name(self) -> str:
        """The top screen's public `name` ("play", "title", "pause"...)."""
        return self.app.top.name

    def screen_is(self, name: str) -> bool:
        return self.app.top.name == name

    def button(self, label: str):
        """The top screen's button with this label; failing that, the first whose label
        starts with it ("Next chapter" finds "Next chapter: Day Zero")."""
        buttons = [w for w in self.app.top.focus.items
                   if isinstance(getattr(w, "label", None), str)]
        for match in (lambda b: b.label == label, lambda b: b.label.startswith(label)):
            found = [b for b in buttons if match(b)]
            if found:
                return found[0]
        labels = ", ".join(repr(b.label) for b in buttons)
        raise AssertionError(f"no button {label!r} on the {self.screen_name()} screen "
                             f"(it has {labels or 'none'})")

    def press(self, label: str, frames: int = 2) -> None:
        """Click the button with this label (see `button`), as a player does."""
        self.click(self.button(label).rect.center, frames)

    def redraw(self) -> pygame.Surface:
        """Draw everything afresh (no cached layers) and return the window's picture."""
        for screen, _ in self.app.stack:
            screen.invalidate()
        self.app.render()
        return self.app.snapshot()

    def snapshot(self) -> pygame.Surface:
        return self.app.snapshot()

    def drawn(self) -> list[tuple[str, pygame.Rect]]:
        """Each line of text a full redraw draws, with where (see `drawn_text`)."""
        with drawn_text() as audit:
            self.redraw()
        return [(line, rect) for line, rect, *_ in audit]


@contextmanager
def drawn_text():
    """Within the block, every line of text drawn is recorded: the list it yields fills with
    (line, rect, ...) entries (`paint.AUDIT`)."""
    from . import paint
    paint.AUDIT = []
    try:
        yield paint.AUDIT
    finally:
        paint.AUDIT = None
