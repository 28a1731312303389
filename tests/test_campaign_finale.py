"""The campaign's finale: the whole record after the last chapter (issue 16), computed in the
core and shown by the window, the text mode (`play --campaign`) and the kiosk."""
from __future__ import annotations

import io
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.core import choices, choose, new_game  # noqa: E402
from game.core import strings as CS  # noqa: E402
from game.core.finale import campaign_finale, finale_lines  # noqa: E402
from tests.test_campaign_carry import _level  # noqa: E402


def _play(state, wanted=()):
    """Each choice in `wanted` (by id) when it is open here, else the first open one."""
    while not state.finished:
        open_ids = [v.id for v in choices(state) if v.available]
        pick = next((i for i in wanted if i in open_ids), open_ids[0])
        state = choose(state, pick).state
    return state


def _campaign():
    """The tutorial with a name kept on the petition that only a hidden monitor sees, Day
    Zero, and "Could It Happen Here?" with the €89 claim ignored (counted weeks later)."""
    tutorial = _play(new_game(_level("tutorial"), "urban", "city_pilot"), ("sign", "keep"))
    zero = _play(new_game(_level("day_zero"), "professional", carry=tutorial))
    here = _play(new_game(_level("here"), "professional", "visible", carry=zero), ("ignore",))
    return [tutorial, zero, here]


def test_one_chapter_has_no_finale():
    assert campaign_finale(_campaign()[:1]) is None


def test_the_finale_names_three_things_the_player_did_from_different_chapters():
    states = _campaign()
    finale = campaign_finale(states)
    assert finale is not None and len(finale.deeds) == 3
    assert finale.chapters == tuple(s.played.title for s in states)
    made = {(s.played.title, r.scene, r.choice) for s in states for r in s.records}
    for deed in finale.deeds:   # each is a choice really made, in its chapter, named in full
        scene = next(sc for st in states if st.played.title == deed.chapter
                     for sid, sc in st.played.scenes.items() if sc.title == deed.scene)
        choice = next(c for c in scene.choices if c.text == deed.choice)
        assert any(m[0] == deed.chapter and m[2] == choice.id for m in made)
    assert len({d.chapter for d in finale.deeds}) == 3
    assert [d.order for d in finale.deeds] == sorted(d.order for d in finale.deeds)
    text = "\n".join(finale_lines(finale))
    assert all(d.choice in text for d in finale.deeds) and text.endswith(CS.FINALE_QUESTION)


def test_a_deed_costs_what_it_caused_even_when_it_was_counted_later():
    # Ignoring the claim is counted three weeks later, at another choice: the finale puts the
    # -300 on the choice that caused it (the Transparency Report's row total does not)
    finale = campaign_finale(_campaign())
    ignored = [d for d in finale.deeds if d.choice.startswith("Ignore it")]
    assert ignored and ignored[0].delta == -300


def test_the_finale_says_which_systems_recorded_you_where_nothing_was_shown():
    finale = campaign_finale(_campaign())
    tutorial, zero, _ = finale.knew
    monitor = [k for k in tutorial if k.system == "Website and petition monitor"]
    assert monitor and monitor[0].unshown == monitor[0].times == 1   # no watcher was shown
    assert zero == ()                                                # Day Zero counts nothing
    lines = finale_lines(finale)
    assert any(line.startswith("Day Zero: " + CS.FINALE_NOBODY) for line in lines)
    assert any(CS.FINALE_NEVER_SHOWN.strip() in line for line in lines)


def test_text_mode_plays_the_campaign_and_ends_with_the_finale():
    from game.text.session import play_campaign
    levels = [_level(i) for i in ("tutorial", "day_zero")]
    out = io.StringIO()
    code = play_campaign(levels, "urban", 0, out=out, lines=iter(["1"] * 60))
    text = out.getvalue()
    assert code == 0
    assert text.index("== The Night Before ==") < text.index("== Saturday, 7:50 ==")
    assert CS.FINALE_TITLE in text and "Day Zero: nothing recorded you." in text


def test_text_mode_without_enough_answers_stops_before_the_finale():
    from game.text.session import play_campaign
    out = io.StringIO()
    play_campaign([_level("tutorial"), _level("day_zero")], None, 0, out=out,
                  lines=iter(["1"] * 5))
    assert CS.FINALE_TITLE not in out.getvalue()


def test_the_window_offers_the_finale_after_the_last_chapter_only():
    from types import SimpleNamespace

    from game.ui import flow, levels
    from game.ui import strings as S
    states = _campaign()
    app = SimpleNamespace(carry=None)
    chapters = [c for c in levels.bundled() if c.ok]
    flow.remember_finished(app, states[0])
    assert flow.finale_action(app, chapters[-1]) == []          # one chapter: no finale
    for state in states[1:]:
        flow.remember_finished(app, state)
    assert [label for label, _ in flow.finale_action(app, chapters[-1])] == [S.TO_FINALE]
    assert flow.finale_action(app, chapters[0]) == []           # not the last chapter
    assert [s.level_id for s in flow.campaign_states(app)] == ["tutorial", "day_zero", "here"]


def test_the_window_draws_the_finale():
    from game.ui.screens.finale import FinaleScreen
    from game.ui.testing import Pilot, drawn_text
    pilot = Pilot(args=None)
    lines = finale_lines(campaign_finale(_campaign()))
    pilot.app.push(FinaleScreen(pilot.app, lines))
    with drawn_text() as drawn:
        pilot.redraw()
    assert pilot.screen_is("finale")
    shown = " ".join(entry[0] for entry in drawn)
    assert CS.FINALE_TITLE in shown and CS.FINALE_DEEDS.upper() in shown


