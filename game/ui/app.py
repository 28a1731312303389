"""The window: one loop, a stack of screens, a logical 1280x720 surface scaled to the window.

pygame is initialised here and nowhere else: the display and fonts when the App is made, and
`pygame.init()` for the rest (sound, controllers) right after the first frame is shown, so the
window appears as soon as it can.

The loop's one rule for drawing: a frame is drawn when the app is dirty (input, a screen
pushed or popped, new settings, a window event, or a screen that changed what it shows in
`update()` and said so with `app.dirty = True`), or when the top screen was animating before
`update()` or is animating after it. The second half matters: the `update()` that finishes
an animation (the typewriter's last letter and the choices under it, a toast expiring, the
score settling, the pause after a choice ending and the next scene loading) leaves nothing
animating, and without that frame the screen would stay one step behind while the loop
blocks. So a still screen always shows exactly what the next input acts on.

When nothing animates and nothing is dirty the loop blocks (see `_wait`) instead of
spinning; while something animates it is capped at 60 frames a second. `clock` counts
seconds as the player lives them, time spent blocked included (tests step it with `dt`).
"""
from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")   # no banner on the player's terminal
import pygame  # noqa: E402

from . import flow
from . import settings as settings_mod
from .inputs import Translator, Viewport
from .sound import Sound, quiet_native_stderr
from .textcache import TextCache
from .theme import LOGICAL_SIZE, Theme

FPS = 60
IDLE_WAIT_MS = 1000
BUSY_SLICE_MS = 15     # between event checks in the second after input
IDLE_SLICE_MS = 50     # once nothing has happened for a second
FIRST_FRAME_ENV = "SINCERITY_FIRST_FRAME_MARK"


def fitted(size: tuple[int, int], desktops: list[tuple[int, int]]) -> tuple[int, int]:
    """The window's first size: `size`, or smaller, keeping its shape, on a screen too small
    to show it whole (an 800x600 projector would cut off the score and the choices)."""
    if not desktops:
        return size
    width, height = desktops[0]
    scale = min(1.0, width / size[0], height / size[1])
    return (max(1, int(size[0] * scale)), max(1, int(size[1] * scale)))


