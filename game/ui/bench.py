"""The window's benchmark figures (DESIGN.md section 6): `figures(quick) -> dict`.

Each figure is {"value", "unit", "budget"}. Frame figures are the CPU time (process time) of
whole frames (events, update, draw, present) on the dummy video driver at 1280x720, on the
busiest play screen: the chapter's scene with the most choices and watchers, text fully shown,
toasts and score chips in flight, pulsing watchers, the illustration animating. The baseline
is the same run with the text cache switched off (every line rendered and wrapped anew).
First frame, idle CPU and peak memory are measured in fresh subprocesses.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

BUDGETS = {"first_frame_ms": 150, "frame_median_ms": 1, "frame_p99_ms": 2,
           "baseline_frame_median_ms": None, "scene_change_ms": 8, "idle_cpu_percent": 1,
           "peak_rss_mb": 80}
UNITS = {"first_frame_ms": "ms", "frame_median_ms": "ms", "frame_p99_ms": "ms",
         "baseline_frame_median_ms": "ms", "scene_change_ms": "ms", "idle_cpu_percent": "%",
         "peak_rss_mb": "MB"}


def _env(config_dir: str) -> dict:
    """A headless child that finds its (empty) settings and saves the way the game does."""
    env = dict(os.environ)
    env.pop("SINCERITY_CONFIG_DIR", None)
    env.pop("SINCERITY_DATA_DIR", None)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               XDG_CONFIG_HOME=config_dir, XDG_DATA_HOME=config_dir)
    return env


def _headless() -> None:
    for key, value in (("SDL_VIDEODRIVER", "dummy"), ("SDL_AUDIODRIVER", "dummy"),
                       ("PYGAME_HIDE_SUPPORT_PROMPT", "1")):
        os.environ.setdefault(key, value)


def _figure(name: str, value: float) -> dict:
    return {"value": round(value, 3), "unit": UNITS[name], "budget": BUDGETS[name]}


# ---------------------------------------------------------------- subprocess figures

FIRST_FRAME_CODE = "from game.__main__ import main; main([])"   # the real `sincerity`


def first_frame_ms(runs: int, compiled: bool = True) -> float:
    """Process start to the first frame shown: the child prints a monotonic-clock mark.

    `compiled`: as on a player's machine, where installing the game compiled its modules to
    bytecode once, the children read compiled modules; a warm-up run (not counted) writes
    them to a temporary cache (`PYTHONPYCACHEPREFIX`), so a checkout run with
    PYTHONDONTWRITEBYTECODE set does not compile every module on every start and nothing
    is written into the project. `compiled=False` measures that compile-every-time start."""
    times = []
    with tempfile.TemporaryDirectory() as cfg, tempfile.TemporaryDirectory() as pyc:
        env = _env(cfg) | {"SINCERITY_FIRST_FRAME_MARK": "exit"}
        if compiled:
            env = compiled_env(env, pyc)
            _first_frame_once(env)
        for _ in range(runs):
            times.append(_first_frame_once(env))
    return statistics.median(times)


def compiled_env(env: dict, cache: str) -> dict:
    """`env` for a child that writes and reads compiled modules in the folder `cache`."""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _first_frame_once(env: dict) -> float:
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", FIRST_FRAME_CODE], env=env,
                         capture_output=True, text=True, timeout=60)
    mark = next((line for line in out.stdout.splitlines()
                 if line.startswith("SINCERITY_FIRST_FRAME ")), None)
    if mark is None:
        raise RuntimeError(f"no first-frame mark: {out.stderr[-400:]}")
    return (float(mark.split()[1]) - start) * 1000


def _child(mode: str, seconds: float) -> dict:
    with tempfile.TemporaryDirectory() as cfg:
        code = f"from game.ui.bench import _child_main; _child_main({mode!r}, {seconds!r})"
        out = subprocess.run([sys.executable, "-c", code], env=_env(cfg), capture_output=True,
                             text=True, timeout=300)
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"bench child {mode} failed: {out.stderr[-600:]}")


def _child_main(mode: str, seconds: float) -> None:
    """In a fresh process: 'idle' (CPU of a still play screen) or 'rss' (play to the end)."""
    _headless()
    result = _idle(seconds) if mode == "idle" else _play_through()
    print(json.dumps(result), flush=True)


def _idle(seconds: float) -> dict:
    app, play = _play_app(settings=None)
    play.ambient = 0.0                       # as after a few seconds without input
    for _ in range(600):                     # let the reveal and any animation finish
        if not app.animating():
            break
        app.frame(dt=1 / 60)
    app.frame(block=False)
    cpu0, wall0 = time.process_time(), time.monotonic()
    while time.monotonic() - wall0 < seconds:
        app.frame(block=True)                # the real loop: waits for events when still
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    return {"idle_cpu_percent": 100.0 * cpu / wall}


def _play_through() -> dict:
    import resource

    from . import screenshots
    from .screens.debrief import DebriefScreen
    app, play = _play_app(settings=None)
    app.sound.start()                 # the ambience plays, and every sound is in memory
    app.sound.load_all()
    screenshots.play_until(app, play, lambda s: s.finished, limit=300)
    app.replace(DebriefScreen(app, play.session, play.chapter))
    for fraction in (0.0, 0.25, 0.5, 0.75, 1.0):
        app.top.scroll.scroll(fraction * app.top.scroll.max_offset)
        app.frame(dt=1 / 60)
    return {"peak_rss_mb": _peak_rss_kb(resource) / 1024.0}


def _peak_rss_kb(resource) -> float:
    """This process's peak resident memory in KiB.

    On Linux /proc's VmHWM is used: `ru_maxrss` of a process started by a big parent counts
    the parent's memory at the moment of exec (the kernel carries it over), not only ours."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform == "darwin" else rss


