"""The campaign's finale: the player's whole record, brought together after the last chapter.

Each chapter's systems kept their own piece of the player; only the finale lays them side by
side. Computed from the finished states of the chapters played (in play order), as the
debrief is from one: nothing here is drawn, and the words are in `strings`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from . import strings as s
from .debrief import ReportRow, transparency_report
from .state import State

#: How many things the player did the finale names.
DEEDS = 3


@dataclass(frozen=True)
class Deed:
    """One thing the player did, and who really saw it."""
    chapter: str
    scene: str
    choice: str
    seen_by: tuple[str, ...]
    delta: int
    order: tuple[int, int]   # (chapter in play order, step): where it sits in the record
    scored: bool = True      # False in an unscored scene (Day Zero): nothing was counting


@dataclass(frozen=True)
class Knew:
    """What one system in one chapter recorded: how many of your choices, and how many of
    those happened with no watcher shown on screen."""
    system: str
    times: int
    unshown: int


@dataclass(frozen=True)
class Finale:
    chapters: tuple[str, ...]
    knew: tuple[tuple[Knew, ...], ...]   # per chapter, in play order
    shown_but_off: int   # choices made under a shown watcher that no sensor recorded
    deeds: tuple[Deed, ...]
    rated: tuple[int, ...] = ()   # per chapter: how many of your choices people rated
    listed: tuple[str, ...] = ()  # per chapter: the list you ended it on, or "" if none


def campaign_finale(states: Sequence[State]) -> Finale | None:
    """The finale of these finished chapters (one state per chapter, in play order), or None
    when fewer than two chapters were played: one chapter has its own debrief."""
    if len(states) < 2:
        return None
    knew: list[tuple[Knew, ...]] = []
    deeds: list[Deed] = []
    rated: list[int] = []
    listed: list[str] = []
    off = 0
    for index, state in enumerate(states):
        title = state.played.title
        rows = transparency_report(state)
        knew.append(_systems(rows))
        rated.append(sum(1 for r in rows if any(c.cause == "rating" for c in r.changes)))
        listed.append(_listed_on(state))
        off += sum(1 for r in rows if r.watchers_shown and not r.seen_by)
        deeds += [Deed(title, r.scene_title, r.choice_text, r.seen_by, _own(r), (index, r.step),
                       r.scored) for r in rows]
    return Finale(tuple(st.played.title for st in states), tuple(knew), off, _three(deeds),
                  tuple(rated), tuple(listed))


def _listed_on(state: State) -> str:
    """The name of the list a finished chapter left the player on, or "" if none."""
    blacklist = state.played.blacklist
    return blacklist.name if state.blacklisted and blacklist is not None else ""


def _own(row: ReportRow) -> int:
    """What the choice itself cost: its behaviour (now or counted later), the ratings and the
    appeal it caused; not the contacts' pull, nor an earlier choice's change landing now."""
    return row.later + sum(c.delta for c in row.changes if c.cause in OWN_CAUSES)


OWN_CAUSES = ("behaviour", "rating", "appeal")


def _systems(rows: list[ReportRow]) -> tuple[Knew, ...]:
    counts: dict[str, list[int]] = {}
    for row in rows:
        for system in row.seen_by:
            seen = counts.setdefault(system, [0, 0])
            seen[0] += 1
            seen[1] += 0 if row.watchers_shown else 1
    return tuple(Knew(system, times, unshown) for system, (times, unshown) in counts.items())


def _three(deeds: list[Deed]) -> tuple[Deed, ...]:
    """Three choices, from as many chapters as possible: in each chapter the one that moved the
    score most (seen ones first, earliest on a tie); told in the order they were made."""
    ranked = sorted(deeds, key=lambda d: (-abs(d.delta), not d.seen_by, d.order))
    picked: list[Deed] = []
    for deed in ranked:   # one per chapter first, then the next biggest anywhere
        if len(picked) < DEEDS and all(p.chapter != deed.chapter for p in picked):
            picked.append(deed)
    picked += [d for d in ranked if d not in picked][:DEEDS - len(picked)]
    return tuple(sorted(picked, key=lambda d: d.order))


def finale_lines(finale: Finale) -> list[str]:
    """The finale as paragraphs of plain text, for every front end to show as it shows text:
    what each system knew, three things the player did, and the last question."""
    lines = [s.FINALE_INTRO.format(count=len(finale.chapters)), ""]
    rated = finale.rated or (0,) * len(finale.chapters)
    listed = finale.listed or ("",) * len(finale.chapters)
    for chapter, knew, people, on_list in zip(finale.chapters, finale.knew, rated, listed):
        systems = [s.FINALE_SYSTEM.format(system=k.system, times=_times(k.times),
                                          unshown=_unshown(k)) for k in knew]
        if people:   # a person's stars are not a sensor, but they were kept all the same
            systems.append(s.FINALE_RATED.format(times=_times(people)))
        line = s.FINALE_KNEW.format(chapter=_titled(chapter, ":"),
                                    systems="; ".join(systems) or s.FINALE_NOBODY)
        lines.append(f"{line} {s.FINALE_LISTED.format(name=on_list)}" if on_list else line)
    if finale.shown_but_off:
        lines.append(s.FINALE_SHOWN_OFF.format(n=_times(finale.shown_but_off)))
    lines += ["", s.FINALE_DEEDS]
    for d in finale.deeds:
        lines.append(s.FINALE_DEED.format(chapter=_titled(d.chapter, ","), scene=d.scene,
                                          choice=_sentence(d.choice), what=_what(d)))
    return lines + ["", s.FINALE_QUESTION]


def _what(d: Deed) -> str:
    """Who saw a deed and what it cost, in one sentence."""
    if not d.scored:
        return s.FINALE_UNSCORED
    if not d.seen_by and d.delta:   # a person's rating, or a rule that counts unseen
        return s.FINALE_UNSEEN_MOVED.format(delta=_delta(d.delta))
    seen = ", ".join(d.seen_by) if d.seen_by else s.FINALE_NO_ONE
    return s.FINALE_SEEN.format(seen=seen, delta=_delta(d.delta))


def _titled(title: str, mark: str) -> str:
    """A chapter's title with the colon or comma that follows it, unless it ends in its own
    mark (`Could It Happen Here?`)."""
    return title if title.endswith(("?", "!")) else title + mark


def _sentence(text: str) -> str:
    """A choice's words as a sentence: a full stop added unless they end one already
    (`Drive him now. The bill will be late.`, `Write: "Who do we call?"`)."""
    return text if text.rstrip('"\u201d\'').endswith((".", "?", "!", "\u2026")) else text + "."


def _unshown(k: Knew) -> str:
    if not k.unshown:
        return ""
    if k.unshown == k.times:
        return s.FINALE_NEVER_SHOWN
    return s.FINALE_UNSHOWN.format(n=k.unshown)


def _times(n: int) -> str:
    return {1: s.FINALE_ONCE, 2: s.FINALE_TWICE}.get(n) or s.FINALE_TIMES.format(n=n)


def _delta(n: int) -> str:
    """+20, −30 (the minus sign the score card uses), or "no change"."""
    return s.FINALE_NO_CHANGE if n == 0 else f"{n:+d}".replace("-", s.MINUS)
