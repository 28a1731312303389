"""The chilling effect, measured: one player's shift (from `game.core.debrief`) with its
pairs and the order they were played in, a class's pooled shift, and the published figures
they are shown beside.

Per player: of the baseline pairs answered both unscored (Day Zero) and under the score,
how many candid answers each time, and the percentage change (negative: fewer under the
score). For a class the counts are pooled (sum of candid answers scored vs unscored), which
weights each answer equally; the share of students who became more guarded, stayed the same,
or became more candid is given beside it, and, for a counterbalanced class, the shift for
each order (a gap between the two may be an order effect, or chance).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import debrief as core_debrief
from ..core.strings import PAIR_KIND_NAMES


@dataclass(frozen=True)
class Published:
    """A published figure, with where it comes from, and the kind of dilemma (`expression`
    or `rules`) it may be set beside."""
    key: str
    short: str          # "Penney 2016"
    figure: str         # "−20%"
    claim: str          # one sentence
    reference: str      # full reference
    url: str
    kind: str           # "expression" or "rules"
    caveat: str = ""    # what the figure does not show
    brief: str = ""     # claim and caveat in one short sentence, for a one-page printable


PENNEY = Published(
    "penney2016", "Penney 2016", "about −20%",
    "About 20% fewer views of 48 terrorism-related Wikipedia articles after the June 2013 "
    "surveillance revelations.",
    "Penney, J. W. (2016). Chilling Effects: Online Surveillance and Wikipedia Use. "
    "Berkeley Technology Law Journal, 31(1), 117–182.",
    "https://doi.org/10.15779/Z38SS13", "expression",
    "Reading, not speaking: what people chose to look up.",
    "Fewer views of 48 terrorism-related Wikipedia articles after June 2013.")
BATESON = Published(
    "bateson2006", "Bateson et al. 2006", "×2.76",
    "People paid 2.76 times as much into an honesty box for drinks when a picture of eyes, "
    "rather than of flowers, hung above it.",
    "Bateson, M., Nettle, D. & Roberts, G. (2006). Cues of being watched enhance "
    "cooperation in a real-world setting. Biology Letters, 2(3), 412–414.",
    "https://doi.org/10.1098/rsbl.2006.0509", "rules",
    "48 people, one coffee room, 10 weeks. Later reviews differ: Northover et al. (2017) "
    "found no effect of eye pictures on generosity; Dear, Dutton & Fox (2019) found 35% "
    "less antisocial behaviour.",
    "Paid into an honesty box under eyes: 48 people, 10 weeks. Later reviews disagree.")
PUBLISHED = (PENNEY, BATESON)
#: Published figures by the kind of dilemma they can be compared with.
BESIDE = {p.kind: p for p in PUBLISHED}
#: The later reviews behind Bateson's caveat, for the sources lists.
LATER_REVIEWS = (
    "Northover, S. B., Pedersen, W. C., Cohen, A. B. & Andrews, P. W. (2017). Artificial "
    "surveillance cues do not increase generosity: two meta-analyses. Evolution and Human "
    "Behavior, 38(1), 144–153. https://asu.elsevierpure.com/en/publications/"
    "artificial-surveillance-cues-do-not-increase-generosity-two-meta-",
    "Dear, K., Dutton, K. & Fox, E. (2019). Do 'watching eyes' influence antisocial "
    "behavior? A systematic review & meta-analysis. Evolution and Human Behavior, 40(3), "
    "269–280. https://doi.org/10.1016/j.evolhumbehav.2019.01.006",
)


def order_of(state) -> str | None:
    """"unscored_first", "scored_first", or None when no pair was answered both ways."""
    if not state.baselines:
        return None
    kinds = {a.scored for a in state.baselines}
    if kinds != {True, False}:
        return None
    return "scored_first" if state.baselines[0].scored else "unscored_first"


def pair_answers(state, kinds: dict[str, str] | None = None) -> list[dict]:
    """Each baseline pair of the level: its question, its kind (the level's, else `kinds`,
    from the session's other chapters) and the first answer each way (None when that half
    was not played). Answers to another story's dilemmas are left out, as `chilling_effect`
    leaves them out of the count."""
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
                    "unscored": first.get((pid, False)), "scored": first.get((pid, True)),
                    "kind": (pair.kind if pair else None) or (kinds or {}).get(pid)})
    return out


def of_kind(chilling: dict | None, kind: str) -> dict:
    """One player's figures for one kind of dilemma (`expression` or `rules`), counted from
    the answers' `kind` as `session_chilling` counts them all (files written before the split
    have no kinds: nothing of either kind)."""
    both = [a for a in (chilling or {}).get("answers", [])
            if a.get("kind") == kind and a.get("unscored") is not None
            and a.get("scored") is not None]
    before = sum(bool(a["unscored"]) for a in both)
    after = sum(bool(a["scored"]) for a in both)
    return {"pairs": len(both), "candid_unscored": before, "candid_scored": after,
            "changed": sum(bool(a["unscored"]) != bool(a["scored"]) for a in both),
            "shift_percent": round(100.0 * (after - before) / before, 1) if before else None,
            "order": (chilling or {}).get("order"), "answers": both}


def session_chilling(state, kinds: dict[str, str] | None = None) -> dict:
    """The player's chilling-effect figures, for the export (from the last chapter's state,
    which carries every baseline answer of the session; `kinds`: pair kinds the session's
    other chapters declare)."""
    c = core_debrief.chilling_effect(state)
    shift = c.shift_percent
    return {"pairs": c.pairs, "candid_unscored": c.candid_unscored,
            "candid_scored": c.candid_scored, "changed": c.changed,
            "shift_percent": None if shift is None else round(shift, 1),
            "order": order_of(state), "answers": pair_answers(state, kinds)}


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


def kind_caption(kind: str, part: dict, named: bool = True) -> str:
    """The caption of a kind's figure: its name (unless a heading says it), then "2 of 3
    candid unscored, 1 under the score"."""
    counts = (f"{part['candid_unscored']} of {part['pairs']} candid unscored, "
              f"{part['candid_scored']} under the score.")
    return f"{PAIR_KIND_NAMES[kind]}: {counts}" if named else counts[0].upper() + counts[1:]


def kinds_played(chilling: dict | None) -> dict[str, dict]:
    """`of_kind` for each kind of dilemma the player answered both ways, in the order of
    `PAIR_KINDS` (expression first)."""
    found = {kind: of_kind(chilling, kind) for kind in core_debrief.PAIR_KINDS}
    return {kind: c for kind, c in found.items() if c["pairs"]}


def class_shift(chillings: list[dict], kind: str | None = None) -> ClassShift:
    """Pool the players' figures (each a `session_chilling` dict); with `kind`, only their
    dilemmas of that kind."""
    if kind is not None:
        chillings = [of_kind(c, kind) for c in chillings]
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
                                               "kind": a.get("kind"), "n": 0, "unscored": 0,
                                               "scored": 0})
            row["kind"] = row["kind"] or a.get("kind")
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
