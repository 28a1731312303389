"""Cross-checks: what the schema alone cannot see, in the style of Ren'Py's lint.

Each `check_*` function is one rule with its own stable code (see `codes.py`) and yields
diagnostics; `run_checks` runs them all and collects every problem. Reference checks (E2xx)
also run on a partial level (one whose schema problems were repaired or left out, see
`repair.py`); checks about the level as a whole (`WHOLE_LEVEL`: W302-W306) run only on a
complete one, where they cannot be misled by what is missing.
"""
from __future__ import annotations

import operator
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator

from ..core.model import WATCHER_ICONS
from .context import Context
from .diagnostics import Diagnostic
from .glyphs import check_glyphs
from .index import choice_path
from .messages import quoted_list
from .pictures import PictureProblem, is_own, known_names, picture_path, read_svg
from .storychecks import CHECKS as STORY_CHECKS
from .storychecks import check_rules_that_never_fire

KEY = "__key__"
_ID = operator.attrgetter("id")
_ICONS = frozenset(WATCHER_ICONS)


def run_checks(ctx: Context) -> list[Diagnostic]:
    """Run every check that applies and collect all they find."""
    found: list[Diagnostic] = []
    for check in CHECKS:
        if ctx.complete or check not in WHOLE_LEVEL:
            found.extend(check(ctx))
    return found


def _refs(ctx: Context, code: str, kind: str, known: frozenset | None, section: str,
          places: Iterable[tuple[tuple, object]]) -> Iterator[Diagnostic]:
    """Report every (path, id) in `places` whose id is not in `known`."""
    if known is None:
        return
    for at, value in places:
        if value is not None and value not in known:
            yield ctx.unknown(code, at, kind, value, known, section)


def _items(base: tuple, values: Iterable[str] | None) -> Iterator[tuple[tuple, str]]:
    for i, value in enumerate(values or ()):
        yield base + (i,), value


def _named(ctx: Context, code: str, kind: str, known: frozenset | None,
           section: str) -> Iterator[Diagnostic]:
    """Report every id of this kind that a condition or effect names (as the kinds'
    `names` say) and that is not in `known`."""
    yield from _refs(ctx, code, kind, known, section, ctx.index.named(kind))


# ---------------------------------------------------------------- where the story goes

def check_start(ctx: Context) -> Iterator[Diagnostic]:
    """E201: `start` names a scene."""
    start, names = ctx.level.start, ctx.names
    if names.scenes is None or names.endings is None:
        return
    if start in names.endings and start not in names.scenes:
        yield ctx.error("E201", ("start",), f"`start` must be a scene, but `{start}` is an ending",
                        "start at a scene; players reach endings through choices")
    elif start not in names.scenes:
        yield ctx.unknown("E201", ("start",), "scene", start, names.scenes, "scenes")


def check_choice_gotos(ctx: Context) -> Iterator[Diagnostic]:
    """E202: a choice's `goto` names a scene or an ending."""
    known = _scenes_and_endings(ctx)
    if known is None or known.issuperset(chain.from_iterable(ctx.index.exits.values())):
        return  # the usual case, checked fast
    for sid, i, choice in ctx.index.choices:
        goto = choice.goto
        if goto is not None and goto not in known:
            yield ctx.unknown("E202", choice_path(sid, i, "goto"), "scene or ending", goto,
                              known, "scenes")


def check_effect_gotos(ctx: Context) -> Iterator[Diagnostic]:
    """E203: a `goto` effect names a scene or an ending."""
    yield from _named(ctx, "E203", "scene or ending", _scenes_and_endings(ctx), "scenes")


def _scenes_and_endings(ctx: Context) -> frozenset | None:
    scenes, endings = ctx.names.scenes, ctx.names.endings
    return None if scenes is None or endings is None else scenes | endings


def check_visited(ctx: Context) -> Iterator[Diagnostic]:
    """E212: a `visited` condition names a scene."""
    yield from _named(ctx, "E212", "scene", ctx.names.scenes, "scenes")


