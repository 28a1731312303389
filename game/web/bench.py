"""The lesson server's figures for `python -m game bench` (DESIGN.md section 6):

- `serve_choice_p99_ms`: 40 simulated students (game/web/loopback.py) play the whole lesson
  at once against one real `serve` process on 127.0.0.1, each reading 0.2 to 1 s before a
  choice (`THINK`: real students take far longer); each choice is timed from posting it to
  having the page that shows its result; the 99th percentile (wall time: this is what a
  student waits for).
- `serve_students`: how many students played at once.
- `serve_page_kb`: a student's first page with its stylesheet and script, as sent
  compressed (gzip), in KB.
- `serve_cpu_per_choice_ms`: the server process's CPU time over the run (its start-up
  included), per choice made
  (no budget: the load-independent figure beside the wall-time p99, which a busy machine
  inflates; where the standard library cannot tell a child's CPU time, none).
"""
from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .loopback import Student

STUDENTS = 40
#: seconds each simulated student reads before a choice: real students take 5 to 30, so
#: these 40 press on several times faster than a real class of 40
THINK = (0.2, 1.0)


def _start(data: Path) -> tuple[subprocess.Popen, int, str]:
    code = ("import sys\nfrom game.cli import main\n"
            f"sys.exit(main(['serve', '--host', '127.0.0.1', '--data', {str(data)!r}]))\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    lines = [proc.stdout.readline() for _ in range(3)]
    port = int(lines[0].rsplit(":", 1)[1].strip().strip("/"))
    join = lines[2].split(":", 1)[1].strip()
    return proc, port, join


def _play(port: int, join: str, seed: int, start: threading.Barrier, out: list) -> None:
    s = Student(port)
    try:
        start.wait(60)
        s.join(join)
        s.play_lesson(random.Random(seed), answer="A short answer.", include=seed % 2 == 0,
                      think=THINK)
    finally:
        s.close()
        out.append(s.timings)


def page_kb(port: int) -> float:
    s = Student(port)
    gz = {"Accept-Encoding": "gzip"}
    sizes = [s.request("GET", path, headers=gz).size
             for path in ("/", "/static/site.css", "/static/keys.js")]
    s.close()
    return sum(sizes) / 1024


def measure(students: int = STUDENTS) -> dict[str, tuple[float, str, float | None]]:
    """name -> (value, unit, budget)."""
    with tempfile.TemporaryDirectory(prefix="sincerity-serve-bench-") as tmp:
        proc, port, join = _start(Path(tmp))
        try:
            kb = page_kb(port)
            start = threading.Barrier(students)
            out: list = []
            threads = [threading.Thread(target=_play, args=(port, join, i, start, out))
                       for i in range(students)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(600)
        finally:
            before = _children_cpu()
            proc.terminate()
            proc.wait(20)
            cpu = None if before is None else _children_cpu() - before
    times = sorted(x * 1000 for each in out for x in each)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] if times else None
    return {"serve_choice_p99_ms": (p99, "ms", 50),
            "serve_choice_median_ms": (statistics.median(times) if times else None, "ms", None),
            "serve_students": (float(sum(1 for each in out if each)), "students", None),
            "serve_page_kb": (kb, "KB", 300),
            "serve_cpu_per_choice_ms": (cpu * 1000 / len(times) if cpu and times else None,
                                        "ms", None)}


def _children_cpu() -> float | None:
    """CPU seconds of the children that have ended (Unix: `resource`), or None."""
    if sys.platform == "win32":
        return None
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
