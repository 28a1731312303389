"""Golden transcripts: the shortest way to each ending of a level, played in the terminal
and kept as text, so a change in a level or in the text front end shows up as a diff.

`plan(loaded)` finds, for each ending, the shortest list of choices that reaches it with
`--seed 0` (the search follows seed 0's luck, as `play` does), as the persona and ruleset
that get there soonest. `record(folder, levels, run)` plays each with

    python -m game play --text --level L --persona P --ruleset R --seed 0 --choices ... --transcript

and saves it as `<level>__<persona>__<ruleset>__<choices>.txt`, the choices written with
dashes (`1-3-2`). `tools/record_transcripts.py` records those of the bundled levels into
`tests/transcripts/`, which `tests/test_transcripts.py` plays again and compares.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .explore import explore
from .summary import walk_to

SEP = "__"
Run = tuple[str, str, str, list[int]]   # level id, persona, ruleset, choice numbers


def play_args(level: str, persona: str, ruleset: str, numbers: list[int]) -> list[str]:
    """The command line of one transcript (after `python -m game`)."""
    return ["play", "--text", "--level", level, "--persona", persona, "--ruleset", ruleset,
            "--seed", "0", "--choices", ",".join(map(str, numbers)), "--transcript"]


def file_name(level: str, persona: str, ruleset: str, numbers: list[int]) -> str:
    for part in (level, persona, ruleset):
        if SEP in part:
            raise ValueError(f"`{part}` has `{SEP}` in it, which transcript names use")
    return SEP.join([level, persona, ruleset, "-".join(map(str, numbers))]) + ".txt"


def parse_name(name: str) -> Run:
    """(level, persona, ruleset, choice numbers) from a transcript's file name."""
    level, persona, ruleset, choices = Path(name).stem.split(SEP)
    return level, persona, ruleset, [int(n) for n in choices.split("-")]


def plan(loaded) -> list[Run]:
    """The shortest way (with seed 0) to each ending of a loaded level, in ending order.
    Between ways as short, the persona and ruleset used least so far win, so that the
    transcripts cover as many of them as they can."""
    level = loaded.level
    ways: dict[str, dict[tuple[str, str], list[int]]] = {}
    combos = [(p, r) for p in level.personas for r in level.rulesets]
    for persona, ruleset in combos:
        reach = explore(level, persona, ruleset, seed=0, until_every_ending=True)
        for i, state in enumerate(reach.states):
            if state.finished:
                found = ways.setdefault(state.ending, {})
                if (persona, ruleset) not in found:   # breadth-first: the first is shortest
                    found[(persona, ruleset)] = list(walk_to(reach, i).numbers)
    used = dict.fromkeys(combos, 0)
    runs = []
    for ending in level.endings:
        if ending not in ways:
            continue
        combo = min(ways[ending], key=lambda c: (len(ways[ending][c]), used[c], combos.index(c)))
        used[combo] += 1
        runs.append((level.id, *combo, ways[ending][combo]))
    return runs


#: Runs one command line in this process: (exit code, what it printed). The transcripts are
#: the real command line's output, so the caller passes `game.cli.main_captured` (this
#: layer, below the command line, does not import it).
Runner = Callable[[list[str]], tuple[int, str]]


def record(folder: Path, levels: list, run: Runner) -> list[str]:
    """Record the transcripts of these loaded levels into `folder` (its old `.txt` files
    are removed first), each played by `run`. Returns the file names written."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    written = []
    for loaded in levels:
        for level, persona, ruleset, numbers in plan(loaded):
            code, text = run(play_args(level, persona, ruleset, numbers))
            if code != 0:
                raise RuntimeError(f"{level} {persona} {ruleset} {numbers}: exit {code}\n{text}")
            name = file_name(level, persona, ruleset, numbers)
            (folder / name).write_text(text, encoding="utf-8", newline="")
            written.append(name)
    return written
