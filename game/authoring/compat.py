"""`python -m game compat OLD.yaml NEW.yaml`: which saved games of OLD resume where in NEW.

A save remembers its scene. In NEW it resumes at the scene NEW's `renamed:` maps it to, or
at the scene with the same id; a scene with neither has no place (a save there would have
to go back to the start of the chapter, keeping its score and flags). Ids that vanished
(scenes, endings, flags, counters, services, personas, rulesets, contacts) are listed: a
save played as a vanished persona or ruleset, or holding a vanished contact, cannot resume.
Exit 0 when every old scene has a place in NEW, 1 when one has not (or a file has errors).
"""
from __future__ import annotations

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


@dataclass
class Compat:
    places: list[Place] = field(default_factory=list)
    vanished: dict[str, list[str]] = field(default_factory=dict)
    id_changed: bool = False
    restart: str = ""   # NEW's start scene

    @property
    def ok(self) -> bool:
        return not self.id_changed and all(p.new is not None for p in self.places)


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
    return result


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
