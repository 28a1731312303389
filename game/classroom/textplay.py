"""`play --text --export DIR` and `play --text --classroom FILE`: the terminal game, recorded.

The loop is the terminal front end's own (`game.text`), with a clock around each answer:
the time from the choices being shown to an open choice being read. The record is written
to the export folder at the end (also when the input ends early). Messages about the export
go to stderr, so a `--transcript` stays the same byte for byte.
"""
from __future__ import annotations

import random
import sys
import time

from ..errors import CONTENT_PROBLEM, OK
from ..core import choices, choose, new_game, start_at
from ..core.display import legibility
from ..text import strings as ts
from ..text.debrief import debrief_lines, ending_lines
from ..text.events import event_lines
from ..text.screen import scene_lines
from ..text.session import Terminal, ask, sources_on_request
from .chapters import classroom_dict, is_scored_level, with_legibility
from .export import ExportError, write_session
from .fairness import kiosk_index
from .kiosk import chapter_turns, first_turn, make_code, plan_student
from . import strings as K
from .questions import answered, load_bank, pick
from .record import ChapterRecorder, build_export
from .textroom import TextClock, ask_answers, ask_questions, content_note


def play_chapter(term: Terminal, state, dev: bool = False, clock=time.monotonic,
                 debrief: bool = True, over=None):
    """Play one chapter to its ending (or the end of input, or until `over(term)` says the
    time is up): (exit code, recorder). With `debrief=False` (every chapter of a classroom
    session but the last) only the ending is printed: the debrief says what is measured,
    which would prime the answers to come."""
    level = state.level
    term.say(level.title, ts.WHO.format(persona=level.personas[state.persona].name,
                                        ruleset=level.rulesets[state.ruleset].name), "")
    rec = ChapterRecorder(state)
    while not state.finished:
        if over is not None and over(term):
            return OK, rec
        views = choices(state)
        term.say(*scene_lines(state, views))
        if dev:
            term.say(ts.DEV_STATE.format(scene=state.scene, score=state.score,
                                         step=state.step, seed=state.seed))
        if not any(v.available for v in views):
            term.say(ts.DEAD_END)
            return CONTENT_PROBLEM, rec
        began = clock()
        view = ask(term, state, views)
        if view is None:
            term.say(ts.STOPPED_CHOICES if term.strict else ts.STOPPED)
            return OK, rec
        step = choose(state, view.id)
        rec.chose(step, clock() - began)
        term.say("", *event_lines(step.events, level, legibility(state), dev,
                                       step.score), "")
        state = step.state
    term.say(*(debrief_lines(state) if debrief else ending_lines(state)))
    if debrief:
        sources_on_request(term, state)
    return OK, rec


def _terminal(choices_given, transcript: bool) -> Terminal:
    if choices_given is not None:
        answers = iter(str(n) for n in choices_given)
    else:
        answers = (line for line in sys.stdin)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="replace")
    scripted = choices_given is not None
    try:
        tty = sys.stdin.isatty()
    except (AttributeError, ValueError):
        tty = False
    return Terminal(out, answers, echo=transcript or scripted, strict=scripted,
                    typed_shows=tty)


def play_and_export(args, first_state, folder, classroom=None, err=sys.stderr) -> int:
    """Play the session in the terminal, then write its record into `folder`.

    Without a classroom it is one chapter (`first_state`); with one, its chapters in order
    (counterbalanced if asked), each carrying the baseline answers of the one before, and
    around them what the kiosk has (`textroom`): the content note with the code, the
    questions before and after, the time limit, the answer prompts."""
    rng = random.SystemRandom()
    term = _terminal(args.choices, args.transcript)
    began = time.monotonic()
    room = Room(classroom, term)
    if classroom is None:
        code = make_code(rng)
        states = [first_state]
    else:
        code, states = _classroom_start(args, classroom, rng)
        if not room.start(code, states):
            return OK
    recorders, result, carry = [], OK, None
    for i, state in enumerate(states):
        if i and carry is not None:
            state = new_game(state.level, carry.persona if carry.persona in
                             state.level.personas else None, state.ruleset, state.seed,
                             carry=carry)
        result, rec = play_chapter(term, state, args.dev, debrief=i == len(states) - 1,
                                   over=room.over)
        recorders.append(rec)
        carry = rec.state
        if not rec.state.finished:
            if room.time_up:   # the debrief opens now, as in the kiosk
                term.say(*debrief_lines(rec.state))
                sources_on_request(term, rec.state)
            break
    finished = all(r.state.finished for r in recorders) and len(recorders) == len(states)
    if finished:   # the whole record, after the debrief of the last chapter
        from ..text.session import finale_text
        term.say(*finale_text([r.state for r in recorders]))
    status = "finished" if finished else ("time_up" if room.time_up else "left")
    extra = room.after()
    data = build_export(recorders, code, status, "text", room.settings(code),
                        duration=time.monotonic() - began, **extra)
    printable = classroom.config.printable if classroom is not None else True
    try:
        paths = write_session(folder, data, printable)
    except ExportError as exc:
        err.write(f"The session record could not be saved: {exc}\n")
        return result or 2
    room.saved(code)
    err.write(f"Session {code}: record saved to {paths[0]}\n")
    return result


