"""The window shows what the story remembers: a later chapter's scene, started after an
earlier chapter finished in the same window, carries that chapter's `remembers:` line, and
a player sees it without scrolling (at 1280x720 and the default text size), marked as
remembered."""
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
from game.core.strings import REMEMBERED  # noqa: E402
from game.ui import flow  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.session import Session  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import drawn_text  # noqa: E402

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


def _finished(level: str, flags=(), ending=None):
    """A chapter's state as if it had ended so (what `app.carry` keeps)."""
    state = new_game(load_level(LEVELS / f"{level}.yaml").level, "professional")
    return state.replace(flags=tuple(flags), ending=ending)


def _seen(app) -> str:
    """The words a full redraw shows whole, inside what clips them: what a player sees
    without scrolling (one string, the lines joined by spaces)."""
    for screen, _ in app.stack:
        screen.invalidate()
    with drawn_text() as audit:
        app.render()
    return " ".join(line for line, rect, _box, clip in audit if clip.contains(rect))


def test_sesame_remembers_that_zhou_was_cut_in_the_pilot_city():
    play = _window_at_zhou({"pilot_city": _finished("pilot_city", ["cut_zhou"], "blacklisted")})
    assert play.session.state.scene == "zhou"
    assert any(LINE in line for line in play.scene_view.remembered)
    assert LINE not in play.scene_view.text          # apart from the scene's own text


def test_a_remembered_line_of_a_long_scene_is_seen_without_scrolling():
    """Zhou's call overflows the column at 1280x720: the remembered line after it is pinned
    above the choices, whole, with its mark, and the text still starts at the top."""
    play = _window_at_zhou({"pilot_city": _finished("pilot_city", ["cut_zhou"], "blacklisted")})
    view = play.scene_view
    assert view.docked and view.scroll.max_offset > 0 and view.scroll.offset == 0
    seen = _seen(play.app)
    assert LINE in seen
    assert REMEMBERED.upper() in seen
    assert seen.index("Saturday, 15:00") < seen.index(REMEMBERED.upper())
    assert "Go and carry boxes" in seen


def test_a_remembered_line_of_a_long_ending_is_seen_without_scrolling():
    """Could It Happen Here?'s Almost Out, after leaving the points app in the Pilot City."""
    level = load_level(LEVELS / "here.yaml").level
    session = Session(level, "professional", "visible",
                      carry=_finished("pilot_city", ["opted_out"], "opted_out"))
    session.state = session.state.replace(ending="opted_out")
    app = App(window_size=(1280, 720), settings=Settings(text_speed="instant"), persist=False)
    app.push(flow.ending_screen(app, session, None))
    app.frame(dt=0.0)
    for _ in range(3):
        app.frame(dt=1 / 60)
    line = level.endings["opted_out"].remembers[0].text.strip()
    seen = _seen(app)
    assert line in seen
    assert REMEMBERED.upper() in seen


def test_a_chapter_played_on_its_own_shows_no_remembered_line():
    play = _window_at_zhou({})
    assert play.session.state.scene == "zhou"
    assert not play.scene_view.remembered
    assert REMEMBERED.upper() not in _seen(play.app)
