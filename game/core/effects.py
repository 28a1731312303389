"""Effects: what a choice changes, applied in order to a new state."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import strings
from .conditions import holds
from .events import AppealDecided, ContactCut, Event, MoneyChanged, PeerRated
from .model import Effect, Level
from .rng import next_float
from .scoring import change_score
from .state import State

APPEALABLE = ("behaviour", "delayed")   # an appeal contests a fine, not your friends


@dataclass
class Ctx:
    """What applying effects collects besides the state: events and a `goto`."""
    level: Level
    events: list[Event]
    goto: str | None = field(default=None)


def apply_effects(state: State, effects: list[Effect], ctx: Ctx) -> State:
    """Apply effects in order; a `goto` among them is remembered in the context."""
    for effect in effects:
        state = _APPLY[effect.key()](state, effect, ctx)
    return state


def _money(state, e, ctx):
    new = state.money + e.money
    ctx.events.append(MoneyChanged(state.money, new))
    return state.evolve(money=new)


def _contact_score(state, e, ctx):
    contact = state.contact(e.contact_score.contact)
    if contact is None:
        return state
    rules = ctx.level.score
    score = max(rules.min, min(rules.max, contact.score + e.contact_score.by))
    return state.with_contact(replace(contact, score=score), contact.id)


def _relationship(state, e, ctx):
    contact = state.contact(e.relationship.contact)
    if contact is None:
        return state
    closer = replace(contact, relationship=max(0, contact.relationship + e.relationship.by))
    return state.with_contact(closer, contact.id)


def _cut(state, e, ctx):
    if state.contact(e.cut) is None:
        return state
    ctx.events.append(ContactCut(e.cut, ctx.level.contacts[e.cut].name))
    return state.with_contact(None, e.cut)


def _rating(state, e, ctx):
    rating = e.rating
    contact = state.contact(rating.contact)
    rater_score = contact.score if contact else ctx.level.contacts[rating.contact].score
    name = ctx.level.contacts[rating.contact].name
    delta = round((rating.stars - 3) * ctx.level.network.points_per_star * rater_score / 1000)
    ctx.events.append(PeerRated(rating.contact, name, rating.stars))
    reason = strings.RATING_REASON.format(name=name, stars=rating.stars)
    return change_score(state, delta, "rating", reason, True, ctx.events)


def _appeal(state, e, ctx):
    cost = e.appeal.cost
    state = state.evolve(money=state.money - cost)
    if cost:
        ctx.events.append(MoneyChanged(state.money + cost, state.money))
    rng, roll = next_float(state.rng)
    state = state.evolve(rng=rng)
    index = _last_deduction(state)
    won = index is not None and roll < e.appeal.chance
    if not won:
        ctx.events.append(AppealDecided(False, cost, 0))
        return state
    point = state.history[index]
    history = list(state.history)
    history[index] = replace(point, appealed=True)
    state = state.evolve(history=tuple(history))
    before = state.score
    state = change_score(state, -point.delta, "appeal", strings.APPEAL_WON, True, ctx.events)
    ctx.events.append(AppealDecided(True, cost, state.score - before))
    return state


def _last_deduction(state: State) -> int | None:
    for index in range(len(state.history) - 1, -1, -1):
        point = state.history[index]
        if point.delta < 0 and point.cause in APPEALABLE and not point.appealed:
            return index
    return None


def _goto(state, e, ctx):
    ctx.goto = e.goto
    return state


def _branch(state, e, ctx):
    branch = e.if_
    chosen = branch.then if holds(branch.when, ctx.level, state) else branch.otherwise
    return apply_effects(state, chosen, ctx)


_APPLY = {
    "set": lambda s, e, ctx: s.with_flag(e.set),
    "clear": lambda s, e, ctx: s.with_flag(e.clear, on=False),
    "count": lambda s, e, ctx: s.with_counter(e.count.name, s.counter(e.count.name) + e.count.by),
    "money": _money,
    "relationship": _relationship,
    "contact_score": _contact_score,
    "cut": _cut,
    "rating": _rating,
    "appeal": _appeal,
    "goto": _goto,
    "if": _branch,
}
