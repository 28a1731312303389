"""The window's debrief shows the chilling effect for each kind of dilemma beside its one
study: lawful expression beside Penney, rule-following beside Bateson; a chapter that marks no
kinds sets no study beside the player's figure."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from conftest import make_level  # noqa: E402
from test_classroom_chilling import KINDED, SCORED, ZERO, session  # noqa: E402

from game.core import debrief as core_debrief  # noqa: E402
from game.core.strings import PAIR_KIND_NAMES  # noqa: E402
from game.ui import strings as S  # noqa: E402
from game.ui.screens import debrief  # noqa: E402
from game.ui.screens.debrief_blocks import FigureCards  # noqa: E402


def scored(text: str) -> str:
    return text.replace("id: zero", "id: week").replace("scored: false", "scored: true") \
        .replace("none: {name: None, legibility: hidden}", "city: {name: City}")


def cards_for(zero_text: str, scored_text: str) -> list:
    chapters = make_level(zero_text), make_level(scored_text)
    state = session(chapters, ("share", "sign"), ("keep", "sign"))
    chill = core_debrief.chilling_effect(state)
    return debrief._cards_by_kind(state, chill, debrief._shift(chill.shift_percent, chill))


def figure_rows(blocks: list) -> list[list[str]]:
    return [[label for label, _, _ in b.cards] for b in blocks if isinstance(b, FigureCards)]


def test_each_kind_sits_beside_its_one_study():
    rows = figure_rows(cards_for(KINDED, scored(KINDED)))
    assert rows == [[S.YOU_KIND.format(name=PAIR_KIND_NAMES["expression"]), S.PENNEY_SHORT],
                    [S.YOU_KIND.format(name=PAIR_KIND_NAMES["rules"]), S.BATESON_SHORT]]


def test_without_kinds_no_study_is_set_beside_the_figure():
    blocks = cards_for(ZERO, SCORED)
    assert figure_rows(blocks) == [[S.YOU]]
    assert any(getattr(b, "text", None) == S.CHILLING_NO_KINDS for b in blocks)
