"""What the debrief says of a contrast (`core.contrast`), in plain words every front end shows.

The window, the text mode, the kiosk and the printable debrief all draw these paragraphs,
so they cannot tell a player different things about the same game. The words themselves are
in core.strings.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import strings as s
from .contrast import Contrast, Outcome, Row, Side


@dataclass(frozen=True)
class ContrastWords:
    """A contrast as a heading and paragraphs: the intro, one paragraph per choice that
    counted differently, then what happened at the end (or where the stories parted)."""
    title: str
    intro: str
    rows: tuple[str, ...]
    summary: tuple[str, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return (self.intro, *self.rows, *self.summary)


def contrast_words(c: Contrast) -> ContrastWords:
    own, other = c.own.name, c.other.name
    if not c.reproduced:
        return ContrastWords(s.CONTRAST_TITLE, s.CONTRAST_NOT_REPLAYED.format(other=other),
                             (), ())
    rows = tuple(_row(r, own, other) for r in c.differing) or (s.CONTRAST_SAME,)
    return ContrastWords(s.CONTRAST_TITLE, s.CONTRAST_INTRO.format(own=own, other=other),
                         rows, _summary(c))


def _row(row: Row, own: str, other: str) -> str:
    what = row.behaviour or s.CONTRAST_CHOICE.format(text=row.choice_text)
    return s.CONTRAST_ROW.format(what=what, own=own, other=other,
                                 own_outcome=outcome_words(row.own),
                                 other_outcome=outcome_words(row.other))


def outcome_words(o: Outcome) -> str:
    """What one choice did under one ruleset: "it cost you 25 points, and then the school
    place closed to you"."""
    if o.kind == "points":
        n = abs(o.points)
        words = (s.CONTRAST_COST if o.points < 0 else s.CONTRAST_GAIN).format(
            n=n, points="point" if n == 1 else "points")
        if o.delay:
            words += s.CONTRAST_LATER.format(n=o.delay,
                                             choices="choice" if o.delay == 1 else "choices")
    else:
        words = {"zero": s.CONTRAST_ZERO, "missed": s.CONTRAST_MISSED,
                 "never": s.CONTRAST_NEVER, "quiet": s.CONTRAST_QUIET}.get(o.kind,
                                                                          s.CONTRAST_NONE)
    then = _then(o)
    if not then:
        return words
    if o.kind == "points" and not o.delay:   # the doors moved with this choice's points
        return words + s.CONTRAST_THEN.format(what=then)
    if o.others:                              # or with other changes to the score
        return words + s.CONTRAST_OTHERS_THEN.format(what=then)
    return words + s.CONTRAST_BUT_THEN.format(what=then)   # or with the choice itself


def outcome_sentence(o: Outcome) -> str:
    """`outcome_words` as a sentence of its own, for a table cell: "It cost you 25 points."."""
    words = outcome_words(o)
    return words[:1].upper() + words[1:] + "."


def _then(o: Outcome) -> str:
    """What happened right after a choice: "Flights closed to you and you were put on the
    Untrustworthy list" (empty when nothing did)."""
    what = []
    if o.closed:
        what.append(s.CONTRAST_CLOSED.format(doors=_listed(o.closed)))
    if o.opened:
        what.append(s.CONTRAST_OPENED.format(doors=_listed(o.opened)))
    if o.listed:
        what.append(s.CONTRAST_LISTED.format(name=o.listed))
    return _listed(tuple(what)) if what else ""


def _listed(names: tuple[str, ...]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + s.CONTRAST_AND + names[-1]


def _summary(c: Contrast) -> tuple[str, ...]:
    own, other = c.own.name, c.other.name
    parted = c.parted
    lines = []
    if parted is not None:
        lines.append(s.CONTRAST_PARTED[parted.kind].format(
            step=parted.step, other=other, choice=parted.choice_text, reason=parted.reason,
            own_end=c.own.ending, own=own, other_end=c.other.ending))
    to_the_end = parted is None or parted.kind == "ending"
    score = s.CONTRAST_FINAL if to_the_end else s.CONTRAST_SO_FAR
    lines.append(score.format(own_score=c.own.score, own=own, other_score=c.other.score,
                              other=other))
    when = s.CONTRAST_AT_END if to_the_end else s.CONTRAST_BY_THEN
    lines.extend(_side_words(side, when) for side in (c.own, c.other))
    return tuple(lines)


def _side_words(side: Side, when: tuple[str, str]) -> str:
    """Whether this side listed the player (and after which choice), and its closed doors."""
    listed = side.listed
    if listed is None:
        listing = s.CONTRAST_NEVER_LISTED.format(rules=side.name)
    elif listed.choice_text is None:
        listing = s.CONTRAST_LISTED_START.format(rules=side.name, name=listed.name)
    else:
        words = s.CONTRAST_LISTED_AFTER if listed.by_score else s.CONTRAST_LISTED_CAUSE
        listing = words.format(rules=side.name, name=listed.name, choice=listed.choice_text,
                               score=listed.score, below=listed.below)
    if listed is not None and not side.on_list:
        listing += s.CONTRAST_OFF_LIST.format(When=when[1])
    doors = tuple(name for name, _ in side.closed)
    closed = (s.CONTRAST_DOORS.format(doors=_listed(doors), when=when[0]) if doors
              else s.CONTRAST_NO_DOORS.format(when=when[0]))
    return f"{listing} {closed}"
