"""How behaviours, delays and the network move the score, and what the player may see of it."""
from __future__ import annotations

from . import strings
from .display import SILENT, legibility, shown
from .events import ChangePending, Event, Observed, ScoreChanged
from .model import Choice, Level, Rule
from .rng import Dice
from .state import Pending, Record, ScorePoint, State

STATEMENT_EVERY = 3   # under `delayed` legibility, the shown score catches up every 3 choices


# ---------------------------------------------------------------- what scoring reads

class ScorePlan:
    """What scoring reads of a level, copied once into plain attributes (see `plan.py`, whose
    `LevelPlan` adds the rest of what `choose` reads): the score's bounds, each sensor's
    chance, and the network's pull (the legibility is `display.legibility`'s: it may change
    in play)."""
    __slots__ = ("low", "high", "chances", "pull", "pull_reason",
                 "pull_disclosed", "pull_rulesets")

    def __init__(self, level: Level) -> None:
        self.low, self.high = level.score.min, level.score.max
        self.chances = {sid: sensor.chance for sid, sensor in level.sensors.items()}
        network = level.network
        self.pull, self.pull_reason, self.pull_disclosed = \
            network.pull, network.reason, network.disclosed
        self.pull_rulesets = None if network.rulesets is None else frozenset(network.rulesets)


class RulePlan:
    """A ruleset's rule for a choice's behaviour: `seen_by` keeps only the sensors active in
    the choice's scene, `reason` is None where the behaviour's name must be looked up."""
    __slots__ = ("change", "seen_by", "always", "disclosed", "reason", "delay")

    def __init__(self, level: Level, rule: Rule, behaviour: str, active: tuple) -> None:
        self.change = rule.change
        self.seen_by = tuple([s for s in rule.seen_by if s in active])
        self.always = rule.always
        self.disclosed = rule.disclosed
        known = level.behaviours.get(behaviour)
        self.reason = rule.reason or (known.name if known is not None else None)
        self.delay = rule.delay


class ScoredChoice:
    """What scoring reads of a choice (`plan.ChoicePlan` adds the rest): its behaviour, what
    its scene says about scoring it, and each ruleset's rule for it (`rules`: ruleset id ->
    RulePlan, or None where the ruleset has no rule for its behaviour)."""
    __slots__ = ("id", "behaviour", "unseen", "scored", "watchers", "sensors", "rules")

    def __init__(self, level: Level, scene_id: str, choice: Choice) -> None:
        self.id = choice.id
        self.behaviour = behaviour = choice.behaviour
        self.unseen = Observed(behaviour, ()) if behaviour else None
        self.scored = level.is_scored(scene_id)
        self.watchers = tuple(level.scenes[scene_id].watchers)
        self.sensors = tuple(level.active_sensors(scene_id))
        self.rules = {}
        for rid, ruleset in level.rulesets.items():
            rule = ruleset.rules.get(behaviour) if behaviour else None
            self.rules[rid] = None if rule is None or behaviour is None else RulePlan(
                level, rule, behaviour, self.sensors)


# ---------------------------------------------------------------- moving the score


def change_score(state: State, plan: ScorePlan, delta: int, cause: str, reason: str | None,
                 disclosed: bool, events: list[Event] | None) -> None:
    """Move the score of a draft (`state.draft`; kept within the level's min and max) and say
    what the player sees (unless `events` is None: see `choose`'s `quiet`)."""
    old = state.score
    new = max(plan.low, min(plan.high, old + delta))
    if new == old:
        return
    moved = new - old
    told = reason if disclosed and reason else None
    mode = legibility(state)
    if events is not None:
        shown_delta, shown_text = shown(mode, moved, told)
        events.append(ScoreChanged(old, new, moved, cause, told, shown_delta, shown_text))
    point = ScorePoint(state.step, new, moved, cause, told)
    fields = state.__dict__
    fields["score"] = new
    if mode not in SILENT:
        fields["shown_score"] = new
    fields["history"] = (*state.history, point)


def _seen_by(state: State, plan: ScorePlan, sensors: tuple[str, ...],
             dice: Dice) -> tuple[str, ...]:
    """Which of these sensors really catch the behaviour (each may miss, by its chance);
    the draft's generator moves on by the rolls made."""
    saw = []
    rng = state.rng
    chances = plan.chances
    for sensor_id in sensors:
        chance = chances[sensor_id]
        if chance >= 1:
            saw.append(sensor_id)
            continue
        rng, roll = dice(rng)
        if roll < chance:
            saw.append(sensor_id)
    state.__dict__["rng"] = rng
    return tuple(saw)


def score_behaviour(state: State, plan: ScorePlan, choice: ScoredChoice,
                    events: list[Event] | None, dice: Dice) -> Record:
    """Score a choice's behaviour under the ruleset, if a sensor really sees it (on a draft)."""
    scene_id = state.scene
    assert scene_id is not None, "a choice is made in a scene"
    scored = choice.scored
    behaviour = choice.behaviour
    rule = choice.rules[state.ruleset] if behaviour else None
    if rule is None or behaviour is None:   # most choices: nothing to score
        if choice.unseen is not None and events is not None:
            events.append(choice.unseen)
        return Record(state.step, scene_id, choice.id, behaviour, scored, choice.watchers,
                      (), 0, False, None, 0)
    saw: tuple[str, ...] = ()
    if scored:
        saw = _seen_by(state, plan, rule.seen_by, dice)
    if events is not None:
        events.append(Observed(behaviour, saw))
    counted = scored and (bool(saw) or rule.always)
    delta = rule.change if counted else 0
    disclosed = rule.disclosed if delta else False
    reason = rule.reason
    if reason is None:   # a behaviour the level does not name: fails here, as it did
        reason = state.played.behaviours[behaviour].name
    if delta and rule.delay:
        due = state.step + rule.delay
        state.__dict__["pending"] = (*state.pending, Pending(
            due, delta, behaviour, reason if disclosed else None))
        if events is not None:
            events.append(ChangePending(behaviour, delta, due))
    elif delta:
        change_score(state, plan, delta, "behaviour", reason, disclosed, events)
    return Record(state.step, scene_id, choice.id, behaviour, scored, choice.watchers,
                  saw, delta, disclosed, reason, rule.delay if delta else 0)


def land_pending(state: State, plan: ScorePlan, events: list[Event] | None,
                 everything: bool = False) -> None:
    """Apply to a draft the delayed changes that are due now (or all of them, at an ending)."""
    due: list[Pending] = []
    kept: list[Pending] = []
    step = state.step
    for p in state.pending:
        (due if everything or p.due_step <= step else kept).append(p)
    if not due:
        return
    state.__dict__["pending"] = tuple(kept)
    for p in due:
        reason = p.reason or strings.DELAYED_REASON
        change_score(state, plan, p.delta, "delayed", reason, p.reason is not None, events)


def network_pull(state: State, plan: ScorePlan, events: list[Event] | None) -> None:
    """Your contacts' scores pull yours (a draft's) toward their average, weighted by
    closeness; only under the rulesets the network names, if it names any."""
    pull = plan.pull
    if pull <= 0 or (plan.pull_rulesets is not None and state.ruleset not in plan.pull_rulesets):
        return
    weight = total = 0
    for c in state.contacts:
        if c.relationship > 0:
            weight += c.relationship
            total += c.score * c.relationship
    if not weight:
        return
    average = total / weight
    delta = round(pull * (average - state.score))
    if delta == 0:
        return
    change_score(state, plan, delta, "network", plan.pull_reason, plan.pull_disclosed, events)
