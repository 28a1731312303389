"""Day Zero's unscored answers meet their scored twins in Chapter 1, through `carry`."""
from __future__ import annotations

from game.content import bundled_levels, load_level
from game.core import choices, choose, new_game
from game.core.debrief import chilling_effect


def _level(level_id: str):
    for path in bundled_levels():
        loaded = load_level(path)
        if loaded.level is not None and loaded.level.id == level_id:
            return loaded.level
    raise AssertionError(f"no bundled level {level_id}")


def _play(state, candid: bool):
    """Give the candid (or the guarded) answer to every baseline dilemma; else the first choice."""
    while not state.finished:
        scene = state.level.scenes[state.scene]
        by_id = {c.id: c for c in scene.choices}
        open_ids = [v.id for v in choices(state) if v.available]
        marked = [i for i in open_ids if by_id[i].baseline and by_id[i].baseline.candid == candid]
        state = choose(state, (marked or open_ids)[0]).state
    return state


def test_candid_on_day_zero_and_guarded_under_the_score_is_a_full_shift():
    day_zero = _play(new_game(_level("day_zero"), "professional"), candid=True)
    chapter = _play(new_game(_level("pilot_city"), "professional", "articles", carry=day_zero),
                    candid=False)
    effect = chilling_effect(chapter)
    pairs = len(_level("day_zero").baselines)
    assert effect.pairs == pairs
    assert (effect.candid_unscored, effect.candid_scored, effect.changed) == (pairs, 0, pairs)
    assert effect.shift_percent == -100.0


def test_without_carry_a_chapter_has_no_unscored_answers_to_compare():
    chapter = _play(new_game(_level("pilot_city"), "professional", "articles"), candid=True)
    assert chilling_effect(chapter).pairs == 0


def test_counterbalanced_order_scored_first_gives_the_same_comparison():
    chapter = _play(new_game(_level("pilot_city"), "migrant", "articles"), candid=True)
    day_zero = _play(new_game(_level("day_zero"), "migrant", carry=chapter), candid=True)
    effect = chilling_effect(day_zero)
    assert effect.pairs == len(_level("day_zero").baselines)
    assert effect.changed == 0


def test_playing_the_scored_chapter_again_as_another_person_still_compares_with_day_zero():
    # Day Zero, then The Pilot City twice (the second time as the other person, under other
    # rules): the second run lost Day Zero's answers, and said there was nothing to compare
    from types import SimpleNamespace

    from game.ui.flow import carry_for, remember_finished
    app = SimpleNamespace(carry=None)
    zero, city = _level("day_zero"), _level("pilot_city")
    day_zero = _play(new_game(zero, "professional"), candid=True)
    remember_finished(app, day_zero)
    first = _play(new_game(city, "professional", "articles", carry=carry_for(app, city)),
                  candid=False)
    remember_finished(app, first)
    second = _play(new_game(city, "migrant", "documented", carry=carry_for(app, city)),
                   candid=False)
    assert chilling_effect(second).pairs == 6
