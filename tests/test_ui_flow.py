"""Reading and flow as a player expects: toasts never cover the scene, outcome lines wait
as long as the player reads, the services list never hides a row, the chapters follow each
other, and a machine with no sound card keeps the terminal clean."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui.messages import Notice  # noqa: E402
from game.ui.settings import TEXT_SIZES, Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"
LEVELS = Path(__file__).parent.parent / "levels"


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


def play_pilot(level=FIXTURE, settings=None, **kw):
    args = SimpleNamespace(level=str(level), persona=kw.get("persona", "pro"),
                           ruleset=kw.get("ruleset", "city"), seed=0,
                           start_at=kw.get("start_at"), preset=None, dev=False)
    pilot = Pilot(settings=settings or Settings(text_speed="instant"), args=args)
    assert pilot.screen_name() == "PlayScreen"
    return pilot


def crop(surface, rect) -> bytes:
    return pygame.image.tobytes(surface.subsurface(rect), "RGB")


@pytest.mark.parametrize("size", [100, max(TEXT_SIZES)])
def test_toasts_never_cover_the_scene_title_or_text(size):
    pilot = play_pilot(settings=Settings(text_speed="instant", text_size=size))
    play = pilot.top
    _, mid, _ = play.columns()
    before = crop(pilot.redraw(), mid)
    for kind in ("bad", "good", "rating"):
        play.toasts.add(Notice(kind, "Share bikes with no deposit: closed",
                               "Needs a score of 1030. Yours is 960 now."))
    pilot.frames(30)
    shot = pilot.redraw()
    assert play.toasts.shown and all(t.rect is not None for t in play.toasts.shown)
    assert crop(shot, mid) == before
    for toast in play.toasts.shown:           # each is on screen, and none overlaps another
        assert pygame.Rect(0, 0, *shot.get_size()).contains(toast.rect)
        assert not any(toast.rect.colliderect(o.rect) for o in play.toasts.shown
                       if o is not toast)


NO_SOUND_CARD_RUN = """
import os
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SINCERITY_FIRST_FRAME_MARK"] = "exit"
from game.ui.app import App
from game.ui.settings import Settings
app = App(settings=Settings(), persist=False)
app.run()                      # the first frame, then pygame.init() (the mixer too)
app.sound.play("locked")       # opens the mixer on first use
print("sound available:", app.sound.available)
"""


@pytest.mark.parametrize("driver", [None, "alsa"])
def test_a_machine_without_a_sound_card_keeps_the_terminal_clean(driver, tmp_path):
    import subprocess
    import sys
    env = {k: v for k, v in os.environ.items() if k != "SDL_AUDIODRIVER"}
    if driver:
        env["SDL_AUDIODRIVER"] = driver
    env["SINCERITY_CONFIG_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", NO_SOUND_CARD_RUN], env=env,
                          capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr
    assert "sound available" in done.stdout
    assert done.stderr == ""


def test_quieting_the_audio_library_never_hides_python_errors(capfd):
    import sys

    from game.ui.sound import quiet_native_stderr
    with pytest.raises(RuntimeError):
        with quiet_native_stderr():
            os.write(2, b"ALSA lib pcm.c: Unknown PCM default\n")
            raise RuntimeError("a Python error")
    print("after the block", file=sys.stderr)
    err = capfd.readouterr().err
    assert "ALSA" not in err and "after the block" in err


def _wait_after_a_reply(settings) -> tuple[float, str]:
    """(seconds the screen waits, the reply) after the first choice that has a reply."""
    pilot = play_pilot(settings=settings)
    play = pilot.top
    for _ in range(30):
        view = next(c for c in play.session.choices() if c.available)
        play.scene_view.reveal_all()
        play._choose(view)
        if play.scene_view.reply:
            return play.after, play.scene_view.reply
        play._advance()
    raise AssertionError("no choice with a reply in the fixture")


def test_the_reply_waits_as_long_as_the_player_reads():
    slow, reply = _wait_after_a_reply(Settings(text_speed="slow"))
    normal, _ = _wait_after_a_reply(Settings(text_speed="normal"))
    fast, _ = _wait_after_a_reply(Settings(text_speed="fast"))
    assert slow > normal > fast
    words = len(reply.split())
    assert normal >= words / 4          # time for the reply's words at a reading pace
    # instant text and reduced motion skip the typing, not the reading
    instant, _ = _wait_after_a_reply(Settings(text_speed="instant"))
    reduced, _ = _wait_after_a_reply(Settings(text_speed="slow", reduced_motion=True))
    assert instant == normal and reduced == slow


def test_a_longer_reply_gets_longer():
    from game.ui.screens.play import aftermath_seconds
    short, long = "A tick appears.", " ".join(["word"] * 40)
    assert aftermath_seconds(long, "normal") > aftermath_seconds(short, "normal") + 5
    assert aftermath_seconds(None, "slow") < aftermath_seconds(short, "slow")
