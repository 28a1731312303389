"""The score card keeps room for what it shows when a choice changes how the score is shown.

Found in the third campaign check: Sesame's Thursday has no score on screen, so its card is
short; choosing there shows Friday's stars during the reply, and the stars, "3.5 of 5 stars"
and the money line spilled out of the short card over the "Services" panel. The same after
"Reinstall Sesame". The card and the services below it are placed again when the card's
height changes.
"""
from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.ui import strings as S  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

SESAME = Path(__file__).parent.parent / "levels" / "sesame.yaml"


def _sesame(start_at=None) -> Pilot:
    args = SimpleNamespace(level=str(SESAME), persona="professional", ruleset="stars", seed=0,
                           start_at=start_at, preset=None, dev=False)
    pilot = Pilot(settings=Settings(text_speed="instant"), args=args)
    assert pilot.screen_is("play")
    return pilot


def _card_lines_outside(pilot) -> list[str]:
    """The score card's own lines (stars note, money, tier) drawn outside its rectangle."""
    play = pilot.top
    mine = (S.STARS_OF.format(stars="").strip(), "Money", "Tier")
    return [line for line, rect in pilot.drawn()
            if any(word in line for word in mine) and rect.x >= play.score.rect.x
            and not play.score.rect.contains(rect)]


def _pick(pilot, choice: str) -> None:
    """Press the number of the choice with this id, as a player does."""
    ids = [view.id for view in pilot.top.session.choices()]
    pilot.number(ids.index(choice) + 1)


@pytest.mark.parametrize("start_at, before, choice", [
    (None, [], "why"),                          # Thursday, before the gold tab
    ("sunday", ["delete"], "reinstall"),        # deleted on Sunday, reinstalled at 21:00
])
def test_the_card_grows_when_a_choice_brings_the_score_onto_the_screen(start_at, before,
                                                                       choice):
    pilot = _sesame(start_at)
    play = pilot.top
    for earlier in before:
        _pick(pilot, earlier)
        pilot.wait(12)                  # the reply is read; the next scene is up
    assert play.session.display().stars is None and not play.scene_view.chosen
    short = play.score.rect.h
    _pick(pilot, choice)
    pilot.frames(10)                    # the reply is up; the next scene is not yet
    assert play.scene_view.chosen and play.session.display().stars is not None
    assert play.score.rect.h == play.score.height() > short
    assert play.services.rect.top >= play.score.rect.bottom
    assert _card_lines_outside(pilot) == []