class App:
    def __init__(self, window_size: tuple[int, int] | None = None,
                 settings: settings_mod.Settings | None = None, persist: bool = True):
        os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "sincerity")  # for desktops and xdotool
        pygame.display.init()
        pygame.font.init()
        self.settings_problem: str | None = None   # why the settings file was not used
        if settings is None:
            settings, self.settings_problem = settings_mod.read()
        self.settings = settings
        self.persist = persist
        self.windowed_size = window_size or fitted(LOGICAL_SIZE, pygame.display.get_desktop_sizes())
        self.window = self._open(self.settings.fullscreen)
        self.viewport = Viewport(self.window.get_size())
        self.translate = Translator(self.viewport)
        self.theme = Theme(self.settings)
        self.cache = TextCache()
        self.sound = Sound(self.settings.volume, self.settings.music_volume,
                           self.settings.ambience_volume)
        self.stack: list[tuple[object, object]] = []
        self.running = True
        self.dirty = True
        self.frames = 0
        self.after_first_frame: list = []
        self.save_error: str | None = None
        self.saves = None             # game.saves.Store, made by game.ui.saving
        self.continue_offer = None    # what "Continue" on the title resumes
        self.slots_used = False
        self.notices: list[str] = []  # one-line problems the title shows (saving off, ...)
        self.classroom = None         # kiosk mode: the Kiosk running students on this window
        self.intercept = None         # kiosk mode: sees every event first; True swallows it
        self.tickers: list = []       # called once a frame (kiosk mode's idle and time checks)
        self._canvas: pygame.Surface | None = None
        self._painter = None
        self._scaled: pygame.Surface | None = None
        self._clock = pygame.time.Clock()
        self._last_input = time.monotonic()
        self._last = time.perf_counter()
        self._wall = self._last
        self.clock = 0.0              # seconds since the window opened, waits included

    # ---- what screens report
    def ask(self, intent) -> None:
        """A screen reports what the player asked for (a value from `game.ui.intents`);
        `game.ui.flow` decides where it leads and builds the next screen."""
        flow.follow(self, intent)

    @property
    def in_kiosk(self) -> bool:
        """Whether this window is a classroom kiosk (not only recording with --export)."""
        return hasattr(self.classroom, "home_screen")

    # ---- window
    def _open(self, fullscreen: bool) -> pygame.Surface:
        pygame.display.set_caption(_strings().WINDOW_TITLE)
        pygame.display.set_icon(window_icon())
        if fullscreen:
            try:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                pass
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    @property
    def fullscreen(self) -> bool:
        return bool(self.window.get_flags() & pygame.FULLSCREEN)

    def set_fullscreen(self, on: bool) -> None:
        if on == self.fullscreen:
            return
        if not on:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        else:
            self.windowed_size = self.window.get_size()
            self.window = self._open(True)
        self._resized()

    def _resized(self) -> None:
        self._painter = None
        self.window = pygame.display.get_surface() or self.window
        self.viewport.resize(self.window.get_size())
        self.dirty = True

    # ---- the stack of screens
    @property
    def top(self):
        return self.stack[-1][0] if self.stack else None

    def push(self, screen, on_result=None) -> None:
        self.stack.append((screen, on_result))
        screen.enter()
        self.dirty = True

    def pop(self, screen=None, result=None) -> None:
        """Close `screen` (default: the top one) and call its callback with `result`."""
        index = len(self.stack) - 1
        if screen is not None:
            index = next((i for i, (s, _) in enumerate(self.stack) if s is screen), None)
            if index is None:
                return
        gone, callback = self.stack.pop(index)
        gone.leave()
        self.dirty = True
        if callback is not None:
            callback(result)
        if not self.stack:
            self.running = False

    def replace(self, screen, on_result=None) -> None:
        """Swap the top screen for another without calling the old one's callback."""
        if self.stack:
            self.stack.pop()[0].leave()
        self.push(screen, on_result)

    def reset(self, screen) -> None:
        """Clear the stack and show `screen` alone."""
        while self.stack:
            self.stack.pop()[0].leave()
        self.push(screen)

    def quit(self) -> None:
        """Close the window; screens with an `on_quit` (the play screen autosaves) run it."""
        for screen, _ in list(self.stack):
            hook = getattr(screen, "on_quit", None)
            if hook is not None:
                hook()
        self.running = False

    # ---- settings
    def apply_settings(self, new: settings_mod.Settings) -> None:
        """Use, save and lay out for new settings."""
        old, self.settings = self.settings, new
        if self.persist:
            try:
                settings_mod.save(new)
                self.save_error = None
            except OSError as exc:
                self.save_error = str(exc)
        looks = ("text_size", "high_contrast", "dyslexic_font")
        if any(getattr(old, k, None) != getattr(new, k, None) for k in looks):
            self.theme = Theme(new)
            for screen, _ in self.stack:
                screen.layout()
        self.sound.set_volumes(new.volume, new.music_volume, new.ambience_volume)
        self.set_fullscreen(new.fullscreen)
        self.dirty = True

    # ---- the loop
    def run(self) -> None:
        self.frame(block=False)
        self._mark_first_frame()
        with quiet_native_stderr():   # ALSA's noise on a machine with no sound card
            pygame.init()
        self.sound.start()
        for hook in self.after_first_frame:
            hook()
        self.after_first_frame.clear()
        while self.running:
            self.frame(block=True)

    def _mark_first_frame(self) -> None:
        mark = os.environ.get(FIRST_FRAME_ENV)
        if mark:
            print(f"SINCERITY_FIRST_FRAME {time.monotonic():.6f}", flush=True)
            if mark == "exit":
                self.running = False

    def animating(self) -> bool:
        top = self.top
        return bool(top and top.animating())

    def frame(self, block: bool = False, dt: float | None = None) -> bool:
        """Handle pending events, move animations on, draw if needed. False once quitting.

        `dt` steps the clock by that much (tests); otherwise real time is used."""
        events = self._events(block)
        now = time.perf_counter()
        step = dt if dt is not None else min(0.1, now - self._last)
        self._last = now
        self.clock += dt if dt is not None else now - self._wall
        self._wall = now
        for event in events:
            self.dispatch(event)
        for tick in self.tickers:
            tick()
        moving = self.animating()
        if self.top is not None:
            self.top.update(step)
        if self.running and (self.dirty or moving or self.animating()):
            self.render()
        return self.running

    def _events(self, block: bool) -> list:
        if block and self.animating():
            self._clock.tick(getattr(self.top, "fps", lambda: FPS)())
        elif block and not self.dirty:
            self._last = time.perf_counter() - 1 / FPS
            return self._wait()
        return pygame.event.get()

    def _wait(self) -> list:
        """Sleep until an event comes, without spinning.

        `pygame.event.wait` is not used: pygame-ce implements it as a loop that pumps events
        and sleeps 1 ms (about 3% CPU on a still screen, measured under Xvfb). Instead the
        loop sleeps in slices (short just after input, longer once the screen has been still
        for a while) and checks for events between them.
        """
        deadline = time.monotonic() + IDLE_WAIT_MS / 1000
        while True:
            events = pygame.event.get()
            if events or time.monotonic() >= deadline:
                if events:
                    self._last_input = time.monotonic()
                return events
            still = time.monotonic() - self._last_input
            pygame.time.wait(IDLE_SLICE_MS if still > 1.0 else BUSY_SLICE_MS)

    def dispatch(self, event) -> None:
        t = event.type
        if self.intercept is not None and self.intercept(event):
            return
        if t == pygame.QUIT:
            self.quit()
        elif t in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self._resized()
        elif t in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED,
                   pygame.WINDOWFOCUSGAINED, pygame.VIDEOEXPOSE):
            self._painter = None
            self.dirty = True
        elif t == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.apply_settings(_replace(self.settings, fullscreen=not self.fullscreen))
        else:
            inp = self.translate(event)
            if inp is not None and self.top is not None:
                self.top.handle(inp)
                self.dirty = True

    # ---- drawing
    def render(self) -> None:
        """Draw the visible screens onto the logical surface and show it in the window."""
        direct = self.viewport.identity and self.window.get_size() == LOGICAL_SIZE
        if direct:
            surf = self.window
        else:
            if self._canvas is None:
                self._canvas = _like_window(LOGICAL_SIZE, self.window)
            surf = self._canvas
        self.draw_stack(surf)
        if not direct:
            self._present_scaled(surf)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

    def draw_stack(self, surf) -> None:
        first = len(self.stack) - 1
        while first > 0 and self.stack[first][0].overlay:
            first -= 1
        shown = [screen for screen, _ in self.stack[max(first, 0):]]
        for screen in shown:
            if screen.overlay:
                _veil(surf, self.theme.palette.shade)
            screen.draw(surf)
        self._painter = (shown[0], surf) if len(shown) == 1 else None

    def painted_last(self, screen, surf) -> bool:
        """Whether `surf` still shows the last frame `screen` drew, alone (nothing on top)."""
        return self._painter is not None and self._painter[0] is screen and \
            self._painter[1] is surf

    def _present_scaled(self, canvas) -> None:
        rect = self.viewport.rect
        if self._scaled is None or self._scaled.get_size() != rect.size:
            self._scaled = _like_window(rect.size, self.window)
        pygame.transform.smoothscale(canvas, rect.size, self._scaled)
        self.window.fill(self.theme.palette.letterbox)
        self.window.blit(self._scaled, rect)

    def snapshot(self) -> pygame.Surface:
        """A copy of what the window shows now (for screenshots and tests)."""
        return self.window.copy()


