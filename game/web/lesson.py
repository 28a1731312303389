"""A lesson served to browsers: the classroom's chapters, who gets what, and each student's
game, kept in memory and rebuilt from the lesson's SQLite rows after a restart.

The engine decides everything. A `Player` holds one student's recorders and state; a choice
is checked by `game.core.choose` (an unknown or locked one raises `ChoiceError`), written to
the store, and only then applied, so what a page shows was committed first.
"""
from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..classroom.chapters import (classroom_dict, is_scored_level, shared_personas,
                                  with_legibility)
from ..classroom.config import LoadedClassroom, load_classroom, load_classroom_text
from ..classroom.export import export_paths
from ..classroom.kiosk import chapter_turns, plan_student, turn_title
from ..classroom.questions import answered, load_bank, pick
from ..classroom.record import ChapterRecorder, build_export, clean_answers
from ..core import ChoiceError, Step, choose, new_game
from .store import Store, StudentRow
from .writer import Writer

MODE = "browser"   # the export schema's word for a session played through the server
DEFAULT_ROOM = """format: 1
name: ""
chapters: [day_zero, pilot_city]
counterbalance: true
persona: alternating
export_folder: exports
"""


def default_classroom(data: Path) -> LoadedClassroom:
    """The lesson when the teacher gives no classroom file: Day Zero and The Pilot City,
    counterbalanced, personas alternating, exports in the data folder."""
    return load_classroom_text(DEFAULT_ROOM, str(data / "classroom.yaml"))


def open_classroom(path: str | None, data: Path) -> LoadedClassroom:
    return default_classroom(data) if path is None else load_classroom(path)


def assign(n: int, rng: random.Random, room: LoadedClassroom, taken) -> dict:
    """What the n-th student to join the class gets: persona, seed, session code and the
    chapters in order (with any ruleset each turn sets), as plain data to keep. The one
    place the server asks the classroom's plan code (`kiosk.plan_student`); `n` counts the
    whole class, so the balanced pattern runs across it."""
    cfg, levels = room.config, room.levels
    personas = list(cfg.personas or shared_personas(levels))
    scored = [lv for lv in levels if is_scored_level(lv)]
    rulesets = list(scored[0].rulesets) if scored else []
    rule = None if cfg.ruleset in (None, "chosen") else cfg.ruleset
    persona_rule = cfg.persona if cfg.persona != "chosen" else "alternating"
    plan = plan_student(n, rng, personas, persona_rule, rule, rulesets, cfg.seed, taken)
    turns = chapter_turns(levels, plan.code, cfg.counterbalance, is_scored_level,
                          cfg.ruleset == "both", plan.turn)
    persona = plan.persona or personas[n % len(personas)]
    out = []
    for level, ruleset in turns:
        ruleset = ruleset or plan.ruleset
        out.append([level.id, ruleset if ruleset in level.rulesets else None])
    return {"code": plan.code, "persona": persona, "seed": plan.seed, "turns": out}


@dataclass
class Player:
    """One student's game: the chapters played so far (as recorders) and the state now."""
    row: StudentRow
    recorders: list[ChapterRecorder] = field(default_factory=list)
    last: Step | None = None          # the step just taken (its events are on the page)
    shown_at: float | None = None     # when the choices now on the page were shown
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def state(self):
        return self.recorders[-1].state

    @property
    def turns(self) -> list:
        return self.row.plan["turns"]

    @property
    def last_turn(self) -> bool:
        return self.row.turn >= len(self.turns) - 1


