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
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..core import choices, choose, new_game
from ..core.effects import APPEALABLE
from ..core.engine import ChoiceView, Step
from ..core.model import Level
from ..core.state import Pending, ScorePoint, State
from .gcpause import no_gc_pauses
from .levelwalk import LevelFacts
from .liveness import Reads, by_kind
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
    states: Sequence[State] = field(default_factory=list)
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

    def column(self, name: str) -> list:
        """One field of every state, in order, without building the states."""
        column = getattr(self.states, "column", None)
        if column is not None:
            return column(name)
        return [getattr(state, name) for state in self.states]

    def values(self, name: str) -> set:
        """The values one field takes in some state (a field other than the score)."""
        values = getattr(self.states, "values", None)
        if values is not None:
            return values(name)
        return {getattr(state, name) for state in self.states}

    def path_to(self, index: int) -> list[Move]:
        """The choices (id, number shown) of a shortest path from the start to `index`."""
        path = []
        while self.parent[index] >= 0:
            path.append(self.via[index])
            index = self.parent[index]
        return path[::-1]

    def _start(self) -> None:
        """The start's own record (the search stores the start state its own way)."""
        self.parent.append(-1)
        self.via.append(None)
        self.lucky.append(False)
        self.depth.append(0)

    def _saw(self, state: State) -> None:
        if state.flags:
            self.flags_seen.update(state.flags)
        if state.counters:
            self.counters_seen.update(name for name, _ in state.counters)

    def _views(self, i: int, views: list[ChoiceView]) -> None:
        self._showed(self.states[i].scene, views)
        if not any(v.available for v in views):
            self.stuck.append(i)

    def _showed(self, scene: str, views: list[ChoiceView]) -> None:
        self.shown.update((scene, v.id) for v in views)
        self.opened.update((scene, v.id) for v in views if v.available)


def explore(level: Level, persona: str, ruleset: str, facts: LevelFacts | None = None,
            limit: int = MAX_STATES, seed: int | None = None,
            until_every_ending: bool = False, symbolic: bool = True) -> Reach:
    """Breadth-first over every choice, merging states with the same future.

    With `seed=None` every fall of the dice is a branch (what *can* happen); with a seed the
    search follows that seed's luck, as `play --seed` would (for transcripts). With
    `until_every_ending` it stops as soon as every ending has been reached (the shortest ways
    to them are known by then, but not the rest). With `symbolic` (the default, for
    `seed=None`), a choice is played once for every score that plays it the same way
    (`symbolic.py`); `symbolic=False` plays it for each score, which tests compare with."""
    facts = facts or LevelFacts.of(level)
    canon = Canon(facts, keep_luck=seed is not None)
    reach = Reach(persona, ruleset)
    with no_gc_pauses():
        first = new_game(level, persona, ruleset, seed=seed or 0)
        reach._saw(first)
        start = canon(first)
        if seed is None and symbolic and not until_every_ending:
            _Scores(reach, canon, limit, level, facts).run(start)
            return reach
        search = _States(reach, canon, limit, seed)
        search.begin(start)
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
                i += 1
                continue
            views = search.views(i)
            reach._views(i, views)
            for view in views:
                if view.available:
                    search.expand(i, (view.id, view.number))
            i += 1
        # the states not expanded (where the search stopped early) have no moves
        reach.first_edge += [len(reach.edges)] * (len(reach.states) + 1 - len(reach.first_edge))
    return reach


class _States:
    """The search with every state played on its own."""

    def __init__(self, reach: Reach, canon: Canon, limit: int, seed: int | None) -> None:
        self.reach, self.canon, self.limit = reach, canon, limit
        self.play = outcomes if seed is None else _one_outcome
        self.index: dict[State, int] = {}

    def begin(self, start: State) -> None:
        self.index[start] = 0
        self.reach.states.append(start)
        self.reach._start()

    def views(self, i: int) -> list[ChoiceView]:
        return choices(self.reach.states[i])

    def expand(self, i: int, move: Move) -> None:
        reach = self.reach
        nexts: list[State] = []
        for step in self.play(reach.states[i], move[0]):
            reach._saw(step.state)
            nxt = self.canon(step.state)
            if nxt not in nexts:
                nexts.append(nxt)
        _link(reach, self.index, i, move, nexts, self.limit)


