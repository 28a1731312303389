"""How many screens a player presses through in each chapter's debrief, in every front end.

    python tools/debrief_screens.py            # the table, worst game per chapter; exit 1 if over
    python tools/debrief_screens.py --all      # every game played, one line each

Every bundled chapter is played with every persona and ruleset, each of several ways (the
first open choice every time, the last, and two seeded random players), alone and carrying
on from the chapter before it in the campaign (so the chilling effect has pairs to show).
Each finished game's debrief is then counted through the real screens:

- *window*: the debrief page (`DebriefScreen`) at 1280x720, at the default and the largest
  text size, folds closed as it opens; a screen is what shows before each press of Page Down
  (the real key, through `App.frame`), until the page is at its end.
- *kiosk*: the debrief steps (`DebriefStepsScreen`: Thiagi's six steps on four pages) on
  the session record the kiosk would export, at both text sizes, folds closed as each page
  opens: each page is a screen, plus each Page Down it needs to reach its end. (The browser
  shows the same pages, laid out by the browser: not counted here.)
- *text*: the lines `play --text` prints from its "Debrief" heading to the folded parts'
  lines (closed), on a terminal of `TERMINAL_ROWS` rows (80x24, the usual default).

The budget is `MAX_SCREENS` per chapter (issue 16: "four or five screens at most") at the
default text size and in the text mode. At the largest text (150%) a screen holds about half
as much and nothing is cut to make it fit, so five cannot hold there: `LARGE_BUDGET` is that
budget, stated apart (docs/ACCESSIBILITY.md says it too). `tests/test_debrief_screens.py`
runs this and fails over either.
"""
from __future__ import annotations

import math
import os
import random
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
for _key, _value in (("SDL_VIDEODRIVER", "dummy"), ("SDL_AUDIODRIVER", "dummy"),
                     ("PYGAME_HIDE_SUPPORT_PROMPT", "1")):
    os.environ.setdefault(_key, _value)

MAX_SCREENS = 5
#: at 150% text, measured (the window's Transparency Report is most of its page there; in
#: the kiosk, two steps' questions and boxes fill more than a screen on pages 1 and 3, and
#: "What did you learn?" takes two: its study cards keep one short sentence each, the rest
#: one folded line away)
LARGE_BUDGET = {"window 150%": 8, "kiosk 150%": 7}
TERMINAL_ROWS = 24
TEXT_SIZES = (100, 150)
WAYS = ("first", "last", "random 1", "random 2")


@dataclass(frozen=True)
class Game:
    """One finished chapter: how it was played, and its window session."""
    chapter: str
    persona: str
    ruleset: str
    way: str
    carried: bool
    session: object

    @property
    def name(self) -> str:
        carry = " after the chapter before" if self.carried else ""
        return f"{self.chapter} {self.persona}/{self.ruleset} {self.way}{carry}"


# ---------------------------------------------------------------- playing

def _pick(views, way: str, rng: random.Random):
    open_ = [v for v in views if v.available]
    if not open_:
        return None
    if way == "first":
        return open_[0]
    if way == "last":
        return open_[-1]
    return rng.choice(open_)


def play(level, persona: str, ruleset: str, way: str, carry=None):
    """A recorded session played to its end `way`; None if it reaches a dead end."""
    from game.ui.screens.kiosk_session import TimedSession

    TimedSession.clock = staticmethod(lambda: 0.0)
    session = TimedSession(level, persona, ruleset, seed=0, carry=carry)
    rng = random.Random(f"{level.id} {persona} {ruleset} {way}")
    for _ in range(500):
        if session.finished:
            return session
        view = _pick(session.choices(), way, rng)
        if view is None:
            return None
        session.choose(view.id)
    return None


def games(chapters=None) -> list[Game]:
    """Every bundled chapter x persona x ruleset x way, alone and after the chapter before
    (played the same way with the persona in the same place in its list)."""
    from game.ui import levels

    chapters = chapters if chapters is not None else [c for c in levels.bundled() if c.ok]
    out: list[Game] = []
    before = None
    for chapter in chapters:
        level = chapter.level
        for p_index, persona in enumerate(level.personas):
            for ruleset in level.rulesets:
                for way in WAYS:
                    carries = [None]
                    if before is not None:
                        carries.append(_before(before, p_index, way))
                    for carry in carries:
                        session = play(level, persona, ruleset, way, carry)
                        if session is not None:
                            out.append(Game(chapter.id, persona, ruleset, way,
                                            carry is not None, session))
        before = level
    return out


