"""Tests for the hostile-input-proof YAML reader and diagnostics."""

from __future__ import annotations

import gc
import time
import weakref

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content import yamlsafe
from game.content.diagnostics import ContentError, Diagnostic, did_you_mean
from game.content.yamlsafe import read_yaml

# Hostile input must be refused quickly, not hang. The bound is a hang guard, generous so a
# busy machine never fails it; speed budgets live in `python -m game bench`, not in tests.
HANG_SECONDS = 3.0

LEVEL = """\
title: The Office
start: office
scenes:
  office:
    text: "You sit at your desk."
    choices:
      - id: leave
        goto: hall
        weight: 3
      - {id: stay, goto: office, chance: 0.5, locked: no, note: ~}
"""


def codes(diags: list[Diagnostic]) -> list[str]:
    return [d.code for d in diags]


def only(diags: list[Diagnostic], code: str) -> Diagnostic:
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, diags
    return found[0]


# -- normal documents -------------------------------------------------------


def test_normal_document_values():
    data, _, diags = read_yaml(LEVEL, "level.yaml")
    assert diags == []
    assert data == {
        "title": "The Office",
        "start": "office",
        "scenes": {
            "office": {
                "text": "You sit at your desk.",
                "choices": [
                    {"id": "leave", "goto": "hall", "weight": 3},
                    {"id": "stay", "goto": "office", "chance": 0.5, "locked": False, "note": None},
                ],
            }
        },
    }


def test_normal_document_marks():
    _, marks, _ = read_yaml(LEVEL, "level.yaml")
    assert marks[()] == (1, 1)
    assert marks[("title",)] == (1, 8)
    assert marks[("title", "__key__")] == (1, 1)
    assert marks[("scenes", "office", "__key__")] == (4, 3)
    assert marks[("scenes", "office", "text")] == (5, 11)
    assert marks[("scenes", "office", "choices", 0)] == (7, 9)
    assert marks[("scenes", "office", "choices", 0, "goto")] == (8, 15)
    assert marks[("scenes", "office", "choices", 0, "goto", "__key__")] == (8, 9)
    assert marks[("scenes", "office", "choices", 1)] == (10, 9)
    assert marks[("scenes", "office", "choices", 1, "goto")] == (10, 26)


def test_scalars_resolve_like_safe_loader():
    text = "a: 1\nb: 1.5\nc: yes\nd: null\ne: '1'\nf: hello\ng: 0x1F\nh: .inf\ni:\n"
    data, _, diags = read_yaml(text, "t.yaml")
    assert diags == []
    assert data == yaml.safe_load(text)
    assert data["e"] == "1"
    assert data["i"] is None


def test_keys_are_kept_as_written():
    data, _, diags = read_yaml("1: x\nyes: y\nnull: z\n", "t.yaml")
    assert diags == []
    assert data == {"1": "x", "yes": "y", "null": "z"}


def test_empty_document_is_none():
    for text in ("", "# just a comment\n", "---\n"):
        data, _, diags = read_yaml(text, "t.yaml")
        assert data is None and diags == []


def test_find_mark_falls_back_to_parent():
    text = "base: &b {goto: hall}\nother: *b\n"
    data, marks, diags = read_yaml(text, "t.yaml")
    assert diags == []
    assert data["other"] == {"goto": "hall"}
    assert yamlsafe.find_mark(marks, ("other", "goto")) == (2, 8)
    assert yamlsafe.find_mark(marks, ("nothing", "here")) == (1, 1)


# -- problems that are reported but do not stop the reading -----------------


def test_duplicate_key_keeps_first_and_points_at_second():
    text = "title: one\ntext: hi\ntitle: two\n"
    data, marks, diags = read_yaml(text, "t.yaml")
    assert data == {"title": "one", "text": "hi"}
    assert marks[("title",)] == (1, 8)
    d = only(diags, "E003")
    assert (d.line, d.column) == (3, 1)
    assert "`title`" in d.message and "line 1" in d.message


