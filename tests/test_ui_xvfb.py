"""End to end under a real X server: start Xvfb, run the real program, press keys with
xdotool, and read the X screen with xwd. Skipped where Xvfb, xdotool or xwd are missing.

The picture is read from the X server itself (`xwd -root`), not from the game, so this checks
what a player would see: the window is not blank, and the score on screen changes after a
scored choice.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = {name: shutil.which(name) for name in ("Xvfb", "xdotool", "xwd")}
pytestmark = pytest.mark.skipif(not all(TOOLS.values()),
                                reason=f"needs Xvfb, xdotool and xwd (x11-apps): {TOOLS}")
SCREEN = (1280, 720)
LOGICAL = (1280, 720)


def _free_display() -> int:
    for n in range(97, 300):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


@pytest.fixture()
def display():
    n = _free_display()
    server = subprocess.Popen([TOOLS["Xvfb"], f":{n}", "-screen", "0",
                               f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{n}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip("Xvfb did not start")
            time.sleep(0.05)
        yield f":{n}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


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


def geometry(display: str, wid: str) -> tuple[int, int, int, int]:
    out = xdotool(display, "getwindowgeometry", wid)
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
            press(display, "1", pause=0.2)
            press(display, "space", pause=0.2)    # skip the pause after the choice
            after = settle(display, score_rect(geom))
            if before != after:
                changed = True
                break
        assert changed, "the score on screen never changed after a choice"
        assert game.poll() is None, game.communicate()[1][-2000:]
    finally:
        if game.poll() is None:
            game.terminate()
        try:
            game.wait(timeout=10)
        except subprocess.TimeoutExpired:
            game.kill()
