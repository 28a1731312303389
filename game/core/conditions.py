"""Every kind of condition, defined once (`CONDITIONS`), and how to test one against a state
and say why it does not hold.

A kind is one `ConditionKind`: its test (made once per condition into a function of (level,
state), since the analyzer tests conditions millions of times), what of a state it reads,
which ids of the level it names, how it reads in an author's words (the graph's labels) and,
for a player, why it does not hold. The engine, the analyzer's liveness, the graph and the
cross-checks all read these, so a new kind is its field on `model.Condition` and one entry
here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterator, NamedTuple

from . import strings
from .model import Condition, Level
from .state import State

#: The legibility while the level's `score.seen_while` does not hold (the app is deleted),
#: and of an ending whose text says the player no longer sees the score.
NO_LONGER_SHOWN = "no_longer_shown"

_NUMBERS_SHOWN = ("exact", "delayed")
Test = Callable[[Level, State], bool]
Path = tuple   # where something is inside a condition or effect, as keys written in a file


class Use(NamedTuple):
    """A part of a state that a condition or effect reads or writes.

    `part` is "flag", "counter" or "visited" (with the `name` of one), or "money", "contacts"
    (the whole network), "score", "services", "persona", "ruleset", "blacklisted" or
    "history". `at` is where the name is written (`("counter", "name")`). For a read,
    `numbers` are what it is compared with; for a write, what it adds. `clears` marks a write
    that takes a flag away (`clear`) rather than setting it."""
    part: str
    name: str | None = None
    at: Path = ()
    numbers: tuple[int, ...] = ()
    clears: bool = False

    @property
    def key(self) -> tuple:
        """`("flag", "paid")` for a named part, `("money",)` for a whole one."""
        return (self.part,) if self.name is None else (self.part, self.name)


def _none(_) -> tuple:
    return ()


@dataclass(frozen=True)
class ConditionKind:
    """One kind of condition: its key in a level file (e.g. `score_at_least`), and functions
    of the value written under that key (`950`; a list for `all`):

    - `make(value)`: the test, a function of (level, state) -> bool;
    - `words(value, level)`: how it reads for an author ("score ≥ 950"; `level` may be None);
    - `why_not(value, level, state)`: why it fails, for the player, in `strings`' words
      (None: "Not open to you now");
    - `reads(value)`: what of a state it reads (`Use`s), besides the conditions inside it;
    - `names`: (where in it, what kind of id) for each id of the level it names, e.g.
      `(("relationship", "contact"), "contact")`: the cross-checks make sure it exists;
    - `inner(value)`: the conditions inside it (`all`, `any`, `not`), as (path, condition)."""
    key: str
    make: Callable[[Any], Test]
    words: Callable[[Any, Level | None], str]
    why_not: Callable[[Any, Level, State], str | None] = lambda v, lv, s: None
    reads: Callable[[Any], tuple[Use, ...]] = _none
    names: tuple[tuple[Path, str], ...] = ()
    inner: Callable[[Any], tuple[tuple[Path, Condition], ...]] = _none

    @property
    def field(self) -> str:
        """The model's field for the key (`not_` for `not`)."""
        return "not_" if self.key == "not" else self.key


# ---------------------------------------------------------------- using the kinds

def kind_of(cond: Condition) -> tuple[ConditionKind, Any]:
    """The condition's kind, and the value written under its key (the one field set)."""
    for name in cond.model_fields_set:
        value = getattr(cond, name)
        if value is not None:
            return _BY_FIELD[name], value
    raise ValueError("a condition has exactly one key")   # the model makes sure


def test_of(cond: Condition) -> Test:
    """The condition as a function of (level, state) -> bool: made the first time and kept
    with the condition (in its `__dict__`, as `functools.cached_property` keeps a value)."""
    test = cond.__dict__.get("test")
    if test is None:
        kind, value = kind_of(cond)
        test = cond.__dict__["test"] = kind.make(value)
    return test


def holds(cond: Condition | None, level: Level, state: State) -> bool:
    """Whether a condition holds now. No condition always holds."""
    return True if cond is None else test_of(cond)(level, state)


def legibility(state: State) -> str:
    """How much of the score the player sees now: the ruleset's legibility, or
    NO_LONGER_SHOWN in a scene whose `score_shown` is false and while the level's
    `score.seen_while` does not hold. Here, not in `display` (which gives it on), because
    the lock reasons read it too."""
    level = state.played
    if not scene_shows_score(state) or not holds(level.score.seen_while, level, state):
        return NO_LONGER_SHOWN
    return level.rulesets[state.ruleset].legibility


def scene_shows_score(state: State) -> bool:
    """False in a scene marked `score_shown: false` (before the app that shows the score,
    and opens its doors, is in the story)."""
    scene = state.played.scenes.get(state.scene) if state.scene is not None else None
    return scene is None or scene.score_shown


def why_not(cond: Condition, level: Level, state: State) -> str:
    """The first reason, in words, that a condition does not hold."""
    kind, value = kind_of(cond)
    return kind.why_not(value, level, state) or strings.NEEDS_OTHER


