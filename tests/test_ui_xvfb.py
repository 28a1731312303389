"""End to end under a real X server: start Xvfb, run the real program, press keys with
xdotool, and read the X screen with xwd. Skipped where Xvfb, xdotool or xwd are missing.

The picture is read from the X server itself (`xwd -root`), not from the game, so this checks
what a player would see: the window is not blank, the score on screen changes after a scored
choice, and a still screen is what the game means to show (moving the mouse over an empty
margin changes nothing) through scene changes, with and without reduced motion.
Set SINCERITY_TEST_DISPLAYS=71,72 to choose the X display numbers used.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = {name: shutil.which(name) for name in ("Xvfb", "xdotool", "xwd")}
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not all(TOOLS.values()),
                                 reason=f"needs Xvfb, xdotool and xwd (x11-apps): {TOOLS}")]
SCREEN = (1280, 720)
LOGICAL = (1280, 720)


def _display_numbers() -> list[str]:
    """`-displayfd` lets Xvfb take the first free display itself (no race between test
    runs); SINCERITY_TEST_DISPLAYS (e.g. "71,72") pins the numbers instead."""
    wanted = os.environ.get("SINCERITY_TEST_DISPLAYS")
    return [n for n in wanted.split(",") if n.strip()] if wanted else []


@contextmanager
def xvfb():
    """A fresh X server on a free display number, for the block's duration."""
    pinned = [n for n in _display_numbers() if not Path(f"/tmp/.X{n}-lock").exists()]
    read, write = os.pipe()
    where = [f":{pinned[0]}"] if pinned else ["-displayfd", str(write)]
    server = subprocess.Popen([TOOLS["Xvfb"], *where, "-screen", "0",
                               f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              pass_fds=(write,))
    os.close(write)
    try:
        yield f":{_ready(server, read, pinned[0] if pinned else None)}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _ready(server: subprocess.Popen, read: int, pinned: str | None) -> str:
    """The display number once the server takes connections: Xvfb writes it to the pipe
    (`-displayfd`); on a pinned number, its socket appears."""
    with os.fdopen(read) as answer:
        if pinned is None:
            number = answer.readline().strip()
            assert number.isdigit(), f"Xvfb did not start (exit code {server.poll()})"
            return number
    deadline = time.monotonic() + 30
    while not Path(f"/tmp/.X11-unix/X{pinned}").exists():
        assert server.poll() is None and time.monotonic() < deadline, \
            f"Xvfb did not start on :{pinned}"
        time.sleep(0.05)
    return pinned


@pytest.fixture()
def display():
    with xvfb() as name:
        yield name


# ---------------------------------------------------------------- XWD, read by hand

def read_xwd(data: bytes):
    """(width, height, pixel(x, y) -> (r, g, b)) from an XWD file (X11 window dump)."""
    fields = struct.unpack(">25I", data[:100])
    header_size, version = fields[0], fields[1]
    assert version == 7, "not an XWD version 7 file"
    width, height = fields[4], fields[5]
    byte_order, bits_per_pixel, bytes_per_line = fields[7], fields[11], fields[12]
    masks = fields[14:17]
    ncolors = fields[19]
    start = header_size + ncolors * 12
    pixels = data[start:start + height * bytes_per_line]
    step = bits_per_pixel // 8
    order = "little" if byte_order == 0 else "big"
    shifts = [(m & -m).bit_length() - 1 for m in masks]

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        i = y * bytes_per_line + x * step
        value = int.from_bytes(pixels[i:i + step], order)
        return tuple(((value & m) >> s) & 0xFF for m, s in zip(masks, shifts))
    return width, height, pixel


def grab(display: str):
    out = subprocess.run([TOOLS["xwd"], "-root", "-silent", "-display", display],
                         capture_output=True, timeout=30)
    assert out.returncode == 0, out.stderr
    return read_xwd(out.stdout)


def area_bytes(display: str, rect) -> bytes:
    """The raw pixels of `rect` on the X screen, row by row (fast to compare)."""
    out = subprocess.run([TOOLS["xwd"], "-root", "-silent", "-display", display],
                         capture_output=True, timeout=30)
    assert out.returncode == 0, out.stderr
    data = out.stdout
    fields = struct.unpack(">25I", data[:100])
    header_size, bits_per_pixel, bytes_per_line, ncolors = fields[0], fields[11], fields[12], \
        fields[19]
    start, step = header_size + ncolors * 12, bits_per_pixel // 8
    x, y, w, h = rect
    return b"".join(data[start + j * bytes_per_line + x * step:
                         start + j * bytes_per_line + (x + w) * step] for j in range(y, y + h))


def region(shot, rect) -> list:
    _, _, pixel = shot
    x, y, w, h = rect
    return [pixel(i, j) for j in range(y, y + h, 2) for i in range(x, x + w, 2)]


# ---------------------------------------------------------------- driving the game

def xdotool(display: str, *args: str) -> str:
    out = subprocess.run([TOOLS["xdotool"], *args], capture_output=True, text=True, timeout=30,
                         env=dict(os.environ, DISPLAY=display))
    return out.stdout.strip()


def wait_for_window(display: str, game: subprocess.Popen) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert game.poll() is None, game.communicate()[1][-2000:]
        wid = xdotool(display, "search", "--pid", str(game.pid)) or \
            xdotool(display, "search", "--class", "sincerity")
        if wid:
            return wid.splitlines()[0]
        time.sleep(0.2)
    game.terminate()   # say what the game printed: a window that never came is rare, and
    _, err = game.communicate(timeout=10)   # only a slow host has shown it so far
    windows = xdotool(display, "search", "--name", ".")
    raise AssertionError(f"the game window never appeared in 60 s; windows on {display}: "
                         f"{windows or 'none'}; the game said: {err[-2000:] or 'nothing'}")


def stop(game: subprocess.Popen) -> None:
    """End the game (politely first) and wait for it."""
    if game.poll() is None:
        game.terminate()
    try:
        game.wait(timeout=10)
    except subprocess.TimeoutExpired:
        game.kill()


def geometry(display: str, wid: str) -> tuple[int, int, int, int]:
    out = ""
    for _ in range(50):                  # a window just found may not be mapped yet
        out = xdotool(display, "getwindowgeometry", wid)
        if "Position:" in out and "Geometry:" in out:
            break
        time.sleep(0.2)
    pos = out.split("Position:")[1].split()[0]
    size = out.split("Geometry:")[1].split()[0]
    x, y = (int(v) for v in pos.split(","))
    w, h = (int(v) for v in size.split("x"))
    return x, y, w, h


def settle(display: str, rect=(0, 0, SCREEN[0], SCREEN[1]), seconds: float = 10.0):
    """Grab the screen until `rect` stops changing (its animations done); return that area."""
    last = None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.3)
        sample = region(grab(display), rect)
        if sample == last:
            return sample
        last = sample
    return region(grab(display), rect)


