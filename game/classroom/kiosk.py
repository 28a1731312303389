"""Kiosk mode's rules, kept apart from the window so they can be tested without one.

- **Session codes** are made of words and a number ("amber-fox-42"): easy to read aloud,
  never a name. The number's parity says which chapter comes first when the class is
  counterbalanced, so the order is a pure function of the code (`scored_first`).
- **Assignment**: each student is a cell of the class's balanced design (`fairness.assign`),
  numbered across the class: from the seat the teacher gives a computer (`--seat N`), plus
  the turn on that computer. A computer without a seat starts at a random cell
  (`first_turn`), balanced only on average. With a seat, the code's number comes from the
  seat, so two computers never give the same code.
- **Timers**: idle and time-limit checks take the time as an argument (`Timers`); the window
  passes `time.monotonic()`, the tests pass numbers.
- **Exit keys**: `parse_exit_keys("ctrl+shift+q")` -> `ExitKeys`, refused if too easy.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from .fairness import assign, code_number

# ---------------------------------------------------------------- session codes

#: Colours and weather, then animals and things: no word is a common given name.
FIRST_WORDS = (
    "amber", "azure", "bronze", "cedar", "coral", "copper", "crimson", "dusty", "ember",
    "frosty", "golden", "granite", "hazel", "indigo", "ivory", "jade", "lemon", "lilac",
    "misty", "mossy", "navy", "ochre", "olive", "pearl", "plum", "rainy", "rusty", "sandy",
    "silver", "slate", "snowy", "stormy", "sunny", "teal", "velvet", "windy",
)
SECOND_WORDS = (
    "badger", "beaver", "bison", "comet", "crane", "cricket", "falcon", "ferret", "finch",
    "fox", "gecko", "heron", "ibis", "koala", "lark", "lemur", "lynx", "marten", "moose",
    "newt", "otter", "owl", "panda", "pebble", "puffin", "quail", "raven", "river", "robin",
    "salmon", "seal", "stoat", "swift", "tiger", "walrus", "wren",
)
CODE_NUMBERS = range(10, 100)


def make_code(rng: random.Random, scored_first: bool | None = None,
              seat: int | None = None) -> str:
    """A new session code like "amber-fox-42"; with `scored_first`, its number's parity is
    chosen so that `scored_first(code)` gives that answer; with a `seat`, the number is the
    seat's own (`fairness.code_number`), so no other computer of the class can draw it."""
    if seat is not None:
        number = code_number(seat, bool(scored_first))
        return f"{rng.choice(FIRST_WORDS)}-{rng.choice(SECOND_WORDS)}-{number}"
    number = rng.choice(CODE_NUMBERS)
    if scored_first is not None and (number % 2 == 1) != scored_first:
        number = number + 1 if number < 99 else number - 1
    return f"{rng.choice(FIRST_WORDS)}-{rng.choice(SECOND_WORDS)}-{number}"


def scored_first(code: str) -> bool:
    """For a counterbalanced class: True when this session plays the scored chapter first.
    An odd number at the end means scored first; a code without one is hashed."""
    tail = code.rsplit("-", 1)[-1]
    if tail.isdigit():
        return int(tail) % 2 == 1
    return hashlib.sha256(code.encode("utf-8")).digest()[0] % 2 == 1


def chapter_order(chapters: list, code: str, counterbalance: bool, is_scored) -> list:
    """The chapters in the order this session plays them. Counterbalanced: the scored one
    first for half the codes, the unscored one first for the other half."""
    chapters = list(chapters)
    if not counterbalance or len(chapters) != 2:
        return chapters
    unscored = [c for c in chapters if not is_scored(c)]
    scored = [c for c in chapters if is_scored(c)]
    if len(unscored) != 1 or len(scored) != 1:
        return chapters
    return scored + unscored if scored_first(code) else unscored + scored


def chapter_turns(chapters: list, code: str, counterbalance: bool, is_scored,
                  both: bool = False, n: int = 0) -> list[tuple]:
    """(chapter, ruleset id or None) in the order this session plays them. With `both`
    (`ruleset: both`), each scored chapter is played once under each of its rulesets in
    turn: in the file's order, or (counterbalanced) the other way round for half the
    class (`fairness.assign`, by the student's class index `n`). None: the ruleset the
    classroom file or the student gives."""
    turns = []
    for chapter in chapter_order(chapters, code, counterbalance, is_scored):
        if both and is_scored(chapter):
            rulesets = list(chapter.rulesets)
            if counterbalance and assign(n).rulesets_reversed:
                rulesets.reverse()
            turns += [(chapter, r) for r in rulesets]
        else:
            turns.append((chapter, None))
    return turns


def turn_title(chapter, ruleset: str | None) -> str:
    """A chapter's title, with the ruleset's name when the turn sets one."""
    from .strings import CHAPTER_UNDER
    if ruleset is None or ruleset not in chapter.rulesets:
        return chapter.title
    return CHAPTER_UNDER.format(title=chapter.title, rules=chapter.rulesets[ruleset].name)


