"""`python -m game analyze [LEVEL ...] [--json]`: can every level be finished, and how?

For each level, every persona x ruleset is explored (`explore.py`: every reachable situation,
equal futures merged, every fall of the dice a branch); the findings (`findings.py`) are
problems with A4xx codes at `path:line:col`, and information lines (`overview.py`): the
scores at each scene, who reaches each ending and the shortest way there, how long a game
is. Exit 1 when a level has an error (an ending no one reaches, a dead end, or a level that
does not load), else 0.

Big levels are explored in several processes: the first explorations run here, and when
they take long the rest go to a pool (`SINCERITY_ANALYZE_WORKERS=1` keeps everything in
this process).
"""
from __future__ import annotations

import gc
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..content.diagnostics import Diagnostic, format_all
from ..core.model import Level
from .explore import MAX_STATES, explore
from .findings import Analysis, problems
from .levelwalk import LevelFacts
from .overview import findings, info_lines
from .summary import ComboResult, summarize

#: The situations one `analyze` run explores at most, shared by all its persona x ruleset
#: searches (each gets an equal share, at most `MAX_STATES` and at least `MIN_SHARE`): a
#: level with 6 personas x 6 rulesets stops in about a minute with A408, not after an hour.
RUN_STATES = 1_000_000
MIN_SHARE = 5_000
SERIAL_SECONDS = 0.3   # explore in this process for this long before starting a pool
BIG_CHOICES = 100      # or start one at once when the explorations have this many choices


@dataclass
class LevelAnalysis:
    """One level's results: problems (and load errors), information lines, findings."""
    path: str
    lines: list[str]
    problems: list[Diagnostic] = field(default_factory=list)
    info: list[Diagnostic] = field(default_factory=list)
    findings: dict | None = None
    results: list[ComboResult] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.problems)


# ---------------------------------------------------------------- exploring

_POOL: list[tuple[Level, LevelFacts]] = []   # in a worker process: the levels to explore


def _init_worker(levels: list[Level]) -> None:
    # a forked worker inherits its parent's objects: leave them out of its garbage
    # collections, which would otherwise walk the whole inherited heap again and again
    gc.freeze()
    _POOL[:] = [(level, LevelFacts.of(level)) for level in levels]


def _job(args: tuple) -> ComboResult:
    which, persona, ruleset, limit = args
    level, facts = _POOL[which]
    return summarize(level, explore(level, persona, ruleset, facts, limit))


