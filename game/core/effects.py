"""Effects: what a choice changes, applied in order to a new state."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import strings
from .conditions import holds
from .events import AppealDecided, ContactCut, Event, MoneyChanged, PeerRated
from .model import Effect, Level
from .rng import next_float
from .scoring import change_score
from .state import State, contacts_with, counters_with, flags_with

APPEALABLE = ("behaviour", "delayed")   # an appeal contests a fine, not your friends


@dataclass
class Ctx:
    """What applying effects collects besides the state: events and a `goto`."""
    level: Level
    events: list[Event]
    goto: str | None = field(default=None)


def apply_effects(state: State, effects: list[Effect], ctx: Ctx) -> None:
    """Apply effects in order to a draft (`state.draft`); a `goto` among them is remembered in
    the context."""
    for effect in effects:
        _APPLY[effect.written_key](state, effect, ctx)


def _money(state, e, ctx):
    new = state.money + e.money
    ctx.events.append(MoneyChanged(state.money, new))
    state.__dict__["money"] = new


def _contact_score(state, e, ctx):
    contact = state.contact(e.contact_score.contact)
    if contact is None:
        return
    rules = ctx.level.score
    score = max(rules.min, min(rules.max, contact.score + e.contact_score.by))
    _put_contact(state, replace(contact, score=score), contact.id)


def _relationship(state, e, ctx):
    contact = state.contact(e.relationship.contact)
    if contact is None:
        return
    closer = replace(contact, relationship=max(0, contact.relationship + e.relationship.by))
    _put_contact(state, closer, contact.id)


def _cut(state, e, ctx):
    if state.contact(e.cut) is None:
        return
    ctx.events.append(ContactCut(e.cut, ctx.level.contacts[e.cut].name))
    _put_contact(state, None, e.cut)


def _put_contact(state, contact, contact_id):
    state.__dict__["contacts"] = contacts_with(state.contacts, contact, contact_id)


def _rating(state, e, ctx):
    rating = e.rating
    contact = state.contact(rating.contact)
    rater_score = contact.score if contact else ctx.level.contacts[rating.contact].score
    name = ctx.level.contacts[rating.contact].name
    delta = round((rating.stars - 3) * ctx.level.network.points_per_star * rater_score / 1000)
    ctx.events.append(PeerRated(rating.contact, name, rating.stars))
    reason = strings.RATING_REASON.format(name=name, stars=rating.stars)
    change_score(state, delta, "rating", reason, True, ctx.events)


def _appeal(state, e, ctx):
    cost = e.appeal.cost
    fields = state.__dict__
    fields["money"] = state.money - cost
    if cost:
        ctx.events.append(MoneyChanged(state.money + cost, state.money))
    rng, roll = next_float(state.rng)
    fields["rng"] = rng
    index = _last_deduction(state)
    won = index is not None and roll < e.appeal.chance
    if not won:
        ctx.events.append(AppealDecided(False, cost, 0))
        return
    point = state.history[index]
    history = list(state.history)
    history[index] = replace(point, appealed=True)
    fields["history"] = tuple(history)
    before = state.score
    change_score(state, -point.delta, "appeal", strings.APPEAL_WON, True, ctx.events)
    ctx.events.append(AppealDecided(True, cost, state.score - before))


def _last_deduction(state: State) -> int | None:
    for index in range(len(state.history) - 1, -1, -1):
        point = state.history[index]
        if point.delta < 0 and point.cause in APPEALABLE and not point.appealed:
            return index
    return None


def _goto(state, e, ctx):
    ctx.goto = e.goto


def _branch(state, e, ctx):
    branch = e.if_
    chosen = branch.then if holds(branch.when, ctx.level, state) else branch.otherwise
    apply_effects(state, chosen, ctx)


def _set(state, e, ctx):
    state.__dict__["flags"] = flags_with(state.flags, e.set)


def _clear(state, e, ctx):
    state.__dict__["flags"] = flags_with(state.flags, e.clear, on=False)


def _count(state, e, ctx):
    name = e.count.name
    state.__dict__["counters"] = counters_with(state.counters, name,
                                               state.counter(name) + e.count.by)


_APPLY = {
    "set": _set,
    "clear": _clear,
    "count": _count,
    "money": _money,
    "relationship": _relationship,
    "contact_score": _contact_score,
    "cut": _cut,
    "rating": _rating,
    "appeal": _appeal,
    "goto": _goto,
    "if": _branch,
}
