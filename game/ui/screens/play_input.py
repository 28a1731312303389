"""The play screen's input: what a key, click or tap does while a scene is read and chosen.

Input never acts on what the player has not seen. A key or click during the typewriter shows
the whole text and does nothing else; the choices ignore presses for their first
CHOICE_GRACE_SECONDS on screen (so a double press cannot choose in a scene just shown; the
early press is dropped, not kept for later); during the pause after a choice any key or
click moves on, except in the same first moment after the choice (so the second half of a
double press does not skip the reply either). The focus is on the first open choice, on nothing while the text reveals,
and Up/Down stay among the choices (Tab reaches the top bar).
"""
from __future__ import annotations

import pygame

from ..widgets import ACTIVATE_KEYS
from .base import BACK_KEYS
from .scene_view import ChoiceButton

CHOICE_GRACE_SECONDS = 0.25   # choices on screen for less than this ignore presses


class PlayInput:
    """Mixed into PlayScreen (which owns scene_view, focus, top_buttons and the panels)."""

    def _refocus(self) -> None:
        """Keep the focus on the same choice (buttons are remade on each layout); else put it
        on the first open choice; while the text reveals, on nothing (or the top-bar button
        the player tabbed to)."""
        choices = self.scene_view.visible_buttons()
        was = self.focus.current
        self.focus.set(choices + self.top_buttons)
        same = next((b for b in choices if isinstance(was, ChoiceButton)
                     and b.view.id == was.view.id), None)
        first = next((b for b in choices if not b.locked), choices[0] if choices else None)
        if same is not None:
            self.focus.focus(same)
        elif first is not None:
            self.focus.focus(first)
        elif was not in self.top_buttons:
            self.focus.clear()

    def _note_choices(self) -> None:
        """Remember when the choices came on screen (for CHOICE_GRACE_SECONDS)."""
        shown = bool(self.scene_view.visible_buttons()) and not self.scene_view.chosen
        if not shown:
            self._choices_since = None
        elif self._choices_since is None:
            self._choices_since = self.app.clock

    def choices_ready(self) -> bool:
        """Whether the choices have been on screen long enough to take a press."""
        since = self._choices_since
        return since is not None and self.app.clock - since >= CHOICE_GRACE_SECONDS

    def handle(self, inp) -> None:
        if inp.kind != "move":      # a pointer passing over is not the player doing something:
            self.stir()             # a still screen stays exactly as it is under a mouse move
        self._sync_undo()
        if inp.kind == "key" and (inp.key == pygame.K_BACKSPACE or (
                inp.key == pygame.K_z and inp.mod & pygame.KMOD_CTRL)):
            self.undo()
        elif inp.kind == "key" and inp.key in BACK_KEYS:
            self.open_pause()
        elif inp.kind == "key" and inp.key == pygame.K_h:
            self.open_history()
        elif inp.kind == "key" and inp.key == pygame.K_F5 and self.dev:
            self._reload()
        elif inp.kind == "press" and self.toasts.click(inp.pos):
            self.focus.cancel_press()
        elif self.watchers.handle(inp) or self.services.handle(inp):
            return
        elif self._skip(inp):
            return
        else:
            self._handle_choosing(inp)

    def _skip(self, inp) -> bool:
        """During the aftermath or the typewriter, any key or click moves things on."""
        on_top_bar = inp.kind in ("press", "release") and any(
            b.contains(inp.pos) for b in self.top_buttons)
        pressed = (inp.kind == "key" and inp.key != pygame.K_TAB) or (
            inp.kind == "release" and not on_top_bar)
        if self.after > 0 and pressed:
            if self.app.clock - self._chosen_at >= CHOICE_GRACE_SECONDS:
                self._advance()     # a double press does not skip the reply unread
            return True
        if self.scene_view.revealing and pressed:
            self.scene_view.reveal_all()
            self._refocus()
            self._note_choices()
            return True
        return False

    def _too_early(self, inp) -> bool:
        """A press that would choose, while the choices are too new to take it."""
        if self.choices_ready():
            return False
        if inp.kind == "key":
            return bool(inp.number) or (inp.key in ACTIVATE_KEYS and
                                        self.focus.current in self.scene_view.buttons)
        if inp.kind in ("press", "release"):
            return any(b.contains(inp.pos) for b in self.scene_view.visible_buttons())
        return False

    def _arrow(self, inp) -> bool:
        """Up and Down move between the choices and stop at the ends (Tab reaches the top
        bar)."""
        choices = self.scene_view.visible_buttons()
        if inp.kind != "key" or inp.key not in (pygame.K_UP, pygame.K_DOWN) or not choices:
            return False
        step = 1 if inp.key == pygame.K_DOWN else -1
        current = self.focus.current
        if current in choices:
            target = choices[max(0, min(len(choices) - 1, choices.index(current) + step))]
        else:
            target = choices[0] if step > 0 else choices[-1]
        self.focus.focus(target)
        self.scene_view.show_choice(target)
        return True

    def _handle_choosing(self, inp) -> None:
        view = self.scene_view
        if self._too_early(inp):
            self.focus.cancel_press()
            return
        if self._arrow(inp):
            return
        if inp.kind == "key" and inp.number:
            match = next((b for b in view.visible_buttons() if b.view.number == inp.number), None)
            if match is not None:
                self.focus.focus(match)
                match.activate()
            return
        if inp.kind == "key" and inp.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME,
                                             pygame.K_END):
            view.scroll.handle(inp)
            return
        if inp.kind in ("wheel", "press", "move", "release") and view.handle_scroll(inp):
            self.focus.cancel_press()
            return
        if self.focus.handle(inp) and inp.kind == "key":
            current = self.focus.current
            if current in view.buttons:
                view.show_choice(current)
