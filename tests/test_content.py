"""The content loader: its API, the bundled levels, generated levels, the JSON Schema, the
table of codes, and that no input whatever makes it raise."""
from __future__ import annotations

import gc
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import Loaded, bundled_levels, load_level, load_text
from game.content.campaign import check_campaign
from game.content.checks import CHECKS, WHOLE_LEVEL
from game.content.codes import CODES, explain, severity
from game.content.generate import generate_level_text
from game.content.schema import level_schema
from game.content.yamlsafe import read_yaml
from game.core.model import Level

from test_diagnostics import BASE, changed

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "game" / "content"
SCHEMA_FILE = REPO / "docs" / "level.schema.json"


def _sources() -> list[tuple[str, str]]:
    """(name, text) of every bundled level, and of the tests' own base level."""
    found = [(p.name, p.read_text(encoding="utf-8")) for p in bundled_levels()]
    return found + [("base (tests)", BASE)]


SOURCES = _sources()


# ---------------------------------------------------------------- the API

def test_loaded_ok_errors_and_level():
    good = load_text(BASE, "good.yaml")
    assert isinstance(good, Loaded) and good.ok and good.errors == []
    assert isinstance(good.level, Level) and good.path == "good.yaml"
    assert good.lines[0] == "format: 1"
    bad = load_text(changed("start: home", "start: hom"), "bad.yaml")
    assert not bad.ok and bad.level is None and [d.code for d in bad.errors] == ["E201"]


def test_warnings_keep_the_level():
    loaded = load_text(changed("threshold: 950}", "threshold: null}"), "w.yaml")
    assert loaded.ok and loaded.level is not None
    assert [d.code for d in loaded.warnings] == ["W301"] and loaded.errors == []


def test_marks_locate_parts_of_the_file():
    loaded = load_text(BASE, "base.yaml")
    assert loaded.marks[("scenes", "street", "__key__")] == (41, 3)


def test_load_level_reads_a_file(tmp_path):
    path = tmp_path / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    loaded = load_level(path)
    assert loaded.ok and loaded.path == str(path) and loaded.level.title == "Base level"


def test_bundled_levels_are_sorted_yaml_files():
    found = bundled_levels()
    assert found == sorted(found)
    assert all(p.suffix == ".yaml" and p.is_file() for p in found)


@pytest.mark.parametrize("name, text", SOURCES, ids=[n for n, _ in SOURCES])
def test_every_level_loads_without_errors(name, text):
    loaded = load_text(text, name)
    assert loaded.ok, loaded.format()


def test_bundled_levels_together_compare_every_baseline_pair():
    loaded = [load_level(p) for p in bundled_levels()]
    assert check_campaign(loaded) == []


def test_campaign_warns_about_a_one_sided_pair():
    only_scored = load_text(BASE.replace("    scored: false\n", ""), "one.yaml")
    assert only_scored.ok
    found = check_campaign([only_scored])
    assert [(d.code, d.path, d.line, d.column) for d in found] == [("W307", "one.yaml", 27, 3)]
    assert check_campaign([load_text(BASE, "both.yaml")]) == []


# ---------------------------------------------------------------- generated levels

@pytest.mark.parametrize("scenes", [1, 2, 3, 50])
def test_generated_levels_are_valid_and_clean(scenes):
    loaded = load_text(generate_level_text(scenes), f"<generated {scenes}>")
    assert loaded.diagnostics == [], loaded.format()
    assert len(loaded.level.scenes) == scenes
    assert all(len(s.choices) == 3 for s in loaded.level.scenes.values())


def test_a_loaded_level_goes_straight_to_the_old_generation():
    """Loading pauses the cyclic GC and then moves what it built to the oldest generation,
    so no young collection walks a big level again (see `yamlsafe.gc_paused`)."""
    loaded = load_text(generate_level_text(50), "<generated 50>")
    young = {id(thing) for generation in (0, 1) for thing in gc.get_objects(generation)}
    assert gc.isenabled()
    assert id(loaded.level) not in young and id(loaded.level.scenes["s1"]) not in young


