"""The lesson in a real browser: Playwright (pip) driving Debian's Chromium against a
`serve` on 127.0.0.1. One student plays by keyboard, one by mouse, both to the end of the
debrief, typing an answer; the teacher's page shows them finished; the export is the one
the terminal game makes for the same seed and choices."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from serve_helpers import ServeProcess

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
ROOM = """format: 1
chapters: [day_zero, pilot_city]
personas: [professional]
seed: 777
export_folder: exports
"""

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _join(page, base: str, join: str, keyboard: bool) -> None:
    page.goto(base + "/")
    if keyboard:
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        _tab_to(page, "join")
        page.keyboard.type(join)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        page.click("#join")
        page.keyboard.type(join)
        with page.expect_navigation():
            page.click("form[action='/join'] button")


def _tab_to(page, element_id: str) -> None:
    for _ in range(30):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def _play(page, keyboard: bool, numbers: list[int]) -> None:
    """To the end of both chapters, choosing the last open choice each time."""
    for _ in range(80):
        buttons = page.locator("button[name=choice]:not([disabled])")
        if buttons.count():
            last = buttons.nth(buttons.count() - 1)
            number = int(last.get_attribute("data-key"))
            numbers.append(number)
            with page.expect_navigation():
                if keyboard:
                    page.keyboard.press(str(number))
                else:
                    last.click()
            assert page.locator("#happened li").count() >= 1     # what the choice did
        elif page.locator("form[action='/next']").count():
            with page.expect_navigation():
                if keyboard:
                    page.keyboard.press("1")
                else:
                    page.click("form[action='/next'] button")
        else:
            return
    raise AssertionError("the chapters never ended")


def _debrief(page, keyboard: bool, answer: str) -> None:
    """The six steps on their pages: the answer typed on the first, the box ticked on the
    last."""
    from game.classroom.debrief_steps import PAGES, page_label
    for n, keys in enumerate(PAGES):
        assert page.locator("h1").inner_text() == f"Debrief · {page_label(n)}"
        assert page.locator("textarea").count() == len(keys)
        last = n == len(PAGES) - 1
        if keyboard:
            _tab_to(page, f"answer-{keys[0]}")
            page.keyboard.type(answer if n == 0 else "")
            if last:
                _tab_to(page, "include")
                page.keyboard.press("Space")
            page.keyboard.press("Tab")
            while page.evaluate("document.activeElement.value") != "next":
                page.keyboard.press("Tab")
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            if n == 0:
                page.click("#answer-feel")
                page.keyboard.type(answer)
            if last:
                page.click("label[for=include]")
            with page.expect_navigation():
                page.click("button[value=next]")
    assert "Saved" in page.content() and "are in it" in page.content()


@pytest.mark.parametrize("keyboard", [True, False], ids=["keyboard", "mouse"])
def test_a_student_plays_the_lesson_in_chromium(tmp_path, browser, keyboard):
    room = tmp_path / "room.yaml"
    room.write_text(ROOM, encoding="utf-8")
    server = ServeProcess(tmp_path / "data", classroom=str(room))
    base = f"http://127.0.0.1:{server.port}"
    try:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        outside = []
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith(base) else None)
        _join(page, base, server.join, keyboard)
        code = re.search(r"Your session code: ([a-z]+-[a-z]+-\d+)", page.content()).group(1)
        numbers: list[int] = []
        _play(page, keyboard, numbers)
        assert page.locator("form[action='/debrief']").count()
        _debrief(page, keyboard, "I kept checking the score.")
        assert outside == []                     # nothing fetched from anywhere else
        teacher = browser.new_context().new_page()
        teacher.goto(server.teacher)
        row = teacher.locator("tr", has_text=code)
        assert "finished" in row.inner_text()
        context.close()
    finally:
        server.stop()
    web = json.loads((tmp_path / "exports" / f"{code}.json").read_text("utf-8"))
    assert web["answers"]["feel"] == "I kept checking the score."
    from game.cli import main_captured
    out = tmp_path / "text"
    result, _ = main_captured(["play", "--text", "--classroom", str(room), "--export", str(out),
                               "--choices", ",".join(map(str, numbers))])
    assert result == 0
    text = json.loads(next(out.glob("*.json")).read_text("utf-8"))
    assert _game(web) == _game(text)


def _game(data: dict) -> dict:
    out = {k: v for k, v in data.items() if k not in (
        "session", "date", "duration_seconds", "mode", "game_version", "classroom", "status",
        "answers")}
    out["chapters"] = [dict(c, choices=[dict(x, seconds=None) for x in c["choices"]])
                       for c in data["chapters"]]
    return out


#: a phone held upright, and a classroom projector
VIEWPORTS = {"phone": (390, 844), "projector": (1920, 1080)}


def test_the_debrief_pages_on_a_phone_and_a_projector(tmp_path, browser):
    """Each debrief page at both sizes: nothing wider than the screen, every step's question
    and box there, an answer box that grows as it fills, and the folded parts opening."""
    from game.classroom.debrief_steps import PAGES, step_heading
    room = tmp_path / "room.yaml"
    room.write_text(ROOM, encoding="utf-8")
    server = ServeProcess(tmp_path / "data", classroom=str(room))
    base = f"http://127.0.0.1:{server.port}"
    try:
        page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        _join(page, base, server.join, keyboard=False)
        _play(page, False, [])
        for keys in PAGES:
            for name, (w, h) in VIEWPORTS.items():
                page.set_viewport_size({"width": w, "height": h})
                wide = page.evaluate("document.documentElement.scrollWidth")
                assert wide <= w, (keys, name, wide)
                for key in keys:
                    assert page.locator("h2", has_text=step_heading(key)).count() == 1
                    assert page.locator(f"#answer-{key}").is_visible()
            box = page.locator(f"#answer-{keys[0]}")
            before = box.bounding_box()["height"]
            box.fill("I kept checking the score, " * 12)
            assert box.bounding_box()["height"] > before            # it grew with the answer
            box.fill("")
            for summary in page.locator("details > summary").all():
                summary.click()                                       # each fold opens
            assert all(d.get_attribute("open") is not None
                       for d in page.locator("details").all())
            if keys != PAGES[-1]:
                with page.expect_navigation():
                    page.click("button[value=next]")
    finally:
        server.stop()