def test_python_tag_is_refused_and_not_executed(tmp_path):
    target = tmp_path / "pwned_x"
    text = f'!!python/object/apply:os.system ["touch {target}"]\n'
    _, _, diags = read_yaml(text, "t.yaml")
    d = only(diags, "E002")
    assert (d.line, d.column) == (1, 1)
    assert "tags are not allowed" in d.message
    assert not target.exists()


def test_tag_inside_mapping_points_at_tag():
    text = "a: 1\nb: !!python/name:os.system\nc: !custom x\n"
    data, _, diags = read_yaml(text, "t.yaml")
    assert codes(diags) == ["E002", "E002"]
    assert [(d.line, d.column) for d in diags] == [(2, 4), (3, 4)]
    assert all(isinstance(v, (int, str)) for v in data.values())


def test_standard_tags_are_allowed():
    data, _, diags = read_yaml("a: !!str 12\nb: !!int '7'\nc: !!map {x: 1}\n", "t.yaml")
    assert diags == []
    assert data == {"a": "12", "b": 7, "c": {"x": 1}}


def test_non_scalar_key():
    data, _, diags = read_yaml("? [a, b]\n: x\nc: d\n", "t.yaml")
    assert data == {"c": "d"}
    d = only(diags, "E004")
    assert (d.line, d.column) == (1, 3)


def test_unknown_alias():
    data, _, diags = read_yaml("a: *nowhere\n", "t.yaml")
    assert data == {"a": None}
    assert codes(diags) == ["E010"]


# -- fatal problems ---------------------------------------------------------


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 " + "[" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        refs = ", ".join([f"*a{i - 1}"] * width)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_refused_quickly():
    start = time.perf_counter()
    data, marks, diags = read_yaml(billion_laughs(), "bomb.yaml")
    elapsed = time.perf_counter() - start
    assert data is None and marks == {}
    d = only(diags, "E005")
    assert "too many aliases" in d.message
    assert elapsed < HANG_SECONDS


def test_modest_aliases_are_fine():
    data, _, diags = read_yaml(billion_laughs(levels=3, width=3), "ok.yaml")
    assert diags == []
    assert len(data["a3"]) == 3 and data["a3"][0][0][0] == ["lol"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20_000 + "]" * 20_000,
        "{a: " * 20_000 + "b" + "}" * 20_000,
        "- " * 20_000 + "x\n",
        "".join(" " * i + "k:\n" for i in range(100)),
    ],
    ids=["flow-seq", "flow-map", "block-seq", "block-map"],
)
def test_deep_nesting_refused_quickly(text):
    """(libyaml stops at 1000 levels itself, with its own words: still E006.)"""
    start = time.perf_counter()
    data, _, diags = read_yaml(text, "deep.yaml")
    elapsed = time.perf_counter() - start
    assert data is None
    d = only(diags, "E006")
    assert d.line >= 1 and d.column > 1
    assert elapsed < HANG_SECONDS


def test_nesting_up_to_limit_is_fine():
    depth = yamlsafe.MAX_DEPTH
    data, _, diags = read_yaml("[" * depth + "]" * depth, "t.yaml")
    assert diags == []
    for _ in range(depth - 1):
        data = data[0]
    assert data == []


def test_syntax_error_has_line_and_column():
    text = "title: ok\ntext: this: breaks\n"
    data, marks, diags = read_yaml(text, "t.yaml")
    assert data is None and marks == {}
    d = only(diags, "E001")
    assert (d.line, d.column) == (2, 11)
    assert d.message.startswith("a colon followed by a space (after `this`)")
    assert "`text: >-`" in d.hint
    formatted = d.format(text.splitlines())
    assert formatted.splitlines() == [
        "t.yaml:2:11: error[E001]: " + d.message,
        "    text: this: breaks",
        "              ^",
        "  hint: " + d.hint,
    ]


def test_unclosed_quote_points_at_the_quote():
    d = only(read_yaml("a: 1\nb: 'never closed\nc: 2\n", "t.yaml")[2], "E001")
    assert (d.line, d.column) == (2, 4)
    assert "quote" in d.hint


