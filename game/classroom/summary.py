"""A session record (the export's plain data) said in sentences: the kiosk debrief screen
and the printable debrief use the same words for the same facts."""
from __future__ import annotations

from . import strings as S
from .chilling import signed_percent


def main_chapter(data: dict) -> dict | None:
    """The chapter the score matters in: the last scored one played, else the last one."""
    chapters = data.get("chapters") or []
    scored = [c for c in chapters if c.get("scored")]
    return (scored or chapters or [None])[-1]


def choice_cost(choice: dict) -> int:
    """Everything a choice moved the score: version 2 records it (score_after -
    score_before, the sum of its `changes`); version 1 had only the behaviour's own change."""
    if "score_after" in choice and "score_before" in choice:
        return choice["score_after"] - choice["score_before"]
    return choice["delta"]


def choice_changes(choice: dict) -> list[tuple[str, int]]:
    """(cause, delta) of each change a choice caused (version 1: its behaviour's only)."""
    if "changes" in choice:
        return [(c["cause"], c["delta"]) for c in choice["changes"]]
    return [("behaviour", choice["delta"])] if choice["delta"] else []


def told_why(choice: dict) -> bool:
    """Whether the player was told why the score moved (every change with its reason)."""
    if choice.get("changes"):
        return all(c["disclosed"] and c["reason"] for c in choice["changes"])
    return bool(choice["disclosed"] and choice["delta"])


def reported(chapter: dict) -> list[dict]:
    """The choices a report lists: scored ones, and any other that moved the score."""
    return [c for c in chapter["choices"] if c["scored"] or choice_cost(c)]


def door_names(chapter: dict, key: str) -> list[str]:
    """Names of the services in `closed_at_start`, `closed_at_end`, `lost` or `regained`."""
    services = chapter["services"]
    names = services.get("names", {})
    items = services[key]
    if key in ("lost", "regained"):
        return _unique(i["name"] for i in items)
    return _unique(names.get(sid, sid) for sid in items)


def _unique(names) -> list[str]:
    out = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


def seen_counts(chapter: dict) -> tuple[int, int, int]:
    """(scored choices, seen by a sensor, told why) in a chapter."""
    scored = [c for c in chapter["choices"] if c["scored"]]
    seen = sum(bool(c["observed_by"]) for c in scored)
    told = sum(bool(choice_cost(c)) and told_why(c) for c in scored)
    return len(scored), seen, told


def by_cause_lines(chapter: dict) -> list[str]:
    """The chapter's changes of score added up by cause, when more than one cause moved it:
    "Your score moved −45 from what you did, −12 from your contacts' scores."."""
    sums: dict[str, int] = {}
    for c in chapter["choices"]:
        for cause, delta in choice_changes(c):
            sums[cause] = sums.get(cause, 0) + delta
    if len([d for d in sums.values() if d]) < 2:
        return []
    parts = ", ".join(f"{d:+d} {S.CAUSES.get(c, c)}".replace("-", "−")
                      for c, d in sorted(sums.items(), key=lambda kv: -abs(kv[1])) if d)
    return [S.HAPPENED_BY_CAUSE.format(parts=parts)]


def happened_lines(data: dict) -> list[str]:
    """Your score path, the doors lost and regained, what was seen, the ending."""
    ch = main_chapter(data)
    if ch is None:
        return []
    if not ch.get("scored") or ch.get("final_score") is None:
        lines = [S.HAPPENED_UNSCORED.format(chapter=ch["title"])]
    else:
        lines = [S.HAPPENED_PATH.format(start=ch["start_score"], end=ch["final_score"],
                                        chapter=ch["title"])]
    start_closed = door_names(ch, "closed_at_start")
    if start_closed:
        lines.append(S.HAPPENED_START_CLOSED.format(doors=", ".join(start_closed)))
    lost = door_names(ch, "lost")
    lines.append(S.HAPPENED_LOST.format(doors=", ".join(lost)) if lost
                 else S.HAPPENED_NONE_LOST)
    regained = door_names(ch, "regained")
    if regained:
        lines.append(S.HAPPENED_REGAINED.format(doors=", ".join(regained)))
    n, seen, told = seen_counts(ch)
    if n:
        lines.append(S.HAPPENED_SEEN.format(seen=seen, n=n, told=told))
    lines += by_cause_lines(ch)
    if ch["ever_blacklisted"]:
        lines.append(S.HAPPENED_LISTED.format(name=_list_name(ch)))
    if ch.get("ending"):
        lines.append(S.HAPPENED_ENDING.format(title=ch["ending"]["title"]))
    return lines


def contrasts_of(data: dict) -> list[dict]:
    """The main chapter's contrasts (its choices under each other ruleset), each with the
    words the window's debrief shows; none in a file written before they were recorded."""
    ch = main_chapter(data)
    return list(ch.get("contrast") or []) if ch else []


def _list_name(chapter: dict) -> str:
    lines = chapter.get("thresholds") or []
    return lines[-1]["name"] if lines else "blacklist"


def shift_words(chilling: dict) -> str:
    """"40% fewer", "the same", or "more, from none" (no percentage of nothing)."""
    u, s, pct = chilling["candid_unscored"], chilling["candid_scored"], chilling["shift_percent"]
    if u == s or (pct is not None and round(pct) == 0):
        return S.LEARNED_SAME
    if pct is None:
        return S.LEARNED_MORE_FROM_NONE
    if pct < 0:
        return S.LEARNED_FEWER.format(n=round(-pct))
    return S.LEARNED_MORE.format(n=round(pct))


def learned_line(chilling: dict | None) -> str:
    if not chilling or not chilling.get("pairs"):
        return S.LEARNED_NONE
    return S.LEARNED_SHIFT.format(u=chilling["candid_unscored"], n=chilling["pairs"],
                                  s=chilling["candid_scored"], shift=shift_words(chilling))


def your_figure(chilling: dict | None) -> str:
    """The shift in percent, or the two counts when there is no percentage ("0 → 3")."""
    if not chilling or not chilling.get("pairs"):
        return "—"
    if chilling["shift_percent"] is None:
        return f"{chilling['candid_unscored']} → {chilling['candid_scored']}"
    return signed_percent(chilling["shift_percent"])


def verdict_of(data: dict) -> list[str]:
    """The three lines that open the debrief, for the chapter the score matters in (none in
    a record from before they were kept, or of an unfinished chapter)."""
    ch = main_chapter(data)
    return list(ch.get("verdict") or []) if ch else []
