"""Large text never hides the choices: when a scene's title, text and choices overflow the
middle column, the choices are docked at its bottom (always in view once the text is shown)
and the text scrolls above them; a scene that fits looks as it always did."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import flow, levels  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"
LEVELS = Path(__file__).parent.parent / "levels"
LONG = ("Tell the kiosk, slowly and in full, that you would rather walk the long way round "
        "the station than sign anything you have not read")


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


def play_pilot(level=FIXTURE, size=100, start_at=None, persona="pro", ruleset="city",
               text_speed="instant"):
    args = SimpleNamespace(level=str(level), persona=persona, ruleset=ruleset, seed=0,
                           start_at=start_at, preset=None, dev=False)
    pilot = Pilot(settings=Settings(text_speed=text_speed, text_size=size), args=args)
    assert pilot.screen_is("play")
    return pilot


def crop(surface, rect) -> bytes:
    return pygame.image.tobytes(surface.subsurface(rect), "RGB")


def colours(surface, rect) -> set:
    data = crop(surface, rect)
    return {data[i:i + 3] for i in range(0, len(data), 3)}


def pilot_city(size=150, **kw):
    return play_pilot(LEVELS / "pilot_city.yaml", size, persona="professional",
                      ruleset="articles", **kw)


# ---- every scene

@pytest.mark.parametrize("size", [100, 125, 150])
def test_the_first_choice_is_in_view_in_every_scene_of_every_level(size):
    scenes = 0
    for chapter in levels.bundled():
        level = chapter.level
        persona, ruleset = next(iter(level.personas)), next(iter(level.rulesets))
        first = next(iter(level.scenes))
        pilot = play_pilot(chapter.path, size, start_at=first, persona=persona,
                           ruleset=ruleset)
        for scene in level.scenes:
            if scene != first:       # the same start as the Pilot's, in the same window
                flow.play(pilot.app, chapter, flow.Options(start_at=scene), persona, ruleset)
                pilot.frames(2)
            play = pilot.top
            assert play.session.state.scene == scene
            view, pal = play.scene_view, pilot.app.theme.palette
            button = view.buttons[0]
            rect = view.screen_rect(button)
            where = (chapter.path.name, scene, size)
            assert view.rect.inflate(-4, -8).contains(rect), where   # in the middle column
            assert view.area.rect.contains(rect), where          # and wholly in its area
            shot = pilot.snapshot()                              # the still frame, as shown
            ink = pal.locked_ink if button.locked else pal.accent   # its number badge
            assert bytes(ink) in colours(shot, rect.inflate(-4, -4)), where
            assert colours(shot, rect.inflate(-4, -4)) - {bytes(pal.panel)}, where
            scenes += 1
    assert scenes >= 57


def test_a_scrolling_text_always_has_more_words_below_in_every_scene():
    """The ▼ under the text promises more to read: in every scene at the default size, text
    that scrolls really goes on below its area (the padding under the last line alone once
    made Sesame's Thursday scroll by 28 pixels, over nothing)."""
    from game.ui.screens.scene_view import MORE_STRIP
    checked = 0
    for chapter in levels.bundled():
        level = chapter.level
        persona, ruleset = next(iter(level.personas)), next(iter(level.rulesets))
        first = next(iter(level.scenes))
        pilot = play_pilot(chapter.path, 100, start_at=first, persona=persona,
                           ruleset=ruleset)
        for scene in level.scenes:
            if scene != first:
                flow.play(pilot.app, chapter, flow.Options(start_at=scene), persona, ruleset)
                pilot.frames(2)
            view = pilot.top.scene_view
            text_end = view._text_top + view._text_layout.height
            if view.docked and view.scroll.max_offset > 0:
                room = view.scroll.rect.h + MORE_STRIP     # the area before the ▼ took its strip
                assert text_end > room, (chapter.path.name, scene, text_end, room)
                checked += 1
    assert checked >= 1          # some scene does scroll, so the check ran


# ---- the docked choices and the text above them

def test_scrolling_the_text_moves_the_text_not_the_docked_choices():
    pilot = pilot_city()
    play = pilot.top
    view = play.scene_view
    assert view.scroll.max_offset > 0
    drawn = pilot.drawn()
    title = view._title_layout.lines[0]
    assert any(line == title and view.scroll.rect.contains(rect) for line, rect in drawn)
    first = view.buttons[0]
    rect = view.screen_rect(first)
    before = crop(pilot.snapshot(), rect)
    text_area = view.scroll.rect
    pilot.wheel(text_area.center, -2)                      # the wheel, over the text
    assert view.scroll.offset > 0
    wheeled = view.scroll.offset
    pilot.key(pygame.K_PAGEDOWN)
    assert view.scroll.offset > wheeled
    assert view.screen_rect(first) == rect
    assert crop(pilot.snapshot(), rect) == before          # the choice has not moved
    pilot.key(pygame.K_HOME)
    assert view.scroll.offset == 0
    assert view.docked


def test_a_scene_that_fits_is_laid_out_as_before():
    pilot = play_pilot(start_at="station")
    play = pilot.top
    view = play.scene_view
    _, mid, _ = play.columns()
    assert view.scroll.max_offset == 0
    assert view.scroll.rect == mid.inflate(-4, -8)
    assert not getattr(view, "docked", False)
    first = view.screen_rect(view.buttons[0])
    # under the title and the text, 28 below it, as the one-page layout always put it
    assert first.y == mid.y + 4 + view._text_top + view._text_layout.height + 28


def test_the_choices_appear_docked_and_the_text_does_not_jump_when_typing_ends():
    pilot = pilot_city(text_speed="fast")
    play = pilot.top
    view = play.scene_view
    area = pygame.Rect(view.scroll.rect)
    while view.revealing:
        pilot.frames(1)
        assert view.scroll.rect == area                  # the dock keeps its place
        offset = view.scroll.offset
    pilot.frames(2)
    assert view.scroll.offset == offset                  # no jump when the choices come
    assert offset == view.scroll.max_offset              # the typing was followed to the end
    assert view.rect.inflate(-4, -8).contains(view.screen_rect(view.buttons[0]))
    assert view.docked and view.dock.rect.contains(view.screen_rect(view.buttons[0]))


def test_many_long_choices_scroll_in_a_dock_of_at_most_its_share():
    from game.ui.screens.scene_view import DOCK_SHARE
    pilot = pilot_city()
    play = pilot.top
    view = play.scene_view
    base = play.session.choices()[0]
    views = [replace(base, id=f"c{n}", number=n, text=f"{LONG} ({n})", available=True)
             for n in range(1, 10)]
    view.set_scene(view.title, view.text, views, False)
    play._refocus()
    pilot.read()
    column = view.rect.inflate(-4, -8)
    assert view.dock.rect.h <= column.h * DOCK_SHARE
    assert view.dock.max_offset > 0                       # it scrolls on its own
    for button in view.buttons[1:]:
        pilot.key(pygame.K_DOWN)
        assert play.focus.current is button
        assert view.dock.rect.contains(view.screen_rect(button))
    assert view.scroll.offset == 0                        # the text stayed where it was
    shot = pilot.redraw()
    last = view.screen_rect(view.buttons[-1])
    assert bytes(pilot.app.theme.palette.accent) in colours(shot, last)
    pilot.key(pygame.K_HOME)                              # Home is for the text, not the dock
    assert view.dock.offset > 0
    pilot.wheel(view.dock.rect.center, 50)                # the wheel over the dock scrolls it
    assert view.dock.offset == 0 and view.scroll.offset == 0
    pilot.wheel(view.dock.rect.center, -1)
    assert view.dock.offset > 0 and view.scroll.offset == 0


def test_under_a_short_text_the_dock_takes_the_room_the_text_leaves():
    """A short text with many choices: the dock may take more than its share, down to where
    the text ends, so fewer choices hide under the arrow; the text still shows whole."""
    from game.ui.screens.scene_view import DOCK_SHARE
    pilot = pilot_city(size=100)
    play = pilot.top
    view = play.scene_view
    base = play.session.choices()[0]
    views = [replace(base, id=f"c{n}", number=n, text=f"{LONG} ({n})", available=True)
             for n in range(1, 8)]
    view.set_scene(view.title, "Two short lines of text, and nothing more to read here.",
                   views, False)
    play._refocus()
    pilot.read()
    column = view.rect.inflate(-4, -8)
    assert view.docked
    assert view.dock.rect.h > column.h * DOCK_SHARE
    assert view.scroll.max_offset == 0                    # the text is whole above the dock


def test_a_click_on_a_docked_choice_chooses_it_and_its_reply_shows_in_the_dock():
    pilot = pilot_city()
    play = pilot.top
    view = play.scene_view
    button = next(b for b in view.buttons if not b.locked)
    pilot.read()
    dock_top = view.dock.rect.y
    pilot.click(view.screen_rect(button).center)
    assert view.chosen == button.view.id
    assert view.dock.rect.y <= dock_top          # the text area does not grow a gap under it
    chosen = view.buttons[0]
    assert view.rect.inflate(-4, -8).contains(view.screen_rect(chosen))
    assert view.docked and view.dock.rect.contains(view.screen_rect(chosen))
    if view.reply:
        top = view.dock.rect.y - round(view.dock.offset) + view._reply_top
        assert view.dock.rect.y <= top < view.dock.rect.bottom
