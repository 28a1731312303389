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

from .conditions import test_of, without_name
from .effects import compile_effects
from .events import ChoiceMade, EndingReached, SceneEntered
from .model import Blacklist, Choice, Level
from .moments import watching_of
from .scoring import ScoredChoice, ScorePlan


class ChoicePlan(ScoredChoice):
    """One choice: what scoring reads of it (`scoring.ScoredChoice`), and the rest `choose`
    reads: the `model`, its conditions as tests (`conditions.test_of`), its effects as
    functions (`effects.compile_effects`), its baseline mark, where it leads, and the moments
    of watching its scene's watchers can show (`moments.watching_of`)."""
    __slots__ = ("model", "shown_test", "needs_test", "made", "baseline", "baseline_pair",
                 "baseline_candid", "effects", "goto", "finish", "watching")

    def __init__(self, level: Level, scene_id: str, choice: Choice) -> None:
        super().__init__(level, scene_id, choice)
        self.model = choice
        self.shown_test = test_of(choice.shown_if) if choice.shown_if is not None else None
        self.needs_test = test_of(choice.needs) if choice.needs is not None else None
        self.made = ChoiceMade(scene_id, choice.id, choice.text, self.behaviour, choice.reply)
        self.baseline = choice.baseline
        if choice.baseline is not None:
            self.baseline_pair, self.baseline_candid = choice.baseline.pair, choice.baseline.candid
        self.effects = compile_effects(choice.effects, level)
        self.goto = choice.goto
        self.finish = choice.finish
        # the moments of watching it can show (`core.moments`): none unscored or unbehaved
        self.watching = watching_of(level, self.watchers) if self.scored and self.behaviour \
            else ()


class ServicePlan:
    """A service's fields, and its `locked_text` without its name in front."""
    __slots__ = ("id", "name", "threshold", "test", "own_words")

    def __init__(self, service_id: str, service) -> None:
        self.id = service_id
        self.name = service.name
        self.threshold = service.threshold
        self.test = test_of(service.needs) if service.needs is not None else None
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
        self.when = test_of(rules.when) if rules.when is not None else None
        self.effects = compile_effects(rules.effects, level)


class LevelPlan(ScorePlan):
    """What scoring reads of the level (`scoring.ScorePlan`), each scene's choices in order,
    the event for entering each scene or ending, and what `status.update` reads of the
    level after every choice."""
    __slots__ = ("made_for", "choices", "entered", "reached", "tiers", "blacklist",
                 "service_tests", "services")

    def __init__(self, level: Level) -> None:
        super().__init__(level)
        self.made_for = id(level)
        self.tiers = tuple([(low, tier.id, tier.name) for low, tier in level.tier_floors])
        # each service's id, threshold and test, sorted by id (the order of
        # `State.open_services`): `status.update` tests every service after every choice
        self.service_tests = tuple([
            (sid, service.threshold, test_of(service.needs) if service.needs is not None else None)
            for sid, service in sorted(level.services.items())])
        self.services = tuple([ServicePlan(sid, service)
                               for sid, service in level.services.items()])
        self.blacklist = (BlacklistPlan(level.blacklist, level) if level.blacklist is not None
                          else None)
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
