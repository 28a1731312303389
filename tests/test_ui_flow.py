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

from game.ui import strings as S  # noqa: E402
from game.ui.messages import Notice  # noqa: E402
from game.ui.settings import TEXT_SIZES, Settings  # noqa: E402
from game.ui.testing import Pilot, drawn_text  # noqa: E402

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
    assert pilot.screen_is("play")
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


# ---- one chapter after another

def _finish(pilot) -> None:
    """Play the chapter on screen to its ending, the first open choice each time."""
    from game.ui.screenshots import play_until
    play = pilot.top
    play_until(pilot.app, play, lambda s: s.finished, limit=200)
    play._advance()
    pilot.frames(2)


def test_the_ending_offers_the_next_chapter_with_the_persona_who_carries_on():
    pilot = play_pilot(LEVELS / "tutorial.yaml", persona="migrant", ruleset="city_pilot")
    _finish(pilot)
    assert pilot.screen_is("ending")
    pilot.button("Next chapter: Day Zero").activate()
    pilot.frames(2)
    assert pilot.screen_is("play")
    state = pilot.top.session.state
    assert pilot.top.session.level.id == "day_zero" and state.persona == "migrant"


def test_the_first_persona_carries_on_into_chapters_that_name_it_differently():
    pilot = play_pilot(LEVELS / "tutorial.yaml", persona="urban", ruleset="city_pilot")
    _finish(pilot)
    pilot.button("Next chapter").activate()
    pilot.frames(2)
    assert pilot.top.session.state.persona == "professional"


def test_play_again_from_the_debrief_is_the_other_persona_under_the_same_rules():
    pilot = play_pilot(LEVELS / "tutorial.yaml", persona="urban", ruleset="opaque")
    _finish(pilot)
    pilot.button("See what").activate()
    pilot.frames(2)
    assert pilot.screen_is("debrief")
    pilot.button("Play again as: Rural migrant worker").activate()
    pilot.frames(2)
    state = pilot.top.session.state
    assert pilot.screen_is("play")
    assert (state.persona, state.ruleset, len(state.history)) == ("migrant", "opaque", 1)


def test_the_last_chapter_has_no_next_chapter():
    from game.ui import flow, levels
    last = levels.bundled()[-1]
    assert flow.next_chapter(last) is None
    assert flow.next_chapter(levels.find(str(FIXTURE))) is None    # not a bundled chapter


def test_the_chapter_list_says_where_to_start_and_which_chapters_pair():
    pilot = Pilot(args=None)
    pilot.number(1)                                               # Play
    assert pilot.screen_is("list")
    cards = {b.label: b for b in pilot.top.buttons}
    first = pilot.top.buttons[0]
    assert first.label == "First Day on the Score" and first.detail.startswith("Start here")
    assert first.primary and sum(b.primary for b in pilot.top.buttons) == 1
    assert "just before The Pilot City, as the same persona" in cards["Day Zero"].detail
    assert "just after Day Zero, as the same persona" in cards["The Pilot City"].detail


@pytest.mark.parametrize("saved", [False, True])
def test_the_title_menu_numbers_never_shift(saved):
    pilot = Pilot(args=None)
    if saved:
        pilot.app.continue_offer, pilot.app.slots_used = object(), True
        pilot.top.layout()
        assert [b.label for b in pilot.top.buttons[:2]] == ["Continue", "Load a saved game"]
    numbers = {b.number: b.label for b in pilot.top.buttons}
    assert (numbers[1], numbers[2], numbers[3], numbers[4]) == (
        "Play", "Settings", "Credits and sources", "Quit")
    pilot.number(4)
    assert not pilot.app.running


def test_continue_after_a_finished_chapter_opens_the_next_one(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))
    args = SimpleNamespace(level=str(LEVELS / "tutorial.yaml"), persona="migrant",
                           ruleset="city_pilot", seed=0, start_at=None, preset=None, dev=False)
    pilot = Pilot(args=args, persist=True)
    _finish(pilot)
    assert pilot.screen_is("ending")
    again = Pilot(persist=True)                                   # a new window
    assert again.top.buttons[0].label == "Continue"
    again.key(pygame.K_RETURN)
    assert again.screen_is("play")
    assert again.top.session.level.id == "day_zero"
    assert again.top.session.state.persona == "migrant"


def test_toasts_that_do_not_fit_wait_and_newer_news_pushes_out_older():
    pilot = play_pilot(settings=Settings(text_speed="instant", text_size=max(TEXT_SIZES)))
    toasts = pilot.top.toasts
    toasts.clear()
    long = "Needs a score of 1030. " * 3
    for i in range(3):                        # one moment: more than the panel holds
        toasts.add(Notice("bad", f"Door {i}: closed", long))
    assert len(toasts.shown) < 3 and toasts.waiting
    pilot.frames(5)
    assert toasts.shown[0].notice.title == "Door 0: closed"    # the others still wait
    toasts.clear()
    toasts.add(Notice("bad", "Earlier news", long))
    pilot.frames(5)
    toasts.add(Notice("good", "Later news", long))
    assert [t.notice.title for t in toasts.shown] == ["Later news"]


# ---- the services list

def _in_view(panel, span) -> bool:
    top = panel.scroll.offset
    return span[0] >= top - 1 and span[1] <= top + panel.scroll.rect.h + 1


