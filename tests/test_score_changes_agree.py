"""Every front end shows the same changes of score, and they add up to what the state did.

Random games of every bundled level, persona and ruleset (`conftest.random_choices`), choice
by choice: the score card's lines (`ui.messages.score_lines`), the text mode's lines, the
export's `changes`, the Transparency Report's cost and the state agree. Plus the score card's
folding, on its own.
"""
from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402
from conftest import random_choices  # noqa: E402

from game.classroom.record import ChapterRecorder  # noqa: E402
from game.core import choose  # noqa: E402
from game.core import events as ev  # noqa: E402
from game.core.changes import ChoiceScore, change_of  # noqa: E402
from game.core.debrief import transparency_report  # noqa: E402
from game.text.events import event_lines  # noqa: E402
from game.ui import messages  # noqa: E402

SEEDS = 3


def _games():
    """Each finished game as (first state, [(state before, step)])."""
    game, first = [], None
    for state, picked in random_choices(SEEDS):
        if not state.records and state.step == 0 and game:
            yield first, game
            game = []
        if not game:
            first = state
        game.append((state, choose(state, picked)))
    if game:
        yield first, game


def _check_choice(before, step, legibility):
    moved = step.score
    after = step.state
    assert moved.before == before.score and moved.after == after.score
    assert sum(c.delta for c in moved.changes) == moved.total == after.score - before.score
    # the events the engine sent say the same, change for change
    sent = [e for e in step.events if isinstance(e, ev.ScoreChanged)]
    assert sorted(e.delta for e in sent) == sorted(c.delta for c in moved.changes)
    assert sorted((e.shown_delta or 0, e.shown_text or "") for e in sent if e.shown_text) == \
        sorted((c.shown_delta or 0, c.shown_text) for c in moved.shown)
    # nothing is shown that the rules keep back
    if legibility in ("hidden", "delayed"):
        assert moved.shown == ()
    if legibility != "exact":
        assert all(c.shown_delta is None for c in moved.changes)
    # the score card: every change shown (or folded with its sum), and the total
    lines = messages.score_lines(moved, 4)
    assert len(lines) <= 4
    if moved.shown_total is not None and len(moved.shown) > 1:
        assert lines[-1].total and lines[-1].title == messages.delta_label(moved.total)
    if moved.shown and legibility == "exact":
        assert sum(_number(line.title) for line in lines if not line.total) == moved.total
    # the text mode lists them all
    text = event_lines(step.events, after.level, legibility, moved=moved)
    assert sum(line.startswith(("Score ", "Score:")) for line in text) >= len(moved.shown)


def _number(label: str) -> int:
    digits = label.replace("▲", "").replace("▼", "").replace("−", "-").replace("+", "").strip()
    return int(digits)


def test_every_change_agrees_everywhere_in_random_games_of_every_level():
    games = 0
    for first, game in _games():
        games += 1
        level = first.level
        legibility = level.rulesets[first.ruleset].legibility
        recorder = ChapterRecorder(first)
        for before, step in game:
            _check_choice(before, step, legibility)
            recorder.chose(step, 1.0)
        final = game[-1][1].state
        rows = transparency_report(final)
        exported = recorder.to_dict()["choices"]
        assert len(rows) == len(exported) == len(game)
        for row, choice, (before, step) in zip(rows, exported, game):
            total = step.state.score - before.score
            assert row.delta == total == choice["score_after"] - choice["score_before"]
            assert sum(c["delta"] for c in choice["changes"]) == total
            assert [(c.cause, c.delta) for c in row.changes] == \
                [(c["cause"], c["delta"]) for c in choice["changes"]]
        assert sum(r.delta for r in rows) == final.score - first.score
    from game.content.catalog import bundled
    assert games == SEEDS * sum(len(b.level.personas) * len(b.level.rulesets)
                                for b in bundled())


def _changes(*deltas):
    return tuple(change_of("exact", "behaviour", d, f"reason {d}") for d in deltas)


def test_the_score_card_folds_the_smallest_changes_and_still_adds_up():
    moved = ChoiceScore(1, 1000, 1000 - 25 - 10 + 4 - 2 + 1, _changes(-25, -10, 4, -2, 1))
    lines = messages.score_lines(moved, 4)
    assert [line.body for line in lines] == ["reason -25", "reason -10", "3 more changes",
                                             "In all"]
    assert [_number(line.title) for line in lines] == [-25, -10, 3, -32]


def test_the_score_card_shows_a_petition_and_the_network_pull_not_only_the_last():
    moved = ChoiceScore(5, 978, 951, _changes(-25, -2))
    assert [(line.title, line.body) for line in messages.score_lines(moved, 4)] == [
        ("▼ −25", "reason -25"), ("▼ −2", "reason -2"), ("▼ −27", "In all")]


def test_in_two_rows_the_card_shows_the_biggest_change_and_the_total():
    """Larger text leaves the card two rows: never a lone "2 more changes" without the cause."""
    moved = ChoiceScore(1, 1050, 1072, _changes(23, -1))
    assert [(line.title, line.body) for line in messages.score_lines(moved, 2)] == [
        ("▲ +23", "reason 23"), ("▲ +22", "In all, with 1 more")]
    moved = ChoiceScore(1, 1000, 975, _changes(-25))
    assert [line.body for line in messages.score_lines(moved, 2)] == ["reason -25"]


@pytest.mark.parametrize("legibility", ["direction_hidden"])
def test_words_without_numbers_merge_and_carry_no_total(legibility):
    changes = tuple(change_of(legibility, "network", d, None) for d in (-5, 3, -1))
    lines = messages.score_lines(ChoiceScore(1, 1000, 997, changes), 4)
    assert [(line.title, line.body) for line in lines] == [("•", "Score adjusted (3 times)")]
