"""The command line: exit codes (0 fine, 1 content, 2 usage), JSON outputs, and no traceback
ever reaching a user. Most tests run `python -m game` in a subprocess, as a user would."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli, errors
from game.cli import support as cli_support

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "mini.yaml"
FIELDS = {"code", "severity", "path", "line", "column", "message", "hint"}


def run(*args: str, stdin: str = "", env: dict | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m game ARGS`; never shows a traceback, whatever the exit code."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "game", *args], input=stdin, text=True,
                          capture_output=True, timeout=300, env=full_env,
                          cwd=cwd or REPO, encoding="utf-8")
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


def bad_level(tmp_path: Path) -> Path:
    """The mini level with a scene name misspelt in a `goto`."""
    text = MINI.read_text(encoding="utf-8").replace("goto: station", "goto: statoin", 1)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def bundled_ids() -> list[str]:
    return [item["id"] for item in json.loads(run("levels", "--json").stdout)["levels"]]


# ---------------------------------------------------------------- validate

def test_validate_good_file_exits_0():
    proc = run("validate", str(MINI))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 fine" in proc.stdout


def test_validate_bad_file_exits_1_with_located_problem(tmp_path):
    bad = bad_level(tmp_path)
    proc = run("validate", str(bad))
    assert proc.returncode == 1
    assert f"{bad}:" in proc.stdout
    assert "statoin" in proc.stdout  # the source line is shown
    assert "^" in proc.stdout


def test_validate_missing_file_exits_2(tmp_path):
    proc = run("validate", str(tmp_path / "nowhere.yaml"))
    assert proc.returncode == 2
    assert "nowhere.yaml" in proc.stderr


def test_validate_folder(tmp_path):
    (tmp_path / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("validate", str(tmp_path)).returncode == 0
    bad_level(tmp_path)
    assert run("validate", str(tmp_path)).returncode == 1


def test_validate_json_lists_problems(tmp_path):
    proc = run("validate", str(bad_level(tmp_path)), "--json")
    assert proc.returncode == 1
    problems = json.loads(proc.stdout)
    assert problems and all(FIELDS <= set(p) for p in problems)
    assert json.loads(run("validate", str(MINI), "--json").stdout) == []


def test_validate_bundled_levels_by_default():
    proc = run("validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ---------------------------------------------------------------- levels and schema

def test_levels_json_fields():
    proc = run("levels", "--json")
    assert proc.returncode == 0, proc.stderr
    levels = json.loads(proc.stdout)["levels"]
    assert isinstance(levels, list)
    keys = {"id", "title", "path", "minutes", "order", "description", "personas", "rulesets"}
    for item in levels:
        assert keys <= set(item)
        assert Path(item["path"]).is_file()
        assert item["personas"] and item["rulesets"]
    orders = [item["order"] for item in levels]
    assert orders == sorted(orders)


def test_levels_lists_tutorial():
    assert (REPO / "levels" / "tutorial.yaml").is_file()
    assert "tutorial" in bundled_ids()


def test_schema_is_json():
    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    text = json.dumps(schema)
    assert "scenes" in text and "rulesets" in text


# ---------------------------------------------------------------- usage errors

@pytest.mark.parametrize("args, words", [
    (["frobnicate"], "unknown command"),
    (["play", "--bogus"], "unknown option"),
    (["play", "--seed", "many"], "whole number"),
    (["validate", "--jsn"], "unknown option"),
    (["play", "--choices", "1,x"], "1,3,2"),
])
def test_usage_errors_exit_2_plainly(args, words):
    proc = run(*args)
    assert proc.returncode == 2
    assert words in proc.stderr
    assert "usage:" not in proc.stderr


@pytest.mark.parametrize("option, value, listed", [
    ("--persona", "astronaut", "urban, rural"),
    ("--ruleset", "lenient", "strict, stars"),
    ("--start-at", "moon", "day_zero, crossing"),
    ("--preset", "nope", "at_station"),
])
def test_bad_play_options_list_the_valid_ones(option, value, listed):
    proc = run("play", "--level", str(MINI), "--text", option, value)
    assert proc.returncode == 2
    assert value in proc.stderr and listed in proc.stderr


def test_unknown_level_id_lists_levels():
    proc = run("play", "--level", "no_such_level", "--text")
    assert proc.returncode == 2
    assert "no_such_level" in proc.stderr and "the levels are" in proc.stderr


def test_missing_level_file_exits_2(tmp_path):
    proc = run("play", "--level", str(tmp_path / "gone.yaml"), "--text")
    assert proc.returncode == 2


def test_invalid_level_exits_1_with_diagnostics(tmp_path):
    bad = bad_level(tmp_path)
    proc = run("play", "--level", str(bad), "--text")
    assert proc.returncode == 1
    assert f"{bad}:" in proc.stderr and "statoin" in proc.stderr


# ---------------------------------------------------------------- unexpected errors

def _boom(args):
    raise RuntimeError("boom in the levels command")


def test_unexpected_error_writes_a_log_not_a_traceback(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(errors, "_log_dir", lambda: tmp_path)
    monkeypatch.setitem(cli.COMMANDS, "levels", _boom)
    assert cli.main(["levels"]) == errors.INTERNAL_ERROR
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert "boom in the levels command" in err
    logs = list(tmp_path.glob("*.log"))
    assert len(logs) == 1 and str(logs[0]) in err
    assert "Traceback" in logs[0].read_text(encoding="utf-8")


def test_log_goes_to_a_temp_file_when_the_log_folder_fails(monkeypatch, capsys, tmp_path):
    def unwritable():
        raise PermissionError("read-only")

    monkeypatch.setattr(errors, "_log_dir", unwritable)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setitem(cli.COMMANDS, "levels", _boom)
    assert cli.main(["levels"]) == errors.INTERNAL_ERROR
    err = capsys.readouterr().err
    logs = list(tmp_path.glob("sincerity-crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in err


def test_unexpected_error_in_a_real_process(tmp_path):
    code = ("import sys, game.cli as c\n"
            "c.COMMANDS['levels'] = lambda args: 1 / 0\n"
            "sys.exit(c.main(['levels']))\n")
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == errors.INTERNAL_ERROR
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    log = Path(proc.stderr.split("The full details are in: ")[1].strip())
    assert log.is_file() and "ZeroDivisionError" in log.read_text(encoding="utf-8")


def test_plain_argparse_messages():
    assert cli_support.plain_message("unrecognized arguments: --x") == "unknown option: --x"
    assert "needs a whole number" in cli_support.plain_message(
        "argument --seed: invalid int value: 'x'")


# ---------------------------------------------------------------- in process

def test_levels_in_process(capsys):
    assert cli.main(["levels", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out)["levels"], list)


def test_validate_in_process(capsys):
    assert cli.main(["validate", str(MINI), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


# ---------------------------------------------------------------- bench

@pytest.mark.slow   # runs the benchmark, with its subprocesses
def test_bench_json_has_every_core_figure():
    proc = run("bench", "--json", env={"SINCERITY_BENCH_QUICK": "1"})
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout)
    for name in ("validate_bundled_ms", "validate_1k_ms", "validate_5k_ms", "validate_10k_ms",
                 "engine_steps_per_s"):
        assert set(figures[name]) == {"value", "unit", "budget"}, name
    assert figures["validate_bundled_ms"]["budget"] == 100
    assert figures["validate_10k_ms"]["budget"] == 1000
    assert figures["validate_1k_ms"]["budget"] is None
    assert figures["validate_10k_ms"]["value"] > 0
    budgets = {name: figures[name]["budget"] for name in (
        "analyze_campaign_ms", "analyze_campaign_wall_ms", "analyze_chapter_max_ms",
        "analyze_2pow30_ms", "analyze_5k_ms")}
    assert budgets == {"analyze_campaign_ms": None, "analyze_campaign_wall_ms": 4000,
                       "analyze_chapter_max_ms": 1500, "analyze_2pow30_ms": 100,
                       "analyze_5k_ms": 3000}   # wall time per chapter and campaign
    assert figures["analyze_chapter_max_ms"]["value"] > 0
    assert figures["serve_choice_p99_ms"]["budget"] == 50
    assert figures["serve_page_kb"]["budget"] == 300
    assert figures["serve_students"]["value"] == 40
    assert 0 < figures["serve_page_kb"]["value"] and figures["serve_choice_p99_ms"]["value"] > 0
    for fig in figures.values():
        assert set(fig) == {"value", "unit", "budget"}


def test_bench_table(monkeypatch, capsys):
    from game.cli import bench

    monkeypatch.setattr(bench, "collect", lambda quick: (
        {"validate_10k_ms": bench.figure(12.345, "ms", 1000)}, ["a note"]))
    assert bench.main(as_json=False) == 0
    out = capsys.readouterr().out
    assert "validate_10k_ms" in out and "12.35" in out and "ok" in out and "a note" in out
