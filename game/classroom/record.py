"""A session as it was played, turned into the export's plain data (see docs/export.schema.json).

The front ends measure time (the core has no clock): they tell a `ChapterRecorder` each
choice's engine step and how many seconds the player took. Everything else comes from the
engine's states and events, so the record says exactly what the debrief says.
"""
from __future__ import annotations

import datetime

from ..core import choice_scores
from ..core import events as ev
from ..core import services as core_services
from ..core.effects import goto_targets
from ..core.verdict import verdict as core_verdict
from .chilling import session_chilling
from .chapters import is_scored_level
from .contrast_record import contrast_record

SCHEMA = "sincerity.session"
VERSION = 2
STATUSES = ("finished", "time_up", "idle", "left", "stopped")
ANSWER_KEYS = ("feel", "happened", "learned", "relates", "what_if", "next")
MAX_ANSWER_CHARS = 600


class ChapterRecorder:
    """One chapter: its first state, then each choice's events and time taken."""

    def __init__(self, state):
        self.first = state
        self.state = state
        self.seconds: list[float] = []
        self.lost: list[dict] = []
        self.regained: list[dict] = []
        self.ever_blacklisted = bool(state.blacklisted)

    def chose(self, step, seconds: float) -> None:
        """Record a `Step` from `game.core.choose` and the seconds the choice took."""
        self.state = step.state
        self.seconds.append(round(max(0.0, float(seconds)), 2))
        at = step.state.step
        for e in step.events:
            if isinstance(e, ev.ServiceLocked):
                self.lost.append({"service": e.service, "name": e.name, "step": at})
            elif isinstance(e, ev.ServiceUnlocked):
                self.regained.append({"service": e.service, "name": e.name, "step": at})
            elif isinstance(e, ev.Blacklisted):
                self.ever_blacklisted = True

    def to_dict(self) -> dict:
        s, level = self.state, self.state.level
        ending = level.endings.get(s.ending) if s.ending else None
        ruleset = level.rulesets[s.ruleset]
        chapter = {
            "level": level.id, "title": level.title, "scored": is_scored_level(level),
            "persona": s.persona, "ruleset": s.ruleset, "legibility": ruleset.legibility,
            "seed": s.seed, "finished": s.finished,
            "ending": {"id": s.ending, "title": ending.title,
                       "score_shown": ending.score_shown} if ending else None,
            "start_score": self.first.score,
            "final_score": s.score if is_scored_level(level) else None,
            "blacklisted": s.blacklisted, "ever_blacklisted": self.ever_blacklisted,
            "choices": self._choices(), "score_path": _score_path(s),
            "scenes": list(s.path),
            "services": {"closed_at_start": [v.id for v in core_services(self.first)
                                             if not v.open],
                         "lost": self.lost, "regained": self.regained,
                         "closed_at_end": [v.id for v in core_services(s) if not v.open],
                         "names": {sid: svc.name for sid, svc in level.services.items()}},
            "thresholds": thresholds(level),
            "map": story_map(level),
        }
        contrast = contrast_record(s) if s.finished else []
        verdict = {"verdict": list(core_verdict(s))} if s.finished else {}
        return chapter | ({"contrast": contrast} if contrast else {}) | verdict

    def _choices(self) -> list[dict]:
        level = self.state.level
        out = []
        moved = choice_scores(self.state)
        for i, (r, m) in enumerate(zip(self.state.records, moved)):
            scene = level.scenes.get(r.scene)
            choice = next((c for c in scene.choices if c.id == r.choice), None) if scene else None
            out.append({
                "step": r.step, "scene": r.scene, "choice": r.choice,
                "text": choice.text if choice else r.choice, "behaviour": r.behaviour,
                "behaviour_name": level.behaviours[r.behaviour].name
                if r.behaviour in level.behaviours else None,
                "scored": r.scored, "watchers_shown": list(r.watchers_shown),
                "observed_by": list(r.observed_by),
                "observed_names": [level.sensors[x].name for x in r.observed_by
                                   if x in level.sensors],
                "delta": r.delta, "disclosed": r.disclosed, "reason": r.reason,
                "delay": r.delay,
                "seconds": self.seconds[i] if i < len(self.seconds) else None,
                "score_before": m.before, "score_after": m.after,
                "changes": [{"cause": c.cause, "delta": c.delta, "disclosed": c.disclosed,
                             "reason": c.reason} for c in m.changes],
            })
        return out


