"""Authoring mistakes, one per case: each gives the right code at the right line and column.

Every case changes one spot of the small valid level `BASE` below and says where the
diagnostic must point: at a `needle` (a piece of text found exactly once in the changed
level, whose first character, or the one after a `|`, is the expected line:column) or at an
explicit (line, column).
"""
from __future__ import annotations

import textwrap

import pytest

from game.content import load_level, load_text
from game.content.codes import CODES

BASE = textwrap.dedent("""\
    format: 1
    id: base
    title: Base level
    start: home
    score:
      tiers:
        - {id: A, name: Trusted, min: 1050}
        - {id: B, name: Ordinary, min: 0}
    services:
      rail: {name: High-speed rail, threshold: 950}
    sensors:
      camera: {name: Street camera}
    watchers:
      cam: {name: Camera, icon: camera, sensor: camera}
    behaviours:
      jaywalk: {name: Crossing on red}
    rulesets:
      strict:
        name: Strict
        rules:
          jaywalk: {change: -10, seen_by: [camera]}
    personas:
      urban: {name: Urban professional, flags: [city]}
    contacts:
      mei: {name: Mei}
    baselines:
      speak: {question: Speak up at work}
    sources:
      souchet: {title: Made in China, url: "https://example.org/made-in-china"}
    scenes:
      home:
        title: Home
        text: Day zero.
        basis: fiction
        scored: false
        choices:
          - id: speak
            text: Speak up.
            baseline: {pair: speak, candid: true}
            goto: street
      street:
        title: Street
        text: The light is red.
        art: crossing
        basis: reported
        sources: [souchet]
        watchers: [cam]
        choices:
          - id: cross
            text: Cross.
            behaviour: jaywalk
            baseline: {pair: speak, candid: false}
            effects:
              - set: crossed
              - cut: mei
            goto: station
          - id: wait
            text: Wait.
            goto: station
      station:
        title: Station
        text: The train leaves.
        basis: fiction
        choices:
          - id: board
            text: Board the train.
            needs: {service: rail}
            finish: true
          - id: walk
            text: Walk home.
            shown_if: {flag: crossed}
            finish: true
    endings:
      trusted:
        title: Trusted
        text: Doors open.
        when: {all: [{tier: A}, {flag: city}]}
      listed:
        title: Listed
        text: Doors close.
    presets:
      late: {scene: station, persona: urban, ruleset: strict}
    """)

_JARGON = ("Input should", "Field required", "Extra inputs", "valid dictionary", "model_type",
           "Value error", "pydantic", "instance of")


