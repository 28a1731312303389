"""Saving in the window: autosave after each choice and on quit, Continue, the three slots,
undo, and the history after a resume."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import json  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game import saves  # noqa: E402
from game.ui.testing import INSTANT, Pilot  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"
UNDO_ON = replace(INSTANT, undo=True)


@pytest.fixture()
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "saves"


def args(level=str(FIXTURE), **kw):
    return SimpleNamespace(level=level, persona=kw.get("persona", "pro"),
                           ruleset=kw.get("ruleset", "city"), seed=0, start_at=None,
                           preset=None, dev=False)


def pilot(**kw) -> Pilot:
    return Pilot(settings=INSTANT, persist=True, **kw)


def choose_first(p: Pilot) -> None:
    play = p.top
    number = next(c.number for c in play.session.choices() if c.available)
    p.number(number)
    p.read()                        # a key in the first moment after a choice is ignored
    p.key(pygame.K_SPACE, " ")      # skip the pause after the choice


def test_every_choice_is_autosaved_and_continue_resumes_it(data):
    p = pilot(args=args())
    choose_first(p)
    choose_first(p)
    state = p.top.session.state
    assert saves.Store(data).read(saves.AUTOSAVE).state == state.to_json()
    assert saves.Store(data).read(saves.PREVIOUS).step == 1
    # a new window: the title offers Continue first, and it resumes the same state
    q = pilot()
    assert q.top.buttons[0].label == "Continue"
    q.key(pygame.K_RETURN)
    assert q.screen_is("play")
    assert q.top.session.state == state
    assert [e.kind for e in q.top.session.log].count("choice") == 2   # history kept


def test_closing_the_window_autosaves(data):
    p = pilot(args=args())
    p.top.session.choose(next(c.id for c in p.top.session.choices() if c.available))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    p.frames(1)
    assert not p.app.running
    assert saves.Store(data).read(saves.AUTOSAVE).step == 1


def test_a_damaged_autosave_is_reported_and_the_previous_offered(data):
    p = pilot(args=args())
    choose_first(p)
    choose_first(p)
    (data / "autosave.json").write_bytes(b'{"sincerity_save": 1, "payl')
    q = pilot()
    q.key(pygame.K_RETURN)                       # Continue
    assert q.screen_is("list")
    assert "cannot be used" in q.top.note and "\n" not in q.top.note
    q.key(pygame.K_RETURN)                       # resume the one before
    assert q.screen_is("play")
    assert q.top.session.state.step == 1


def test_save_and_load_a_slot_from_the_pause_menu(data):
    p = pilot(args=args())
    choose_first(p)
    saved = p.top.session.state
    p.key(pygame.K_ESCAPE)
    labels = [b.label for b in p.top.buttons]
    p.number(labels.index("Save game") + 1)
    assert p.screen_is("saves")
    p.number(2)
    assert "slot 2" in p.top.note
    assert "Fixture" in p.top.buttons[1].label and "Score" in p.top.buttons[1].detail
    p.key(pygame.K_ESCAPE)
    choose_first(p)
    assert p.top.session.state != saved
    p.key(pygame.K_ESCAPE)
    p.number(labels.index("Load a saved game") + 1)
    p.number(2)
    assert p.screen_is("play")
    assert p.top.session.state == saved


def test_slots_show_the_score_only_as_the_rules_allow(data):
    p = pilot(args=args(ruleset="opaque"))
    choose_first(p)
    p.key(pygame.K_ESCAPE)
    labels = [b.label for b in p.top.buttons]
    p.number(labels.index("Save game") + 1)
    p.number(1)
    detail = p.top.buttons[0].detail
    assert "Score" not in detail and str(p.app.stack[-2][0].session.state.score) not in detail


def test_undo_by_key_and_from_the_pause_menu(data):
    p = Pilot(settings=UNDO_ON, persist=True, args=args())
    play = p.top
    first = play.session.state
    log_length = len(play.session.log)
    choose_first(p)
    second = play.session.state
    choose_first(p)
    p.key(pygame.K_BACKSPACE)
    assert play.session.state == second
    p.key(pygame.K_z, "z", mod=pygame.KMOD_LCTRL)
    assert play.session.state == first
    assert len(play.session.log) == log_length
    assert saves.Store(data).read(saves.AUTOSAVE).state == first.to_json()
    choose_first(p)
    p.key(pygame.K_ESCAPE)
    labels = [b.label for b in p.top.buttons]
    p.number(labels.index("Undo last choice") + 1)
    assert p.screen_is("play") and play.session.state == first


def test_undo_is_off_in_a_classroom_session(data):
    p = Pilot(settings=UNDO_ON, persist=True, args=args())
    play = p.top
    play.session.classroom = True          # as a kiosk's TimedSession is
    choose_first(p)
    after = play.session.state
    p.key(pygame.K_BACKSPACE)
    assert play.session.state == after
    assert p.screen_is("play")
    p.key(pygame.K_ESCAPE)
    assert "Undo last choice" not in [b.label for b in p.top.buttons]


def test_the_history_is_complete_and_scrolls(data):
    p = pilot(args=args())
    for _ in range(4):
        choose_first(p)
    session = p.top.session
    p.key(pygame.K_h)
    history = p.top
    assert p.screen_is("history")
    texts = [getattr(b, "text", "") for b in history.blocks]
    for entry in session.log:              # every scene, choice and reply is on the page
        assert any(entry.title in t for t in texts), entry
    replies = [e.title for e in session.log if e.kind == "reply"]
    assert replies and not any(r.startswith("“") for r in replies)   # never “"Good luck," ...”
    assert history.scroll.max_offset > 0
    assert history.scroll.offset == history.scroll.max_offset   # opens at the latest
    p.key(pygame.K_HOME)
    assert history.scroll.offset == 0
    p.key(pygame.K_PAGEDOWN)
    p.key(pygame.K_DOWN)
    assert history.scroll.offset > 0
    p.wheel((640, 400), -3)
    p.key(pygame.K_END)
    assert history.scroll.offset == history.scroll.max_offset


def test_a_read_only_data_folder_still_plays_and_says_saving_is_off(tmp_path, monkeypatch):
    blocker = tmp_path / "not a folder"
    blocker.write_text("x")
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(blocker / "config"))
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(blocker / "data"))
    p = pilot()
    assert any("Saving is off" in line for line in p.app.notices)
    p.number(1)                                       # Play
    assert not p.screen_is("title")


def _with_half_a_character(path: Path) -> None:
    """Put a JSON escape for half of a character (`\\ud800`) in a save's scene title."""
    document = json.loads(path.read_text(encoding="utf-8"))
    document["payload"]["summary"]["scene"] += "\ud800"
    path.write_bytes(json.dumps(document).encode("ascii"))


