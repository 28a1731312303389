"""The debrief's six steps as plain data (game/classroom/debrief_steps.py): one source for the
kiosk's screens and the browser's pages, with no pygame in it."""
from __future__ import annotations

import os
import subprocess
import sys

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.classroom import strings as K  # noqa: E402
from game.classroom.chilling import LATER_REVIEWS  # noqa: E402
from game.classroom.debrief_steps import step_data  # noqa: E402
from game.core.strings import PAIR_KIND_NAMES  # noqa: E402
from game.ui.screens.kiosk_demo import _session  # noqa: E402
from game.web import views  # noqa: E402


def test_the_shared_steps_need_no_pygame():
    code = ("import sys, game.classroom.debrief_steps, game.web.views; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_the_browser_shows_the_kiosks_data_for_every_step():
    data, level = _session()
    for n, (key, _) in enumerate(K.STEPS):
        shared = step_data(key, data, level)
        web = views.debrief_view(n, data, level, None)
        for name, value in shared.items():
            if key == "feel" and name == "final" and value is not None:
                assert str(value) in web[name]          # said in words on the page
            else:
                assert web[name] == value, (key, name)


def test_the_browser_splits_the_chilling_effect_by_kind_as_the_kiosk_does():
    data, level = _session()
    learned = views.debrief_view(2, data, level, None)
    assert learned["kinds"], "the demo session answers dilemmas of each kind both ways"
    assert [k["name"] for k in learned["kinds"]] == [
        PAIR_KIND_NAMES[kind] for kind in ("expression", "rules")
        if any(a.get("kind") == kind for a in data["chilling"]["answers"])]
    relates = views.debrief_view(3, data, level, None)
    assert all(ref in relates["refs"] for ref in LATER_REVIEWS)


def test_the_kiosk_draws_the_same_cards(monkeypatch, tmp_path):
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path))
    from game.ui.screens.debrief_blocks import FigureCards
    from game.ui.screens.kiosk_debrief import DebriefStepsScreen
    from game.ui.settings import Settings
    from game.ui.testing import Pilot
    data, level = _session()
    pilot = Pilot(settings=Settings(text_speed="instant"))
    screen = DebriefStepsScreen(pilot.app, data, level, True)
    pilot.app.push(screen)
    screen.next()                                      # "What did you learn?"
    cards = [b for b, _ in screen.placed if isinstance(b, FigureCards)]
    shared = step_data("learned", data, level)
    assert len(cards) == len(shared["kinds"]) + (1 if shared["cards"] else 0)


def test_both_open_with_the_verdict_the_record_keeps():
    """The three lines that open the window's debrief open the kiosk's and the browser's too."""
    data, level = _session()
    feel = step_data("feel", data, level)
    kept = [c.get("verdict") for c in data["chapters"] if c.get("verdict")]
    assert kept and feel["verdict"] == kept[-1] and len(feel["verdict"]) == 3
    assert views.debrief_view(0, data, level, None)["verdict"] == feel["verdict"]


def test_a_study_card_says_it_in_one_short_sentence_and_its_limits_wait_one_line_away():
    """At 150% text the study cards' long captions (claim and caveat) made "What did you
    learn?" three screens: a card now carries the study's short sentence, and everything
    else it said is one folded line away on the same page, word for word."""
    from game.classroom.chilling import BESIDE
    from game.ui.screens.kiosk_debrief import DebriefStepsScreen
    from game.ui.screens.kiosk_debrief_data import FOLD_STUDIES
    from game.ui.settings import Settings
    from game.ui.testing import Pilot
    data, level = _session()
    learned = step_data("learned", data, level)
    studies = [BESIDE[k] for k in ("expression", "rules")
               if any(a.get("kind") == k for a in data["chilling"]["answers"])]
    assert studies
    cards = [card for kind in learned["kinds"] for card in kind["cards"][1:]]
    assert [(c[0], c[2]) for c in cards] == [(p.short, p.brief) for p in studies]
    assert learned["studies"] == [{"short": p.short, "text": f"{p.claim} {p.caveat}"}
                                  for p in studies]
    pilot = Pilot(settings=Settings(text_speed="instant", text_size=150))
    screen = DebriefStepsScreen(pilot.app, data, level, True)
    pilot.app.push(screen)
    screen.next()
    shown = lambda: [getattr(b, "text", "") for b, _ in screen.placed]   # noqa: E731
    assert not any(p.caveat in text for text in shown() for p in studies)
    screen.toggle(FOLD_STUDIES)
    for p in studies:
        assert K.STUDY_IN_FULL.format(short=p.short, text=f"{p.claim} {p.caveat}") in shown()
