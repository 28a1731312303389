"""The story-first forms of a level (game/content/storyform.py): each reads as the long form
would, old levels read as before, and each form written wrongly gets a message at its line
that says how to fix it."""
from __future__ import annotations

import re

import pytest

from game import cli
from game.authoring.compat import compare
from game.content import load_text
from game.content.schema import ARROW, level_schema
from game.content.storyform import derived_ids, slug
from game.core import State, new_game
from game.core.engine import choose

HEAD = """\
format: 1
id: story
title: Story
start: street
rulesets: {r: {name: R}}
personas: {p: {name: P}}
behaviours: {jaywalk: {name: Crossing on red}}
sources: {s1: {title: A report, url: "https://example.org/report"}}
"""

LONG = HEAD + """\
scenes:
  street:
    title: The Crossing
    basis: reported
    sources: [s1]
    text: >-
      The light is red.
    choices:
      - id: wait_for_the_green
        text: Wait for the green light
        goto: station
      - id: cross
        text: Cross on red
        behaviour: jaywalk
        goto: station
      - id: go_home
        text: Go home
        finish: true
  station:
    title: The Station
    basis: fiction
    text: A train.
    choices:
      - id: board
        text: Board
        finish: true
endings:
  home:
    title: Home
    basis: extrapolated
    sources: [s1]
    text: Done.
"""

SHORT = HEAD + """\
scenes:
  street:
    title: The Crossing
    reported: [s1]
    text: The light is red.
    choices:
      - Wait for the green light -> station
      - cross: Cross on red -> station
        behaviour: jaywalk
      - text: Go home -> finish
  station:
    title: The Station
    basis: fiction
    text: A train.
    choices:
      - board: Board -> finish
endings:
  home:
    title: Home
    extrapolated: [s1]
    text: Done.
"""


def load(text: str):
    return load_text(text, "story.yaml")


def the(found, code: str):
    hits = [d for d in found.diagnostics if d.code == code]
    assert len(hits) == 1, found.format()
    return hits[0]


def at(found, diagnostic) -> str:
    return found.lines[diagnostic.line - 1][diagnostic.column - 1:]


# ---------------------------------------------------------------- the forms

def test_the_short_forms_read_as_the_long_form():
    long, short = load(LONG), load(SHORT)
    assert long.diagnostics == [] and short.diagnostics == [], short.format()
    assert short.level == long.level


def test_an_id_is_made_from_the_first_words_of_the_text():
    assert slug("Wait for the green light") == "wait_for_the_green"
    assert slug("Don't   look BACK!") == "dont_look_back"
    assert slug("Café, s'il vous plaît") == "cafe_sil_vous_plait"
    assert slug("Ждать зелёного") == "ждать_зелёного"
    assert slug("...") == "choice"


def test_made_ids_are_unique_in_the_scene_and_never_take_a_written_one():
    assert derived_ids(["Wait", "Wait", "Go"], {"go"}) == ["wait", "wait_2", "go_2"]
    assert derived_ids(["Wait", "Wait"], set()) == derived_ids(["Wait", "Wait"], set())


def test_a_scene_with_two_choices_of_the_same_words_loads():
    text = SHORT.replace("      - text: Go home -> finish\n",
                         "      - Wait for the green light -> finish\n")
    level = load(text).level
    assert [c.id for c in level.scenes["street"].choices] == [
        "wait_for_the_green", "cross", "wait_for_the_green_2"]


def test_an_old_text_that_ends_like_an_arrow_is_left_as_it_is():
    text = LONG.replace("text: Cross on red\n", "text: Cross on red -> fast\n")
    level = load(text).level
    choice = level.scenes["street"].choices[1]
    assert (choice.text, choice.goto) == ("Cross on red -> fast", "station")


def test_a_short_level_plays():
    level = load(SHORT).level
    step = choose(new_game(level, "p", "r"), "cross")
    assert step.state.scene == "station"


def test_a_wrong_target_is_pointed_at_after_the_arrow():
    found = load(SHORT.replace("- Wait for the green light -> station",
                               "- Wait for the green light -> staton"))
    d = the(found, "E202")
    assert at(found, d) == "staton" and "did you mean `station`?" in d.hint


# ---------------------------------------------------------------- wrong forms, told how to fix

def test_a_one_line_choice_with_no_arrow_says_how_to_end_it():
    found = load(SHORT.replace("- Wait for the green light -> station",
                               "- Wait for the green light"))
    d = the(found, "E110")
    assert at(found, d).startswith("Wait for the green light")
    assert "`- Wait for the green light -> next_scene`" in d.hint and "-> finish" in d.hint
    assert [x.code for x in found.errors] == ["E110"]


def test_a_hash_that_cut_a_one_line_choice_says_to_quote_it():
    found = load(SHORT.replace("- Wait for the green light -> station",
                               "- Wait for train #2 -> station"))
    d = the(found, "E110")
    assert 'put the whole choice in double quotes: `- "Wait for train #2 -> station"`' in d.hint
    fixed = load(SHORT.replace("- Wait for the green light -> station",
                               '- "Wait for train #2 -> station"'))
    assert fixed.ok and fixed.level.scenes["street"].choices[0].text == "Wait for train #2"


def test_an_arrow_with_nothing_after_it_says_so():
    found = load(SHORT.replace("-> station\n      - cross", "->\n      - cross"))
    assert "write the id of a scene or ending after `->`" in the(found, "E110").hint


