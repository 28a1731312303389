"""Each kind of condition and effect is defined once (`game.core.conditions.CONDITIONS`,
`game.core.effects.EFFECTS`), and what a definition says is true: every key a level may
write has a kind, a condition's `reads` name every part of a state that can change its
answer, and an effect's `writes` every part it changes. The analyzer merges states that
differ only in what nothing reads, so a kind that reads more than it says would make
`analyze` wrong.

A new kind needs an example below (the tests fail without one).
"""
from __future__ import annotations

import pytest
from conftest import make_level

from game.core import new_game
from game.core.conditions import CONDITIONS, condition_reads, condition_words, holds
from game.core.effects import EFFECTS, Ctx, apply_effects, compile_effects, effects_writes
from game.core.model import Condition, Effect
from game.core.plan import plan_of
from game.core.state import ContactState, draft

LEVEL = make_level("""
    format: 1
    id: kinds
    title: Kinds
    start: a
    score:
      tiers:
        - {id: A, name: Trusted, min: 1000}
        - {id: C, name: Watched, min: 0}
    services:
      rail: {name: High-speed rail, threshold: 950}
    rulesets:
      strict: {name: Strict}
      soft: {name: Soft}
    personas:
      p: {name: P}
      q: {name: Q}
    contacts:
      lin: {name: Lin, score: 700}
    blacklist: {below: 500}
    scenes:
      a:
        title: A
        text: Start.
        basis: fiction
        choices:
          - {id: go, text: Go, goto: b}
      b:
        title: B
        text: Then.
        basis: fiction
        choices:
          - {id: end, text: End, finish: true}
    endings:
      done: {title: Done, text: Over.}
""")

#: kind -> an example whose answer its own part of the state can change
CONDITION_EXAMPLES = {
    "score_at_least": {"score_at_least": 1000},
    "score_below": {"score_below": 1000},
    "tier": {"tier": "A"},
    "service": {"service": "rail"},
    "flag": {"flag": "paid"},
    "counter": {"counter": {"name": "visits", "at_least": 2}},
    "money_at_least": {"money_at_least": 50},
    "relationship": {"relationship": {"contact": "lin", "at_least": 2}},
    "contact": {"contact": "lin"},
    "persona": {"persona": "q"},
    "ruleset": {"ruleset": "soft"},
    "visited": {"visited": "b"},
    "blacklisted": {"blacklisted": True},
    "all": {"all": [{"flag": "paid"}, {"counter": {"name": "visits", "below": 2}}]},
    "any": {"any": [{"flag": "paid"}, {"visited": "b"}]},
    "not": {"not": {"money_at_least": 50}},
}

#: kind -> an example that changes something
EFFECT_EXAMPLES = {
    "set": {"set": "paid"},
    "clear": {"clear": "seen"},
    "count": {"count": {"name": "visits", "by": 2}},
    "money": {"money": -10},
    "relationship": {"relationship": {"contact": "lin", "by": 1}},
    "contact_score": {"contact_score": {"contact": "lin", "by": -50}},
    "cut": {"cut": "lin"},
    "rating": {"rating": {"contact": "lin", "stars": 1}},
    "appeal": {"appeal": {"cost": 5, "chance": 1}},
    "goto": {"goto": "b"},
    "if": {"if": {"when": {"flag": "seen"}, "then": [{"money": 5}], "else": [{"set": "x"}]}},
}

#: a part of a state (as `Use.part` names it) -> ways to change it
VARIATIONS = {
    "score": [{"score": 0}, {"score": 2000}],
    "services": [{"open_services": ()}, {"open_services": ("rail",)}],
    "flag": [{"flags": ("paid",)}],
    "counter": [{"counters": (("visits", 5),)}],
    "money": [{"money": 100}],
    "contacts": [{"contacts": ()}, {"contacts": (ContactState("lin", 700, 5),)}],
    "persona": [{"persona": "q"}],
    "ruleset": [{"ruleset": "soft"}],
    "visited": [{"visited": ("a", "b")}],
    "blacklisted": [{"blacklisted": True}],
}

#: a state's field -> the part of a state it is (`history` moves with the score)
FIELD_PARTS = {"score": "score", "shown_score": "score", "history": "score", "flags": "flag",
               "counters": "counter", "money": "money", "contacts": "contacts"}


def _written_keys(model) -> set[str]:
    return {field.alias or name for name, field in model.model_fields.items()}


def test_every_key_a_level_may_write_is_a_kind():
    assert set(CONDITIONS) == _written_keys(Condition)
    assert set(EFFECTS) == _written_keys(Effect)
    assert set(CONDITION_EXAMPLES) == set(CONDITIONS)
    assert set(EFFECT_EXAMPLES) == set(EFFECTS)


@pytest.mark.parametrize("key", sorted(CONDITIONS))
def test_a_condition_reads_every_part_that_changes_its_answer(key):
    cond = Condition.model_validate(CONDITION_EXAMPLES[key])
    base = new_game(LEVEL)
    said = {use.part for use in condition_reads(cond)}
    changed_by = set()
    for part, changes in VARIATIONS.items():
        for change in changes:
            if holds(cond, LEVEL, base.replace(**change)) != holds(cond, LEVEL, base):
                changed_by.add(part)
    assert changed_by, f"the example of `{key}` never changes its answer"
    assert changed_by <= said, f"`{key}` reads {changed_by - said} but does not say so"
    assert condition_words(cond, LEVEL)


@pytest.mark.parametrize("key", sorted(EFFECTS))
def test_an_effect_writes_only_what_it_says(key):
    effect = Effect.model_validate(EFFECT_EXAMPLES[key])
    state = new_game(LEVEL).replace(flags=("seen",), score=900, shown_score=900)
    before = state
    state = draft(state)
    ctx = Ctx(LEVEL, plan_of(LEVEL), None)
    apply_effects(state, compile_effects([effect], LEVEL), ctx)
    changed = {part for name, part in FIELD_PARTS.items()
               if getattr(state, name) != getattr(before, name)}
    said = {use.part for use in effects_writes([effect])}
    assert changed or ctx.goto, f"the example of `{key}` changes nothing"
    assert changed <= said, f"`{key}` changes {changed - said} but does not say so"
