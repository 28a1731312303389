"""Explore every reachable state of a level, per persona and ruleset (a thin wrapper).

    python tools/reachability.py levels/pilot_city.yaml [more.yaml ...] [--strict] [--json]
                                 [--jobs N] [--seeds 0,1,2]

This was a writer's quick script; `python -m game analyze` supersedes it and this file now
prints its old report from the analyzer's search (`game.authoring`): every persona x ruleset,
equal futures merged, and every fall of the dice explored as a branch, so `--seeds` is no
longer needed (it is accepted and ignored). It reports:

- which scenes and endings each persona x ruleset reaches;
- dead ends: a reachable situation whose scene shows no choice, or only locked ones;
- the score range at each ending.

Exit code 0 when every scene and ending is reached by some persona x ruleset and there is no
dead end; with `--strict`, every ending must also be reached by every persona x ruleset.
Exit 1 otherwise, 2 on a level that does not load.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.authoring.analyze import explore_levels  # noqa: E402
from game.content import load_level  # noqa: E402


def check(path: str) -> dict:
    """Explore one level for every persona x ruleset; return the findings."""
    loaded = load_level(path)
    if not loaded.ok:
        problems = "; ".join(d.message for d in loaded.errors)
        raise SystemExit(f"{path}: does not load: {problems}")
    level = loaded.level
    combos = explore_levels([level])[0]
    all_scenes = set().union(*(c.scene_scores for c in combos))
    all_endings = set().union(*(c.endings for c in combos))
    return {
        "level": level.id,
        "path": path,
        "unreached_scenes": sorted(set(level.scenes) - all_scenes),
        "unreached_endings": sorted(set(level.endings) - all_endings),
        "combos": [{
            "persona": c.persona, "ruleset": c.ruleset, "states": c.states,
            "scenes": f"{len(c.scene_scores)}/{len(level.scenes)}",
            "missing_scenes": sorted(set(level.scenes) - set(c.scene_scores)),
            "endings": {e: [c.endings[e].low, c.endings[e].high]
                        for e in level.endings if e in c.endings},
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
    parser.add_argument("--seeds", default="", help="ignored: every fall of the dice is explored")
    parser.add_argument("--strict", action="store_true",
                        help="every ending must be reached by every persona x ruleset")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--jobs", type=int, default=0,
                        help="processes to explore in parallel (default: one per CPU)")
    args = parser.parse_args(argv)
    if args.jobs > 0:
        os.environ["SINCERITY_ANALYZE_WORKERS"] = str(args.jobs)
    reports = [check(path) for path in args.levels]
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
