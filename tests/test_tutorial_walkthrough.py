"""The tutorial in docs/AUTHORING.md ("Your first level"), checked the way a new author
follows it: its finished level (docs/examples/first_level.yaml) validates and analyzes
clean, the guide's copy of it is the same file, the commands it shows do what it says, the
messages it quotes are the ones the tools print, and the hints that beginners' mistakes get
say how to fix them."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.analyze import analyze_text
from game.content import load_text

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "AUTHORING.md"
EXAMPLE = REPO / "docs" / "examples" / "first_level.yaml"
AS_IN_THE_GUIDE = "levels/market.yaml"   # the path the tutorial's messages show


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def yaml_block_after(heading: str, containing: str = "") -> str:
    """The first ```yaml block after `heading` (that contains `containing`)."""
    text = guide()
    start = text.index(heading)
    for block in re.finditer(r"```yaml\n(.*?)```\n", text[start:], re.S):
        if containing in block.group(1):
            return block.group(1)
    raise AssertionError(f"no yaml block after {heading!r} containing {containing!r}")


def game(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "game", *args], text=True,
                          capture_output=True, timeout=300, cwd=REPO, encoding="utf-8",
                          env={**os.environ})
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


def changed(old: str, new: str, text: str | None = None) -> str:
    text = example() if text is None else text
    assert old in text, old
    return text.replace(old, new, 1)


def diagnostics(text: str):
    return load_text(text, AS_IN_THE_GUIDE).diagnostics


def the(found: list, code: str):
    hits = [d for d in found if d.code == code]
    assert len(hits) == 1, [d.format() for d in found]
    return hits[0]


# ---------------------------------------------------------------- the finished level

def test_the_example_validates_with_no_errors_and_no_warnings():
    proc = game("validate", str(EXAMPLE))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 fine, 0 with problems (0 errors, 0 warnings)" in proc.stdout


def test_the_example_analyzes_with_exit_0_and_both_endings_reached():
    proc = game("analyze", str(EXAMPLE))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Analyzed 1 level: 0 errors, 0 warnings." in proc.stdout
    assert proc.stdout.count("info[A411]: reached by every persona and ruleset") == 2


def test_the_guide_shows_the_example_file_itself():
    shown = yaml_block_after("### Step 7")
    ours = example().replace("$schema=../level.schema.json", "$schema=../docs/level.schema.json",
                             1)
    assert shown == ours, "Step 7 and docs/examples/first_level.yaml differ: keep them equal"
    assert "docs/examples/first_level.yaml" in guide()


def test_step_1_is_a_level_that_plays():
    assert diagnostics(yaml_block_after("### Step 1")) == []


# ---------------------------------------------------------------- what the tutorial promises

@pytest.mark.parametrize("choices, ending", [("1,1", "Ending: A Bigger Stall"),
                                             ("2,2", "Ending: Same Stall Tomorrow")])
def test_the_choices_in_step_7_reach_the_endings_it_names(choices, ending):
    proc = game("play", "--level", str(EXAMPLE), "--choices", choices, "--seed", "1")
    assert proc.returncode == 0, proc.stderr
    assert ending in proc.stdout


def test_a_locked_choice_stops_the_replay_as_step_7_says():
    proc = game("play", "--level", str(EXAMPLE), "--choices", "2,1", "--seed", "1")
    assert proc.returncode == 2
    assert "choice 1 at step 2 (scene `bank`) is locked" in proc.stderr
    assert "choice 1 at step 2 (scene `bank`) is locked" in guide()


@pytest.mark.parametrize("seed, seen", [("0", False), ("1", True)])
def test_seed_0_misses_and_seed_1_sees_as_step_3_says(seed, seen):
    proc = game("play", "--level", str(EXAMPLE), "--choices", "2", "--seed", seed)
    assert ("Score -40: A customer was short-changed" in proc.stdout) is seen


def test_the_messages_the_guide_quotes_are_what_the_tools_print():
    text = guide()
    bnak = the(diagnostics(changed("-> bank", "-> bnak")), "E202")
    assert bnak.format().splitlines()[0] in text
    assert f"line {bnak.line} and column {bnak.column}" in text
    no_leave = changed("      - Go back to your stall -> finish\n", "")
    dead_end = the(analyze_text(no_leave, AS_IN_THE_GUIDE).problems, "A403")
    assert dead_end.format().splitlines()[0] in text
    for line in (d.format().splitlines()[0]
                 for d in analyze_text(example(), AS_IN_THE_GUIDE).info if d.code == "A411"):
        assert line in text


def test_the_preset_in_part_3_fits_the_tutorial_level():
    preset = yaml_block_after("### Start anywhere", "broke_at_the_bank")
    level = example() + "\n" + preset
    assert diagnostics(level) == []
    state = analyze_text(level, AS_IN_THE_GUIDE)
    assert not state.problems


# ---------------------------------------------------------------- beginners' mistakes

def test_a_score_comparison_written_as_text_gets_the_condition_to_write():
    d = the(diagnostics(changed("needs: {service: loan}", 'needs: "score > 900"')), "E104")
    assert "`{score_at_least: 901}`" in d.hint
    d = the(diagnostics(changed("needs: {service: loan}", "needs: money < 20")), "E104")
    assert "`{not: {money_at_least: 20}}`" in d.hint


def test_a_condition_written_as_other_text_shows_how_conditions_look():
    d = the(diagnostics(changed("needs: {service: loan}", "needs: has the loan")), "E104")
    assert "{score_at_least: 900}" in d.hint and "`service`" in d.hint


def test_score_alone_as_a_condition_offers_both_score_conditions():
    d = the(diagnostics(changed("needs: {service: loan}", "needs: {score: 1000}")), "E101")
    assert d.hint == "did you mean `score_at_least` or `score_below`?"


def test_a_chance_written_as_a_percentage_says_what_number_to_write():
    d = the(diagnostics(changed("chance: 0.8}", "chance: 80%}")), "E104")
    assert "`80%` is `0.8`" in d.hint
    d = the(diagnostics(changed("chance: 0.8}", "chance: 80}")), "E106")
    assert "for 80%, write 0.8" in d.hint


def test_text_with_an_unquoted_colon_in_a_list_says_how_to_quote_it():
    line = '    - "There is no single national score in China; the 1000-point scheme was a ' \
           'local pilot."'
    d = the(diagnostics(changed(line, "    - Note: there is no national score.")), "E104")
    assert '`- "Note: there is no national score."`' in d.hint


def test_a_scene_indented_too_far_is_called_a_scene():
    text = example()
    start, end = text.index("  bank:\n"), text.index("endings:")
    block = "".join("  " + line if line.strip() else line
                    for line in text[start:end].splitlines(True))
    d = the(diagnostics(text[:start] + block + text[end:]), "E101")
    assert "looks like a scene indented too far" in d.hint
    only_key = changed("\n  bank:\n", "\n    bank:\n")
    d = [d for d in diagnostics(only_key) if d.code == "E101"][0]
    assert "if `bank` is a new scene, start `bank:` in the same column" in d.hint
    block = "".join(line[2:] for line in text[start:end].splitlines(True))
    d = the(diagnostics(text[:start] + block + text[end:]), "E101")
    assert "looks like a scene: put it under `scenes:`" in d.hint


def test_an_ending_after_the_fallback_says_to_move_it():
    text = example()
    first = text[text.index("  bigger_stall:\n"):text.index("  same_stall:\n")]
    second = text[text.index("  same_stall:\n"):text.index("\ndebrief:")]
    swapped = text.replace(first + second, second + "\n" + first.rstrip("\n") + "\n")
    assert diagnostics(swapped) == []
    d = the(analyze_text(swapped, AS_IN_THE_GUIDE).problems, "A402")
    assert "`same_stall` comes before it and has no `when`" in d.hint
    assert "move `bigger_stall` above it" in d.hint


def test_an_ending_reached_by_goto_is_not_told_to_move():
    text = changed("      - Go back to your stall -> finish\n",
                   "      - text: Slip out the back -> secret\n"
                   "        needs: {score_at_least: 5000}\n"
                   "      - Go back to your stall -> finish\n")
    text = text.replace("\ndebrief:", "  secret:\n    title: Secret\n    text: Gone.\n\ndebrief:")
    d = the(analyze_text(text, AS_IN_THE_GUIDE).problems, "A402")
    assert "`secret`" in d.message and "move" not in d.hint


def test_the_compat_line_the_guide_quotes_is_what_compat_prints(tmp_path):
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(example(), encoding="utf-8")
    new.write_text(changed("Keep the coin ->", "Keep the extra coin ->"), encoding="utf-8")
    proc = game("compat", str(old), str(new))
    assert proc.returncode == 1
    said = [line for line in proc.stdout.splitlines() if "keep_the_coin" in line]
    assert len(said) == 1 and said[0] in guide()


# ---------------------------------------------------------------- what TRIAL.md missed in Part 1

def part_1() -> str:
    text = guide()
    return text[text.index("## 1. Your first level"):text.index("## 2. The format")]


def test_part_1_says_how_to_write_a_one_line_choice_with_a_colon_and_it_works():
    said = re.search(r"`(- \"[^`]*: [^`]*-> (\w+)\")`", part_1())
    assert said, "Part 1 shows no one-line choice with `: ` in quotes"
    line, to = said.group(1), said.group(2)
    text = changed("      - Close the stall and go home -> finish\n", f"      {line}\n",
                   yaml_block_after("### Step 1")).replace(f"-> {to}", "-> finish")
    loaded = load_text(text, AS_IN_THE_GUIDE)
    assert loaded.ok, loaded.format()
    assert loaded.level.scenes["stall"].choices[0].finish    # the `->` inside is still read


def test_part_1_warns_about_a_comma_in_the_short_form_and_lists_the_icons():
    from game.core.model import WATCHER_ICONS

    part = part_1()
    assert "a comma ends a value" in part
    short = re.search(r"`(\{name: \"[^\"]*,[^\"]*\", icon: (\w+)\})`", part)
    assert short and short.group(2) in WATCHER_ICONS
    watcher = changed("  camera: {name: Camera over the market, icon: camera, sensor: cam}",
                      f"  camera: {short.group(1)[:-1]}, sensor: cam}}")
    loaded = load_text(watcher, AS_IN_THE_GUIDE)
    assert loaded.ok and "," in loaded.level.watchers["camera"].name
    listed = re.search(r"`icon` is one of (.*?)\.", part, re.S).group(1)
    assert re.findall(r"`(\w+)`", listed) == list(WATCHER_ICONS)
