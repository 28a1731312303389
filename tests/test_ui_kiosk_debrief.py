"""The kiosk's six-step debrief on four pages, by keyboard: typing goes to an answer box from
the start of each page (a space never presses Next while a student writes), Tab goes on to
the page's next box, and Finish asks before it throws typed answers away."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.classroom import strings as K  # noqa: E402
from game.classroom.debrief_steps import PAGES  # noqa: E402
from game.ui.screens.kiosk_debrief import DebriefStepsScreen  # noqa: E402
from game.ui.screens.kiosk_debrief_data import FOLD_RULES  # noqa: E402
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
    assert screen.page == 0
    assert screen.answers["feel"] == "angry at it"


def test_after_a_click_elsewhere_typing_still_goes_to_the_box():
    pilot, screen, _ = debrief()
    pilot.click((screen.view.x + 100, screen.view.bottom - 4))    # the data column
    type_keys(pilot, "so so")
    assert screen.page == 0 and screen.answers["feel"] == "so so"


def test_tab_goes_to_the_next_box_and_typing_follows_it():
    pilot, screen, _ = debrief()
    type_keys(pilot, "sad")
    pilot.key(pygame.K_TAB)
    assert screen.focus.current is screen.boxes["happened"] is screen.box
    type_keys(pilot, "a camera")
    pilot.click((screen.view.x + 100, screen.view.bottom - 4))    # elsewhere on the page
    type_keys(pilot, " saw me")
    assert screen.answers["feel"] == "sad" and screen.answers["happened"] == "a camera saw me"


def test_a_box_grows_as_the_answer_does():
    pilot, screen, _ = debrief()
    box = screen.boxes["feel"]
    before, below = box.rect.h, screen.boxes["happened"].rect.y
    type_keys(pilot, "It felt like being watched all the time, even at home. " * 2)
    assert box.rect.h > before and screen.boxes["happened"].rect.y > below
    assert screen.view.contains(box.rect)          # still in view where typing happens


def test_tab_then_space_presses_next_and_types_nothing_on_the_next_step():
    pilot, screen, _ = debrief()
    type_keys(pilot, "ok")
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_TAB)                                         # past the second box
    assert screen.focus.current is pilot.button(K.NEXT)
    type_keys(pilot, " ")
    assert screen.page == 1 and screen.answers["feel"] == "ok"
    assert screen.answers["learned"] == ""
    assert screen.focus.current is screen.box is screen.boxes["learned"]
    assert screen.box.editing


def test_finish_asks_before_throwing_typed_answers_away():
    pilot, screen, finished = debrief()
    type_keys(pilot, "mine")
    for _ in range(len(PAGES) - 1):
        pilot.press(K.NEXT)
    assert screen.last
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
    for _ in range(len(PAGES) - 1):
        pilot.press(K.NEXT)
    pilot.press(K.FINISH)
    assert finished == [(None, False)]
    pilot, screen, finished = debrief()
    type_keys(pilot, "x")
    for _ in range(len(PAGES) - 1):
        pilot.press(K.NEXT)
    pilot.press(K.FINISH)
    pilot.press(K.DROP_YES)
    assert finished == [(None, False)]


@pytest.mark.parametrize("size", [100, 125, 150])
def test_the_key_hint_never_runs_under_the_buttons(size):
    """At 150% the hint along the bottom ran under Back and Finish and save."""
    pilot, screen, _ = debrief(size)
    for _ in range(len(PAGES)):
        first_part = K.DEBRIEF_KEYS.split(" · ")[0]
        hints = [rect for line, rect in pilot.drawn() if line.startswith(first_part)]
        assert hints, "the hint is not shown at all"
        for rect in hints:
            assert not any(rect.colliderect(b.rect) for b in screen.buttons), (size, screen.page)
        if not screen.last:
            screen.next()
    assert screen.last                              # every page was looked at, Finish too


def texts(screen) -> list:
    return [getattr(block, "text", None) for block, _ in screen.placed]


def test_the_what_if_step_shows_the_same_choices_under_the_other_rules_behind_one_line():
    pilot, screen, _ = debrief()
    data, _ = _session()
    (entry,) = data["chapters"][-1]["contrast"]
    while "what_if" not in screen.keys:
        screen.next()
    words = entry["words"]
    assert words["intro"] not in texts(screen)                       # folded as it opens
    [fold] = [f for f in screen.folds if f.fold == FOLD_RULES]
    pilot.click(fold.rect.center)                                    # a click opens it
    assert words["intro"] in texts(screen)
    for line in words["rows"] + words["summary"]:
        assert line in texts(screen)
    [line] = [f for f in screen.folds if f.fold == FOLD_RULES]
    assert screen.view.contains(line.rect)                            # its line in view
    type_keys(pilot, "x")
    assert screen.answers["relates"] == "x"                         # typing still goes to a box
    without = {**data, "chapters": [{k: v for k, v in c.items() if k != "contrast"}
                                    for c in data["chapters"]]}
    old = DebriefStepsScreen(pilot.app, without, None, True)
    pilot.app.push(old)
    old.page = screen.page
    old.layout()
    assert not [f for f in old.folds if f.fold == FOLD_RULES]


def test_the_first_step_opens_with_the_verdict_the_window_shows():
    """The kiosk's first step draws the same three lines as the window and the text mode,
    kept in the session record; a record from before they were kept shows none."""
    pilot, screen, _ = debrief()
    data, _ = _session()
    lines = data["chapters"][-1]["verdict"]
    assert len(lines) == 3 and all(lines)
    assert texts(screen)[1:4] == lines
    without = {**data, "chapters": [{k: v for k, v in c.items() if k != "verdict"}
                                    for c in data["chapters"]]}
    old = DebriefStepsScreen(pilot.app, without, None, True)
    pilot.app.push(old)
    assert not set(lines) & set(texts(old))


def test_a_folded_part_opens_from_the_keyboard_too():
    """Tab reaches a fold's line (after the boxes and Next); Enter opens it and shows it."""
    from game.ui.screens.kiosk_debrief import FoldLine
    from game.ui.screens.kiosk_debrief_data import FOLD_HAPPENED
    pilot, screen, _ = debrief()
    data, level = _session()
    for _ in range(8):
        pilot.key(pygame.K_TAB)
        if isinstance(screen.focus.current, FoldLine):
            break
    assert screen.focus.current.fold == FOLD_HAPPENED
    lines = [line for line in texts(screen) if line and "Your score went" in line]
    assert not lines                                              # folded as the page opens
    pilot.key(pygame.K_RETURN)
    assert FOLD_HAPPENED in screen.opened
    assert any(line and "Your score went" in line for line in texts(screen))
    assert screen.view.contains(screen.focus.current.rect)        # its line, in view
    pilot.key(pygame.K_RETURN)                                    # and folds it away again
    assert not screen.opened