def test_the_kiosk_shows_the_finale_between_the_last_chapter_and_the_debrief(tmp_path,
                                                                            monkeypatch):
    import pygame

    from tests.test_ui_kiosk import begin, choose_once, kiosk
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))
    pilot, _, clock, _ = kiosk(tmp_path)
    begin(pilot)
    seen = []
    for _ in range(600):
        name = pilot.screen_name()
        seen.append(name)
        if name == "play":
            choose_once(pilot)
            clock.advance(4)
        elif name in ("kiosk ending", "finale"):
            pilot.key(pygame.K_RETURN)
        else:
            break
    assert pilot.screen_is("debrief steps")
    names = [n for i, n in enumerate(seen) if i == 0 or seen[i - 1] != n]
    assert names[-3:] == ["kiosk ending", "finale", "debrief steps"]


def test_a_deed_on_the_unscored_day_says_nothing_was_counting():
    finale = campaign_finale(_campaign())
    zero = [d for d in finale.deeds if d.chapter == "Day Zero"]
    assert zero and not zero[0].scored
    line = next(line for line in finale_lines(finale) if line.startswith("Day Zero, "))
    assert line.endswith(CS.FINALE_UNSCORED) and "Your score" not in line


def test_a_deed_reads_as_one_sentence_and_says_when_the_score_moved_unseen():
    from game.core.finale import Deed, Finale, finale_lines
    deeds = (Deed("The Pilot City", "Thursday, 4:10", "Drive him now. The bill will be late.",
                  ("Bank records",), -20, (0, 1)),
             Deed("Sesame", "Saturday", "Go and carry boxes", (), 20, (1, 2)),
             Deed("Day Zero", "Saturday", "Say nothing?", (), 0, (2, 1), scored=False))
    lines = finale_lines(Finale(("a", "b"), ((), ()), 0, deeds))
    assert ("The Pilot City, Thursday, 4:10. You chose: Drive him now. The bill will be late. "
            "Seen by Bank records. Your score: −20.") in lines   # the score card's minus sign
    assert ("Sesame, Saturday. You chose: Go and carry boxes. No sensor recorded it, yet your "
            "score moved: +20.") in lines
    assert "Day Zero, Saturday. You chose: Say nothing? Nothing was counting." in lines


def test_a_choice_that_ends_its_own_sentence_gets_no_second_full_stop():
    """Seen in play: "You chose: Drive him now. The bill will be late.. Seen by ..." """
    from game.core.finale import Deed, Finale
    deeds = tuple(Deed("The Pilot City", "Thursday, 4:10", text, ("Bank records",), -40, (0, i))
                  for i, text in enumerate(("Drive him now. The bill will be late.",
                                            'Write: "Who do we call?"', "Sign it")))
    text = "\n".join(finale_lines(Finale(("The Pilot City", "Day Zero"), ((), ()), 0, deeds)))
    assert ".." not in text and '?".' not in text
    assert "You chose: Drive him now. The bill will be late. Seen by" in text
    assert 'You chose: Write: "Who do we call?" Seen by' in text
    assert "You chose: Sign it. Seen by" in text


def test_a_chapter_title_that_ends_in_a_question_mark_gets_no_colon_or_comma_after_it():
    """Seen in play: "Could It Happen Here?: Hafenhaus chip and card readers recorded you" """
    from game.core.finale import Deed, Finale, Knew
    title = "Could It Happen Here?"
    deeds = (Deed(title, "Final Reminder", "Pay the €89", ("Funkwelle billing",), -5, (1, 1)),)
    finale = Finale(("Day Zero", title), ((), (Knew("Funkwelle billing", 1, 0),)), 0, deeds)
    text = "\n".join(finale_lines(finale))
    assert "?:" not in text and "?," not in text
    assert "Could It Happen Here? Funkwelle billing recorded you once." in text
    assert "Could It Happen Here? Final Reminder. You chose: Pay the €89." in text
    assert "Day Zero: nothing recorded you." in text


def test_ratings_by_people_are_named_with_what_each_chapter_kept():
    """Seen in play: "Sesame: nothing recorded you." after four people had rated the player."""
    from game.core.finale import Finale
    finale = Finale(("Day Zero", "Sesame"), ((), ()), 0, (), rated=(0, 4))
    text = "\n".join(finale_lines(finale))
    assert "Sesame: people you met rated you 4 times, and the ratings were kept." in text
    assert "Day Zero: nothing recorded you." in text


def test_the_finale_says_which_chapter_left_you_on_a_list():
    """Seen in play: the Pilot City ended with the player on the Untrustworthy list, and the
    finale named only the cameras and the bank."""
    zero = _play(new_game(_level("day_zero"), "professional"))
    city = _play(new_game(_level("pilot_city"), "professional", "documented", carry=zero),
                 ("ignore", "done"))   # the court's text ignored, the report taken, no payment
    assert city.blacklisted
    finale = campaign_finale([zero, city])
    assert finale.listed == ("", "Untrustworthy list")
    lines = finale_lines(finale)
    city_line = next(line for line in lines if line.startswith("The Pilot City: "))
    assert city_line.endswith(". You ended the chapter on the Untrustworthy list.")
    assert "Day Zero: nothing recorded you." in lines   # not listed: no clause