@pytest.mark.parametrize("size", [100, max(TEXT_SIZES)])
def test_the_services_list_says_what_it_hides_and_shows_a_door_that_moves(size):
    pilot = play_pilot(LEVELS / "pilot_city.yaml", persona="professional", ruleset="articles",
                       settings=Settings(text_speed="instant", text_size=size))
    panel = pilot.top.services
    spans = panel.row_spans()
    hidden = [s for s in spans if not _in_view(panel, s)]
    assert hidden and panel.more() == (0, len(hidden))      # the longest list does not fit
    footer = panel.footer_rect()
    assert panel.rect.contains(footer) and footer.top >= panel.scroll.rect.bottom
    shot = pilot.redraw()
    accent = bytes(pilot.app.theme.palette.accent)
    data = crop(shot, footer)
    assert any(data[i:i + 3] == accent for i in range(0, len(data), 3))   # "▼ n more below"
    for _ in range(len(spans)):                             # a click on it shows the rest
        if not panel.more()[1]:
            break
        pilot.click(footer.center)
    assert _in_view(panel, spans[-1]) and panel.more()[0] > 0
    pilot.click(footer.center)                              # and back up
    panel.scroll.offset = 0
    services = pilot.top.session.services()
    last = services[-1][0]
    panel.set(services, {last: "bad"})                      # the last door changes
    assert _in_view(panel, panel.row_spans()[-1])


# ---- large text

def test_with_large_text_the_typing_stays_in_view_and_the_choices_come_docked():
    pilot = play_pilot(LEVELS / "pilot_city.yaml", persona="professional", ruleset="articles",
                       settings=Settings(text_speed="fast", text_size=max(TEXT_SIZES)))
    play = pilot.top
    view = play.scene_view
    assert view.scroll.max_offset > 0                      # the text runs below the fold
    lay = view._text_layout
    for _ in range(600):
        if not view.revealing:
            break
        pilot.frames(1)
        typed = sum(1 for s in lay.starts if s <= int(view.shown)) - 1
        line_bottom = view._text_top + (typed + 1) * lay.line_height
        assert line_bottom <= view.scroll.offset + view.scroll.rect.h   # the typing shows
    pilot.frames(2)
    first = view.buttons[0]
    assert view.docked and view.dock.rect.contains(view.screen_rect(first))  # choice 1 too


@pytest.mark.parametrize("unscored", [False, True])
def test_with_large_text_the_top_hint_and_the_score_card_lines_are_never_cut(unscored):
    from game.ui.textcache import ELLIPSIS
    pilot = play_pilot(LEVELS / "pilot_city.yaml", persona="professional", ruleset="articles",
                       settings=Settings(text_speed="instant", text_size=max(TEXT_SIZES)))
    play = pilot.top
    play.score.unscored = unscored
    drawn = pilot.drawn()
    top_bar = [line for line, rect in drawn if rect.bottom <= 72]
    card = [line for line, rect in drawn if play.score.rect.contains(rect)]
    assert any("choose" in line for line in top_bar)
    assert any(line.startswith(("Tier", S.SCORE_UNSCORED)) for line in card)
    assert not [line for line in top_bar + card if line.endswith(ELLIPSIS)]



def test_with_the_largest_text_watcher_names_and_panel_labels_are_whole():
    from game.ui import levels
    from game.ui.textcache import ELLIPSIS
    pilot = play_pilot(settings=Settings(text_speed="instant", text_size=max(TEXT_SIZES)))
    panel = pilot.top.watchers
    names = {w.name for c in levels.bundled() for w in c.level.watchers.values()}
    surf = pygame.Surface((1280, 720))
    with drawn_text() as audit:
        for name in names:
            panel._name(surf, name, (panel.rect.x + 40, panel.rect.y + 100))
        panel.draw(surf, False)
    drawn = [line for line, *_ in audit]
    assert len(names) > 10
    assert not [line for line in drawn if line.endswith(ELLIPSIS)]


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_the_debrief_figures_are_never_broken_across_lines(size):
    from game.ui import strings as S
    from game.ui.screens.debrief_blocks import FigureCards
    pilot = Pilot(settings=Settings(text_speed="instant", text_size=size))
    cards = FigureCards([(S.YOU, "−57%", "you"), (S.PENNEY_SHORT, S.PENNEY_BAR, S.PENNEY),
                         (S.BATESON_SHORT, S.BATESON_BAR, S.BATESON)])
    width = 472                       # the kiosk debrief's column, the narrowest place
    rect = pygame.Rect(0, 0, width, cards.measure(pilot.app, width))
    with drawn_text() as audit:
        cards.draw(pygame.Surface((1280, 900)), pilot.app, rect)
    drawn = [line for line, *_ in audit]
    assert S.PENNEY_BAR in drawn and S.BATESON_BAR in drawn and "−57%" in drawn


def test_every_intent_a_screen_can_report_leads_somewhere():
    """Screens report intents; flow.follow decides where each leads. A new intent without
    its case in follow would leave the player's button doing nothing."""
    import dataclasses
    import inspect

    from game.ui import flow, intents
    kinds = [cls for _, cls in inspect.getmembers(intents, inspect.isclass)
             if dataclasses.is_dataclass(cls) and cls.__module__ == intents.__name__]
    source = inspect.getsource(flow.follow)
    assert len(kinds) >= 10
    assert [k.__name__ for k in kinds if f"case I.{k.__name__}(" not in source] == []
    with pytest.raises(TypeError, match="no screen follows"):
        flow.follow(SimpleNamespace(), "settings")


def test_the_pause_menu_reports_and_flow_opens_settings():
    """The play screen does not open the settings itself: it asks, and flow builds them."""
    from game.ui import intents
    pilot = play_pilot()
    asked = []
    follow = pilot.app.ask
    pilot.app.ask = lambda intent: (asked.append(intent), follow(intent))
    pilot.key(pygame.K_ESCAPE)
    assert pilot.screen_is("pause")
    pilot.key(pygame.K_3)                    # the pause menu's third card: Settings
    assert asked == [intents.OpenSettings()]
    assert pilot.screen_is("settings")