def test_generated_level_with_a_mistake_is_located():
    text = generate_level_text(200).replace("goto: s150\n", "goto: s15O\n", 1)
    loaded = load_text(text, "gen.yaml")
    assert [d.code for d in loaded.diagnostics] == ["E202"]
    diag = loaded.diagnostics[0]
    assert loaded.lines[diag.line - 1][diag.column - 1:] == "s15O"


# ---------------------------------------------------------------- the JSON Schema

def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.is_file(), "regenerate it: python -m game schema > docs/level.schema.json"
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == level_schema(), (
        "docs/level.schema.json is out of date; regenerate it with "
        "`python -m game schema > docs/level.schema.json`")


def _integers(node, at=()):
    """(path, schema) of every integer in a JSON Schema."""
    if isinstance(node, dict):
        if node.get("type") == "integer":
            yield at, node
        for key, value in node.items():
            yield from _integers(value, at + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _integers(value, at + (i,))


def test_every_whole_number_of_a_level_is_bounded():
    """A 4,000-digit score must be refused by `validate`, not crash `analyze` and play."""
    found = list(_integers(level_schema()))
    assert len(found) > 20
    unbounded = [at for at, node in found if "minimum" not in node or "maximum" not in node]
    assert unbounded == []
    assert all(node["maximum"] <= 10**6 for _, node in found)


@pytest.mark.parametrize("old, new, code", [
    ("  start: 1000", "  start: 1" + "0" * 3999, "E106"),
    ("money: 100}", "money: -10000000}", "E106"),
    ("  min: 0\n  max: 1300", "  min: 1300\n  max: 0", "E223"),
], ids=["4,000 digits", "below the limit", "min above max"])
def test_numbers_out_of_range_are_refused_where_they_are(old, new, code):
    text = (REPO / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    loaded = load_text(text, "range.yaml")
    assert [d.code for d in loaded.errors] == [code], loaded.format()
    line = loaded.lines[loaded.errors[0].line - 1]
    assert new.splitlines()[0].strip().rstrip("}")[:12] in line


def test_schema_head_and_descriptions():
    schema = level_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["$id"] and schema["title"]
    assert schema["properties"]["format"]["enum"] == [1]
    missing = [f"{where}.{name}" for where, props in _properties(schema)
               for name, prop in props.items() if not prop.get("description")]
    assert missing == []


def _properties(schema: dict):
    yield "Level", schema["properties"]
    for name, definition in schema["$defs"].items():
        yield name, definition.get("properties", {})


def test_schema_uses_the_names_written_in_files():
    defs = level_schema()["$defs"]
    assert "not" in defs["Condition"]["properties"] and "if" in defs["Effect"]["properties"]
    assert "else" in defs["Branch"]["properties"]


# ---------------------------------------------------------------- codes

def _codes_in_source() -> set[str]:
    found = set()
    for path in CONTENT.glob("*.py"):
        if path.name != "codes.py":
            found |= set(re.findall(r'"([EW]\d{3})"', path.read_text(encoding="utf-8")))
    return found


def test_every_code_used_anywhere_is_explained():
    used = _codes_in_source()
    assert {"E001", "E003", "E011", "E012", "E101", "E202", "W306", "W307"} <= used
    assert used - set(CODES) == set(), "add these codes to game/content/codes.py"


def test_every_code_in_the_table_is_used():
    assert set(CODES) - _codes_in_source() == set()


def test_codes_are_well_formed_and_explained():
    for code, entry in CODES.items():
        assert re.fullmatch(r"[EW]\d{3}", code)
        assert severity(code) == ("warning" if code[0] == "W" else "error")
        assert entry.title and len(entry.explanation) > 60 and entry.wrong and entry.fixed
        assert entry.wrong != entry.fixed
        assert explain(code).startswith(f"{code} ") and entry.fixed.splitlines()[0] in explain(code)
    assert "no code" in explain("E999")


@pytest.mark.parametrize("code", sorted(CODES))
def test_fixed_examples_are_clean_yaml(code):
    _, _, diagnostics = read_yaml(CODES[code].fixed, "example.yaml")
    assert diagnostics == []


@pytest.mark.parametrize("code", ["E001", "E002", "E003", "E004", "E008", "E009", "E010"])
def test_wrong_yaml_examples_give_their_code(code):
    _, _, diagnostics = read_yaml(CODES[code].wrong, "example.yaml")
    assert code in [d.code for d in diagnostics]


def test_each_check_has_its_own_code():
    codes = [re.match(r"([EW]\d{3})", check.__doc__).group(1) for check in CHECKS]
    assert len(codes) == len(set(codes)) == len(CHECKS)
    assert all(c in CODES for c in codes)
    assert WHOLE_LEVEL <= set(CHECKS)


# ---------------------------------------------------------------- never an exception

_KEYS = sorted({"format", "id", "title", "start", "scenes", "endings", "choices", "goto", "text",
                "basis", "rulesets", "personas", "needs", "effects", "name", "tier", "all",
                "not", "if", "else", "when", "then", "score", "tiers", "services", "rules",
                "seen_by", "contacts", "cut", "rating", "stars", "baseline", "pair", "x", "0"})
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                     st.floats(allow_nan=True), st.text(max_size=12),
                     st.sampled_from(["fiction", "office", "1", "street", "A"]))
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(_KEYS), st.text(max_size=6)),
                                            inner, max_size=5)),
    max_leaves=40)