def _link(reach: Reach, index: dict, i: int, move: Move, nexts, limit: int,
          keep=None) -> None:
    """Record the moves from state `i` to each of `nexts` (keys of `index`), adding the new
    ones: `keep(key)` stores a new state the search's own way (by default the key is the
    state itself, kept in `reach.states`)."""
    parent, lucky, depth = reach.parent, reach.lucky, reach.depth
    moved_lucky = lucky[i] or len(nexts) > 1   # where it leads depends on the dice
    next_depth = depth[i] + 1
    for nxt in nexts:
        j = index.get(nxt)
        if j is None:
            j = len(parent)
            if j >= limit:
                reach.complete = False
                continue
            index[nxt] = j
            reach.states.append(nxt) if keep is None else keep(nxt)
            parent.append(i)
            reach.via.append(move)
            lucky.append(moved_lucky)
            depth.append(next_depth)
        elif lucky[j] and not moved_lucky and depth[j] == next_depth:
            parent[j], reach.via[j], lucky[j] = i, move, False   # as short, surer
        reach.edges.append((i, j, move[0]))


class _Scores:
    """The search with the score as an unknown (`symbolic.py`).

    A state is a *shape* (the canonical state with its score set to 0) and a score. What a
    shape's choices show, and where a choice leads, is worked out once for every range of
    scores that plays the same way, and kept with the tape that says which scores those are.
    States are kept as two numbers each (`Reach.states` builds one when asked), and a state's
    key in the index is one int: shape * stride + score."""

    def __init__(self, reach: Reach, canon: Canon, limit: int, level: Level,
                 facts: LevelFacts) -> None:
        self.reach, self.canon, self.limit = reach, canon, limit
        self.low, self.high = level.score.min, level.score.max
        self.stride = self.high - self.low + 1
        self.shapes: dict[tuple, int] = {}
        self.shape_list: list[State] = []
        self.shape_of: list[int] = []      # per state: its shape
        self.score_of: list[int] = []      # per state: its score
        self.index: dict[int, int] = {}    # key -> state
        # What a choice shows and does is kept per *run key*: the shape, or where nothing
        # reads which services are open, the shape without its tier and services (the
        # engine works those out again from the score after every change, so a run never
        # depends on the ones it starts with there: `LevelFacts.service_blind`).
        self.blind = facts.service_blind
        self.run_keys: dict[tuple, int] = {}
        self.run_key_of: list[int] = []   # per shape (-1 at an ending)
        self.parts_of: list[tuple] = []   # per shape: its canonical parts
        # per run key: [(tape, [(move, that move's traces)], stuck)]
        self.seen_views: dict[int, list] = {}
        # What a choice does is shared further: a choice reads and changes only some flags,
        # counters, visited scenes, and maybe the money and contacts (`liveness.touches`);
        # the engine carries the rest through unread. So run keys that differ only there
        # share their traces, and a trace's results are carried over to each of them
        # (`_carry`) rather than played again.
        self.touches = facts.touches
        # per run key and choice: the traces of every run key that plays it alike, each a
        # `_Trace`
        self.seen_moves: dict[tuple[int, str], list] = {}
        self.alike: dict[tuple, list] = {}   # run keys' shared traces, by what is touched
        # The same for what a scene's choices show, which reads less still (`liveness.shows`):
        # per run key, and by what is read, [(tape, views)]
        self.shows = facts.shows
        self.views_of_run: dict[int, list] = {}
        self.views_alike: dict[tuple, list] = {}

    def _shape(self, state: State, parts: tuple) -> int:
        """The number of the shape whose canonical parts (`Canon.parts`) these are; `state`
        is the state they came from, to build the shape's state from when it is new."""
        k = self.shapes.get(parts)
        if k is None:
            k = self.shapes[parts] = len(self.shape_list)
            self.shape_list.append(self.canon.state(state, parts, score=0))
            self.parts_of.append(parts)
            if parts[1] is not None:   # an ending: nothing is played from there
                run = -1
            else:
                run = self.run_keys.setdefault(self._as_run(parts), len(self.run_keys))
            self.run_key_of.append(run)
        return k

    def _unknown(self, k: int, s: int) -> tuple[Tape, State]:
        tape = Tape(s)
        score = Sym(tape)
        return tape, self.shape_list[k].replace(score=score, shown_score=score)

    def _state(self, i: int) -> State:
        s = self.score_of[i]
        return self.shape_list[self.shape_of[i]].replace(score=s, shown_score=s)

    def run(self, start: State) -> None:
        reach, shape_of, score_of, index = self.reach, self.shape_of, self.score_of, self.index
        limit, seen_views, run_key_of = self.limit, self.seen_views, self.run_key_of
        keep, link = self._keep, _link
        first = self._key(self._shape(start, self.canon.parts(start)), start.score)
        index[first] = 0
        keep(first)
        reach._start()
        first_edge, edges = reach.first_edge, reach.edges
        i = 0
        while i < len(shape_of):
            first_edge.append(len(edges))
            k = shape_of[i]
            run = run_key_of[k]
            if run < 0:   # an ending
                i += 1
                continue
            s = score_of[i]
            for tape, moves, stuck in seen_views.get(run, ()):   # seen before
                if tape.lo <= s <= tape.hi and (tape.plain or tape.admits(s)):
                    if stuck:
                        reach.stuck.append(i)
                    break
            else:
                moves = self._moves(k, s, i)
            for move, traces in moves:
                for trace in traces:
                    tape = trace.tape
                    if tape.lo <= s <= tape.hi and (tape.plain or tape.admits(s)):
                        got = trace.done.get(run)
                        results, shift = got if got is not None else self._carry(trace, k)
                        break
                else:
                    results, shift = self._new_results(k, s, i, move[0], traces)
                if shift is not None:   # the common case: one result, at s + an offset
                    keys = (shift + s,)
                elif len(results) == 1:
                    keys = (_key_of(results[0], s),)
                else:
                    keys = tuple(dict.fromkeys(_key_of(r, s) for r in results))
                link(reach, index, i, move, keys, limit, keep)
            i += 1
        first_edge.append(len(edges))
        reach.states = _PairStates(self.shape_list, shape_of, score_of)

    def _key(self, k: int, s: int) -> int:
        return k * self.stride + s - self.low

    def _keep(self, key: int) -> None:
        """Store a new state: its shape and score, from its key."""
        k, s = divmod(key, self.stride)
        self.shape_of.append(k)
        self.score_of.append(s + self.low)

    def _moves(self, k: int, s: int, i: int) -> list:
        """The open choices of state i (shape k, score s), each with its list of traces,
        where no choices seen before stand for this score (`run` looks there first)."""
        run = self.run_key_of[k]
        alike = self._views_alike(k)
        for tape, views in alike:   # worked out for a run key that reads the same
            if tape.lo <= s <= tape.hi and (tape.plain or tape.admits(s)):
                break
        else:
            tape, state = self._unknown(k, s)
            try:
                views = choices(state)
            except TypeError:   # NotSymbolic, or the score used as a plain int
                views, tape = choices(self._state(i)), None
            self.reach._showed(self.shape_list[k].scene, views)
            if tape is not None:
                tape.seal()
                alike.append((tape, views))
        moves = [((v.id, v.number), self._traces(k, v.id)) for v in views if v.available]
        if tape is not None:
            self.seen_views.setdefault(run, []).append((tape, moves, not moves))
        if not moves:
            self.reach.stuck.append(i)
        return moves

    def _as_run(self, parts: tuple) -> tuple:
        """A shape's parts as a run reads them: without its tier and open services (None)
        where its scene tests no service."""
        if parts[0] in self.blind:
            return (*parts[:_TIER], None, None, *parts[_TIER + 2:])
        return parts

    def _views_alike(self, k: int) -> list:
        """The views worked out for shape k's run key, shared with every run key that agrees
        on what the scene's choices read."""
        run = self.run_key_of[k]
        alike = self.views_of_run.get(run)
        if alike is None:
            parts = self._as_run(self.parts_of[k])
            key = (*parts[:_MONEY], *_touched(parts, self.shows[parts[0]]))
            alike = self.views_of_run[run] = self.views_alike.setdefault(key, [])
        return alike

    def _new_results(self, k: int, s: int, i: int, choice_id: str, traces: list) -> tuple:
        """Where the choice leads from state i (shape k, score s), and the key's offset from
        s where that is all of it (else None); kept as a trace for the scores it stands for."""
        tape, state = self._unknown(k, s)
        made: list = []
        try:
            results = self._results(state, choice_id, made)
        except TypeError:   # as in `_moves`: play it for this one score
            return self._results(self._state(i), choice_id), None
        tape.seal()
        trace = _Trace(tape, self.touches[self.parts_of[k][0], choice_id], made)
        traces.append(trace)
        done = trace.done[self.run_key_of[k]] = (results, _shift(results))
        return done

    def _traces(self, k: int, choice_id: str) -> list:
        """The traces of a choice from shape k, shared by every run key that agrees with
        k's on everything the choice touches."""
        run = self.run_key_of[k]
        traces = self.seen_moves.get((run, choice_id))
        if traces is None:
            parts = self._as_run(self.parts_of[k])
            touch = self.touches[parts[0], choice_id]
            alike = (choice_id, *parts[:_MONEY], *_touched(parts, touch), *parts[_PENDING:])
            traces = self.seen_moves[run, choice_id] = self.alike.setdefault(alike, [])
        return traces

    def _carry(self, trace: _Trace, k: int) -> tuple:
        """A trace's results for shape k's run key: each state it led to, with what the
        choice does not touch taken from shape k instead (the engine would have carried
        that through unread), and dropped where it is dead, as `Canon` would."""
        touch, parts_of, live, dead = trace.touch, self.parts_of, self.canon.live, self.canon._dead
        money, flags, counters, contacts, visited = _carried(parts_of[k], touch)
        some_flags, some_counters, some_visited, all_money, all_contacts = touch
        results = []
        for (kind, base, fn), was in trace.made:
            old = parts_of[was]
            flags_live, counters_live, visited_live, money_live, contacts_live = \
                live.get(old[0], dead)
            new = (*old[:_MONEY],
                   old[_MONEY] if all_money else money if money_live else 0,
                   _merged(old[_FLAGS], some_flags, flags, flags_live),
                   _merged(old[_COUNTERS], some_counters, counters, counters_live),
                   old[_CONTACTS] if all_contacts else contacts if contacts_live else (),
                   _merged(old[_VISITED], some_visited, visited, visited_live),
                   *old[_PENDING:])
            now = self._shape(self.shape_list[was], new)
            result = (kind, base + (now - was) * self.stride, fn)
            if result not in results:
                results.append(result)
        done = trace.done[self.run_key_of[k]] = (results, _shift(results))
        return done

    def _results(self, state: State, choice_id: str, made: list | None = None) -> list:
        """Where a choice leads, as (kind, base, function): the key of the state it leads
        to is `base + s` (an offset on the score s), `base` (a fixed score),
        `base + s + pull(s)` (the network's pull, one function) or `base + function(s)`.
        `made` collects each result with its shape, for `_carry`."""
        results = []
        for step in outcomes(state, choice_id):
            nxt = step.state
            self.reach._saw(nxt)
            shape = self._shape(nxt, _pinned(self.canon.parts(nxt)))
            base = shape * self.stride - self.low
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
                if made is not None:
                    made.append((result, shape))
        return results


