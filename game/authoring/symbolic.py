"""The score as an unknown: play a choice once for a whole range of scores.

Most situations the analyzer meets differ only in the score: the same scene, flags and
counters, at 912 or 918 points. The engine reads the score in few ways: it compares it with
thresholds, adds and subtracts, and rounds a pull toward the contacts' average. So the
analyzer plays a choice with a `Sym` in place of the score: a value `k * s + c` of an unknown
base score `s`, that knows the score `s0` of the situation at hand. Each comparison answers
as it would for `s0` and writes down, on a `Tape`, what it assumed (`s >= 950 - c`, say).
The network's pull, `round(pull * (average - s))`, becomes a second unknown `u` with its own
assumptions (`u != 0`, `s + u >= 950`), so one run stands for scores whose pulls differ
(each fall of the dice has its own); a rounding to some digits is pinned to its value. When the choice has been played, the
tape says exactly which base scores play it the same way, and the result is `s + offset`,
`s + pull(s) + offset`, or a fixed score where a limit clipped it. Any other score in that
set reuses the result without playing it again.

Whatever the engine does with a `Sym` that is not written down here (hash it, use it as an
index, turn it into an `int`) raises `NotSymbolic`, and the analyzer plays that choice for
the one score instead (`explore.py`). Text never decides anything in the engine, so a `Sym`
formats as `?` (it only reaches messages, which the analyzer drops).
"""
from __future__ import annotations

import math
import operator
from functools import partialmethod


class NotSymbolic(TypeError):
    """The engine used the score in a way the tape cannot write down."""


class Tape:
    """What a run assumed about the base score `s`: `lo <= s <= hi`, `s` not in `holes`,
    each `(f, value)` in `pins` still gives `value`, and each of `pulls` (a rounded pull
    kept as an unknown of its own: see `Pull`) stays within what was assumed of it."""
    __slots__ = ("s0", "lo", "hi", "holes", "pins", "pulls", "plain")

    def __init__(self, s0: int) -> None:
        self.s0 = s0
        self.lo = -math.inf
        self.hi = math.inf
        # empty until something is written down (most runs write none: a search makes tens
        # of thousands of tapes, and making and freeing empty sets and lists showed)
        self.holes: frozenset[int] | set[int] = _NONE
        self.pins: tuple = ()
        self.pulls: tuple[Pull, ...] = ()
        self.plain = False   # set by `seal`: only the range matters

    def seal(self) -> None:
        """The run is over: note whether the range alone decides `admits`."""
        self.plain = not self.holes and not self.pins and not self.pulls

    def admits(self, s: int) -> bool:
        """Whether a run for base score `s` would take the same way as this one."""
        if not (self.lo <= s <= self.hi):
            return False
        if self.holes and s in self.holes:
            return False
        for f, value in self.pins:
            if f(s) != value:
                return False
        for pull in self.pulls:
            u = pull.f(s)
            if not (pull.ulo <= u <= pull.uhi) or u in pull.uholes:
                return False
            if not (pull.lo <= s + u <= pull.hi) or s + u in pull.holes:
                return False
        return True

    def at_least(self, bound: int) -> None:
        if bound > self.lo:
            self.lo = bound

    def at_most(self, bound: int) -> None:
        if bound < self.hi:
            self.hi = bound


class Pull:
    """A whole-number rounding of a value made from the score (the network's pull,
    `round(pull * (average - s))`), kept as an unknown `u = f(s)` rather than pinned to its
    value, so one run stands for scores whose pulls differ. What the run assumed is kept as
    ranges of `u` and of `t = s + u` (the score after the pull). Each fall of the dice plays
    the choice again on the same tape, with a pull of its own."""
    __slots__ = ("f", "u0", "ulo", "uhi", "uholes", "lo", "hi", "holes")

    def __init__(self, f, s0: int) -> None:
        self.f, self.u0 = f, f(s0)
        self.ulo = self.lo = -math.inf   # lo, hi and holes are for t, as a Tape's are for s
        self.uhi = self.hi = math.inf
        self.uholes: set[int] = set()   # almost every pull gets one (`pull != 0`)
        self.holes: frozenset[int] | set[int] = _NONE


_NONE: frozenset[int] = frozenset()   # no holes (yet)


def _hole(target, name: str, value: int) -> None:
    """Add a hole to a tape's or a pull's set of them, making the set on the first one."""
    holes = getattr(target, name)
    if holes is _NONE:
        holes = set()
        setattr(target, name, holes)
    holes.add(value)


