"""Pulling the plug: a child process saves in a loop (the autosave with its rotation, and a
slot) and is killed with SIGKILL at random moments, 300 save cycles in all. After every kill,
every save on disk either loads or is detected as damaged with the previous one loading, and
nothing the child had finished saving is lost.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game import saves

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"
CYCLES = 300
TIME_LIMIT = 50.0

#: The child: cycle i saves a game whose seed is i (so a save says which cycle wrote it) as
#: the autosave and in slot i % 3, then prints i. A long history log makes each file ~200 KB,
#: so a kill often lands in the middle of a write.
CHILD = r"""
import os, sys
os.environ["SDL_VIDEODRIVER"] = "dummy"
from pathlib import Path
from game import saves
from game.content import load_level
from game.core import choices, choose, new_game
folder, first, fixture = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
level = load_level(fixture).level
digest = saves.level_file_hash(fixture)
store = saves.Store(folder)
log = [("scene", f"Scene {n}", "Some words of the scene. " * 8) for n in range(800)]
i = first
while True:
    state = new_game(level, "pro", "city", seed=i)
    for _ in range(i % 4):
        state = choose(state, next(v.id for v in choices(state) if v.available)).state
    save = saves.make_save(state, level.title, digest, fixture, log, "Scene", "Score 1")
    assert store.autosave(save) and store.write(saves.SLOTS[i % 3], save), store.off
    print(i, flush=True)
    i += 1
"""


def seed_of(save: saves.SaveGame) -> int:
    return json.loads(save.state)["seed"]


def check(store: saves.Store, last_done: int, slot_done: dict[str, int]) -> dict:
    """What is on disk after a kill: every file loads or is reported damaged, the newest game
    that can be resumed is at least the last one finished, and every slot likewise."""
    found = {}
    latest = store.latest()
    assert latest.save is not None or latest.previous is not None, latest.problem
    resumable = latest.save or latest.previous
    if latest.save is None:
        assert latest.problem and "\n" not in latest.problem
    assert seed_of(resumable) >= last_done, (seed_of(resumable), last_done)
    found["resumes"] = seed_of(resumable)
    for name in (saves.AUTOSAVE, saves.PREVIOUS, *saves.SLOTS):
        try:
            found[name] = seed_of(store.read(name))
        except saves.SaveError as exc:        # missing or damaged: said in one line
            assert "\n" not in str(exc)
            found[name] = str(exc)
    for name, done in slot_done.items():
        assert isinstance(found[name], int) and found[name] >= done, (name, found[name], done)
    return found


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_saves_survive_sigkill_at_random_moments(tmp_path):
    rng = random.Random(7)
    store = saves.Store(tmp_path / "saves")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done, kills, slot_done, damaged_seen, mid_write = -1, 0, {}, 0, 0
    temps_before: set[str] = set()
    started = time.monotonic()
    while done + 1 < CYCLES and time.monotonic() - started < TIME_LIMIT:
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(store.folder), str(done + 1),
                                  str(FIXTURE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=env, cwd=ROOT)
        wanted = rng.randint(1, 25)
        for _ in range(wanted):
            line = child.stdout.readline()
            if not line:
                break
            done = int(line)
            slot_done[saves.SLOTS[done % 3]] = done
            if done + 1 >= CYCLES:
                break
        time.sleep(rng.uniform(0, 0.012))        # somewhere inside the next write, or not
        child.send_signal(signal.SIGKILL)
        child.wait()
        err = child.stderr.read()
        assert "Traceback" not in err, err
        kills += 1
        temps = {p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")}
        found = check(store, done, slot_done)
        damaged_seen += sum(isinstance(v, str) and v != saves.MISSING for v in found.values())
        mid_write += bool(temps - temps_before) or \
            found[saves.AUTOSAVE] == saves.MISSING or found["resumes"] > done
        temps_before = temps
    leftovers = sorted(p.name for p in store.folder.iterdir() if p.name.endswith(".tmp"))
    print(f"\ncrash: {done + 1} save cycles, {kills} SIGKILLs ({mid_write} inside a save), "
          f"{damaged_seen} damaged files seen, {len(leftovers)} temp files left by kills; "
          f"after the last kill: {found}")
    assert done + 1 >= CYCLES, f"only {done + 1} cycles in {TIME_LIMIT} s"
    assert kills >= 10
    # the temp files a kill leaves are swept once stale, the saves are untouched
    for name in leftovers:
        os.utime(store.folder / name, (0, 0))
    fresh = saves.Store(store.folder)
    assert fresh.check() is None
    assert not any(p.name.endswith(".tmp") for p in fresh.folder.iterdir())
    assert seed_of(fresh.latest().save) >= done
