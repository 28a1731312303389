"""The window, driven headless by posted events: every screen, keyboard, mouse and touch."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import flow, levels  # noqa: E402
from game.ui import strings as S  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"


@pytest.fixture(autouse=True)
def _config(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


def tutorial_ref() -> str:
    """The tutorial when it is there and loads, else the window's own fixture level."""
    try:
        return str(levels.find("tutorial").path)
    except levels.LevelProblem:
        return str(FIXTURE)


def args(level=None, **kw):
    return SimpleNamespace(level=level, persona=kw.get("persona"), ruleset=kw.get("ruleset"),
                           seed=kw.get("seed", 0), start_at=kw.get("start_at"),
                           preset=kw.get("preset"), dev=False)


def first_open_number(pilot) -> int:
    return next(c.number for c in pilot.top.session.choices() if c.available)


def play_by_keyboard(pilot, limit: int = 300) -> None:
    """Numbers choose; any key skips the typewriter and the pause after a choice."""
    for _ in range(limit):
        name = pilot.screen_name()
        if name != "play":
            return
        play = pilot.top
        if play.scene_view.revealing or play.after > 0:
            pilot.key(pygame.K_SPACE, " ")
        else:
            pilot.number(first_open_number(pilot))
    raise AssertionError("the chapter did not end")


def play_by_mouse(pilot, limit: int = 300) -> None:
    for _ in range(limit):
        if not pilot.screen_is("play"):
            return
        play = pilot.top
        view = play.scene_view
        if view.revealing or play.after > 0:
            pilot.click(view.rect.center)
            continue
        number = first_open_number(pilot)
        button = next(b for b in view.buttons if b.view.number == number)
        for _ in range(20):
            rect = view.screen_rect(button)
            if view.scroll.rect.contains(rect):
                break
            pilot.wheel(view.rect.center, -3)
        pilot.read()
        pilot.click(view.screen_rect(button).center)
    raise AssertionError("the chapter did not end")


def test_title_menu_by_keys_and_back():
    pilot = Pilot()
    assert pilot.screen_is("title")
    pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_RETURN)                      # Settings
    assert pilot.screen_is("settings")
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("title")
    pilot.number(3)                                 # Credits
    assert pilot.screen_is("credits")
    pilot.key(pygame.K_PAGEDOWN)
    pilot.key(pygame.K_ESCAPE)
    pilot.number(1)                                 # Play -> chapters
    assert pilot.screen_name() in ("list", "message")


def test_whole_flow_from_title_to_play():
    pilot = Pilot()
    pilot.number(1)
    chapters = levels.bundled()
    assert any(c.ok for c in chapters), "the bundled chapters load"
    index = next(i for i, c in enumerate(chapters) if c.ok) + 1
    pilot.number(index)
    for _ in range(3):                              # persona, then ruleset (when asked)
        if pilot.screen_is("list"):
            pilot.key(pygame.K_RETURN)
    assert pilot.screen_is("play")
    assert [s.name for s, _ in pilot.app.stack] == ["title", "play"]


def test_chooser_escape_goes_back_one_step():
    pilot = Pilot(args=args(str(FIXTURE)))
    assert pilot.top.title == flow.S.CHOOSE_PERSONA
    pilot.number(1)
    assert pilot.top.title == flow.S.CHOOSE_RULESET
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top.title == flow.S.CHOOSE_PERSONA
    pilot.number(2)
    pilot.number(1)
    assert pilot.screen_is("play")
    assert pilot.top.session.persona == "migrant"


def test_play_to_the_end_by_keyboard_with_typewriter():
    pilot = Pilot(settings=Settings(text_speed="normal"),
                  args=args(tutorial_ref(), persona=None, ruleset=None))
    while pilot.screen_is("list"):
        pilot.number(1)
    assert pilot.screen_is("play")
    assert pilot.top.scene_view.revealing            # the typewriter is running
    play_by_keyboard(pilot)
    assert pilot.screen_is("ending")
    pilot.key(pygame.K_RETURN)                       # see what the system saw
    assert pilot.screen_is("debrief")
    for key in (pygame.K_PAGEDOWN, pygame.K_DOWN, pygame.K_END, pygame.K_HOME):
        pilot.key(key)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("title")


def test_play_to_the_end_by_mouse():
    pilot = Pilot(args=args(tutorial_ref()))
    while pilot.screen_is("list"):
        pilot.click(pilot.top.buttons[0].rect.move(0, pilot.top.scroll.rect.y).center)
    assert pilot.screen_is("play")
    play_by_mouse(pilot)
    assert pilot.screen_is("ending")
    pilot.press(S.TO_DEBRIEF)
    assert pilot.screen_is("debrief")
    debrief = pilot.top
    pilot.wheel(debrief.scroll.rect.center, -5)
    assert debrief.scroll.offset > 0
    before = debrief.scroll.offset
    pilot.drag((640, 500), (640, 300))
    assert debrief.scroll.offset > before


