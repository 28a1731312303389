"""`tools/structure_ratio.py`: structure lines per 100 words of prose in a level's story.

The figures of the bundled levels (and of each converted story-first) are printed, never
asserted: they move as levels are written. The counting itself is checked on a small level
counted by hand."""
from __future__ import annotations

import sys
from pathlib import Path

from game.content import bundled_levels

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import convert_levels  # noqa: E402
import structure_ratio  # noqa: E402

SMALL = """\
format: 1
id: small
title: Not counted (outside the story)
scenes:
  # a comment is not counted
  a:
    title: The Hall
    basis: fiction
    text: >-
      One two three
      four five.

    choices:
      - id: go
        text: Go on
        reply: Off you go.
        goto: b
      - Stay here -> a
      - wait: Wait a bit -> a
endings:
  b: {title: The End, text: Over.}
"""


def test_a_small_level_counted_by_hand():
    found = structure_ratio.measure(SMALL)
    # prose: The Hall (2), One..five (5), Go on (2), Off you go. (3), Stay here (2),
    # Wait a bit (3); the flow-mapping ending line holds The End (2) and Over. (1)
    assert found.prose_words == 20
    # prose lines: title, two text lines, text, reply, two one-line choices, the ending
    assert found.prose_lines == 8
    # structure: scenes:, a:, basis:, text: >-, choices:, - id:, goto:, endings:
    assert found.structure_lines == 8
    assert round(found.per_100_words, 1) == 40.0


def test_the_figures_of_the_bundled_levels_before_and_after_converting(capsys):
    files = bundled_levels() + [REPO / "docs" / "examples" / "first_level.yaml"]
    rows = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        before = structure_ratio.measure(text, path.name)
        after = structure_ratio.measure(convert_levels.convert(text, str(path)), path.name)
        plain = structure_ratio.measure(convert_levels.convert(text, str(path), quote=False))
        assert before.prose_words > 0 and after.prose_words == before.prose_words
        rows.append(f"{path.name:<18} {before.per_100_words:5.1f} -> {after.per_100_words:5.1f}"
                    f"  ({plain.per_100_words:.1f} with --no-quotes)")
    with capsys.disabled():
        print("\nstructure lines per 100 prose words (now -> converted):\n" + "\n".join(rows))
