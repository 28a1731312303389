"""Explore every reachable state of a level, per persona and ruleset, with the real engine.

    python tools/reachability.py levels/pilot_city.yaml [more.yaml ...] [--seeds 0,1,2]
                                 [--strict] [--json] [--jobs N]

For each persona x ruleset x seed, a breadth-first search runs over `choices()` / `choose()`
from `new_game()`, merging equal states. States are frozen dataclasses, so they are merged by
value, which is what comparing `state.to_json()` does, only faster: `to_json` is a function of
exactly those fields (the level is left out of both). The state holds the RNG position, so
chance sensors and appeals are explored as the engine rolls them for that seed; a few seeds
give different rolls. It reports:

- which scenes and endings each persona x ruleset reaches (union over the seeds);
- dead ends: a reachable state whose scene shows no choice, or only locked ones;
- the score range at each ending.

Exit code 0 when every scene and ending is reached by some persona x ruleset and there is no
dead end; with `--strict`, every ending must also be reached by every persona x ruleset.
Exit 1 otherwise, 2 on a level that does not load.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.core import choices, choose, new_game  # noqa: E402
from game.core.model import Level  # noqa: E402

MAX_STATES = 2_000_000


@dataclass
class Combo:
    """What one persona x ruleset reached, over all seeds."""
    persona: str
    ruleset: str
    states: int = 0
    scenes: set[str] = field(default_factory=set)
    endings: dict[str, list[int]] = field(default_factory=dict)   # ending -> [min, max] score
    dead_ends: set[str] = field(default_factory=set)


def load(path: str) -> Level:
    """The level at `path`, through the game's loader when it is there, else pydantic."""
    try:
        from game.content import load_level
    except ImportError:
        load_level = None
    if load_level is not None:
        loaded = load_level(path)
        if loaded.level is None:
            problems = "; ".join(d.message for d in loaded.diagnostics if d.severity == "error")
            raise SystemExit(f"{path}: does not load: {problems}")
        return loaded.level
    import yaml
    return Level.model_validate(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def explore(level: Level, persona: str, ruleset: str, seed: int) -> Combo:
    """Breadth-first over every choice from the first state, merging equal states."""
    combo = Combo(persona, ruleset)
    start = new_game(level, persona, ruleset, seed)
    seen = {start}
    todo = deque([start])
    while todo:
        state = todo.popleft()
        if state.finished:
            low, high = combo.endings.setdefault(state.ending, [state.score, state.score])
            combo.endings[state.ending] = [min(low, state.score), max(high, state.score)]
            continue
        combo.scenes.add(state.scene)
        views = choices(state)
        open_ = [v for v in views if v.available]
        if not open_:
            combo.dead_ends.add(state.scene)
            continue
        for view in open_:
            nxt = choose(state, view.id).state
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
        if len(seen) > MAX_STATES:
            raise SystemExit(f"more than {MAX_STATES} states: give up")
    combo.states = len(seen)
    return combo


def _merge(into: Combo, part: Combo) -> None:
    into.states += part.states
    into.scenes |= part.scenes
    into.dead_ends |= part.dead_ends
    for ending, (low, high) in part.endings.items():
        old = into.endings.setdefault(ending, [low, high])
        into.endings[ending] = [min(old[0], low), max(old[1], high)]


def _job(args: tuple) -> Combo:
    path, persona, ruleset, seed = args
    return explore(load(path), persona, ruleset, seed)


def check(path: str, seeds: list[int], jobs: int = 1) -> dict:
    """Explore one level for every persona x ruleset x seed; return the findings."""
    level = load(path)
    pairs = [(p, r) for p in level.personas for r in level.rulesets]
    work = [(path, p, r, seed) for p, r in pairs for seed in seeds]
    if jobs > 1:
        with multiprocessing.Pool(jobs) as pool:
            parts = pool.map(_job, work)
    else:
        parts = [explore(level, p, r, seed) for _, p, r, seed in work]
    combos = {pair: Combo(*pair) for pair in pairs}
    for (_, p, r, _), part in zip(work, parts):
        _merge(combos[(p, r)], part)
    combos = list(combos.values())
    all_scenes = set().union(*(c.scenes for c in combos))
    all_endings = set().union(*(c.endings for c in combos))
    return {
        "level": level.id,
        "path": path,
        "unreached_scenes": sorted(set(level.scenes) - all_scenes),
        "unreached_endings": sorted(set(level.endings) - all_endings),
        "combos": [{
            "persona": c.persona, "ruleset": c.ruleset, "states": c.states,
            "scenes": f"{len(c.scenes)}/{len(level.scenes)}",
            "missing_scenes": sorted(set(level.scenes) - c.scenes),
            "endings": {e: c.endings[e] for e in level.endings if e in c.endings},
            "missing_endings": sorted(set(level.endings) - set(c.endings)),
            "dead_ends": sorted(c.dead_ends),
        } for c in combos],
    }


def _print(report: dict) -> None:
    print(f"{report['path']} ({report['level']})")
    for c in report["combos"]:
        print(f"  {c['persona']} x {c['ruleset']}: {c['states']} states, scenes {c['scenes']}")
        if c["missing_scenes"]:
            print(f"    scenes not reached: {', '.join(c['missing_scenes'])}")
        for ending, (low, high) in c["endings"].items():
            print(f"    ending {ending}: score {low}..{high}")
        if c["missing_endings"]:
            print(f"    endings not reached: {', '.join(c['missing_endings'])}")
        if c["dead_ends"]:
            print(f"    DEAD ENDS (every choice locked): {', '.join(c['dead_ends'])}")
    for kind in ("scenes", "endings"):
        missing = report[f"unreached_{kind}"]
        print(f"  {kind} reached by no persona x ruleset: {', '.join(missing) or 'none'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("levels", nargs="+", help="level files")
    parser.add_argument("--seeds", default="0,1,2", help="comma-separated seeds")
    parser.add_argument("--strict", action="store_true",
                        help="every ending must be reached by every persona x ruleset")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes to explore in parallel (default: one per CPU)")
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    reports = [check(path, seeds, args.jobs) for path in args.levels]
    if args.json:
        print(json.dumps(reports, indent=2))
    else:
        for report in reports:
            _print(report)
    bad = False
    for report in reports:
        bad |= bool(report["unreached_scenes"] or report["unreached_endings"])
        for c in report["combos"]:
            bad |= bool(c["dead_ends"]) or (args.strict and bool(c["missing_endings"]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
