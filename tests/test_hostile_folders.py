"""A read-only or full config and data folder: the game still plays a whole chapter, and says
(on the title and on the play screen) that saving is off."""
from __future__ import annotations

import errno
import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import tempfile  # noqa: E402
from dataclasses import replace  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import levels, paint  # noqa: E402
from game.ui.testing import INSTANT, Pilot  # noqa: E402


def drawn_text(pilot) -> str:
    """Every line of text the window draws now."""
    paint.AUDIT = []
    try:
        pilot.redraw()
        return "\n".join(line for line, *_ in paint.AUDIT)
    finally:
        paint.AUDIT = None


def play_to_the_end(pilot) -> None:
    for _ in range(400):
        name = pilot.screen_name()
        if name == "list":
            pilot.number(1)
        elif name == "play":
            play = pilot.top
            if play.scene_view.revealing or play.after > 0:
                pilot.key(pygame.K_SPACE, " ")
            else:
                pilot.number(next(c.number for c in play.session.choices() if c.available))
        else:
            break
    assert pilot.screen_is("ending")


def args():
    return SimpleNamespace(level=str(levels.find("tutorial").path), persona=None, ruleset=None,
                           seed=0, start_at=None, preset=None, dev=False)


@pytest.fixture()
def folders(tmp_path, monkeypatch):
    config, data = tmp_path / "config", tmp_path / "data"
    for folder in (config, data / "saves"):
        folder.mkdir(parents=True)
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(config))
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(data))
    yield config, data
    for folder in (config, data, data / "saves"):
        folder.chmod(0o755)


def test_a_read_only_folder(folders, monkeypatch):
    config, data = folders
    for folder in (config, data / "saves", data):
        folder.chmod(0o555)
    if os.access(data / "saves", os.W_OK):      # root writes anyway: the file system refuses
        def read_only(*args, **kwargs):
            raise OSError(errno.EROFS, "Read-only file system")
        monkeypatch.setattr(tempfile, "mkstemp", read_only)
    pilot = Pilot(settings=INSTANT, persist=True, args=args())
    assert any("Saving is off" in line for line in pilot.app.notices)
    play_to_the_end(pilot)                          # the whole chapter plays
    pilot.app.apply_settings(replace(pilot.app.settings, text_size=125))   # not saved, used
    assert pilot.app.settings.text_size == 125 and pilot.app.save_error
    pilot.key(pygame.K_3)                           # Title
    assert pilot.screen_is("title")
    assert "Saving is off" in drawn_text(pilot)
    assert not list((data / "saves").iterdir())


def test_a_full_disk(folders, monkeypatch):
    config, data = folders
    pilot = Pilot(settings=INSTANT, persist=True, args=args())
    assert not pilot.app.notices

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    pilot.number(1)                                 # a persona
    for _ in range(10):
        if not pilot.screen_is("play"):
            pilot.number(1)
    play = pilot.top
    pilot.number(next(c.number for c in play.session.choices() if c.available))
    pilot.key(pygame.K_SPACE, " ")
    assert "Saving is off: the disk is full" in drawn_text(pilot)   # the play screen says so
    play_to_the_end(pilot)
    assert not [p for p in (data / "saves").iterdir() if p.suffix == ".json"]
    assert not [p for p in (data / "saves").iterdir() if p.suffix == ".tmp"]
