"""Nothing touches the network: with every way of opening a connection made to fail, a whole
chapter plays in the terminal and in the (headless) window, with saves, and `validate` and
`report` run."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import io  # noqa: E402
import itertools  # noqa: E402
import socket  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import cli  # noqa: E402
from game.core import new_game  # noqa: E402
from game.ui import levels  # noqa: E402
from game.ui.testing import INSTANT, Pilot  # noqa: E402

ATTEMPTS: list[str] = []


class NoNetwork(OSError):
    pass


def _refuse(what):
    def refuse(*args, **kwargs):
        ATTEMPTS.append(f"{what}{args[:2]}")
        raise NoNetwork(f"test: the game tried to use the network ({what})")
    return refuse


class _RefusingSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse("socket.socket")(*args)


@pytest.fixture(autouse=True)
def no_network(monkeypatch, tmp_path):
    ATTEMPTS.clear()
    monkeypatch.setattr(socket, "socket", _RefusingSocket)
    for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname",
                 "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, _refuse(f"socket.{name}"))
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))
    yield
    assert not ATTEMPTS, ATTEMPTS


def test_the_guard_works():
    with pytest.raises(NoNetwork):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NoNetwork):
        socket.socket()
    ATTEMPTS.clear()


def test_a_chapter_in_text_mode():
    from game.text import play_text
    chapter = levels.find("tutorial")
    out = io.StringIO()
    answers = (str(n) for n in itertools.cycle(range(1, 10)))
    assert play_text(new_game(chapter.level), lines=answers, out=out) == 0
    assert "Final score" in out.getvalue() or "Ending" in out.getvalue()


def test_a_chapter_in_the_window_with_saves_then_validate_and_report(tmp_path, capsys):
    chapter = levels.find("tutorial")
    pilot = Pilot(settings=INSTANT, persist=True,
                  args=SimpleNamespace(level=str(chapter.path), persona=None, ruleset=None,
                                       seed=0, start_at=None, preset=None, dev=False))
    for _ in range(400):
        if pilot.screen_is("list"):     # persona, ruleset
            pilot.number(1)
            continue
        if not pilot.screen_is("play"):
            break
        play = pilot.top
        if play.scene_view.revealing or play.after > 0:
            pilot.key(pygame.K_SPACE, " ")
        else:
            pilot.number(next(c.number for c in play.session.choices() if c.available))
    assert pilot.screen_is("ending")
    pilot.key(pygame.K_RETURN)                      # into the debrief
    assert pilot.screen_is("debrief")
    assert (tmp_path / "data" / "saves" / "autosave.json").is_file()
    assert cli.main(["validate"]) == 0
    from game.classroom.generate import generate_class, write_class
    folder = tmp_path / "sessions"
    write_class(folder, generate_class(6))
    out = tmp_path / "class.html"
    assert cli.main(["report", str(folder), "-o", str(out)]) == 0
    assert out.is_file() and out.stat().st_size > 1000