def _before(level, p_index: int, way: str):
    personas = list(level.personas)
    persona = personas[min(p_index, len(personas) - 1)]
    ruleset = next(iter(level.rulesets))
    session = play(level, persona, ruleset, way)
    return session.state if session is not None else None


# ---------------------------------------------------------------- counting

_APPS: dict = {}


def _app(text_size: int):
    from game.ui.app import App
    from game.ui.settings import Settings

    if text_size not in _APPS:
        _APPS[text_size] = App(window_size=(1280, 720),
                               settings=Settings(text_size=text_size, text_speed="instant"),
                               persist=False)
    return _APPS[text_size]


def _page_down(app) -> None:
    import pygame

    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=pygame.K_PAGEDOWN, mod=0, unicode="",
                                             scancode=0))
    app.frame(dt=1 / 60)


def _presses(app, scroll) -> int:
    """Page Down pressed until `scroll` is at its end: the screens seen (the first included)."""
    screens = 1
    while scroll.offset < scroll.max_offset and screens < 100:
        before = scroll.offset
        _page_down(app)
        if scroll.offset == before:
            break
        screens += 1
    return screens


def window_screens(game: Game, text_size: int = 100) -> int:
    """Screens of the window's debrief page, pressed through with Page Down."""
    from game.ui import flow

    app = _app(text_size)
    app.reset(flow.debrief_screen(app, game.session, None))
    app.frame(dt=1 / 60)
    return _presses(app, app.top.scroll)


def kiosk_pages(game: Game, text_size: int = 100) -> list[int]:
    """The screens of each page of the kiosk's debrief steps: the page, and each Page Down
    it needs to reach its end."""
    from game.classroom.record import build_export
    from game.ui.screens.kiosk_debrief import DebriefStepsScreen

    app = _app(text_size)
    data = build_export([game.session.recorder], "ABCDEF", "finished", "kiosk", None)
    screen = DebriefStepsScreen(app, data, game.session.level, True)
    app.reset(screen)
    app.frame(dt=1 / 60)
    pages = []
    while True:
        pages.append(_presses(app, screen.scroll))
        if screen.last:
            return pages
        screen.next()
        app.frame(dt=1 / 60)


def kiosk_screens(game: Game, text_size: int = 100) -> int:
    """Pages of the kiosk's debrief steps, each with the Page Downs it needs."""
    return sum(kiosk_pages(game, text_size))


def text_lines(game: Game) -> list[str]:
    """What `play --text` prints from the "Debrief" heading to the sources' folded line."""
    from game.text import strings as s
    from game.text.debrief import debrief_lines, folded_lines

    lines = debrief_lines(game.session.state) + folded_lines(game.session.state, False)
    start = lines.index(s.DEBRIEF)
    return lines[start:]


def text_screens(game: Game) -> int:
    return math.ceil(len(text_lines(game)) / TERMINAL_ROWS)


def measure(game: Game) -> dict[str, int]:
    """Every mode's screens for one game."""
    out = {"text": text_screens(game)}
    for size in TEXT_SIZES:
        out[f"window {size}%"] = window_screens(game, size)
        out[f"kiosk {size}%"] = kiosk_screens(game, size)
    return out


MODES = ("window 100%", "window 150%", "kiosk 100%", "kiosk 150%", "text")


def budget(mode: str) -> int:
    """The most screens a chapter's debrief may take in `mode`."""
    return LARGE_BUDGET.get(mode, MAX_SCREENS)


# ---------------------------------------------------------------- the table

def main(argv: list[str]) -> int:
    every = "--all" in argv
    played = games()
    figures = [(g, measure(g)) for g in played]
    if every:
        for g, f in figures:
            print(f"{g.name:58}" + "".join(f"{f[m]:>6}" for m in MODES))
        print()
    large = ", ".join(f"{m} {n}" for m, n in LARGE_BUDGET.items())
    print(f"Debrief screens per chapter (mean / worst of {len(figures)} games; "
          f"budget {MAX_SCREENS}, at 150% text: {large}; text: {TERMINAL_ROWS}-row terminal)")
    print(f"{'chapter':14}" + "".join(f"{m:>15}" for m in MODES))
    over = []
    for chapter in dict.fromkeys(g.chapter for g, _ in figures):
        rows = [f for g, f in figures if g.chapter == chapter]
        cells = []
        for mode in MODES:
            values = [r[mode] for r in rows]
            cells.append(f"{statistics.mean(values):.1f} / {max(values)}")
            if max(values) > budget(mode):
                over.append(f"{chapter} {mode}: {max(values)}")
        print(f"{chapter:14}" + "".join(f"{c:>15}" for c in cells))
    if over:
        print("Over budget: " + "; ".join(over))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
