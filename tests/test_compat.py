"""`compat OLD NEW`: where the saves of an old version of a level resume in a new one."""
from __future__ import annotations

from game import cli
from game.authoring.compat import compare

OLD = """\
format: 1
id: c
title: Compat
start: home
services:
  rail: {name: Rail, threshold: 950}
personas:
  p: {name: P}
  q: {name: Q}
rulesets:
  r: {name: R}
  s: {name: S}
contacts:
  mei: {name: Mei}
scenes:
  home:
    title: Home
    text: Home.
    basis: fiction
    choices:
      - {id: go, text: Go, effects: [set: left], goto: office}
  office:
    title: Office
    text: Office.
    basis: fiction
    choices:
      - {id: go, text: Go, needs: {flag: left}, goto: street}
  street:
    title: Street
    text: Street.
    basis: fiction
    choices:
      - {id: end, text: End, finish: true}
endings:
  done: {title: Done, text: Over.}
  early: {title: Early, text: Over early., when: {service: rail}}
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def levels(tmp_path, new_text):
    return write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", new_text)


def test_the_same_level_keeps_every_save(tmp_path, capsys):
    old, new = levels(tmp_path, OLD)
    assert cli.main(["compat", old, new]) == 0
    out = capsys.readouterr().out
    assert "scene `office`: resumes at `office` (same id)" in out
    assert "3 of 3 scenes" in out and "nothing else vanished" in out


def test_a_renamed_scene_resumes_at_its_new_id(tmp_path, capsys):
    text = OLD.replace("  office:", "  desk:").replace("goto: office", "goto: desk")
    old, new = levels(tmp_path, text + "renamed:\n  office: desk\n")
    assert cli.main(["compat", old, new]) == 0
    out = capsys.readouterr().out
    assert "scene `office`: resumes at `desk` (renamed)" in out
    assert "gone from NEW: scenes" not in out


def test_a_vanished_scene_has_no_place(tmp_path, capsys):
    text = OLD.replace("  office:", "  desk:").replace("goto: office", "goto: desk")
    old, new = levels(tmp_path, text)
    assert cli.main(["compat", old, new]) == 1
    out = capsys.readouterr().out
    assert "scene `office`: NO PLACE" in out and "start of the chapter (`home`)" in out
    assert "renamed: {office: <scene>}" in out
    assert "gone from NEW: scenes: office" in out


def test_vanished_ids_are_listed(tmp_path):
    from game.content import load_text

    new = (OLD.replace("  q: {name: Q}\n", "").replace("  s: {name: S}\n", "")
           .replace("  rail: {name: Rail, threshold: 950}\n",
                    "  bus: {name: Bus, threshold: 900}\n")
           .replace("when: {service: rail}", "when: {service: bus}")
           .replace("  early: {title: Early", "  soon: {title: Soon")
           .replace("set: left", "set: gone").replace("flag: left", "flag: gone")
           .replace("contacts:\n  mei: {name: Mei}\n", ""))
    result = compare(load_text(OLD, "old").level, load_text(new, "new").level)
    assert result.ok
    assert result.vanished == {"scenes": [], "endings": ["early"], "flags": ["left"],
                               "counters": [], "services": ["rail"], "personas": ["q"],
                               "rulesets": ["s"], "contacts": ["mei"]}


def test_a_changed_level_id_loses_every_save(tmp_path, capsys):
    old, new = levels(tmp_path, OLD.replace("id: c", "id: c2"))
    assert cli.main(["compat", old, new]) == 1
    assert "`id` changed" in capsys.readouterr().out


def test_broken_and_missing_files(tmp_path, capsys):
    old, new = levels(tmp_path, OLD.replace("goto: street", "goto: stret"))
    assert cli.main(["compat", old, new]) == 1
    assert "E202" in capsys.readouterr().out
    assert cli.main(["compat", old, str(tmp_path / "missing.yaml")]) == 2
