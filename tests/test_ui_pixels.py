"""Pixel checks on the window, headless: locked doors look locked, the score moves,
high contrast changes the colours, and every text size fits its boxes at two window sizes."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import flow, paint  # noqa: E402
from game.ui.screens.debrief import DebriefScreen  # noqa: E402
from game.ui.screens.ending import EndingScreen  # noqa: E402
from game.ui.settings import TEXT_SIZES, Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


def play_pilot(size=(1280, 720), settings=None, start_at="station", ruleset="city"):
    args = SimpleNamespace(level=str(FIXTURE), persona="pro", ruleset=ruleset, seed=0,
                           start_at=start_at, preset=None, dev=False)
    pilot = Pilot(size=size, settings=settings or Settings(text_speed="instant"), args=args)
    assert pilot.screen_is("play")
    return pilot


def crop(surface: pygame.Surface, rect: pygame.Rect) -> bytes:
    return pygame.image.tobytes(surface.subsurface(rect), "RGB")


def colours(surface: pygame.Surface, rect: pygame.Rect) -> set:
    data = crop(surface, rect)
    return {data[i:i + 3] for i in range(0, len(data), 3)}


def test_locked_choice_looks_different_from_an_open_one():
    pilot = play_pilot()
    play = pilot.top
    view = play.scene_view
    locked = next(b for b in view.buttons if b.locked)
    open_ = next(b for b in view.buttons if not b.locked and b is not play.focus.current)
    shot = pilot.redraw()
    pal = pilot.app.theme.palette
    lr, orr = view.screen_rect(locked), view.screen_rect(open_)
    band = lambda r: pygame.Rect(r.x + 4, r.y + 4, r.w - 8, 10)  # noqa: E731 - above text
    assert crop(shot, band(lr)) != crop(shot, band(orr))
    hatch = bytes(pal.hatch)
    assert hatch in colours(shot, lr.inflate(-8, -8))          # hatched
    assert hatch not in colours(shot, orr.inflate(-8, -8))
    lock = pygame.Rect(lr.right - 44, lr.y + 14, 26, 26)       # the padlock, drawn in code
    assert bytes(pal.locked_ink) in colours(shot, lock)
    assert bytes(pal.locked_ink) not in colours(shot, pygame.Rect(orr.right - 44, orr.y + 14,
                                                                  26, 26))
    # and it says why, in words
    assert "needs 1010, you have 1000" in " ".join(locked.reason_layout.lines)


def test_score_digits_change_after_a_scored_choice():
    pilot = play_pilot(start_at="crossing")
    play = pilot.top
    region = play.score.digits_rect()
    before = crop(pilot.redraw(), region)
    cross = next(c for c in play.session.choices() if c.id == "cross")
    pilot.number(cross.number)                          # crossing on red: -40, disclosed
    pilot.wait(2.0)
    after = crop(pilot.redraw(), region)
    assert play.session.state.score == 959
    assert before != after
    assert play.score.last is not None or play.score.chip is not None


def test_delta_chip_shows_the_reason_and_a_direction_not_only_colour():
    pilot = play_pilot(start_at="crossing")
    play = pilot.top
    pilot.number(next(c.number for c in play.session.choices() if c.id == "cross"))
    pilot.frames(3)
    chip = play.score.chip
    assert chip is not None
    assert chip[0].title.startswith("▼") and "40" in chip[0].title
    assert chip[0].body == "Crossing on red"


def test_the_chip_sliding_in_draws_nothing_past_the_cards_moving_lines():
    # the chip slides in from the right; what it drew past the lines the card clears each
    # frame stayed on screen as a smear at the card's edge
    pilot = play_pilot(start_at="crossing")
    play = pilot.top
    pilot.number(next(c.number for c in play.session.choices() if c.id == "cross"))
    pilot.frames(1)
    card = play.score
    assert card.chip is not None
    card.chip_age = 0.05   # early in the slide, far to the right
    card._chip_surf = card._render_chip(card.chip)
    card._chip_surf.fill((0, 128, 0))   # a chip whose text runs to its very end
    chip_line = card.dynamic_areas()[1]
    surf = pygame.Surface(pilot.redraw().get_size())
    marker = (255, 0, 255)
    surf.fill(marker)
    card.draw_dynamic(surf, reduced=False)
    past = pygame.Rect(chip_line.right, chip_line.y, 80, chip_line.h).clip(surf.get_rect())
    assert colours(surf, past) == {bytes(marker)}


def test_hidden_legibility_shows_a_dash_and_no_chip():
    pilot = play_pilot(start_at="crossing", ruleset="opaque")
    play = pilot.top
    assert play.score.display.number is None
    region = play.score.digits_rect()
    before = crop(pilot.redraw(), region)
    pilot.number(next(c.number for c in play.session.choices() if c.id == "cross"))
    pilot.wait(2.0)
    assert play.session.state.score < 1000           # it moved...
    assert play.score.chip is None and play.score.last is None
    assert crop(pilot.redraw(), region) == before    # ...and nothing on screen says so


def test_stars_legibility_draws_stars_not_a_number():
    pilot = play_pilot(start_at="crossing", ruleset="app")
    play = pilot.top
    assert play.score.display.number is None and play.score.display.stars is not None
    shot = pilot.redraw()
    assert bytes(pilot.app.theme.palette.accent) in colours(shot, play.score.digits_rect())


def test_high_contrast_changes_the_colours():
    normal = play_pilot()
    a = normal.redraw()
    contrast = play_pilot(settings=Settings(text_speed="instant", high_contrast=True))
    b = contrast.redraw()
    assert a.get_at((5, 5)) != b.get_at((5, 5))
    ca, cb = colours(a, pygame.Rect(0, 0, 1280, 720)), colours(b, pygame.Rect(0, 0, 1280, 720))
    assert len(ca & cb) < len(ca) // 2
    assert bytes(contrast.app.theme.palette.accent) in cb


def _screens(pilot):
    """Every screen of a chapter, as (name, function that leaves it showing)."""
    app = pilot.app
    play = pilot.top

    def ending():
        from game.ui import screenshots
        screenshots.play_until(app, play, lambda s: s.finished, limit=50)
        app.replace(EndingScreen(app, play.session, play.chapter))

    def debrief():
        app.replace(DebriefScreen(app, play.session, play.chapter))

    return [("play", lambda: None), ("pause", play.open_pause),
            ("history", lambda: (pilot.key(pygame.K_ESCAPE), play.open_history())),
            ("settings", lambda: (pilot.key(pygame.K_ESCAPE), flow.open_settings(app))),
            ("ending", lambda: (pilot.key(pygame.K_ESCAPE), ending())),
            ("debrief", debrief),
            ("credits", lambda: flow.open_credits(app, [play.chapter])),
            ("chapters", lambda: flow.choose_chapter(app)),
            ("persona", lambda: flow.choose_persona(app, play.chapter, flow.Options())),
            ("title", lambda: app.reset(flow.title_screen(app)))]


def _overflow(records, tolerance=1):
    bad = []
    for text, rect, box, _ in records:
        if box is None:
            continue
        if not box.inflate(2 * tolerance, 2 * tolerance).contains(rect):
            bad.append((text, rect, box))
    return bad


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_every_text_size_fits_its_boxes(size):
    heights = []
    for text_size in TEXT_SIZES:
        pilot = play_pilot(size=size, settings=Settings(text_speed="instant",
                                                        text_size=text_size))
        view = pilot.top.scene_view              # the text, and the choices (docked or not)
        heights.append(view.scroll.content_height + view.dock.content_height)
        for name, show in _screens(pilot):
            show()
            pilot.frames(2)
            for scroll in (0.0, 0.5, 1.0):
                view = getattr(pilot.top, "scroll", None)
                if view is not None:
                    view.offset = scroll * view.max_offset
                paint.AUDIT = []
                try:
                    shot = pilot.redraw()
                finally:
                    records, paint.AUDIT = paint.AUDIT, None
                assert records, name
                assert not _overflow(records), (name, text_size, _overflow(records)[:3])
                logical = pygame.Rect(0, 0, 1280, 720)
                shown = [r.clip(clip) for _, r, _, clip in records]
                assert all(logical.contains(r) for r in shown if r.w), name
            assert shot.get_size() == size
    assert heights[0] < heights[1] < heights[2]      # the layout follows the text size


def test_letterbox_at_800x600_keeps_the_picture_whole():
    pilot = play_pilot(size=(800, 600))
    shot = pilot.redraw()
    bar = pilot.app.theme.palette.letterbox
    assert shot.get_at((400, 10))[:3] == bar and shot.get_at((400, 590))[:3] == bar
    assert shot.get_at((400, 300))[:3] != bar
