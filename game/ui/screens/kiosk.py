"""Kiosk mode in the window (`play --classroom FILE`).

`Kiosk` runs one student after another on a classroom computer: waiting screen, content
note with the session code, (persona), the chapters in the classroom's order, the debrief in
six steps, the export, then a full wipe before the next student. It sees every event first
(`app.intercept`): the teacher's exit keys quit, the window's close button and F11 are
ignored, and any input resets the idle clock; `tick` (once a frame) asks "Still playing?",
warns before the time limit and opens the debrief when time is up. The rules (codes, order,
timers, exit keys) are in `game.classroom.kiosk`; this module only drives the screens.

The timed session, the full report over the six steps, and recording in a window without a
classroom (`play --export DIR`) are in `kiosk_session`.
"""
from __future__ import annotations

import gc
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pygame

from ...classroom import strings as K
from ...classroom.chapters import (classroom_dict, is_scored_level, scored_levels,
                                 shared_personas, with_legibility)
from ...classroom.export import ExportError, export_paths, write_session
from ...classroom.fairness import kiosk_index
from ...classroom.kiosk import (StudentPlan, Timers, chapter_turns, first_turn, parse_exit_keys,
                               plan_student, turn_title)
from ...classroom.questions import answered, load_bank, pick
from ...classroom.record import build_export
from .. import strings as S
from ..levels import Chapter
from .kiosk_debrief import DebriefStepsScreen
from .kiosk_privacy import PrivacyScreen
from .kiosk_questions import ask_in_turn
from .kiosk_screens import (AttractScreen, ContentNoteScreen, DoneScreen, KioskEndingScreen,
                            NoticeScreen, StillPlayingScreen)
from .kiosk_session import FullReport, TimedSession
from .kiosk_widgets import ConfirmScreen
from .menu import CardListScreen, Item, ruleset_detail
from .play import PlayScreen


def _chapter(level):
    return Chapter(level.id, level.title, level.description, level.minutes, Path(""), level)


@dataclass
class Student:
    plan: StudentPlan
    order: list
    timers: Timers
    persona: str | None
    ruleset: str | None
    recorders: list = field(default_factory=list)
    session: TimedSession | None = None
    index: int = 0
    phase: str = "note"          # note | choosing | play | debrief | done
    before: dict | None = None   # the lesson's questions answered before play (None: not yet)
    replay_of: str | None = None  # the code of this student's first session, when replaying
    status: str = "finished"
    paths: list = field(default_factory=list)
    included: bool = False
    rulesets: list = field(default_factory=list)   # per chapter in `order`: its ruleset or None


