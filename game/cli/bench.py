"""The benchmark ("timedemo"): `python -m game bench [--json]`.

Each figure is `{"value": number or None, "unit": str, "budget": number or None}` under the
name DESIGN.md section 6 gives it; values are medians of several runs. The core figures are
measured here. The window's figures (first_frame_ms, frame_median_ms, frame_p99_ms,
baseline_frame_median_ms, scene_change_ms, idle_cpu_percent, peak_rss_mb) come from
`game.ui.bench.figures(quick: bool) -> dict` (or `window_figures`) of the same shape, when it
can be imported and the window can start; otherwise they are skipped with a note.

`SINCERITY_BENCH_QUICK=1` runs each figure fewer times (for tests); its figures are rougher.
Nothing here is imported by the game itself.
"""
from __future__ import annotations

import contextlib
import json
import os
import random
import statistics
import sys
import time
from typing import Callable

Figure = dict  # {"value": float | None, "unit": str, "budget": float | None}


def quick_mode() -> bool:
    return os.environ.get("SINCERITY_BENCH_QUICK", "") not in ("", "0")


def figure(value: float | None, unit: str, budget: float | None = None) -> Figure:
    rounded = None if value is None else round(value, 2)
    return {"value": rounded, "unit": unit, "budget": budget}


def median_ms(work: Callable[[], object], runs: int, warm_up: bool = True) -> float:
    """The median CPU time of `work`, in milliseconds (after one warm-up run unless told).

    CPU time of this process, not wall time: on a shared machine other programs' work would
    otherwise count as ours. Everything measured here runs in this one thread."""
    if warm_up:
        work()
    times = []
    for _ in range(runs):
        began = time.process_time()
        result = work()
        times.append(time.process_time() - began)
        del result   # freeing what was built is not part of the work measured
    return statistics.median(times) * 1000


# ---------------------------------------------------------------- loading levels

def _bundled_paths() -> list:
    from ..content.catalog import bundled

    return [loaded.path for loaded in bundled()]


def validate_bundled(runs: int) -> Figure:
    """Load and check every bundled level file."""
    from ..content import load_level

    paths = _bundled_paths()
    value = median_ms(lambda: [load_level(p) for p in paths], runs) if paths else None
    return figure(value, "ms", 100)


def validate_generated(scenes: int, runs: int, budget: float | None) -> Figure:
    """Load and check a generated level of this many scenes (generation is not timed)."""
    from ..content import load_text
    from ..content.generate import generate_level_text

    text = generate_level_text(scenes)
    work = lambda: load_text(text, f"<generated {scenes}>")  # noqa: E731
    return figure(median_ms(work, runs, warm_up=scenes < 5000), "ms", budget)


# ---------------------------------------------------------------- the engine

def _games(levels: list) -> list[tuple]:
    """(level, persona, ruleset) for every combination in the bundled levels."""
    return [(lv, p, r) for lv in levels for p in lv.personas for r in lv.rulesets]


def _play_steps(games: list[tuple], steps: int, seed: int) -> int:
    """Play `steps` choices at random among the open ones, restarting at endings."""
    from ..core import choices, choose, new_game

    rng = random.Random(seed)
    made, state, game = 0, None, 0
    while made < steps:
        if state is None or state.finished:
            level, persona, ruleset = games[game % len(games)]
            game += 1
            state = new_game(level, persona, ruleset, seed=game)
        open_ = [v for v in choices(state) if v.available]
        if not open_:
            state = None
            continue
        state = choose(state, rng.choice(open_).id).state
        made += 1
    return made


def engine_steps(runs: int, steps: int) -> Figure:
    """`choose` calls per second (with `choices` before each) on the bundled levels."""
    from ..content.catalog import bundled

    games = _games([lv.level for lv in bundled() if lv.ok])
    if not games:
        return figure(None, "steps/s")
    rates = []
    for run in range(runs):
        began = time.perf_counter()
        made = _play_steps(games, steps, seed=run)
        rates.append(made / (time.perf_counter() - began))
    return figure(statistics.median(rates), "steps/s")


# ---------------------------------------------------------------- the analyzer

def _one_process() -> None:
    """The figures are CPU time of this process, so the analyzer must not use others."""
    os.environ["SINCERITY_ANALYZE_WORKERS"] = "1"


def analyze_campaign(runs: int) -> Figure:
    """`analyze` on every bundled level in one process (loading them is not timed: see
    validate_bundled): CPU time, to compare changes by; no budget (the budgets are on wall
    time, below)."""
    _one_process()
    from ..authoring.analyze import analyze_loaded
    from ..content.catalog import bundled

    levels = bundled()
    if not levels:
        return figure(None, "ms")
    return figure(median_ms(lambda: analyze_loaded(levels), runs, warm_up=False), "ms")


def _wall_ms(levels: list, runs: int) -> float:
    """The median wall time of `analyze` on these levels as `python -m game analyze` runs
    it, with a pool of as many processes as this machine has cores (CPU time would not
    count the pool's work), in milliseconds."""
    from ..authoring import analyze

    before = os.environ.pop("SINCERITY_ANALYZE_WORKERS", None)
    try:
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            analyze.analyze_loaded(levels)
            times.append(time.perf_counter() - began)
    finally:
        if before is not None:
            os.environ["SINCERITY_ANALYZE_WORKERS"] = before
    return statistics.median(times) * 1000


