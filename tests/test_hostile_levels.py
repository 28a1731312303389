"""Hostile level files, one KIND of input at a time, through every command that reads levels:
each is refused with a located message (or, where the file is fine, never crashes), quickly,
and nothing from the file drives the terminal. The files are made here, in tmp_path: small
generators, no multi-megabyte files in the repository."""
from __future__ import annotations

import io
import json
import os
import time

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from game import cli, errors  # noqa: E402
from game.ui.levels import load_path  # noqa: E402

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
TEXT = MINI.read_text(encoding="utf-8")
SECONDS = 3.0   # "refused quickly": a hang guard with room for a busy machine (budgets: bench)


def _mini(old: str, new: str) -> str:
    assert old in TEXT
    return TEXT.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# kind -> (text, code expected, the line it must point at)
def _kinds() -> dict[str, tuple[str, str, int]]:
    deep = _mini("order: 5\n", "order: 5\nextra: " + "[" * 20_000 + "\n")
    deep_map = _mini("order: 5\n", "order: 5\nextra: " + "{a: " * 5_000 + "\n")
    stray = _mini("order: 5\n", "order: 5\nextra: [" + "a, " * 300_000 + "a]]\n")
    quote = TEXT + "extra: \"" + "a" * 4_000_000 + "\n"   # the quote runs to the end
    kinds = {
        "nesting past libyaml's limit below line 1": (deep, "E006", _line_of(deep, "extra:")),
        "deep mappings below line 1": (deep_map, "E006", _line_of(deep_map, "extra:")),
        "a megabyte line with a stray bracket": (stray, "E001", _line_of(stray, "extra:")),
        "a 4 MB quote never closed": (quote, "E001", _line_of(quote, "extra:")),
    }
    for name, escape in (("NUL", "\\0"), ("ESC", "\\e]0;owned\\a\\e[2J"), ("bidi", "\\u202e")):
        text = _mini("title: A short day", f'title: "A short{escape} day"')
        kinds[f"a {name} escape in a text"] = (text, "E014", _line_of(text, "title: \"A"))
    huge = _mini("  start: 1000", "  start: " + "9" * 4000)
    kinds["a 4,000-digit number"] = (huge, "E106", _line_of(huge, "  start: 99"))
    upside = _mini("  min: 0\n  max: 1300", "  min: 1300\n  max: 0")
    kinds["score min above max"] = (upside, "E223", _line_of(upside, "  min: 1300"))
    return kinds


KINDS = _kinds()
COMMANDS = {
    "validate": lambda f, tmp: ["validate", f],
    "validate --json": lambda f, tmp: ["validate", "--json", f],
    "analyze": lambda f, tmp: ["analyze", f],
    "graph": lambda f, tmp: ["graph", f, "-o", str(tmp / "g.mmd")],
    "play --text": lambda f, tmp: ["play", "--text", "--level", f],
    "compat": lambda f, tmp: ["compat", f, str(MINI)],
}


@pytest.fixture()
def quiet_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_level_is_refused_located_and_quickly(kind, command, tmp_path, capsys,
                                                       quiet_stdin):
    text, code, line = KINDS[kind]
    level = tmp_path / "hostile.yaml"
    level.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    rc = cli.main(COMMANDS[command](str(level), tmp_path))
    elapsed = time.perf_counter() - start
    out, err = capsys.readouterr()
    assert rc == errors.CONTENT_PROBLEM, (rc, out[-2000:], err[-2000:])
    if command == "validate --json":
        found = [(d["code"], d["line"]) for d in json.loads(out)]
        assert (code, line) in found
    else:
        assert f"{level}:{line}:" in out + err and f"[{code}]" in out + err
    assert "\x1b" not in out + err and "\u202e" not in out + err and "\x00" not in out + err
    assert elapsed < SECONDS


@pytest.mark.parametrize("kind", KINDS)
def test_the_window_refuses_a_hostile_level_with_its_line(kind, tmp_path):
    text, code, line = KINDS[kind]
    level = tmp_path / "hostile.yaml"
    level.write_text(text, encoding="utf-8")
    chapter = load_path(level)
    assert not chapter.ok and chapter.level is None
    assert any(f"{level}:{line}:" in p and f"[{code}]" in p for p in chapter.problems)


def test_a_hostile_level_named_by_a_classroom_file_is_a_broken_chapter(tmp_path, capsys):
    text, _, _ = KINDS["nesting past libyaml's limit below line 1"]
    (tmp_path / "deep.yaml").write_text(text, encoding="utf-8")
    room = tmp_path / "classroom.yaml"
    room.write_text("format: 1\nchapters: [deep.yaml]\nexport_folder: out\n", encoding="utf-8")
    assert cli.main(["validate", str(room)]) == errors.CONTENT_PROBLEM
    out = capsys.readouterr().out
    assert f"{room}:2:" in out and "[C106]" in out


def test_many_problems_of_one_kind_are_counted_not_all_printed(tmp_path, capsys):
    scenes = "".join(f"  s{i}:\n    title: T\n    text: X\n    choices: [{{id: a, text: Go, "
                     f"goto: {'s%d' % (i + 1) if i < 199 else 'end'}}}]\n" for i in range(200))
    text = TEXT[: TEXT.index("scenes:")] + "scenes:\n" + scenes + \
        "endings:\n  end: {title: E, text: E}\n"
    text = text.replace("start: day_zero", "start: s0")
    level = tmp_path / "many.yaml"
    level.write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(level)]) == errors.CONTENT_PROBLEM
    out = capsys.readouterr().out
    assert out.count("[E102]") == 20
    assert f"{level}: …and 180 more like this (E102)" in out
    assert cli.main(["validate", "--json", str(level)]) == errors.CONTENT_PROBLEM
    assert sum(d["code"] == "E102" for d in json.loads(capsys.readouterr().out)) == 200


def test_a_raw_bidi_character_never_reaches_the_terminal(tmp_path, capsys):
    level = tmp_path / "bidi.yaml"
    level.write_text(_mini("title: A short day", "title: A \u202e short day"), encoding="utf-8")
    assert cli.main(["validate", str(level)]) == errors.CONTENT_PROBLEM
    out = capsys.readouterr().out
    assert "[E014]" in out and "U+202E" in out
    assert "\u202e" not in out and "title: A \ufffd short day" in out   # the quoted line too
