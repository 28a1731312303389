"""The window's debrief opens with the three-line verdict; the sources and the questions are
folded behind one line each, which S and T (or a click) open and fold away again."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402

from game.core.verdict import verdict  # noqa: E402
from game.ui import levels, screenshots  # noqa: E402
from game.ui import strings as S  # noqa: E402
from game.ui.screens.debrief_blocks import Fold  # noqa: E402
from game.ui.screens.document import Heading  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402


def debrief(name="pilot_city"):
    pilot = Pilot()
    screenshots._debrief(pilot.app, levels.find(name))
    return pilot, pilot.app.top


def texts(screen) -> list[str]:
    return [getattr(b, "text", "") for b, _ in screen.placed]


def test_the_verdict_opens_the_page():
    _, screen = debrief()
    shown = texts(screen)
    lines = list(verdict(screen.session.state))
    start = shown.index(S.VERDICT_LABEL.upper())
    assert start <= 2   # after the page's title and note only
    assert shown[start + 1:start + 4] == lines


def test_sources_are_folded_until_asked_for():
    pilot, screen = debrief()
    assert S.SEC_REAL not in [b.text for b, _ in screen.placed if isinstance(b, Heading)]
    assert not any(S.SEC_CORRECTIONS.upper() == t for t in texts(screen))
    scenes = sum("·" in t for t in texts(screen))
    pilot.key(pygame.K_s)
    assert sum("·" in t for t in texts(screen)) > scenes   # each scene's line, with its basis
    fold = next(r for b, r in screen.placed if isinstance(b, Fold) and b.key == pygame.K_s)
    view_top = screen.scroll.offset   # what opened is in view, not below it
    assert view_top <= fold.y < view_top + screen.scroll.rect.h
    pilot.key(pygame.K_s)
    assert sum(isinstance(b, Fold) for b, _ in screen.placed) == 3   # rules, talk, sources


def test_a_click_opens_a_fold():
    pilot, screen = debrief("day_zero")
    before = len(screen.placed)
    fold, rect = next((b, r) for b, r in screen.placed if isinstance(b, Fold) and b.key ==
                      pygame.K_t)
    screen.scroll.scroll(rect.y)
    pilot.frames(1)
    dy = screen.scroll.rect.y - round(screen.scroll.offset)
    pilot.click(rect.move(0, dy).center)
    assert len(screen.placed) > before


def test_an_unscored_day_has_no_score_chart():
    """Day Zero scores nothing: its debrief draws no chart of a score that never moved."""
    from game.ui.screens.debrief_blocks import ScoreChart
    _, zero = debrief("day_zero")
    assert not any(isinstance(b, ScoreChart) for b, _ in zero.placed)
    assert S.SEC_SCORE not in texts(zero)
    _, scored = debrief("pilot_city")
    assert any(isinstance(b, ScoreChart) for b, _ in scored.placed)


def test_the_charts_choice_numbers_never_run_together():
    """In a narrow column (the kiosk's, 800x600) the x-axis is numbered every 2 or 5 choices
    rather than drawing 16 numbers that run into each other ("1011121314")."""
    from game.ui.screens.debrief_blocks import ScoreChart
    from game.ui.testing import drawn_text
    pilot = Pilot()
    chart = ScoreChart([(i, 1000 - 5 * i) for i in range(17)], [(950, "Pay-later")])
    for width in (260, 420, 640):
        surf = pygame.Surface((width + 160, 260))
        with drawn_text() as audit:
            chart.draw(surf, pilot.app, pygame.Rect(0, 0, width + 160, 260))
        digits = [rect for line, rect, *_ in audit if line.isdigit()]
        axis = max(rect.y for rect in digits)        # the x-axis row, under the y labels
        numbers = sorted((rect for rect in digits if rect.y == axis), key=lambda r: r.x)
        assert len(numbers) >= 4 and numbers[-1].x > numbers[0].x
        for left, right in zip(numbers, numbers[1:]):
            assert right.x - left.right >= 6, (width, left, right)