def check_preset_scenes(ctx: Context) -> Iterator[Diagnostic]:
    """E216: a preset starts at a scene that exists."""
    places = ((("presets", pid, "scene"), p.scene) for pid, p in ctx.level.presets.items())
    yield from _refs(ctx, "E216", "scene", ctx.names.scenes, "scenes", places)


def check_renamed(ctx: Context) -> Iterator[Diagnostic]:
    """E217: `renamed` maps old scene ids to scenes that exist, and `scene.choice` to
    choices that exist."""
    scenes = ctx.level.scenes
    choices = [(old, new) for old, new in ctx.level.renamed.items()
               if "." in old and "." in new and new not in scenes]
    places = ((("renamed", old), new) for old, new in ctx.level.renamed.items()
              if (old, new) not in choices)
    yield from _refs(ctx, "E217", "scene", ctx.names.scenes, "scenes", places)
    for old, new in choices:
        sid, cid = new.split(".", 1)
        if sid not in scenes:
            yield ctx.unknown("E217", ("renamed", old), "scene", sid, scenes, "scenes")
        elif cid not in (ids := [c.id for c in scenes[sid].choices]):
            yield ctx.error("E217", ("renamed", old),
                            f"scene `{sid}` has no choice `{cid}`",
                            ctx.suggest(cid, ids) or f"its choices are {quoted_list(ids)}")


# ---------------------------------------------------------------- rules and the world

def check_behaviours(ctx: Context) -> Iterator[Diagnostic]:
    """E204: a choice's `behaviour` is one of the level's behaviours."""
    known = ctx.names.behaviours
    if known is None or known.issuperset(ctx.index.behaviours):
        return  # the usual case, checked fast
    for sid, i, choice in ctx.index.choices:
        behaviour = choice.behaviour
        if behaviour is not None and behaviour not in known:
            yield ctx.unknown("E204", choice_path(sid, i, "behaviour"), "behaviour", behaviour,
                              known, "behaviours")


def check_rule_behaviours(ctx: Context) -> Iterator[Diagnostic]:
    """E205: every rule in a ruleset is keyed by a behaviour id."""
    places = ((("rulesets", rid, "rules", bid, KEY), bid)
              for rid, ruleset in ctx.level.rulesets.items() for bid in ruleset.rules)
    yield from _refs(ctx, "E205", "behaviour", ctx.names.behaviours, "behaviours", places)


def check_sensors(ctx: Context) -> Iterator[Diagnostic]:
    """E206: `seen_by`, a scene's `sensors` and a watcher's `sensor` name sensors."""
    level = ctx.level
    places: list = []
    for rid, ruleset in level.rulesets.items():
        for bid, rule in ruleset.rules.items():
            places += _items(("rulesets", rid, "rules", bid, "seen_by"), rule.seen_by)
    for sid, scene in level.scenes.items():
        if scene.sensors:
            places += _items(("scenes", sid, "sensors"), scene.sensors)
    places += ((("watchers", wid, "sensor"), w.sensor) for wid, w in level.watchers.items())
    yield from _refs(ctx, "E206", "sensor", ctx.names.sensors, "sensors", places)


def check_scene_watchers(ctx: Context) -> Iterator[Diagnostic]:
    """E207: a scene's `watchers` are the level's watchers."""
    places = (place for sid, scene in ctx.level.scenes.items() if scene.watchers
              for place in _items(("scenes", sid, "watchers"), scene.watchers))
    yield from _refs(ctx, "E207", "watcher", ctx.names.watchers, "watchers", places)


def check_condition_services(ctx: Context) -> Iterator[Diagnostic]:
    """E208: a `service` condition names a service."""
    yield from _named(ctx, "E208", "service", ctx.names.services, "services")


def check_condition_tiers(ctx: Context) -> Iterator[Diagnostic]:
    """E209: a `tier` condition names a tier id."""
    yield from _named(ctx, "E209", "tier", ctx.names.tiers, "score: tiers")