def test_touch_taps_choose():
    pilot = Pilot(args=args(str(FIXTURE), persona="pro", ruleset="city"))
    play = pilot.top
    scene = play.session.state.scene
    button = play.scene_view.buttons[0]
    pilot.read()
    pilot.tap(play.scene_view.screen_rect(button).center)
    assert play.session.state.scene != scene or play.after > 0


def test_pause_history_settings_and_back():
    pilot = Pilot(args=args(str(FIXTURE), persona="pro", ruleset="city"))
    play = pilot.top
    pilot.number(1)
    pilot.key(pygame.K_SPACE)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("pause")
    pilot.number(2)                                  # history
    assert pilot.screen_is("history")
    assert any(e.kind == "choice" for e in play.session.log)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("play")
    pilot.key(pygame.K_ESCAPE)
    pilot.number(3)                                  # settings
    assert pilot.screen_is("settings")
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_h)
    assert pilot.screen_is("history")
    pilot.key(pygame.K_ESCAPE)
    pilot.key(pygame.K_ESCAPE)
    pilot.number(1)                                  # resume
    assert pilot.screen_is("play")
    pilot.key(pygame.K_ESCAPE)
    pilot.number(5)                                  # quit to title
    assert pilot.screen_is("title")


def test_restart_from_pause_starts_over():
    pilot = Pilot(args=args(str(FIXTURE), persona="pro", ruleset="city"))
    first = pilot.top.session.state.scene
    pilot.number(1)
    pilot.key(pygame.K_SPACE)
    assert pilot.top.session.state.scene != first
    pilot.key(pygame.K_ESCAPE)
    pilot.number(4)
    assert pilot.screen_is("play")
    assert pilot.top.session.state.scene == first
    assert pilot.top.session.state.step == 0


def test_locked_choice_is_refused_and_the_game_does_not_move():
    pilot = Pilot(args=args(str(FIXTURE), persona="pro", ruleset="city", start_at="station"))
    play = pilot.top
    locked = next(c for c in play.session.choices() if not c.available)
    pilot.number(locked.number)
    assert play.session.state.scene == "station"
    assert play.session.state.step == 0
    button = next(b for b in play.scene_view.buttons if b.view.id == locked.id)
    assert play.focus.current is button


