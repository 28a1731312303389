"""`python -m game compat OLD.yaml NEW.yaml`: which saved games of OLD resume where in NEW.

A save remembers its scene. In NEW it resumes at the scene NEW's `renamed:` maps it to, or
at the scene with the same id; a scene with neither has no place (a save there would have
to go back to the start of the chapter, keeping its score and flags). A save also remembers
each choice made, by its id: a choice of OLD must be in NEW with the same id, or be mapped by
`renamed: {scene.old_id: scene.new_id}`, or saves that made it no longer show what was
chosen. A choice written without an id has one made from its text, so editing the text
changes it: that is reported here, with the `renamed:` line to add. Ids that vanished
(scenes, endings, flags, counters, services, personas, rulesets, contacts) are listed: a
save played as a vanished persona or ruleset, or holding a vanished contact, cannot resume.
Exit 0 when every old scene and choice has a place in NEW, 1 when one has not (or a file
has errors).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace

from ..content.index import build_index, uses
from ..core import State, StateError, new_game, start_at
from ..core.model import Level


KINDS = ("scenes", "endings", "flags", "counters", "services", "personas", "rulesets",
         "contacts")
REFUSED = ("personas", "rulesets", "contacts")   # `State.from_json` refuses such saves


@dataclass(frozen=True)
class Place:
    old: str          # the scene in OLD
    new: str | None   # where a save there resumes in NEW (None: no place)
    how: str          # "same" | "renamed" | "none" | "refused: <why>"


@dataclass(frozen=True)
class ChoicePlace:
    """A choice of OLD (`scene.choice`) whose id is not the same in NEW."""
    old: str
    new: str | None       # `scene.choice` in NEW, through `renamed:` (None: gone)
    guess: str | None = None   # for a gone one: the new choice of that scene most like it


@dataclass
class Compat:
    places: list[Place] = field(default_factory=list)
    vanished: dict[str, list[str]] = field(default_factory=dict)
    id_changed: bool = False
    restart: str = ""   # NEW's start scene
    choices: list[ChoicePlace] = field(default_factory=list)
    choices_compared: int = 0

    @property
    def ok(self) -> bool:
        return (not self.id_changed and all(p.new is not None for p in self.places)
                and all(c.new is not None for c in self.choices))


def _ids(level: Level) -> dict[str, set[str]]:
    found = uses(level, build_index(level))
    return {
        "scenes": set(level.scenes), "endings": set(level.endings),
        "flags": set(found.flags_tested) | set(found.flags_set),
        "counters": set(found.counters_tested) | set(found.counters_set),
        "services": set(level.services), "personas": set(level.personas),
        "rulesets": set(level.rulesets), "contacts": set(level.contacts),
    }


def compare(old: Level, new: Level) -> Compat:
    """Where each scene of OLD resumes in NEW, and what vanished."""
    result = Compat(id_changed=old.id != new.id, restart=new.start)
    for sid in old.scenes:
        if sid in new.renamed and new.renamed[sid] in new.scenes:
            place = Place(sid, new.renamed[sid], "renamed")
        elif sid in new.scenes:
            place = Place(sid, sid, "same")
        else:
            place = Place(sid, None, "none")
        result.places.append(_as_the_game_sees_it(old, new, place))
    before, after = _ids(old), _ids(new)
    result.vanished = {kind: sorted(before[kind] - after[kind]) for kind in KINDS}
    result.vanished["scenes"] = [s for s in result.vanished["scenes"] if s not in new.renamed]
    for place in result.places:
        if place.new is not None:
            result.choices += _choices(old, new, place.old)
            result.choices_compared += len(old.scenes[place.old].choices)
    return result


def _choices(old: Level, new: Level, sid: str) -> list[ChoicePlace]:
    """The choices of an old scene whose id is not the same in NEW: renamed, or gone (with
    the new choice of that scene whose text is most like its text, when one is close)."""
    found = []
    old_ids = {c.id for c in old.scenes[sid].choices}
    for choice in old.scenes[sid].choices:
        scene, cid = new.choice_now(sid, choice.id)
        now = {c.id: c for c in new.scenes[scene].choices} if scene in new.scenes else {}
        if cid in now:
            if (scene, cid) != (sid, choice.id) and f"{sid}.{choice.id}" in new.renamed:
                found.append(ChoicePlace(f"{sid}.{choice.id}", f"{scene}.{cid}"))
            continue
        fresh = {c.text: c.id for i, c in now.items() if i not in old_ids}
        like = difflib.get_close_matches(choice.text, list(fresh), n=1, cutoff=0.5)
        found.append(ChoicePlace(f"{sid}.{choice.id}", None,
                                 f"{scene}.{fresh[like[0]]}" if like else None))
    return found


def _as_the_game_sees_it(old: Level, new: Level, place: Place) -> Place:
    """The place, checked by loading a save made at that scene of OLD into NEW, as the game
    does (`State.from_json`); a save it refuses has no place, whatever the ids say."""
    if place.new is None or old.id != new.id:
        return place
    persona = next((p for p in old.personas if p in new.personas), None)
    ruleset = next((r for r in old.rulesets if r in new.rulesets), None)
    if persona is None or ruleset is None:
        return place   # every such save is refused anyway: reported as vanished ids
    save = replace(start_at(new_game(old, persona, ruleset), place.old), contacts=())
    try:
        loaded = State.from_json(save.to_json(), new)
    except StateError as exc:
        return Place(place.old, None, f"refused: {exc}")
    return Place(place.old, loaded.scene, place.how)


def report_lines(result: Compat, old_path: str, new_path: str) -> list[str]:
    lines = [f"Saves of {old_path} in {new_path}:"]
    if result.id_changed:
        lines.append("  the level's `id` changed, so no save of OLD resumes in NEW at all: "
                     "keep the old `id`")
    for place in result.places:
        if place.how == "same":
            lines.append(f"  scene `{place.old}`: resumes at `{place.new}` (same id)")
        elif place.how == "renamed":
            lines.append(f"  scene `{place.old}`: resumes at `{place.new}` (renamed)")
        elif place.how.startswith("refused"):
            lines.append(f"  scene `{place.old}`: NO PLACE in NEW: the game {place.how}")
        else:
            lines.append(f"  scene `{place.old}`: NO PLACE in NEW; a save here goes back to "
                         f"the start of the chapter (`{result.restart}`), score and flags "
                         f"kept. Add `renamed: {{{place.old}: <scene>}}` to NEW to give it one")
    lines += _choice_lines(result)
    gone = [(kind, ids) for kind, ids in result.vanished.items() if ids]
    for kind, ids in gone:
        note = (" (saves with these cannot resume)" if kind in REFUSED else
                " (finished games that ended there cannot be reopened)" if kind == "endings"
                else "")
        lines.append(f"  gone from NEW: {kind}: {', '.join(ids)}{note}")
    if not gone:
        lines.append("  nothing else vanished")
    placed = sum(p.new is not None for p in result.places)
    lines.append(f"{placed} of {len(result.places)} scenes of OLD have a place in NEW.")
    kept = result.choices_compared - sum(c.new is None for c in result.choices)
    lines.append(f"{kept} of {result.choices_compared} choices of OLD have a place in NEW.")
    return lines


def _choice_lines(result: Compat) -> list[str]:
    lines = []
    for choice in result.choices:
        if choice.new is not None:
            lines.append(f"  choice `{choice.old}`: is `{choice.new}` (renamed)")
            continue
        scene, cid = choice.old.split(".", 1)
        target = choice.guess or f"{scene}.<choice>"
        lines.append(
            f"  choice `{choice.old}`: NO PLACE in NEW (a choice without an `id` takes it "
            f"from its text: was the text changed?); saves that made it no longer show "
            f"what was chosen. Add `renamed: {{{choice.old}: {target}}}` to NEW, or give "
            f"the choice `id: {cid}`")
    return lines


def cmd_compat(args) -> int:
    from pathlib import Path

    from ..content.catalog import format_problems, load_path

    old, new = load_path(Path(args.old)), load_path(Path(args.new))
    broken = [lv for lv in (old, new) if not lv.ok]
    if broken:
        print(format_problems(broken))
        return 1
    result = compare(old.level, new.level)
    print("\n".join(report_lines(result, args.old, args.new)))
    return 0 if result.ok else 1
