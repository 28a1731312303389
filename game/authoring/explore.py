"""Every reachable state of a level, for one persona and ruleset, merged by what matters.

A breadth-first search from `new_game` over `choices` / `choose`, with every fall of the dice
as a branch (`rolls.py`). Two states are merged when they have the same future: `Canon` keeps
what a later choice, condition, roll or delayed change can still read and drops the rest, so
a level of 30 binary choices in a row has a few hundred states, not 2^30 paths.

What is kept, and why:
- scene, ending, score, tier, blacklist, open services: conditions and rules read them;
- flags, counters, money, contacts and `visited` scenes: only where something reachable from
  this scene can still read them (`liveness.py`: a scene's choices and the scenes after it,
  an ending's `when` if a `finish` is ahead, and what the services, the blacklist and the
  network read after every choice); counters and money also saturate where that is exact;
- pending changes: their delta and how many choices until they land (not the step they were
  made at, nor their wording);
- the history: only while an appeal can still be made, and then only the last deductions,
  as many as appeals can still be made (`levelwalk.appeal_budget`).
Dropped: the records, the path, the baseline answers, the step, the generator's position (the
dice are branches), and the shown score, which changes what the player sees (under `delayed`
it catches up every three choices) but never what can happen next.
`tests/test_analyze.py` checks on random small levels that merging reaches exactly what a
search without merging reaches.

By default a choice is played once for every range of scores that plays it alike, with the
score as an unknown (`_Scores`, `symbolic.py`); `explore(..., symbolic=False)` plays it for
each score. That plain search is the oracle: `tests/test_analyze_symbolic.py` checks on every
bundled level that both find the same states, edges, paths and summaries.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core import choices, choose, new_game
from ..core.effects import APPEALABLE
from ..core.engine import ChoiceView, Step
from ..core.model import Level
from ..core.state import Pending, ScorePoint, State
from .levelwalk import LevelFacts
from .liveness import by_kind
from .rolls import outcomes
from .symbolic import NotSymbolic, Sym, Tape, function_of, pin

MAX_STATES = 250_000   # per persona x ruleset (about 1 KB each); then the search stops


class Canon:
    """Turns a state into the smallest state with the same future (see the module's doc)."""

    def __init__(self, facts: LevelFacts, keep_luck: bool = False) -> None:
        self.keep_luck = keep_luck
        self.appeal_budget = facts.appeal_budget
        self.counter_caps = facts.live.counter_caps
        self.money_cap = facts.live.money_cap
        # per scene, what is live there, by kind: (flags, counters, visited, money, contacts)
        self.live = {scene: by_kind(reads) for scene, reads in facts.live.live.items()}
        self._dead = by_kind(frozenset())

    def __call__(self, state: State) -> State:
        return self.state(state, self.parts(state))

    def parts(self, state: State) -> tuple:
        """What can differ between the canonical states of one search, as a plain tuple in
        the order of `PARTS` (the rest is the same in all of them: see `state`). Pending
        changes are (choices until due, delta), the history its deltas."""
        scene = state.scene
        flags_live, counters_live, visited_live, money_live, contacts_live = \
            self.live.get(scene, self._dead)
        flags, visited, counters, pending = state.flags, state.visited, state.counters, \
            state.pending
        if flags and not flags_live.issuperset(flags):
            flags = tuple(f for f in flags if f in flags_live)
        if visited and not visited_live.issuperset(visited):
            visited = tuple(s for s in visited if s in visited_live)
        if pending:
            step = state.step
            pending = tuple([(p.due_step - step, p.delta) for p in pending])
        return (scene, state.ending, state.blacklisted, state.tier, state.open_services,
                _capped(state.money, self.money_cap) if money_live else 0, flags,
                self._counters(counters, counters_live) if counters else (),
                state.contacts if contacts_live else (), visited, pending,
                self._history(state) if state.history else ())

    def state(self, state: State, parts: tuple, score=None) -> State:
        """The canonical state: `state` with its `parts` (see `parts`), no records, path,
        baselines or step, the shown score equal to the score (or both `score`, if given),
        and no luck unless kept."""
        (scene, ending, blacklisted, tier, open_services, money, flags, counters, contacts,
         visited, pending, history) = parts
        score = state.score if score is None else score
        luck = {} if self.keep_luck else _NO_LUCK
        return state.replace(
            score=score, shown_score=score, step=0, path=(), records=(), baselines=(),
            flags=flags, visited=visited, counters=counters, money=money, contacts=contacts,
            history=tuple([ScorePoint(0, 0, delta, "behaviour", None)
                           for delta in history]) if history else (),
            pending=tuple([Pending(due, delta, "", None)
                           for due, delta in pending]) if pending else (), **luck)

    def _history(self, state: State) -> tuple:
        """The deltas an appeal can still undo: the last unappealed deductions, as many as
        appeals can still be made."""
        budget = self.appeal_budget.get(state.scene, 0)
        if not budget:
            return ()
        # the sign is asked last: a score change that no appeal can undo (the network's
        # pull, say) then leaves no assumption on the symbolic score's tape
        kept = tuple([p.delta for p in state.history
                      if p.cause in APPEALABLE and not p.appealed and p.delta < 0])
        return kept[-budget:]

    def _counters(self, counters: tuple, live: frozenset) -> tuple:
        kept = []
        for name, value in counters:
            if name in live:
                value = _capped(value, self.counter_caps.get(name, _NO_CAP))
                if value:
                    kept.append((name, value))
        return tuple(kept)


_NO_CAP = (None, None)
_NO_LUCK = {"seed": 0, "rng": 0}


def _capped(value: int, cap: tuple[int | None, int | None]) -> int:
    low, high = cap
    if low is not None and value < low:
        return low
    if high is not None and value > high:
        return high
    return value


Move = tuple[str, int]   # a choice made: its id, and the number it was shown with


@dataclass
class Reach:
    """What one persona x ruleset can reach: the merged states, and how each was first met.

    `states[0]` is the start; `parent[i]` and `via[i]` (the choice made) lead back to it along
    a shortest path, and `lucky[i]` says whether that path needs the dice to fall a certain
    way. `edges` are (from, to, choice id), once each, each state's together and in order:
    state i's are `edges[first_edge[i]:first_edge[i + 1]]` (`first_edge` has one more entry
    than there are states). `shown` and `opened` the (scene,
    choice) pairs ever shown and ever open; `stuck` the states where no choice is open.
    `flags_seen` and `counters_seen` are every flag and counter ever set, before merging
    dropped any."""
    persona: str
    ruleset: str
    states: list[State] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    via: list[Move | None] = field(default_factory=list)
    lucky: list[bool] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)
    edges: list[tuple[int, int, str]] = field(default_factory=list)
    first_edge: list[int] = field(default_factory=list)
    shown: set[tuple[str, str]] = field(default_factory=set)
    opened: set[tuple[str, str]] = field(default_factory=set)
    stuck: list[int] = field(default_factory=list)
    flags_seen: set[str] = field(default_factory=set)
    counters_seen: set[str] = field(default_factory=set)
    complete: bool = True

    def path_to(self, index: int) -> list[Move]:
        """The choices (id, number shown) of a shortest path from the start to `index`."""
        path = []
        while self.parent[index] >= 0:
            path.append(self.via[index])
            index = self.parent[index]
        return path[::-1]

    def _saw(self, state: State) -> None:
        self.flags_seen.update(state.flags)
        self.counters_seen.update(name for name, _ in state.counters)

    def _showed(self, i: int, views: list[ChoiceView]) -> None:
        scene = self.states[i].scene
        self.shown.update((scene, v.id) for v in views)
        self.opened.update((scene, v.id) for v in views if v.available)

    def _add(self, state: State, parent: int, move: Move | None, lucky: bool) -> None:
        self.states.append(state)
        self.parent.append(parent)
        self.via.append(move)
        self.lucky.append(lucky)
        self.depth.append(self.depth[parent] + 1 if parent >= 0 else 0)