def test_focus_moves_with_tab_and_arrows_and_is_drawn():
    pilot = Pilot(args=args(str(FIXTURE), persona="pro", ruleset="city", start_at="station"))
    play = pilot.top
    first = play.focus.current
    pilot.key(pygame.K_TAB)
    assert play.focus.current is not first
    pilot.key(pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert play.focus.current is first
    pilot.key(pygame.K_DOWN)
    second = play.focus.current
    assert second is not first
    rect = play.scene_view.screen_rect(second).inflate(8, 8)
    pixel = pilot.redraw().get_at((rect.centerx, rect.top + 1))[:3]
    assert pixel == pilot.app.theme.palette.accent   # the focus ring, drawn in code


def test_hover_moves_focus_and_click_outside_does_nothing():
    pilot = Pilot(args=args(str(FIXTURE), persona="pro", ruleset="city", start_at="station"))
    play = pilot.top
    target = play.scene_view.buttons[2]
    pilot.move(play.scene_view.screen_rect(target).center)
    assert play.focus.current is target
    pilot.click((5, 700))
    assert play.session.state.step == 0


def test_reply_is_shown_after_choosing():
    pilot = Pilot(args=args(str(FIXTURE), persona="pro", ruleset="city"))
    play = pilot.top
    pilot.number(1)                                  # "Sign the petition" has a reply
    assert play.after > 0
    assert play.scene_view.reply and "Thank you" in play.scene_view.reply
    pilot.wait(5.0)
    assert play.scene_view.reply is None             # the next scene has begun


def test_window_resize_letterboxes_and_maps_the_mouse():
    pilot = Pilot(size=(800, 600), args=args(str(FIXTURE), persona="pro", ruleset="city",
                                             start_at="station"))
    vp = pilot.app.viewport
    assert vp.rect.size == (800, 450) and vp.rect.y == 75
    play = pilot.top
    target = play.scene_view.buttons[1]
    pilot.read()
    pilot.click(play.scene_view.screen_rect(target).center)
    assert play.session.state.step == 1
    assert play.session.state.records[-1].choice == target.view.id


def test_f11_toggles_fullscreen_setting():
    pilot = Pilot()
    pilot.key(pygame.K_F11)
    assert pilot.app.settings.fullscreen is True
    pilot.key(pygame.K_F11)
    assert pilot.app.settings.fullscreen is False


def test_broken_level_shows_a_message_not_a_crash(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
    pilot = Pilot(args=args(str(bad)))
    assert pilot.screen_is("message")
    pilot.key(pygame.K_RETURN)
    assert pilot.screen_is("title")


def test_quit_from_title():
    pilot = Pilot()
    pilot.number(4)
    assert pilot.app.running is False


def test_draw_does_not_change_game_state():
    pilot = Pilot(args=args(str(FIXTURE), persona="pro", ruleset="city", start_at="crossing"))
    play = pilot.top
    before = play.session.state.to_json()
    for _ in range(5):
        pilot.redraw()
    assert play.session.state.to_json() == before


def test_idle_screen_does_not_redraw():
    pilot = Pilot()
    pilot.wait(0.5)
    frames = pilot.app.frames
    for _ in range(20):
        pilot.app.frame(dt=1 / 60)
    assert pilot.app.frames == frames
    assert not pilot.app.animating()


def test_dev_reload_keeps_the_scene(tmp_path):
    level = tmp_path / "dev.yaml"
    level.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    pilot = Pilot(args=SimpleNamespace(level=str(level), persona="pro", ruleset="city", seed=0,
                                       start_at="station", preset=None, dev=True))
    play = pilot.top
    level.write_text(level.read_text(encoding="utf-8").replace("The Station", "The New Station"),
                     encoding="utf-8")
    pilot.key(pygame.K_F5)
    assert play.session.state.scene == "station"
    assert play.scene_view.title == "The New Station"
    level.write_text("format: 1\nid: [broken\n", encoding="utf-8")
    pilot.key(pygame.K_F5)                           # a broken file changes nothing
    assert play.scene_view.title == "The New Station"


def _save(path, text):
    """Write the file as an editor would, with a newer modification time."""
    before = path.stat().st_mtime
    path.write_text(text, encoding="utf-8")
    os.utime(path, (before + 2, before + 2))


def test_dev_reloads_when_the_file_is_saved_and_keeps_the_score(tmp_path):
    level = tmp_path / "dev.yaml"
    level.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    pilot = Pilot(args=SimpleNamespace(level=str(level), persona="pro", ruleset="city", seed=0,
                                       start_at="station", preset=None, dev=True))
    play = pilot.top
    score = play.session.state.score
    _save(level, level.read_text(encoding="utf-8").replace("The Station", "The Saved Station"))
    pilot.wait(0.7)                                   # no key: the file watcher notices
    assert play.scene_view.title == "The Saved Station"
    assert play.session.state.scene == "station"
    assert play.session.state.score == score
    text = level.read_text(encoding="utf-8")
    _save(level, text + "\nstrat: somewhere\n")   # an unknown key (a typo of `start`)
    pilot.wait(0.7)                                   # a mistake: shown, and play goes on
    assert play.scene_view.title == "The Saved Station"
    shown = " ".join(f"{t.notice.title} {t.notice.body}" for t in play.toasts.shown)
    assert "dev.yaml:" in shown and "E101" in shown


def test_the_first_window_fits_a_small_screen_and_keeps_its_shape():
    from game.ui.app import fitted
    assert fitted((1280, 720), [(1920, 1080)]) == (1280, 720)
    assert fitted((1280, 720), [(1280, 720)]) == (1280, 720)
    assert fitted((1280, 720), [(800, 600)]) == (800, 450)
    assert fitted((1280, 720), [(1024, 768), (3840, 2160)]) == (1024, 576)   # the first one
    assert fitted((1280, 720), []) == (1280, 720)


# ---------------------------------------------------------------- finding screens and buttons

def _every_screen_class() -> list[type]:
    import importlib
    import pkgutil

    from game.ui import screens
    from game.ui.screens.base import Screen
    for module in pkgutil.iter_modules(screens.__path__):
        importlib.import_module(f"game.ui.screens.{module.name}")
    found, todo = [], [Screen]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return [cls for cls in found if cls.__module__.startswith("game.")]   # not tests' own


def test_every_screen_has_its_own_name():
    """Tests find screens by their `name`: two screens with one name would pass for each other."""
    classes = _every_screen_class()
    assert len(classes) > 15
    names = [vars(cls).get("name") for cls in classes]   # its own, not inherited
    assert None not in names, [c.__name__ for c, n in zip(classes, names) if n is None]
    assert len(set(names)) == len(names), sorted(names)


def test_a_missing_button_is_named_with_the_buttons_there_are():
    pilot = Pilot(args=args(tutorial_ref()))
    second = pilot.top.buttons[1]
    assert pilot.screen_is("list") and pilot.button(second.label) is second
    with pytest.raises(AssertionError, match=r"no button 'Nothing like this' on the list screen "
                                             r"\(it has '"):
        pilot.button("Nothing like this")
