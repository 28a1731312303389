"""Playable by everyone: the whole game by keyboard alone (no number keys, no mouse) with a
focus that can be seen on every screen, the dyslexia-friendly font, and no information given
by colour alone."""
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

from game.ui import strings as S  # noqa: E402
from game.ui.fonts import FallbackFont  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import INSTANT, Pilot  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"


@pytest.fixture(autouse=True)
def _folders(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))


def focus_is_visible(pilot) -> None:
    """The screen has a focused widget, and moving the focus changes what is drawn."""
    screen = pilot.top
    assert screen.focus.current is not None, f"{screen.name} has no focus"
    if len(screen.focus.items) == 1:            # one button: its ring must be there
        assert ring_drawn(pilot, screen.focus.current), screen.name
        return
    before = pygame.image.tobytes(pilot.redraw(), "RGB")
    pilot.key(pygame.K_TAB)
    after = pygame.image.tobytes(pilot.redraw(), "RGB")
    pilot.key(pygame.K_TAB, mod=pygame.KMOD_LSHIFT)
    assert before != after, f"{screen.name}: moving the focus shows nothing"


def ring_drawn(pilot, widget) -> bool:
    """The 3-pixel accent ring of `paint.focus_ring` along the top of the widget."""
    surf = pilot.redraw()
    ring = widget.rect.inflate(8, 8)
    accent = tuple(pilot.app.theme.palette.accent)
    return all(tuple(surf.get_at((x, ring.top + 1))[:3]) == accent
               for x in range(ring.x + 20, ring.right - 20))


def activate(pilot, label: str) -> None:
    """Tab to the button with this label and press Enter."""
    for _ in range(30):
        current = pilot.top.focus.current
        if current is not None and getattr(current, "label", "").startswith(label):
            pilot.key(pygame.K_RETURN)
            return
        pilot.key(pygame.K_TAB)
    raise AssertionError(f"no button {label!r} on {pilot.screen_name()}")


def choose_by_arrows(pilot) -> None:
    """On the play screen: arrow down to an open choice and press Enter."""
    play = pilot.top
    for _ in range(20):
        current = play.focus.current
        view = getattr(current, "view", None)
        if view is not None and view.available:
            pilot.key(pygame.K_RETURN)
            return
        pilot.key(pygame.K_DOWN)
    raise AssertionError("no open choice reached with the arrow keys")


def test_the_whole_game_by_keyboard_alone_with_a_visible_focus():
    pilot = Pilot(settings=Settings(text_speed="fast"), persist=True)
    focus_is_visible(pilot)                                     # title
    activate(pilot, S.MENU_SETTINGS)
    focus_is_visible(pilot)
    pilot.key(pygame.K_ESCAPE)
    activate(pilot, S.MENU_CREDITS)
    focus_is_visible(pilot)
    pilot.key(pygame.K_ESCAPE)
    activate(pilot, S.MENU_PLAY)
    for _ in range(3):                                          # chapter, persona, ruleset
        if not pilot.screen_is("list"):
            break
        focus_is_visible(pilot)
        pilot.key(pygame.K_RETURN)
    assert pilot.screen_is("play")
    play = pilot.top
    pilot.key(pygame.K_SPACE)                                   # show the whole text
    focus_is_visible(pilot)
    pilot.key(pygame.K_ESCAPE)                                  # pause menu
    focus_is_visible(pilot)
    activate(pilot, S.MENU_SAVE)
    focus_is_visible(pilot)
    pilot.key(pygame.K_RETURN)                                  # save in slot 1
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_h)
    assert pilot.screen_is("history")
    focus_is_visible(pilot)
    pilot.key(pygame.K_ESCAPE)
    for _ in range(300):
        if not pilot.screen_is("play"):
            break
        if play.scene_view.revealing or play.after > 0:
            pilot.key(pygame.K_SPACE)
        else:
            choose_by_arrows(pilot)
    assert pilot.screen_is("ending")
    focus_is_visible(pilot)
    activate(pilot, S.TO_DEBRIEF)
    assert pilot.screen_is("debrief")
    focus_is_visible(pilot)
    pilot.key(pygame.K_END)
    activate(pilot, S.BACK_TO_TITLE)
    assert pilot.screen_is("title")
    activate(pilot, S.MENU_LOAD)                                # the slot saved above
    focus_is_visible(pilot)
    pilot.key(pygame.K_RETURN)
    assert pilot.screen_is("play")


def test_the_focus_ring_is_drawn_around_the_focused_button():
    pilot = Pilot(settings=INSTANT)
    assert ring_drawn(pilot, pilot.top.focus.current)
    pilot.key(pygame.K_DOWN)
    assert ring_drawn(pilot, pilot.top.focus.current)


def _interface_chars() -> set[str]:
    chars = set()
    for name in dir(S):
        value = getattr(S, name)
        texts = value.values() if isinstance(value, dict) else (
            [t for pair in value for t in pair] if isinstance(value, tuple) else [value])
        for text in texts:
            if isinstance(text, str):
                chars.update(c for c in text if ord(c) > 127)
    return chars


def test_the_dyslexia_friendly_font_draws_every_interface_character():
    pilot = Pilot(settings=Settings(text_speed="instant", dyslexic_font=True))
    font = pilot.app.theme.font("body")
    assert isinstance(font, FallbackFont)
    missing = font.fallback.render("\ue000", True, (0, 0, 0))
    for char in sorted(_interface_chars()):
        picture = font.render(char, True, (0, 0, 0))
        assert picture.get_width() > 0
        if not font.has(char):         # drawn by Inter: it must be Inter's real glyph
            real = font.fallback.render(char, True, (0, 0, 0))
            assert pygame.image.tobytes(real, "RGBA") != pygame.image.tobytes(missing, "RGBA")


def test_the_font_setting_changes_the_text_and_every_screen_still_draws():
    from game.ui import flow, screenshots
    pilot = Pilot(settings=INSTANT)
    before = pygame.image.tobytes(pilot.redraw(), "RGB")
    pilot.app.apply_settings(replace(pilot.app.settings, dyslexic_font=True))
    assert pygame.image.tobytes(pilot.redraw(), "RGB") != before
    chapter = screenshots.pick_chapter(str(FIXTURE))
    for name in ("play", "play-locked", "pause", "settings", "history", "ending", "debrief",
                 "credits"):
        pilot.app.reset(flow.title_screen(pilot.app))
        screenshots.SCREENS[name](pilot.app, chapter)
        screenshots.settle(pilot.app, 1.0)
        pilot.redraw()


def test_locked_doors_are_said_in_words_not_only_in_colour():
    args = SimpleNamespace(level=str(FIXTURE), persona="migrant", ruleset="city", seed=0,
                           start_at="station", preset=None, dev=False)
    pilot = Pilot(settings=INSTANT, args=args)
    play = pilot.top
    assert any(not c.available for c in play.session.choices())
    text = "\n".join(line for line, _ in pilot.drawn())
    assert S.CHOICE_LOCKED_NOTE.split("{")[0].strip() in text       # "Locked: ..."
    closed = [name for _, svc, is_open in play.session.services() if not is_open
              for name in [svc.name]]
    if closed:
        assert S.CLOSED in text or S.LOCKED in text
