"""The terminal game loop: show the scene, read a number, show what happened, until an ending.

Answers come from stdin, one number a line (bad lines re-prompt), or from `--choices`
(where a bad number is a usage error). With `--transcript` or `--choices` no prompt is
printed and each answer is echoed as `> N`, so the output is the same byte for byte for the
same level, seed and answers.
"""
from __future__ import annotations

import sys
import textwrap
from dataclasses import dataclass
from typing import Iterator, TextIO

from ..errors import CONTENT_PROBLEM, OK, UsageError
from ..core import ChoiceView, Level, State, choices, choose, new_game
from ..core import strings as core_strings
from ..core.finale import campaign_finale, finale_lines
from ..core.display import legibility
from . import strings as s
from .debrief import debrief_lines, folded_lines, folds
from .events import event_lines
from .screen import scene_lines, wrap


@dataclass
class Terminal:
    """Where lines go and answers come from."""
    out: TextIO
    answers: Iterator[str]
    echo: bool            # print "> N" instead of a prompt (transcripts, --choices)
    strict: bool          # a bad answer is an error, not a re-prompt (--choices)
    typed_shows: bool = True  # the terminal itself shows what is typed (a tty)

    def say(self, *lines: str) -> None:
        """Print lines; one wider than the terminal wraps, indented under itself."""
        for line in lines:
            if len(line) > s.WIDTH:
                indent = " " * (len(line) - len(line.lstrip()) + 4)
                line = "\n".join(textwrap.wrap(line, s.WIDTH, subsequent_indent=indent,
                                               break_on_hyphens=False))
            self.out.write(line + "\n")

    def read(self, last: int) -> str | None:
        """The next answer, or None at the end of input."""
        if not self.echo:
            self.out.write(s.PROMPT.format(last=last))
            self.out.flush()
        line = next(self.answers, None)
        if line is None:
            if not self.echo:
                self.out.write("\n")
            return None
        line = line.rstrip("\r\n")
        if self.echo:
            self.say(s.ECHO.format(line=line))
        elif not self.typed_shows:
            self.say(line)
        return line


def _problem(line: str, views: list[ChoiceView]) -> str | None:
    """Why this answer cannot be taken, or None if it can."""
    last = len(views)
    text = line.strip()
    if not text:
        return s.NEED_NUMBER.format(last=last)
    try:
        number = int(text)
    except ValueError:
        return s.NOT_A_NUMBER.format(text=text, last=last)
    if not 1 <= number <= last:
        return s.NO_SUCH_CHOICE.format(number=number, last=last)
    view = views[number - 1]
    if not view.available:
        return s.LOCKED_CHOICE.format(number=number, reason=view.locked_reason)
    return None


def ask(term: Terminal, state: State, views: list[ChoiceView]) -> ChoiceView | None:
    """Read answers until one names an open choice; None at the end of input."""
    while True:
        line = term.read(len(views))
        if line is None:
            return None
        problem = _problem(line, views)
        if problem is None:
            return views[int(line.strip()) - 1]
        if term.strict:
            raise UsageError(_listed_problem(line, state, views))
        term.say(problem)


def _listed_problem(line: str, state: State, views: list[ChoiceView]) -> str:
    """Why a number given with --choices cannot be played (numbers are already checked)."""
    number = int(line)
    if 1 <= number <= len(views):
        why = s.LISTED_LOCKED.format(reason=views[number - 1].locked_reason)
    else:
        why = s.LISTED_NO_SUCH.format(last=len(views))
    return s.BAD_LISTED_CHOICE.format(number=number, step=state.step + 1, scene=state.scene,
                                      why=why)


def _header(state: State) -> list[str]:
    level = state.level
    return [level.title, s.WHO.format(persona=level.personas[state.persona].name,
                                      ruleset=level.rulesets[state.ruleset].name), ""]


def _dev_line(state: State) -> list[str]:
    return [s.DEV_STATE.format(scene=state.scene, score=state.score, step=state.step,
                               seed=state.seed)]


