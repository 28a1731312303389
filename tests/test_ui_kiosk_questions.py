"""The kiosk asks the lesson's questions before play and again after the debrief, keeps
the answers in the export, and lets the same student play again as a replay the class
report counts once (issue 17 parts 5 and 6)."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.classroom import strings as K  # noqa: E402
from game.classroom.class_data import ClassData  # noqa: E402
from game.classroom.debrief_steps import PAGES  # noqa: E402
from game.classroom.export import check_export  # noqa: E402
from test_ui_kiosk import begin, exports, finish_debrief, kiosk, play_to_debrief  # noqa: E402


def test_questions_before_play_and_after_the_debrief_go_into_the_export(tmp_path):
    pilot, kio, clock, folder = kiosk(tmp_path, "questions: [decides, changed]\n")
    begin(pilot)
    assert pilot.screen_is("question")
    assert pilot.top.title == K.QUESTION_OF.format(n=1, of=2)
    pilot.number(1)                                   # decides: the score (not the fact)
    assert pilot.screen_is("question") and pilot.top.title == K.QUESTION_OF.format(n=2, of=2)
    pilot.key(pygame.K_ESCAPE)                        # changed: skipped
    play_to_debrief(pilot, clock)
    for _ in range(len(PAGES) - 1):
        pilot.press(K.NEXT)
    pilot.press(K.FINISH)
    assert pilot.screen_is("question")                # the same questions again
    pilot.number(2)                                   # decides: the court
    pilot.number(1)                                   # changed: yes
    assert pilot.screen_is("done")
    (data,) = exports(folder)
    assert check_export(data) == []
    asked = {q["id"]: (q["before"], q["after"]) for q in data["questions"]}
    assert asked == {"decides": (1, 2), "changed": (None, 1)}


def test_no_questions_asked_when_the_classroom_file_names_none(tmp_path):
    pilot, kio, clock, folder = kiosk(tmp_path)
    begin(pilot)
    assert not pilot.screen_is("question")
    play_to_debrief(pilot, clock)
    finish_debrief(pilot)
    (data,) = exports(folder)
    assert "questions" not in data


def test_playing_again_is_a_replay_counted_once(tmp_path):
    pilot, kio, clock, folder = kiosk(tmp_path)
    first = begin(pilot)
    play_to_debrief(pilot, clock)
    finish_debrief(pilot)
    pilot.press(K.DONE_AGAIN)
    assert pilot.screen_is("content note")
    second = pilot.top.code
    assert second != first
    pilot.key(pygame.K_RETURN)
    play_to_debrief(pilot, clock)
    finish_debrief(pilot)
    found = {d["session"]: d for d in exports(folder)}
    assert found[second]["replay_of"] == first and "replay_of" not in found[first]
    cls = ClassData(list(found.values()))
    assert [s["session"] for s in cls.sessions] == [first]



@pytest.mark.parametrize("size", [100, 125, 150])
def test_every_option_of_the_bank_fits_its_button_at_every_text_size(size):
    from game.classroom.questions import load_bank
    from game.ui.screens.kiosk_questions import ask_in_turn
    from game.ui.settings import Settings
    from game.ui.testing import Pilot
    bank, _ = load_bank()
    pilot = Pilot(settings=Settings(text_speed="instant", text_size=size))
    ask_in_turn(pilot.app, bank, K.QUESTIONS_BEFORE, lambda chosen: None)
    for _ in bank:
        pilot.redraw()
        screen = pilot.top
        for button in screen.buttons:
            font = pilot.app.theme.font(button.role)
            x = button.rect.x + button.text_x(pilot.app, button.number)
            fitted = pilot.app.cache.fit(font, button.label, button.rect.right - 16 - x)
            assert fitted == button.label, (size, button.label)
        pilot.number(len(screen.buttons))           # skip: the next question


def test_what_we_recorded_names_the_files_and_what_is_in_them(tmp_path):
    """The review: the screen showed "2 files, 28.1 KB" but not which files, nor that the
    seconds taken on every choice are inside."""
    pilot, kio, clock, folder = kiosk(tmp_path)
    code = begin(pilot)
    play_to_debrief(pilot, clock)
    finish_debrief(pilot)
    pilot.press(K.DONE_PRIVACY)
    assert pilot.screen_is("privacy")
    words = [getattr(b, "text", "") for b in pilot.top.build()]
    assert f"{code}.json" in words and f"{code}.html" in words
    assert K.PRIVACY_INSIDE in words and "seconds" in K.PRIVACY_INSIDE


def test_a_kiosk_with_a_seat_gives_that_seats_cell_and_code(tmp_path):
    """Thirty fresh kiosks gave thirty professionals, all Day Zero first (the review); with
    `--seat N` each gives its own cell of the class's design and its own code number."""
    from types import SimpleNamespace

    from game.classroom.config import load_classroom
    from game.classroom.fairness import assign, code_number
    from game.ui.testing import Pilot
    room_file = tmp_path / "classroom.yaml"
    room_file.write_text("format: 1\nchapters: [day_zero, pilot_city]\ncounterbalance: true\n"
                         "persona: alternating\nexport_folder: exports\n", encoding="utf-8")
    room = load_classroom(room_file)
    seen = []
    for seat in (1, 2, 3, 4):
        args = SimpleNamespace(classroom_loaded=room, export=str(room.export_dir), level=None,
                               persona=None, ruleset=None, seed=0, start_at=None, preset=None,
                               dev=False, seat=seat)
        pilot = Pilot(args=args)
        code = begin(pilot)
        student = pilot.app.classroom.student
        cell = assign(seat - 1, ["professional", "migrant"])
        assert (student.persona, student.plan.scored_first) == (cell.persona,
                                                                 cell.scored_first)
        assert int(code.rsplit("-", 1)[1]) == code_number(seat, cell.scored_first)
        seen.append((student.persona, student.plan.scored_first))
    assert len(set(seen)) == 4                         # four seats: the whole 2x2 square