def _key_of(result: tuple, s: int) -> int:
    kind, base, function = result
    if kind is _OFFSET:
        return base + s
    if kind is _PULLED:
        return base + s + function(s)
    if kind is _FIXED:
        return base
    return base + function(s)


class _PairStates(Sequence):
    """The states of a symbolic search, built when asked from their shape and score."""

    def __init__(self, shapes: list[State], shape_of: list[int], score_of: list[int]) -> None:
        self.shapes, self.shape_of, self.score_of = shapes, shape_of, score_of

    def __len__(self) -> int:
        return len(self.shape_of)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        s = self.score_of[i]
        return self.shapes[self.shape_of[i]].replace(score=s, shown_score=s)

    def column(self, name: str) -> list:
        if name in ("score", "shown_score"):
            return list(self.score_of)
        values = [getattr(shape, name) for shape in self.shapes]
        return list(map(values.__getitem__, self.shape_of))

    def values(self, name: str) -> set:
        return {getattr(self.shapes[k], name) for k in set(self.shape_of)}

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None


# how a result's score is got: s + offset, a fixed score, s + the pull + offset, or other
_OFFSET, _FIXED, _PULLED, _FUNCTION = "offset", "fixed", "pulled", "function"
# `Canon.parts`: the tier and the open services are worked out from the rest after every
# change, and a run key leaves them out where no service is tested
PARTS = ("scene", "ending", "blacklisted", "tier", "open_services", "money", "flags",
         "counters", "contacts", "visited", "pending", "history")