def _score_path(state) -> list[dict]:
    return [{"step": p.step, "score": p.score, "delta": p.delta, "cause": p.cause}
            for p in state.history]


def thresholds(level) -> list[dict]:
    """The scores that open doors (services with a threshold) and the blacklist line."""
    lines = [{"value": svc.threshold, "name": svc.name}
             for svc in level.services.values() if svc.threshold is not None]
    if level.blacklist is not None:
        lines.append({"value": level.blacklist.below, "name": level.blacklist.name})
    return lines


def story_map(level) -> dict:
    """The level's scenes and endings with their titles, and the `goto` links between them,
    so a class report can draw the story without the level file."""
    edges = set()
    for sid, scene in level.scenes.items():
        for choice in scene.choices:
            if choice.goto:
                edges.add((sid, choice.goto))
            for target in goto_targets(choice.effects):
                edges.add((sid, target))
    return {"start": level.start,
            "scenes": [[sid, sc.title] for sid, sc in level.scenes.items()],
            "endings": [[eid, en.title] for eid, en in level.endings.items()],
            "edges": sorted([a, b] for a, b in edges)}


def clean_answers(answers: dict | None) -> dict | None:
    """Typed answers, trimmed and cut to length, only the six steps' keys."""
    if not answers:
        return None
    out = {k: str(answers.get(k, "")).strip()[:MAX_ANSWER_CHARS] for k in ANSWER_KEYS}
    return out if any(out.values()) else None


def build_export(chapters: list[ChapterRecorder], code: str, status: str, mode: str,
                 classroom: dict | None = None, duration: float | None = None,
                 answers: dict | None = None, today: datetime.date | None = None,
                 game_version: str = "", questions: list[dict] | None = None,
                 replay_of: str | None = None) -> dict:
    """The whole session as the export's plain data (one JSON object). `questions` (the
    lesson's questions, `questions.answered`) and `replay_of` are written only when given."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    played = [c.to_dict() for c in chapters]
    last = chapters[-1].state if chapters else None
    main = next((c.state for c in reversed(chapters) if is_scored_level(c.state.level)), last)
    level = main.level if main is not None else None
    data = {
        "schema": SCHEMA, "version": VERSION, "session": code,
        "date": (today or datetime.date.today()).isoformat(),
        "game_version": game_version or _version(), "mode": mode,
        "classroom": classroom, "status": status,
        "persona": {"id": main.persona, "name": level.personas[main.persona].name}
        if main else None,
        "ruleset": {"id": main.ruleset, "name": level.rulesets[main.ruleset].name,
                    "legibility": level.rulesets[main.ruleset].legibility} if main else None,
        "seed": main.seed if main else None,
        "duration_seconds": None if duration is None else round(duration, 1),
        "chapters": played,
        "chilling": session_chilling(last, _pair_kinds(chapters)) if last is not None else None,
        "answers": clean_answers(answers),
    }
    if questions:
        data["questions"] = questions
    if replay_of:
        data["replay_of"] = replay_of
    return data


def _pair_kinds(chapters) -> dict[str, str]:
    """Each baseline pair's kind, from whichever chapter of the session says it (pair ids are
    shared between chapters, so Day Zero's kinds also name the scored twins')."""
    kinds: dict[str, str] = {}
    for chapter in chapters:
        for pid, pair in chapter.state.level.baselines.items():
            if pair.kind:
                kinds.setdefault(pid, pair.kind)
    return kinds


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("sincerity")
    except Exception:  # noqa: BLE001 - not installed (a bare checkout)
        return "0.1.0"
