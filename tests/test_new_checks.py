"""The checks for what used to slip through (issue 18 part 3), each on a small level made
for it: a rule that can never fire (W313), a trap (A413), `goto` with `finish` (W310),
prose cut by ` #` (W311), a very long text (W312)."""
from __future__ import annotations

from game.authoring.analyze import analyze_text
from game.content import load_text

HEAD = """\
format: 1
id: t
title: Test level
start: a
sensors:
  gps: {name: GPS trip log}
  motion: {name: Phone motion sensor, chance: 0.9}
watchers:
  app: {name: The app, icon: app, sensor: gps}
  passenger: {name: The passenger, icon: neighbour}
behaviours:
  hard_brake: {name: Braking hard}
rulesets:
  terms:
    name: Terms
    rules:
      hard_brake: {change: -30, seen_by: [motion], reason: Braked hard}
  black_box:
    name: Black box
    rules:
      hard_brake: {change: -30, seen_by: [gps, motion]}
personas:
  p: {name: Someone}
endings:
  home: {title: Home, text: The end.}
"""


def scene(sid: str, choices: str, extra: str = "") -> str:
    return (f"  {sid}:\n    title: {sid.title()}\n    text: Words.\n    basis: fiction\n"
            f"{extra}    choices:\n{choices}")


def found(text: str, code: str) -> list:
    return [d for d in load_text(text, "<t>").diagnostics if d.code == code]


# ---------------------------------------------------------------- W313

RIDE = HEAD + "scenes:\n" + scene(
    "a", "      - {id: brake, text: Brake hard, behaviour: hard_brake, finish: true}\n",
    "    watchers: [app, passenger]\n")


def test_a_rule_whose_sensor_is_never_on_where_it_happens_is_named_per_ruleset():
    (d,) = found(RIDE, "W313")   # black_box also sees it by gps, which the app has on
    assert d.severity == "warning"
    assert "`hard_brake` in `terms` never fires" in d.message
    assert "`motion`" in d.message and "`gps`" in d.message
    assert "sensors: [gps, motion]" in d.hint
    assert RIDE.splitlines()[d.line - 1].strip().startswith("hard_brake: {change: -30, "
                                                            "seen_by: [motion]")


def test_switching_the_sensor_on_silences_it():
    fixed = RIDE.replace("    watchers: [app, passenger]\n",
                         "    watchers: [app, passenger]\n    sensors: [gps, motion]\n")
    assert not found(fixed, "W313")


def test_a_rule_that_fires_in_one_scene_of_several_is_fine():
    text = HEAD + "scenes:\n" + scene(
        "a", "      - {id: brake, text: Brake, behaviour: hard_brake, goto: b}\n",
        "    watchers: [passenger]\n") + scene(
        "b", "      - {id: brake, text: Brake, behaviour: hard_brake, finish: true}\n",
        "    sensors: [motion]\n")
    assert not found(text, "W313")


def test_scenes_where_nothing_counts_on_purpose_are_left_out():
    unscored = RIDE.replace("    watchers: [app, passenger]\n",
                            "    watchers: [app, passenger]\n    scored: false\n")
    assert not found(unscored, "W313")
    on_purpose = RIDE.replace("    watchers: [app, passenger]\n",
                              "    watchers: [app, passenger]\n    sensors: []\n")
    assert not found(on_purpose, "W313")


# ---------------------------------------------------------------- W310

def test_goto_with_finish_says_the_goto_is_dropped():
    text = HEAD + "scenes:\n" + scene(
        "a", "      - {id: go, text: Go, goto: b, finish: true}\n") + scene(
        "b", "      - {id: end, text: End, finish: true}\n")
    (d,) = found(text, "W310")
    assert "`goto: b` and `finish: true`" in d.message and "never followed" in d.message
    assert text.splitlines()[d.line - 1].strip().startswith("- {id: go")


# ---------------------------------------------------------------- W311