# ---------------------------------------------------------------- assignment

def first_turn(rng: random.Random, personas: list[str]) -> int:
    """Where a computer without a seat begins in the class's design: a random cell, so that
    many such computers split about half and half by persona and by order on average
    (starting every computer at 0 gave every first student persona A, unscored first)."""
    return rng.randrange(4 * max(1, len(personas)))


@dataclass(frozen=True)
class StudentPlan:
    code: str
    persona: str | None      # None: the student chooses
    ruleset: str | None      # None: the chapter's first; "chosen": the student picks;
    #                          "both": each in turn
    seed: int
    scored_first: bool
    turn: int = 0            # the student's class index (`plan_student`'s n)


def plan_student(n: int, rng: random.Random, personas: list[str], persona_rule: str,
                 ruleset_rule: str | None, rulesets: list[str], fixed_seed: int | None,
                 taken=lambda code: False, seat: int | None = None) -> StudentPlan:
    """What the class's n-th student (from 0, `fairness.kiosk_index`) gets. `taken(code)`
    says whether a code is already used (its export file exists); another is drawn then."""
    cell = assign(n, personas)
    code = make_code(rng, cell.scored_first, seat)
    for _ in range(200):
        if not taken(code):
            break
        code = make_code(rng, cell.scored_first, seat)
    persona = None
    if len(personas) == 1:
        persona = personas[0]
    elif persona_rule == "random":
        persona = rng.choice(personas)
    elif persona_rule == "alternating":
        persona = cell.persona
    ruleset = ruleset_rule   # "both": the turns say (chapter_turns)
    if ruleset_rule == "random" and rulesets:
        ruleset = rng.choice(rulesets)
    seed = fixed_seed if fixed_seed is not None else rng.randrange(1, 2**31)
    return StudentPlan(code, persona, ruleset, seed, scored_first(code), n)


# ---------------------------------------------------------------- timers

STILL_THERE_SECONDS = 30


@dataclass
class Timers:
    """The lesson's clocks for one student; every method takes `now` (seconds)."""
    idle_seconds: float
    limit_seconds: float | None = None
    warning_seconds: float = 120.0
    started: float | None = None      # when play started (after the content note)
    last_input: float = 0.0
    warned: bool = False

    def touch(self, now: float) -> None:
        self.last_input = now

    def start(self, now: float) -> None:
        self.started = now
        self.last_input = now

    def idle(self, now: float) -> bool:
        """Time to ask 'Still playing?'."""
        return now - self.last_input >= self.idle_seconds

    def gone(self, now: float) -> bool:
        """Nobody answered 'Still playing?': end the session."""
        return now - self.last_input >= self.idle_seconds + STILL_THERE_SECONDS

    def warn(self, now: float) -> bool:
        """True once, when the warning before the time limit is due."""
        if self.limit_seconds is None or self.started is None or self.warned:
            return False
        if now - self.started >= self.limit_seconds - self.warning_seconds:
            self.warned = True
            return True
        return False

    def time_up(self, now: float) -> bool:
        return (self.limit_seconds is not None and self.started is not None and
                now - self.started >= self.limit_seconds)

    def elapsed(self, now: float) -> float:
        return 0.0 if self.started is None else now - self.started


# ---------------------------------------------------------------- exit keys

MODIFIERS = ("ctrl", "shift", "alt")
_ALIASES = {"control": "ctrl", "option": "alt"}


class ExitKeysError(ValueError):
    """Exit keys that are not valid or too easy to press."""


@dataclass(frozen=True)
class ExitKeys:
    modifiers: frozenset[str]
    key: str          # "a".."z", "0".."9" or "f1".."f12"

    def matches(self, pressed: set[str], key: str) -> bool:
        """Whether these modifiers (exactly) and this key name make the combination."""
        return key.lower() == self.key and set(pressed) == set(self.modifiers)

    def __str__(self) -> str:
        words = [m.capitalize() for m in MODIFIERS if m in self.modifiers]
        return "+".join(words + [self.key.upper()])


def _key_ok(key: str) -> bool:
    if len(key) == 1:
        return key.isascii() and key.isalnum()
    return key.startswith("f") and key[1:].isdigit() and 1 <= int(key[1:]) <= 12


def parse_exit_keys(text: str) -> ExitKeys:
    parts = [p.strip().lower() for p in str(text).replace(" ", "").split("+") if p.strip()]
    parts = [_ALIASES.get(p, p) for p in parts]
    mods = [p for p in parts if p in MODIFIERS]
    keys = [p for p in parts if p not in MODIFIERS]
    if len(keys) != 1 or not _key_ok(keys[0]):
        raise ExitKeysError(f"`{text}` needs exactly one letter, digit or F1-F12 key after "
                            "the modifiers")
    if len(set(mods)) < 2 or not ({"ctrl", "alt"} & set(mods)):
        raise ExitKeysError(f"`{text}` is too easy to press by accident: use two of ctrl, "
                            "shift and alt (ctrl or alt among them)")
    return ExitKeys(frozenset(mods), keys[0])