_TIER, _MONEY, _FLAGS, _COUNTERS, _CONTACTS, _VISITED, _PENDING = (
    PARTS.index(name) for name in ("tier", "money", "flags", "counters", "contacts",
                                   "visited", "pending"))


class _Trace:
    """One run of a choice: the tape (which scores it stands for), what the choice touches,
    the results per run key (results, shift: see `_shift`), and each result with its shape
    (to carry the results over to other run keys)."""
    __slots__ = ("tape", "touch", "done", "made")

    def __init__(self, tape: Tape, touch: Reads, made: list) -> None:
        self.tape, self.touch, self.made = tape, touch, made
        self.done: dict[int, tuple] = {}


def _shift(results: list) -> int | None:
    """The offset of the key from the score where a choice has one result at s + offset
    (the common case, which `run` adds without a call), else None."""
    kind, base, _ = results[0]
    return base if len(results) == 1 and kind is _OFFSET else None


def _touched(parts: tuple, touch: Reads) -> tuple:
    """Of canonical parts, the money, flags, counters, contacts and visited scenes a choice
    touches (None where it does not touch the money or the contacts)."""
    _, _, _, _, _, money, flags, counters, contacts, visited, _, _ = parts
    some_flags, some_counters, some_visited, all_money, all_contacts = touch
    return (money if all_money else None, _within(flags, some_flags),
            _within(counters, some_counters), contacts if all_contacts else None,
            _within(visited, some_visited))


