"""Four interface sounds. Silent, without errors, where there is no audio device."""
from __future__ import annotations

import pygame

from ..resources import asset_path

NAMES = ("score_up", "score_down", "locked", "notification")


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
