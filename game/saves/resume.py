"""Resuming a saved game in its level, which may have changed since: same scene, the scene
`renamed:` maps it to, or else the start of the chapter with the score and flags kept. When
the save's ruleset is gone from the level (The Pilot City's old `pilot` and `opaque`), it
goes on under the level's first ruleset, at the same scene if it can, and says so.

Also what a save is made from (`make_save`) and a level's content hash (SHA-256 of its text).
`game.saves` re-exports all of it; no pygame here either.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .file import MAX_STEP, SaveError, SaveGame
from .messages import (BAD_FIELD, BROKEN_CHARACTER, CHANGED_RENAMED, CHANGED_RESTART,
                       CHANGED_RULES, CHANGED_RULES_RESTART, CHANGED_SAME_SCENE, DOES_NOT_FIT,
                       NOT_JSON, OUT_OF_RANGE)

#: no number in a game's state is this big (the luck's 64-bit counter is the largest)
MAX_NUMBER = 2 ** 64


def level_hash(text: str) -> str:
    """The content hash of a level: SHA-256 of its text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_hashes: dict = {}


def level_file_hash(path) -> str:
    """The content hash of a level file ("" if it cannot be read); cached by size and time."""
    try:
        p = Path(path)
        stat = p.stat()
        key = (str(p), stat.st_size, stat.st_mtime_ns)
        if key not in _hashes:
            if len(_hashes) > 64:
                _hashes.clear()
            _hashes[key] = level_hash(p.read_bytes().decode("utf-8-sig"))
        return _hashes[key]
    except (OSError, UnicodeDecodeError, ValueError):
        return ""


def make_save(state, chapter_title: str, level_hash_: str, level_path: str = "",
              log=(), scene_title: str = "", score_text: str = "",
              now: datetime | None = None) -> SaveGame:
    """A save of this state (the caller says how the scene and score read to the player)."""
    now = now or datetime.now().astimezone()
    return SaveGame(level_id=state.level_id, level_hash=level_hash_, chapter=chapter_title,
                    state=state.to_json(), saved_at=now.isoformat(timespec="seconds"),
                    level_path=str(level_path), scene=scene_title, score=score_text,
                    step=state.step, finished=state.finished,
                    log=tuple((e[0], e[1], e[2]) for e in log))


@dataclass(frozen=True)
class Resumed:
    state: object         # game.core.State
    note: str | None      # what the player is told when the chapter changed
    log_kept: bool        # False when the game went back to the start of the chapter


def resume(save: SaveGame, level, current_hash: str) -> Resumed:
    """The saved state in this level. When the level changed (its hash differs) the game
    resumes at the same scene, or the scene `renamed:` maps it to, or else at the start of
    the chapter with the score and flags kept. SaveError if even that cannot be done."""
    from ..core import StateError
    if save.level_id != level.id:
        raise SaveError(DOES_NOT_FIT.format(why=f"it is for `{save.level_id}`"))
    changed = save.level_hash != current_hash
    data = _state_data(save.state)
    try:
        state = level_state(save.state, level)
    except StateError as exc:
        if not changed:
            raise SaveError(DOES_NOT_FIT.format(why=_short(exc))) from None
        if data.get("ruleset") in level.rulesets:
            return Resumed(_restart_keeping(data, level), CHANGED_RESTART, False)
        rules = next(iter(level.rulesets.values())).name
        state = _under_first_rules(data, level)
        if state is None:
            return Resumed(_restart_keeping(data, level), CHANGED_RULES_RESTART.format(
                rules=rules), False)
        check_ranges(state, level)
        return Resumed(state, CHANGED_RULES.format(rules=rules), True)
    check_ranges(state, level)
    if not changed:
        return Resumed(state, None, True)
    old_scene = data.get("scene")
    renamed = old_scene is not None and old_scene != state.scene
    return Resumed(state, CHANGED_RENAMED if renamed else CHANGED_SAME_SCENE, True)


