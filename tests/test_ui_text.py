"""The text cache (rendered once while unchanged), wrapping, the words the player is told,
and the screenshots tool."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.core import events as ev  # noqa: E402
from game.ui import messages  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402
from game.ui.textcache import TextCache  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(scope="module")
def font():
    pygame.font.init()
    return pygame.font.Font(None, 24)


def test_a_line_is_rendered_once_while_unchanged(font):
    cache = TextCache()
    a = cache.render(font, "Hello", (0, 0, 0))
    b = cache.render(font, "Hello", (0, 0, 0))
    assert a is b and cache.renders == 1
    cache.render(font, "Hello", (1, 0, 0))           # a new colour is a new picture
    cache.render(font, "Hello!", (0, 0, 0))
    assert cache.renders == 3


def test_the_baseline_renders_every_time(font):
    cache = TextCache()
    cache.enabled = False
    cache.render(font, "Hello", (0, 0, 0))
    cache.render(font, "Hello", (0, 0, 0))
    assert cache.renders == 2


def test_wrapping_keeps_lines_inside_the_width(font):
    cache = TextCache()
    text = "The light is red and the road is empty. " * 8 + "Supercalifragilistic" * 3
    layout = cache.layout(font, text, 200, 30)
    assert len(layout.lines) > 5
    assert all(font.size(line)[0] <= 200 for line in layout.lines)
    assert cache.layout(font, text, 200, 30) is layout
    assert cache.layout(font, "one\n\ntwo", 200, 30).lines == ("one", "", "two")


def test_cache_is_bounded(font):
    cache = TextCache(limit=10)
    for i in range(50):
        cache.render(font, str(i), (0, 0, 0))
    assert len(cache._surfaces) == 10


def test_play_frames_render_no_new_text_when_still():
    args = SimpleNamespace(level=str(FIXTURE), persona="pro", ruleset="city", seed=0,
                           start_at="station", preset=None, dev=False)
    pilot = Pilot(settings=Settings(text_speed="instant", reduced_motion=True), args=args)
    pilot.redraw()
    renders = pilot.app.cache.renders
    for _ in range(10):
        pilot.redraw()
    assert pilot.app.cache.renders == renders


def test_score_words_follow_legibility():
    shown = ev.ScoreChanged(1000, 960, -40, "behaviour", "Crossing on red", -40, "Crossing on red")
    assert messages.score_notice(shown).title == "▼ −40"
    hidden_dir = ev.ScoreChanged(1000, 960, -40, "behaviour", None, None, "Score adjusted")
    note = messages.score_notice(hidden_dir)
    assert note.title == "•" and note.body == "Score adjusted" and note.sound == "notification"
    silent = ev.ScoreChanged(1000, 960, -40, "behaviour", None, None, None)
    assert messages.score_notice(silent) is None
    listed = ev.Blacklisted("Dishonest list", 880)
    assert "880" in messages.notice(listed, numbers=True).body
    assert "880" not in messages.notice(listed, numbers=False).body
    # A court's list entered for a stated cause: the score did not put you there, so the
    # toast must not say "Listed at a score of ...".
    for_cause = messages.notice(ev.Blacklisted("Untrustworthy list", 975, by_score=False),
                                numbers=True)
    assert "975" not in for_cause.body and "score" not in for_cause.body.lower()
    assert messages.notice(ev.Observed("jaywalk", ("cam",)), numbers=True) is None


def test_screenshots_of_some_screens(tmp_path):
    from game.ui import levels, screenshots
    chapter = levels.find(str(FIXTURE))
    written = screenshots.render_all(tmp_path, chapter, only=["title", "play-locked",
                                                              "debrief"])
    assert len(written) == 3 * 2 * 2
    for path in written:
        image = pygame.image.load(str(path))
        assert image.get_size() in ((1280, 720), (800, 600))
        assert len({image.get_at((x, y))[:3] for x in range(0, image.get_width(), 37)
                    for y in range(0, image.get_height(), 29)}) > 4
