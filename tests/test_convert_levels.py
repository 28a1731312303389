"""`tools/convert_levels.py` rewrites a level story-first: the converted level loads to the
same `Level` as the original, plays the same golden transcripts, keeps every comment and
every word of prose, and converting again changes nothing. The bundled levels themselves
are not converted here (copies are)."""
from __future__ import annotations

import collections
import sys
from pathlib import Path

import pytest

from game.authoring.transcripts import parse_name, play_args
from game.cli import main_captured
from game.content import bundled_levels, load_text

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

import convert_levels  # noqa: E402
import structure_ratio  # noqa: E402

LEVELS = bundled_levels() + [REPO / "docs" / "examples" / "first_level.yaml"]
TRANSCRIPTS = REPO / "tests" / "transcripts"


@pytest.fixture(scope="module", params=LEVELS, ids=lambda p: p.stem)
def pair(request):
    text = request.param.read_text(encoding="utf-8")
    return request.param, text, convert_levels.convert(text, str(request.param))


def test_the_converted_level_is_the_same_level(pair):
    path, before, after = pair
    old, new = load_text(before, str(path)), load_text(after, str(path))
    assert old.ok and new.diagnostics == [], new.format()
    assert new.level == old.level


def test_every_comment_is_kept(pair):
    _, before, after = pair
    kept = collections.Counter(line.strip() for line in after.split("\n"))
    for line in before.split("\n"):
        stripped = line.strip()
        if stripped.startswith("#"):
            assert kept[stripped] > 0, stripped
            kept[stripped] -= 1
        elif "  #" in line:
            assert line[line.index("  #"):].strip() in after, line


def test_every_word_of_prose_is_kept(pair):
    """Word for word, the prose of both is the same (the `Level`s are equal), and the
    measurement counts the same prose words in both."""
    _, before, after = pair
    old, new = structure_ratio.measure(before), structure_ratio.measure(after)
    assert new.prose_words == old.prose_words and new.structure_lines <= old.structure_lines
    assert [s.text for s in load_text(after, "x").level.scenes.values()] == \
        [s.text for s in load_text(before, "x").level.scenes.values()]


def test_converting_again_changes_nothing(pair):
    path, _, after = pair
    assert convert_levels.convert(after, str(path)) == after


def test_the_converted_levels_play_the_golden_transcripts(pair, tmp_path):
    path, _, after = pair
    golden = sorted(TRANSCRIPTS.glob(f"{load_text(after, 'x').level.id}__*.txt"))
    if path.parent.name != "levels":
        return   # the guide's example has no golden transcripts
    assert golden
    copy = tmp_path / path.name
    copy.write_text(after, encoding="utf-8")
    for transcript in golden:
        _, persona, ruleset, numbers = parse_name(transcript.name)
        code, out = main_captured(play_args(str(copy), persona, ruleset, numbers))
        assert code == 0 and out == transcript.read_text(encoding="utf-8"), transcript.name


def test_a_level_with_errors_is_left_alone(tmp_path):
    broken = LEVELS[0].read_text(encoding="utf-8").replace("start:", "strat:", 1)
    with pytest.raises(convert_levels.NotTheSame, match="fix them first"):
        convert_levels.convert(broken, "broken.yaml")
    path = tmp_path / "broken.yaml"
    path.write_text(broken, encoding="utf-8")
    assert convert_levels.main([str(path)]) == 1
    assert path.read_text(encoding="utf-8") == broken


def test_the_command_rewrites_a_copy_and_then_finds_nothing_to_do(tmp_path, capsys):
    copy = tmp_path / "tricky.yaml"
    copy.write_text(TRICKY, encoding="utf-8")
    assert convert_levels.main(["--check", str(copy)]) == 0
    assert "would be rewritten" in capsys.readouterr().out
    assert convert_levels.main([str(copy)]) == 0
    assert convert_levels.main([str(copy)]) == 0
    assert "already in the story-first format" in capsys.readouterr().out


TRICKY = """\
format: 1
id: tricky
title: Tricky
start: a
rulesets: {r: {name: R}}
personas: {p: {name: P}}
scenes:
  a:
    title: A
    basis: fiction
    text: >-
      She says: "no". It's late.
    choices:
      - Wait -> b
      - id: wait_2
        text: Wait
        goto: b
      - id: finish
        text: "Say: yes"
        goto: b
      # why this one matters
      - id: odd
        text: Go -> nowhere
        goto: b   # the arrow is part of its text
      - id: both
        text: Both
        goto: b
        finish: true
      - id: dont_look_back
        text: "Don't look back"
        reply: >-
          A reply: with a colon.
        finish: true
  b:
    title: B
    basis: fiction
    text: B.
    choices:
      - {id: end, text: End, finish: true}
endings:
  e: {title: E, text: Over.}
"""


def test_tricky_choices_convert_to_the_same_level():
    after = convert_levels.convert(TRICKY, "tricky.yaml")
    assert load_text(after, "t").level == load_text(TRICKY, "t").level
    assert "      - Wait -> b\n      - Wait -> b\n" in after   # the second's made id is `wait_2`
    assert "      - text: 'Say: yes -> b'\n        id: finish\n" in after   # an id that is a key
    assert "      - odd: Go -> nowhere\n        goto: b   # the arrow is part of its text" in after
    assert "      - text: Both\n        goto: b\n        finish: true\n" in after
    assert "      - text: Don't look back -> finish\n" in after
    assert '        reply: "A reply: with a colon."\n' in after
    assert "    text: >-\n      She says" in after   # both quote marks and `: `: kept
    assert "      # why this one matters\n" in after
    assert "      - {id: end, text: End, finish: true}\n" in after
    assert convert_levels.convert(after, "tricky.yaml") == after


def test_without_quotes_a_text_with_a_colon_keeps_its_folded_form():
    after = convert_levels.convert(TRICKY, "tricky.yaml", quote=False)
    assert "        reply: >-\n          A reply: with a colon.\n" in after
    assert load_text(after, "t").level == load_text(TRICKY, "t").level
    assert convert_levels.convert(after, "tricky.yaml", quote=False) == after


def test_a_file_saved_on_windows_keeps_its_line_ends():
    after = convert_levels.convert(TRICKY.replace("\n", "\r\n"), "tricky.yaml")
    assert after == convert_levels.convert(TRICKY, "tricky.yaml").replace("\n", "\r\n")


def test_the_command_keeps_a_windows_file_windows(tmp_path):
    path = tmp_path / "tricky.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + TRICKY.replace("\n", "\r\n").encode("utf-8"))
    assert convert_levels.main([str(path)]) == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n")