def _carried(parts: tuple, touch: Reads) -> tuple:
    """The rest of them: what the choice carries through unread."""
    _, _, _, _, _, money, flags, counters, contacts, visited, _, _ = parts
    some_flags, some_counters, some_visited, _, _ = touch
    return (money, _within(flags, some_flags, False), _within(counters, some_counters, False),
            contacts, _within(visited, some_visited, False))


def _within(items: tuple, names: frozenset, inside: bool = True) -> tuple:
    """The items whose names are in `names` (or, `inside=False`, are not); items are names,
    or (name, value) pairs for counters."""
    if not items:
        return items
    if type(items[0]) is not str:
        return tuple([n for n in items if (n[0] in names) is inside])
    if names.issuperset(items):   # the common case: all of them
        return items if inside else ()
    return tuple([n for n in items if (n in names) is inside])


def _merged(own: tuple, touched: frozenset, carried: tuple, live: frozenset) -> tuple:
    """Sorted: the items of `own` that a choice touched, and the carried ones still live
    (items are names, or (name, value) pairs for counters)."""
    if not carried:
        return own if all(_name(n) in touched for n in own) else \
            tuple([n for n in own if _name(n) in touched])
    return tuple(sorted([n for n in own if _name(n) in touched]
                        + [n for n in carried if _name(n) in live]))


def _name(item) -> str:
    return item if type(item) is str else item[0]


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