def test_questions_that_fit_stay_put_while_the_data_scrolls_beside_them():
    """Reading the data to its end kept the answer box scrolled off the top of the page."""
    from game.ui.screens.kiosk_debrief_data import FOLD_PAIRS
    pilot, screen, _ = debrief()
    screen.next()                                                  # "What did you learn?"
    screen.toggle(FOLD_PAIRS)
    pilot.key(pygame.K_END)
    assert screen.scroll.offset > 0                                # the data did scroll
    assert screen.pinned and screen.view.contains(screen.box.rect)
    type_keys(pilot, "less")
    assert screen.answers["learned"] == "less"


@pytest.mark.parametrize("size", [100, 150])
def test_the_note_on_unticked_answers_sits_under_the_tick_box_it_explains(size):
    """The note "If you leave this unticked..." stood in the data column, far from the box."""
    pilot, screen, _ = debrief(size)
    for _ in range(len(PAGES) - 1):
        pilot.press(K.NEXT)
    drawn = pilot.drawn()
    notes = [rect for line, rect in drawn if line.startswith(K.INCLUDE_NOTE.split()[0])]
    words = [rect for line, rect in drawn if line.startswith(K.INCLUDE_ANSWERS.split()[0])]
    assert len(notes) == 1 and len(words) == 1, "the note and the tick's words, once each"
    note, label = notes[0], words[0]
    assert note.x == label.x                                       # in line with its words
    label_lines = [r for _, r in drawn if r.x == label.x and label.y <= r.y < note.y]
    assert 0 <= note.y - max(r.bottom for r in label_lines) < 16   # straight under them
    assert screen.tick.rect.colliderect(label)                     # (which are the box's)
