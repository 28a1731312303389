"""`play --text`: the terminal front end, driven by piped input and by `--choices`.

The mini level (tests/fixtures/mini.yaml) is played along known paths; the bundled levels
(the tutorial once written) are played with a stream of answers that always gets through.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game.content import catalog
from game.content import load_level
from game.content.loader import bundled_levels
from game.core import new_game
from game.core.model import Level
from game.text import play_text
from game.text.debrief import table
from game.text.screen import stars_text

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "mini.yaml"
BAD_LINES = "\nhello\n99\n0\n"
# Day Zero: sign; crossing: wait; station: the locked loan (3), then the bus; petition: sign;
# Lin: coffee.
MINI_PATH = BAD_LINES + "1\n2\n3\n2\n1\n2\n"


def play(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "game", "play", *args],
                          input=stdin.encode("utf-8"), capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONUTF8": "1"})
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert "Traceback" not in out + err, err
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def play_mini(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return play("--level", str(MINI), *args, stdin=stdin)


def mini_level(**ruleset_changes) -> Level:
    """The mini level read by the core alone, its first ruleset changed as asked."""
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["rulesets"]["strict"].update(ruleset_changes)
    return Level.model_validate(data)


def in_process(level: Level, answers: list[str], **kwargs) -> str:
    out = io.StringIO()
    code = play_text(new_game(level, **kwargs), out=out, lines=iter(a + "\n" for a in answers))
    assert code == 0
    return out.getvalue()


# ---------------------------------------------------------------- piped input

def test_piped_input_with_bad_lines_reaches_an_ending():
    proc = play_mini("--text", stdin=MINI_PATH)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Type the number of a choice, from 1 to 2." in out         # blank
    assert "`hello` is not a number" in out                          # words
    assert "There is no choice 99." in out and "There is no choice 0." in out
    assert "Choice 3 is locked: Bank loan: needs 1100, you have 985" in out
    assert "3. [locked] Ask for a loan — Bank loan: needs 1100, you have 985" in out
    assert "Ending: Slipping" in out
    assert "Final score: 921" in out


def test_scene_shows_watchers_score_services_and_choices():
    out = play_mini("--text", stdin=MINI_PATH).stdout
    assert "== The crossing ==" in out
    assert "Watching: Street camera, Neighbour" in out
    assert "Watching: no one you can see" in out
    assert "Score: 1000\nTier: Trusted" in out
    assert "  High-speed rail: open" in out
    assert "  Bank loan: closed (needs 1100, you have 1000)" in out
    assert "1. Cross anyway\n2. Wait for the green man" in out


def test_events_shown_and_observations_kept_hidden():
    out = play_mini("--text", stdin=MINI_PATH).stdout
    assert "Score adjusted: -40" in out            # undisclosed: no reason given
    assert "Score -15: Your friend Lin's score" in out
    assert "Your tier is now Ordinary." in out
    assert "Closed to you now: High-speed rail: needs 950, you have 919" in out
    assert "Lin rated you 5 of 5 stars." in out
    assert "Money -5 (now 95)." in out
    assert "The light takes ages." in out          # a choice's reply
    play_part = out.split("== Debrief ==")[0]
    assert "seen by" not in play_part and "[dev]" not in out


def test_blacklist_appeal_and_cut():
    out = play_mini("--persona", "rural", "--choices", "1,1,2,1,3").stdout
    assert "You have been put on the List of the untrustworthy." in out
    assert "You are on the List of the untrustworthy." in out
    assert "Your appeal was turned down." in out
    out = play_mini("--choices", "1,1,2,1,1").stdout
    assert "Lin is no longer in your network." in out


def test_end_of_input_before_an_ending_stops_quietly():
    proc = play_mini("--text", stdin="1\n")
    assert proc.returncode == 0
    assert "The game stopped before an ending." in proc.stdout
    assert "Ending:" not in proc.stdout


def test_debrief():
    out = play_mini("--choices", "1,1,2,2,1").stdout
    assert "Transparency Report" in out
    assert "Cross anyway" in out and "Jaywalking" in out
    assert "Unscored, you signed in 1 of 1; under the score, 0 of 1." in out
    assert "100% fewer" in out
    # the petition is lawful expression: Penney beside it, and not Bateson's honesty box
    assert "Lawful expression (complaint, petition, post): candid in 1 of 1" in out
    assert "Penney (2016), beside lawful expression" in out and "2.76 times" not in out
    assert "What is real: the sources for the" in out     # folded behind one line
    assert "Made in China: The Chinese social credit system" not in out
    assert "Talk about it: 6 questions" in out            # folded behind one line too
    assert "How do you feel?" not in out
    assert all(len(line) <= 78 for line in out.splitlines()), "wider than 78 columns"


# ---------------------------------------------------------------- determinism and scripts

def test_same_seed_and_answers_give_the_same_bytes():
    runs = [play_mini("--text", "--seed", "7", "--persona", "rural", stdin=MINI_PATH)
            for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == 0


def test_choices_and_transcript():
    scripted = play_mini("--choices", "1,2,2,1,2")
    assert scripted.returncode == 0
    assert "> 1\n" in scripted.stdout and "Your choice" not in scripted.stdout
    assert "Ending:" in scripted.stdout
    piped = play_mini("--transcript", stdin="1\n2\n2\n1\n2\n")
    assert piped.stdout == scripted.stdout
    assert str(MINI) not in piped.stdout


def test_choices_that_run_out_stop_quietly():
    proc = play_mini("--choices", "1,2")
    assert proc.returncode == 0 and "no more choices were given" in proc.stdout


def test_choices_left_over_at_the_ending_are_reported_on_stderr():
    exact = play_mini("--choices", "1,2,2,1,2")
    longer = play_mini("--choices", "1,2,2,1,2,1,3")
    assert longer.returncode == 0 and longer.stdout == exact.stdout
    assert "ended after 5 of the --choices; the rest (1,3) were not played" in longer.stderr
    assert "not played" not in exact.stderr


def test_choices_naming_a_locked_choice_is_a_usage_error():
    proc = play_mini("--choices", "1,2,3")
    assert proc.returncode == 2
    assert "choice 3 at step 3 (scene `station`) is locked" in proc.stderr


def test_start_at_and_preset():
    out = play_mini("--start-at", "friend", "--choices", "2").stdout
    assert out.index("== Lin calls ==") < out.index("Ending:") and "== Day Zero" not in out
    out = play_mini("--preset", "at_station", "--choices", "2,1,2").stdout
    assert "You play: Rural migrant worker" in out and "Score: 930" in out
    assert "== Day Zero ==" not in out


def test_dev_shows_what_the_player_cannot():
    out = play_mini("--choices", "1,1", "--dev").stdout
    assert "[dev] jaywalk seen by: cam" in out and "real score" in out


# ---------------------------------------------------------------- legibility, in process

def test_stars_legibility():
    out = in_process(mini_level(legibility="stars"), ["1", "1"], persona="rural")
    assert "Score: ★★★★☆ (4 of 5)" in out
    assert "Score changed: Crossing on red" in out
    assert "Score -60" not in out


def test_hidden_legibility_shows_no_score_or_tier():
    out = in_process(mini_level(legibility="hidden"), ["1", "1", "2", "1", "2"])
    assert "Score: hidden" in out
    assert "Tier:" not in out and "Your tier" not in out
    assert "Crossing on red" not in out.split("== Debrief ==")[0]
    assert "Final score:" not in out     # the rules promised never to show the number
    assert "Your score was never shown to you." in out


def test_direction_hidden_says_only_score_adjusted():
    out = in_process(mini_level(legibility="direction_hidden"), ["1", "1"])
    assert "Score adjusted." in out and "Crossing on red" not in out
    assert "Tier: Trusted" in out


def test_stars_text_and_table():
    assert stars_text(4.0) == "Score: ★★★★☆ (4 of 5)"
    assert stars_text(3.5) == "Score: ★★★½☆ (3.5 of 5)"
    lines = table(("A", "B"), [("one two three", "x")], (5, 3))
    assert lines == ["A      B", "-----  ---", "one    x", "two", "three"]


# ---------------------------------------------------------------- bundled levels

ANSWERS = BAD_LINES + "1\n2\n3\n" * 300


@pytest.mark.slow
@pytest.mark.parametrize("path", bundled_levels(), ids=lambda path: path.stem)
def test_every_bundled_level_plays_to_an_ending(path):
    """Each bundled file (listed without starting a process: collecting starts none)."""
    loaded = load_level(path)
    assert loaded.ok, loaded.diagnostics
    proc = play("--level", loaded.level.id, "--text", stdin=ANSWERS)
    assert proc.returncode == 0, proc.stderr
    assert "Ending:" in proc.stdout
    # the final score as the rules show it: a number, stars, that nothing was scored, or that
    # the player deleted the app and no longer sees it
    assert any(words in proc.stdout for words in ("Final score:", "Final rating:",
                                                  "Nothing was scored in this chapter.",
                                                  "You no longer see your score."))
    again = play("--level", loaded.level.id, "--text", stdin=ANSWERS)
    assert again.stdout == proc.stdout


def test_the_game_comes_with_levels():
    assert len(bundled_levels()) >= 2


def test_default_level_is_the_first_in_order():
    levels = [loaded.level for loaded in catalog.bundled() if loaded.ok]
    assert levels, "the game has bundled levels"
    proc = play("--text", stdin=ANSWERS)
    assert proc.returncode == 0
    first = min(levels, key=lambda level: (level.order, level.id))
    assert proc.stdout.startswith(first.title + "\n")


def test_the_debrief_shows_the_same_choices_under_the_other_rules():
    from game.core import choices, choose
    from game.core.contrast import contrasts
    from game.core.contrast_words import contrast_words
    level = mini_level()
    out = in_process(level, ["1", "1", "2", "1", "2", "r"])   # r opens the folded part
    debrief = out.split("== Debrief ==")[1]
    report, rest = debrief.split("The same choices under other rules\n")
    assert "Transparency Report" in report and "The chilling effect" in report
    state = new_game(level)
    for answer in [1, 1, 2, 1, 2]:
        state = choose(state, choices(state)[answer - 1].id).state
    (only,) = contrasts(state)
    flat = " ".join(rest.split())
    for paragraph in contrast_words(only).paragraphs:
        assert paragraph in flat


def test_debrief_opens_with_the_verdict_and_folds_the_sources():
    """The text debrief: the three verdict lines first; the sources behind one line, printed
    only when the player types s."""
    import io

    from game.content.catalog import find_level
    from game.core import new_game
    from game.core.verdict import verdict
    from game.text.session import play_text

    from game.core import choices, choose
    level = find_level("day_zero").level
    state, made = new_game(level), 0
    while not state.finished:   # how many answers of "1" the game takes
        state, made = choose(state, choices(state)[0].id).state, made + 1
    outputs = {}
    for answer in ("", "s"):
        out = io.StringIO()
        lines = iter(["1"] * made + [answer])
        play_text(new_game(level), out=out, lines=lines)
        outputs[answer] = out.getvalue()
    debrief = outputs[""].split("== Debrief ==")[1]
    assert debrief.strip().splitlines()[1].strip() == verdict(state)[0]
    assert "Sources:" not in outputs[""] and "Sources:" in outputs["s"]
    assert "Where the sources overstate" in outputs["s"]
    assert "Score over time" not in outputs[""]   # nothing was scored on Day Zero


def test_the_questions_and_the_other_rules_open_one_after_another():
    """The folded parts open by their letters, in any order, until a blank line."""
    import io

    from game.content.catalog import find_level
    from game.core import choices, new_game
    from game.core import choose as core_choose
    from game.text.session import play_text

    level = find_level("pilot_city").level
    state, made = new_game(level), 0
    while not state.finished:
        state, made = core_choose(state, choices(state)[0].id).state, made + 1
    out = io.StringIO()
    play_text(new_game(level), out=out, lines=iter(["1"] * made + ["t", "r", "", "s"]))
    text = out.getvalue()
    folded = text.split("Folded away")[1]
    assert folded.index("How do you feel?") < folded.index("The same choices under other rules\n")
    assert "Sources:" not in text             # asked for after the blank line that finished
