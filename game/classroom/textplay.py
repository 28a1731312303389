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
from ..text.session import Terminal, ask
from .chapters import classroom_dict, is_scored_level, with_legibility
from .export import ExportError, write_session
from .kiosk import chapter_turns, make_code, plan_student
from .record import ChapterRecorder, build_export


def play_chapter(term: Terminal, state, dev: bool = False, clock=time.monotonic,
                 debrief: bool = True):
    """Play one chapter to its ending (or the end of input): (exit code, recorder). With
    `debrief=False` (every chapter of a classroom session but the last) only the ending is
    printed: the debrief says what is measured, which would prime the answers to come."""
    level = state.level
    term.say(level.title, ts.WHO.format(persona=level.personas[state.persona].name,
                                        ruleset=level.rulesets[state.ruleset].name), "")
    rec = ChapterRecorder(state)
    while not state.finished:
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
    (counterbalanced if asked), each carrying the baseline answers of the one before."""
    rng = random.SystemRandom()
    term = _terminal(args.choices, args.transcript)
    began = time.monotonic()
    if classroom is None:
        code = make_code(rng)
        states = [first_state]
    else:
        code, states = _classroom_start(args, classroom, rng)
    recorders, result, carry = [], OK, None
    for i, state in enumerate(states):
        if i and carry is not None:
            state = new_game(state.level, carry.persona if carry.persona in
                             state.level.personas else None, state.ruleset, state.seed,
                             carry=carry)
        result, rec = play_chapter(term, state, args.dev, debrief=i == len(states) - 1)
        recorders.append(rec)
        carry = rec.state
        if not rec.state.finished:
            break
    finished = all(r.state.finished for r in recorders) and len(recorders) == len(states)
    if finished:   # the whole record, after the debrief of the last chapter
        from ..text.session import finale_text
        term.say(*finale_text([r.state for r in recorders]))
    room = classroom_dict(classroom.config, code) if classroom is not None else None
    data = build_export(recorders, code, "finished" if finished else "left", "text", room,
                        duration=time.monotonic() - began)
    printable = classroom.config.printable if classroom is not None else True
    try:
        paths = write_session(folder, data, printable)
    except ExportError as exc:
        err.write(f"The session record could not be saved: {exc}\n")
        return result or 2
    err.write(f"Session {code}: record saved to {paths[0]}\n")
    return result


def _classroom_start(args, classroom, rng):
    """The session code and the first state of each chapter, as the classroom file says."""
    cfg = classroom.config
    levels = classroom.levels
    from .chapters import shared_personas
    personas = list(cfg.personas or shared_personas(levels))
    scored = [lv for lv in levels if is_scored_level(lv)]
    rulesets = list(scored[0].rulesets) if scored else []
    rule = None if cfg.ruleset in (None, "chosen") else cfg.ruleset
    plan = plan_student(rng.randrange(4), rng, personas, cfg.persona if cfg.persona !=
                        "chosen" else "random", rule, rulesets, cfg.seed)
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
