"""Settings: saved atomically as JSON, read back, and never a crash on a bad file."""
from __future__ import annotations

import json
import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import settings as settings_mod  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402


@pytest.fixture()
def config(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(folder))
    return folder


def test_defaults_when_there_is_no_file(config):
    assert settings_mod.load() == Settings()


def test_save_and_load_round_trip(config):
    wanted = Settings(text_size=150, text_speed="fast", high_contrast=True, reduced_motion=True,
                      volume=30, fullscreen=False)
    settings_mod.save(wanted)
    assert settings_mod.load() == wanted
    assert json.loads((config / "settings.json").read_text())["text_size"] == 150
    assert [p.name for p in config.iterdir()] == ["settings.json"]   # no temp file left


@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe\x00garbage", b"[1, 2, 3]",
                                     b"null", b'"a string"', b"[" * 5000])
def test_a_corrupt_file_gives_defaults(config, content):
    config.mkdir(parents=True)
    (config / "settings.json").write_bytes(content)
    assert settings_mod.load() == Settings()


def test_bad_values_fall_back_one_by_one(config):
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({
        "text_size": 999, "text_speed": "warp", "high_contrast": "yes", "volume": 50,
        "reduced_motion": True, "unknown": 1}))
    got = settings_mod.load()
    assert got == Settings(volume=50, reduced_motion=True)


def test_the_window_starts_with_a_corrupt_file(config):
    config.mkdir(parents=True)
    (config / "settings.json").write_text("{{{{")
    pilot = Pilot(settings=None)
    assert pilot.app.settings == Settings()
    assert pilot.screen_is("title")


def test_settings_screen_changes_persist(config):
    pilot = Pilot(settings=settings_mod.load(), persist=True)
    pilot.number(2)                                  # Settings
    assert pilot.screen_is("settings")
    pilot.key(pygame.K_RIGHT)                        # text size 100 -> 125
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_RIGHT)                        # speed normal -> fast
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_RETURN)                       # high contrast on
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_RETURN)                       # reduced motion on
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_LEFT)                         # volume 70 -> 60
    saved = settings_mod.load()
    assert saved == Settings(text_size=125, text_speed="fast", high_contrast=True,
                             reduced_motion=True, volume=60)
    assert pilot.app.theme.high_contrast and pilot.app.theme.scale == 1.25
    pilot.key(pygame.K_ESCAPE)
    again = Pilot(settings=settings_mod.load())
    assert again.app.settings == saved


def test_settings_segments_are_clickable(config):
    pilot = Pilot(settings=settings_mod.load(), persist=True)
    pilot.number(2)
    screen = pilot.top
    row = screen.rows[0]
    value, rect = row.segments[-1]                   # the largest text size
    dy = screen.scroll.rect.y - round(screen.scroll.offset)
    pilot.click(rect.move(0, dy).center)
    assert pilot.app.settings.text_size == value == max(settings_mod.TEXT_SIZES)
    assert settings_mod.load().text_size == value


def test_an_unwritable_folder_is_reported_not_fatal(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(blocker / "sub"))
    pilot = Pilot(settings=Settings(), persist=True)
    pilot.number(2)
    pilot.key(pygame.K_RIGHT)
    assert pilot.app.settings.text_size == 125       # applied even though not saved
    assert pilot.app.save_error