def test_half_a_character_in_the_autosave_offers_the_one_before_and_keeps_it(data):
    p = pilot(args=args())
    choose_first(p)
    choose_first(p)
    _with_half_a_character(data / "autosave.json")
    damaged = (data / "autosave.json").read_bytes()
    q = pilot()                                  # starts; before, every start crashed here
    assert q.top.buttons[0].label == "Continue"
    q.key(pygame.K_RETURN)
    assert q.screen_is("list")
    assert saves.BROKEN_CHARACTER in q.top.note
    q.key(pygame.K_RETURN)                       # resume the one before
    assert q.screen_is("play") and q.top.session.state.step == 1
    choose_first(q)                              # the next autosave keeps the damaged one
    aside = list(data.glob("autosave.unreadable-*.json"))
    assert [f.read_bytes() for f in aside] == [damaged]
    told = [t.notice for t in q.top.toasts.shown + q.top.toasts.waiting]
    assert [n.title for n in told].count(saves.SET_ASIDE_TITLE) == 1
    assert aside[0].name in next(n.body for n in told if n.title == saves.SET_ASIDE_TITLE)


def test_a_chapter_opened_by_a_relative_path_continues_from_any_folder(data, monkeypatch,
                                                                       tmp_path):
    monkeypatch.chdir(FIXTURE.parent.parent)
    p = pilot(args=args(level=f"{FIXTURE.parent.name}/{FIXTURE.name}"))
    choose_first(p)
    state = p.top.session.state
    assert saves.Store(data).read(saves.AUTOSAVE).level_path == str(FIXTURE.resolve())
    monkeypatch.chdir(tmp_path)
    q = pilot()
    q.key(pygame.K_RETURN)                       # Continue
    assert q.screen_is("play") and q.top.session.state == state


def _continue_message(data, level_path: str) -> str:
    """What Continue says for an autosave of the fixture's chapter kept at `level_path`."""
    p = pilot(args=args())
    choose_first(p)
    store = saves.Store(data)
    save = store.read(saves.AUTOSAVE)
    store.write(saves.AUTOSAVE, replace(save, level_path=level_path))
    q = pilot()
    q.key(pygame.K_RETURN)
    assert q.screen_is("message")
    return q.top.text


def test_an_old_save_with_a_relative_path_says_where_to_start_the_game(data, monkeypatch,
                                                                       tmp_path):
    monkeypatch.chdir(tmp_path)
    text = _continue_message(data, "fixtures/ui_level.yaml")
    assert "`fixtures/ui_level.yaml`" in text and "relative to the folder" in text


def test_a_chapter_with_errors_says_so_and_how_to_see_them(data, tmp_path):
    broken = tmp_path / "my level.yaml"
    broken.write_text(FIXTURE.read_text(encoding="utf-8").replace("scenes:", "scenes: [",
                                                                  1), encoding="utf-8")
    text = _continue_message(data, str(broken))
    assert "not installed" not in text
    assert f"has problems: see them with `python -m game validate '{broken}'`" in text