def play(term: Terminal, state: State, dev: bool = False) -> int:
    """Play from `state` to an ending (or the end of input). Returns the exit code."""
    return play_to_end(term, state, dev)[0]


def play_to_end(term: Terminal, state: State, dev: bool = False) -> tuple[int, State]:
    """Play from `state` to an ending (or the end of input): the exit code and the last state
    (finished unless input ran out)."""
    term.say(*_header(state))
    while not state.finished:
        views = choices(state)
        term.say(*scene_lines(state, views), *(_dev_line(state) if dev else []))
        if not any(v.available for v in views):
            term.say(s.DEAD_END)
            return CONTENT_PROBLEM, state
        view = ask(term, state, views)
        if view is None:
            term.say(s.STOPPED_CHOICES if term.strict else s.STOPPED)
            return OK, state
        step = choose(state, view.id)
        term.say("", *event_lines(step.events, state.level, legibility(state), dev,
                                       step.score), "")
        state = step.state
    term.say(*debrief_lines(state))
    sources_on_request(term, state)
    return OK, state


def sources_on_request(term: Terminal, state: State) -> None:
    """The folded parts (other rules, questions, sources), one line each: each printed when
    the player types its letter, until a blank line or the end of input (a transcript or
    --choices shows the lines alone)."""
    term.say(*folded_lines(state, scripted=term.echo))
    if term.echo:
        return
    parts = {key: lines for key, _, lines in folds(state)}
    while True:
        answer = next(term.answers, None)
        key = answer.strip().lower() if answer is not None else ""
        if key not in parts:
            return
        term.say(*parts[key], "", s.FOLDED_AGAIN)


def play_campaign(levels: list[Level], persona: str | None = None, seed: int = 0,
                  out: TextIO | None = None, lines: Iterator[str] | None = None) -> int:
    """`play --text --campaign`: every chapter in turn, each carrying on from the one before
    (the same person: the persona in the same place in each chapter's list), then the
    finale with the whole record. Stops early, without the finale, if input runs out."""
    out = out or sys.stdout
    term = Terminal(out, lines if lines is not None else _stdin_lines(), echo=False,
                    strict=False, typed_shows=lines is None and _stdin_is_tty())
    finished: list[State] = []
    place = 0
    for level in levels:
        ids = list(level.personas)
        who = persona if persona in ids else ids[min(place, len(ids) - 1)]
        place = ids.index(who)
        state = new_game(level, who, None, seed, carry=finished[-1] if finished else None)
        code, state = play_to_end(term, state)
        if code != OK or not state.finished:
            return code
        finished.append(state)
    term.say(*finale_text(finished))
    return OK


def finale_text(finished: list[State]) -> list[str]:
    """The finale after these finished chapters, as terminal lines (none for one chapter)."""
    record = campaign_finale(finished)
    if record is None:
        return []
    return ["", s.FINALE_HEAD.format(title=core_strings.FINALE_TITLE), "",
            *[part for line in finale_lines(record) for part in (wrap(line) or [""])]]


def _stdin_lines() -> Iterator[str]:
    for line in sys.stdin:
        yield line


def play_text(state: State, choices: list[int] | None = None, transcript: bool = False,
              dev: bool = False, out: TextIO | None = None,
              lines: Iterator[str] | None = None) -> int:
    """`play --text`: play in the terminal. `choices` plays those numbers without reading."""
    out = out or sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="replace")  # a terminal that cannot show ★ still gets text
    if choices is not None:
        answers: Iterator[str] = iter(str(n) for n in choices)
    else:
        answers = lines if lines is not None else _stdin_lines()
    scripted = choices is not None
    term = Terminal(out, answers, echo=transcript or scripted, strict=scripted,
                    typed_shows=lines is None and _stdin_is_tty())
    code = play(term, state, dev)
    left = list(answers) if scripted else []
    if left:   # on stderr, so a transcript stays as it is
        sys.stderr.write(s.CHOICES_LEFT.format(count=len(choices) - len(left),
                                               left=",".join(left)) + "\n")
    return code


def _stdin_is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False
