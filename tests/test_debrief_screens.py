"""Issue 16: a debrief that lands in four or five screens at most per chapter. Every bundled
chapter, persona and ruleset, played several ways (alone and after the chapter before), is
counted through the real screens by tools/debrief_screens.py: the window's page and the
kiosk's six steps pressed through with Page Down at the default text size, and the lines
`play --text` prints on a 24-row terminal."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import debrief_screens as tool  # noqa: E402


@pytest.fixture(scope="module")
def games(tmp_path_factory):
    os.environ["SINCERITY_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    played = tool.games()
    assert {g.chapter for g in played} >= {"tutorial", "day_zero", "pilot_city", "sesame",
                                           "here"}
    return played


def test_every_windows_debrief_fits_in_five_screens(games):
    over = [(g.name, n) for g in games if (n := tool.window_screens(g)) > tool.MAX_SCREENS]
    assert not over


def test_every_kiosk_debrief_fits_in_five_screens(games):
    """The classroom's six steps, on their pages with the Page Downs each needs."""
    over = [(g.name, n) for g in games if (n := tool.kiosk_screens(g)) > tool.MAX_SCREENS]
    assert not over


def test_at_the_largest_text_every_debrief_keeps_to_its_own_budget(games):
    """At 150% five cannot hold without cutting anything: the budget there is stated apart
    (tools/debrief_screens.LARGE_BUDGET, docs/ACCESSIBILITY.md) and held."""
    over = [(g.name, mode, n) for g in games
            for mode, count in (("window 150%", tool.window_screens),
                                ("kiosk 150%", tool.kiosk_screens))
            if (n := count(g, 150)) > tool.budget(mode)]
    assert not over


def test_every_text_debrief_fits_in_five_terminal_screens(games):
    over = [(g.name, n) for g in games if (n := tool.text_screens(g)) > tool.MAX_SCREENS]
    assert not over


def test_the_count_is_the_presses_a_player_makes(games):
    """A page one screen tall is one screen; the count grows with what the page holds."""
    from game.ui import flow
    game = next(g for g in games if g.chapter == "pilot_city")
    app = tool._app(100)
    app.reset(flow.debrief_screen(app, game.session, None))
    app.frame(dt=1 / 60)
    screen = app.top
    view = screen.scroll.rect.h
    expected = 1 + -(-screen.scroll.max_offset // int(view * 0.9))
    assert tool.window_screens(game) == expected > 1
    assert tool.text_screens(game) * tool.TERMINAL_ROWS >= len(tool.text_lines(game))


def test_the_windows_dilemmas_answered_both_ways_wait_behind_one_line(games):
    """Each dilemma answered both ways is one line (P or a click opens it), as in the kiosk
    and the browser: the figure and its sentence stay in view."""
    import pygame

    from game.core.debrief import chilling_effect
    from game.ui import flow
    from game.ui import strings as S
    game = next(g for g in games if g.chapter == "pilot_city" and g.carried)
    n = len(chilling_effect(game.session.state).compared)
    app = tool._app(100)
    app.reset(flow.debrief_screen(app, game.session, None))
    app.frame(dt=1 / 60)
    screen = app.top

    def said() -> list[str]:
        return [getattr(b, "text", "") for b in screen.blocks]
    assert n and S.FOLD_PAIRS_OPEN.format(n=n) in said()
    assert not [t for t in said() if ": unscored, " in t]
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=pygame.K_p, mod=0, unicode="p",
                                             scancode=0))
    app.frame(dt=1 / 60)
    assert len([t for t in said() if ": unscored, " in t]) == n


def test_choices_a_watcher_was_shown_for_but_nothing_saw_share_one_sentence(games):
    """A row that would say only "not scored, a watcher shown, seen by no one" is one
    sentence naming each choice, its scene and its watcher: the table keeps the rest."""
    from game.core.debrief import transparency_report
    from game.ui import flow
    from game.ui import strings as S
    from game.ui.screens.debrief_blocks import ReportTable
    game = next(g for g in games if g.chapter == "pilot_city" and g.carried)
    rows = transparency_report(game.session.state)
    unseen = [r for r in rows if r.watchers_shown and not (
        r.scored or r.changes or r.later or r.seen_by or r.moments or r.unshown)]
    assert unseen, "The Pilot City ends with scenes a watcher is shown in but nothing scores"
    app = tool._app(100)
    app.reset(flow.debrief_screen(app, game.session, None))
    app.frame(dt=1 / 60)
    blocks = app.top.blocks
    [table] = [b for b in blocks if isinstance(b, ReportTable)]
    in_table = {cell[1][0] for cell in (row[0] for row in table.rows)}
    [sentence] = [b.text for b in blocks if getattr(b, "text", "").startswith(
        S.REPORT_UNSEEN.split(":")[0])]
    for r in unseen:
        assert r.choice_text not in in_table
        assert S.REPORT_UNSEEN_ONE.format(choice=r.choice_text, scene=r.scene_title,
                                          watchers=", ".join(r.watchers_shown)) in sentence
    assert len(table.rows) == len(rows) - len(unseen) - sum(
        1 for r in rows if not (r.watchers_shown or r.scored or r.changes or r.later or
                                r.seen_by or r.moments or r.unshown))


def test_the_reports_columns_share_the_width_so_the_table_is_shorter_and_no_word_cut(games):
    """At 150% the columns' fixed shares cut "fitness-tracker" and left a column of moments
    long and narrow: the widths now move to where they save lines, never below a word."""
    from game.ui import flow
    from game.ui.screens.debrief_blocks import ReportTable
    game = next(g for g in games if g.chapter == "here" and g.carried)
    app = tool._app(150)
    app.reset(flow.debrief_screen(app, game.session, None))
    app.frame(dt=1 / 60)
    [(table, rect)] = [(b, r) for b, r in app.top.placed if isinstance(b, ReportTable)]
    shares = [round(rect.w * f) for _, f in table.columns]
    widths = table._widths(app, rect.w)
    assert sum(widths) <= rect.w + len(widths)
    assert table._height(app, widths) < table._height(app, shares)
    th = app.theme
    for i, w in enumerate(widths):
        words = [(word, role) for row in table.rows for text, role in row[i]
                 for word in text.split()]
        assert all(th.font(role).size(word)[0] <= w - 10 for word, role in words), i


def test_at_the_largest_text_what_did_you_learn_takes_two_screens_at_most(games):
    """The study cards' long captions made the page three screens at 150% (The Pilot City,
    both kinds of dilemma): each card now says its study in one short sentence."""
    from game.classroom.debrief_steps import PAGES
    learned = PAGES.index(("learned",))
    over = [(g.name, pages[learned]) for g in games
            if (pages := tool.kiosk_pages(g, 150))[learned] > 2]
    assert not over