def explore(level: Level, persona: str, ruleset: str, facts: LevelFacts | None = None,
            limit: int = MAX_STATES, seed: int | None = None,
            until_every_ending: bool = False, symbolic: bool = True) -> Reach:
    """Breadth-first over every choice, merging states with the same future.

    With `seed=None` every fall of the dice is a branch (what *can* happen); with a seed the
    search follows that seed's luck, as `play --seed` would (for transcripts). With
    `until_every_ending` it stops as soon as every ending has been reached (the shortest ways
    to them are known by then, but not the rest). With `symbolic` (the default, for
    `seed=None`), a choice is played once for every range of scores that plays it the same
    way (`_Scores`); `symbolic=False` plays it for each score: the plain search, which the
    tests compare the symbolic one with."""
    facts = facts or LevelFacts.of(level)
    canon = Canon(facts, keep_luck=seed is not None)
    reach = Reach(persona, ruleset)
    first = new_game(level, persona, ruleset, seed=seed or 0)
    reach._saw(first)
    start = canon(first)
    if seed is None and symbolic and not until_every_ending:
        _Scores(reach, canon, limit, level).run(start)
        return reach
    play = outcomes if seed is None else _one_outcome
    index = {start: 0}
    reach._add(start, -1, None, False)
    endings = set(level.endings)
    i = 0
    while i < len(reach.states):
        reach.first_edge.append(len(reach.edges))
        state = reach.states[i]
        if state.finished:
            endings.discard(state.ending)
            if until_every_ending and not endings:
                reach.complete = False
                break
        else:
            _expand(reach, index, i, play, canon, limit)
        i += 1
    # the states not expanded (where the search stopped early) have no moves
    reach.first_edge += [len(reach.edges)] * (len(reach.states) + 1 - len(reach.first_edge))
    return reach