def check_personas(ctx: Context) -> Iterator[Diagnostic]:
    """E210: `persona` in conditions and presets names a persona."""
    known = ctx.names.personas
    yield from _named(ctx, "E210", "persona", known, "personas")
    places = ((("presets", pid, "persona"), p.persona) for pid, p in ctx.level.presets.items())
    yield from _refs(ctx, "E210", "persona", known, "personas", places)


def check_rulesets(ctx: Context) -> Iterator[Diagnostic]:
    """E211: `ruleset` in conditions and presets, and the blacklist's and the network's
    `rulesets`, name rulesets."""
    known = ctx.names.rulesets
    yield from _named(ctx, "E211", "ruleset", known, "rulesets")
    places = ((("presets", pid, "ruleset"), p.ruleset) for pid, p in ctx.level.presets.items())
    yield from _refs(ctx, "E211", "ruleset", known, "rulesets", places)
    blacklist = ctx.level.blacklist
    if blacklist is not None:
        yield from _refs(ctx, "E211", "ruleset", known, "rulesets",
                         _items(("blacklist", "rulesets"), blacklist.rulesets))
    yield from _refs(ctx, "E211", "ruleset", known, "rulesets",
                     _items(("network", "rulesets"), ctx.level.network.rulesets))


def check_contacts(ctx: Context) -> Iterator[Diagnostic]:
    """E213: contacts named in conditions, effects, personas and presets exist."""
    level = ctx.level
    places = ctx.index.named("contact")
    for kind, owners in (("personas", level.personas), ("presets", level.presets)):
        for oid, owner in owners.items():
            places += _items((kind, oid, "contacts"), owner.contacts)
    yield from _refs(ctx, "E213", "contact", ctx.names.contacts, "contacts", places)


def check_sources(ctx: Context) -> Iterator[Diagnostic]:
    """E214: `sources` of scenes and endings are keys of the level's `sources`."""
    places: list = []
    for kind in ("scenes", "endings"):
        for pid, part in getattr(ctx.level, kind).items():
            if part.sources:
                places += _items((kind, pid, "sources"), part.sources)
    yield from _refs(ctx, "E214", "source", ctx.names.sources, "sources", places)


def check_baseline_pairs(ctx: Context) -> Iterator[Diagnostic]:
    """E215: a choice's `baseline: pair` is one of the level's `baselines`."""
    known = ctx.names.baselines
    for sid, i, mark in ctx.index.baselines:
        if known is not None and mark.pair not in known:
            yield ctx.unknown("E215", choice_path(sid, i, "baseline", "pair"), "baseline pair",
                              mark.pair, known, "baselines")


def check_art(ctx: Context) -> Iterator[Diagnostic]:
    """E218: `art` of scenes and endings is a picture the game has; E224: a level's own
    picture (a path ending in .svg) is a safe SVG inside the level's folder."""
    known = frozenset(known_names())
    folder = Path(ctx.path).parent
    for kind in ("scenes", "endings"):
        for pid, part in getattr(ctx.level, kind).items():
            at = (kind, pid, "art")
            if is_own(part.art):
                try:
                    read_svg(picture_path(part.art, folder))
                except PictureProblem as problem:
                    yield ctx.error("E224", at, problem.message, problem.hint)
            elif part.art not in known:
                hint = ctx.suggest(part.art, sorted(known)) or (
                    "use a picture listed in docs/ART.md (like `street`, `kitchen` or "
                    "`station_gates`), or an .svg file of your own in the level's folder")
                yield ctx.error("E218", at, f"the game has no picture called `{part.art}`", hint)


def check_watcher_icons(ctx: Context) -> Iterator[Diagnostic]:
    """E219: a watcher's `icon` is one the game can draw."""
    for wid, watcher in ctx.level.watchers.items():
        if watcher.icon not in _ICONS:
            yield _not_in_list(ctx, "E219", ("watchers", wid, "icon"), "icon", watcher.icon,
                               WATCHER_ICONS)


def _not_in_list(ctx: Context, code: str, at: tuple, kind: str, value: str,
                 allowed: tuple) -> Diagnostic:
    hint = ctx.suggest(value, allowed) or f"use one of {quoted_list(list(allowed), 'or')}"
    return ctx.error(code, at, f"the game has no {kind} called `{value}`", hint)