def test_tab_indentation_hint():
    _, _, diags = read_yaml("scene:\n\ttitle: Hi\n", "t.yaml")
    d = only(diags, "E001")
    assert d.line == 2
    assert "use spaces, not tabs" in d.hint


def test_control_character_is_located():
    d = only(read_yaml("a: 1\nb: x\x07y\n", "t.yaml")[2], "E001")
    assert (d.line, d.column) == (2, 5)


def test_more_than_one_document():
    data, _, diags = read_yaml("a: 1\n---\nb: 2\n", "t.yaml")
    assert data is None
    d = only(diags, "E008")
    assert d.line == 2


def test_huge_text_refused_without_parsing():
    text = "a" * (16 * 1024 * 1024 + 1)
    start = time.perf_counter()
    data, _, diags = read_yaml(text, "big.yaml")
    assert time.perf_counter() - start < HANG_SECONDS
    assert data is None and codes(diags) == ["E007"]


def test_pure_python_parser_fallback(monkeypatch):
    expected = read_yaml(LEVEL, "level.yaml")
    expected_fast = read_yaml(LEVEL, "level.yaml", marks=False)
    monkeypatch.setattr(yaml, "__with_libyaml__", False)   # PyYAML built without libyaml
    monkeypatch.setattr(yamlsafe, "_cyaml", None)
    monkeypatch.setattr(yamlsafe, "_LOADER", yamlsafe.parsers()[1])
    assert yamlsafe._LOADER is yaml.SafeLoader
    data, marks, diags = read_yaml(LEVEL, "level.yaml")
    assert (data, marks, diags) == expected
    assert read_yaml(LEVEL, "level.yaml", marks=False) == expected_fast
    assert marks[("scenes", "office", "choices", 0, "goto")] == (8, 15)
    assert codes(read_yaml("- " * 20_000 + "x", "t.yaml")[2]) == ["E006"]
    assert codes(read_yaml("a:\n\tb: 1\n", "t.yaml")[2]) == ["E001"]
    for text in DEEP:   # the pure parser has no limit of its own: ours stops it, at once
        start = time.perf_counter()
        data, _, diags = read_yaml(text, "deep.yaml", marks=False)
        assert data is None and codes(diags) == ["E006"] and diags[0].line == text.count(
            "\n", 0, text.index("[[[")) + 1
        assert time.perf_counter() - start < HANG_SECONDS


def test_a_changed_libyaml_binding_is_not_used():
    """A newer PyYAML may rename what `_fast_read` relies on: then it is not used at all."""
    from types import SimpleNamespace
    real = yaml._yaml if yaml.__with_libyaml__ else None
    if real is not None:
        assert yamlsafe.usable(real)
    parts = {name: object for name in ("CParser",) + yamlsafe._EVENT_NAMES}
    assert yamlsafe.usable(SimpleNamespace(**parts))
    del parts["ScalarEvent"]
    assert not yamlsafe.usable(SimpleNamespace(**parts))


# -- never raises, whatever the input ----------------------------------------


def check_result(result) -> None:
    data, marks, diags = result
    assert isinstance(marks, dict)
    assert all(isinstance(d, Diagnostic) and d.line >= 1 and d.column >= 1 for d in diags)
    if any(d.code in ("E001", "E005", "E006", "E007", "E008") for d in diags):
        assert data is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_never_raises(text):
    check_result(read_yaml(text, "fuzz.yaml"))


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_random_bytes_never_raise(raw):
    check_result(read_yaml(raw.decode("utf-8", errors="replace"), "fuzz.yaml"))


YAMLISH = st.text(alphabet="[]{}:-,?'\"&*!|>#%@` \t\n\rab01.~", max_size=80)


@settings(max_examples=500, deadline=None)
@given(YAMLISH)
def test_yaml_like_text_never_raises(text):
    result = read_yaml(text, "fuzz.yaml")
    check_result(result)
    for d in result[2]:
        d.format(text.splitlines())


# Text with no hidden characters (control, format and surrogate): those are E014.
SHOWN_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs"))
                     | st.sampled_from("\t\n"))