def _expand(reach: Reach, index: dict, i: int, play, canon: Canon, limit: int) -> None:
    """Show state i's choices, and make each open one every way the dice can fall."""
    state = reach.states[i]
    views = choices(state)
    reach._showed(i, views)
    if not any(v.available for v in views):
        reach.stuck.append(i)
    for view in views:
        if view.available:
            nexts: list[State] = []
            for step in play(state, view.id):
                reach._saw(step.state)
                nxt = canon(step.state)
                if nxt not in nexts:
                    nexts.append(nxt)
            _link(reach, index, i, (view.id, view.number), nexts, limit)


def _link(reach: Reach, index: dict, i: int, move: Move, nexts, limit: int,
          state_of=None) -> None:
    """Record the moves from state `i` to each of `nexts` (keys of `index`), adding the new
    states: the key itself, or `state_of(key)`."""
    moved_lucky = reach.lucky[i] or len(nexts) > 1   # where it leads depends on the dice
    for nxt in nexts:
        j = index.get(nxt)
        if j is None:
            j = len(reach.states)
            if j >= limit:
                reach.complete = False
                continue
            index[nxt] = j
            reach._add(nxt if state_of is None else state_of(nxt), i, move, moved_lucky)
        elif reach.lucky[j] and not moved_lucky and reach.depth[j] == reach.depth[i] + 1:
            reach.parent[j], reach.via[j], reach.lucky[j] = i, move, False   # as short, surer
        reach.edges.append((i, j, move[0]))


class _Scores:
    """The search with the score as an unknown (`symbolic.py`).

    A state is a *shape* (the canonical state with its score set to 0) and a score. What a
    shape's choices show, and where a choice leads, is worked out once for every range of
    scores that plays the same way, and kept with the tape that says which scores those are;
    another score the tape admits reuses it without running the engine. A state's key in
    the index is one int: shape * stride + score."""

    def __init__(self, reach: Reach, canon: Canon, limit: int, level: Level) -> None:
        self.reach, self.canon, self.limit = reach, canon, limit
        self.low = level.score.min
        self.stride = level.score.max - self.low + 1
        self.shapes: dict[tuple, int] = {}   # canonical parts (`Canon.parts`) -> shape
        self.shape_list: list[State] = []    # per shape: its state, at score 0
        self.shape_of: list[int] = []        # per state: its shape
        self.seen_views: dict[int, list] = {}   # per shape: [(tape, [(move, traces)])]
        self.seen_moves: dict[tuple[int, str], list] = {}   # per shape, choice: [(tape, results)]

    def run(self, start: State) -> None:
        reach, index = self.reach, {}
        first = self._key(self._shape(start, self.canon.parts(start)), start.score)
        index[first] = 0
        reach._add(self._state_of(first), -1, None, False)
        i = 0
        while i < len(reach.states):
            reach.first_edge.append(len(reach.edges))
            k, s = self.shape_of[i], reach.states[i].score
            if not self.shape_list[k].finished:
                for move, traces in self._moves(k, s, i):
                    results = self._results_for(k, s, i, move[0], traces)
                    keys = tuple(dict.fromkeys(_key_of(r, s) for r in results))
                    _link(reach, index, i, move, keys, self.limit, self._state_of)
            i += 1
        reach.first_edge.append(len(reach.edges))

    def _key(self, k: int, s: int) -> int:
        return k * self.stride + s - self.low

    def _state_of(self, key: int) -> State:
        """A new state, from its key."""
        k, s = divmod(key, self.stride)
        self.shape_of.append(k)
        return self._at(k, s + self.low)

    def _at(self, k: int, score) -> State:
        return self.shape_list[k].replace(score=score, shown_score=score)

    def _shape(self, state: State, parts: tuple) -> int:
        """The number of the shape whose canonical parts these are; `state` is the state
        they came from, to build the shape's state from when it is new."""
        k = self.shapes.get(parts)
        if k is None:
            k = self.shapes[parts] = len(self.shape_list)
            self.shape_list.append(self.canon.state(state, parts, score=0))
        return k

    def _moves(self, k: int, s: int, i: int) -> list:
        """The open choices of state i (shape k, score s), each with its list of traces."""
        seen = self.seen_views.setdefault(k, [])
        for tape, moves in seen:
            if _admits(tape, s):
                break
        else:
            tape = Tape(s)
            try:
                views = choices(self._at(k, Sym(tape)))
            except TypeError:   # NotSymbolic, or the score used as a plain int
                views, tape = choices(self.reach.states[i]), None
            self.reach._showed(i, views)
            moves = [((v.id, v.number), self.seen_moves.setdefault((k, v.id), []))
                     for v in views if v.available]
            if tape is not None:
                tape.seal()
                seen.append((tape, moves))
        if not moves:
            self.reach.stuck.append(i)
        return moves

    def _results_for(self, k: int, s: int, i: int, choice_id: str, traces: list) -> list:
        """Where the choice leads from state i (shape k, score s): a trace that stands for
        s, or a new one."""
        for tape, results in traces:
            if _admits(tape, s):
                return results
        tape = Tape(s)
        try:
            results = self._results(self._at(k, Sym(tape)), choice_id)
        except TypeError:   # as in `_moves`: play it for this one score
            return self._results(self.reach.states[i], choice_id)
        tape.seal()
        traces.append((tape, results))
        return results

    def _results(self, state: State, choice_id: str) -> list:
        """Where a choice leads, as (kind, base, function): the key of the state it leads
        to is `base + s` (an offset on the score s), `base` (a fixed score),
        `base + s + pull(s)` (the network's pull, one function) or `base + function(s)`."""
        results = []
        for step in outcomes(state, choice_id):
            nxt = step.state
            self.reach._saw(nxt)
            base = self._shape(nxt, _pinned(self.canon.parts(nxt))) * self.stride - self.low
            score = nxt.score
            if type(score) is int:
                result = (_FIXED, base + score, None)
            elif isinstance(score, Sym) and score.k == 1 and score.u == 0:
                result = (_OFFSET, base + score.c, None)
            elif isinstance(score, Sym) and score.k == 1 and score.u == 1:   # s + pull + c
                result = (_PULLED, base + score.c, score.pull.f)
            else:
                result = (_FUNCTION, base, function_of(score))
            if result not in results:
                results.append(result)
        return results


