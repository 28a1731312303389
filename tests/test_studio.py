"""`python -m game studio`: its endpoints on 127.0.0.1 (the game's diagnostics as marks with
a certain quick fix, the preview that keeps playing the last good version, the story map,
the atomic save with its backup) and what it refuses: another host, a request without the
run's secret, hostile bodies."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from game.studio.marks import fix_of, word_at
from game.studio.server import MAX_BODY
from studio_helpers import EXAMPLE, ROOT, StudioProcess, post, request, studio_served


@pytest.fixture
def level(tmp_path):
    path = tmp_path / "market.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def studio(level):
    with studio_served(level) as (port, s):
        yield port, s


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_page_carries_the_run_secret_and_its_own_editor(studio):
    port, s = studio
    status, page = request(port, "GET", "/", headers={"host": f"127.0.0.1:{port}"})
    assert status == 200 and s.secret.encode() in page
    assert b'src="/static/editor.js"' in page and b"http" not in page.split(b"<body")[0] \
        .replace(b"http-equiv", b"")
    status, js = request(port, "GET", "/static/editor.js")
    assert status == 200 and b"EditorView" in js


def test_another_host_is_refused(studio):
    port, s = studio
    for host in ("evil.example", f"evil.example:{port}", f"192.168.1.5:{port}", "127.0.0.1"):
        status, body = request(port, "GET", "/", headers={"host": host})
        assert status == 403, host
        assert s.secret.encode() not in body
    status, _ = request(port, "GET", "/", headers={"host": f"localhost:{port}"})
    assert status == 200


def test_a_post_without_the_secret_or_from_elsewhere_is_refused(studio, level):
    port, s = studio
    text = level.read_text(encoding="utf-8")
    assert post(port, "wrong", "/save", {"text": "x"})[0] == 403
    assert post(port, "", "/check", {"text": text})[0] == 403
    assert post(port, s.secret, "/save", {"text": "x"},
                {"origin": "http://evil.example"})[0] == 403
    assert level.read_text(encoding="utf-8") == text   # nothing was written


@pytest.mark.parametrize("body, headers, status", [
    (b"text=1", {"content-type": "application/x-www-form-urlencoded"}, 415),
    (b"{not json", {}, 400),
    (b"[1, 2]", {}, 400),
    (b'{"text": 5}', {}, 400),
    (b"\xff\xfe", {}, 400),
])
def test_hostile_bodies_are_refused(studio, body, headers, status):
    port, s = studio
    sent = {"content-type": "application/json", "x-studio-token": s.secret} | headers
    assert request(port, "POST", "/check", body, sent)[0] == status


def test_a_body_too_big_is_refused_before_it_is_read(studio):
    port, s = studio
    headers = {"content-type": "application/json", "x-studio-token": s.secret,
               "content-length": str(MAX_BODY + 1)}
    assert request(port, "POST", "/check", b"{}", headers)[0] == 413


@pytest.mark.parametrize("data", [
    {"choices": ["a"] * 1000}, {"choices": [5]}, {"choices": "stall"},
    {"persona": "x" * 500}, {"seed": "1"}, {"seed": -1},
])
def test_a_bad_preview_request_is_refused(studio, data):
    port, s = studio
    assert post(port, s.secret, "/play", data)[0] == 400


def test_a_mistake_is_marked_at_its_line_with_a_certain_fix(studio, level):
    port, s = studio
    text = level.read_text(encoding="utf-8").replace("Keep the coin -> bank",
                                                     "Keep the coin -> bakn")
    status, res = post(port, s.secret, "/check", {"text": text})
    assert status == 200 and not res["ok"]
    line = _line_of(text, "-> bakn")
    [m] = [m for m in res["marks"] if m["severity"] == "error"]
    assert m["line"] == line and "bank" in m["hint"]
    assert m["fix"] == {"line": line, "from": text.splitlines()[line - 1].index("bakn") + 1,
                        "to": text.splitlines()[line - 1].index("bakn") + 5,
                        "insert": "bank"}
    assert 'id="node-stall"' in res["map"] and "no such scene" in res["map"]   # marked
    assert res["lines"]["bank"] == _line_of(text, "  bank:")


def test_the_map_says_each_choices_behaviour_and_score_change(studio, level):
    port, s = studio
    status, res = post(port, s.secret, "/check", {"text": level.read_text(encoding="utf-8")})
    assert ">keep_coin: -40 pilot<" in res["map"] and ">give_back: +10 pilot<" in res["map"]
    from game.authoring.picture import drawing
    from game.authoring.drawsvg import to_svg
    from game.content import load_level
    assert "keep_coin: -40" not in to_svg(drawing(load_level(level)))   # `graph` unchanged


def test_the_preview_replays_and_keeps_the_last_good_version(studio, level):
    port, s = studio
    text = level.read_text(encoding="utf-8")
    status, res = post(port, s.secret, "/play", {"choices": ["keep_coin"], "ok": True})
    choice = re.search(r'data-choice="([^"]+)"', res["html"])
    assert status == 200 and res["at"] == "stall" and choice, res   # ids from the text
    first = choice.group(1)
    status, res = post(port, s.secret, "/play", {"choices": [first], "ok": True})
    assert res["at"] == "bank" and res["made"] == [first] and "What happened" in res["html"]
    broken = text.replace("start: stall", "start: stall\nscenes: [oops")
    post(port, s.secret, "/check", {"text": broken})
    status, res = post(port, s.secret, "/play", {"choices": [first], "ok": False})
    assert res["at"] == "bank" and "last version without errors" in res["html"]
    status, res = post(port, s.secret, "/play", {"start": "bank", "persona": "nobody"})
    assert res["at"] == "bank" and res["persona"] == "seller"


def test_analyze_marks_come_from_the_analyzer(studio, level):
    port, s = studio
    text = level.read_text(encoding="utf-8")
    status, res = post(port, s.secret, "/analyze", {"text": text})
    assert status == 200 and res["ok"] and any("situations" in i for i in res["info"])
    status, res = post(port, s.secret, "/analyze", {"text": "format: 1\n"})
    assert res == {"ok": False, "marks": []}


def test_saving_is_atomic_and_keeps_a_backup(studio, level):
    port, s = studio
    old = level.read_text(encoding="utf-8")
    new = old.replace("Market Day", "Market Night")
    status, res = post(port, s.secret, "/save", {"text": new})
    assert status == 200 and res["saved"] and "market.yaml.bak" in res["message"]
    assert level.read_text(encoding="utf-8") == new
    assert (level.parent / "market.yaml.bak").read_text(encoding="utf-8") == old
    assert sorted(p.name for p in level.parent.iterdir()) == ["market.yaml", "market.yaml.bak"]


def test_a_failed_save_leaves_the_file_and_says_so(studio, level, monkeypatch):
    port, s = studio
    old = level.read_text(encoding="utf-8")
    import game.storage as storage

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(storage.os, "replace", full)
    status, res = post(port, s.secret, "/save", {"text": "format: 1\n"})
    assert status == 500 and not res["saved"] and "No space left" in res["message"]
    assert level.read_text(encoding="utf-8") == old
    assert sorted(p.name for p in level.parent.iterdir()) == ["market.yaml"]   # no half file


def test_word_and_fix():
    assert word_at("      - Keep -> bakn", 17) == (17, 21)
    assert word_at("   ", 2) is None
    from game.content.diagnostics import error
    d = error("E201", "x", 1, 7, "no scene `bakn`", "did you mean `bank`?")
    assert fix_of(d, ["goto: bakn"]) == {"line": 1, "from": 7, "to": 11, "insert": "bank"}
    two = error("E201", "x", 1, 7, "no scene", "did you mean `bank` or `bar`?")
    assert fix_of(two, ["goto: bakn"]) is None


def test_the_command_listens_on_loopback_only_and_refuses_another_host(level):
    run = subprocess.run([sys.executable, "-m", "game", "studio", str(level), "--no-open",
                          "--host", "0.0.0.0"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 2 and "127.0.0.1" in run.stderr and "Traceback" not in run.stderr
    proc = StudioProcess(level)
    try:
        assert proc.url.startswith("http://127.0.0.1:")
        status, page = request(proc.port, "GET", "/", headers={"host": f"127.0.0.1:{proc.port}"})
        assert status == 200 and b"market.yaml" in page
    finally:
        err = proc.stop()
    assert "Traceback" not in err


def test_a_new_file_starts_from_a_level_that_plays(tmp_path):
    from game.content.loader import load_text
    from game.studio.command import read_or_start

    text = read_or_start(tmp_path / "levels" / "harbour.yaml")
    loaded = load_text(text, "harbour.yaml")
    assert loaded.ok and loaded.level.id == "harbour" and loaded.diagnostics == []
    assert not (tmp_path / "levels").exists()        # made only when the author saves


def test_analyses_run_one_at_a_time_and_a_overtaken_one_is_skipped(level):
    import threading
    import time

    from game.studio.server import Studio

    studio = Studio(level, level.read_text(encoding="utf-8"), 1)
    text = level.read_text(encoding="utf-8")
    results = {}
    with studio._analyzing:         # a search is running
        threads = [threading.Thread(target=lambda n=n: results.__setitem__(
            n, studio.analyze(text))) for n in (1, 2)]
        threads[0].start()
        while studio._wanted < 1:
            time.sleep(0.01)
        threads[1].start()
        while studio._wanted < 2:
            time.sleep(0.01)
    for t in threads:
        t.join(30)
    assert results[1] == {"ok": False, "marks": [], "stale": True}
    assert results[2]["ok"] and results[2]["info"]


@pytest.mark.parametrize("signal_name, why", [("SIGTERM", "(SIGTERM)"),
                                              ("SIGHUP", "the terminal it ran in was closed")])
def test_the_studio_never_stops_without_a_word(level, signal_name, why):
    """TRIAL.md: the studio once vanished silently. Told to stop (a `kill`, its terminal
    closed), it says so in one line; the page asks `/alive` to notice it is gone."""
    import signal

    proc = StudioProcess(level)
    try:
        status, _ = request(proc.port, "GET", "/alive",
                            headers={"host": f"127.0.0.1:{proc.port}"})
        assert status == 204
        assert request(proc.port, "GET", "/alive", headers={"host": "elsewhere"})[0] == 403
        proc.proc.send_signal(getattr(signal, signal_name))
        _, err = proc.proc.communicate(timeout=20)
    finally:
        if proc.proc.poll() is None:
            proc.stop()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("The studio stopped: it was told to")
    assert why in lines[0] and "Traceback" not in err


def test_an_unexpected_error_is_one_line_and_a_crash_log(level, tmp_path, monkeypatch, capsys):
    import game.web.serve
    from game.cli import main

    def broken(app, socks):
        raise RuntimeError("the server broke")

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(game.web.serve, "run", broken)
    assert main(["studio", str(level), "--no-open"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unexpected problem (the server broke)" in err[0]
    log = err[0].rsplit(": ", 1)[1]
    assert "RuntimeError: the server broke" in open(log, encoding="utf-8").read()


def test_a_new_file_with_errors_never_plays_the_starter_as_if_it_were_the_authors(tmp_path):
    """TRIAL.md: while a new level still had errors, the preview played the studio's starter
    level ("The First Scene") as if it were the author's."""
    from game.studio.command import read_or_start
    from game.studio.preview import Setup
    from game.studio.server import Studio

    path = tmp_path / "lunch.yaml"
    starter = read_or_start(path)
    studio = Studio(path, starter, 1, new=True)
    assert studio.check(starter)["ok"]
    assert "The First Scene" in studio.play(Setup(), True)["html"]   # the text in the editor

    mine = EXAMPLE.read_text(encoding="utf-8").replace("-> bank", "-> bnak", 1)
    checked = studio.check(mine)
    assert not checked["ok"] and checked["names"]["clear"]
    assert ["me", "You"] not in checked["names"]["personas"]     # not the starter's either
    html = studio.play(Setup(), False)["html"]
    assert "The First Scene" not in html and "Nothing to play yet" in html
    line = _line_of(mine, "-> bnak")
    assert f"Fix this first (line {line}, column" in html and "E202" in html

    assert studio.check(EXAMPLE.read_text(encoding="utf-8"))["ok"]   # theirs, without errors
    assert studio.check(mine)["ok"] is False
    html = studio.play(Setup(), False)["html"]
    assert "The Fruit Stall" in html and "stale" in html


def test_an_existing_file_with_errors_says_what_to_fix_first(tmp_path):
    from game.studio.preview import Setup
    from game.studio.server import Studio

    path = tmp_path / "broken.yaml"
    text = EXAMPLE.read_text(encoding="utf-8").replace("title: Market Day", "title: Market: Day")
    path.write_text(text, encoding="utf-8")
    studio = Studio(path, text, 1)
    html = studio.play(Setup(), False)["html"]
    assert "Nothing to play yet" in html and "Fix this first (line 4, column 14)" in html
