"""The story remembers earlier chapters: `remembers:` lines in scenes and endings show when an
earlier chapter of the campaign ended a certain way (`State.memory`, handed on by `carry`)."""
from __future__ import annotations

import io
import json

from conftest import base_level, play
from game.content import load_text
from game.content.campaign import check_campaign
from game.core import State, choices, ending_text, ending_told, new_game, scene_text, scene_told
from game.core.engine import remembered
from game.text.session import play_campaign

#: The first chapter: helping the old man sets `helped` (and, +20 under the strict rules,
#: reaches `arrived`); crossing on red reaches `home`.
FIRST = """
id: first
order: 1
scenes:
  street:
    choices:
      - {id: cross, text: Cross anyway, behaviour: jaywalk, goto: station}
      - {id: help, text: Help the old man across, behaviour: help, effects: [{set: helped}],
         goto: station}
"""

#: The second chapter remembers the first.
SECOND = """
id: second
order: 2
scenes:
  street:
    remembers:
      - {if: first.helped, text: The old man waves from across the road.}
      - {unless: first.helped, text: Nobody waves.}
endings:
  home:
    title: Home at last
    text: It was a long walk.
    remembers:
      - {if: first.arrived, text: Yesterday you were on time.}
"""


def _first_played(*choice_ids: str) -> State:
    return play(new_game(base_level(FIRST)), *choice_ids).state


def test_a_chapter_played_alone_remembers_nothing():
    state = new_game(base_level(SECOND))
    assert state.memory == ()
    assert scene_text(state) == "The light is red and the road is empty."


def test_a_later_chapter_reads_how_the_earlier_one_ended():
    helped = _first_played("help", "walk")
    assert helped.ending == "arrived"
    second = new_game(base_level(SECOND), carry=helped)
    assert second.memory == (("first", ("arrived", "helped")),)
    assert scene_text(second) == ("The light is red and the road is empty.\n\n"
                                  "The old man waves from across the road.")
    home = play(second, "cross", "walk").state
    assert ending_text(home) == "It was a long walk.\n\nYesterday you were on time."


def test_unless_shows_when_the_earlier_chapter_did_not_end_so():
    crossed = _first_played("cross", "walk")
    second = new_game(base_level(SECOND), carry=crossed)
    assert scene_text(second).endswith("\n\nNobody waves.")
    assert "on time" not in ending_text(play(second, "cross", "walk").state)


def test_memory_is_handed_on_down_the_campaign_and_a_replayed_chapter_counts_as_it_went_last():
    first, second = base_level(FIRST), base_level(SECOND)
    run1 = _first_played("help", "walk")
    run2 = play(new_game(second, carry=run1), "wait", "walk").state
    run1_again = play(new_game(first, carry=run2), "cross", "walk").state
    assert [chapter for chapter, _ in run1_again.memory] == ["second"]   # forgets its own run
    third = new_game(second, carry=run1_again)
    assert [chapter for chapter, _ in third.memory] == ["first"]
    assert dict(third.memory)["first"] == ("home",)                   # the newer run's ending
    assert scene_text(third).endswith("Nobody waves.")


def test_a_chapter_ended_on_its_list_is_remembered_as_listed():
    level = base_level("blacklist: {below: 2000, name: Public list}", FIRST)
    listed = play(new_game(level), "cross", "walk").state
    assert listed.blacklisted
    assert "listed" in dict(remembered(listed, "second"))["first"]


def test_memory_survives_a_save():
    second = new_game(base_level(SECOND), carry=_first_played("help", "walk"))
    again = State.from_json(second.to_json(), second.played)
    assert again.memory == second.memory
    assert json.loads(second.to_json())["memory"] == [["first", ["arrived", "helped"]]]


def test_the_terminal_campaign_shows_the_remembered_line():
    out = io.StringIO()
    play_campaign([base_level(FIRST), base_level(SECOND)], out=out,
                  lines=iter(["2", "2", "3", "2"]))
    text = out.getvalue()
    assert "The old man waves from across the road." in text
    assert "Nobody waves." not in text


# ---------------------------------------------------------------- checks

def _loaded(patch: str, name: str):
    from conftest import BASE, _dedent, _merge
    import yaml
    data = _merge(yaml.safe_load(BASE), yaml.safe_load(_dedent(patch)))
    return load_text(yaml.safe_dump(data, sort_keys=False), name)


def _w314(second_patch: str) -> list[str]:
    found = check_campaign([_loaded(FIRST, "first.yaml"), _loaded(second_patch, "second.yaml")])
    return [d.message for d in found if d.code == "W314"]


def test_lines_that_can_show_raise_no_warning():
    assert _w314(SECOND) == []


def test_a_line_about_something_the_chapter_never_ends_with_is_named():
    (message,) = _w314(SECOND.replace("if: first.arrived", "if: first.arived"))
    assert "`first` never ends with `arived`" in message


def test_a_line_about_an_unknown_or_later_chapter_is_named():
    assert "not among the levels checked" in _w314(SECOND.replace("first.helped", "frist.x"))[0]
    later = SECOND.replace("order: 2", "order: 0")
    assert all("comes after this chapter" in m for m in _w314(later)) and _w314(later)


def test_a_line_needs_exactly_one_of_if_and_unless_with_a_dot():
    both = _loaded(SECOND.replace("{if: first.helped,", "{if: first.helped, unless: first.x,"),
                   "second.yaml")
    assert both.level is None and "exactly one of `if` and `unless`" in both.format()
    no_dot = _loaded(SECOND.replace("if: first.helped", "if: helped"), "second.yaml")
    assert no_dot.level is None and "with a dot" in no_dot.format()
    assert "Remembering earlier chapters" in no_dot.format()
    assert "second.yaml:" in no_dot.format()


# ---------------------------------------------------------------- marked in each front end
# The remembered lines come apart from the text (`scene_told`, `ending_told`), so every front
# end shows them after it, marked "From an earlier chapter".

def _second_helped() -> State:
    return new_game(base_level(SECOND), carry=_first_played("help", "walk"))


def test_told_keeps_the_remembered_lines_apart_from_the_text():
    told = scene_told(_second_helped())
    assert told.text == "The light is red and the road is empty."
    assert told.remembered == ("The old man waves from across the road.",)
    assert ending_told(new_game(base_level(SECOND)), "home").remembered == ()


def test_the_text_mode_marks_a_remembered_line_and_indents_it_under_the_mark():
    from game.core.strings import REMEMBERED
    from game.text.screen import scene_lines
    state = _second_helped()
    lines = scene_lines(state, choices(state))
    mark = lines.index(f"{REMEMBERED}:")
    assert lines[mark - 1] == ""
    assert lines[mark + 1] == "    The old man waves from across the road."
    assert "The light is red and the road is empty." in lines[:mark]


def test_the_browser_marks_a_remembered_line_after_the_text():
    import jinja2

    from game.web import strings as W
    from game.web import views
    from game.web.app import HERE
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    state = _second_helped()
    scene = views.scene_view(state)
    assert scene["paragraphs"] == ["The light is red and the road is empty."]
    page = env.get_template("play.html").render(
        scene=scene, status={"score": {"words": "900"}}, W=W, K={}, TS={}, chapter="Second")
    text, aside = page.index("The light is red"), page.index('<aside class="remembered"')
    assert text < aside < page.index(W.REMEMBERED, aside) < \
        page.index("The old man waves from across the road.")
