"""The chilling effect, measured: one player's shift (from `game.core.debrief`) with its
pairs and the order they were played in, a class's pooled shift, and the published figures
they are shown beside.

Per player: of the baseline pairs answered both unscored (Day Zero) and under the score,
how many candid answers each time, and the percentage change (negative: fewer under the
score). For a class the counts are pooled (sum of candid answers scored vs unscored), which
weights each answer equally; the share of students who became more guarded, stayed the same,
or became more candid is given beside it, and, for a counterbalanced class, the shift for
each order (an order effect shows when the two differ).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import debrief as core_debrief


@dataclass(frozen=True)
class Published:
    """A published figure, with where it comes from."""
    key: str
    short: str          # "Penney 2016"
    figure: str         # "−20–30%"
    claim: str          # one sentence
    reference: str      # full reference
    url: str


PUBLISHED = (
    Published("penney2016", "Penney 2016", "−20–30%",
              "About 20–30% fewer views of privacy-sensitive Wikipedia articles after the "
              "June 2013 surveillance revelations.",
              "Penney, J. W. (2016). Chilling Effects: Online Surveillance and Wikipedia Use. "
              "Berkeley Technology Law Journal, 31(1), 117–182.",
              "https://doi.org/10.15779/Z38SS13"),
    Published("bateson2006", "Bateson et al. 2006", "×2.76",
              "People paid 2.76 times as much into an honesty box for drinks when a picture "
              "of eyes, rather than of flowers, hung above it.",
              "Bateson, M., Nettle, D. & Roberts, G. (2006). Cues of being watched enhance "
              "cooperation in a real-world setting. Biology Letters, 2(3), 412–414.",
              "https://doi.org/10.1098/rsbl.2006.0509"),
)


def order_of(state) -> str | None:
    """"unscored_first", "scored_first", or None when no pair was answered both ways."""
    if not state.baselines:
        return None
    kinds = {a.scored for a in state.baselines}
    if kinds != {True, False}:
        return None
    return "scored_first" if state.baselines[0].scored else "unscored_first"


def pair_answers(state) -> list[dict]:
    """Each baseline pair of the level: its question and the first answer each way (None
    when that half was not played). Answers to another story's dilemmas are left out, as
    `chilling_effect` leaves them out of the count."""
    first: dict[tuple[str, bool], bool] = {}
    for a in state.baselines:
        first.setdefault((a.pair, a.scored), a.candid)
    pairs = state.level.baselines
    ids = list(pairs) or sorted({p for p, _ in first})   # as the count: this level's only
    out = []
    for pid in ids:
        if (pid, False) not in first and (pid, True) not in first:
            continue
        pair = pairs.get(pid)
        out.append({"pair": pid, "question": pair.question if pair else pid,
                    "candid_means": pair.candid if pair else "spoke up",
                    "unscored": first.get((pid, False)), "scored": first.get((pid, True))})
    return out


def session_chilling(state) -> dict:
    """The player's chilling-effect figures, for the export (from the last chapter's state,
    which carries every baseline answer of the session)."""
    c = core_debrief.chilling_effect(state)
    shift = c.shift_percent
    return {"pairs": c.pairs, "candid_unscored": c.candid_unscored,
            "candid_scored": c.candid_scored, "changed": c.changed,
            "shift_percent": None if shift is None else round(shift, 1),
            "order": order_of(state), "answers": pair_answers(state)}


# ---------------------------------------------------------------- a class

@dataclass(frozen=True)
class ClassShift:
    students: int            # students with at least one complete pair
    pairs: int               # complete pairs, all students
    candid_unscored: int
    candid_scored: int
    fewer: int               # students more guarded under the score
    same: int
    more: int

    @property
    def shift_percent(self) -> float | None:
        if not self.candid_unscored:
            return None
        return 100.0 * (self.candid_scored - self.candid_unscored) / self.candid_unscored


def class_shift(chillings: list[dict]) -> ClassShift:
    """Pool the players' figures (each a `session_chilling` dict)."""
    used = [c for c in chillings if c and c.get("pairs")]
    fewer = sum(c["candid_scored"] < c["candid_unscored"] for c in used)
    more = sum(c["candid_scored"] > c["candid_unscored"] for c in used)
    return ClassShift(len(used), sum(c["pairs"] for c in used),
                      sum(c["candid_unscored"] for c in used),
                      sum(c["candid_scored"] for c in used), fewer, len(used) - fewer - more,
                      more)


def by_order(chillings: list[dict]) -> dict[str, ClassShift]:
    """The pooled shift for each order played (for a counterbalanced class)."""
    groups: dict[str, list[dict]] = {}
    for c in chillings:
        if c and c.get("pairs") and c.get("order"):
            groups.setdefault(c["order"], []).append(c)
    return {order: class_shift(group) for order, group in sorted(groups.items())}


def by_pair(chillings: list[dict]) -> list[dict]:
    """For each pair: how many answered both ways, and the candid share each way."""
    table: dict[str, dict] = {}
    for c in chillings:
        for a in (c or {}).get("answers", []):
            if a.get("unscored") is None or a.get("scored") is None:
                continue
            row = table.setdefault(a["pair"], {"pair": a["pair"], "question": a["question"],
                                               "n": 0, "unscored": 0, "scored": 0})
            row["n"] += 1
            row["unscored"] += bool(a["unscored"])
            row["scored"] += bool(a["scored"])
    return list(table.values())


def signed_percent(value: float | None) -> str:
    """−25%, +10%, 0%, or — when there is nothing to compare."""
    if value is None:
        return "—"
    n = round(value)
    return f"{'+' if n > 0 else '−' if n < 0 else ''}{abs(n)}%"