def test_a_hash_inside_plain_prose_is_named_with_what_is_lost():
    text = HEAD + "scenes:\n" + (
        "  a:\n    title: A\n    text: Your rating is now #1, and you are #2 in town.\n"
        "    basis: fiction\n    choices:\n"
        "      - id: x\n        text: Go on\n        reply: Rated four stars #blessed\n"
        "        finish: true\n")
    cut = found(text, "W311")
    lines = text.splitlines()
    assert [lines[d.line - 1][d.column - 1:][:2] for d in cut] == ["#1", "#b"]
    assert "`#1, and you are #2 in town.` is left out" in cut[0].message
    assert "`#blessed` is left out" in cut[1].message
    assert all(">-" in d.hint for d in cut)
    assert load_text(text, "<t>").level.scenes["a"].text == "Your rating is now"


def test_hashes_in_quoted_or_folded_text_and_comments_on_their_own_line_are_fine():
    text = HEAD + "scenes:\n" + (
        "  a:\n    title: \"A #1\"\n    # a note on its own line\n    text: >-\n"
        "      You are #2 in town.\n      reply: a #3 inside the folded text\n"
        "    basis: fiction\n    choices:\n"
        "      - {id: x, text: 'Go #on', finish: true}  # a comment after a flow mapping\n")
    assert not found(text, "W311")


# ---------------------------------------------------------------- W312

def test_a_text_far_over_the_guide_is_named_with_its_words():
    long = " ".join(["word"] * 420)
    text = HEAD + "scenes:\n" + scene("a", "      - {id: x, text: Go, finish: true}\n"
                                      ).replace("text: Words.", f"text: {long}")
    (d,) = found(text, "W312")
    assert "420 words" in d.message and "about 90" in d.message
    assert not found(text.replace(long, " ".join(["word"] * 120)), "W312")


# ---------------------------------------------------------------- A413

TRAP = HEAD + "scenes:\n" + scene(
    "a", "      - {id: ride, text: Take the ride, goto: b}\n"
         "      - {id: quit, text: Quit, finish: true}\n") + scene(
    "b", "      - {id: wait, text: Wait, goto: c}\n") + scene(
    "c", "      - {id: back, text: Back to the queue, goto: b}\n"
         "      - {id: out, text: Leave, needs: {score_at_least: 2000}, finish: true}\n")


def test_a_trap_is_an_error_with_who_and_how_and_the_scenes_inside():
    report = analyze_text(TRAP, "<t>")
    traps = [d for d in report.problems if d.code == "A413"]
    assert [d.severity for d in traps] == ["error"]
    assert "trap: a player can arrive at `b`" in traps[0].message
    assert "`b`, `c`" in traps[0].message and "after choices 1 (ride)" in traps[0].message
    assert report.errors


def test_a_trapped_level_is_never_called_finishable_in_its_length():
    report = analyze_text(TRAP, "<t>")
    (length,) = [d for d in report.info if d.code == "A412"]
    assert length.message.startswith("a game that ends takes 1 choice")
    assert "other games never end: see A413" in length.message


def test_a_way_out_clears_the_trap():
    fixed = TRAP.replace("needs: {score_at_least: 2000}, ", "")
    report = analyze_text(fixed, "<t>")
    assert "A413" not in [d.code for d in report.problems]
    (length,) = [d for d in report.info if d.code == "A412"]
    assert "never end" not in length.message


# ---------------------------------------------------------------- YAML mistakes, named

LEVEL = """\
format: 1
id: t
title: T
start: a
score:
  tiers:
    - {id: gold, name: Gold driver, min: 1100}
    - {id: driver, name: Driver, min: 0}
personas:
  p: {name: Student driver}
rulesets:
  r: {name: R}
scenes:
  a:
    title: A
    text: TEXT
    basis: fiction
    choices:
      - {id: x, text: Go, finish: true}
endings:
  end: {title: E, text: E}
"""


def problem(text: str):
    errors = load_text(text, "<t>").errors
    assert errors, text
    return errors[0]