def _workers() -> int:
    wanted = os.environ.get("SINCERITY_ANALYZE_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return os.cpu_count() or 1


def explore_levels(levels: list[Level], limit: int | None = None) -> list[list[ComboResult]]:
    """Every persona x ruleset of every level, explored and summarized, in the levels'
    order. Big levels go to a pool of processes at once, biggest first; small ones run here
    first, and go to a pool only if that turns out slow. Each search stops after `limit`
    situations (default: its share of `RUN_STATES`, see `share`)."""
    pairs = [(k, p, r) for k, lv in enumerate(levels) for p in lv.personas for r in lv.rulesets]
    limit = share(len(pairs)) if limit is None else limit
    jobs = [(k, p, r, limit) for k, p, r in pairs]
    facts = [LevelFacts.of(level) for level in levels]
    done: list[ComboResult] = []
    began = time.perf_counter()
    workers = _workers()
    big = sum(_size(levels[k]) for k, *_ in jobs) >= BIG_CHOICES
    while len(done) < len(jobs):
        rest = len(jobs) - len(done)
        if workers > 1 and rest > 1 and (big or time.perf_counter() - began > SERIAL_SECONDS):
            done += _in_pool(levels, jobs[len(done):], min(workers, rest))
            break
        k, p, r, _ = jobs[len(done)]
        done.append(summarize(levels[k], explore(levels[k], p, r, facts[k], limit)))
    grouped: list[list[ComboResult]] = [[] for _ in levels]
    for (k, *_), result in zip(jobs, done):
        grouped[k].append(result)
    return grouped


def share(searches: int) -> int:
    """The situations each of `searches` searches may explore in one run."""
    return min(MAX_STATES, max(MIN_SHARE, RUN_STATES // max(1, searches)))


def _size(level: Level) -> int:
    """A rough size of one exploration: the level's choices."""
    return sum(len(scene.choices) for scene in level.scenes.values())


def _cost(levels: list[Level], job: tuple) -> int:
    """A rough cost of one exploration, to start the biggest first: the level's choices,
    times the rules of its ruleset that move the score (each splits the scores reached, and
    more again when a sensor may miss)."""
    level, ruleset = levels[job[0]], job[2]
    moving = sum(1 for rule in level.rulesets[ruleset].rules.values() if rule.change)
    return _size(level) * (1 + moving)


def _in_pool(levels: list[Level], jobs: list[tuple], workers: int) -> list[ComboResult]:
    try:
        with ProcessPoolExecutor(workers, initializer=_init_worker,
                                 initargs=(levels,)) as pool:
            # biggest first, so that no worker is left with a big one at the end
            order = sorted(range(len(jobs)), key=lambda n: -_cost(levels, jobs[n]))
            results = dict(zip(order, pool.map(_job, [jobs[n] for n in order])))
            return [results[n] for n in range(len(jobs))]
    except (OSError, RuntimeError):   # no processes here (a sandbox): do it in this one
        _init_worker(levels)
        return [_job(job) for job in jobs]


# ---------------------------------------------------------------- analysing

def analyze_loaded(loaded_levels: list, limit: int | None = None) -> list[LevelAnalysis]:
    """Analyze loaded levels (`game.content.Loaded`); those with errors report only those."""
    good = [lv for lv in loaded_levels if lv.ok]
    explored = iter(explore_levels([lv.level for lv in good], limit))
    out = []
    for loaded in loaded_levels:
        report = LevelAnalysis(str(loaded.path), loaded.lines)
        if not loaded.ok:
            report.problems = list(loaded.errors)
        else:
            results = next(explored)
            a = Analysis(loaded.level, str(loaded.path), loaded.marks,
                         LevelFacts.of(loaded.level), results)
            report.problems = sorted(problems(a), key=lambda d: (d.line, d.column))
            report.info = info_lines(a)
            report.findings = findings(a, str(loaded.path))
            report.results = results
        out.append(report)
    return out


def analyze_file(path: str | Path, limit: int | None = None) -> LevelAnalysis:
    from ..content import load_level

    return analyze_loaded([load_level(path)], limit)[0]


def analyze_text(text: str, path: str = "<level>", limit: int | None = None) -> LevelAnalysis:
    from ..content import load_text

    return analyze_loaded([load_text(text, path)], limit)[0]


# ---------------------------------------------------------------- output

def as_json(reports: list[LevelAnalysis]) -> list[dict]:
    """The problems as `validate --json` gives them; each level's A400 line also carries
    the level's `findings`."""
    out = []
    for report in reports:
        for d in report.info[:1]:
            out.append(d.to_dict() | {"findings": report.findings})
        out += [d.to_dict() for d in report.problems]
        out += [d.to_dict() for d in report.info[1:]]
    return out


def as_text(reports: list[LevelAnalysis]) -> str:
    blocks = []
    for report in reports:
        blocks.append(format_all(report.problems, lambda d, lines=report.lines: lines))
        blocks += [f"{d.path}:{d.line}:{d.column}: info[{d.code}]: {d.message}"
                   for d in report.info]
    errors = sum(r.errors for r in reports)
    warnings = sum(d.severity == "warning" for r in reports for d in r.problems)
    blocks.append(f"Analyzed {_plural(len(reports), 'level')}: {_plural(errors, 'error')}, "
                  f"{_plural(warnings, 'warning')}.")
    return "\n".join(blocks)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def load_levels(specs: list[str]) -> list:
    from ..content.catalog import bundled, find_level, load_path

    if not specs:
        return bundled()
    levels = bundled() if any(not _is_path(s) for s in specs) else []
    found = []
    for spec in specs:
        if _is_path(spec):
            found.append(load_path(Path(spec)))
            continue
        match = [lv for lv in levels if (lv.level.id if lv.ok else Path(lv.path).stem) == spec]
        # not bundled: ./levels and the user levels folder (a usage error lists every id)
        found.append(match[0] if match else find_level(spec))
    return found


def _is_path(spec: str) -> bool:
    return spec.endswith((".yaml", ".yml")) or "/" in spec or "\\" in spec or Path(spec).is_file()


def cmd_analyze(args) -> int:
    """`analyze [LEVEL ...] [--json]`: exit 1 if any level has an error."""
    reports = analyze_loaded(load_levels(args.levels))
    if args.json:
        print(json.dumps(as_json(reports), indent=2, ensure_ascii=False))
    else:
        print(as_text(reports))
    return 1 if any(r.errors for r in reports) else 0