def _on_pull(u: int, pull: Pull, rest: int) -> bool:
    """`u * pull == rest`, answered for the tape's own score and written down on the pull's
    own range of u."""
    if rest % u:   # no whole u gives it: never equal, nothing to write down
        return False
    value = rest // u
    if pull.u0 == value:
        if value > pull.ulo:
            pull.ulo = value
        if value < pull.uhi:
            pull.uhi = value
        return True
    pull.uholes.add(value)
    return False


def _ceil_div(a: int, b: int) -> int:
    return -((-a) // b)


def _narrow(target, axis: str, k: int, rest: int, held: str) -> None:
    """Write down that `k * x <held> rest` for a value `x`: s on a Tape, or on a Pull, its
    s + u (axis "") or its u alone (axis "u"); as a range, or a hole where `!=` held."""
    if k < 0:   # divide by k, flipping the sign
        k, rest, held = -k, -rest, _FLIP[held]
    lo_name, hi_name = axis + "lo", axis + "hi"
    low, high = None, None
    if held == "eq":
        if rest % k:
            raise NotSymbolic("impossible equality held")
        low = high = rest // k
    elif held == "ne":
        if rest % k == 0:
            _hole(target, axis + "holes", rest // k)
    elif held == "ge":
        low = _ceil_div(rest, k)
    elif held == "gt":
        low = rest // k + 1
    elif held == "le":
        high = rest // k
    else:   # lt
        high = _ceil_div(rest, k) - 1
    if low is not None and low > getattr(target, lo_name):
        setattr(target, lo_name, low)
    if high is not None and high < getattr(target, hi_name):
        setattr(target, hi_name, high)


_OPS = {"lt": operator.lt, "le": operator.le, "gt": operator.gt, "ge": operator.ge,
        "eq": operator.eq, "ne": operator.ne}
_FLIP = {"lt": "gt", "le": "ge", "gt": "lt", "ge": "le", "eq": "eq", "ne": "ne"}
_NEGATE = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt", "eq": "ne", "ne": "eq"}


class Sym:
    """`k * s + u * pull + c` for the unknown base score `s` of a tape and, where `u` is
    not 0, one of its pulls (k and u are not both 0)."""
    __slots__ = ("tape", "k", "c", "u", "pull")

    def __init__(self, tape: Tape, k: int = 1, c: int = 0, u: int = 0,
                 pull: Pull | None = None) -> None:
        self.tape, self.k, self.c, self.u, self.pull = tape, k, c, u, pull

    @property
    def value(self) -> int:
        """Its value for the tape's own score."""
        value = self.k * self.tape.s0 + self.c
        return value + self.u * self.pull.u0 if self.u else value

    def _lin(self, other: Sym, k: int, c: int, u: int):
        pull = self.pull or other.pull
        if self.u and other.u and self.pull is not other.pull:
            raise NotSymbolic("two pulls combined")
        return c if k == 0 and u == 0 else Sym(self.tape, k, c, u, pull if u else None)

    # ---- arithmetic with ints stays exact; anything else becomes a function of s
    def __add__(self, other):
        if type(other) is int:
            return Sym(self.tape, self.k, self.c + other, self.u, self.pull)
        if isinstance(other, Sym) and other.tape is self.tape:
            return self._lin(other, self.k + other.k, self.c + other.c, self.u + other.u)
        return _Fn.of(self) + other

    __radd__ = __add__

    def __sub__(self, other):
        if type(other) is int:
            return Sym(self.tape, self.k, self.c - other, self.u, self.pull)
        if isinstance(other, Sym) and other.tape is self.tape:
            return self._lin(other, self.k - other.k, self.c - other.c, self.u - other.u)
        return _Fn.of(self) - other

    def __rsub__(self, other):
        if type(other) is int:
            return Sym(self.tape, -self.k, other - self.c, -self.u, self.pull)
        if type(other) is float and self.u == 0:
            # `average - s`, the first step of the network's pull: one function, not two
            k, c = self.k, self.c
            return _Fn(self.tape, lambda s: other - (k * s + c), (other, k, c))
        return other - _Fn.of(self)

    def __neg__(self):
        return Sym(self.tape, -self.k, -self.c, -self.u, self.pull)

    def __mul__(self, other):
        if type(other) is int:
            if other == 0:
                return 0
            return Sym(self.tape, self.k * other, self.c * other, self.u * other, self.pull)
        return _Fn.of(self) * other

    __rmul__ = __mul__

    def __truediv__(self, other):
        return _Fn.of(self) / other

    def __rtruediv__(self, other):
        return other / _Fn.of(self)

    # ---- comparisons answer for s0 and write down what they assumed
    def _compare(self, other, op: str) -> bool:
        if isinstance(other, Sym):
            if other.tape is not self.tape:
                raise NotSymbolic("two unknown scores compared")
            diff = self - other
            if type(diff) is int:
                return _OPS[op](diff, 0)
            return diff._compare(0, op)
        if type(other) is not int:
            return _Fn.of(self)._compare(other, op)
        answer = _OPS[op](self.value, other)
        held = op if answer else _NEGATE[op]
        # k*s + u*pull + c OP other, as a bound on s, on the pull, or on s + pull
        k, u = self.k, self.u
        if u == 0:
            target, axis = self.tape, ""
        elif k == 0:
            target, axis, k = self.pull, "u", u
        elif k == u:
            target, axis = self.pull, ""
        else:
            raise NotSymbolic("the score and the pull mixed in other proportions")
        _narrow(target, axis, k, other - self.c, held)
        return answer

    def __ge__(self, other):
        # the common cases, `s + c` or `s + u + c` against an int, without `_compare`
        if type(other) is int and self.k == 1 and (self.u == 0 or self.u == 1):
            # a bound on s (kept on the tape) or on s + pull (kept on the pull)
            bound, target = other - self.c, self.pull or self.tape
            value = self.tape.s0 + self.pull.u0 if self.u else self.tape.s0
            if value >= bound:
                if bound > target.lo:
                    target.lo = bound
                return True
            if bound - 1 < target.hi:
                target.hi = bound - 1
            return False
        return self._compare(other, "ge")

    def __lt__(self, other):   # the same assumption as `>=`, answered the other way
        return not self.__ge__(other)

    # `>` and `<=` against an int are `>=` one higher (the engine clamps every score with
    # max and min, so these run on every change: written out rather than partialmethods)
    def __gt__(self, other):
        if type(other) is int and self.k == 1:
            return self.__ge__(other + 1)
        return self._compare(other, "gt")

    def __le__(self, other):
        if type(other) is int and self.k == 1:
            return not self.__ge__(other + 1)
        return self._compare(other, "le")

    def __eq__(self, other):
        if type(other) is Sym and other.tape is self.tape:   # the same as their difference == 0
            if self.k == other.k and (self.pull is other.pull or not self.u or not other.u):
                # the common case (a score before and after a change): no Sym is made
                u, c = self.u - other.u, self.c - other.c
                if u == 0:
                    return c == 0
                return _on_pull(u, self.pull or other.pull, -c)
            self, other = self - other, 0
            if type(self) is int:
                return self == 0
        if type(other) is int and self.k == 0:   # `pull == 0`: a bound or a hole on u
            return _on_pull(self.u, self.pull, other - self.c)
        return self._equal(other, "eq")

    def __ne__(self, other):   # the same assumption as `==`, answered the other way
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def _equal(self, other, op: str):
        if not isinstance(other, (int, float, Sym, _Fn)) or isinstance(other, bool):
            return NotImplemented   # a Sym is equal to no text, tuple or None
        return self._compare(other, op)

    def __bool__(self):
        return self._compare(0, "ne")

    def __round__(self, ndigits=None):
        if ndigits is None:
            return self
        raise NotSymbolic("round with digits")

    def __hash__(self):
        raise NotSymbolic("the score was hashed")

    def __format__(self, spec: str) -> str:
        return "?"

    def __str__(self) -> str:
        return "?"

    def __repr__(self) -> str:
        return f"Sym({self.k}*s{self.u:+d}*pull{self.c:+d} @ {self.tape.s0})"


class _Fn:
    """A value computed from the base score by other than int arithmetic (a float pull):
    kept as a function `f` of `s`. A comparison is pinned: it answers for `s0` and the tape
    keeps the test, to run again on other scores."""
    __slots__ = ("tape", "f", "gap", "scaled")

    def __init__(self, tape: Tape, f, gap: tuple | None = None,
                 scaled: tuple | None = None) -> None:
        # the network's pull, written out so that its rounding is one flat function: `gap`
        # is (x, k, c) where f is `x - (k * s + c)` for a float x, `scaled` (p, x, k, c)
        # where f is `p * (x - (k * s + c))` (see `__rmul__` and `__round__`)
        self.tape, self.f, self.gap, self.scaled = tape, f, gap, scaled

    @staticmethod
    def of(sym: Sym) -> _Fn:
        k, c, u = sym.k, sym.c, sym.u
        if u:
            pull = sym.pull.f
            return _Fn(sym.tape, lambda s: k * s + u * pull(s) + c)
        return _Fn(sym.tape, lambda s: k * s + c)

    def pinned(self):
        """Its value for s0, written down as an assumption."""
        return self._pin(self.f)

    def _with(self, other, op, swap: bool = False):
        f = self.f
        if isinstance(other, (Sym, _Fn)):
            if other.tape is not self.tape:
                raise NotSymbolic("two unknown scores combined")
            g = (_Fn.of(other) if isinstance(other, Sym) else other).f
            return _Fn(self.tape, (lambda s: op(g(s), f(s))) if swap
                       else (lambda s: op(f(s), g(s))))
        if type(other) not in (int, float):
            return NotImplemented
        return _Fn(self.tape, (lambda s: op(other, f(s))) if swap else (lambda s: op(f(s), other)))

    __add__ = partialmethod(_with, op=operator.add)
    __radd__ = partialmethod(_with, op=operator.add, swap=True)
    __sub__ = partialmethod(_with, op=operator.sub)
    __rsub__ = partialmethod(_with, op=operator.sub, swap=True)
    __mul__ = partialmethod(_with, op=operator.mul)

    def __rmul__(self, other):
        if type(other) is float and self.gap is not None:
            # `pull * (average - s)`: one flat function, the same float operations
            x, k, c = self.gap
            return _Fn(self.tape, lambda s: other * (x - (k * s + c)), None, (other, x, k, c))
        return self._with(other, operator.mul, True)
    __truediv__ = partialmethod(_with, op=operator.truediv)
    __rtruediv__ = partialmethod(_with, op=operator.truediv, swap=True)

    def __neg__(self):
        f = self.f
        return _Fn(self.tape, lambda s: -f(s))

    def _pin(self, f):
        """The value of `f` for s0, written down as an assumption."""
        value = f(self.tape.s0)
        self.tape.pins += ((f, value),)
        return value

    def __round__(self, ndigits=None):
        # A whole-number rounding (the network's pull) becomes an unknown of its own, a
        # `Pull`: later comparisons narrow ranges of u and of s + u, so the run stands for
        # every score whatever its pull rounds to, and lands on s + u + c. A rounding to
        # some digits is pinned to its value.
        f, tape = self.f, self.tape
        if ndigits is None:
            if self.scaled is not None:   # the same operations as f, in one function
                p, x, k, c = self.scaled
                pull = Pull(lambda s: round(p * (x - (k * s + c))), tape.s0)
            else:
                pull = Pull(lambda s: round(f(s)), tape.s0)
            tape.pulls += (pull,)
            return Sym(tape, 0, 0, 1, pull)
        return self._pin(lambda s: round(f(s), ndigits))

    def _compare(self, other, op: str) -> bool:
        f, test = self.f, _OPS[op]
        if isinstance(other, (Sym, _Fn)):
            g = (_Fn.of(other) if isinstance(other, Sym) else other).f
            return self._pin(lambda s: test(f(s), g(s)))
        return self._pin(lambda s: test(f(s), other))

    __lt__ = partialmethod(_compare, op="lt")
    __le__ = partialmethod(_compare, op="le")
    __gt__ = partialmethod(_compare, op="gt")
    __ge__ = partialmethod(_compare, op="ge")
    __eq__ = partialmethod(_compare, op="eq")
    __ne__ = partialmethod(_compare, op="ne")

    def __bool__(self):
        return self._compare(0, "ne")

    def __hash__(self):
        raise NotSymbolic("a value made from the score was hashed")

    def __format__(self, spec: str) -> str:
        return "?"

    __str__ = __repr__ = lambda self: "?"


def function_of(value):
    """A `Sym` or a value made from one, as a function of the base score."""
    if isinstance(value, Sym):
        return _Fn.of(value).f
    if isinstance(value, _Fn):
        return value.f
    raise NotSymbolic(f"not a value made from the score: {value!r}")


def pin(value):
    """A value made from the score as a plain number for the tape's own score, written
    down as an assumption; anything else as it is."""
    if isinstance(value, Sym):
        return _Fn.of(value).pinned()
    if isinstance(value, _Fn):
        return value.pinned()
    return value


__all__ = ["NotSymbolic", "Sym", "Tape", "function_of", "pin"]