# ---------------------------------------------------------------- ids

def check_choice_ids(ctx: Context) -> Iterator[Diagnostic]:
    """E220: choice ids are unique within their scene."""
    for sid, scene in ctx.level.scenes.items():
        choices = scene.choices
        if len(choices) < 2 or len(set(map(_ID, choices))) == len(choices):
            continue
        first: dict[str, int] = {}
        for i, choice in enumerate(scene.choices):
            if choice.id in first:
                line = ctx.where(("scenes", sid, "choices", first[choice.id], "id"))[0]
                yield ctx.error("E220", ("scenes", sid, "choices", i, "id"),
                                f"scene `{sid}` already has a choice with the id `{choice.id}` "
                                f"(line {line})", "give each choice in a scene its own id")
            else:
                first[choice.id] = i


def check_tier_ids(ctx: Context) -> Iterator[Diagnostic]:
    """E221: tier ids are unique."""
    first: dict[str, int] = {}
    for i, tier in enumerate(ctx.level.score.tiers):
        if tier.id in first:
            line = ctx.where(("score", "tiers", first[tier.id], "id"))[0]
            yield ctx.error("E221", ("score", "tiers", i, "id"),
                            f"there is already a tier with the id `{tier.id}` (line {line})",
                            "give each tier its own id")
        else:
            first[tier.id] = i


def check_score_range(ctx: Context) -> Iterator[Diagnostic]:
    """E223: the score's `min` is not above its `max`."""
    score = ctx.level.score
    if score.min > score.max:
        yield ctx.error("E223", ("score", "min"),
                        f"the lowest score ({score.min}) is above the highest ({score.max})",
                        "swap them: `min` is the lowest score anyone can have, `max` the highest")


def check_scene_ending_ids(ctx: Context) -> Iterator[Diagnostic]:
    """E222: no scene and ending share an id, so a `goto` always means one place."""
    for eid in ctx.level.endings:
        if eid in ctx.level.scenes:
            line = ctx.where(("scenes", eid, KEY))[0]
            yield ctx.error("E222", ("endings", eid, KEY),
                            f"`{eid}` is both a scene (line {line}) and an ending; a `goto: {eid}` "
                            "could only ever reach one of them",
                            "rename the scene or the ending")


# ---------------------------------------------------------------- warnings

def check_services_have_doors(ctx: Context) -> Iterator[Diagnostic]:
    """W301: a service has a `threshold` or `needs`; without either it is always open."""
    for sid, service in ctx.level.services.items():
        if service.threshold is None and service.needs is None:
            yield ctx.warning("W301", ("services", sid, KEY),
                              f"service `{sid}` has neither `threshold` nor `needs`, "
                              "so it is always open",
                              "add `threshold: <score>` or `needs: <condition>`")


def check_fallback_ending(ctx: Context) -> Iterator[Diagnostic]:
    """W302: at least one ending has no `when`, so `finish` always finds one."""
    endings = ctx.level.endings
    if all(e.when is not None for e in endings.values()):
        last = next(reversed(endings))
        yield ctx.warning("W302", ("endings", KEY),
                          f"every ending has a `when`; if none holds, `{last}` is used anyway",
                          "remove `when` from one ending (usually the last) to make it the "
                          "fallback")


def check_flags_tested_are_set(ctx: Context) -> Iterator[Diagnostic]:
    """W303: every flag tested in a condition is set somewhere."""
    written, tested = ctx.uses.flags_set, ctx.uses.flags_tested
    for flag, at in tested.items():
        if flag not in written:
            hint = ctx.suggest(flag, written) or (
                f"set it with an effect `- set: {flag}`, or in a persona's `flags`")
            yield ctx.warning("W303", at, f"the flag `{flag}` is tested but never set", hint)


