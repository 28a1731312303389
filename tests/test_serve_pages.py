"""The browser pages' own promises, checked from their files: WCAG 2.2 AA contrast for every
text colour on the backgrounds it is drawn on, every asset from the game itself, and a page
that says what it is (language, title, headings in order, labels)."""
from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.web.loopback import Student
from serve_helpers import served

WEB = Path(__file__).resolve().parents[1] / "game" / "web"
CSS = (WEB / "static" / "site.css").read_text(encoding="utf-8")
VARS = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", CSS))
#: (text, background) pairs the stylesheet draws; AA asks 4.5:1 for text
PAIRS = [("ink", "paper"), ("muted", "paper"), ("accent", "paper"), ("warn", "paper"),
         ("ink", "panel"), ("muted", "panel"), ("warn", "panel"), ("ink", "accent-soft"),
         ("accent", "accent-soft"), ("#ffffff", "accent"), ("#ffffff", "muted")]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("text,background", PAIRS)
def test_text_colours_meet_wcag_aa(text, background):
    colour = lambda name: name if name.startswith("#") else VARS[name]   # noqa: E731
    assert contrast(colour(text), colour(background)) >= 4.5


def test_the_contrast_check_would_see_a_faint_grey():
    assert contrast("#999999", "#ffffff") < 4.5


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.links, self.lang, self.ids, self.labels = [], [], None, set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        for key in ("src", "href", "action"):
            if a.get(key):
                self.links.append(a[key])
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "label":
            self.labels.append(a.get("for"))


def _outline(html: str) -> _Outline:
    o = _Outline()
    o.feed(html)
    return o


@pytest.mark.parametrize("questions", [False, True])
def test_every_student_page_is_outlined_and_self_contained(tmp_path, questions):
    room = None
    if questions:      # the lesson's questions before play and after the debrief too
        room = tmp_path / "room.yaml"
        room.write_text("format: 1\nchapters: [day_zero, pilot_city]\nquestions: standard\n"
                        "export_folder: exports\n", encoding="utf-8")
    with served(tmp_path / "data", str(room) if room else None) as (port, site):
        s = Student(port)
        pages = [s.get("/").body]
        page = s.join(site.join_code)
        rng = random.Random(8)
        while True:
            pages.append(page.body)
            if page.open_choices():
                page = s.choose(page, rng.choice(page.open_choices()))
            elif 'action="/next"' in page.body:
                page = s.post("/next", page.hidden())
            elif 'action="/question"' in page.body:
                page = s.post("/question", page.hidden() | {"option": "1"})
            elif 'action="/debrief"' in page.body:
                page = s.post("/debrief", page.hidden() | {"go": "next", "answer": "x"})
            elif 'action="/confirm"' in page.body:
                page = s.post("/confirm", page.hidden() | {"go": "drop"})
            else:
                pages.append(page.body)
                break
        for html in pages:
            o = _outline(html)
            assert o.lang == "en" and "<title>" in html
            assert o.headings and o.headings[0] == 1 and o.headings.count(1) == 1
            assert all(b - a <= 1 for a, b in zip(o.headings, o.headings[1:])), o.headings
            assert all(link.startswith(("/", "#")) for link in o.links), o.links
            assert all(f in o.ids for f in o.labels)
            assert "<script>" not in html and "style=" not in html


def test_scenes_show_their_picture_served_by_the_game_and_nothing_else(tmp_path):
    """Each scene page shows its bundled SVG picture from /art/ (decorative: alt=""); only the
    bundled pictures are served; an unscored day says nobody is counting, not "hidden"."""
    with served(tmp_path / "data", None) as (port, site):
        s = Student(port)
        page = s.join(site.join_code)
        srcs = re.findall(r'<img class="art" src="(/art/[a-z_]+\.svg)" alt=""', page.body)
        assert len(srcs) == 1, page.body
        picture = s.get(srcs[0])
        assert picture.status == 200 and picture.body.lstrip().startswith(("<svg", "<?xml"))
        if "Day Zero" in page.body:
            assert "nobody is counting" in page.body and ">hidden<" not in page.body
        for bad in ("/art/..%2F..%2Fpyproject.svg", "/art/nothing_here.svg", "/art/x.svg.bak"):
            assert s.get(bad).status == 404
