"""One chapter being played: the engine's state, and the history of what was read and chosen.

The session is the window's only caller of `choose`; everything else reads. It decides no
rule: the engine says what a choice did, and the session keeps the events for the screens.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core import choices as core_choices
from ..core import choose as core_choose
from ..core import events as ev
from ..core import ending_text, new_game, scene_text, score_display
from ..core import services_shown
from ..core import start_at as core_start_at
from ..core.strings import moment_line
from . import messages
from . import strings as S


UNDO_LIMIT = 500   # choices that can be taken back, newest first


@dataclass(frozen=True)
class LogEntry:
    kind: str      # scene | choice | reply | score | notice | ending
    title: str
    text: str = ""


@dataclass(frozen=True)
class Outcome:
    """What one choice did: the engine's events, every change of score (the core's
    `ChoiceScore`), and the reply line to show, if any."""
    events: tuple
    reply: str | None
    ended: bool
    score: object = None


@dataclass
class Session:
    level: object
    persona: str | None = None
    ruleset: str | None = None
    seed: int = 0
    preset: str | None = None
    start_scene: str | None = None
    carry: object = None   # a finished chapter's state: its baseline answers come along
    state: object = None
    log: list[LogEntry] = field(default_factory=list)
    undo_allowed: bool = True   # free play; a classroom session turns it off
    _undo: list = field(default_factory=list, repr=False)   # (state, log length) per choice

    def __post_init__(self):
        self.restart()

    @classmethod
    def resumed(cls, level, state, log=()) -> Session:
        """A session that goes on from a saved state, with its history log."""
        session = cls(level, state.persona, state.ruleset, state.seed)
        session.state = state
        if log:
            session.log = [LogEntry(*entry) for entry in log]
        return session

    def restart(self) -> None:
        """A fresh game with the same level, persona, ruleset and seed."""
        state = new_game(self.level, self.persona, self.ruleset, self.seed, self.preset,
                         carry=self.carry)
        if self.start_scene:
            state = core_start_at(state, self.start_scene)
        self.state = state
        self.persona, self.ruleset = state.persona, state.ruleset
        self.log = []
        self._undo = []
        self._log_scene(state.scene)

    # ---- reading
    @property
    def scene(self):
        return self.level.scenes.get(self.state.scene) if self.state.scene else None

    @property
    def ending(self):
        return self.level.endings.get(self.state.ending) if self.state.ending else None

    @property
    def finished(self) -> bool:
        return self.state.finished

    def choices(self) -> list:
        return core_choices(self.state)

    def display(self):
        return score_display(self.state)

    @property
    def numbers_shown(self) -> bool:
        """The live score is on the player's screen, so a toast may give a score. Not under
        late statements: their number is an old one, and the toasts must not tell the new."""
        shown = self.display()
        return shown.number is not None and shown.legibility == "exact"

    def watchers(self) -> list:
        """The scene's watchers as (id, Watcher) in the order the scene lists them."""
        scene = self.scene
        if scene is None:
            return []
        return [(w, self.level.watchers[w]) for w in scene.watchers if w in self.level.watchers]

    def services(self) -> list[tuple[str, object, bool]] | None:
        """Every service as (id, the core's ServiceView, open now); None where none is on
        screen (`game.core.services_shown`)."""
        views = services_shown(self.state)
        return None if views is None else [(view.id, view, view.open) for view in views]

    def reload(self, level) -> bool:
        """Swap in a new version of the level (`--dev`): keep the state where it still fits
        (same persona, ruleset, contacts and scene, or the scene it was `renamed` to) and
        re-enter the scene; else start the level again. True when the state was kept."""
        from ..core import State, StateError
        self.level = level
        self._undo = []
        try:
            state = State.from_json(self.state.to_json(), level)
        except StateError:
            self.restart()
            return False
        if state.scene is None:      # it had ended: play the last scene again
            self.restart()
            return False
        self.state = core_start_at(state, state.scene)
        return True

    # ---- the one thing that changes the game
    def choose(self, choice_id: str) -> Outcome:
        scene = self.scene
        step = core_choose(self.state, choice_id)
        self._undo = self._undo[-(UNDO_LIMIT - 1):] + [(self.state, len(self.log))]
        self.state = step.state
        choice = next((c for c in scene.choices if c.id == choice_id), None)
        reply = choice.reply if choice is not None else None
        self._log_events(step.events, reply)
        return Outcome(step.events, reply, self.state.finished, step.score)

    # ---- undo (free play only)
    @property
    def can_undo(self) -> bool:
        return self.undo_enabled and bool(self._undo)

    @property
    def undo_enabled(self) -> bool:
        """Whether undo is offered at all (never in a classroom session)."""
        return self.undo_allowed and not getattr(self, "classroom", None)

    def undo(self) -> bool:
        """Go back to before the last choice, history and all; False if there is none."""
        if not self.can_undo:
            return False
        self.state, length = self._undo.pop()
        del self.log[length:]
        return True

    # ---- history
    def _log_scene(self, scene_id: str | None) -> None:
        scene = self.level.scenes.get(scene_id) if scene_id else None
        if scene is not None:
            self.log.append(LogEntry("scene", scene.title, scene_text(self.state, scene_id)))

    def _log_events(self, events, reply: str | None) -> None:
        numbers = self.numbers_shown
        for e in events:
            if isinstance(e, ev.ChoiceMade):
                self.log.append(LogEntry("choice", S.HISTORY_YOU_CHOSE.format(text=e.text)))
                if reply:
                    self.log.append(LogEntry("reply", S.HISTORY_REPLY.format(text=reply)))
            elif isinstance(e, ev.ScoreChanged):
                note = messages.score_notice(e)
                if note:
                    self.log.append(LogEntry("score", f"{note.title}  {note.body}"))
            elif isinstance(e, ev.Watched):
                self.log.append(LogEntry("notice", moment_line(e.name, e.look)))
            elif isinstance(e, ev.SceneEntered):
                self._log_scene(e.scene)
            elif isinstance(e, ev.EndingReached):
                ending = self.level.endings[e.ending]
                self.log.append(LogEntry("ending", ending.title,
                                         ending_text(self.state, e.ending)))
            else:
                note = messages.notice(e, numbers)
                if note:
                    self.log.append(LogEntry("notice", note.title, note.body))