class Room:
    """What a classroom adds around the chapters in the terminal (nothing without one)."""

    def __init__(self, classroom, term):
        self.classroom, self.term = classroom, term
        self.clock = None
        self.time_up = False
        self.before: dict = {}
        cfg = classroom.config if classroom is not None else None
        self.questions = []
        if cfg is not None and cfg.questions:
            bank, _ = load_bank()
            self.questions = pick(bank, cfg.questions)[0]

    def start(self, code: str, states: list) -> bool:
        cfg = self.classroom.config
        titles = ", then ".join(s.level.title for s in states)
        if not content_note(self.term, cfg, code, K.NOTE_CHAPTERS.format(chapters=titles)):
            return False
        self.before = ask_questions(self.term, self.questions, K.QUESTIONS_BEFORE)
        if cfg.time_limit_minutes:
            self.clock = TextClock(cfg, time.monotonic)
        return True

    def over(self, term) -> bool:
        if self.clock is not None and not self.time_up:
            self.time_up = self.clock.over(term)
        return self.time_up

    def after(self) -> dict:
        """The answer prompts and the questions again: build_export's extra arguments."""
        if self.classroom is None:
            return {}
        extra: dict = {}
        if self.classroom.config.answers:
            answers, include = ask_answers(self.term)
            extra["answers"] = answers if include else None
        if self.questions:
            again = ask_questions(self.term, self.questions, K.QUESTIONS_AFTER)
            extra["questions"] = answered(self.questions, self.before, again)
        return extra

    def settings(self, code: str) -> dict | None:
        return classroom_dict(self.classroom.config, code) if self.classroom else None

    def saved(self, code: str) -> None:
        if self.classroom is not None and not self.term.strict:
            self.term.say("", K.TEXT_SAVED.format(code=code))


def _classroom_start(args, classroom, rng):
    """The session code and the first state of each chapter, as the classroom file says."""
    cfg = classroom.config
    levels = classroom.levels
    from .chapters import shared_personas
    personas = list(cfg.personas or shared_personas(levels))
    scored = [lv for lv in levels if is_scored_level(lv)]
    rulesets = list(scored[0].rulesets) if scored else []
    rule = None if cfg.ruleset in (None, "chosen") else cfg.ruleset
    seat = getattr(args, "seat", None)
    plan = plan_student(kiosk_index(seat, 0, first_turn(rng, personas)), rng, personas,
                        cfg.persona if cfg.persona != "chosen" else "random", rule, rulesets,
                        cfg.seed, seat=seat)
    persona = args.persona if args.persona in personas else plan.persona
    turns = chapter_turns(levels, plan.code, cfg.counterbalance, is_scored_level,
                          cfg.ruleset == "both", plan.turn)
    states = []
    for level, turn in turns:
        level = with_legibility(level, cfg.legibility)
        ruleset = turn or args.ruleset or plan.ruleset
        ruleset = ruleset if ruleset in level.rulesets else None
        states.append(new_game(level, persona, ruleset, plan.seed))
    if args.start_at and states and args.start_at in states[0].level.scenes:
        states[0] = start_at(states[0], args.start_at)
    return plan.code, states