def changed(old: str, new: str) -> str:
    """BASE with `old` (which must occur exactly once) replaced by `new`."""
    assert BASE.count(old) == 1, f"{old!r} must occur once in BASE"
    return BASE.replace(old, new)


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the one occurrence of `needle` in `text`; with a `|` in the
    needle, of the character after the `|`."""
    offset = needle.find("|") if "|" in needle else 0
    needle = needle.replace("|", "")
    assert text.count(needle) == 1, f"{needle!r} must occur once"
    index = text.index(needle) + offset
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def the_diagnostic(text: str, code: str):
    loaded = load_text(text, "level.yaml")
    found = [d for d in loaded.diagnostics if d.code == code]
    assert len(found) == 1, loaded.format()
    return found[0], loaded


# (id, old, new, code, where: a needle in the changed text or (line, column), words in the
# message or hint)
MISTAKES = [
    ("unknown key, did you mean", "title: Base level", "titel: Base level", "E101", "titel",
     "did you mean `title`?"),
    ("missing title", "title: Base level\n", "", "E102", (1, 1), "`title` is missing"),
    ("wrong type", "id: base\n", "id: base\nminutes: ten\n", "E104", "ten",
     "`minutes` should be a whole number, not `ten`"),
    ("goto a missing scene", "goto: station\n      - id: wait", "goto: statoin\n      - id: wait",
     "E202", "statoin", "did you mean `station`?"),
    ("unknown behaviour", "behaviour: jaywalk", "behaviour: jaywalking", "E204", "jaywalking",
     "did you mean `jaywalk`?"),
    ("unknown sensor in seen_by", "seen_by: [camera]", "seen_by: [camra]", "E206", "camra",
     "did you mean `camera`?"),
    ("unknown service in needs", "needs: {service: rail}", "needs: {service: train}", "E208",
     "train}", "`train`"),
    ("duplicate key", "title: Home\n", "title: Home\n    title: Again\n", "E003", "title: Again",
     "already used on line 32"),
    ("duplicate choice id", "  - id: wait", "  - id: cross", "E220", (57, 13),
     "(line 49)"),
    ("tab indentation", "  camera: {name: Street camera}", "\tcamera: {name: Street camera}",
     "E001", "\tcamera", "tabs"),
    ("bad basis value", "basis: fiction\n    scored", "basis: rumour\n    scored", "E105",
     "rumour", "`reported`, `extrapolated` or `fiction`"),
    ("format 2", "format: 1", "format: 2", "E012", (1, 9), "`format: 1`"),
    ("missing format", "format: 1\n", "", "E012", (1, 1), "`format: 1`"),
    ("unknown art", "art: crossing", "art: crosswalk", "E218", "crosswalk", "`street`"),
    ("condition with two keys", "needs: {service: rail}", "needs: {service: rail, flag: x}",
     "E108", "flag: x", "`all:`"),
    ("condition with unknown key", "needs: {service: rail}", "needs: {servise: rail}", "E101",
     "servise", "did you mean `service`?"),
    ("effect with unknown key", "- cut: mei", "- cutt: mei", "E101", "cutt",
     "did you mean `cut`?"),
    ("cut a contact that does not exist", "- cut: mei", "- cut: may", "E213", "may\n",
     "`mei`"),
    ("scene source key missing", "sources: [souchet]", "sources: [souchet2021]", "E214",
     "souchet2021", "did you mean `souchet`?"),
    ("source entry without title", "souchet: {title: Made in China,",
     "souchet: {author: Souchet,", "E102", "souchet: {author", "`title` is missing"),
    ("unknown tier", "[{tier: A}", "[{tier: AA}", "E209", "AA", "did you mean `A`?"),
    ("unknown persona in a condition", "shown_if: {flag: crossed}",
     "shown_if: {persona: rural}", "E210", "rural", "`urban`"),
    ("unknown preset scene", "late: {scene: station", "late: {scene: stasion", "E216",
     "stasion", "did you mean `station`?"),
    ("unknown baseline pair", "pair: speak, candid: false", "pair: speek, candid: false",
     "E215", "speek", "did you mean `speak`?"),
    ("choice with neither goto nor finish", "    goto: station\n  station:",
     "\n  station:", "E109", "id: wait", "`finish: true`"),
    ("empty choices list",
     "  - id: speak\n        text: Speak up.\n        baseline: {pair: speak, candid: true}\n"
     "        goto: street\n", "  []\n", "E107", "[]", "at least one choice"),
    ("python tag", "title: Base level", "title: !!python/object:os.system x", "E002",
     "!!python", "not allowed"),
    ("empty value", "title: Base level", "title:", "E103", (3, 1), "`title` is empty"),
    ("start at a missing scene", "start: home", "start: hom", "E201", "hom\n",
     "did you mean `home`?"),
    ("start at an ending", "start: home", "start: listed", "E201", "listed\n", "an ending"),
    ("goto effect to a missing scene", "- cut: mei", "- goto: nowhere", "E203", "nowhere",
     "scenes and endings"),
    ("rule for an unknown behaviour", "      jaywalk: {change", "      jaywalking: {change",
     "E205", "jaywalking", "did you mean `jaywalk`?"),
    ("unknown watcher in a scene", "watchers: [cam]", "watchers: [camera]", "E207",
     "watchers: [|camera]", "did you mean `cam`?"),
    ("unknown sensor of a watcher", "sensor: camera}", "sensor: cam}", "E206", "cam}",
     "did you mean `camera`?"),
    ("unknown scene in visited", "shown_if: {flag: crossed}",
     "shown_if: {any: [{flag: crossed}, {visited: stret}]}", "E212", "stret",
     "did you mean `street`?"),
    ("unknown contact in a nested condition", "shown_if: {flag: crossed}",
     "shown_if: {any: [{flag: crossed}, {not: {relationship: {contact: mai, at_least: 2}}}]}",
     "E213", "mai", "did you mean `mei`?"),
    ("unknown contact of a persona", "flags: [city]}", "flags: [city], contacts: [jon]}", "E213",
     "jon", "`mei`"),
    ("unknown ruleset in a preset", "ruleset: strict}", "ruleset: strickt}", "E211", "strickt",
     "did you mean `strict`?"),
    ("unknown ruleset in the blacklist's rulesets", "presets:\n",
     "blacklist: {below: 900, rulesets: [strickt]}\npresets:\n", "E211", "strickt]",
     "did you mean `strict`?"),
    ("unknown ruleset in the network's rulesets", "presets:\n",
     "network: {pull: 0.1, rulesets: [lenient]}\npresets:\n", "E211", "lenient]",
     "`strict`"),
    ("renamed to a missing scene", "presets:\n", "renamed: {old_home: hom}\npresets:\n", "E217",
     "hom}", "did you mean `home`?"),
    ("unknown watcher icon", "icon: camera", "icon: drone", "E219", "drone", "no icon"),
    ("duplicate tier id", "{id: B, name", "{id: A, name", "E221", "A, name: Ordinary",
     "(line 7)"),
    ("a scene and an ending share an id", "  listed:\n    title: Listed",
     "  station:\n    title: Listed", "E222", "station:\n    title: Listed",
     "rename the scene or the ending"),
    ("stars out of range", "- cut: mei", "- rating: {contact: mei, stars: 9}", "E106", "9}",
     "from 1 to 5"),
    ("a scene that is a list", "  station:\n    title: Station",
     "  bad: [1]\n  station:\n    title: Station", "E104", "[1]", "scene `bad`"),
    ("a number where text goes", "title: Base level", "title: 1984", "E104", "1984",
     'title: "1984"'),
    ("unknown key deep in an if/else", "- cut: mei",
     "- if:\n              when: {flag: city}\n              else: [{sett: x}]", "E101", "sett",
     "did you mean `set`?"),
    ("empty condition", "needs: {service: rail}", "needs: {}", "E108", "{}", "`service`"),
    ("alias with no anchor", "title: Base level", "title: *name", "E010", "*name", "&name"),
]


@pytest.mark.parametrize("old, new, code, where, words",
                         [pytest.param(*m[1:], id=m[0]) for m in MISTAKES])
def test_mistake_is_located_and_explained(old, new, code, where, words):
    text = changed(old, new)
    diag, _ = the_diagnostic(text, code)
    expected = where if isinstance(where, tuple) else position(text, where)
    assert (diag.line, diag.column) == expected
    assert words in diag.message + " " + diag.hint
    assert diag.hint, "every diagnostic says how to fix it"
    assert diag.code in CODES


def test_there_are_at_least_25_distinct_mistakes():
    assert len({m[0] for m in MISTAKES}) >= 25
    assert len({m[3] for m in MISTAKES}) >= 25


def test_messages_never_use_pydantic_words():
    for _, old, new, *_ in MISTAKES:
        for diag in load_text(changed(old, new), "level.yaml").diagnostics:
            assert not any(word in diag.message + diag.hint for word in _JARGON), diag


# ---------------------------------------------------------------- warnings

WARNINGS = [
    ("service always open", "rail: {name: High-speed rail, threshold: 950}",
     "rail: {name: High-speed rail}", "W301", "rail: {"),
    ("no fallback ending", "    text: Doors close.\n",
     "    text: Doors close.\n    when: {score_below: 1000}\n", "W302", "endings:"),
    ("flag tested but never set", "shown_if: {flag: crossed}", "shown_if: {flag: crosed}",
     "W303", "crosed"),
    ("flag set but never tested", "shown_if: {flag: crossed}", "shown_if: {visited: home}",
     "W304", "crossed\n"),
    ("baseline pair never used", "baselines:\n", "baselines:\n  unused: {question: Why?}\n",
     "W305", "unused:"),
    ("unreachable scene", "    goto: street\n", "    goto: station\n", "W306", "street:\n"),
]


@pytest.mark.parametrize("old, new, code, needle", [pytest.param(*w[1:], id=w[0])
                                                    for w in WARNINGS])
def test_warning_is_located(old, new, code, needle):
    text = changed(old, new)
    diag, loaded = the_diagnostic(text, code)
    assert diag.severity == "warning" and diag.hint
    assert (diag.line, diag.column) == position(text, needle)
    assert loaded.ok and loaded.level is not None, "warnings do not stop the level loading"


def test_base_level_is_clean():
    loaded = load_text(BASE, "base.yaml")
    assert loaded.diagnostics == [], loaded.format()
    assert loaded.ok and loaded.level.id == "base"


# ---------------------------------------------------------------- all at once

def test_all_problems_of_a_file_are_reported_at_once():
    text = BASE
    for old, new in [("title: Base level", "titel: Base level"),
                     ("id: base\n", "id: base\nminutes: ten\n"),
                     ("goto: station\n      - id: wait", "goto: statoin\n      - id: wait"),
                     ("behaviour: jaywalk", "behaviour: jaywalking"),
                     ("art: crossing", "art: crosswalk")]:
        text = text.replace(old, new)
    loaded = load_text(text, "level.yaml")
    assert [d.code for d in loaded.diagnostics] == ["E104", "E101", "E218", "E204", "E202"]
    assert [d.line for d in loaded.diagnostics] == sorted(d.line for d in loaded.diagnostics)
    assert loaded.level is None and not loaded.ok


def test_references_are_checked_even_when_the_schema_fails():
    text = changed("title: Station", "titl: Station").replace("goto: street", "goto: stret")
    codes = {d.code for d in load_text(text, "level.yaml").diagnostics}
    assert codes == {"E101", "E202"}, "the broken scene is left out, not its neighbours"


def test_a_broken_scene_is_still_a_known_scene():
    text = changed("    title: Station\n", "")
    loaded = load_text(text, "level.yaml")
    assert [d.code for d in loaded.diagnostics] == ["E102"], loaded.format()


def test_positions_survive_a_choice_left_out():
    text = changed("  - id: speak\n        text: Speak up.\n",
                   "  - id: speak\n        txt: Speak up.\n").replace(
        "      - id: wait", "      - id: wait\n        behaviour: jaywok")
    loaded = load_text(text, "level.yaml")
    assert [d.code for d in loaded.diagnostics] == ["E101", "E204"]
    assert (loaded.diagnostics[1].line, loaded.diagnostics[1].column) == position(text, "jaywok")


def test_a_broken_section_does_not_cause_false_references():
    text = changed("score:\n  tiers:\n    - {id: A, name: Trusted, min: 1050}\n"
                   "    - {id: B, name: Ordinary, min: 0}\n", "score: 1000\n")
    assert [d.code for d in load_text(text, "level.yaml").diagnostics] == ["E104"]


# ---------------------------------------------------------------- files

def test_empty_file_and_list_file(tmp_path):
    assert [d.code for d in load_text("", "a.yaml").diagnostics] == ["E013"]
    loaded = load_text("- format: 1\n- id: x\n", "b.yaml")
    assert [(d.code, d.line, d.column) for d in loaded.diagnostics] == [("E013", 1, 1)]


def test_missing_file_is_a_diagnostic(tmp_path):
    loaded = load_level(tmp_path / "nowhere.yaml")
    assert [(d.code, d.line, d.column) for d in loaded.diagnostics] == [("E011", 1, 1)]
    assert loaded.level is None and "no such file" in loaded.diagnostics[0].message


def test_a_folder_is_not_a_level(tmp_path):
    assert [d.code for d in load_level(tmp_path).diagnostics] == ["E011"]


def test_not_utf8_points_at_the_byte(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(BASE.replace("Day zero.", "Café zéro.").encode("latin-1"))
    diag = load_level(path).diagnostics[0]
    assert (diag.code, diag.line, diag.column) == ("E011", 33, 14)
    assert "UTF-8" in diag.message and "UTF-8" in diag.hint


def test_utf8_with_bom_and_windows_line_ends(tmp_path):
    path = tmp_path / "windows.yaml"
    text = changed("behaviour: jaywalk", "behaviour: jaywalking")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    loaded = load_level(path)
    diag = loaded.diagnostics[0]
    assert (diag.code, diag.line, diag.column) == ("E204", *position(text, "jaywalking"))
    assert loaded.lines[diag.line - 1].strip() == "behaviour: jaywalking"


def test_format_shows_the_line_and_a_caret():
    loaded = load_text(changed("art: crossing", "art: crosswalk"), "level.yaml")
    shown = loaded.format()
    assert shown.startswith("level.yaml:44:10: error[E218]")
    assert "    art: crosswalk\n" in shown and "         ^" in shown


def test_an_unknown_id_with_no_near_match_says_where_a_new_one_would_go():
    text = changed("behaviour: jaywalk", "behaviour: loiter")
    diag, _ = the_diagnostic(text, "E204")
    assert "`jaywalk`" in diag.hint and "add `loiter` under `behaviours:`" in diag.hint

