"""The class report and the printable debrief, opened in headless Chromium: no console error,
no request from the page to the network, the charts really drawn (pixels in the chart region
are not one flat colour), and the printable debrief prints on one A4 page.

Chromium's own background traffic (update checks) is told apart from the page's by the
NetLog: a request made by the page carries the page's `file://` site in its network
isolation key. A control page with a script error and a remote image proves both checks
catch what they look for.

Nothing is skipped: without Chromium these tests fail and say how to get it.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from game.classroom.class_data import ClassData
from game.classroom.export import write_atomic
from game.classroom.generate import generate_class
from game.classroom.printable import printable_html
from game.classroom.report import report_html

pytestmark = pytest.mark.slow   # each test starts headless Chromium

ACCENT = (58, 84, 214)
MISSING = ("Chromium is not installed, so the HTML pages cannot be checked in a browser. "
           "`.ci/run` installs it (apt-get install chromium); or install the `chromium` "
           "package yourself.")


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(MISSING)


@pytest.fixture(scope="module")
def sessions():
    return generate_class(30, seed=21)


class Rendered:
    def __init__(self, png: Path, log: str, netlog: Path, pdf: Path | None):
        self.png, self.log, self.pdf = png, log, pdf
        self.netlog = json.loads(netlog.read_text(encoding="utf-8")) if netlog.exists() else {}

    def console_messages(self) -> list[str]:
        return [line for line in self.log.splitlines()
                if ":CONSOLE" in line or "Uncaught" in line]

    def page_requests(self) -> list[str]:
        """URLs the page itself asked the network for (not Chromium's own traffic)."""
        events = self.netlog.get("events", [])
        found = []
        for e in events:
            p = e.get("params", {})
            url = p.get("url", "")
            key = p.get("network_isolation_key", "")
            if url and "file://" in key and not url.startswith(("file:", "data:")):
                found.append(url)
        return found

    def pdf_pages(self) -> int:
        data = self.pdf.read_bytes()
        counts = [int(n) for n in re.findall(rb"/Count (\d+)", data)]
        return max(counts) if counts else 0


def render(chromium: str, html: Path, tmp: Path, size=(1200, 1600), pdf=False) -> Rendered:
    profile, png, net = tmp / "profile", tmp / f"{html.stem}.png", tmp / f"{html.stem}.net.json"
    common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
              "--no-first-run", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", f"--user-data-dir={profile}"]
    proc = subprocess.run(common + [f"--screenshot={png}", f"--window-size={size[0]},{size[1]}",
                                    "--enable-logging=stderr", "--v=0",
                                    f"--log-net-log={net}", html.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert png.is_file(), f"Chromium wrote no screenshot:\n{proc.stderr[-2000:]}"
    out_pdf = None
    if pdf:
        out_pdf = tmp / f"{html.stem}.pdf"
        subprocess.run(common + ["--no-pdf-header-footer", f"--print-to-pdf={out_pdf}",
                                 html.as_uri()], capture_output=True, text=True, timeout=120)
        assert out_pdf.is_file(), "Chromium wrote no PDF"
    return Rendered(png, proc.stderr, net, out_pdf)


def _pixels(png: Path):
    import os
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame
    return pygame.image.load(str(png))


def accent_box(png: Path) -> tuple[int, tuple]:
    """How many pixels are near the accent colour, and the box around them."""
    surf = _pixels(png)
    w, h = surf.get_size()
    xs, ys, n = [], [], 0
    for y in range(0, h, 2):
        for x in range(0, w, 2):
            r, g, b, *_ = surf.get_at((x, y))
            if abs(r - ACCENT[0]) < 40 and abs(g - ACCENT[1]) < 40 and abs(b - ACCENT[2]) < 40:
                n += 1
                xs.append(x)
                ys.append(y)
    box = (min(xs), min(ys), max(xs), max(ys)) if xs else (0, 0, 0, 0)
    return n, box


def colours_in(png: Path, box) -> int:
    surf = _pixels(png)
    x0, y0, x1, y1 = box
    seen = set()
    for y in range(y0, y1 + 1, 3):
        for x in range(x0, x1 + 1, 3):
            seen.add(tuple(surf.get_at((x, y)))[:3])
    return len(seen)


def no_remote_references(html: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert "url(" not in html and "@import" not in html and "@font-face" not in html


# ---------------------------------------------------------------- the control

def test_the_checks_catch_a_script_error_and_a_remote_request(chromium, tmp_path):
    page = tmp_path / "control.html"
    page.write_text('<html><body><script>noSuchFunction()</script>'
                    '<img src="http://example.invalid/x.png"></body></html>', encoding="utf-8")
    shown = render(chromium, page, tmp_path, (400, 300))
    assert any("noSuchFunction" in m for m in shown.console_messages()), shown.log[-2000:]
    assert "http://example.invalid/x.png" in shown.page_requests()


# ---------------------------------------------------------------- the pages

def test_the_class_report_opens_cleanly_and_draws_its_charts(chromium, tmp_path, sessions):
    html = report_html(ClassData(sessions))
    no_remote_references(html)
    page = write_atomic(tmp_path / "class.html", html)
    shown = render(chromium, page, tmp_path)
    assert shown.console_messages() == []
    assert shown.page_requests() == []
    n, box = accent_box(shown.png)
    assert n > 500, "the charts' blue is missing from the page"
    assert box[2] - box[0] > 300 and box[3] - box[1] > 300
    assert colours_in(shown.png, box) > 40, "the chart region is flat"


def test_the_printable_debrief_opens_cleanly_and_prints_on_one_a4_page(chromium, tmp_path,
                                                                       sessions):
    data = max(sessions, key=lambda s: len(s["chapters"][-1]["choices"]))
    data = json.loads(json.dumps(data))
    data["answers"] = {k: "A long answer, typed with care. " * 30 for k in
                       ("feel", "happened", "learned", "relates", "what_if", "next")}
    html = printable_html(data)
    no_remote_references(html)
    page = write_atomic(tmp_path / f"{data['session']}.html", html)
    shown = render(chromium, page, tmp_path, pdf=True)
    assert shown.console_messages() == []
    assert shown.page_requests() == []
    n, box = accent_box(shown.png)
    assert n > 150 and box[3] - box[1] > 100
    assert colours_in(shown.png, box) > 25
    assert shown.pdf_pages() == 1