# ---------------------------------------------------------------- in-process figures

def _chapter():
    from . import levels
    try:
        return levels.find("tutorial")
    except levels.LevelProblem:
        return next(c for c in levels.bundled() if c.ok)


def busiest_scene(level) -> str:
    """The scene with the most choices, watchers and words."""
    def weight(item):
        scene = item[1]
        return (len(scene.choices) + len(scene.watchers), len(scene.text))
    return max(level.scenes.items(), key=weight)[0]


def _play_app(settings):
    from . import flow
    from .app import App
    from .settings import Settings
    app = App(window_size=(1280, 720), settings=settings or Settings(), persist=False)
    chapter = _chapter()
    scene = busiest_scene(chapter.level)
    persona = list(chapter.level.personas)[-1]
    flow.play(app, chapter, flow.Options(start_at=scene), persona, None)
    return app, app.top


def _busy(play) -> None:
    """Fill the screen with what moves: score chips, toasts, a service flashing."""
    from ..core import events as ev
    services = list(play.session.level.services.items())
    fake = [ev.ScoreChanged(1000, 960, -40, "behaviour", "Crossing on red", -40, "Crossing on red"),
            ev.ScoreChanged(960, 955, -5, "network", None, -5, "Score adjusted"),
            ev.PeerRated("ana", "Ana", 2), ev.Watched("cam", "Camera on the pole", "camera"),
            ev.Watched("app", "Points app", "buzz")]
    if services:
        sid, service = services[0]
        fake.append(ev.ServiceLocked(sid, service.name, f"{service.name}: needs 950, you have 955"))
    fake.append(ev.Blacklisted("Dishonest list", 955))
    from ..core.changes import ChoiceScore, change_of
    moved = ChoiceScore(1, 1000, 955, (change_of("exact", "behaviour", -40, "Crossing on red"),
                                       change_of("exact", "network", -5, None)))
    play._animate(fake, moved)


def _frames(play, app, count: int, naive: bool = False) -> list[float]:
    """CPU time of `count` frames; `naive` redraws everything (no still layer) each frame."""
    times = []
    for i in range(count):
        if i % 150 == 0:
            _busy(play)
        t0 = time.process_time()
        if naive:
            play.invalidate()
        app.frame(dt=1 / 60)
        times.append((time.process_time() - t0) * 1000)
    return times


def frame_figures(count: int) -> tuple[float, float, float]:
    """(median, p99, baseline median) of frame CPU time on the busiest play screen."""
    app, play = _play_app(settings=None)
    play.scene_view.reveal_all()
    play._refocus()
    _frames(play, app, 60)                      # warm up: first renders fill the caches
    cached = _frames(play, app, count)
    app.cache.enabled = False
    baseline = _frames(play, app, max(60, count // 3), naive=True)
    app.cache.enabled = True
    cached.sort()
    p99 = cached[min(len(cached) - 1, int(len(cached) * 0.99))]
    return statistics.median(cached), p99, statistics.median(baseline)


LOREM = ("The gates read your face before your ticket and a screen lists who may board the "
         "fast train today while the slow bus idles and a kiosk offers to pay your bills now")


def scene_change_ms(runs: int) -> float:
    """Lay out and draw a new scene of about 600 words and four choices (caches cold)."""
    app, play = _play_app(settings=None)
    views = play.session.choices()
    words = LOREM.split()
    times = []
    for run in range(runs):
        text = " ".join(f"{words[i % len(words)]}{'' if i % 37 else run}" for i in range(600))
        t0 = time.process_time()
        play.scene_view.set_scene(f"Scene {run}", text, views, False)
        play._refocus()
        app.draw_stack(app.window)
        times.append((time.process_time() - t0) * 1000)
    return statistics.median(times)


def figures(quick: bool = False) -> dict:
    """Every window figure, each {"value", "unit", "budget"}."""
    _headless()
    median, p99, baseline = frame_figures(300 if quick else 900)
    out = {
        "first_frame_ms": _figure("first_frame_ms", first_frame_ms(3 if quick else 7)),
        "frame_median_ms": _figure("frame_median_ms", median),
        "frame_p99_ms": _figure("frame_p99_ms", p99),
        "baseline_frame_median_ms": _figure("baseline_frame_median_ms", baseline),
        "scene_change_ms": _figure("scene_change_ms", scene_change_ms(5 if quick else 15)),
        "idle_cpu_percent": _figure("idle_cpu_percent",
                                    _child("idle", 1.5 if quick else 3.0)["idle_cpu_percent"]),
        "peak_rss_mb": _figure("peak_rss_mb", _child("rss", 0)["peak_rss_mb"]),
    }
    return out


if __name__ == "__main__":  # pragma: no cover
    for name, fig in figures("--quick" in sys.argv).items():
        print(f"{name:28} {fig['value']:>10} {fig['unit']:3} budget {fig['budget']}")
