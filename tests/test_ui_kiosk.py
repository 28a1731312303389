"""Kiosk mode, driven headless: waiting screen -> content note -> play -> debrief -> export ->
wipe -> the next student; Esc and the window's close button never quit, the teacher's keys
do; idle sessions are asked, then ended; the time limit warns, then opens the debrief."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import gc  # noqa: E402
import json  # noqa: E402
import weakref  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.classroom import strings as K  # noqa: E402
from game.classroom.debrief_steps import PAGES  # noqa: E402
from game.classroom.config import load_classroom  # noqa: E402
from game.classroom.export import read_session  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

ROOM = """\
format: 1
name: Test class
chapters: [day_zero, pilot_city]
counterbalance: true
persona: alternating
ruleset: articles
idle_minutes: 3
export_folder: exports
exit_keys: ctrl+shift+q
"""


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


def kiosk(tmp_path, extra: str = "", **changes):
    """A kiosk on the ROOM classroom file, with `key=value` changes and extra lines."""
    text = ROOM
    for key, value in changes.items():
        text = "\n".join(f"{key}: {value}" if line.startswith(f"{key}:") else line
                         for line in text.splitlines()) + "\n"
    room_file = tmp_path / "classroom.yaml"
    room_file.write_text(text + extra, encoding="utf-8")
    room = load_classroom(room_file)
    assert room.ok, room.format()
    args = SimpleNamespace(classroom_loaded=room, export=str(room.export_dir), level=None,
                           persona=None, ruleset=None, seed=0, start_at=None, preset=None,
                           dev=False)
    pilot = Pilot(args=args)
    clock = Clock()
    pilot.app.classroom.clock = clock
    return pilot, pilot.app.classroom, clock, room.export_dir


def begin(pilot) -> str:
    assert pilot.screen_is("attract")
    pilot.key(pygame.K_SPACE, " ")
    assert pilot.screen_is("content note")
    code = pilot.top.code
    pilot.key(pygame.K_RETURN)       # Start has the focus
    return code


def choose_once(pilot) -> None:
    """Skip the typewriter or the pause after a choice, then make one choice (if the chapter
    has not ended meanwhile)."""
    for _ in range(20):
        play = pilot.top
        if not pilot.screen_is("play"):
            return
        if play.scene_view.revealing or play.after > 0:
            pilot.key(pygame.K_SPACE, " ")
            continue
        pilot.number(next(c.number for c in play.session.choices() if c.available))
        return


def play_to_debrief(pilot, clock=None, limit: int = 600) -> None:
    for _ in range(limit):
        name = pilot.screen_name()
        if name == "play":
            choose_once(pilot)
            if clock is not None:
                clock.advance(4)
        elif name in ("kiosk ending", "finale"):   # the finale follows the last chapter
            pilot.key(pygame.K_RETURN)
        else:
            assert name == "debrief steps", name
            return
    raise AssertionError("the chapters did not end")


def finish_debrief(pilot, typed: str | None = None, include: bool = False) -> None:
    screen = pilot.top
    if typed:
        pilot.click(screen.box.rect.center)
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=typed))
        pilot.frames(2)
    for _ in range(len(PAGES) - 1):
        pilot.press(K.NEXT)
    if include:
        pilot.click(screen.tick.rect.center)
    pilot.press(K.FINISH)
    if typed and not include:                        # "Throw away your answers?"
        assert pilot.screen_is("confirm")
        pilot.press(K.DROP_YES)
    assert pilot.screen_is("done")


def exports(folder: Path) -> list[dict]:
    return [read_session(p) for p in sorted(folder.glob("*.json"))]


# ---------------------------------------------------------------- the whole round

def test_two_students_one_after_the_other(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    first = begin(pilot)
    assert pilot.screen_is("play")
    play_to_debrief(pilot, clock)
    finish_debrief(pilot, typed="Watched, all the time.", include=True)
    [data] = exports(folder)
    assert data["session"] == first and data["status"] == "finished"
    assert data["answers"]["feel"] == "Watched, all the time."
    assert data["mode"] == "kiosk" and data["classroom"]["name"] == "Test class"
    assert {c["level"] for c in data["chapters"]} == {"day_zero", "pilot_city"}
    assert data["chilling"]["pairs"] == 6
    assert all(c["seconds"] is not None for ch in data["chapters"] for c in ch["choices"])
    assert (folder / f"{first}.html").is_file()

    old = weakref.ref(k.student)
    pilot.key(pygame.K_1, "1")                       # "Finish: ready for the next student"
    gc.collect()
    assert pilot.screen_is("attract") and old() is None and k.student is None

    second = begin(pilot)
    assert second != first
    play_to_debrief(pilot, clock)
    finish_debrief(pilot, typed="Not kept", include=False)
    one, two = sorted(exports(folder), key=lambda d: d["session"] != first)
    assert two["answers"] is None and "Not kept" not in json.dumps(two)
    assert one["persona"]["id"] != two["persona"]["id"]              # alternating
    for data in (one, two):                                          # order as planned
        first_level = data["chapters"][0]["level"]
        assert (first_level == "pilot_city") == data["classroom"]["scored_first"]


def test_fresh_computers_do_not_all_give_the_same_persona_and_order(tmp_path):
    """One student per computer: the first student of each freshly started kiosk lands
    anywhere in the balanced square, not always on persona A, unscored first."""
    from game.ui.screens.kiosk import Kiosk
    pilot, k, clock, folder = kiosk(tmp_path)
    firsts = set()
    for _ in range(60):
        fresh = Kiosk(pilot.app, k.room, folder, clock=clock)
        fresh.begin()
        plan = fresh.student.plan
        firsts.add((plan.persona, plan.scored_first))
        pilot.app.pop()
    assert firsts == {(p, o) for p in k.personas for o in (True, False)}


def test_a_wipe_leaves_nothing_of_the_student(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    begin(pilot)
    pilot.app.apply_settings(replace(pilot.app.settings, text_size=150, high_contrast=True))
    session = weakref.ref(k.student.session)
    play_to_debrief(pilot, clock)
    finish_debrief(pilot, typed="my secret words", include=False)
    pilot.key(pygame.K_1, "1")
    pilot.frames(2)
    gc.collect()
    assert session() is None and k.student is None
    assert pilot.app.settings == k.base_settings
    assert getattr(pilot.app, "carry", None) is None
    assert [s.name for s, _ in pilot.app.stack] == ["attract"]
    assert not any("my secret words" in str(key) for key in pilot.app.cache._surfaces)
    assert not any("my secret words" in str(key) for key in pilot.app.cache._layouts)
    on_disk = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                     if p.is_file())
    code = exports(folder)[0]["session"]
    assert on_disk == ["classroom.yaml", f"exports/{code}.html", f"exports/{code}.json"]


# ---------------------------------------------------------------- only the teacher quits

def test_esc_the_close_button_and_f11_do_not_leave_kiosk_mode(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("attract") and pilot.app.running
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pilot.frames(2)
    assert pilot.app.running
    fullscreen = pilot.app.fullscreen
    pilot.key(pygame.K_F11)
    assert pilot.app.fullscreen == fullscreen
    pilot.key(pygame.K_LCTRL, mod=pygame.KMOD_LCTRL)     # a modifier alone does not begin
    assert pilot.screen_is("attract")
    begin(pilot)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("pause") and pilot.app.running


def test_the_teacher_keys_quit_and_keep_the_record(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    code = begin(pilot)
    choose_once(pilot)
    choose_once(pilot)
    pilot.key(pygame.K_q, "q", mod=pygame.KMOD_LCTRL)                   # not enough
    assert pilot.app.running
    pilot.key(pygame.K_q, "q", mod=pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT)
    assert not pilot.app.running
    [data] = exports(folder)
    assert data["session"] == code and data["status"] == "stopped"
    assert len(data["chapters"][0]["choices"]) == 2


def test_quit_to_title_asks_then_ends_the_session(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    begin(pilot)
    choose_once(pilot)
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_4, "4")                                            # Quit to title
    assert pilot.screen_is("confirm")
    pilot.key(pygame.K_ESCAPE)                                            # no: keep playing
    assert pilot.screen_name() in ("play", "pause")
    pilot.key(pygame.K_ESCAPE) if pilot.screen_is("pause") else None
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_4, "4")
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN)                                            # yes
    assert pilot.screen_is("attract")
    [data] = exports(folder)
    assert data["status"] == "left" and len(data["chapters"][0]["choices"]) == 1


# ---------------------------------------------------------------- idle and time

def test_idle_asks_still_playing_then_ends_the_session(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    begin(pilot)
    choose_once(pilot)
    clock.advance(3 * 60)
    pilot.frames(2)
    assert pilot.screen_is("still playing")
    pilot.key(pygame.K_SPACE, " ")
    assert pilot.screen_is("play")
    assert exports(folder) == []
    clock.advance(3 * 60 + 10)
    pilot.frames(2)
    assert pilot.screen_is("still playing")
    clock.advance(25)
    pilot.frames(2)
    assert pilot.screen_is("attract") and k.student is None
    [data] = exports(folder)
    assert data["status"] == "idle" and len(data["chapters"][0]["choices"]) == 1


def test_idle_before_playing_records_nothing(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    pilot.key(pygame.K_SPACE, " ")
    assert pilot.screen_is("content note")
    clock.advance(4 * 60)
    pilot.frames(2)
    assert pilot.screen_is("attract") and not folder.exists()


def test_not_now_goes_back_to_waiting(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    pilot.key(pygame.K_SPACE, " ")
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("attract") and k.student is None


def test_the_time_limit_warns_then_opens_the_debrief(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path, "time_limit_minutes: 5\nwarning_minutes: 2\n",
                                    idle_minutes=60)
    begin(pilot)
    choose_once(pilot)
    clock.advance(3 * 60)
    pilot.frames(2)
    assert pilot.screen_is("notice") and pilot.top.title == "2 minutes left"
    pilot.key(pygame.K_RETURN)
    assert pilot.screen_is("play")
    clock.advance(2 * 60)
    pilot.frames(2)
    assert pilot.screen_is("notice") and pilot.top.title == "Time is up"
    pilot.key(pygame.K_RETURN)
    assert pilot.screen_is("debrief steps")
    [data] = exports(folder)
    assert data["status"] == "time_up"
    finish_debrief(pilot, typed="short", include=True)
    [data] = exports(folder)
    assert data["status"] == "time_up" and data["answers"]["feel"] == "short"


def test_a_chosen_persona_is_asked_for(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path, persona="chosen")
    begin(pilot)
    assert pilot.screen_is("list")
    pilot.key(pygame.K_2, "2")
    assert pilot.screen_is("play")
    assert pilot.top.session.persona == "migrant"


# ---------------------------------------------------------------- privacy

def test_what_we_recorded_lists_and_deletes_the_students_files(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path)
    begin(pilot)
    play_to_debrief(pilot, clock)
    finish_debrief(pilot)
    pilot.key(pygame.K_2, "2")
    assert pilot.screen_is("privacy")
    assert sum(len(i.files) for i in pilot.top.items) == 2
    pilot.press(K.PRIVACY_DELETE)
    assert pilot.screen_is("confirm")
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN)
    assert pilot.screen_is("privacy") and "Deleted 2 files" in pilot.top.message
    assert list(folder.glob("*")) == []


def test_privacy_in_the_window_lists_settings_and_saves(tmp_path):
    from game.ui.screens.kiosk_privacy import PrivacyScreen
    from game.ui.settings import save, settings_path
    save(pilot_settings := __import__("game.ui.settings", fromlist=["Settings"]).Settings())
    assert settings_path().is_file() and pilot_settings
    pilot = Pilot()
    pilot.app.push(PrivacyScreen(pilot.app))
    pilot.frames(2)
    items = {i.what: i for i in pilot.top.items}
    assert any(settings_path() in i.files for i in items.values())
    pilot.press(K.PRIVACY_DELETE)
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN)
    assert not settings_path().exists()


# ---------------------------------------------------------------- `play --export DIR` in a window

def test_a_window_with_export_records_the_chapter_and_the_six_steps(tmp_path):
    out = tmp_path / "out"
    args = SimpleNamespace(level="day_zero", loaded=None, persona="migrant", ruleset=None,
                           seed=0, start_at=None, preset=None, dev=False, export=str(out))
    pilot = Pilot(args=args)
    assert pilot.screen_is("play")
    assert getattr(pilot.top.session, "classroom", False)       # a recorded game has no undo
    for _ in range(300):
        if not pilot.screen_is("play"):
            break
        choose_once(pilot)
    assert pilot.screen_is("ending")
    [data] = exports(out)
    assert data["mode"] == "window" and data["chapters"][0]["level"] == "day_zero"
    pilot.key(pygame.K_1, "1")                                  # See what the system saw
    assert pilot.screen_is("debrief steps")
    pilot.press(K.FULL_REPORT)                                  # beside "What happened?"
    assert pilot.screen_is("full report")
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("debrief steps") and pilot.top.page == 0
    screen = pilot.top
    pilot.press(K.NEXT)
    pilot.press(K.BACK)                                         # to "How do you feel?"
    assert screen.page == 0
    pilot.click(screen.box.rect.center)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="Calm."))
    pilot.frames(2)
    for _ in range(len(PAGES) - 1):
        pilot.press(K.NEXT)
    pilot.click(screen.tick.rect.center)
    pilot.press(K.FINISH)
    assert pilot.screen_is("message")
    [data] = exports(out)
    assert data["answers"]["feel"] == "Calm."


@pytest.mark.parametrize("size", [100, 125, 150])
def test_the_six_steps_fit_at_every_text_size(size):
    """Every page's boxes, tick and buttons on the screen, none over another, each box at
    least two lines high, the scrolling page above the buttons."""
    from game.ui.screens.kiosk_debrief import MIN_LINES, DebriefStepsScreen
    from game.ui.screens.kiosk_demo import _session
    from game.ui.settings import Settings
    from game.ui.theme import LOGICAL_SIZE
    data, level = _session()
    pilot = Pilot(settings=Settings(text_speed="instant", text_size=size))
    screen = DebriefStepsScreen(pilot.app, data, level, True, on_full_report=lambda: None)
    pilot.app.push(screen)
    screen_rect = pygame.Rect((0, 0), LOGICAL_SIZE)
    seen = []
    for page in range(len(PAGES)):
        screen.page = page
        screen.layout()
        pilot.redraw()
        seen += screen.keys
        widgets = [*screen.boxes.values(), *([screen.tick] if screen.tick else [])]
        for w in widgets:                       # each one, scrolled to
            screen.scroll.show(screen.spots[w].y, screen.spots[w].bottom)
            screen._sync()
            assert screen.view.contains(w.rect), (page, w)
        assert all(screen_rect.contains(w.rect) for w in screen.buttons)
        for group in ([screen.spots[w] for w in widgets], [b.rect for b in screen.buttons]):
            for i, a in enumerate(group):
                assert not any(a.colliderect(b) for b in group[i + 1:]), (page, a)
        lh = pilot.app.theme.line_height("body")
        assert all(box.rect.h >= MIN_LINES * lh for box in screen.boxes.values())
        assert screen.scroll.rect.bottom <= min(b.rect.top for b in screen.buttons)
    assert seen == [key for key, _ in K.STEPS]       # each of the six steps, in order


# ---------------------------------------------------------------- what the kiosk says

def test_a_one_minute_warning_says_one_minute(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path, "time_limit_minutes: 5\nwarning_minutes: 1\n",
                                    idle_minutes=60)
    begin(pilot)
    choose_once(pilot)
    clock.advance(4 * 60)
    pilot.frames(2)
    assert pilot.screen_is("notice")
    assert pilot.top.title == "1 minute left" and "1 minute left" in pilot.top.text


def test_the_kiosk_pause_menu_offers_no_restart_and_says_what_quitting_does(tmp_path):
    from game.ui import strings as S
    pilot, k, clock, folder = kiosk(tmp_path)
    begin(pilot)
    choose_once(pilot)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("pause")
    labels = {b.label: b.detail for b in pilot.top.buttons}
    assert S.MENU_RESTART not in labels
    assert "Continue" not in labels[S.MENU_TO_TITLE]
    assert labels[S.MENU_TO_TITLE] == S.MENU_TO_TITLE_KIOSK_DETAIL


def test_kiosk_settings_have_no_fullscreen_switch(tmp_path):
    from game.ui import strings as S
    pilot, k, clock, folder = kiosk(tmp_path)
    begin(pilot)
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_3, "3")                                            # Settings
    assert pilot.screen_is("settings")
    fields = [row.field for row in pilot.top.rows]
    assert "fullscreen" not in fields and "text_size" in fields
    assert S.SET_FULLSCREEN not in [row.label for row in pilot.top.rows]


def test_after_delete_all_the_saved_screen_no_longer_says_saved(tmp_path):
    from game.classroom import strings as K
    pilot, k, clock, folder = kiosk(tmp_path)
    code = begin(pilot)
    play_to_debrief(pilot, clock)
    finish_debrief(pilot)
    assert code in pilot.top.text
    pilot.key(pygame.K_2, "2")
    pilot.press(K.PRIVACY_DELETE)
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN)
    pilot.key(pygame.K_ESCAPE)                                            # back
    assert pilot.screen_is("done")
    assert pilot.top.title == K.DELETED_TITLE and code not in pilot.top.text
    assert "saved" not in pilot.top.text.lower()


@pytest.mark.parametrize("size", [100, 150])
def test_the_saved_screen_and_still_playing_keep_their_text_clear_of_buttons(tmp_path, size):
    from game.ui.screens.kiosk_screens import StillPlayingScreen
    from game.ui.settings import Settings
    pilot, k, clock, folder = kiosk(tmp_path)
    pilot.app.apply_settings(Settings(text_speed="instant", text_size=size, fullscreen=True))
    begin(pilot)
    play_to_debrief(pilot, clock)
    finish_debrief(pilot, typed="yes", include=True)
    done, th = pilot.top, pilot.app.theme
    text = pilot.app.cache.layout(th.font("body"), done.text, 640, th.line_height("body"))
    title = pilot.app.cache.layout(th.font("title"), done.title, 640, th.line_height("title"))
    assert done.top + title.height + 16 + text.height <= done.buttons[0].rect.top
    assert done.buttons[-1].rect.bottom <= 720
    still = StillPlayingScreen(pilot.app, lambda: 30)
    pilot.app.push(still)
    pilot.frames(1)
    body = pilot.app.cache.layout(th.font("body"), still.body(), still.panel.w - 72,
                                  th.line_height("body"))
    text_bottom = still.panel.y + 40 + th.line_height("title") + 10 + body.height
    assert text_bottom <= still.buttons[0].rect.top


@pytest.mark.parametrize("size", [100, 125, 150])
def test_the_include_my_answers_label_is_never_cut(size):
    from game.classroom import strings as K
    from game.ui.screens.kiosk_widgets import TickBox
    from game.ui.settings import Settings
    pilot = Pilot(settings=Settings(text_speed="instant", text_size=size))
    tick = TickBox((0, 0, 472, 44), K.INCLUDE_ANSWERS)
    role, lay = tick.label_layout(pilot.app)
    assert " ".join(line.strip() for line in lay.lines) == K.INCLUDE_ANSWERS
    assert lay.height <= 2 * pilot.app.theme.line_height(role)
    surf = pygame.Surface((472, 44))
    tick.draw(surf, pilot.app, False)                    # and it draws


def test_both_rulesets_play_the_scored_chapter_under_each_in_turn(tmp_path):
    pilot, k, clock, folder = kiosk(tmp_path, ruleset="both")
    code = begin(pilot)
    turns = [(lv.id, r) for lv, r in zip(k.student.order, k.student.rulesets)]
    city = next(lv for lv in k.levels if lv.id == "pilot_city")
    assert sorted(r for lid, r in turns if lid == "pilot_city") == sorted(city.rulesets)
    play_to_debrief(pilot, clock)
    finish_debrief(pilot)
    [data] = exports(folder)
    assert data["session"] == code
    played = [(c["level"], c["ruleset"]) for c in data["chapters"]]
    assert [(lid, r) for lid, r in played if lid == "pilot_city"] == [
        t for t in turns if t[0] == "pilot_city"]
