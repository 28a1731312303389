"""What a class did, computed from its session files (plain data in, plain data out): the
class report (`report.py`) only lays this out.

Each figure says what it counts. "Main chapter" is the scored chapter of a session (the
last scored one played); a session that never made a choice in a scored chapter has none and
is left out of the score figures. The chilling effect is each session's own figure, pooled,
with a 95% interval from resampling students (`fairness`). A replay (a session whose file
says `replay_of`, the code of the same student's first session) is counted once in the
overview and left out of every figure, so no student counts twice.
"""
from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .chilling import ClassShift, by_order, by_pair, class_shift
from .fairness import Interval, difference_interval, shift_interval
from .summary import main_chapter


@dataclass
class ClassData:
    sessions: list[dict]                               # every session read (replays too)
    skipped: list[str] = field(default_factory=list)   # one line per unreadable file

    def __post_init__(self) -> None:
        self.everyone = self.sessions
        self.replays = [s for s in self.sessions if s.get("replay_of")]
        # the figures below count each student once: their first session
        self.sessions = [s for s in self.sessions if not s.get("replay_of")]
        self._intervals: dict[str | None, Interval] = {}   # resampling is the slow part

    # ---- who
    @property
    def mains(self) -> list[dict]:
        """Each session's scored chapter, when a choice was made in one."""
        return [c for c in (main_chapter(s) for s in self.sessions) if _scored(c)]

    def statuses(self) -> Counter:
        return Counter(s["status"] for s in self.everyone)

    def dates(self) -> list[str]:
        return sorted({s["date"] for s in self.everyone})

    def orders(self) -> Counter:
        return Counter((s.get("chilling") or {}).get("order") or "not compared"
                       for s in self.sessions)

    def median_minutes(self) -> float | None:
        times = [s["duration_seconds"] for s in self.sessions if s.get("duration_seconds")]
        return statistics.median(times) / 60 if times else None

    # ---- scores
    def scores_by_persona(self) -> list[tuple[str, list[int]]]:
        groups: dict[str, list[int]] = defaultdict(list)
        for s in self.sessions:
            ch = main_chapter(s)
            if _scored(ch) and s.get("persona"):
                groups[s["persona"]["name"]].append(ch["final_score"])
        return sorted(groups.items())

    def persona_rows(self) -> list[dict]:
        rows = []
        by: dict[str, list[dict]] = defaultdict(list)
        for s in self.sessions:
            ch = main_chapter(s)
            if _scored(ch) and s.get("persona"):
                by[s["persona"]["name"]].append(ch)
        for name, chs in sorted(by.items()):
            finals = [c["final_score"] for c in chs]
            rows.append({"persona": name, "n": len(chs), "median": statistics.median(finals),
                         "low": min(finals), "high": max(finals),
                         "start": statistics.median(c["start_score"] for c in chs),
                         "ever_listed": sum(c["ever_blacklisted"] for c in chs),
                         "listed_at_end": sum(c["blacklisted"] for c in chs)})
        return rows

    def thresholds(self) -> list[tuple[int, str]]:
        """The blacklist lines of the main chapters (for the score chart)."""
        lines = {}
        for ch in self.mains:
            t = ch.get("thresholds") or []
            if t:
                lines[t[-1]["value"]] = t[-1]["name"]
        return sorted(lines.items())

    # ---- doors
    def services(self) -> list[dict]:
        """Per service of the main chapters: players who had it closed at the start, lost it
        during play, regained it, and had it closed at the end."""
        rows: dict[str, dict] = {}
        for ch in self.mains:
            sv = ch["services"]
            names = sv.get("names", {})
            for sid, name in names.items():
                rows.setdefault(sid, {"service": sid, "name": name, "players": 0,
                                      "closed_at_start": 0, "lost": 0, "regained": 0,
                                      "closed_at_end": 0})
            for sid in names:
                row = rows[sid]
                row["players"] += 1
                row["closed_at_start"] += sid in sv["closed_at_start"]
                row["lost"] += any(x["service"] == sid for x in sv["lost"])
                row["regained"] += any(x["service"] == sid for x in sv["regained"])
                row["closed_at_end"] += sid in sv["closed_at_end"]
        return list(rows.values())

    # ---- endings
    def endings(self) -> dict[str, Counter]:
        """Per level title: how many players reached each ending (unfinished counted apart)."""
        out: dict[str, Counter] = defaultdict(Counter)
        for s in self.sessions:
            for ch in s["chapters"]:
                title = ch["ending"]["title"] if ch.get("ending") else "(not finished)"
                out[ch["title"]][title] += 1
        return dict(out)

    # ---- chilling
    def chilling(self, kind: str | None = None) -> ClassShift:
        """The pooled shift; with `kind` ("expression" or "rules"), of that kind only."""
        return class_shift([s.get("chilling") for s in self.sessions], kind)

    def chilling_by_order(self) -> dict[str, ClassShift]:
        return by_order([s.get("chilling") for s in self.sessions])

    def chilling_interval(self, kind: str | None = None) -> Interval:
        """The class shift (all dilemmas, or one kind) with its 95% interval (worked out
        once: the page, the projector and the ranges all ask for it)."""
        if kind not in self._intervals:
            self._intervals[kind] = shift_interval([s.get("chilling") for s in self.sessions],
                                                   kind)
        return self._intervals[kind]

    def order_intervals(self) -> dict[str, Interval]:
        """For a counterbalanced class: each order's shift with its interval."""
        return {order: shift_interval(group) for order, group in self._by_order().items()}

    def order_gap(self) -> tuple[float | None, float | None]:
        """95% interval of (Day Zero first) - (scored first): an order effect is claimed
        only when it leaves out zero (`fairness.differ`)."""
        groups = self._by_order()
        return difference_interval(groups.get("unscored_first", []),
                                   groups.get("scored_first", []))

    def _by_order(self) -> dict[str, list[dict]]:
        groups: dict[str, list[dict]] = defaultdict(list)
        for s in self.sessions:
            c = s.get("chilling")
            if c and c.get("pairs") and c.get("order"):
                groups[c["order"]].append(c)
        return dict(groups)

    def chilling_by_pair(self) -> list[dict]:
        return by_pair([s.get("chilling") for s in self.sessions])

    # ---- where players diverged
    def divergence(self, limit: int = 6) -> list[dict]:
        """Scenes where the players who passed split most evenly between choices (normalised
        entropy of the first choice made there), with each choice's share and the median
        seconds taken."""
        tally: dict[tuple[str, str], dict] = {}
        for s in self.sessions:
            for ch in s["chapters"]:
                seen = set()
                titles = dict(map(tuple, ch["map"]["scenes"]))
                for c in ch["choices"]:
                    if c["scene"] in seen:
                        continue
                    seen.add(c["scene"])
                    key = (ch["level"], c["scene"])
                    row = tally.setdefault(key, {"level": ch["title"], "scene": c["scene"],
                                                 "title": titles.get(c["scene"], c["scene"]),
                                                 "choices": Counter(), "seconds": []})
                    row["choices"][c["text"]] += 1
                    if c.get("seconds") is not None:
                        row["seconds"].append(c["seconds"])
        rows = []
        for row in tally.values():
            n = sum(row["choices"].values())
            if n < 2 or len(row["choices"]) < 2:
                continue
            row["n"] = n
            row["split"] = _evenness(row["choices"])
            row["median_seconds"] = statistics.median(row["seconds"]) if row["seconds"] else None
            rows.append(row)
        rows.sort(key=lambda r: (-r["split"], -r["n"], r["title"]))
        return rows[:limit]

    # ---- the story map
    def maps(self) -> list[tuple[str, dict, list[dict]]]:
        """(level title, its story map, the chapters played of it), in first-played order."""
        found: dict[str, tuple[str, dict, list[dict]]] = {}
        for s in self.sessions:
            for ch in s["chapters"]:
                entry = found.setdefault(ch["level"], (ch["title"], ch["map"], []))
                entry[2].append(ch)
        return list(found.values())

    # ---- typed answers (only those students chose to include)
    def contrasts(self) -> list[dict]:
        """Per (ruleset played, ruleset compared): the main chapters replayed under the
        other ruleset (from each session's `contrast`), their median scores at the end (of
        the games that went the same way to an end), how many were listed under each, and
        how many stories parted before the end."""
        by: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for ch in self.mains:
            for c in ch.get("contrast") or []:
                if c["reproduced"]:
                    by[(c["own"]["name"], c["other"]["name"])].append(c)
        rows = []
        for (own, other), found in sorted(by.items()):
            ended = [c for c in found if c["parted"] is None or c["parted"]["kind"] == "ending"]
            rows.append({
                "own": own, "other": other, "n": len(found), "ended": len(ended),
                "own_median": _median([c["own"]["score"] for c in ended]),
                "other_median": _median([c["other"]["score"] for c in ended]),
                "own_listed": sum(c["own"]["listed"] is not None for c in found),
                "other_listed": sum(c["other"]["listed"] is not None for c in found),
                "parted": len(found) - len(ended)})
        return rows

    def answers(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for s in self.everyone:   # a replay's words count too: they are not a figure
            for key, text in (s.get("answers") or {}).items():
                if text:
                    out[key].append(text)
        return dict(out)


def _evenness(counts: Counter) -> float:
    """Normalised Shannon entropy: 1 when every choice was taken equally, 0 when all agree."""
    n = sum(counts.values())
    if len(counts) < 2:
        return 0.0
    h = -sum((c / n) * math.log(c / n) for c in counts.values() if c)
    return h / math.log(len(counts))


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def _scored(chapter: dict | None) -> bool:
    """A chapter with a final score to compare: scored (an unscored Day Zero's 1000 in a
    version 1 file, or its null in version 2, is no final score), with a choice made in it
    (a session stopped before its first scored choice has only the starting score)."""
    return chapter is not None and bool(chapter.get("scored")) and (
        chapter.get("final_score") is not None) and bool(chapter.get("choices"))
