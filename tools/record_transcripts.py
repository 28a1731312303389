"""Record the golden transcripts of the bundled levels into tests/transcripts/.

    python tools/record_transcripts.py

For each ending of each bundled level: the shortest choices that reach it with seed 0,
played with `python -m game play --text ... --seed 0 --choices ... --transcript`, saved as
`tests/transcripts/<level>__<persona>__<ruleset>__<choices>.txt`. Old ones are removed.
`tests/test_transcripts.py` replays them and compares byte for byte. Re-record after
changing a level's words or the text front end, and read the diff before committing.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.authoring.transcripts import record  # noqa: E402
from game.cli import main_captured  # noqa: E402
from game.content import bundled_levels, load_level  # noqa: E402


def main() -> int:
    levels = [load_level(path) for path in bundled_levels()]
    broken = [lv.path for lv in levels if not lv.ok]
    if broken:
        print(f"fix these levels first (python -m game validate): {', '.join(broken)}")
        return 1
    folder = ROOT / "tests" / "transcripts"
    for name in record(folder, levels, main_captured):
        print(f"recorded {name}")
    print(f"transcripts are in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