def check_flags_set_are_tested(ctx: Context) -> Iterator[Diagnostic]:
    """W304: every flag that is set is tested somewhere."""
    written, tested = ctx.uses.flags_set, ctx.uses.flags_tested
    for flag, at in written.items():
        if flag not in tested:
            hint = ctx.suggest(flag, tested) or (
                f"test it with a condition `flag: {flag}`, or stop setting it")
            yield ctx.warning("W304", at, f"the flag `{flag}` is set but never tested", hint)


def check_baselines_used(ctx: Context) -> Iterator[Diagnostic]:
    """W305: each baseline pair is used by a choice. (Whether it is answered both unscored
    and scored is W307, checked across levels: Day Zero holds the unscored halves.)"""
    used = {mark.pair for _, _, mark in ctx.index.baselines}
    for pair in ctx.level.baselines:
        if pair not in used:
            yield ctx.warning("W305", ("baselines", pair, KEY),
                              f"baseline pair `{pair}` is declared but no choice uses it",
                              f"mark a choice with `baseline: {{pair: {pair}, candid: ...}}`, "
                              "or remove the pair")


def check_reachable(ctx: Context) -> Iterator[Diagnostic]:
    """W306: every scene can be reached from `start` through `goto`s."""
    level, exits = ctx.level, ctx.index.exits
    if level.start not in exits:
        return  # E201 says so already
    jumps: dict[str, list] = {}
    for path, target in ctx.index.gotos():
        if path[0] == "scenes":
            jumps.setdefault(path[1], []).append(target)
    reached, todo = {level.start}, [level.start]
    while todo:
        here = todo.pop()
        targets = exits[here] + jumps[here] if here in jumps else exits[here]
        for target in targets:
            if target not in reached and target in exits:
                reached.add(target)
                todo.append(target)
    if len(reached) >= len(exits):
        return
    for sid in level.scenes:
        if sid not in reached:
            yield ctx.warning("W306", ("scenes", sid, KEY),
                              f"scene `{sid}` can never be reached: no `goto` from the start "
                              "leads here", f"add `goto: {sid}` to a choice, or remove the scene")


def check_reported_cites_a_link(ctx: Context) -> Iterator[Diagnostic]:
    """W309: a scene or ending marked `reported` cites at least one source with a web address
    (http or https; a DOI as https://doi.org/...). `reported` means documented by a reliable
    source, and a reader must be able to find it."""
    sources = ctx.level.sources
    for kind in ("scenes", "endings"):
        for pid, part in getattr(ctx.level, kind).items():
            if part.basis != "reported" or any(
                    has_link(sources[k].url) for k in part.sources if k in sources):
                continue
            cited = quoted_list(part.sources) if part.sources else "no source"
            yield ctx.warning("W309", (kind, pid, "basis"),
                              f"`{pid}` is marked `reported` but cites {cited}, and none has "
                              "a `url`", "give one of its sources a `url:` (https://..., or "
                              "https://doi.org/... for a DOI), or mark it `extrapolated`")


def has_link(url: str) -> bool:
    """An address a reader can follow: http(s)://, with something after it."""
    url = url.strip().lower()
    return any(url.startswith(p) and len(url) > len(p) for p in ("https://", "http://"))


CHECKS = [
    check_start, check_choice_gotos, check_effect_gotos, check_behaviours,
    check_rule_behaviours, check_sensors, check_scene_watchers, check_condition_services,
    check_condition_tiers, check_personas, check_rulesets, check_visited, check_contacts,
    check_sources, check_baseline_pairs, check_preset_scenes, check_renamed, check_art,
    check_watcher_icons, check_choice_ids, check_tier_ids, check_score_range,
    check_scene_ending_ids,
    check_services_have_doors,
    check_fallback_ending, check_flags_tested_are_set, check_flags_set_are_tested,
    check_baselines_used, check_reachable, check_glyphs, check_reported_cites_a_link,
    *STORY_CHECKS,
]
#: Checks about the level as a whole: only meaningful when nothing was cut out of it.
WHOLE_LEVEL = {check_fallback_ending, check_flags_tested_are_set, check_flags_set_are_tested,
               check_baselines_used, check_reachable, check_rules_that_never_fire}