PLAIN_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | SHOWN_TEXT,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(alphabet="abcxyz_", min_size=1, max_size=6), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(PLAIN_VALUES)
def test_round_trip_matches_safe_dump(value):
    data, _, diags = read_yaml(yaml.safe_dump(value), "rt.yaml")
    assert diags == []
    assert data == value


# -- diagnostics helpers --------------------------------------------------------


def test_diagnostic_format_and_dict():
    d = Diagnostic("E101", "error", "lvl.yaml", 2, 3, "unknown scene", "did you mean `office`?")
    assert d.format() == "lvl.yaml:2:3: error[E101]: unknown scene\n  hint: did you mean `office`?"
    assert d.format(["a", "\tbad"]).splitlines()[1:3] == ["    \tbad", "    \t ^"]
    assert d.to_dict() == {
        "code": "E101", "severity": "error", "path": "lvl.yaml", "line": 2,
        "column": 3, "message": "unknown scene", "hint": "did you mean `office`?",
    }


def test_did_you_mean_and_content_error():
    assert did_you_mean("ofice", ["office", "hall"]) == "did you mean `office`?"
    assert did_you_mean("zzz", ["office", "hall"]) == ""
    d = Diagnostic("E003", "error", "x.yaml", 1, 1, "dup")
    err = ContentError([d])
    assert err.diagnostics == [d] and "x.yaml:1:1" in str(err)


# -- the fast reader (marks=False) -------------------------------------------------


def event_classes() -> dict:
    from yaml import _yaml, events

    names = [n for n in dir(events) if n.endswith("Event") and n != "Event"]
    return {n: (getattr(_yaml, n), getattr(events, n)) for n in names if hasattr(_yaml, n)}


needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="libyaml is not installed")


@needs_libyaml
def test_fast_reader_reads_clean_files_alone(monkeypatch):
    def careful(*args):
        raise AssertionError("the careful reader was used for a clean file")

    expected = read_yaml(LEVEL, "level.yaml")[0]
    monkeypatch.setattr(yamlsafe._EventReader, "_loop", careful)
    data, marks, diags = read_yaml(LEVEL, "level.yaml", marks=False)
    assert diags == [] and marks == {}
    assert data == expected


@needs_libyaml
@pytest.mark.parametrize("text", [
    LEVEL,                                   # clean
    "base: &b {goto: hall}\nother: *b\n",    # an anchor: left to the careful reader
    "a: !!str 12\n",                         # a tag
    "title: one\ntitle: two\n",              # a duplicate key
    "? [a, b]\n: x\n",                       # a list as a key
    "a: 1\n---\nb: 2\n",                     # two documents
    "[" * 70 + "]" * 70,                     # too deep
    "title: ok\ntext: this: breaks\n",       # a syntax error
    "a: x\x07y\n",                           # a bad character
])
def test_fast_reader_puts_libyaml_back(text):
    before = event_classes()
    read_yaml(text, "t.yaml", marks=False)
    assert event_classes() == before
    assert all(ours is theirs for ours, theirs in before.values())
    assert yaml.load("a: [1, b]", Loader=yaml.CSafeLoader) == {"a": [1, "b"]}


