"""The debrief, computed from a finished (or unfinished) state: nothing here is drawn."""
from __future__ import annotations

from dataclasses import dataclass

from .changes import ScoreChange, choice_scores
from .moments import Moment, moments_of, unshown_recorders
from .state import State


@dataclass(frozen=True)
class ReportRow:
    """One line of the Transparency Report."""
    step: int
    scene_title: str
    choice_text: str
    behaviour: str | None
    watchers_shown: tuple[str, ...]
    seen_by: tuple[str, ...]
    delta: int          # everything the choice changed: the sum of `changes`
    told_why: bool
    reason: str | None
    scored: bool
    changes: tuple[ScoreChange, ...] = ()   # every change, biggest first (see core.changes)
    later: int = 0      # the behaviour's own change, counted at a later choice (delayed)
    moments: tuple[Moment, ...] = ()   # the moments of watching shown, each real or not
    unshown: tuple[str, ...] = ()      # sensors that recorded it with no moment shown


@dataclass(frozen=True)
class Chilling:
    """How the player's answers moved between the unscored day and the scored twins."""
    pairs: int          # pairs answered both unscored and scored
    candid_unscored: int
    candid_scored: int
    changed: int        # pairs whose answer changed
    compared: tuple[tuple[str, bool, bool], ...] = ()   # (pair, candid unscored, scored)
    unscored_chapter: bool = False   # nothing in this chapter is scored

    @property
    def case(self) -> str:
        """What there is to say: "figure"; "held_back" (never candid, either way: nothing to
        compare, not "just as often"); "unscored_chapter" (this chapter has no scored half);
        or "none" (no dilemma answered both ways)."""
        if self.pairs:
            return "figure" if self.candid_unscored or self.candid_scored else "held_back"
        return "unscored_chapter" if self.unscored_chapter else "none"

    @property
    def shift_percent(self) -> float | None:
        """Percentage change in candid answers under the score (negative: fewer)."""
        if not self.pairs or not self.candid_unscored:
            return None
        return 100.0 * (self.candid_scored - self.candid_unscored) / self.candid_unscored


@dataclass(frozen=True)
class SeenScene:
    """A scene the player saw, with what it rests on."""
    id: str
    title: str
    basis: str
    sources: tuple[str, ...]


def transparency_report(state: State) -> list[ReportRow]:
    """Every choice: behaviour, who really saw it, what it cost (every change it caused, so
    the cost is what the score really moved), whether you were told why."""
    level = state.played
    rows = []
    for r, moved in zip(state.records, choice_scores(state)):
        scene = level.scenes.get(r.scene)
        choice = next((c for c in scene.choices if c.id == r.choice), None) if scene else None
        watchers = tuple(level.watchers[w].name for w in r.watchers_shown if w in level.watchers)
        seen = tuple(level.sensors[s].name for s in r.observed_by if s in level.sensors)
        behaviour = level.behaviours[r.behaviour].name if r.behaviour in level.behaviours else None
        rows.append(ReportRow(r.step, scene.title if scene else r.scene,
                              choice.text if choice else r.choice, behaviour, watchers, seen,
                              moved.total, *_told(r, moved.changes), r.scored,
                              moved.changes, r.delta if r.delay else 0,
                              tuple(m for m in moments_of(level, state.seed, r) if m.shown),
                              unshown_recorders(level, state.seed, r)))
    return rows


def _told(record, changes) -> tuple[bool, str | None]:
    """Whether you were told why the score moved (every change with its reason), and why."""
    if not changes:
        return record.disclosed, record.reason
    reasons = list(dict.fromkeys(c.reason for c in changes if c.reason))
    told = all(c.reason for c in changes)
    return told, "; ".join(reasons) if reasons else record.reason


#: The two kinds of dilemma, compared apart: lawful expression (a complaint, a petition, a
#: post) and rule-following (a red light, a bill, gaming). Fewer posts under a score is a
#: chilling effect in Penney's sense; less jaywalking under a camera is deterrence.
PAIR_KINDS = ("expression", "rules")


def chilling_effect(state: State, kind: str | None = None) -> Chilling:
    """Compare each baseline pair's unscored answer with its scored twin (first answer each).

    Only the pairs this level asks (answers carried from another story's dilemmas have no
    question here to list beside the count), in the level's order; with `kind`, only the
    pairs of that kind (`expression` or `rules`, the pair's `kind` in the level)."""
    unscored: dict[str, bool] = {}
    scored: dict[str, bool] = {}
    for answer in state.baselines:
        target = scored if answer.scored else unscored
        target.setdefault(answer.pair, answer.candid)
    level = state.played
    asked = list(level.baselines) or list(unscored)
    if kind is not None:
        asked = [p for p in asked if p in level.baselines and level.baselines[p].kind == kind]
    both = [p for p in asked if p in unscored and p in scored]
    compared = tuple((p, unscored[p], scored[p]) for p in both)
    unscored_chapter = not any(level.is_scored(s) for s in level.scenes)
    return Chilling(len(both), sum(unscored[p] for p in both), sum(scored[p] for p in both),
                    sum(unscored[p] != scored[p] for p in both), compared, unscored_chapter)


def chilling_by_kind(state: State) -> dict[str, Chilling]:
    """The chilling effect for each kind of dilemma that has a pair answered both ways."""
    found = {kind: chilling_effect(state, kind) for kind in PAIR_KINDS}
    return {kind: c for kind, c in found.items() if c.pairs}


def score_over_time(state: State) -> list[tuple[int, int]]:
    """(step, score) after every change, starting at step 0."""
    return [(p.step, p.score) for p in state.history]


def to_the_end(points: list[tuple[int, int]], last_step: int) -> list[tuple[int, int]]:
    """A score path drawn to the last choice made: flat after its last change, so a chart's
    "choices made" runs to the number of choices, not to the last one that moved the score."""
    if points and points[-1][0] < last_step:
        return [*points, (last_step, points[-1][1])]
    return points


def scenes_seen(state: State) -> list[SeenScene]:
    """The scenes the player passed through, in first-seen order, with basis and sources."""
    level = state.played
    seen, out = set(), []
    for scene_id in state.path:
        if scene_id in seen or scene_id not in level.scenes:
            continue
        seen.add(scene_id)
        scene = level.scenes[scene_id]
        out.append(SeenScene(scene_id, scene.title, scene.basis, tuple(scene.sources)))
    if state.ending and state.ending in level.endings:
        ending = level.endings[state.ending]
        out.append(SeenScene(state.ending, ending.title, ending.basis, tuple(ending.sources)))
    return out