def press(display: str, key: str, pause: float = 0.4) -> None:
    xdotool(display, "key", "--clearmodifiers", key)
    time.sleep(pause)


def score_rect(geom) -> tuple[int, int, int, int]:
    """The score digits on the X screen: the play screen's right column, top card."""
    wx, wy, ww, wh = geom
    scale = min(ww / LOGICAL[0], wh / LOGICAL[1])
    ox = wx + (ww - LOGICAL[0] * scale) / 2
    oy = wy + (wh - LOGICAL[1] * scale) / 2
    x, y, w, h = 972, 112, 268, 110          # logical: inside the score card, the number
    return (round(ox + x * scale), round(oy + y * scale), round(w * scale), round(h * scale))


def test_real_window_under_xvfb(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, SDL_AUDIODRIVER="dummy",
               SINCERITY_CONFIG_DIR=str(tmp_path / "config"), PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("SDL_VIDEODRIVER", None)
    # the real program: the `sincerity` console script installed beside this Python
    program = Path(sys.executable).with_name("sincerity")
    assert program.is_file(), "the `sincerity` script is missing: pip install -e '.[test]'"
    cmd = [str(program), "play", "--level", "tutorial"]
    game = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        wid = wait_for_window(display, game)
        xdotool(display, "windowfocus", "--sync", wid)
        geom = geometry(display, wid)
        colours = set(settle(display)[::13])
        assert len(colours) > 8, "the screen is blank"
        press(display, "1")                       # persona
        press(display, "1", pause=1.5)            # ruleset; then the play screen builds
        changed = False
        for _ in range(8):                        # reveal, choose 1, until the score moves
            press(display, "space")
            before = settle(display, score_rect(geom))
            press(display, "1", pause=0.4)        # (a key just after a choice is ignored)
            press(display, "space", pause=0.2)    # skip the pause after the choice
            after = settle(display, score_rect(geom))
            if before != after:
                changed = True
                break
        assert changed, "the score on screen never changed after a choice"
        assert game.poll() is None, game.communicate()[1][-2000:]
    finally:
        stop(game)


# ---------------------------------------------------------------- a still screen is whole

def to_screen(geom, rect) -> tuple[int, int, int, int]:
    """A logical rectangle -> X screen pixels, for a window at `geom`."""
    wx, wy, ww, wh = geom
    scale = min(ww / LOGICAL[0], wh / LOGICAL[1])
    ox, oy = wx + (ww - LOGICAL[0] * scale) / 2, wy + (wh - LOGICAL[1] * scale) / 2
    x, y, w, h = rect
    return (round(ox + x * scale), round(oy + y * scale), round(w * scale), round(h * scale))


def launch(tmp_path, display, settings: dict):
    """The real program on the tutorial, with its own settings and save folders."""
    import json
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps(dict(settings, version=1)))
    env = dict(os.environ, DISPLAY=display, SDL_AUDIODRIVER="dummy", HOME=str(tmp_path),
               SINCERITY_CONFIG_DIR=str(config), SINCERITY_DATA_DIR=str(data),
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("SDL_VIDEODRIVER", None)
    program = Path(sys.executable).with_name("sincerity")
    cmd = [str(program), "play", "--level", "tutorial", "--persona", "urban",
           "--ruleset", "city_pilot"]
    return subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True), data / "saves"


