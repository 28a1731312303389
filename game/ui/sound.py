"""Four interface sounds. Silent, without errors, where there is no audio device.

On a machine with no sound card the C audio library (ALSA) prints a dozen lines such as
"ALSA lib pcm.c: Unknown PCM default" straight to the terminal's stderr while the mixer opens;
`quiet_native_stderr` hides those lines for that call only. Python's own errors still reach
the terminal: they are raised after the block, once stderr is back.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import pygame

from ..resources import asset_path

NAMES = ("score_up", "score_down", "locked", "notification")


@contextmanager
def quiet_native_stderr():
    """Send file descriptor 2 to the null device for the length of the block."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):   # no real stderr (a GUI launcher)
        saved = None
    if saved is None:
        yield
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


class Sound:
    def __init__(self, volume: int = 70):
        self.volume = volume
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._loaded = False
        self.available = False

    def _load(self) -> None:
        """Open the mixer and the WAVs once, on first use; any failure means silence."""
        self._loaded = True
        try:
            if not pygame.mixer.get_init():
                with quiet_native_stderr():
                    pygame.mixer.init()
            for name in NAMES:
                self._sounds[name] = pygame.mixer.Sound(str(asset_path("sounds", f"{name}.wav")))
        except (pygame.error, OSError, FileNotFoundError, NotImplementedError):
            self._sounds.clear()
        self.available = bool(self._sounds)
        self.set_volume(self.volume)

    def set_volume(self, volume: int) -> None:
        self.volume = volume
        for snd in self._sounds.values():
            snd.set_volume(volume / 100.0)

    def play(self, name: str) -> None:
        if not self._loaded:
            self._load()
        snd = self._sounds.get(name)
        if snd is None or self.volume <= 0:
            return
        try:
            snd.play()
        except pygame.error:
            pass
