"""Moments of watching and sound in the window (issue 16 parts 1 and 5): the play screen draws
the core's `Watched` events with a figure, a caption and a cue; reduced motion draws the last
pose at once; with the sound off the caption says it; the ambience follows the kind of place,
the theme plays on the title and the endings; three volumes in Settings, kept with them."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from dataclasses import replace  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.content.catalog import bundled  # noqa: E402
from game.core import choose, new_game, start_at  # noqa: E402
from game.core.events import Watched  # noqa: E402
from game.core.strings import moment_line  # noqa: E402
from game.resources import levels_dir  # noqa: E402
from game.ui import settings as settings_mod  # noqa: E402
from game.ui import strings as S  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.sound import Sound  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402
from game.ui.watching import MOTION_SECONDS, Moments  # noqa: E402

TUTORIAL = next(loaded.level for loaded in bundled() if loaded.level.id == "tutorial")


@pytest.fixture(autouse=True)
def _folders(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))


def _seed_with_moments(scene: str, choice: str, persona: str, ruleset: str) -> tuple[int, list]:
    """A seed whose game, started at `scene`, shows moments when `choice` is made."""
    for seed in range(200):
        state = start_at(new_game(TUTORIAL, persona, ruleset, seed), scene)
        watched = [e for e in choose(state, choice).events if isinstance(e, Watched)]
        if len(watched) >= 1:
            return seed, watched
    raise AssertionError("no seed shows a moment")


def _pilot(settings: Settings, scene="crossing", choice="cross"):
    persona, ruleset = next(iter(TUTORIAL.personas)), next(iter(TUTORIAL.rulesets))
    seed, watched = _seed_with_moments(scene, choice, persona, ruleset)
    args = SimpleNamespace(level=str(levels_dir() / "tutorial.yaml"), persona=persona,
                           ruleset=ruleset, seed=seed, start_at=scene, preset=None, dev=False)
    pilot = Pilot(settings=settings, args=args)
    played: list[str] = []
    pilot.app.sound.play = played.append
    number = next(c.number for c in pilot.top.session.choices() if c.id == choice)
    return pilot, watched, played, number


@pytest.mark.parametrize("reduced", [False, True])
def test_a_seen_choice_shows_each_moment_with_a_caption_and_a_cue(reduced):
    pilot, watched, played, number = _pilot(Settings(text_speed="instant",
                                                     reduced_motion=reduced))
    play = pilot.top
    pilot.number(number)
    captions = [moment_line(e.name, e.look) for e in watched]
    assert [c for _, c in play.moments.shown] == captions
    assert {f"cue_{e.look}" for e in watched} <= set(played)
    drawn = " ".join(line for line, _ in pilot.drawn())
    for caption in captions:                     # the silent equivalent: words on the picture
        assert caption.split(":")[0] in drawn
    assert play.moments.moving(reduced) is (not reduced)
    assert any(entry.title == captions[0] for entry in play.session.log)   # in the history
    play.after = 0.0
    play._advance()
    assert play.moments.shown == []              # the next scene starts without them


def test_with_the_sound_off_the_caption_still_says_it():
    pilot, watched, _, number = _pilot(Settings(text_speed="instant", volume=0))
    pilot.number(number)
    drawn = " ".join(line for line, _ in pilot.drawn())
    assert all(e.name in drawn for e in watched)


def _drawn(moments: Moments, reduced: bool) -> bytes:
    surf = pygame.Surface((340, 255))
    surf.fill((200, 200, 200))
    from game.ui.app import App
    app = _APP.get("app") or _APP.setdefault("app", App(window_size=(1280, 720),
                                                        settings=Settings(), persist=False))
    moments.draw(surf, surf.get_rect(), app, reduced)
    return pygame.image.tobytes(surf, "RGB")


_APP: dict = {}


@pytest.mark.parametrize("look", ["camera", "light", "buzz", "glance"])
def test_reduced_motion_draws_the_last_pose_at_once(look):
    moments = Moments()
    moments.set([Watched("w", "A watcher", look)])
    still = _drawn(moments, reduced=True)
    moments.update(0.25)
    assert _drawn(moments, reduced=False) != still          # it moves, without reduced motion
    moments.update(MOTION_SECONDS)
    assert _drawn(moments, reduced=False) == still          # and ends as reduced motion shows it
    assert not moments.moving(False) and not moments.moving(True)
    assert moments.stamp(False) == moments.stamp(True)      # a still frame needs no redraw


def test_the_ambience_follows_the_kind_of_place():
    args = SimpleNamespace(level=str(levels_dir() / "tutorial.yaml"),
                           persona=next(iter(TUTORIAL.personas)),
                           ruleset=next(iter(TUTORIAL.rulesets)), seed=0, start_at=None,
                           preset=None, dev=False)
    pilot = Pilot(settings=Settings(text_speed="instant"), args=args)
    places: list = []
    pilot.app.sound.ambience = places.append
    play = pilot.top
    seen = []
    for _ in range(4):
        seen.append(play.session.state.scene)
        heard = len(places)
        pilot.number(1)
        for _ in range(60):                 # the reply stays for its reading time, then moves on
            pilot.wait(0.5)
            if len(places) > heard:
                break
    seen.append(play.session.state.scene)
    assert len(set(places)) >= 3            # the tutorial's first scenes are different places
    assert places == [TUTORIAL.place_of(s) for s in seen[1:]]


def test_the_title_and_the_ending_play_the_theme():
    pilot = Pilot(settings=Settings(text_speed="instant"))
    assert pilot.app.sound.tune == "theme_title"


def test_sound_plays_loops_and_tunes_quietly_with_the_dummy_driver():
    sound = Sound(volume=50, music=40, ambience=30)
    sound.ambience("street")                  # before the window is up: only remembered
    assert sound.place == "street" and not sound._loaded
    sound.start()
    sound.music("theme_ending")
    sound.ambience("hall")
    sound.ambience(None)
    sound.load_all()
    sound.set_volumes(0, 0, 0)
    sound.play("cue_buzz")


def test_sound_is_silent_when_the_mixer_cannot_start(monkeypatch):
    def broken(*a, **k):
        raise pygame.error("no audio device")
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", broken)
    sound = Sound()
    sound.start()
    sound.ambience("street")
    sound.music("theme_title")
    assert sound.available is False


def test_three_volumes_are_in_settings_and_kept_with_them(tmp_path):
    path = tmp_path / "settings.json"
    chosen = replace(Settings(), volume=30, music_volume=0, ambience_volume=100)
    settings_mod.save(chosen, path)
    assert settings_mod.load(path) == chosen
    path.write_text('{"volume": 20, "music_volume": 101, "ambience_volume": "loud"}')
    loaded, why = settings_mod.read(path)
    assert (loaded.volume, loaded.music_volume, loaded.ambience_volume) == (20, 50, 50)
    assert why == S.SETTINGS_BAD_VALUES


def test_the_settings_screen_sets_each_channel():
    pilot = Pilot(settings=Settings(text_speed="instant"))
    from game.ui.screens.settings_screen import SettingsScreen
    screen = SettingsScreen(pilot.app)
    pilot.app.push(screen)
    pilot.frames(2)
    rows = {row.field: row for row in screen.rows}
    assert {"volume", "ambience_volume", "music_volume"} <= set(rows)
    rows["music_volume"].set(20)
    rows["ambience_volume"].step(-1)
    assert pilot.app.settings.music_volume == 20
    assert pilot.app.settings.ambience_volume == 40
    assert pilot.app.sound.music_volume == 20 and pilot.app.sound.ambience_volume == 40


def test_the_windows_transparency_report_says_which_moments_were_real():
    import random

    from game.core import choices
    from game.core.debrief import transparency_report
    from game.ui.screens.debrief import _row
    for seed in range(40):
        state, pick = new_game(TUTORIAL, seed=seed), random.Random(seed)
        while not state.finished:
            state = choose(state, pick.choice([c for c in choices(state) if c.available]).id).state
        rows = transparency_report(state)
        if any(r.unshown for r in rows) and any(m.recorded for r in rows for m in r.moments) \
                and any(not m.recorded for r in rows for m in r.moments):
            break
    for r in rows:
        cells = _row(r)
        shown, saw = [t for t, _ in cells[2]], [t for t, _ in cells[3]]
        for m in r.moments:
            words = S.REPORT_MOMENT_REAL if m.recorded else S.REPORT_MOMENT_FAKE
            assert words.format(name=m.name) in shown
        assert (S.REPORT_NO_SIGN.format(names=", ".join(r.unshown)) in saw) == bool(r.unshown)
