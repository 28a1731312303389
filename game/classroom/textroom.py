"""A classroom session in the terminal (`play --text --classroom FILE`), as the kiosk has
it: the content note with the session code and the time limit before play, the lesson's
short questions before and after (`questions`), the time limit between choices, and the
six steps' answer prompts with "include my answers". A scripted terminal (`--choices`,
`--transcript`) is never asked anything but choices."""
from __future__ import annotations

from ..text.screen import wrap
from . import strings as K
from .kiosk import Timers


def content_note(term, cfg, code: str, chapters: str) -> bool:
    """The content note, the code and the chapters; True when the student starts."""
    limit = cfg.time_limit_minutes
    note = [line for part in (cfg.content_note or K.CONTENT_NOTE).split("\n")
            for line in (wrap(part) if part else [""])]
    term.say(K.NOTE_TITLE, "", *note, "",
             f"{K.NOTE_CODE}: {code}", K.NOTE_CODE_HINT, "", chapters,
             *([K.TEXT_LIMIT.format(n=limit)] if limit else []), "")
    if term.strict:
        return True
    while True:
        term.say(K.TEXT_START)
        line = _line(term)
        if line is None or line == "2":
            term.say(K.TEXT_NOT_NOW)
            return False
        if line == "1":
            return True


def _line(term) -> str | None:
    """One typed line (prompt-free: the caller says what to type), or None at the end."""
    line = next(term.answers, None)
    if line is None:
        return None
    line = line.rstrip("\r\n").strip()
    if not term.typed_shows:
        term.say(line)
    return line


def ask_questions(term, questions: list, heading: str) -> dict[str, int]:
    """Ask each question; {id: option chosen (1-based)} for those answered."""
    if term.strict or not questions:
        return {}
    term.say("", heading.format(n=len(questions)), K.QUESTIONS_HOW, "")
    chosen: dict[str, int] = {}
    for q in questions:
        term.say(q.ask, *(K.QUESTION_OPTION.format(n=i, text=t)
                          for i, t in enumerate(q.options, 1)))
        while True:
            term.out.write(K.QUESTION_PROMPT.format(last=len(q.options)))
            term.out.flush()
            line = _line(term)
            if line is None:
                return chosen
            if line.isdigit() and 1 <= int(line) <= len(q.options):
                chosen[q.id] = int(line)
            if line == "" or q.id in chosen:
                break
        term.say("")
    return chosen


def ask_answers(term) -> tuple[dict[str, str], bool]:
    """The six steps' answer prompts, then "include my answers": (answers, include)."""
    if term.strict:
        return {}, False
    term.say("", K.TEXT_ANSWERS, K.TEXT_ANSWERS_HOW, "")
    answers: dict[str, str] = {}
    for key, question in K.STEPS:
        term.say(f"{question} {K.STEP_PROMPTS[key]}")
        line = _line(term)
        if line is None:
            break
        answers[key] = line
    if not any(answers.values()):
        return answers, False
    while True:
        term.say(K.TEXT_INCLUDE)
        line = _line(term)
        if line in (None, "2"):
            return answers, False
        if line == "1":
            return answers, True


class TextClock:
    """The time limit between choices: a warning once, then time up."""

    def __init__(self, cfg, clock):
        limit = cfg.time_limit_minutes
        self.clock = clock
        self.timers = Timers(cfg.idle_minutes * 60.0, limit * 60.0 if limit else None,
                             cfg.warning_minutes * 60.0)
        self.timers.start(clock())

    def over(self, term) -> bool:
        """Say the warning when due; True when the time is up (said once)."""
        now = self.clock()
        if self.timers.time_up(now):
            term.say("", K.TEXT_TIME_UP, "")
            return True
        if self.timers.warn(now):
            left = max(1, round((self.timers.limit_seconds - self.timers.elapsed(now)) / 60))
            term.say("", K.TEXT_WARNING_ONE if left == 1 else K.TEXT_WARNING.format(n=left),
                     "")
        return False