def test_gc_is_left_as_it_was():
    assert gc.isenabled() and gc.get_freeze_count() == 0
    read_yaml(LEVEL, "level.yaml", marks=False)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        read_yaml(LEVEL, "level.yaml", marks=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()   # someone else's freeze is not undone
    try:
        frozen = gc.get_freeze_count()
        read_yaml(LEVEL, "level.yaml", marks=False)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_loading_moves_no_other_garbage_to_the_old_generation():
    class Box:
        pass

    box = Box()
    box.me = box   # a cycle: only the cyclic GC can free it
    gone = weakref.ref(box)
    del box
    read_yaml(LEVEL, "level.yaml", marks=False)
    box = gone()   # collected, or still young: not moved along with what was read
    assert box is None or all(thing is not box for thing in gc.get_objects(generation=2))


def same_result(text: str) -> None:
    """Without marks, the same data and diagnostics as with them (marks aside)."""
    fast, careful = read_yaml(text, "f.yaml", marks=False), read_yaml(text, "f.yaml")
    assert repr(fast[0]) == repr(careful[0])   # repr: nan == nan, and types must match
    assert fast[2] == careful[2]
    if fast[2]:
        assert fast[1] == careful[1]


def test_fast_reader_agrees_when_a_duplicate_key_comes_before_a_fatal_error():
    same_result("{0,0")     # found by the property below: E003 was lost without marks


@settings(max_examples=500, deadline=None)
@given(YAMLISH)
def test_fast_reader_agrees_on_yaml_like_text(text):
    same_result(text)


@settings(max_examples=300, deadline=None)
@given(PLAIN_VALUES, st.booleans())
def test_fast_reader_agrees_on_documents(value, flow):
    same_result(yaml.safe_dump(value, default_flow_style=flow))


def test_fast_reader_agrees_on_levels():
    from game.content.generate import generate_level_text
    from game.content.loader import bundled_levels

    for path in bundled_levels():
        same_result(path.read_text(encoding="utf-8-sig"))
    same_result(generate_level_text(50))


def test_a_syntax_error_on_a_line_that_looks_right_points_above():
    """A missing colon shows up on the next line; the hint says to look one line up."""
    text = "title: A level\nstart home\nid: market\n"
    _, _, diags = read_yaml(text, "t.yaml")
    assert [d.code for d in diags] == ["E001"]
    assert diags[0].line == 3 and "line 2 above it" in diags[0].hint
    text = "title: Noon: the bank\n"   # the line itself is wrong: no pointing up
    _, _, diags = read_yaml(text, "t.yaml")
    assert "above it" not in diags[0].hint and "`title: >-`" in diags[0].hint


DEEP = ["title: ok\nextra: " + "[" * 20_000 + "\n",          # nesting on line 2, never closed
        "title: ok\nextra: " + "[" * 20_000 + "]" * 20_000 + "\n",
        "a: 1\nb:\n  - c: [[[[" + "[" * 3_000 + "\n"]


@pytest.mark.parametrize("text", DEEP, ids=["unclosed", "closed", "in a block"])
def test_deep_nesting_below_the_first_line_is_refused_quickly(text):
    start = time.perf_counter()
    data, _, diags = read_yaml(text, "deep.yaml", marks=False)
    assert data is None and codes(diags) == ["E006"]
    assert diags[0].line == text.count("\n", 0, text.index("[[[")) + 1
    assert time.perf_counter() - start < HANG_SECONDS


def test_a_long_line_with_a_stray_bracket_is_refused_quickly():
    text = "title: ok\nextra: [" + "a, " * 1_000_000 + "a]]\n"
    start = time.perf_counter()
    _, _, diags = read_yaml(text, "stray.yaml", marks=False)
    assert codes(diags) == ["E001"] and diags[0].line == 2
    assert time.perf_counter() - start < HANG_SECONDS


def test_a_half_character_escape_is_blamed_on_its_own_line():
    text = 'id: x\ntitle: "A \\ud800 day"\n'
    d = only(read_yaml(text, "t.yaml")[2], "E001")
    assert d.line == 2 and "above" not in d.hint and "\\ud800" in d.hint


@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\a", "\\x9b", "\\u202e", "\\u2066", "\\r"])
def test_a_hidden_character_in_a_text_is_refused_where_it_is(escape):
    text = f'id: x\nscenes:\n  a:\n    title: "one{escape}two"\n'
    data, _, diags = read_yaml(text, "t.yaml", marks=False)
    d = only(diags, "E014")
    assert (d.line, d.column) == (4, 12) and "U+" in d.message and "\\" in d.hint


def test_a_hidden_character_in_a_key_is_refused_at_the_key():
    d = only(read_yaml('id: x\n"k\\ey": 1\n', "t.yaml")[2], "E014")
    assert (d.line, d.column) == (2, 1)


def test_new_lines_and_tabs_are_not_hidden_characters():
    data, _, diags = read_yaml('text: "one\\ntwo\\tthree"\n', "t.yaml")
    assert diags == [] and data == {"text": "one\ntwo\tthree"}