def _admits(tape: Tape, s: int) -> bool:
    return tape.lo <= s <= tape.hi and (tape.plain or tape.admits(s))


def _key_of(result: tuple, s: int) -> int:
    kind, base, function = result
    if kind is _OFFSET:
        return base + s
    if kind is _PULLED:
        return base + s + function(s)
    if kind is _FIXED:
        return base
    return base + function(s)


# how a result's score is got: s + offset, a fixed score, s + the pull + offset, or other
_OFFSET, _FIXED, _PULLED, _FUNCTION = "offset", "fixed", "pulled", "function"
# the order of `Canon.parts`
PARTS = ("scene", "ending", "blacklisted", "tier", "open_services", "money", "flags",
         "counters", "contacts", "visited", "pending", "history")
_MONEY, _COUNTERS, _CONTACTS, _PENDING = (
    PARTS.index(name) for name in ("money", "counters", "contacts", "pending"))


def _pinned(parts: tuple) -> tuple:
    """Canonical parts with every value but the score plain (deltas pinned on their tape);
    raises NotSymbolic if an unknown is left where the search does not expect one."""
    if type(parts[_MONEY]) is not int:
        raise NotSymbolic("an unknown score reached the money")
    for _, value in parts[_COUNTERS]:
        if type(value) is not int:
            raise NotSymbolic("an unknown score reached a counter")
    for contact in parts[_CONTACTS]:
        if type(contact.score) is not int:
            raise NotSymbolic("an unknown score reached a contact")
    pending, history = parts[_PENDING], parts[_PENDING + 1]
    for _, delta in pending:
        if type(delta) is not int:
            break
    else:
        for delta in history:
            if type(delta) is not int:
                break
        else:
            return parts
    return (*parts[:_PENDING], tuple([(due, pin(d)) for due, d in pending]),
            tuple([pin(d) for d in history]))


def _one_outcome(state: State, choice_id: str) -> list[Step]:
    return [choose(state, choice_id)]


def explore_all(level: Level, limit: int = MAX_STATES) -> list[Reach]:
    """`explore` for every persona x ruleset, in the level's order."""
    facts = LevelFacts.of(level)
    return [explore(level, p, r, facts, limit) for p in level.personas for r in level.rulesets]


__all__ = ["Canon", "Reach", "explore", "explore_all", "MAX_STATES"]