class Looker:
    """Compares the still screen with the screen after the mouse moves over a margin.

    "Still" is judged from outside: after the notices a choice brings have run out
    (`quiet_after`; under reduced motion a toast or a lit service does not move, so only time
    tells it is over), the area has not changed for a second."""

    def __init__(self, display, wid, rect, quiet_after: float):
        self.display, self.wid, self.rect, self.flip = display, wid, rect, 0
        self.quiet_after, self.chosen_at = quiet_after, 0.0

    def choose(self, key: str = "1", pause: float = 0.3) -> None:
        self.chosen_at = time.monotonic()
        press(self.display, key, pause)

    def still_is_whole(self, what: str) -> None:
        time.sleep(max(0.0, self.chosen_at + self.quiet_after - time.monotonic()))
        idle, since = area_bytes(self.display, self.rect), time.monotonic()
        deadline = since + 12.0
        while time.monotonic() - since < 0.8 and time.monotonic() < deadline:
            time.sleep(0.2)
            sample = area_bytes(self.display, self.rect)
            if sample != idle:
                idle, since = sample, time.monotonic()
        self.flip = 1 - self.flip                 # a new place each time, so X sends motion
        xdotool(self.display, "mousemove", "--window", self.wid, "3", str(400 + 20 * self.flip))
        time.sleep(0.35)
        moved = area_bytes(self.display, self.rect)
        assert idle == moved, f"{what}: the still screen changed when the mouse moved over " \
                              f"an empty margin (it was not showing what the game meant to)"


def autosave_step(saves_dir: Path) -> int:
    from game import saves
    return saves.Store(saves_dir).read(saves.AUTOSAVE).step


def _first_reply() -> str | None:
    """The reply to choice 1 of the tutorial's first scene (the pause after it lasts as long
    as the reply takes to read)."""
    from game.content import load_level
    from game.resources import levels_dir
    level = load_level(levels_dir() / "tutorial.yaml").level
    scene = level.scenes[level.start]
    return scene.choices[0].reply


def test_still_screens_show_everything_and_keys_never_choose_unseen(tmp_path):
    """With and without reduced motion (side by side, on two X servers, to save time)."""
    with xvfb() as first, xvfb() as second, ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(still_screens, first, tmp_path / "typewriter", False),
                pool.submit(still_screens, second, tmp_path / "reduced", True)]
        for run in runs:
            run.result()


def still_screens(display: str, tmp_path: Path, reduced: bool) -> None:
    """Scene after scene of the tutorial: every still screen is whole; under the typewriter,
    a key pressed as the text is shown, and one just after, choose nothing."""
    from game.ui.fx import TOAST_SECONDS
    from game.ui.screens.play import PlayScreen, aftermath_seconds
    game, saves_dir = launch(tmp_path, display, {"text_speed": "fast",
                                                 "reduced_motion": reduced})
    try:
        wid = wait_for_window(display, game)
        xdotool(display, "windowfocus", "--sync", wid)
        geom = geometry(display, wid)
        _, mid, right = PlayScreen.columns()
        moving_art = 0 if reduced else mid.x       # the art and watchers move for a while
        look = Looker(display, wid, to_screen(geom, (moving_art, 0, LOGICAL[0] - moving_art,
                                                     LOGICAL[1])), TOAST_SECONDS + 0.3)
        look.still_is_whole("the first scene")
        look.choose(pause=aftermath_seconds(_first_reply(), "fast") + 0.6)   # no key: it moves on
        look.still_is_whole("the scene after the first choice's pause")
        assert autosave_step(saves_dir) == 1
        look.choose()
        press(display, "space", pause=0.1)         # skip the pause after the choice
        if not reduced:                             # the text is revealing: show it, and
            xdotool(display, "key", "--clearmodifiers", "--delay", "60", "Return", "1")
            time.sleep(0.8)                         # ... a second key must not choose
            assert autosave_step(saves_dir) == 2, \
                "a key pressed as the text was shown chose a choice the player never saw"
        look.still_is_whole("the third scene")
        look.choose()
        press(display, "space", pause=0.1)
        look.still_is_whole("the fourth scene")
        assert game.poll() is None, game.communicate()[1][-2000:]
    finally:
        stop(game)
