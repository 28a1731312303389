"""Made-up classes, for tests and the benchmark: sessions played through the real engine by
simulated students (a fixed random seed, so the same class every time).

A simulated student gives the candid answer to a baseline dilemma more often unscored than
under the score, so a generated class shows a chilling effect, as real classes may.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from ..core import choices, choose, new_game
from .chapters import is_scored_level
from .kiosk import chapter_order, plan_student
from .record import ChapterRecorder, build_export

SAMPLE_ANSWERS = {
    "feel": ["Watched.", "Nervous, then used to it.", "Annoyed at the app."],
    "happened": ["I lost the train at the station.", "Nobody saw most of it."],
    "learned": ["I stopped posting.", "I was more careful than I thought."],
    "relates": ["Uber ratings.", "School reports.", "Credit scores."],
    "what_if": ["If the rules were public I would game them."],
    "next": ["Check what apps record about me."],
}


def bundled_pair() -> list:
    """Day Zero and The Pilot City, loaded."""
    from ..content import bundled_levels, load_level
    levels = {}
    for path in bundled_levels():
        loaded = load_level(path)
        if loaded.level is not None:
            levels[loaded.level.id] = loaded.level
    return [levels["day_zero"], levels["pilot_city"]]


def _pick(state, rng: random.Random, candid_chance: float):
    level = state.level
    scene = level.scenes[state.scene]
    by_id = {c.id: c for c in scene.choices}
    views = [v for v in choices(state) if v.available]
    marked = [v for v in views if by_id[v.id].baseline is not None]
    if marked:
        want = rng.random() < candid_chance
        fitting = [v for v in marked if by_id[v.id].baseline.candid == want]
        if fitting:
            return rng.choice(fitting)
    return rng.choice(views)


def play_session(n: int, levels: list, rng: random.Random, counterbalance: bool = True,
                 status: str = "finished") -> dict:
    """One simulated student's whole session, as its export data."""
    personas = [p for p in levels[0].personas if all(p in lv.personas for lv in levels)]
    plan = plan_student(n, rng, personas, "alternating", None, [], None)
    order = chapter_order(levels, plan.code, counterbalance, is_scored_level)
    recorders, carry = [], None
    for level in order:
        state = new_game(level, plan.persona, None, plan.seed, carry=carry)
        rec = ChapterRecorder(state)
        scored = is_scored_level(level)
        stop = rng.randint(2, 5) if status != "finished" and level is order[-1] else None
        while not state.finished and (stop is None or len(rec.seconds) < stop):
            view = _pick(state, rng, 0.45 if scored else 0.75)
            step = choose(state, view.id)
            rec.chose(step, rng.uniform(2.0, 25.0))
            state = step.state
        recorders.append(rec)
        carry = state
    answers = None
    if rng.random() < 0.3:
        answers = {k: rng.choice(v) for k, v in SAMPLE_ANSWERS.items()}
    classroom = {"name": "Generated class", "counterbalance": counterbalance,
                 "scored_first": plan.scored_first if counterbalance else None,
                 "time_limit_minutes": 20}
    return build_export(recorders, plan.code, status, "kiosk", classroom,
                        duration=sum(sum(r.seconds) for r in recorders), answers=answers)


def generate_class(count: int, seed: int = 7, levels: list | None = None) -> list[dict]:
    """`count` sessions; about one in twelve ends before the last chapter is finished."""
    rng = random.Random(seed)
    levels = levels or bundled_pair()
    out, codes = [], set()
    for n in range(count):
        status = "idle" if n % 12 == 11 else "finished"
        data = play_session(n, levels, rng, status=status)
        while data["session"] in codes:   # a rare repeat code: draw the student again
            data = play_session(n, levels, rng, status=status)
        codes.add(data["session"])
        out.append(data)
    return out


def write_class(folder: Path, sessions: list[dict]) -> list[Path]:
    """Write sessions as files (plainly: this is test data, not a real export)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for data in sessions:
        path = folder / f"{data['session']}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths
