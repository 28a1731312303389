"""Checks for mistakes that load and play but quietly do something else than the author
meant (W310-W313): a rule no sensor can ever see, a choice with both `goto` and `finish`,
prose cut short by ` #`, a scene far longer than a player reads at a glance.

Each `check_*` yields diagnostics, like the cross-checks in `checks.py`, which runs them.
"""
from __future__ import annotations

import re
from typing import Iterator

from .context import Context
from .diagnostics import Diagnostic, warning
from .index import choice_path
from .messages import quoted_list

KEY = "__key__"
#: a scene's or an ending's text longer than this is "far over" the guide's 90 words
LONG_TEXT_WORDS = 150


# ---------------------------------------------------------------- W313

def check_rules_that_never_fire(ctx: Context) -> Iterator[Diagnostic]:
    """W313: a rule that no scene can ever count: no scored scene where its behaviour
    happens has one of the rule's `seen_by` sensors on (and the rule is not `always`). Said
    once for each ruleset. Scenes that say on purpose that nothing counts there are left
    out: `sensors: []` (the honesty box under a poster of eyes) and `scored: false` (a
    dilemma asked before any score exists)."""
    level = ctx.level
    happens: dict[str, list[str]] = {}   # behaviour -> scenes where a choice is it
    for sid, _, choice in ctx.index.choices:
        if choice.behaviour is None or level.scenes[sid].sensors == [] \
                or not level.is_scored(sid):
            continue
        if sid not in happens.get(choice.behaviour, ()):
            happens.setdefault(choice.behaviour, []).append(sid)
    for rid, ruleset in level.rulesets.items():
        for bid, rule in ruleset.rules.items():
            scenes = happens.get(bid)
            if not scenes or rule.always or rule.change == 0:
                continue
            if any(set(rule.seen_by) & set(level.active_sensors(s)) for s in scenes):
                continue
            yield _never_fires(ctx, rid, bid, rule, scenes)


def _never_fires(ctx: Context, rid: str, bid: str, rule, scenes: list[str]) -> Diagnostic:
    level = ctx.level
    at = ("rulesets", rid, "rules", bid, "seen_by") if rule.seen_by else (
        "rulesets", rid, "rules", bid, KEY)
    where = quoted_list(scenes, limit=4)
    seen = quoted_list(rule.seen_by, "or") if rule.seen_by else "no sensor"
    on = sorted({s for sid in scenes for s in level.active_sensors(sid)})
    now = f"; the sensors on there are {quoted_list(on)}" if on else "; no sensor is on there"
    first = scenes[0]
    want = rule.seen_by[0] if rule.seen_by else (on[0] if on else "a_sensor")
    hint = (f"switch a sensor on where it happens (in `{first}`: `sensors: "
            f"[{', '.join(dict.fromkeys([*on, want]))}]`, or show a watcher whose `sensor` is "
            f"`{want}`), add a sensor that is on there to `seen_by`, or make the rule "
            "`always: true`")
    if not rule.seen_by:
        hint = "give the rule `seen_by: [<a sensor on where it happens>]`, or `always: true`"
    return ctx.warning("W313", at, f"the rule for `{bid}` in `{rid}` never fires: it is seen "
                       f"only by {seen}, and no scene where `{bid}` happens ({where}) has "
                       f"that on{now}", hint)


# ---------------------------------------------------------------- W310

def check_goto_with_finish(ctx: Context) -> Iterator[Diagnostic]:
    """W310: a choice with both `goto` and `finish: true` finishes; its `goto` is never
    followed."""
    for sid, i, choice in ctx.index.choices:
        if choice.finish and choice.goto is not None:
            yield ctx.warning("W310", choice_path(sid, i, "goto"),
                              f"the choice `{choice.id}` has both `goto: {choice.goto}` and "
                              "`finish: true`: it finishes the level, and the `goto` is "
                              "never followed",
                              f"keep `goto: {choice.goto}` to go on, or `finish: true` to "
                              "end here, not both")


# ---------------------------------------------------------------- W311

_PROSE_KEYS = "title|text|reply|locked_text|description|reason|about|question"
# a prose key whose value is plain (not quoted, not `>-` or `|`) and starts on its line
_PLAIN_PROSE = re.compile(rf"^(\s*)(?:-\s+)?(?:{_PROSE_KEYS}):\s+(?![\"'>|#&*!\[{{])\S")


_BLOCK_START = re.compile(r":\s+[>|][-+0-9]*\s*(#.*)?$")


def check_cut_prose(ctx: Context) -> Iterator[Diagnostic]:
    """W311: ` #` inside plain (unquoted) prose starts a comment, so the rest of the line is
    lost. Read from the file's text: a comment leaves nothing in the data."""
    source = ctx.source
    if not source or " #" not in source:
        return
    lines = source.splitlines()
    block = -1   # inside a `>-` or `|` text: the indent of its key, else -1
    for number, line in enumerate(lines):
        indent_here = len(line) - len(line.lstrip())
        if block >= 0 and (not line.strip() or indent_here > block):
            continue
        block = indent_here if _BLOCK_START.search(line) else -1
        found = _PLAIN_PROSE.match(line)
        if not found:
            continue
        indent = len(found.group(1))
        for k in range(number, len(lines)):
            here = lines[k]
            if k > number and (not here.strip() or len(here) - len(here.lstrip()) <= indent):
                break
            cut = here.find(" #", 0 if k > number else found.end() - 1)
            if cut >= 0:
                yield _cut(ctx, k + 1, cut + 2, here[cut + 1:].strip())
                break


def _cut(ctx: Context, line: int, column: int, lost: str) -> Diagnostic:
    shown = lost if len(lost) <= 40 else lost[:39] + "…"
    return warning("W311", ctx.path, line, column,
                   f"` #` starts a comment here, so the text stops before it: "
                   f"`{shown}` is left out of the game",
                   "if the `#` belongs to the text, write the text under `>-` on the next "
                   "lines (or in double quotes); if it is a note to yourself, put it on a "
                   "line of its own")


# ---------------------------------------------------------------- W312

def check_long_texts(ctx: Context) -> Iterator[Diagnostic]:
    """W312: a scene's or an ending's text far over the guide's 90 words."""
    for kind in ("scenes", "endings"):
        for pid, part in getattr(ctx.level, kind).items():
            words = len(part.text.split())
            if words > LONG_TEXT_WORDS:
                noun = kind[:-1]
                yield ctx.warning("W312", (kind, pid, "text"),
                                  f"the {noun} `{pid}` has {words} words; a player reads "
                                  f"about 90 at a glance, and the window scrolls long texts",
                                  f"cut it to about 90 words, or split it into two {kind} "
                                  f"with a choice between them")


CHECKS = [check_rules_that_never_fire, check_goto_with_finish, check_cut_prose,
          check_long_texts]
