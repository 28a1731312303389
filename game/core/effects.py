"""Effects: what a choice changes, applied in order to a new state.

Each effect is made once per level into a function of (state, ctx) with its fields already
read (`compile_effects`, kept in the level's plan): reading an effect's fields (pydantic) on
every choice cost more than applying it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Callable

from . import strings
from .events import AppealDecided, ContactCut, Event, MoneyChanged, PeerRated
from .model import Effect, Level
from .rng import Dice, next_float
from .scoring import change_score
from .state import ContactState, State, contacts_with, counters_with, flags_with

if TYPE_CHECKING:
    from .plan import LevelPlan

APPEALABLE = ("behaviour", "delayed")   # an appeal contests a fine, not your friends


@dataclass
class Ctx:
    """What applying effects needs besides the state (the dice) and collects (events and a
    `goto`)."""
    level: Level
    plan: LevelPlan
    events: list[Event] | None   # None: no events (`choose`'s `quiet`)
    dice: Dice = next_float      # `choose`'s `dice`
    goto: str | None = field(default=None)


def compile_effects(effects: list[Effect], level: Level) -> tuple[Callable, ...]:
    """Effects as functions of (state, ctx), for `apply_effects`."""
    return tuple([_MAKE[effect.written_key](effect, level) for effect in effects])


def apply_effects(state: State, effects: tuple[Callable, ...], ctx: Ctx) -> None:
    """Apply effects (`compile_effects`) in order to a draft (`state.draft`); a `goto` among
    them is remembered in the context."""
    for effect in effects:
        effect(state, ctx)


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


def _make_branch(e, level):
    branch = e.if_
    return partial(_branch, branch.when.test, compile_effects(branch.then, level),
                   compile_effects(branch.otherwise, level))


_MAKE = {
    "set": lambda e, level: partial(_flag, e.set, True),
    "clear": lambda e, level: partial(_flag, e.clear, False),
    "count": lambda e, level: partial(_count, e.count.name, e.count.by),
    "money": lambda e, level: partial(_money, e.money),
    "relationship": lambda e, level: partial(_relationship, e.relationship.contact,
                                             e.relationship.by),
    "contact_score": lambda e, level: partial(_contact_score, e.contact_score.contact,
                                              e.contact_score.by, level.score.min,
                                              level.score.max),
    "cut": lambda e, level: partial(_cut, e.cut),
    "rating": lambda e, level: partial(_rating, e.rating.contact, e.rating.stars,
                                       level.network.points_per_star),
    "appeal": lambda e, level: partial(_appeal, e.appeal.cost, e.appeal.chance),
    "goto": lambda e, level: partial(_goto, e.goto),
    "if": _make_branch,
}
