"""Text from someone else's file in the window, the terminal and the authoring tools: a long
unbroken word, a huge title, a hidden character or a level too big to search or draw never
freezes, crashes or takes over anything. (Time bounds are generous: the issue is a hang.)"""
from __future__ import annotations

import os
import sys
import time

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import cli, errors, safetext  # noqa: E402
from game.authoring import analyze, graph  # noqa: E402
from game.content import load_text  # noqa: E402
from game.ui.textcache import TextCache  # noqa: E402

MINI = Path(__file__).parent / "fixtures" / "mini.yaml"
# Hostile input must be refused quickly, not hang. The bound is a hang guard, generous so a
# busy machine never fails it; speed budgets live in `python -m game bench`, not in tests.
HANG_SECONDS = 3.0


@pytest.fixture(scope="module")
def font():
    pygame.font.init()
    return pygame.font.Font(None, 24)


@pytest.mark.parametrize("word", ["x" * 2000, "9" * 4000, "https://example.org/" + "a" * 3000],
                         ids=["2,000 letters", "4,000 digits", "a pasted link"])
def test_a_long_unbroken_word_lays_out_in_milliseconds(font, word):
    cache = TextCache()
    start = time.perf_counter()
    layout = cache.layout(font, f"Before {word} after.", 400, 30)
    assert time.perf_counter() - start < HANG_SECONDS
    assert "".join(layout.lines).replace(" ", "") == f"Before{word}after."
    assert all(font.size(line)[0] <= 400 for line in layout.lines)
    assert len(layout.lines) > 2


def test_a_huge_title_is_fitted_once_and_quickly(font):
    cache = TextCache()
    title = "t" * 10_000_000
    start = time.perf_counter()
    fitted = cache.fit(font, title, 300)
    assert time.perf_counter() - start < HANG_SECONDS
    assert fitted.endswith("…") and font.size(fitted)[0] <= 300
    start = time.perf_counter()
    for _ in range(60):   # a second of frames
        assert cache.fit(font, title, 300) == fitted
    assert time.perf_counter() - start < HANG_SECONDS


@pytest.mark.parametrize("text", ["A\x00B", "\x1b]0;x\x07\x1b[2J", "A\u202eB", "lone \ud800"])
def test_the_window_draws_hidden_characters_instead_of_crashing(font, text):
    cache = TextCache()
    assert cache.render(font, text, (0, 0, 0)).get_width() > 0
    layout = cache.layout(font, text, 300, 30)
    assert not any(safetext.HIDDEN.search(line) for line in layout.lines)
    assert not safetext.HIDDEN.search(cache.fit(font, text, 300))


def test_everything_the_command_line_prints_goes_through_shown(capsys):
    with safetext.terminal_guarded():
        print("title \x1b]0;owned\x07\x1b[2J \u202e end")
        sys.stderr.write("\x00 and \x9b\n")
    out, err = capsys.readouterr()
    assert out == "title \ufffd]0;owned\ufffd\ufffd[2J \ufffd end\n"
    assert err == "\ufffd and \ufffd\n"


# ---------------------------------------------------------------- authoring tools

def _flags_level(flags: int, personas: int, rulesets: int) -> str:
    """A level of `flags` scenes, each setting one flag or not: 2**flags situations."""
    out = ["format: 1", "id: flags", "title: Flags", "start: s0",
           "personas:"] + [f"  p{i}: {{name: P{i}, description: D}}" for i in range(personas)]
    out += ["rulesets:"] + [f"  r{i}: {{name: R{i}}}" for i in range(rulesets)]
    out += ["scenes:"]
    for i in range(flags):
        nxt = f"goto: s{i + 1}" if i + 1 < flags else "finish: true"
        out += [f"  s{i}:", f"    title: S{i}", "    text: T", "    basis: fiction",
                "    choices:", f"      - {{id: a, text: A, effects: [{{set: f{i}}}], {nxt}}}",
                f"      - {{id: b, text: B, {nxt}}}"]
    out += ["endings:", "  e:", "    title: E", "    text: E",
            "    when: {all: [" + ", ".join(f"{{flag: f{i}}}" for i in range(flags)) + "]}",
            "  other: {title: O, text: O}"]
    return "\n".join(out) + "\n"


def test_one_analyze_run_shares_its_budget_among_all_searches(monkeypatch):
    monkeypatch.setattr(analyze, "RUN_STATES", 36 * 300)
    monkeypatch.setattr(analyze, "MIN_SHARE", 100)
    monkeypatch.setenv("SINCERITY_ANALYZE_WORKERS", "1")
    loaded = load_text(_flags_level(16, 6, 6), "flags.yaml")
    assert loaded.ok, loaded.format()
    report = analyze.analyze_loaded([loaded])[0]
    assert len(report.results) == 36
    assert all(not r.complete and r.states <= 300 + 64 for r in report.results)
    notes = [d for d in report.problems if d.code == "A408"]
    assert len(notes) == 36 and "analyze this level alone" in notes[0].hint


def test_the_budget_leaves_the_bundled_levels_complete():
    assert analyze.share(18) >= 50_000       # the bundled levels need 24,477 at most
    assert analyze.share(36) * 36 <= analyze.RUN_STATES
    assert analyze.share(1) == analyze.MAX_STATES


def _big_level(scenes: int) -> str:
    out = ["format: 1", "id: big", "title: Big", "start: s0",
           "personas: {p: {name: P, description: D}}", "rulesets: {r: {name: R}}", "scenes:"]
    for i in range(scenes):
        nxt = f"goto: s{i + 1}" if i + 1 < scenes else "finish: true"
        out.append(f"  s{i}: {{title: T, text: X, basis: fiction, choices: "
                   f"[{{id: a, text: Go, {nxt}}}]}}")
    return "\n".join(out + ["endings:", "  e: {title: E, text: E}"]) + "\n"


def test_graph_refuses_to_draw_a_level_too_big_for_a_picture(tmp_path, capsys):
    level = tmp_path / "big.yaml"
    level.write_text(_big_level(graph.MAX_DRAWN + 1), encoding="utf-8")
    start = time.perf_counter()
    assert cli.main(["graph", str(level), "-o", str(tmp_path / "big.svg")]) == \
        errors.USAGE_ERROR
    assert time.perf_counter() - start < 30
    err = capsys.readouterr().err
    assert "too many to draw" in err and ".mmd" in err
    assert not (tmp_path / "big.svg").exists()
    assert cli.main(["graph", str(level), "-o", str(tmp_path / "big.mmd")]) == errors.OK


def test_graph_stops_dot_when_it_takes_too_long(tmp_path, capsys, monkeypatch):
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(30)\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(graph, "DOT_SECONDS", 1)
    start = time.perf_counter()
    assert cli.main(["graph", str(MINI), "-o", str(tmp_path / "x.svg"), "--graphviz"]) == \
        errors.USAGE_ERROR
    assert time.perf_counter() - start < 20
    assert "stopped after 1 seconds" in capsys.readouterr().err

