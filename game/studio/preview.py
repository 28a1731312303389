"""The preview: the author's choices replayed on a version of the level, drawn as the
classroom's browser page draws a scene (game/web/views.py, game/web/static/site.css).

A replay starts where the author asked (a scene, a persona, a ruleset, a preset) and makes
the recorded choices by id; it stops at the first one that is not there any more (the text
changed under it), and says so. Nothing here changes the level or the file."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core import ChoiceError, choose, new_game, start_at
from ..core.display import legibility
from ..text.events import event_lines
from ..web import views
from . import strings as S

MAX_CHOICES = 400


@dataclass
class Setup:
    """Where a preview starts. Empty strings mean the level's defaults."""
    start: str = ""
    persona: str = ""
    ruleset: str = ""
    preset: str = ""
    seed: int = 0
    choices: list[str] = field(default_factory=list)


def _first_state(level, setup: Setup):
    """The starting state, with each unknown name dropped for the level's default (a name
    may vanish while the author types)."""
    preset = setup.preset if setup.preset in level.presets else None
    persona = setup.persona if setup.persona in level.personas else None
    ruleset = setup.ruleset if setup.ruleset in level.rulesets else None
    state = new_game(level, persona, ruleset, setup.seed, preset)
    if setup.start in level.scenes and setup.start != state.scene:
        state = start_at(state, setup.start)
    return state


def replay(level, setup: Setup) -> dict:
    """The preview's page data after replaying `setup.choices`: the scene or ending, the
    score strip, what the last choice did, and how many choices were replayed (`made`)."""
    state = _first_state(level, setup)
    last, made, note = None, [], S.REPLAYED
    for choice in setup.choices[:MAX_CHOICES]:
        if state.finished:
            break
        try:
            last = choose(state, choice)
        except ChoiceError:
            note = S.REPLAY_STOPPED.format(n=len(made), total=len(setup.choices),
                                           choice=choice, scene=state.scene)
            break
        state = last.state
        made.append(choice)
    happened = [] if last is None else [
        line for line in event_lines(last.events, level, legibility(state), False, last.score)
        if line.strip()]
    return {"status": views.status_view(state), "happened": happened,
            "scene": None if state.finished else views.scene_view(state),
            "ending": views.ending_view(state) if state.finished else None,
            "at": state.ending if state.finished else state.scene,
            "persona": state.persona, "ruleset": state.ruleset,
            "made": made, "note": note.format(n=len(made)) if setup.choices else ""}