def test_a_colon_in_a_one_line_choice_says_to_quote_it():
    found = load(SHORT.replace("- Wait for the green light -> station",
                               "- Shout: wait for me -> station"))
    d = the(found, "E111")
    assert at(found, d).startswith("Shout")
    assert d.hint.startswith(
        'put the whole choice in double quotes: `- "Shout: wait for me -> station"`')
    assert [x.code for x in found.errors] == ["E111"]


def test_a_misspelt_key_first_is_not_taken_for_an_id():
    found = load(SHORT.replace("- text: Go home -> finish", "- txt: Go home -> finish"))
    assert "did you mean `text`?" in the(found, "E101").hint


def test_the_basis_said_twice_is_an_error_at_its_line():
    found = load(SHORT.replace("    reported: [s1]\n", "    reported: [s1]\n    basis: fiction\n"))
    d = the(found, "E112")
    assert at(found, d).startswith("reported") and "not both" in d.hint


def test_a_source_in_the_short_basis_is_checked_where_it_is_written():
    found = load(SHORT.replace("reported: [s1]", "reported: [s2]"))
    d = the(found, "E214")
    assert at(found, d).startswith("s2]")


# ---------------------------------------------------------------- the schema

def test_the_schema_describes_the_short_forms():
    defs = level_schema()["$defs"]
    one_line = defs["Scene"]["properties"]["choices"]["items"]["anyOf"][0]
    assert one_line["pattern"] == ARROW
    assert re.search(ARROW, "Wait for the green light -> station")
    assert not re.search(ARROW, "Wait for the green light")
    assert defs["Choice"]["required"] == ["text"]
    assert {"reported", "extrapolated", "fiction"} <= set(defs["Scene"]["properties"])
    assert "basis" not in defs["Scene"]["required"]


# ---------------------------------------------------------------- compat and renamed

EDITED = SHORT.replace("- Wait for the green light -> station",
                       "- Wait for the little green man -> station")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_compat_catches_a_choice_whose_text_was_edited(tmp_path, capsys):
    old, new = write(tmp_path, "old.yaml", SHORT), write(tmp_path, "new.yaml", EDITED)
    assert cli.main(["compat", old, new]) == 1
    out = capsys.readouterr().out
    assert "choice `street.wait_for_the_green`: NO PLACE in NEW" in out
    assert ("Add `renamed: {street.wait_for_the_green: street.wait_for_the_little}` to NEW, "
            "or give the choice `id: wait_for_the_green`") in out
    assert "3 of 4 choices of OLD have a place in NEW." in out


def test_renamed_maps_the_edited_choice_and_compat_passes(tmp_path, capsys):
    fixed = EDITED + "renamed:\n  street.wait_for_the_green: street.wait_for_the_little\n"
    old, new = write(tmp_path, "old.yaml", SHORT), write(tmp_path, "new.yaml", fixed)
    assert cli.main(["compat", old, new]) == 0
    out = capsys.readouterr().out
    assert "choice `street.wait_for_the_green`: is `street.wait_for_the_little` (renamed)" in out
    assert "4 of 4 choices of OLD have a place in NEW." in out


def test_a_save_that_made_the_edited_choice_shows_it_after_renamed():
    old = load(SHORT).level
    save = choose(new_game(old, "p", "r"), "wait_for_the_green").state.to_json()
    fixed = load(EDITED + "renamed:\n  street.wait_for_the_green: street.wait_for_the_little\n")
    resumed = State.from_json(save, fixed.level)
    assert [(r.scene, r.choice) for r in resumed.records] == [("street", "wait_for_the_little")]
    assert State.from_json(save, load(EDITED).level).records[0].choice == "wait_for_the_green"


@pytest.mark.parametrize("entry, words", [
    ("street.wait_for_the_green: street.nothing", "scene `street` has no choice `nothing`"),
    ("street.wait_for_the_green: stret.wait_for_the_little", "there is no scene `stret`"),
])
def test_a_renamed_choice_that_is_not_there_is_an_error(entry, words):
    found = load(EDITED + f"renamed:\n  {entry}\n")
    assert words in the(found, "E217").message


def test_compare_lists_only_the_choices_that_moved():
    result = compare(load(SHORT).level, load(SHORT).level)
    assert result.ok and result.choices == [] and result.choices_compared == 4


def test_a_text_choice_with_no_way_out_is_told_about_the_arrow():
    found = load(SHORT.replace("- text: Go home -> finish", "- text: Go home"))
    assert "end its text with ` -> <scene or ending id>`" in the(found, "E109").hint


def test_the_marks_tools_read_include_what_the_short_forms_make():
    loaded = load(SHORT)
    line, column = loaded.marks[("scenes", "street", "choices", 0, "goto")]
    assert loaded.lines[line - 1][column - 1:] == "station"
    assert loaded.marks[("scenes", "street", "choices", 0, "id")][0] == line
    assert loaded.lines[loaded.marks[("scenes", "street", "basis")][0] - 1].strip() == \
        "reported: [s1]"


def test_an_id_written_first_in_capitals_is_told_to_be_lower_case():
    found = load(SHORT.replace("- cross: Cross on red", "- Cross: Cross on red"))
    d = the(found, "E111")
    assert d.hint.endswith("or, if `Cross` is its id, write the id in lower case: `cross`")


def test_a_key_in_capitals_is_still_a_misspelt_key():
    found = load(SHORT.replace("- text: Go home -> finish", "- Text: Go home -> finish"))
    assert "did you mean `text`?" in the(found, "E101").hint
    assert not [d for d in found.diagnostics if d.code == "E111"]