def test_curly_quotes_are_named_and_the_hint_does_not_say_put_it_in_quotes():
    d = problem(LEVEL.replace("TEXT", "“Your rating: 4.2,” the app says."))
    assert (d.code, d.line, d.column) == ("E001", 16, 11)
    assert "curly quotes" in d.message and ">-" in d.hint and "straight quotes" in d.hint


def test_an_apostrophe_inside_single_quotes_is_named_with_the_word():
    d = problem(LEVEL.replace("TEXT", "'She's fine, honestly.'"))
    assert (d.line, d.column) == (16, 11)
    assert "apostrophe in `She's`" in d.message and "`She''s`" in d.hint


def test_a_line_that_opens_with_dialogue_is_named():
    d = problem(LEVEL.replace("TEXT", '"Hello," she says. "Five stars?"'))
    assert (d.line, d.column) == (16, 11)
    assert 'takes `"Hello,"` as the whole text' in d.message and ">-" in d.hint
    inside = problem(LEVEL.replace("{id: x, text: Go,", "{id: x, text: 'It's late',"))
    assert "apostrophe in `It's`" in inside.message and inside.line == 19


def test_quotes_used_rightly_are_not_mistakes():
    for fine in ("'She''s fine'", '"Hello," she says.'.join(["'", "'"]), "“Hello” she says.",
                 '"6:40, Day One"'):
        assert load_text(LEVEL.replace("TEXT", fine), "<t>").ok, fine


def test_a_choice_that_lost_its_dash_is_one_problem_named_as_such():
    lost = LEVEL.replace("      - {id: x, text: Go, finish: true}\n",
                         "      - id: x\n        text: Go\n        finish: true\n"
                         "        id: y\n        text: Stay\n        finish: true\n")
    dupes = [d for d in load_text(lost, "<t>").errors if d.code == "E003"]
    assert len(dupes) == 1 and dupes[0].line == 22
    assert "lost its `- `" in dupes[0].message and "first on line 19" in dupes[0].message


def test_scenes_written_as_a_list_are_named():
    listed = LEVEL.replace("  a:\n    title: A\n    text: TEXT\n    basis: fiction\n"
                           "    choices:\n      - {id: x",
                           "  - a:\n      title: A\n      text: T\n      basis: fiction\n"
                           "      choices:\n        - {id: x")
    d = problem(listed)
    assert d.code == "E104" and "written as a list" in d.hint and "`a:`" in d.hint


def test_a_tier_or_persona_named_by_its_display_name_points_at_its_id():
    text = LEVEL.replace("{id: x, text: Go, finish: true}",
                         "{id: x, text: Go, needs: {tier: Gold driver}, finish: true}\n"
                         "      - {id: y, text: Me, shown_if: {persona: Student driver}, "
                         "finish: true}")
    hints = {d.code: d.hint for d in load_text(text.replace("TEXT", "T"), "<t>").errors}
    assert "the tier's id is `gold`: write `gold`" in hints["E209"]
    assert "the persona's id is `p`: write `p`" in hints["E210"]


# ---------------------------------------------------------------- A404, said why

def test_a_choice_shown_only_after_a_flag_set_later_says_so():
    text = HEAD + "scenes:\n" + scene(
        "a", "      - {id: go, text: Go, goto: b}\n"
             "      - {id: thank, text: Thank Mei, shown_if: {flag: met_mei}, goto: b}\n"
    ) + scene("b", "      - {id: meet, text: Meet Mei, effects: [{set: met_mei}], "
                   "finish: true}\n")
    report = analyze_text(text, "<t>")
    (d,) = [d for d in report.problems if d.code == "A404"]
    assert "always hidden" in d.message
    assert "the flag `met_mei`, which is set only in `b`, after this scene" in d.hint


def test_a_trap_beside_a_loop_that_can_end_is_still_named_in_the_length():
    looping = TRAP.replace("      - {id: quit, text: Quit, finish: true}\n",
                           "      - {id: quit, text: Quit, finish: true}\n"
                           "      - {id: again, text: Again, goto: a}\n")
    report = analyze_text(looping, "<t>")
    (length,) = [d for d in report.info if d.code == "A412"]
    assert "go round for ever" in length.message and "never end: see A413" in length.message


