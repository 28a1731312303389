"""A level's own pictures: a path inside the level's folder to a safe SVG, or a clear error at
the `art:` line (E224) that says how to fix it. Bundled names must exist (E218)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.content import load_level
from game.content.pictures import (MAX_SVG_BYTES, OLD_NAMES, PictureProblem, bundled_names,
                                   check_svg, picture_path, read_svg)

FIXTURE = Path(__file__).parent / "fixtures" / "mini.yaml"
GOOD = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">'
        '<rect width="400" height="300" fill="#2f62a8"/></svg>')


def _level_with_art(folder: Path, art: str) -> tuple[Path, int]:
    """The fixture level saved in `folder`, its first scene's art set to `art`; the line."""
    text = FIXTURE.read_text(encoding="utf-8")
    old = "    art: crossing\n"
    assert old in text
    text = text.replace(old, f"    art: {art}\n", 1)
    path = folder / "level.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text.splitlines().index(f"    art: {art}") + 1


def _errors(path: Path) -> list:
    return [d for d in load_level(path).errors]


def test_a_level_may_bring_its_own_svg_from_its_folder(tmp_path):
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "kitchen.svg").write_text(GOOD, encoding="utf-8")
    path, _ = _level_with_art(tmp_path, "pictures/kitchen.svg")
    assert _errors(path) == []
    assert picture_path("pictures/kitchen.svg", tmp_path) == tmp_path.resolve() / "pictures" / "kitchen.svg"


@pytest.mark.parametrize("art, words", [
    ("../kitchen.svg", "leaves the level's folder"),
    ("pictures/../../kitchen.svg", "leaves the level's folder"),
    ("/etc/kitchen.svg", "not a path inside"),
    ("C:/pictures/kitchen.svg", "not a path inside"),
    ("file:kitchen.svg", "not a path inside"),
    ("missing.svg", "there is no picture"),
])
def test_paths_out_of_the_folder_are_refused_at_the_art_line(tmp_path, art, words):
    (tmp_path / "sub").mkdir()
    (tmp_path / "kitchen.svg").write_text(GOOD, encoding="utf-8")
    path, line = _level_with_art(tmp_path / "sub", art) if ".." in art else _level_with_art(tmp_path, art)
    errors = _errors(path)
    assert [(d.code, d.line) for d in errors] == [("E224", line)]
    assert words in errors[0].message
    assert errors[0].hint


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks need os.symlink")
def test_a_symlink_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.svg"
    outside.write_text(GOOD, encoding="utf-8")
    level_dir = tmp_path / "level"
    level_dir.mkdir()
    (level_dir / "kitchen.svg").symlink_to(outside)
    path, line = _level_with_art(level_dir, "kitchen.svg")
    errors = _errors(path)
    assert [(d.code, d.line) for d in errors] == [("E224", line)]
    assert "outside the level's folder" in errors[0].message


BAD_SVGS = {
    "http link": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                  'viewBox="0 0 4 3"><image xlink:href="http://example.com/a.png"/></svg>',
                  "may not use other files or web addresses"),
    "file link": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3">'
                  '<use href="file:///etc/passwd#x"/></svg>', "may not use other files"),
    "css url": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3">'
                '<rect style="fill:url(http://example.com/p.svg#g)"/></svg>', "url(http"),
    "style import": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><style>'
                     '@import "http://example.com/a.css";</style></svg>', "imports a style sheet"),
    "script": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3">\n<script>alert(1)</script></svg>',
               "<script> element (line 2)"),
    "event": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3" onload="alert(1)"/>',
              "event attribute"),
    "entity": ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
               '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"/>', "DOCTYPE or ENTITY"),
    "not svg": ('<html xmlns="http://www.w3.org/1999/xhtml"/>', "not an SVG picture"),
    "broken": ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect>', "not well-formed"),
    "no size": ('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "has no size"),
}


@pytest.mark.parametrize("kind", sorted(BAD_SVGS))
def test_unsafe_svgs_are_refused_with_a_clear_message(tmp_path, kind):
    text, words = BAD_SVGS[kind]
    (tmp_path / "bad.svg").write_text(text, encoding="utf-8")
    with pytest.raises(PictureProblem) as caught:
        read_svg(tmp_path / "bad.svg")
    assert words in caught.value.message
    assert caught.value.hint
    path, line = _level_with_art(tmp_path, "bad.svg")
    assert [(d.code, d.line) for d in _errors(path)] == [("E224", line)]


def test_a_link_inside_the_file_is_fine():
    text = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><defs><linearGradient '
            'id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>')
    assert check_svg(text, Path("ok.svg")).width == 4


def test_a_file_too_big_is_refused_before_it_is_parsed(tmp_path):
    big = tmp_path / "big.svg"
    big.write_text(GOOD[:-6] + "<!--" + "x" * MAX_SVG_BYTES + "--></svg>", encoding="utf-8")
    with pytest.raises(PictureProblem, match="too big"):
        read_svg(big)


def test_an_unknown_bundled_name_is_e218_with_a_suggestion(tmp_path):
    path, line = _level_with_art(tmp_path, "harbor_road")
    errors = _errors(path)
    assert [(d.code, d.line) for d in errors] == [("E218", line)]
    assert "harbour_road" in errors[0].hint


def test_old_names_still_work_and_show_a_bundled_picture():
    for old, new in OLD_NAMES.items():
        assert new in bundled_names(), old
        assert picture_path(old, None).name == new + ".svg"
