"""What `choose` reads of a level, worked out once per level as plain Python data.

Reading a field of a level's (pydantic) model costs several times as much as reading a plain
attribute (pydantic's `__getattr__` puts every read on CPython's slow path), and `choose` read
some fifty a choice; the analyzer makes tens of thousands. So the choices, the events that
only name a scene or an ending, what a scene says about scoring, the rules, services, tiers
and the rest are copied here once, the first time a level is played. Events are values, so
one `SceneEntered` serves every entry.

What a lookup would fail on (an id the level does not have) is still looked up when played,
so a level that `choose` could play before plays, and fails, as it did.
"""
from __future__ import annotations

from .conditions import without_name
from .effects import compile_effects
from .events import ChoiceMade, EndingReached, Observed, SceneEntered
from .model import Blacklist, Choice, Level, Rule


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


class ChoicePlan:
    """One choice (`model`, and its fields `choose` reads), its conditions as tests
    (`Condition.test`), its effects as functions (`effects.compile_effects`), and what its
    scene and each ruleset say about scoring it (`rules`: ruleset id -> RulePlan, or None
    where the ruleset has no rule for its behaviour)."""
    __slots__ = ("model", "id", "behaviour", "shown_test", "needs_test", "made", "unseen",
                 "baseline", "baseline_pair", "baseline_candid", "effects", "goto", "finish",
                 "scored", "watchers", "sensors", "rules")

    def __init__(self, level: Level, scene_id: str, choice: Choice) -> None:
        self.model = choice
        self.id = choice.id
        self.behaviour = behaviour = choice.behaviour
        self.shown_test = choice.shown_if.test if choice.shown_if is not None else None
        self.needs_test = choice.needs.test if choice.needs is not None else None
        self.made = ChoiceMade(scene_id, choice.id, choice.text, behaviour, choice.reply)
        self.unseen = Observed(behaviour, ()) if behaviour else None
        self.baseline = choice.baseline
        if choice.baseline is not None:
            self.baseline_pair, self.baseline_candid = choice.baseline.pair, choice.baseline.candid
        self.effects = compile_effects(choice.effects, level)
        self.goto = choice.goto
        self.finish = choice.finish
        self.scored = level.is_scored(scene_id)
        self.watchers = tuple(level.scenes[scene_id].watchers)
        self.sensors = tuple(level.active_sensors(scene_id))
        self.rules = {}
        for rid, ruleset in level.rulesets.items():
            rule = ruleset.rules.get(behaviour) if behaviour else None
            self.rules[rid] = None if rule is None or behaviour is None else RulePlan(
                level, rule, behaviour, self.sensors)


class ServicePlan:
    """A service's fields, and its `locked_text` without its name in front."""
    __slots__ = ("id", "name", "threshold", "test", "own_words")

    def __init__(self, service_id: str, service) -> None:
        self.id = service_id
        self.name = service.name
        self.threshold = service.threshold
        self.test = service.needs.test if service.needs is not None else None
        self.own_words = without_name(service.locked_text, service.name)


class BlacklistPlan:
    """The blacklist's fields (`leave_at` already defaulted to `below`), effects compiled,
    `when` as a test (None: no cause but the score)."""
    __slots__ = ("below", "leave_at", "name", "rulesets", "when", "effects")

    def __init__(self, rules: Blacklist, level: Level) -> None:
        self.below = rules.below
        self.leave_at = rules.below if rules.leave_at is None else rules.leave_at
        self.name = rules.name
        self.rulesets = None if rules.rulesets is None else frozenset(rules.rulesets)
        self.when = rules.when.test if rules.when is not None else None
        self.effects = compile_effects(rules.effects, level)


class LevelPlan:
    """Each scene's choices in order, the event for entering each scene or ending, and what
    scoring and `status.update` read of the level after every choice."""
    __slots__ = ("made_for", "choices", "entered", "reached", "legibility", "low", "high",
                 "tiers", "blacklist", "service_tests", "services", "chances", "pull",
                 "pull_reason", "pull_disclosed", "pull_rulesets")

    def __init__(self, level: Level) -> None:
        self.made_for = id(level)
        self.legibility = {rid: ruleset.legibility for rid, ruleset in level.rulesets.items()}
        self.low, self.high = level.score.min, level.score.max
        self.tiers = tuple([(low, tier.id, tier.name) for low, tier in level.tier_floors])
        # each service's id, threshold and test, sorted by id (the order of
        # `State.open_services`): `status.update` tests every service after every choice
        self.service_tests = tuple([
            (sid, service.threshold, service.needs.test if service.needs is not None else None)
            for sid, service in sorted(level.services.items())])
        self.services = tuple([ServicePlan(sid, service)
                               for sid, service in level.services.items()])
        self.blacklist = (BlacklistPlan(level.blacklist, level) if level.blacklist is not None
                          else None)
        self.chances = {sid: sensor.chance for sid, sensor in level.sensors.items()}
        network = level.network
        self.pull, self.pull_reason, self.pull_disclosed = \
            network.pull, network.reason, network.disclosed
        self.pull_rulesets = None if network.rulesets is None else frozenset(network.rulesets)
        self.choices = {sid: tuple(ChoicePlan(level, sid, choice) for choice in scene.choices)
                        for sid, scene in level.scenes.items()}
        self.entered = {sid: SceneEntered(sid, scene.title) for sid, scene in level.scenes.items()}
        self.reached = {eid: EndingReached(eid, ending.title)
                        for eid, ending in level.endings.items()}


def plan_of(level: Level) -> LevelPlan:
    """The level's plan, made the first time and kept with the level (in its `__dict__`, as
    `functools.cached_property` keeps a value). A copy of a level (`model_copy`, which copies
    that too, perhaps with other scenes) makes its own."""
    plan = level.__dict__.get("engine_plan")
    if plan is None or plan.made_for != id(level):
        plan = level.__dict__["engine_plan"] = LevelPlan(level)
    return plan
