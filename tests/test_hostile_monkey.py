"""A monkey at the keyboard: 50,000 random events (keys, clicks, motion, wheel, touches,
resizes, focus changes and quit requests) across every screen of the window, through the
headless pilot. Nothing may raise, and memory must stay flat.

A quit request closes the window (the play screen autosaves first); the monkey then cancels
it, as a "really quit?" would, and goes on. Every few thousand events the monkey is put on
another screen, so each one gets its share.
"""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import ctypes  # noqa: E402
import gc  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import flow, levels, screenshots  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

EVENTS = 50_000
PER_FRAME = 8
JUMP_EVERY = 1_000
RSS_SLACK_MB = 40
FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"

KEYS = ([pygame.K_0 + n for n in range(10)] + [pygame.K_KP1, pygame.K_KP5] +
        [pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_TAB, pygame.K_ESCAPE,
         pygame.K_BACKSPACE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT,
         pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END, pygame.K_h,
         pygame.K_z, pygame.K_F5, pygame.K_a, pygame.K_q, pygame.K_DELETE, pygame.K_F1,
         pygame.K_AC_BACK, pygame.K_LSHIFT, pygame.K_LCTRL])
MODS = (0, 0, 0, pygame.KMOD_LSHIFT, pygame.KMOD_LCTRL, pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT,
        pygame.KMOD_ALT)
WINDOW_EVENTS = (pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.WINDOWEXPOSED,
                 pygame.WINDOWHIDDEN, pygame.WINDOWSHOWN, pygame.WINDOWMINIMIZED,
                 pygame.WINDOWRESTORED, pygame.WINDOWENTER, pygame.WINDOWLEAVE,
                 pygame.ACTIVEEVENT, pygame.VIDEOEXPOSE)
SIZES = ((1280, 720), (800, 600), (1920, 1080), (640, 480), (1366, 768), (320, 240),
         (2560, 1440), (720, 1280), (1, 1))
#: screens the monkey is put on in turn (screenshots.SCREENS builds each one)
JUMPS = ("title", "chapters", "persona", "ruleset", "play", "play-scored", "play-locked",
         "pause", "settings", "history", "ending", "debrief", "debrief-end", "credits",
         "slots-save", "slots-load", "continue")


def settled_rss_kb(app) -> int:
    """RSS on the same footing each time: a 1280x720 window on the title, garbage collected,
    and (with glibc) freed memory handed back, so what is measured is what is still held."""
    pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    app._resized()
    app.reset(flow.title_screen(app))
    app.frame(dt=0.0)
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    return rss_kb()


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def chapter():
    try:
        return levels.find("tutorial")
    except levels.LevelProblem:
        return levels.find(str(FIXTURE))


def jump(app, name: str, ch) -> None:
    app.reset(flow.title_screen(app))
    if name in ("slots-save", "slots-load"):
        play = screenshots._start_play(app, ch)
        flow.open_slots(app, name[6:], play.session, ch)
    elif name == "continue":
        flow.continue_game(app)
    else:
        screenshots.SCREENS[name](app, ch)


class Monkey:
    def __init__(self, pilot: Pilot, rng: random.Random):
        self.pilot, self.app, self.rng = pilot, pilot.app, rng
        self.quits = 0
        self.sent = 0
        self.kinds: dict[str, int] = {}

    def pos(self) -> tuple[int, int]:
        w, h = self.app.window.get_size()
        return self.rng.randrange(-20, w + 20), self.rng.randrange(-20, h + 20)

    def post(self, kind: str, event_type, **attrs) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        self.sent += 1
        pygame.event.post(pygame.event.Event(event_type, **attrs))

    def one(self) -> None:
        r, roll = self.rng, self.rng.random()
        if roll < 0.38:
            key, mod = r.choice(KEYS), r.choice(MODS)
            uni = chr(key) if 32 <= key < 127 else ""
            self.post("key", pygame.KEYDOWN, key=key, mod=mod, unicode=uni, scancode=0)
            self.post("key", pygame.KEYUP, key=key, mod=mod, unicode=uni, scancode=0)
        elif roll < 0.62:
            pos, button = self.pos(), r.choice((1, 1, 1, 1, 2, 3, 4, 5))
            self.post("click", pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False)
            if r.random() < 0.9:
                self.post("click", pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False)
        elif roll < 0.80:
            held = (1, 0, 0) if r.random() < 0.3 else (0, 0, 0)
            self.post("motion", pygame.MOUSEMOTION, pos=self.pos(),
                      rel=(r.randint(-80, 80), r.randint(-80, 80)), buttons=held, touch=False)
        elif roll < 0.88:
            dy = r.choice((-5, -1, -1, 1, 1, 3, 12))
            self.post("wheel", pygame.MOUSEWHEEL, x=0, y=dy, precise_x=0.0,
                      precise_y=float(dy), flipped=False, touch=False)
        elif roll < 0.93:
            kind = r.choice((pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION))
            self.post("touch", kind, touch_id=1, finger_id=0, x=r.random(), y=r.random(),
                      dx=r.uniform(-0.1, 0.1), dy=r.uniform(-0.1, 0.1), pressure=1.0)
        elif roll < 0.96:
            self.post("focus", r.choice(WINDOW_EVENTS))
        elif roll < 0.985:
            size = r.choice(SIZES)
            pygame.display.set_mode(size, pygame.RESIZABLE)
            self.post("resize", r.choice((pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED)),
                      size=size, w=size[0], h=size[1], x=size[0], y=size[1])
        else:
            self.post("quit", pygame.QUIT)

    def frame(self) -> None:
        self.app.frame(dt=self.rng.choice((0.0, 1 / 60, 1 / 60, 0.05, 0.1, 0.5)))
        if not self.app.running:           # a quit: cancel it, as a "really quit?" would
            self.quits += 1
            self.app.running = True
            if not self.app.stack:
                self.app.reset(flow.title_screen(self.app))


@pytest.mark.slow
def test_fifty_thousand_random_events_across_every_screen(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))
    started = time.monotonic()
    rng = random.Random(20261121)
    ch = chapter()
    pilot = Pilot(settings=Settings(text_speed="fast"), persist=True,
                  args=SimpleNamespace(level=None))
    monkey = Monkey(pilot, rng)
    seen: set[str] = set()
    rss_start = None
    jumps = 0
    while monkey.sent < EVENTS:
        if monkey.sent >= jumps * JUMP_EVERY:
            jump(pilot.app, JUMPS[jumps % len(JUMPS)], ch)
            jumps += 1
        for _ in range(PER_FRAME):
            monkey.one()
        monkey.frame()
        seen.add(pilot.screen_name())
        if rss_start is None and jumps > len(JUMPS):   # every screen drawn once: warm
            rss_start = settled_rss_kb(pilot.app)
    rss_end = settled_rss_kb(pilot.app)
    took = time.monotonic() - started
    sent = monkey.sent
    print(f"\nmonkey: {sent} events ({monkey.kinds}) in {took:.1f} s, {monkey.quits} quits "
          f"cancelled; screens seen: {sorted(seen)}")
    print(f"monkey: RSS at start {rss_start / 1024:.1f} MB, at end {rss_end / 1024:.1f} MB")
    assert sent >= EVENTS
    for name in ("title", "list", "play", "pause", "settings", "history", "ending", "debrief",
                 "credits", "saves"):
        assert name in seen, f"the monkey never reached {name}"
    assert monkey.quits > 0
    assert rss_end - rss_start < RSS_SLACK_MB * 1024, (rss_start, rss_end)