def analyze_campaign_wall(runs: int) -> Figure:
    """`analyze` on every bundled level together, wall time (budget: 2 cores)."""
    from ..content.catalog import bundled

    levels = bundled()
    return figure(_wall_ms(levels, runs) if levels else None, "ms", 4000)


def analyze_chapter_max(runs: int) -> Figure:
    """`analyze` on each bundled level alone, as an author editing it runs it: the slowest
    one's wall time."""
    from ..content.catalog import bundled

    levels = bundled()
    slowest = max((_wall_ms([level], runs) for level in levels), default=None)
    return figure(slowest, "ms", 1500)


def analyze_generated(kind: str, runs: int, budget: float) -> Figure:
    """`analyze` on a generated level: "chain" is 30 binary choices in a row (2^30 paths),
    "corridor" has 5,000 scenes (generating and loading it are not timed)."""
    _one_process()
    from ..authoring.analyze import analyze_loaded
    from ..authoring.generate import binary_chain_text, corridor_text
    from ..content import load_text

    text = binary_chain_text(30) if kind == "chain" else corridor_text(5000)
    loaded = load_text(text, f"<generated {kind}>")
    return figure(median_ms(lambda: analyze_loaded([loaded]), runs, warm_up=False), "ms",
                  budget)


# ---------------------------------------------------------------- the class report

def report_sessions(count: int, runs: int) -> Figure:
    """`report` on `count` session files in a temporary folder: reading and checking every
    file, the class's figures and writing the HTML page (making the files is not timed)."""
    import tempfile
    from pathlib import Path

    from ..classroom.generate import generate_class, write_class
    from ..classroom.report import make_report

    with tempfile.TemporaryDirectory(prefix="sincerity-bench-") as tmp:
        folder = Path(tmp) / "exports"
        write_class(folder, generate_class(count))
        out = Path(tmp) / "class.html"
        value = median_ms(lambda: make_report([str(folder)], out), runs)
    return figure(value, "ms", 2000)


# ---------------------------------------------------------------- all figures

def core_figures(quick: bool) -> dict[str, Figure]:
    runs = 3 if quick else 9
    big = 1 if quick else 3
    return {
        "validate_bundled_ms": validate_bundled(runs),
        "validate_1k_ms": validate_generated(1000, big, None),
        "validate_5k_ms": validate_generated(5000, big, None),
        "validate_10k_ms": validate_generated(10000, big, 1000),
        "engine_steps_per_s": engine_steps(3 if quick else 5, 300 if quick else 5000),
        "analyze_campaign_ms": analyze_campaign(1 if quick else 3),
        "analyze_campaign_wall_ms": analyze_campaign_wall(1 if quick else 3),
        "analyze_chapter_max_ms": analyze_chapter_max(1 if quick else 3),
        "analyze_2pow30_ms": analyze_generated("chain", 3 if quick else 9, 100),
        "analyze_5k_ms": analyze_generated("corridor", 1 if quick else 3, 3000),
        "report_500_ms": report_sessions(500, 1 if quick else 3),
    }


def window_figures(quick: bool) -> tuple[dict[str, Figure], str | None]:
    """The window's figures from game.ui.bench, or none and a note saying why."""
    from ..ui import bench as ui_bench

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        with contextlib.redirect_stdout(sys.stderr):  # keep `--json` output clean
            return dict(ui_bench.figures(quick)), None
    except Exception as exc:  # noqa: BLE001 - no window here (no display, no driver)
        return {}, f"window figures skipped: the window could not start ({exc})"


def serve_figures() -> dict[str, Figure]:
    """The lesson server's figures (game/web/bench.py): 40 students at once."""
    from ..web import bench as serve_bench

    return {name: figure(*values) for name, values in serve_bench.measure().items()}


def collect(quick: bool) -> tuple[dict[str, Figure], list[str]]:
    figures = core_figures(quick)
    figures.update(serve_figures())
    shown, note = window_figures(quick)
    figures.update(shown)
    return figures, [note] if note else []


# ---------------------------------------------------------------- output

def _verdict(fig: Figure) -> str:
    if fig["budget"] is None or fig["value"] is None:
        return ""
    return "ok" if fig["value"] <= fig["budget"] else "OVER BUDGET"


def table(figures: dict[str, Figure]) -> list[str]:
    """The figures as a plain table: name, median, unit, budget, verdict."""
    lines = [f"{'figure':<26}{'median':>12}  {'unit':<8}{'budget':>8}", "-" * 64]
    for name, fig in figures.items():
        value = "-" if fig["value"] is None else f"{fig['value']:,.2f}"
        budget = "-" if fig["budget"] is None else f"{fig['budget']:g}"
        lines.append(f"{name:<26}{value:>12}  {fig['unit']:<8}{budget:>8}  {_verdict(fig)}"
                     .rstrip())
    return lines


def main(as_json: bool = False) -> int:
    figures, notes = collect(quick_mode())
    if as_json:
        print(json.dumps(figures, indent=2))
        for note in notes:
            sys.stderr.write(f"Note: {note}\n")
    else:
        print("\n".join(table(figures)))
        for note in notes:
            print(f"Note: {note}")
    return 0
