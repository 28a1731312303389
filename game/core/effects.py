"""Every kind of effect, defined once (`EFFECTS`), and how effects are applied.

A kind is one `EffectKind`: how it is applied (made once per level into a function of
(state, ctx) with its fields already read, kept in the level's plan: reading an effect's
fields on every choice cost more than applying it), what of a state it reads and writes,
which ids of the level it names, where it sends the player and the effects inside it (how
the graph draws it). The engine, the analyzer's liveness, the graph and the cross-checks
all read these, so a new kind is its field on `model.Effect` and one entry here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Callable, Iterator

from . import strings
from .conditions import Path, Use, condition_reads, condition_words, test_of
from .events import AppealDecided, ContactCut, Event, MoneyChanged, PeerRated
from .model import Condition, Effect, Level
from .rng import Dice, next_float
from .scoring import ScorePlan, change_score
from .state import ContactState, State, contacts_with, counters_with, flags_with

APPEALABLE = ("behaviour", "delayed")   # an appeal contests a fine, not your friends


@dataclass
class Ctx:
    """What applying effects needs besides the state (the dice) and collects (events and a
    `goto`)."""
    level: Level
    plan: ScorePlan
    events: list[Event] | None   # None: no events (`choose`'s `quiet`)
    dice: Dice = next_float      # `choose`'s `dice`
    goto: str | None = field(default=None)


Apply = Callable[[State, Ctx], None]


def _none(_) -> tuple:
    return ()


@dataclass(frozen=True)
class Branch:
    """Effects inside an effect, applied when `condition` holds (`unless`: when it does
    not); drawn in the graph as "if <condition>" (or "unless ...")."""
    at: Path
    effects: list[Effect]
    condition: Condition
    unless: bool = False


@dataclass(frozen=True)
class EffectKind:
    """One kind of effect: its key in a level file (e.g. `contact_score`), and functions of
    the value written under that key (`{contact: lin, by: -50}`):

    - `make(value, level)`: the effect as a function of (state, ctx), applied to a draft;
    - `writes(value)` and `reads(value)`: what of a state it changes, and what it reads to
      decide anything else (`conditions.Use`; a counter it adds to is only written);
    - `names`: (where in it, what kind of id) for each id of the level it names;
    - `goto(value)`: where it sends the player, or None (drawn as a dotted edge);
    - `conditions(value)`: the conditions inside it, as (path, condition) (`if`'s `when`);
    - `branches(value)`: the effects inside it, each with its condition (`if`)."""
    key: str
    make: Callable[[Any, Level], Apply]
    writes: Callable[[Any], tuple[Use, ...]] = _none
    reads: Callable[[Any], tuple[Use, ...]] = _none
    names: tuple[tuple[Path, str], ...] = ()
    goto: Callable[[Any], str | None] = lambda v: None
    conditions: Callable[[Any], tuple[tuple[Path, Condition], ...]] = _none
    branches: Callable[[Any], tuple[Branch, ...]] = _none

    @property
    def field(self) -> str:
        """The model's field for the key (`if_` for `if`)."""
        return "if_" if self.key == "if" else self.key


# ---------------------------------------------------------------- using the kinds

def kind_of(effect: Effect) -> tuple[EffectKind, Any]:
    """The effect's kind, and the value written under its key (the one field set)."""
    for name in effect.model_fields_set:
        value = getattr(effect, name)
        if value is not None:
            return _BY_FIELD[name], value
    raise ValueError("an effect has exactly one key")   # the model makes sure


def compile_effects(effects: list[Effect], level: Level) -> tuple[Apply, ...]:
    """Effects as functions of (state, ctx), for `apply_effects`."""
    made = []
    for effect in effects:
        kind, value = kind_of(effect)
        made.append(kind.make(value, level))
    return tuple(made)


def apply_effects(state: State, effects: tuple[Apply, ...], ctx: Ctx) -> None:
    """Apply effects (`compile_effects`) in order to a draft (`state.draft`); a `goto` among
    them is remembered in the context."""
    for effect in effects:
        effect(state, ctx)


def each_effect(effects: list[Effect], path: Path = ()) -> Iterator[tuple[Path, Effect]]:
    """(path, effect) of each effect and every one inside it, in file order, outer first."""
    for j, effect in enumerate(effects):
        yield path + (j,), effect
        kind, value = kind_of(effect)
        for branch in kind.branches(value):
            yield from each_effect(branch.effects, path + (j,) + branch.at)


def effects_reads(effects: list[Effect]) -> list[Use]:
    """What these effects read of a state, with the conditions inside them."""
    found: list[Use] = []
    for _, effect in each_effect(effects):
        kind, value = kind_of(effect)
        found += kind.reads(value)
        for _, cond in kind.conditions(value):
            found += condition_reads(cond)
    return found


def effects_writes(effects: list[Effect]) -> list[Use]:
    """What these effects can change, in any branch."""
    found: list[Use] = []
    for _, effect in each_effect(effects):
        kind, value = kind_of(effect)
        found += kind.writes(value)
    return found


def goto_targets(effects: list[Effect]) -> list[str]:
    """Where the `goto`s among these effects, in any branch, can send the player."""
    found = []
    for _, effect in each_effect(effects):
        kind, value = kind_of(effect)
        target = kind.goto(value)
        if target is not None:
            found.append(target)
    return found


def drawn_gotos(effects: list[Effect], level: Level | None = None,
                 when: str = "") -> list[tuple[str, str]]:
    """(target, the conditions in words) of every `goto` among effects, through branches:
    how the graph draws them ("if paid and unless tier A")."""
    found = []
    for effect in effects:
        kind, value = kind_of(effect)
        target = kind.goto(value)
        if target is not None:
            found.append((target, when))
        for branch in kind.branches(value):
            words = condition_words(branch.condition, level)
            guard = f"{'unless' if branch.unless else 'if'} {words}"
            found += drawn_gotos(branch.effects, level,
                                  f"{when} and {guard}" if when else guard)
    return found


# ---------------------------------------------------------------- applying

def _money(amount, state, ctx):
    new = state.money + amount
    if ctx.events is not None:
        ctx.events.append(MoneyChanged(state.money, new))
    state.__dict__["money"] = new


def _contact_score(contact_id, by, low, high, state, ctx):
    contact = state.contact(contact_id)
    if contact is None:
        return
    score = max(low, min(high, contact.score + by))
    _put_contact(state, ContactState(contact.id, score, contact.relationship), contact.id)


def _relationship(contact_id, by, state, ctx):
    contact = state.contact(contact_id)
    if contact is None:
        return
    closer = ContactState(contact.id, contact.score, max(0, contact.relationship + by))
    _put_contact(state, closer, contact.id)


def _cut(contact_id, state, ctx):
    if state.contact(contact_id) is None:
        return
    if ctx.events is not None:
        ctx.events.append(ContactCut(contact_id, ctx.level.contacts[contact_id].name))
    _put_contact(state, None, contact_id)


def _put_contact(state, contact, contact_id):
    state.__dict__["contacts"] = contacts_with(state.contacts, contact, contact_id)


def _rating(rater, stars, per_star, state, ctx):
    contact = state.contact(rater)
    rater_score = contact.score if contact else ctx.level.contacts[rater].score
    name = ctx.level.contacts[rater].name
    delta = round((stars - 3) * per_star * rater_score / 1000)
    if ctx.events is not None:
        ctx.events.append(PeerRated(rater, name, stars))
    reason = strings.RATING_REASON.format(name=name, stars=stars)
    change_score(state, ctx.plan, delta, "rating", reason, True, ctx.events)


def _appeal(cost, chance, state, ctx):
    fields = state.__dict__
    fields["money"] = state.money - cost
    if cost and ctx.events is not None:
        ctx.events.append(MoneyChanged(state.money + cost, state.money))
    rng, roll = ctx.dice(state.rng)
    fields["rng"] = rng
    index = _last_deduction(state)
    if index is None or roll >= chance:   # lost
        if ctx.events is not None:
            ctx.events.append(AppealDecided(False, cost, 0))
        return
    point = state.history[index]
    history = list(state.history)
    history[index] = replace(point, appealed=True)
    fields["history"] = tuple(history)
    before = state.score
    change_score(state, ctx.plan, -point.delta, "appeal", strings.APPEAL_WON, True, ctx.events)
    if ctx.events is not None:
        ctx.events.append(AppealDecided(True, cost, state.score - before))


def _last_deduction(state: State) -> int | None:
    for index in range(len(state.history) - 1, -1, -1):
        point = state.history[index]
        if point.delta < 0 and point.cause in APPEALABLE and not point.appealed:
            return index
    return None


def _goto(target, state, ctx):
    ctx.goto = target


def _branch(test, then, otherwise, state, ctx):
    apply_effects(state, then if test(ctx.level, state) else otherwise, ctx)


def _flag(name, on, state, ctx):
    state.__dict__["flags"] = flags_with(state.flags, name, on)


def _count(name, by, state, ctx):
    state.__dict__["counters"] = counters_with(state.counters, name, state.counter(name) + by)


def _make_branch(branch, level):
    return partial(_branch, test_of(branch.when), compile_effects(branch.then, level),
                   compile_effects(branch.otherwise, level))


def _contact(key: str):
    """The id a kind names at `<key>: {contact: ...}`."""
    return (((key, "contact"), "contact"),)


_CONTACTS, _SCORE = Use("contacts"), Use("score")

_KINDS = [
    EffectKind("set", lambda v, level: partial(_flag, v, True),
               writes=lambda v: (Use("flag", v, ("set",)),)),
    EffectKind("clear", lambda v, level: partial(_flag, v, False),
               writes=lambda v: (Use("flag", v, ("clear",), clears=True),)),
    EffectKind("count", lambda v, level: partial(_count, v.name, v.by),
               writes=lambda v: (Use("counter", v.name, ("count", "name"), (v.by,)),)),
    EffectKind("money", lambda v, level: partial(_money, v),
               writes=lambda v: (Use("money", numbers=(v,)),)),
    EffectKind("relationship", lambda v, level: partial(_relationship, v.contact, v.by),
               writes=lambda v: (_CONTACTS,), names=_contact("relationship")),
    EffectKind("contact_score",
               lambda v, level: partial(_contact_score, v.contact, v.by, level.score.min,
                                        level.score.max),
               writes=lambda v: (_CONTACTS,), names=_contact("contact_score")),
    EffectKind("cut", lambda v, level: partial(_cut, v), writes=lambda v: (_CONTACTS,),
               names=((("cut",), "contact"),)),
    EffectKind("rating",
               lambda v, level: partial(_rating, v.contact, v.stars,
                                        level.network.points_per_star),
               writes=lambda v: (_SCORE,), reads=lambda v: (_CONTACTS,),
               names=_contact("rating")),
    EffectKind("appeal", lambda v, level: partial(_appeal, v.cost, v.chance),
               writes=lambda v: (Use("money", numbers=(-v.cost,)), _SCORE),
               reads=lambda v: (Use("history"),)),
    EffectKind("goto", lambda v, level: partial(_goto, v), goto=lambda v: v,
               names=((("goto",), "scene or ending"),)),
    EffectKind("if", _make_branch, conditions=lambda v: ((("if", "when"), v.when),),
               branches=lambda v: (Branch(("if", "then"), v.then, v.when),
                                   Branch(("if", "else"), v.otherwise, v.when, unless=True))),
]
#: Every kind of effect, by its key in a level file.
EFFECTS: dict[str, EffectKind] = {kind.key: kind for kind in _KINDS}
_BY_FIELD = {kind.field: kind for kind in _KINDS}
