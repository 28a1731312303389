"""Time `analyze` on the bundled levels against an earlier commit, in alternating rounds.

    python tools/ab_analyze.py REV [ROUNDS]     # e.g. python tools/ab_analyze.py HEAD~3 4

Shared machines drift: the same code can take 4.5 s in one hour and 7 s in the next, so a
figure from `python -m game bench` alone cannot tell whether a change helped. This unpacks
REV (`git archive`) into a temporary folder and times both trees one after the other, each
round in fresh processes: the analyzer in one process (`SINCERITY_ANALYZE_WORKERS=1`), CPU
seconds (`time.process_time`), as the benchmark's `analyze_campaign_ms` does. Compare the
columns round by round, not against other runs.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMED = """
import os, time
os.environ["SINCERITY_ANALYZE_WORKERS"] = "1"
from game.authoring.analyze import analyze_loaded
from game.content.catalog import bundled
levels = bundled()
began = time.process_time()
analyze_loaded(levels)
print(f"{time.process_time() - began:.2f}")
"""


def seconds(tree: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, "-c", TIMED], cwd=tree, capture_output=True,
                          text=True, env=env)
    if done.returncode:
        sys.exit(f"the analyzer failed in {tree}:\n{done.stderr}")
    return done.stdout.strip()


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2 or (len(argv) == 2 and not argv[1].isdigit()):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    rev, rounds = argv[0], int(argv[1]) if len(argv) == 2 else 3
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True)
    if archive.returncode:
        sys.exit(f"git cannot find `{rev}`: {archive.stderr.decode().strip()}")
    with tempfile.TemporaryDirectory(prefix="sincerity-ab-") as folder:
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(folder, **safe)
        print(f"{'round':>5}  {rev:>12}  {'this tree':>12}   (CPU seconds)")
        for n in range(1, rounds + 1):
            print(f"{n:>5}  {seconds(Path(folder)):>12}  {seconds(ROOT):>12}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