def condition_words(cond: Condition | None, level: Level | None = None) -> str:
    """A condition in words, e.g. "score ≥ 950", "not on the blacklist", "paid or tier A"."""
    if cond is None:
        return ""
    kind, value = kind_of(cond)
    return kind.words(value, level)


def each_condition(cond: Condition, path: Path = ()) -> Iterator[tuple[Path, Condition]]:
    """(path, condition) of this condition and every one inside it, outer first."""
    yield path, cond
    kind, value = kind_of(cond)
    for at, inner in kind.inner(value):
        yield from each_condition(inner, path + at)


def condition_reads(cond: Condition | None) -> list[Use]:
    """What a condition and every condition inside it read of a state."""
    if cond is None:
        return []
    found: list[Use] = []
    for _, each in each_condition(cond):
        kind, value = kind_of(each)
        found += kind.reads(value)
    return found


# ---------------------------------------------------------------- tests

def _all(tests):
    if len(tests) == 2:   # the common case, without a loop (every test gives a bool)
        first, second = tests
        return lambda lv, s: first(lv, s) and second(lv, s)

    def every(lv, s):
        for test in tests:
            if not test(lv, s):
                return False
        return True
    return every


def _any(tests):
    if len(tests) == 2:
        first, second = tests
        return lambda lv, s: first(lv, s) or second(lv, s)

    def some(lv, s):
        for test in tests:
            if test(lv, s):
                return True
        return False
    return some


def _not(cond):
    test = test_of(cond)
    return lambda lv, s: not test(lv, s)


def _range(test):
    """Whether a value is within a test's `at_least` and `below`, as a function of the value
    (the bounds read once: reading a model's field costs as much as the test)."""
    at_least, below = test.at_least, test.below

    def within(value: int) -> bool:
        if at_least is not None and value < at_least:
            return False
        return not (below is not None and value >= below)
    return within


def _counter(test):
    name, within = test.name, _range(test)

    def counter(lv, s):
        for have, value in s.counters:
            if have == name:
                return within(value)
        return within(0)
    return counter


def _relationship(test):
    who, within = test.contact, _range(test)

    def relationship(lv, s):
        contact = s.contact(who)
        return within(contact.relationship if contact else 0)
    return relationship


def _tier(want):
    def tier(lv, s):
        found = lv.tier_of(s.score)
        return found is not None and found.id == want
    return tier


def _value(test):
    """A maker for a condition whose value `v` is tested as `test(v, level, state)` (bound
    with `partial`, which calls it with no Python frame of its own between)."""
    return lambda value: partial(test, value)


# ---------------------------------------------------------------- words

def _range_words(name: str, test) -> str:
    parts = []
    if test.at_least is not None:
        parts.append(f"{name} ≥ {test.at_least}")
    if test.below is not None:
        parts.append(f"{name} < {test.below}")
    return " and ".join(parts) or name


def _joined(joint: str):
    """Words for `all` (joined by " and ") or `any` (" or "), in brackets when two or more."""
    def words(conditions, level):
        inner = [condition_words(c, level) for c in conditions]
        joined = joint.join(inner)
        return f"({joined})" if len(inner) > 1 else joined
    return words


def _service_words(service_id, level):
    service = level.services.get(service_id) if level else None
    return f"{service.name if service else service_id} open"


def _tier_words(tier_id, level):
    tier = next((t for t in level.score.tiers if t.id == tier_id), None) if level else None
    return f"tier {tier.name if tier else tier_id}"


# ---------------------------------------------------------------- why a player cannot

def _first_failing(conditions, level, state):
    failing = next(c for c in conditions if not holds(c, level, state))
    return why_not(failing, level, state)


def _score_why(n, level, state):
    if legibility(state) not in _NUMBERS_SHOWN:
        return None   # the number is not shown under these rules
    return strings.NEEDS_SCORE.format(n=n, score=state.shown_score)


def _tier_why(tier_id, level, state):
    tier = next((t for t in level.score.tiers if t.id == tier_id), None)
    return strings.NEEDS_TIER.format(name=tier.name if tier else tier_id)


def _blacklisted_why(listed, level, state):
    name = level.blacklist.name if level.blacklist else "blacklist"
    text = strings.NEEDS_BLACKLISTED if listed else strings.NEEDS_NOT_BLACKLISTED
    return text.format(name=name)


def _contact_why(contact_id, level, state):
    if contact_id not in level.contacts:
        return None
    return strings.NEEDS_CONTACT.format(name=level.contacts[contact_id].name)


def _numbers(test) -> tuple[int, ...]:
    return tuple(n for n in (test.at_least, test.below) if n is not None)


# ---------------------------------------------------------------- the kinds

_SCORE, _CONTACTS = (Use("score"),), (Use("contacts"),)