class Lesson:
    """The classroom's chapters and every student's game."""

    def __init__(self, room: LoadedClassroom, store: Store, export_dir: Path,
                 rng: random.Random | None = None):
        self.room, self.store, self.export_dir = room, store, export_dir
        self.levels = {lv.id: with_legibility(lv, room.config.legibility) for lv in room.levels}
        self.rng = rng or random.SystemRandom()
        self.players: dict[str, Player] = {}
        wanted = room.config.questions
        self.questions = pick(load_bank()[0], wanted)[0] if wanted else []
        self._join = threading.Lock()
        self.writer = Writer(export_dir, room.config.printable)
        self.rewrite_missing()

    @property
    def config(self):
        return self.room.config

    @property
    def ended(self) -> bool:
        return self.store.meta("ended") == "1"

    # ---- joining and finding a student
    def join(self) -> str:
        """A new student: their plan, kept; the token for their cookie."""
        with self._join:
            n = self.store.count()
            plan = assign(n, self.rng, self.room, self.code_taken)
            token = self.store.add_student(plan["code"], n, plan)
            if self.questions:    # the lesson's questions come before play
                self.store.update(token, phase="before")
        return token

    def code_taken(self, code: str) -> bool:
        """A code another student of this lesson has, or whose session file is already in
        the export folder (a lesson before this one): never given again."""
        return self.store.code_taken(code) or export_paths(self.export_dir, code)[0].exists()

    def player(self, token: str) -> Player | None:
        """The student with this token (rebuilt from the store if the server restarted)."""
        found = self.players.get(token)
        if found is not None:
            return found
        row = self.store.student(token)
        if row is None:
            return None
        player = self._rebuild(row)
        return self.players.setdefault(token, player)

    def _rebuild(self, row: StudentRow) -> Player:
        player = Player(row)
        made = self.store.choices(row.token)
        for turn in range(row.turn + 1):
            player.recorders.append(ChapterRecorder(self._first_state(player, turn)))
            for t, _, choice, seconds in made:
                if t == turn:
                    player.last = choose(player.state, choice)
                    player.recorders[-1].chose(player.last, seconds)
        return player

    def _first_state(self, player: Player, turn: int):
        level_id, ruleset = player.turns[turn]
        level = self.levels[level_id]
        plan = player.row.plan
        carry = player.recorders[-1].state if player.recorders else None
        persona = plan["persona"] if plan["persona"] in level.personas else None
        return new_game(level, persona, ruleset, plan["seed"], carry=carry)

    def title(self, player: Player, turn: int | None = None) -> str:
        level_id, ruleset = player.turns[player.row.turn if turn is None else turn]
        return turn_title(self.levels[level_id], ruleset)

    # ---- playing
    def choose(self, player: Player, choice_id: str, step: int) -> bool:
        """Make a choice on the page showing `step` (a second press of the same page does
        nothing). Raises ChoiceError for a choice that is not open. Committed, then
        applied."""
        state = player.state
        if state.finished or step != state.step or player.row.phase != "play":
            return False
        result = choose(state, choice_id)            # the engine checks it first
        seconds = 0.0 if player.shown_at is None else time.monotonic() - player.shown_at
        seconds = round(min(max(seconds, 0.0), 7 * 24 * 3600.0), 2)
        self.store.add_choice(player.row.token, player.row.turn, state.step, choice_id, seconds)
        player.recorders[-1].chose(result, seconds)
        player.last, player.shown_at = result, None
        if result.state.finished and player.last_turn:
            self.save(player, "finished")
        return True

    def next_chapter(self, player: Player) -> None:
        """After an ending: the next chapter, or (after the last) the debrief."""
        if not player.state.finished or player.row.phase != "play":
            return
        if player.last_turn:
            self.update(player, phase="debrief", step=0)
            return
        turn = player.row.turn + 1
        self.update(player, turn=turn)
        player.recorders.append(ChapterRecorder(self._first_state(player, turn)))
        player.last = None

    def stop_playing(self, player: Player, status: str) -> None:
        """Time up or the teacher ended the lesson: save as it is, open the debrief."""
        if player.row.phase != "play":
            return
        if not any(r.state.records for r in player.recorders):   # nothing to keep, as kiosk
            self.update(player, phase="done")
            return
        self.save(player, status)
        self.update(player, phase="debrief", step=0)

    # ---- the lesson's questions (before play and after the debrief)
    def ask(self, player: Player, index: int, option: int | None) -> None:
        """Keep the answer to question `index` (None: skipped) of the round being asked;
        after the last one, play begins (before) or the session is finished (after)."""
        row = player.row
        when = "before" if row.phase == "before" else "after"
        asked = {k: dict(v) for k, v in row.questions.items()}
        chosen = asked.setdefault(when, {})
        chosen.pop(self.questions[index].id, None)
        if option:
            chosen[self.questions[index].id] = option
        if index + 1 < len(self.questions):
            self.update(player, questions=asked, step=index + 1)
        elif when == "before":   # the clock starts with play, as the kiosk's timers do
            self.update(player, questions=asked, phase="play", step=0, joined=time.time())
        else:
            self.update(player, questions=asked)
            self.finish(player, row.include)

    def after_debrief(self, player: Player, include: bool) -> None:
        """The debrief's Finish: the questions again (if the lesson has them), then saved.
        Typed answers the student chose not to keep are dropped now, not after."""
        if not self.questions:
            self.finish(player, include)
            return
        if not include and player.row.answers:
            self.update(player, answers={})
            self.store.forget()
        self.update(player, phase="after", step=0, include=int(include))

    # ---- the debrief
    def answer(self, player: Player, key: str, text: str) -> None:
        answers = dict(player.row.answers)
        answers[key] = text
        self.update(player, answers=answers)

    def finish(self, player: Player, include: bool) -> None:
        """Finish and save: the typed answers go into the record only when ticked, and are
        dropped from the store either way."""
        answers = clean_answers(player.row.answers) if include else None
        status = player.row.status or "finished"
        self.save(player, status, answers)
        dropped = bool(player.row.answers) and not answers
        self.update(player, phase="done", answers={}, include=int(include and bool(answers)))
        if dropped:
            self.store.forget()

    # ---- the record
    def record(self, player: Player, status: str, answers: dict | None = None) -> dict:
        row = player.row
        room = classroom_dict(self.config, row.code)
        asked = answered(self.questions, row.questions.get("before", {}),
                         row.questions.get("after", {})) if self.questions else None
        return build_export(player.recorders, row.code, status, MODE, room,
                            duration=time.time() - row.joined, answers=answers,
                            questions=asked)

    def save(self, player: Player, status: str, answers: dict | None = None) -> None:
        """The session record: committed to the store, then its file handed to the writer."""
        data = self.record(player, status, answers)
        self.update(player, status=status, export=data)
        self.writer.write(data)

    def rewrite_missing(self) -> int:
        """After a restart: the session files of records the store has but the export
        folder does not (the server stopped before writing them)."""
        missing = 0
        for row in self.store.students():
            if row.export is not None and not export_paths(self.export_dir, row.code)[0].exists():
                self.writer.write(row.export)
                missing += 1
        return missing

    def update(self, player: Player, **values) -> None:
        self.store.update(player.row.token, **values)
        for key, value in values.items():
            setattr(player.row, key, bool(value) if key == "include" else value)

    # ---- the whole class
    def end(self) -> int:
        """The teacher ends the lesson: every student still playing is saved (`stopped`)."""
        self.store.set_meta("ended", "1")
        stopped = 0
        for row in self.store.students():
            if row.phase == "play":
                player = self.player(row.token)
                if player is not None and player.recorders and any(
                        r.state.records for r in player.recorders):
                    with player.lock:
                        self.stop_playing(player, "stopped")
                    stopped += 1
        return stopped

    def minutes_left(self, player: Player) -> int | None:
        """Whole minutes of play left when the warning is due (`warning_minutes` before the
        time limit), else None."""
        limit = self.config.time_limit_minutes
        if not limit or player.row.phase != "play":
            return None
        left = limit * 60 - (time.time() - player.row.joined)
        if 0 < left <= self.config.warning_minutes * 60:
            return max(1, int(left // 60) + (1 if left % 60 else 0))
        return None

    def check_time(self, player: Player) -> None:
        limit = self.config.time_limit_minutes
        if player.row.phase == "play":
            if self.ended:
                self.stop_playing(player, "stopped")
            elif limit and time.time() - player.row.joined >= limit * 60:
                self.stop_playing(player, "time_up")

    def level(self, level_id: str):
        return self.levels[level_id]


__all__ = ["ChoiceError", "Lesson", "Player", "assign", "open_classroom"]