def _never_raises(text: str) -> Loaded:
    loaded = load_text(text, "fuzz.yaml")
    assert isinstance(loaded, Loaded)
    assert loaded.level is not None or loaded.errors
    for diag in loaded.diagnostics:
        assert diag.code in CODES and diag.line >= 1 and diag.column >= 1 and diag.hint
    return loaded


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENTS, st.booleans())
def test_random_documents_never_raise(document, with_format):
    if with_format and isinstance(document, dict):
        document = {"format": 1, **document}
    _never_raises(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(_KEYS), _DOCUMENTS, max_size=8))
def test_random_changes_to_the_base_never_raise(patch):
    data = yaml.safe_load(BASE)
    data.update(patch)
    _never_raises(yaml.safe_dump(data, allow_unicode=True))


def _mutate(text: str, data) -> str:
    lines = text.split("\n")
    pick = lambda: data.draw(st.integers(0, len(lines) - 1))  # noqa: E731
    kind = data.draw(st.sampled_from(["delete", "duplicate", "swap", "char", "indent"]))
    i = pick()
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = pick()
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "char" and lines[i]:
        at = data.draw(st.integers(0, len(lines[i]) - 1))
        char = data.draw(st.sampled_from(list(":-[]{}#&*!|>'\"\t x0")) | st.characters())
        lines[i] = lines[i][:at] + char + lines[i][at + 1:]
    elif kind == "indent":
        shift = data.draw(st.sampled_from([-4, -2, -1, 1, 2, 4]))
        lines[i] = " " * shift + lines[i] if shift > 0 else lines[i][-shift:]
    return "\n".join(lines)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SOURCES), st.data())
def test_mutated_levels_never_raise(source, data):
    text = source[1]
    for _ in range(data.draw(st.integers(1, 3))):
        text = _mutate(text, data)
    _never_raises(text)


def test_every_kind_of_mapping_has_a_name_for_authors():
    import inspect

    from pydantic import BaseModel

    from game.content.messages import NOUNS
    from game.core import model

    kinds = {name for name, obj in inspect.getmembers(model, inspect.isclass)
             if issubclass(obj, BaseModel) and obj.__module__ == model.__name__
             and not name.startswith("_")}
    assert kinds - set(NOUNS) == set()


def test_an_unexpected_schema_problem_still_reads_well():
    from game.content.messages import describe
    from game.content.modelpath import walk

    err = {"type": "string_too_long", "loc": ("title",), "msg": "String should have...",
           "input": "x" * 999}
    found = describe(err, ("title",), walk(("title",)), {}, [])
    assert found.code == "E199" and found.message == "`title` is not valid here" and found.hint
