"""The bundled chapters remember what the player did (issue 16, CAMPAIGN_CHECK "After the prose
rewrite"): a cut friend, a deleted app and a listing each show up where they matter, and a
line written for one path does not show on another."""
from __future__ import annotations

from game.core import choices, choose, new_game
from game.core.recall import ending_text, scene_text
from tests.test_campaign_carry import _level


def _play(state, wanted=(), stop_at=None):
    """Each choice in `wanted` (by id) when it is open here, else the first open one; stop on
    arriving at scene `stop_at`."""
    while not state.finished and state.scene != stop_at:
        open_ids = [v.id for v in choices(state) if v.available]
        pick = next((i for i in wanted if i in open_ids), open_ids[0])
        state = choose(state, pick).state
    return state


def _city(wanted=(), stop_at=None, ruleset="documented"):
    return _play(new_game(_level("pilot_city"), "professional", ruleset), wanted, stop_at)


def test_listed_and_out_of_the_app_ends_saying_both_with_no_final_score():
    """Seen in play: signing out of the app while listed gave *On the List*, which never
    mentions leaving, and then "Final score: 975" for an app you had deleted."""
    state = _city(("ignore", "leave", "delete"))   # the court's text ignored, then opted out
    assert state.blacklisted and "opted_out" in state.flags
    ending = state.level.endings[state.ending]
    assert not ending.score_shown
    text = ending_text(state)
    assert "deleted the points app" in text and "notice board" in text


def test_listed_and_still_in_the_app_keeps_on_the_list():
    state = _city(("ignore", "done"))
    assert state.ending == "blacklisted" and state.level.endings["blacklisted"].score_shown


def test_the_thursday_call_notices_a_friend_you_cut_on_tuesday():
    """Seen in play: after "Remove him from your contacts" Zhou called, wrote and played as
    if nothing had happened."""
    for ruleset in ("documented", "articles"):
        cut = _city(("cut",), "late_bill", ruleset)
        kept = _city((), "late_bill", ruleset)
        shown_cut = [v.id for v in choices(cut)]
        shown_kept = [v.id for v in choices(kept)]
        assert len(shown_cut) == len(shown_kept)       # the same choices, one for one
        replies = {c.id: c.reply for c in cut.level.scenes["late_bill"].choices}
        assert all("no name" in replies[i] for i in shown_cut)
        assert not any("no name" in (replies[i] or "") for i in shown_kept)


def test_a_cut_friend_twin_is_scored_and_paired_as_the_choice_it_stands_for():
    scene = _level("pilot_city").scenes["late_bill"]
    by_id = {c.id: c for c in scene.choices}
    for twin in [c for c in scene.choices if c.id.endswith("_cut")]:
        plain = by_id[twin.id.removesuffix("_cut")]
        assert (twin.text, twin.behaviour, twin.baseline, twin.needs, twin.goto) == \
            (plain.text, plain.behaviour, plain.baseline, plain.needs, plain.goto)


def test_sesame_remembers_the_notice_board_after_either_listed_ending():
    for wanted in (("ignore", "done"), ("ignore", "leave", "delete")):
        city = _city(wanted)
        sesame = new_game(_level("sesame"), "professional", carry=city)
        assert "notice board" in scene_text(sesame, "mei_form"), city.ending
