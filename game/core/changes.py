"""Every point a choice moved the score, with its cause, and what the player was shown of it.

One list per choice, read from the state's score history (`State.history`: each change is
kept there with the step of the choice that caused it), so the play screen, the text mode,
the Transparency Report and the classroom export all draw the same numbers:

    behaviour   the choice's own behaviour, counted now
    delayed     an earlier behaviour's change, landing now (or at the ending)
    rating      a peer rating a choice caused
    network     your contacts' scores pulling yours
    appeal      an appeal that won back a deduction

What is disclosed follows the ruleset's legibility (`shown`): under `exact` every change
shows its number and its reason (or "Score adjusted"); under `stars` the words but no number;
under `direction_hidden` only "Score adjusted"; under `delayed` and `hidden` nothing at all.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from .display import NO_LONGER_SHOWN, ScoreDisplay, legibility, score_display, shown
from .effects import effects_writes
from .state import State


@dataclass(frozen=True)
class ScoreChange:
    """One change of score. `reason` is what the player was told (None when kept back);
    `shown_delta` and `shown_text` are what the player saw (None: not shown)."""
    cause: str
    delta: int
    disclosed: bool
    reason: str | None
    shown_delta: int | None
    shown_text: str | None


@dataclass(frozen=True)
class ChoiceScore:
    """What one choice (engine step `step`) did to the score, every change of it."""
    step: int
    before: int
    after: int
    changes: tuple[ScoreChange, ...]

    @property
    def total(self) -> int:
        return self.after - self.before

    @property
    def shown(self) -> tuple[ScoreChange, ...]:
        """The changes the player saw, in the order to show them."""
        return tuple(c for c in self.changes if c.disclosed)

    @property
    def shown_total(self) -> int | None:
        """The total to show beside the list: only when every change's number is shown."""
        shown = self.shown
        deltas = [c.shown_delta for c in shown if c.shown_delta is not None]
        if not shown or len(deltas) < len(shown):
            return None
        return sum(deltas)


def change_of(mode: str, cause: str, delta: int, told: str | None) -> ScoreChange:
    shown_delta, shown_text = shown(mode, delta, told)
    visible = shown_text is not None
    return ScoreChange(cause, delta, visible, told if visible else None, shown_delta,
                       shown_text)


def _ordered(mode: str, changes: list[ScoreChange]) -> tuple[ScoreChange, ...]:
    """Biggest first where the numbers are shown; else in the order they happened (an order
    by size would tell what the rules keep back)."""
    if mode == "exact":
        changes = sorted(changes, key=lambda c: -abs(c.delta))
    return tuple(changes)


def choice_scores(state: State) -> list[ChoiceScore]:
    """For each choice made (each record, in order), its changes of score."""
    mode = state.played.rulesets[state.ruleset].legibility
    history, i = state.history, 0
    score = history[0].score if history else state.score
    out = []
    for record in state.records:
        while i < len(history) and history[i].step < record.step:
            score, i = history[i].score, i + 1
        points = []
        while i < len(history) and history[i].step == record.step:
            points.append(history[i])
            i += 1
        out.append(_choice_score(mode, record.step, score, points))
        if points:
            score = points[-1].score
    return out


def _choice_score(mode: str, step: int, before: int, points: list) -> ChoiceScore:
    changes = [change_of(mode, p.cause, p.delta, p.reason) for p in points]
    after = points[-1].score if points else before
    return ChoiceScore(step, before, after, _ordered(mode, changes))


def last_choice(state: State) -> ChoiceScore | None:
    """The changes of the last choice made (None before the first)."""
    if not state.records:
        return None
    step = state.records[-1].step
    mode = legibility(state)
    earlier = [p for p in state.history if p.step < step]
    before = earlier[-1].score if earlier else state.history[0].score
    return _choice_score(mode, step, before, [p for p in state.history if p.step == step])


def scene_is_quiet(state: State) -> bool:
    """Whether nothing in the current scene can move the score: it is not scored, no
    delayed change is waiting to land, and no choice here rates you or appeals. Only then
    may a front end say "Not scored here"."""
    level = state.played
    if state.scene is None or level.is_scored(state.scene) or state.pending:
        return False
    return not any(_moves_score(choice.effects) for choice in level.scenes[state.scene].choices)


def _moves_score(effects) -> bool:
    return any(use.part == "score" for use in effects_writes(effects))


def final_display(state: State) -> ScoreDisplay | None:
    """What the ending may say of the final score, under the ruleset's legibility (a
    `ScoreDisplay`), or None when nothing in the chapter was scored. Under `delayed` the
    ending is the last statement: the real number."""
    level = state.played
    if not any(level.is_scored(s) for s in level.scenes):
        return None
    shown = score_display(state)
    ending = level.endings.get(state.ending) if state.ending else None
    if ending is not None and not ending.score_shown:
        return replace(shown, number=None, stars=None, tier=None, legibility=NO_LONGER_SHOWN)
    return replace(shown, number=state.score) if shown.legibility == "delayed" else shown


class FinalWords(Protocol):
    """A front end's strings module, as `final_words` reads it."""
    FINAL_UNSCORED: str
    FINAL_SCORE: str
    FINAL_STARS: str
    FINAL_TIER: str
    FINAL_HIDDEN: str
    FINAL_NO_LONGER_SHOWN: str


def final_words(shown: ScoreDisplay | None, strings: FinalWords) -> str:
    """What an ending says of the final score (`final_display`), in a front end's own words
    (`strings` has FINAL_UNSCORED, FINAL_SCORE, FINAL_STARS, FINAL_TIER, FINAL_HIDDEN and
    FINAL_NO_LONGER_SHOWN)."""
    if shown is None:
        return strings.FINAL_UNSCORED
    if shown.legibility == NO_LONGER_SHOWN:
        return strings.FINAL_NO_LONGER_SHOWN
    if shown.number is not None:
        return strings.FINAL_SCORE.format(score=shown.number)
    if shown.stars is not None:
        return strings.FINAL_STARS.format(stars=f"{shown.stars:g}")
    if shown.tier:
        return strings.FINAL_TIER.format(name=shown.tier)
    return strings.FINAL_HIDDEN
