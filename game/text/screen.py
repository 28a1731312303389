"""A scene as plain lines: title, text, watchers, score, services and numbered choices.

Only what `score_display` allows is shown of the score; nothing here changes the state.
"""
from __future__ import annotations

import textwrap

from ..core import ChoiceView, State, Told, scene_told, score_display, services_shown
from ..core.display import NO_LONGER_SHOWN
from ..core.strings import REMEMBERED
from . import strings as s


def wrap(text: str, indent: str = "") -> list[str]:
    """Text wrapped at the terminal width, keeping the author's own line breaks."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        if not line.strip():
            lines.append("")
            continue
        lines.extend(textwrap.wrap(line.strip(), s.WIDTH, initial_indent=indent,
                                   subsequent_indent=indent, break_on_hyphens=False))
    return lines


def told_lines(told: Told) -> list[str]:
    """A scene's or an ending's text, then each remembered line under the mark "From an
    earlier chapter:", indented, so it reads as remembered and not as more of the text."""
    lines = wrap(told.text)
    for line in told.remembered:
        lines += ["", s.REMEMBERED.format(label=REMEMBERED), *wrap(line, s.REMEMBERED_INDENT)]
    return lines


def stars_text(stars: float) -> str:
    """4.0 -> "★★★★☆ (4 of 5)"; 3.5 -> "★★★½☆ (3.5 of 5)"."""
    full = int(stars)
    half = 1 if stars - full >= 0.5 else 0
    row = s.STAR_FULL * full + s.STAR_HALF * half + s.STAR_EMPTY * (5 - full - half)
    count = f"{stars:g}"
    return s.SCORE_STARS.format(stars=row, count=count)


def score_lines(state: State) -> list[str]:
    """The score and tier, exactly as the ruleset's legibility allows."""
    shown = score_display(state)
    if shown.number is not None:
        lines = [s.SCORE_NUMBER.format(number=shown.number)]
    elif shown.stars is not None:
        lines = [stars_text(shown.stars)]
    elif shown.legibility == NO_LONGER_SHOWN:
        lines = [s.SCORE_OFF_SCREEN]
    else:
        lines = [s.SCORE_HIDDEN]
    if shown.tier:
        lines.append(s.TIER.format(name=shown.tier))
    return lines


def watcher_line(state: State) -> str:
    level = state.level
    scene = level.scenes[state.scene]
    names = [level.watchers[w].name for w in scene.watchers if w in level.watchers]
    return s.WATCHING.format(names=", ".join(names)) if names else s.WATCHING_NOBODY


def service_lines(state: State) -> list[str]:
    """Each service, open or closed (with why, in the legibility's words); none where the
    engine shows none."""
    views = services_shown(state)
    if not views:
        return []
    lines = [s.SERVICES]
    for view in views:
        if view.open:
            lines.append(s.SERVICE_OPEN.format(name=view.name))
        elif view.why:
            lines.append(s.SERVICE_CLOSED.format(name=view.name, reason=view.why))
        else:
            lines.append(s.SERVICE_CLOSED_PLAIN.format(name=view.name))
    return lines


def status_lines(state: State) -> list[str]:
    """Score, tier, money and the blacklist: the HUD."""
    lines = score_lines(state)
    if state.money:
        lines.append(s.MONEY.format(money=state.money))
    blacklist = state.level.blacklist
    if state.blacklisted and blacklist is not None:
        lines.append(s.ON_LIST.format(name=blacklist.name))
    return lines


def choice_lines(views: list[ChoiceView]) -> list[str]:
    """Numbered choices; locked ones say what locks them. Long ones wrap under their text."""
    lines = []
    for view in views:
        if view.available:
            line = s.CHOICE.format(number=view.number, text=view.text)
        else:
            line = s.CHOICE_LOCKED.format(number=view.number, text=view.text,
                                          reason=view.locked_reason)
        indent = " " * (len(str(view.number)) + 2)
        lines.extend(textwrap.wrap(line, s.WIDTH, subsequent_indent=indent,
                                   break_on_hyphens=False))
    return lines


def scene_lines(state: State, views: list[ChoiceView]) -> list[str]:
    """Everything a player sees of the current scene, before choosing."""
    scene = state.level.scenes[state.scene]
    return [
        s.SCENE_TITLE.format(title=scene.title), "", *told_lines(scene_told(state)), "",
        watcher_line(state), *status_lines(state), *service_lines(state), "",
        *choice_lines(views),
    ]
