"""The kiosk's six-step debrief, by keyboard: typing goes to the answer box from the start of
each step (a space never presses Next while a student writes), and Finish asks before it
throws typed answers away."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.classroom import strings as K  # noqa: E402
from game.ui.screens.kiosk_debrief import DebriefStepsScreen  # noqa: E402
from game.ui.screens.kiosk_demo import _session  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


def debrief(text_size: int = 100):
    """A pilot showing the six steps; `finished` collects what Finish handed on."""
    data, level = _session()
    pilot = Pilot(settings=Settings(text_speed="instant", text_size=text_size))
    finished = []
    screen = DebriefStepsScreen(pilot.app, data, level, True,
                                on_finish=lambda answers, include: finished.append(
                                    (answers, include)))
    pilot.app.push(screen)
    pilot.frames(1)
    return pilot, screen, finished


def type_keys(pilot, text: str) -> None:
    """As a keyboard does: KEYDOWN then TEXTINPUT for each character."""
    for ch in text:
        key = pygame.K_SPACE if ch == " " else pygame.key.key_code(ch)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=ch,
                                             scancode=0))
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=ch,
                                             scancode=0))
        pilot.frames(1)


def test_typing_before_clicking_goes_to_the_box_and_never_presses_next():
    pilot, screen, _ = debrief()
    type_keys(pilot, "angry at it")
    assert screen.step == 0
    assert screen.answers["feel"] == "angry at it"


def test_after_a_click_elsewhere_typing_still_goes_to_the_box():
    pilot, screen, _ = debrief()
    pilot.click((screen.left.centerx, screen.left.bottom - 4))    # the data column
    type_keys(pilot, "so so")
    assert screen.step == 0 and screen.answers["feel"] == "so so"


def test_tab_then_space_presses_next_and_types_nothing_on_the_next_step():
    pilot, screen, _ = debrief()
    type_keys(pilot, "ok")
    pilot.key(pygame.K_TAB)
    assert screen.focus.current is pilot.button(K.NEXT)
    type_keys(pilot, " ")
    assert screen.step == 1 and screen.answers["feel"] == "ok"
    assert screen.answers["happened"] == ""
    assert screen.focus.current is screen.box and screen.box.editing


def test_finish_asks_before_throwing_typed_answers_away():
    pilot, screen, finished = debrief()
    type_keys(pilot, "mine")
    for _ in range(5):
        pilot.press(K.NEXT)
    assert screen.step == 5
    pilot.press(K.FINISH)                                          # the box unticked
    assert finished == [] and pilot.screen_is("confirm")
    pilot.key(pygame.K_RETURN)                                     # "Go back" has the focus
    assert finished == [] and pilot.top is screen
    assert screen.focus.current is screen.tick
    pilot.key(pygame.K_RETURN)                                     # tick it
    pilot.press(K.FINISH)
    assert finished == [({**{k: "" for k in screen.answers}, "feel": "mine"}, True)]


def test_finish_without_answers_asks_nothing_and_can_drop_them_when_confirmed():
    pilot, screen, finished = debrief()
    for _ in range(5):
        pilot.press(K.NEXT)
    pilot.press(K.FINISH)
    assert finished == [(None, False)]
    pilot, screen, finished = debrief()
    type_keys(pilot, "x")
    for _ in range(5):
        pilot.press(K.NEXT)
    pilot.press(K.FINISH)
    pilot.press(K.DROP_YES)
    assert finished == [(None, False)]


@pytest.mark.parametrize("size", [100, 125, 150])
def test_the_key_hint_never_runs_under_the_buttons(size):
    """At 150% the hint along the bottom ran under Back and Finish and save."""
    pilot, screen, _ = debrief(size)
    for _ in range(len(K.STEPS)):
        first_part = K.DEBRIEF_KEYS.split(" · ")[0]
        hints = [rect for line, rect in pilot.drawn() if line.startswith(first_part)]
        assert hints, "the hint is not shown at all"
        for rect in hints:
            assert not any(rect.colliderect(b.rect) for b in screen.buttons), (size, screen.step)
        if screen.step + 1 < len(K.STEPS):
            screen.next()
    assert screen.step == len(K.STEPS) - 1          # every step was looked at, Finish too


def test_the_what_if_step_shows_the_same_choices_under_the_other_rules():
    pilot, screen, _ = debrief()
    data, _ = _session()
    (entry,) = data["chapters"][-1]["contrast"]
    while screen.key != "what_if":
        screen.next()
    texts = [getattr(block, "text", None) for block in screen.blocks()]
    words = entry["words"]
    assert words["title"].upper() in texts and words["intro"] in texts
    for line in words["rows"] + words["summary"]:
        assert line in texts
    without = {**data, "chapters": [{k: v for k, v in c.items() if k != "contrast"}
                                    for c in data["chapters"]]}
    old = DebriefStepsScreen(pilot.app, without, None, True)
    old.step = screen.step
    assert words["intro"] not in [getattr(b, "text", None) for b in old.blocks()]


def test_the_first_step_opens_with_the_verdict_the_window_shows():
    """The kiosk's first step draws the same three lines as the window and the text mode,
    kept in the session record; a record from before they were kept shows none."""
    pilot, screen, _ = debrief()
    data, _ = _session()
    lines = data["chapters"][-1]["verdict"]
    assert len(lines) == 3 and all(lines)
    texts = [getattr(block, "text", None) for block in screen.blocks()]
    assert texts[1:4] == lines
    without = {**data, "chapters": [{k: v for k, v in c.items() if k != "verdict"}
                                    for c in data["chapters"]]}
    old = DebriefStepsScreen(pilot.app, without, None, True)
    assert not set(lines) & {getattr(b, "text", None) for b in old.blocks()}