class Kiosk:
    def __init__(self, app, room, export_dir, clock=time.monotonic, rng=None, seat=None):
        self.app, self.room, self.cfg = app, room, room.config
        self.export_dir = Path(export_dir)
        self.clock = clock
        self.rng = rng or random.SystemRandom()
        self.exit_keys = parse_exit_keys(self.cfg.exit_keys)
        self.levels = [with_legibility(lv, self.cfg.legibility) for lv in room.levels]
        self.personas = list(self.cfg.personas or shared_personas(self.levels))
        scored = scored_levels(self.levels)
        self.rulesets = list(scored[0].rulesets) if scored else []
        # The next student's cell in the class's balanced design (persona and order): from
        # the seat the teacher gave, else a random one. It counts students, never who they were.
        self.seat = seat
        self.questions = []
        if self.cfg.questions:
            self.questions = pick(load_bank()[0], self.cfg.questions)[0]
        self.count = kiosk_index(seat, 0, first_turn(self.rng, self.personas))
        self.student: Student | None = None
        self.base_settings = app.settings
        self.problem: str | None = None
        self._still = None

    # ---- attaching to the window
    def attach(self) -> None:
        self.app.classroom = self
        self.app.intercept = self.intercept
        self.app.tickers.append(self.tick)
        self.app.reset(self.home_screen())

    def home_screen(self):
        return AttractScreen(self.app, self.cfg.name, self.begin)

    # ---- a student arrives
    def begin(self, replay_of: str | None = None) -> None:
        now = self.clock()
        limit = self.cfg.time_limit_minutes
        rule = None if self.cfg.ruleset is None else self.cfg.ruleset
        plan = plan_student(self.count, self.rng, self.personas, self.cfg.persona,
                            rule if rule != "chosen" else None, self.rulesets, self.cfg.seed,
                            taken=lambda code: export_paths(self.export_dir, code)[0].exists(),
                            seat=self.seat)
        turns = chapter_turns(self.levels, plan.code, self.cfg.counterbalance, is_scored_level,
                              rule == "both", plan.turn)
        order = [level for level, _ in turns]
        timers = Timers(self.cfg.idle_minutes * 60.0, limit * 60.0 if limit else None,
                        self.cfg.warning_minutes * 60.0)
        timers.touch(now)
        ruleset = "chosen" if rule == "chosen" else plan.ruleset
        self.student = Student(plan, order, timers, plan.persona, ruleset,
                               rulesets=[r for _, r in turns], replay_of=replay_of)
        chapters = K.NOTE_CHAPTERS.format(chapters=", then ".join(turn_title(*t) for t in turns))
        note = self.cfg.content_note or K.CONTENT_NOTE
        self.app.push(ContentNoteScreen(self.app, note, plan.code, chapters, self.start,
                                        self.not_now))

    def not_now(self) -> None:
        """The content note's "Not now": nothing was recorded; back to waiting."""
        self.wipe()

    def start(self) -> None:
        s = self.student
        if self.questions and s.before is None:   # the questions first, then play
            ask_in_turn(self.app, self.questions, K.QUESTIONS_BEFORE, self._asked_before)
            return
        s.timers.start(self.clock())
        self.count += 1
        s.phase = "choosing"
        if s.persona is None:
            self._choose_persona()
        elif s.ruleset == "chosen":
            self._choose_ruleset()
        else:
            self.play_chapter(0)

    def _asked_before(self, chosen: dict) -> None:
        self.student.before = chosen
        self.start()

    def _choose_persona(self) -> None:
        level = self.student.order[0]
        items = [Item(level.personas[p].name, level.personas[p].description, p)
                 for p in self.personas]
        self.app.push(CardListScreen(self.app, S.CHOOSE_PERSONA,
                                     S.CHOOSE_PERSONA_NOTE, items, self._picked_persona))

    def _picked_persona(self, persona: str) -> None:
        self.student.persona = persona
        if self.student.ruleset == "chosen":
            self._choose_ruleset()
        else:
            self.play_chapter(0)

    def _choose_ruleset(self) -> None:
        level = (scored_levels(self.student.order) or self.student.order)[0]
        items = [Item(r.name, ruleset_detail(r), rid) for rid, r in level.rulesets.items()]
        self.app.push(CardListScreen(self.app, S.CHOOSE_RULESET,
                                     S.CHOOSE_RULESET_NOTE, items, self._picked_ruleset))

    def _picked_ruleset(self, ruleset: str) -> None:
        self.student.ruleset = ruleset
        self.play_chapter(0)

    # ---- playing
    def play_chapter(self, index: int) -> None:
        s = self.student
        s.index, s.phase = index, "play"
        level = s.order[index]
        carry = s.recorders[-1].state if s.recorders else None
        ruleset = s.rulesets[index] if index < len(s.rulesets) else None
        ruleset = ruleset or s.ruleset
        ruleset = ruleset if ruleset in level.rulesets else None
        persona = s.persona if s.persona in level.personas else None
        s.session = TimedSession(level, persona, ruleset, s.plan.seed, carry=carry)
        s.session.clock = self.clock
        s.session._shown_at = None
        self.app.reset(self.home_screen())
        self.app.push(PlayScreen(self.app, s.session, _chapter(level)))

    def ending(self, session, chapter) -> bool:
        """A chapter ended: keep its record, then the next chapter or the debrief."""
        s = self.student
        if s is None:
            return True
        s.recorders.append(session.recorder)
        s.session = None
        if s.index + 1 < len(s.order):
            nxt = s.order[s.index + 1]
            turn = s.rulesets[s.index + 1] if s.index + 1 < len(s.rulesets) else None
            label = K.NEXT_CHAPTER
            detail = K.NEXT_CHAPTER_DETAIL.format(title=turn_title(nxt, turn))
            on_next = lambda: self.play_chapter(s.index + 1)  # noqa: E731
        else:
            label, detail, on_next = K.TO_DEBRIEF, "", self._finale_then_debrief
        self.app.replace(KioskEndingScreen(self.app, session, chapter, label, detail, on_next))
        return True

    def _finale_then_debrief(self) -> None:
        """After the last chapter: the whole record (of two chapters or more), then the
        debrief."""
        from ...core.finale import campaign_finale, finale_lines
        from .finale import FinaleScreen
        record = campaign_finale([r.state for r in self.student.recorders])
        if record is None:
            self.to_debrief("finished")
            return
        self.app.replace(FinaleScreen(self.app, finale_lines(record),
                                      lambda: self.to_debrief("finished"), K.TO_DEBRIEF))

    def debrief(self, session, chapter) -> bool:
        return True      # kiosk endings lead on by themselves

    # ---- the debrief and the export
    def _bank(self) -> None:
        """A chapter cut short (time up, idle, left) is kept if a choice was made in it."""
        s = self.student
        if s.session is not None and s.session.recorder.seconds:
            s.recorders.append(s.session.recorder)
        s.session = None

    def _data(self, answers=None, after: dict | None = None) -> dict | None:
        s = self.student
        recorders = list(s.recorders)
        if not recorders:
            return None
        asked = answered(self.questions, s.before or {}, after or {}) if self.questions \
            else None
        return build_export(recorders, s.plan.code, s.status, "kiosk",
                            classroom_dict(self.cfg, s.plan.code),
                            duration=s.timers.elapsed(self.clock()), answers=answers,
                            questions=asked, replay_of=s.replay_of)

    def _write(self, data: dict | None) -> bool:
        if data is None:
            return False
        try:
            self.student.paths = write_session(self.export_dir, data, self.cfg.printable)
            self.problem = None
            return True
        except ExportError as exc:
            self.problem = str(exc)
            return False

    def to_debrief(self, status: str) -> None:
        s = self.student
        s.status = status
        self._bank()
        data = self._data()
        self._write(data)
        s.phase = "debrief"
        main = scored_levels(s.order) or s.order
        self.app.reset(self.home_screen())
        self.app.push(DebriefStepsScreen(self.app, data or {}, main[-1], self.cfg.answers,
                                         self.finish, self.full_report))

    def full_report(self) -> None:
        rec = next((r for r in reversed(self.student.recorders)
                    if is_scored_level(r.state.level)), None) or self.student.recorders[-1]
        state = rec.state
        view = SimpleNamespace(state=state, level=state.level,
                               ending=state.level.endings.get(state.ending) if state.ending
                               else None)
        self.app.push(FullReport(self.app, view))

    def finish(self, answers, include: bool) -> None:
        """The debrief's Finish: the lesson's questions again (if any), then save."""
        if self.questions and self.student.recorders:
            ask_in_turn(self.app, self.questions, K.QUESTIONS_AFTER,
                        lambda after: self._save(answers, include, after))
        else:
            self._save(answers, include, None)

    def _save(self, answers, include: bool, after: dict | None) -> None:
        s = self.student
        s.included = bool(include and answers and any(answers.values()))
        data = self._data(answers if include else None, after)
        saved = self._write(data)
        s.phase = "done"
        if data is None:
            text = K.DONE_NOTHING
        elif saved:
            text = K.DONE_TEXT.format(code=s.plan.code) + "\n\n" + (
                K.DONE_ANSWERS_IN if s.included else K.DONE_ANSWERS_OUT)
        else:
            text = K.DONE_FAILED.format(error=self.problem or "?")
        again = self.again if data is not None and saved else None
        self.app.reset(DoneScreen(self.app, text, self.wipe, self.privacy, again))

    def again(self) -> None:
        """The same student plays again: a new session, marked as a replay of this one, so
        the class report counts the student once."""
        first = self.student.replay_of or self.student.plan.code
        self.wipe()
        self.begin(replay_of=first)

    def privacy(self) -> None:
        self.app.push(PrivacyScreen(self.app, kiosk_files=list(self.student.paths)
                                    if self.student else []))

    def deleted(self, paths) -> None:
        """Delete-all ran: once none of the student's files is left, the Saved screen
        beneath says so instead of "Your record is saved"."""
        if self.student is None:
            return
        had = bool(self.student.paths)
        self.student.paths = [p for p in self.student.paths if Path(p).exists()]
        if had and not self.student.paths:
            for screen, _ in self.app.stack:
                if isinstance(screen, DoneScreen):
                    screen.title, screen.text = K.DELETED_TITLE, K.DONE_DELETED
                    screen.on_again = None      # nothing left to be a replay of
                    screen.layout()

    # ---- ending a session early
    def end(self, status: str) -> None:
        """Idle, left or stopped: keep what was played (if anything), then wipe."""
        s = self.student
        if s is not None and s.phase in ("choosing", "play"):
            s.status = status
            self._bank()
            self._write(self._data())
        self.wipe()

    def to_title(self) -> bool:
        """The pause menu's "Quit to title": ask, then end the session (its record kept)."""
        self.app.push(ConfirmScreen(self.app, K.LEAVE_TITLE, K.LEAVE_TEXT, K.LEAVE_YES,
                                    K.LEAVE_NO), lambda yes: yes and self.end("left"))
        return True

    def stop(self) -> None:
        """The teacher's exit keys: keep the record of a session under way, then quit."""
        self.end("stopped")
        self.app.quit()

    # ---- the wipe
    def wipe(self) -> None:
        """Forget the student: screens, sessions, typed text, rendered text, settings."""
        self.student = None
        self._still = None
        self.app.carry = None
        self.app.reset(self.home_screen())
        self.app._painter = None          # the last frame drawn was the student's
        self.app.cache.clear()
        if self.app.settings != self.base_settings:
            self.app.apply_settings(self.base_settings)
        pygame.event.clear()
        gc.collect()

    # ---- every event, and every frame
    def intercept(self, event) -> bool:
        t = event.type
        if t == pygame.QUIT:
            return True                       # only the teacher's keys leave kiosk mode
        if t == pygame.KEYDOWN:
            if self._exit_keys(event):
                self.stop()
                return True
            if event.key == pygame.K_F11:
                return True
        if t in _ACTIVITY and self.student is not None:
            self.student.timers.touch(self.clock())
        return False

    def _exit_keys(self, event) -> bool:
        mod = getattr(event, "mod", 0)
        held = {name for name, bit in (("ctrl", pygame.KMOD_CTRL), ("shift", pygame.KMOD_SHIFT),
                                       ("alt", pygame.KMOD_ALT)) if mod & bit}
        return self.exit_keys.matches(held, pygame.key.name(event.key))

    def tick(self) -> None:
        s = self.student
        if s is None:
            return
        now = self.clock()
        if s.timers.gone(now):
            self.end("idle")
            return
        if s.timers.idle(now):
            self._ask_still_there(now)
        if s.phase == "play":
            if s.timers.time_up(now):
                self._time_up()
            elif s.timers.warn(now):
                self._warn(now)

    def _ask_still_there(self, now: float) -> None:
        if self._still is not None and self._still in [x for x, _ in self.app.stack]:
            return
        timers = self.student.timers
        self._still = StillPlayingScreen(
            self.app, lambda: timers.idle_seconds + 30 - (self.clock() - timers.last_input))
        self.app.push(self._still)

    def _warn(self, now: float) -> None:
        left = max(1, round((self.student.timers.limit_seconds -
                             self.student.timers.elapsed(now)) / 60))
        if left == 1:
            title, text = K.WARNING_TITLE_ONE, K.WARNING_TEXT_ONE
        else:
            title, text = K.WARNING_TITLE.format(n=left), K.WARNING_TEXT.format(n=left)
        self.app.push(NoticeScreen(self.app, title, text))

    def _time_up(self) -> None:
        self.to_debrief("time_up")
        self.app.push(NoticeScreen(self.app, K.TIME_UP_TITLE, K.TIME_UP_TEXT))


_ACTIVITY = {pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION,
             pygame.MOUSEWHEEL, pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.TEXTINPUT}


def start_kiosk(app, args) -> Kiosk:
    """Kiosk mode, from `play --classroom FILE` (args.classroom_loaded, args.export)."""
    room = args.classroom_loaded
    folder = getattr(args, "export", None) or room.export_dir
    kiosk = Kiosk(app, room, folder, seat=getattr(args, "seat", None))
    kiosk.attach()
    return kiosk