# ---------------------------------------------------------------- a colon inside a text (TRIAL.md)

def _choice_line(text: str) -> str:
    return LEVEL.replace("      - {id: x, text: Go, finish: true}\n",
                         f"      - {text}\n      - {{id: y, text: Go, finish: true}}\n")


def test_a_colon_in_the_middle_of_a_scene_text_is_named_and_says_use_the_fold():
    d = problem(LEVEL.replace("TEXT", 'Mrs Hale stops. She says: "Did anyone see?"'))
    assert (d.code, d.line, d.column) == ("E001", 16, 35)   # the column of that `: `
    assert "mapping values" not in d.message and "colon followed by a space" in d.message
    assert "`She says`" in d.message and "`text: >-`" in d.hint
    fixed = LEVEL.replace("    text: TEXT", '    text: >-\n      Mrs Hale stops. She says: "Did?"')
    assert load_text(fixed, "<t>").ok


def test_a_colon_in_a_one_line_choice_says_to_quote_the_whole_choice_and_that_works():
    d = problem(_choice_line("text: Tell her: it was Jay -> finish"))
    assert (d.code, d.line, d.column) == ("E001", 19, 23)
    assert "colon followed by a space" in d.message
    fix = '`- text: "Tell her: it was Jay -> finish"`'
    assert fix in d.hint
    loaded = load_text(_choice_line(fix.strip("`")[2:]), "<t>")
    assert loaded.ok, loaded.format()
    choice = loaded.level.scenes["a"].choices[0]
    assert choice.text == "Tell her: it was Jay" and choice.finish   # `->` still read


def test_a_line_indented_too_far_is_not_called_a_colon_in_a_text():
    d = problem(LEVEL.replace("    basis: fiction", "      basis: fiction"))
    assert "colon followed by a space" not in d.message


def test_a_comma_inside_the_short_form_says_it_ends_the_value_and_to_quote_it():
    short = LEVEL.replace("  p: {name: Student driver}",
                          "  p: {name: Sam, a student driver, money: 3}")
    d = problem(short)
    assert (d.code, d.line, d.column) == ("E101", 10, 18)
    assert "inside `{...}` a comma ends a value" in d.message
    assert "`Sam, a student driver`" in d.message
    assert d.hint == 'put quotes around a value with a comma: `name: "Sam, a student driver"`'
    fixed = load_text(short.replace("name: Sam, a student driver", d.hint.split("`")[1]), "<t>")
    assert fixed.ok and fixed.level.personas["p"].name == "Sam, a student driver"


def test_an_unknown_key_in_the_short_form_without_a_comma_mistake_keeps_its_hint():
    d = problem(LEVEL.replace("  p: {name: Student driver}", "  p: {name: Sam, cash: 3}"))
    assert d.code == "E101" and "comma" not in d.message


# ---------------------------------------------------------------- A414 (TRIAL.md)

def test_minutes_far_from_the_estimate_is_a_warning_at_the_minutes_line():
    from pathlib import Path

    example = (Path(__file__).parents[1] / "docs/examples/first_level.yaml").read_text()
    assert "\nminutes: 1\n" in example
    assert not [d for d in analyze_text(example).problems if d.code == "A414"]
    six = analyze_text(example.replace("\nminutes: 1\n", "\nminutes: 6\n"))
    [d] = [d for d in six.problems if d.code == "A414"]
    assert (d.severity, d.line) == ("warning", example.splitlines().index("minutes: 1") + 1)
    assert "`minutes: 6`" in d.message and "estimate is 0.7 minutes" in d.message
    assert "write `minutes: 1`" in d.hint
    unsaid = example.replace("\nminutes: 1\n", "\n")   # the default is not the author's word
    assert not [d for d in analyze_text(unsaid).problems if d.code == "A414"]
