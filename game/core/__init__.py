"""The rules of the game, pure: no pygame, no YAML, no files, no clock, no global random."""
from .changes import ChoiceScore, ScoreChange, choice_scores
from .engine import (ChoiceError, ChoiceView, ServiceView, Step, choices, choose, new_game,
                     pick_ending, services, services_shown, start_at)
from .model import Level
from .recall import Told, ending_text, ending_told, scene_text, scene_told
from .display import ScoreDisplay, score_display
from .state import State, StateError

__all__ = ["ChoiceScore", "ScoreChange", "choice_scores", "ChoiceError", "ChoiceView", "ServiceView", "services", "services_shown", "Level", "ScoreDisplay", "State", "StateError", "Step",
           "choices", "choose", "ending_text", "ending_told", "scene_text", "scene_told", "Told", "new_game", "pick_ending", "score_display", "start_at"]
