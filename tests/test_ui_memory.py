"""The window shows what the story remembers: a later chapter's scene, started after an
earlier chapter finished in the same window, carries that chapter's `remembers:` line."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402

from game.content import load_level  # noqa: E402
from game.core import new_game  # noqa: E402
from game.ui import flow  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.settings import Settings  # noqa: E402

LEVELS = Path(__file__).parent.parent / "levels"
LINE = "You cut him from your contacts in the points app, and he calls you anyway."


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))


def _window_at_zhou(carry: dict):
    """A window whose earlier chapters are `carry`, opening Sesame at Zhou's call."""
    app = App(window_size=(1280, 720), settings=Settings(text_speed="instant"), persist=False)
    app.carry = carry
    args = SimpleNamespace(level=str(LEVELS / "sesame.yaml"), persona="professional",
                           ruleset="stars", seed=0, start_at="zhou", preset=None, dev=False)
    flow.start(app, args)
    app.frame(dt=0.0)
    for hook in app.after_first_frame:
        hook()
    for _ in range(3):
        app.frame(dt=1 / 60)
    return app.top


def test_sesame_remembers_that_zhou_was_cut_in_the_pilot_city():
    city = new_game(load_level(LEVELS / "pilot_city.yaml").level, "professional")
    cut = city.replace(flags=("cut_zhou",), ending="blacklisted")
    play = _window_at_zhou({"pilot_city": cut})
    assert play.session.state.scene == "zhou"
    assert LINE in play.scene_view.text


def test_a_chapter_played_on_its_own_shows_no_remembered_line():
    play = _window_at_zhou({})
    assert play.session.state.scene == "zhou"
    assert LINE not in play.scene_view.text
