"""Fair measurement across a whole class: who gets which persona and order, and how sure the
class figures are.

**Assignment** (`assign`): the class is numbered 0, 1, 2, ... (the browser server keeps one
running counter; a kiosk counts from its seat, which the teacher gives with `--seat N`), and
student i gets cell i of a balanced design: persona i mod k, the chapter order such that
every run of 2k students has each persona with each order exactly once, and
(under `ruleset: both`) the ruleset order in blocks of two, so each chapter order meets each
ruleset order in every four. Any run of consecutive indices is therefore as balanced as it
can be: seats 1 to 30 give 15 of each order and 15 of each of two personas. A kiosk started
without a seat starts at a random cell (balanced only on average) and says so.

**Intervals** (`shift_interval`, `difference_interval`): the class figure is pooled over
answers, but the students are what was sampled, so the 95% interval comes from resampling
whole students with replacement (a percentile bootstrap, `ROUNDS` rounds) with a fixed seed,
so the same files always give the same report. Under `FEW_STUDENTS` students the report says
plainly that the figure says little. Two orders are said to differ only when the interval of
their difference leaves out zero.

Everything here is pure: plain data in, plain data out, no clock and no files.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

#: Rounds of resampling; enough for a stable 2.5th and 97.5th percentile.
ROUNDS = 2000
#: The resampling's seed: fixed, so a report is the same every time it is made.
SEED = 20_160_617
#: Under this many students compared both ways, the report warns that a figure says little.
FEW_STUDENTS = 10
#: The highest seat a kiosk may be given: its code's number is drawn from the seat (10-99).
MAX_SEAT = 45


# ---------------------------------------------------------------- assignment

@dataclass(frozen=True)
class Assignment:
    """Student `index`'s cell of the class's balanced design."""
    index: int
    persona: str | None          # None: no personas to give (the student chooses)
    scored_first: bool           # play the scored chapter before the unscored one
    rulesets_reversed: bool      # under `ruleset: both`, the rulesets in reverse order


def assign(index: int, personas: list[str] | tuple[str, ...] = ()) -> Assignment:
    """The persona and orders of the class's student number `index` (from 0).

    The server calls it with its running count of students who joined; a kiosk with its
    seat's start plus the turn on that computer (`kiosk_index`). Persona i mod k; chapter
    order ((i div k) + (i mod k)) mod 2, which gives each persona both orders within any 2k
    consecutive students; ruleset order (i div 2) mod 2."""
    i = max(0, int(index))
    k = max(1, len(personas))
    persona = personas[i % k] if personas else None
    return Assignment(i, persona, bool((i // k + i % k) % 2), bool((i // 2) % 2))


def kiosk_index(seat: int | None, turn: int, start: int = 0) -> int:
    """The class index of the `turn`-th student (from 0) on a kiosk: seat 1 starts at 0,
    seat 2 at 1, and so on, so that the first students of seats 1..N are the first N cells
    of the design. Without a seat, `start` (a random cell the kiosk drew) is used."""
    return (seat - 1 if seat else start) + turn


def code_number(seat: int, scored_first: bool) -> int:
    """The number at the end of a seat's session codes: two seats never share one (so two
    computers can never give the same code), and its parity still gives the order."""
    return 10 + 2 * (seat - 1) + (1 if scored_first else 0)


# ---------------------------------------------------------------- intervals

@dataclass(frozen=True)
class Interval:
    """A class figure (a percentage shift) with its 95% range from resampling students."""
    students: int
    value: float | None          # the pooled shift of the class, percent
    low: float | None            # None when it cannot be computed (no student, no candid)
    high: float | None

    @property
    def few(self) -> bool:
        """Too few students for the figure to say much about the class."""
        return self.students < FEW_STUDENTS


def counts_of(chilling: dict | None, kind: str | None = None) -> tuple[int, int] | None:
    """One student's (candid unscored, candid under the score) over the pairs answered both
    ways; with `kind`, only the answers of that kind of dilemma. None: no pair compared."""
    if not chilling:
        return None
    if kind is None:
        if not chilling.get("pairs"):
            return None
        return chilling["candid_unscored"], chilling["candid_scored"]
    both = [a for a in chilling.get("answers") or [] if a.get("kind") == kind
            and a.get("unscored") is not None and a.get("scored") is not None]
    if not both:
        return None
    return sum(bool(a["unscored"]) for a in both), sum(bool(a["scored"]) for a in both)


def pooled_shift(counts: list[tuple[int, int]]) -> float | None:
    before = sum(c[0] for c in counts)
    after = sum(c[1] for c in counts)
    return 100.0 * (after - before) / before if before else None


def _resampled(counts: list, rng: random.Random, rounds: int) -> list[float]:
    """The pooled shift of `rounds` classes drawn from these students with replacement (a
    draw with no candid answer unscored has no shift and is left out)."""
    n = len(counts)
    shifts = []
    for _ in range(rounds):
        value = pooled_shift([counts[rng.randrange(n)] for _ in range(n)])
        if value is not None:
            shifts.append(value)
    return shifts


def _percentiles(values: list[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    values = sorted(values)
    last = len(values) - 1
    return values[round(0.025 * last)], values[round(0.975 * last)]


def shift_interval(chillings: list[dict | None], kind: str | None = None,
                   rounds: int = ROUNDS, seed: int = SEED) -> Interval:
    """The class's pooled shift (all dilemmas, or one `kind`) with its 95% interval from
    resampling students; each item is one student's `session_chilling` dict."""
    counts = [c for c in (counts_of(ch, kind) for ch in chillings) if c is not None]
    if not counts:
        return Interval(0, None, None, None)
    low, high = _percentiles(_resampled(counts, random.Random(seed), rounds))
    return Interval(len(counts), pooled_shift(counts), low, high)


def difference_interval(first: list[dict | None], second: list[dict | None],
                        rounds: int = ROUNDS, seed: int = SEED
                        ) -> tuple[float | None, float | None]:
    """95% interval of (shift of `first`) - (shift of `second`), resampling the students of
    each group apart. The groups differ only if it leaves out zero (`differ`)."""
    a = [c for c in (counts_of(ch) for ch in first) if c is not None]
    b = [c for c in (counts_of(ch) for ch in second) if c is not None]
    if not a or not b:
        return None, None
    rng = random.Random(seed)
    gaps = []
    for _ in range(rounds):
        x = pooled_shift([a[rng.randrange(len(a))] for _ in a])
        y = pooled_shift([b[rng.randrange(len(b))] for _ in b])
        if x is not None and y is not None:
            gaps.append(x - y)
    return _percentiles(gaps)


def differ(gap: tuple[float | None, float | None]) -> bool:
    """Whether a difference interval leaves out zero (evidence of a real difference)."""
    low, high = gap
    return low is not None and high is not None and (low > 0 or high < 0)


def proportion_interval(pairs: list[tuple[bool, bool]], rounds: int = ROUNDS,
                        seed: int = SEED) -> Interval:
    """For a before/after question: the shift in the share answering right (percentage
    points, after minus before) with its 95% interval from resampling students; each item
    is one student's (right before, right after)."""
    if not pairs:
        return Interval(0, None, None, None)
    n = len(pairs)

    def shift(sample) -> float:
        return 100.0 * (sum(after for _, after in sample) - sum(b for b, _ in sample)) / n

    rng = random.Random(seed)
    draws = [shift([pairs[rng.randrange(n)] for _ in range(n)]) for _ in range(rounds)]
    low, high = _percentiles(draws)
    return Interval(n, shift(pairs), low, high)