def window_icon() -> pygame.Surface:
    """The app's mark (an accent ring around a dot, as in `wordmark`), drawn in code.

    Set before the window opens, it also spares the start-up pygame's own icon, which
    pygame finds through importlib.resources and loads from a BMP (about 5 ms)."""
    from .theme import NORMAL
    icon = pygame.Surface((32, 32), pygame.SRCALPHA)
    pygame.draw.circle(icon, NORMAL.accent, (16, 16), 15, 5)
    pygame.draw.circle(icon, NORMAL.accent, (16, 16), 5)
    return icon


def _like_window(size: tuple[int, int], window: pygame.Surface) -> pygame.Surface:
    """A surface in the window's own pixel format, made so at once: `Surface(size).convert()`
    would fill a surface and then copy it all (about 4 ms for 1280x720, on the first frame)."""
    return pygame.Surface(size, 0, window)


_veil_cache: dict = {}


def _veil(surf, color) -> None:
    shade = _veil_cache.get(tuple(color))
    if shade is None:
        shade = pygame.Surface(LOGICAL_SIZE, pygame.SRCALPHA)
        shade.fill(color)
        _veil_cache.clear()
        _veil_cache[tuple(color)] = shade
    surf.blit(shade, (0, 0))


def _replace(s, **kw):
    from dataclasses import replace
    return replace(s, **kw)


def _strings():
    from . import strings
    return strings


def run_app(args) -> int:
    """Open the window, show the title, and play until the window closes."""
    kiosk = getattr(args, "classroom_loaded", None) is not None
    # Kiosk mode: fullscreen, and settings neither read nor saved (reset for every student).
    app = App(settings=settings_mod.Settings(fullscreen=True) if kiosk else None,
              persist=not kiosk)
    try:
        flow.start(app, args)
        app.run()
    finally:
        pygame.quit()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_app(None))