def _under_first_rules(data: dict, level):
    """The saved state (its `data`) under the level's first ruleset, where it was; None if
    it does not fit the level even so (its scene is gone too, say)."""
    from ..core import StateError
    first = next(iter(level.rulesets))
    try:
        return level_state(json.dumps(data | {"ruleset": first}), level)
    except StateError:
        return None


def level_state(text: str, level):
    """`State.from_json`, with any unexpected failure turned into StateError."""
    from ..core import State, StateError
    try:
        return State.from_json(text, level)
    except StateError:
        raise
    except Exception as exc:   # noqa: BLE001 - a save never crashes the game
        raise StateError(f"this saved game is damaged ({type(exc).__name__})") from None


def _state_data(text: str) -> dict:
    """The saved state as plain JSON data, brought up to this version's, if every number and
    every string in it could be a game's; SaveError otherwise (a save is only checked by a
    checksum anyone can compute, so nothing in it is taken on trust)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise SaveError(NOT_JSON) from None
    if not isinstance(data, dict):
        raise SaveError(BAD_FIELD.format(name="state"))
    _check_values(data, "state")
    from ..core.state import STATE_UPGRADES, STATE_VERSION
    from ..core.upgrade import VersionError, upgrade
    try:
        return upgrade(data, STATE_UPGRADES, STATE_VERSION)   # in this version's words
    except VersionError:
        return data       # `level_state` refuses it


def _check_values(value, name: str) -> None:
    stack = [(value, name)]
    while stack:
        value, name = stack.pop()
        if isinstance(value, dict):
            stack += [(v, k if isinstance(k, str) else name) for k, v in value.items()]
            stack += [(k, name) for k in value]
        elif isinstance(value, list):
            stack += [(v, name) for v in value]
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise SaveError(BROKEN_CHARACTER) from None
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if not -MAX_NUMBER <= value <= MAX_NUMBER:   # False for NaN too
                raise SaveError(OUT_OF_RANGE.format(name=name))


def check_ranges(state, level) -> None:
    """SaveError unless the state's score is within the level's bounds and its steps count
    up from 0 (what the engine itself could have made)."""
    low, high = level.score.min, level.score.max
    scores = [("score", state.score), ("shown_score", state.shown_score)]
    scores += [("history", p.score) for p in state.history]
    steps = [("step", state.step)] + [("history", p.step) for p in state.history]
    steps += [("records", r.step) for r in state.records]
    bad = [name for name, v in scores if not low <= v <= high]
    bad += [name for name, v in steps if not 0 <= v <= min(MAX_STEP, max(state.step, 0))]
    if bad:
        raise SaveError(OUT_OF_RANGE.format(name=bad[0]))


def _short(exc) -> str:
    text = str(exc)
    prefix = "this saved game "
    return text[len(prefix):] if text.startswith(prefix) else text


def _restart_keeping(data: dict, level):
    """The start of the chapter, with the saved score, money, flags and counters kept
    (`data`: the saved state, its values already checked by `_state_data`)."""
    from ..core import new_game
    from ..core.state import ScorePoint
    from ..core.status import refresh
    persona = data.get("persona") if data.get("persona") in level.personas else None
    ruleset = data.get("ruleset") if data.get("ruleset") in level.rulesets else None
    saved_seed = data.get("seed")
    seed = saved_seed if type(saved_seed) is int else 0
    state = new_game(level, persona, ruleset, seed)
    score = data.get("score")
    if type(score) is int:
        score = max(level.score.min, min(level.score.max, score))
        state = replace(state, score=score, shown_score=score,
                        history=(ScorePoint(0, score, 0, "start", None),))
    if type(data.get("money")) is int:
        state = replace(state, money=data["money"])
    flags = data.get("flags")
    if isinstance(flags, list) and all(type(f) is str for f in flags):
        state = replace(state, flags=tuple(sorted(set(flags))))
    counters = data.get("counters")
    if isinstance(counters, list) and all(
            isinstance(c, list) and len(c) == 2 and type(c[0]) is str and type(c[1]) is int
            for c in counters):
        state = replace(state, counters=tuple(sorted((k, v) for k, v in counters)))
    return refresh(state, silent=True).state
