"""The window's debrief shows the player's own game under the other ruleset, side by side,
folded behind one line that R (or a click) opens."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402

from game.core.contrast import contrasts  # noqa: E402
from game.core.contrast_words import contrast_words, outcome_sentence  # noqa: E402
from game.core.strings import CONTRAST_TITLE  # noqa: E402
import pygame  # noqa: E402

from game.ui.screens.debrief_blocks import Fold, ReportTable  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

LEVELS = Path(__file__).parent.parent / "levels"


def _rulesets(level: str) -> list[str]:
    """The chapter's ruleset ids, from its file (they are not written into the tests)."""
    from game.content import load_level
    return list(load_level(LEVELS / level).level.rulesets)


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


def _debrief(level: str, persona: str, ruleset: str) -> Pilot:
    from game.ui.screenshots import play_until
    args = SimpleNamespace(level=str(LEVELS / level), persona=persona, ruleset=ruleset,
                           seed=0, start_at=None, preset=None, dev=False)
    pilot = Pilot(settings=Settings(text_speed="instant"), args=args)
    play = pilot.top
    play_until(pilot.app, play, lambda s: s.finished, limit=200)
    play._advance()
    pilot.frames(2)
    pilot.button("See what").activate()
    pilot.frames(2)
    assert pilot.screen_is("debrief")
    assert CONTRAST_TITLE not in [getattr(b, "text", None) for b, _ in pilot.top.placed]
    pilot.key(pygame.K_r)     # folded until asked for
    return pilot


def _fold(screen):
    return next((b, r) for b, r in screen.placed if isinstance(b, Fold) and b.key == pygame.K_r)


def test_the_debrief_shows_each_differing_choice_under_both_rulesets():
    pilot = _debrief("pilot_city.yaml", "professional", _rulesets("pilot_city.yaml")[0])
    state = pilot.top.session.state
    (each,) = contrasts(state)
    assert each.differing, "the first open choices of pilot_city count differently"
    blocks = [block for block, _ in pilot.top.placed]
    texts = [getattr(b, "text", None) for b in blocks]
    at = blocks.index(_fold(pilot.top)[0])
    table = next(b for b in blocks[at:] if isinstance(b, ReportTable))
    assert [name for name, _ in table.columns][1:] == [each.own.name, each.other.name]
    assert len(table.rows) == len(each.differing)
    first = each.differing[0]
    assert table.rows[0][1] == [(outcome_sentence(first.own), "small")]
    assert table.rows[0][2] == [(outcome_sentence(first.other), "small")]
    for line in contrast_words(each).summary:
        assert line in texts


def test_the_drawn_page_shows_the_heading_once_scrolled_to_it():
    pilot = _debrief("pilot_city.yaml", "professional", _rulesets("pilot_city.yaml")[1])
    screen = pilot.top
    top = _fold(screen)[1].y
    assert screen.scroll.offset <= top < screen.scroll.offset + screen.scroll.rect.h
    pilot.frames(2)
    lines = [line for line, _ in pilot.drawn()]
    assert any(CONTRAST_TITLE in line for line in lines)
