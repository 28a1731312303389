"""The analyzer's information lines (A400, A410-A412) and the `findings` object that
`analyze --json` gives for each level."""
from __future__ import annotations

from ..content.diagnostics import Diagnostic
from .findings import Analysis, luck_note, span
from .summary import ComboResult


def _lengths_text(a: Analysis) -> str:
    found = [r.lengths for r in a.results if r.lengths and r.lengths.shortest_choices is not None]
    trapped = any(r.traps for r in a.results)
    never = "; other games never end: see A413" if trapped else ""
    if not found:
        return "no game reaches an ending" + never
    short = min(x.shortest_choices for x in found)
    short_min = min(x.shortest_minutes for x in found)
    loops = [x.loop for x in found if x.loop]
    if loops:
        return (f"the shortest game takes {_choices(short)} (about {short_min:g} min); there is "
                f"no longest: a loop through `{loops[0]}` lets a player go round for ever"
                f"{never}")
    long = max(x.longest_choices for x in found)
    long_min = max(x.longest_minutes for x in found)
    minutes = f"{short_min:g}" if short_min == long_min else f"{short_min:g} to {long_min:g}"
    minutes_word = "minute" if minutes == "1" else "minutes"
    game = "a game that ends" if trapped else "a game"
    if short == long:
        return f"{game} takes {_choices(short)}, about {minutes} {minutes_word}{never}"
    return f"{game} takes {span(short, long)} choices, about {minutes} {minutes_word}{never}"


def _choices(n: int) -> str:
    return "1 choice" if n == 1 else f"{n} choices"


def _ending_line(a: Analysis, eid: str) -> str | None:
    reached = [r for r in a.results if eid in r.endings]
    if not reached:
        return None
    best = min(reached, key=lambda r: len(r.endings[eid].walk))
    walk = best.endings[eid].walk
    low = min(r.endings[eid].low for r in reached)
    high = max(r.endings[eid].high for r in reached)
    missing = [r.who for r in a.results if eid not in r.endings]
    who = "every persona and ruleset" if not missing else (
        ", ".join(r.who for r in reached) + f" (not {', '.join(missing)})")
    return (f"reached by {who}; shortest: {_choices(len(walk))} ({walk.numbers_text() or '-'}) "
            f"as {best.who}{luck_note(walk)}; final score {span(low, high)}")


def info_lines(a: Analysis) -> list[Diagnostic]:
    states = sum(r.states for r in a.results)
    whole = "" if a.complete else " (stopped early: see A408)"
    pairs = len(a.results)
    lines = [a.note("A400", ("id",), f"`{a.level.id}`: checked {states} different situations "
                    f"for {pairs} persona x ruleset pair{'s' if pairs != 1 else ''}{whole}")]
    lines.append(a.note("A412", ("start",), _lengths_text(a)))
    for sid in a.level.scenes:
        scores = a.scene_range(sid)
        if scores is not None:
            lines.append(a.note("A410", ("scenes", sid), f"scores on arriving here: "
                                f"{span(*scores)}"))
    for eid in a.level.endings:
        text = _ending_line(a, eid)
        if text is not None:
            lines.append(a.note("A411", ("endings", eid), text))
    return lines


def _combo(r: ComboResult) -> dict:
    lengths = r.lengths
    return {
        "persona": r.persona, "ruleset": r.ruleset, "states": r.states,
        "complete": r.complete,
        "scenes": {sid: list(rng) for sid, rng in r.scene_scores.items()},
        "endings": {eid: {"score": [e.low, e.high], "shortest": list(e.walk.ids),
                          "numbers": list(e.walk.numbers), "needs_luck": e.walk.lucky}
                    for eid, e in r.endings.items()},
        "dead_ends": {sid: {"choices": list(w.ids), "numbers": list(w.numbers)}
                      for sid, w in r.dead_ends.items()},
        "lengths": None if lengths is None else {
            "shortest_choices": lengths.shortest_choices,
            "longest_choices": lengths.longest_choices,
            "shortest_minutes": lengths.shortest_minutes,
            "longest_minutes": lengths.longest_minutes, "loop": lengths.loop},
    }


def findings(a: Analysis, path: str) -> dict:
    """Everything found about one level, as plain JSON data."""
    endings = {}
    for eid in a.level.endings:
        reached = [r for r in a.results if eid in r.endings]
        best = min(reached, key=lambda r: len(r.endings[eid].walk)) if reached else None
        endings[eid] = {
            "reached_by": [[r.persona, r.ruleset] for r in reached],
            "score": None if not reached else [min(r.endings[eid].low for r in reached),
                                               max(r.endings[eid].high for r in reached)],
            "shortest": None if best is None else {
                "persona": best.persona, "ruleset": best.ruleset,
                "choices": list(best.endings[eid].walk.ids),
                "numbers": list(best.endings[eid].walk.numbers),
                "needs_luck": best.endings[eid].walk.lucky},
        }
    scenes = {sid: (list(rng) if (rng := a.scene_range(sid)) else None)
              for sid in a.level.scenes}
    return {"level": a.level.id, "path": path, "complete": a.complete,
            "states": sum(r.states for r in a.results), "scene_scores": scenes,
            "endings": endings, "combos": [_combo(r) for r in a.results]}
