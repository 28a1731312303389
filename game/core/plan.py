"""What `choose` reads of a level, worked out once per level as plain Python data.

Reading a field of a level's (pydantic) model costs several times as much as reading a plain
attribute (pydantic's `__getattr__` puts every read on CPython's slow path), and `choose` read
some fifty a choice; the analyzer makes tens of thousands. So the choices, the events that
only name a scene or an ending, and what a scene says about scoring are copied here once, the
first time a level is played. Events are values, so one `SceneEntered` serves every entry.
"""
from __future__ import annotations

from .events import ChoiceMade, EndingReached, SceneEntered
from .model import Choice, Level


class ChoicePlan:
    """One choice (`model`, and its fields `choose` reads), its conditions as tests
    (`Condition.test`), and what its scene says about scoring it."""
    __slots__ = ("model", "id", "behaviour", "shown_test", "needs_test", "made", "baseline",
                 "effects", "goto", "finish", "scored", "watchers", "sensors")

    def __init__(self, level: Level, scene_id: str, choice: Choice) -> None:
        self.model = choice
        self.id = choice.id
        self.behaviour = choice.behaviour
        self.shown_test = choice.shown_if.test if choice.shown_if is not None else None
        self.needs_test = choice.needs.test if choice.needs is not None else None
        self.made = ChoiceMade(scene_id, choice.id, choice.text, choice.behaviour, choice.reply)
        self.baseline = choice.baseline
        self.effects = choice.effects
        self.goto = choice.goto
        self.finish = choice.finish
        self.scored = level.is_scored(scene_id)
        self.watchers = tuple(level.scenes[scene_id].watchers)
        self.sensors = tuple(level.active_sensors(scene_id))


class LevelPlan:
    """Each scene's choices in order, and the event for entering each scene or ending."""
    __slots__ = ("made_for", "choices", "entered", "reached")

    def __init__(self, level: Level) -> None:
        self.made_for = id(level)
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