_KINDS = [
    ConditionKind("score_at_least", _value(lambda v, lv, s: s.score >= v),
                  lambda v, lv: f"score ≥ {v}", _score_why, lambda v: _SCORE),
    ConditionKind("score_below", _value(lambda v, lv, s: s.score < v),
                  lambda v, lv: f"score < {v}",
                  lambda v, lv, s: strings.NEEDS_SCORE_BELOW.format(n=v), lambda v: _SCORE),
    ConditionKind("tier", _tier, _tier_words, _tier_why, lambda v: _SCORE,
                  names=((("tier",), "tier"),)),
    ConditionKind("service", _value(lambda v, lv, s: v in s.open_services), _service_words,
                  lambda v, lv, s: service_reason(v, lv, s), lambda v: (Use("services"),),
                  names=((("service",), "service"),)),
    ConditionKind("flag", _value(lambda v, lv, s: v in s.flags), lambda v, lv: f"flag {v}",
                  reads=lambda v: (Use("flag", v, ("flag",)),)),
    ConditionKind("counter", _counter, lambda v, lv: _range_words(v.name, v),
                  reads=lambda v: (Use("counter", v.name, ("counter", "name"), _numbers(v)),)),
    ConditionKind("money_at_least", _value(lambda v, lv, s: s.money >= v),
                  lambda v, lv: f"money ≥ {v}",
                  lambda v, lv, s: strings.NEEDS_MONEY.format(n=v, money=s.money),
                  lambda v: (Use("money", numbers=(v,)),)),
    ConditionKind("relationship", _relationship,
                  lambda v, lv: _range_words(f"closeness to {v.contact}", v),
                  reads=lambda v: _CONTACTS, names=((("relationship", "contact"), "contact"),)),
    ConditionKind("contact", _value(lambda v, lv, s: s.contact(v) is not None),
                  lambda v, lv: f"{v} still a contact", _contact_why, lambda v: _CONTACTS,
                  names=((("contact",), "contact"),)),
    ConditionKind("persona", _value(lambda v, lv, s: s.persona == v),
                  lambda v, lv: f"playing {v}", reads=lambda v: (Use("persona"),),
                  names=((("persona",), "persona"),)),
    ConditionKind("ruleset", _value(lambda v, lv, s: s.ruleset == v),
                  lambda v, lv: f"under {v}", reads=lambda v: (Use("ruleset"),),
                  names=((("ruleset",), "ruleset"),)),
    ConditionKind("visited", _value(lambda v, lv, s: v in s.visited), lambda v, lv: f"saw {v}",
                  reads=lambda v: (Use("visited", v, ("visited",)),),
                  names=((("visited",), "scene"),)),
    ConditionKind("blacklisted", _value(lambda v, lv, s: s.blacklisted == v),
                  lambda v, lv: "on the blacklist" if v else "not on the blacklist",
                  _blacklisted_why, lambda v: (Use("blacklisted"),)),
    ConditionKind("all", lambda v: _all([test_of(c) for c in v]), _joined(" and "),
                  _first_failing, inner=lambda v: tuple((("all", j), c) for j, c in enumerate(v))),
    ConditionKind("any", lambda v: _any([test_of(c) for c in v]), _joined(" or "),
                  inner=lambda v: tuple((("any", j), c) for j, c in enumerate(v))),
    ConditionKind("not", _not, lambda v, lv: f"not {condition_words(v, lv)}",
                  inner=lambda v: ((("not",), v),)),
]
#: Every kind of condition, by its key in a level file.
CONDITIONS: dict[str, ConditionKind] = {kind.key: kind for kind in _KINDS}
_BY_FIELD = {kind.field: kind for kind in _KINDS}


# ---------------------------------------------------------------- services

def service_why(service_id: str, level: Level, state: State) -> str | None:
    """Why a service is closed, without its name ("needs 950, you have 912"), or None when
    there is nothing to say but that it is closed."""
    service = level.services[service_id]
    return closed_why(without_name(service.locked_text, service.name),
                      test_of(service.needs) if service.needs is not None else None,
                      service.threshold, level, state)


def closed_why(own_words: str | None, test, threshold: int | None, level: Level,
               state: State) -> str | None:
    """`service_why` from a service's fields already read, as the engine's plan has them
    (`test` is its condition's test)."""
    if own_words and not (test is None or test(level, state)):
        return own_words   # the author's words say why the condition fails
    numbers = legibility(state) in _NUMBERS_SHOWN
    if numbers and threshold is not None and state.score < threshold:
        return strings.NEEDS_THRESHOLD.format(threshold=threshold, score=state.shown_score)
    return own_words


def service_reason(service_id: str, level: Level, state: State) -> str:
    """Why a service is closed, with its name: "High-speed rail: needs 950, you have 912"."""
    name = level.services[service_id].name
    return closed_reason(name, service_why(service_id, level, state))


def closed_reason(name: str, why: str | None) -> str:
    """A service's name with why it is closed (`service_why`)."""
    return strings.SERVICE_WHY.format(name=name, why=why) if why else \
        strings.SERVICE_CLOSED.format(name=name)


def without_name(text: str | None, name: str) -> str | None:
    """An author's `locked_text` without the service's name in front (the game adds it)."""
    if text and text.startswith(f"{name}: "):
        return text[len(name) + 2:]
    return text
