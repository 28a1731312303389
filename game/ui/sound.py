"""The game's sound: effects, ambience and music. Silent, without errors, where there is no
audio device.

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

#: The effects: the interface's four sounds and a cue for each kind of moment of watching.
NAMES = ("score_up", "score_down", "locked", "notification", "cue_camera", "cue_light",
         "cue_buzz", "cue_glance")
#: The ambience for each kind of place (`Level.place_of`).
PLACES_SOUNDS = {place: f"ambience_{place}" for place in
                 ("street", "station", "office", "home", "hall")}
#: The theme: on the title, and at an ending.
TUNES = ("theme_title", "theme_ending")


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
    """Three channels, each with its own volume (0-100): effects (the interface's sounds and
    the cues of the moments of watching), ambience (a loop for each kind of place) and music
    (the theme, on the title and the endings). Files are read on first use; no ambience or
    music plays until `start()` (called once the first frame is shown), so opening the mixer
    never delays the window. Without an audio device every call does nothing."""

    def __init__(self, volume: int = 70, music: int = 50, ambience: int = 50):
        self.volume, self.music_volume, self.ambience_volume = volume, music, ambience
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._loaded = False
        self.available = False
        self.started = False
        self.place: str | None = None          # the ambience asked for
        self.tune: str | None = None           # the music asked for
        self._channels: dict[str, pygame.mixer.Channel] = {}

    def start(self) -> None:
        """The window is up: open the mixer and play the ambience or music asked for."""
        self.started = True
        self.ambience(self.place)
        if self.tune:
            self.music(self.tune)

    def _load(self) -> None:
        """Open the mixer and the effects once, on first use; any failure means silence."""
        self._loaded = True
        try:
            if not pygame.mixer.get_init():
                with quiet_native_stderr():
                    pygame.mixer.init()
            pygame.mixer.set_reserved(2)
            self._channels = {"ambience": pygame.mixer.Channel(0),
                              "music": pygame.mixer.Channel(1)}
            for name in NAMES:
                self._sounds[name] = pygame.mixer.Sound(str(asset_path("sounds", f"{name}.wav")))
        except (pygame.error, OSError, FileNotFoundError, NotImplementedError):
            self._sounds.clear()
            self._channels = {}
        self.available = bool(self._sounds)
        self.set_volumes(self.volume, self.music_volume, self.ambience_volume)

    def _get(self, name: str) -> pygame.mixer.Sound | None:
        """A loop or tune, read the first time it is wanted (None: silence)."""
        if not self._loaded:
            self._load()
        if not self.available:
            return None
        if name not in self._sounds:
            try:
                self._sounds[name] = pygame.mixer.Sound(str(asset_path("sounds", f"{name}.wav")))
            except (pygame.error, OSError, FileNotFoundError):
                return None
        return self._sounds[name]

    def load_all(self) -> None:
        """Read every sound now (the benchmark measures memory with all of them loaded)."""
        for name in (*PLACES_SOUNDS.values(), *TUNES):
            self._get(name)

    def set_volume(self, volume: int) -> None:
        self.set_volumes(volume, self.music_volume, self.ambience_volume)

    def set_volumes(self, effects: int, music: int, ambience: int) -> None:
        self.volume, self.music_volume, self.ambience_volume = effects, music, ambience
        for name, snd in self._sounds.items():
            if name in NAMES:
                snd.set_volume(effects / 100.0)
        for channel, level in (("music", music), ("ambience", ambience)):
            if channel in self._channels:
                self._channels[channel].set_volume(level / 100.0)

    def play(self, name: str) -> None:
        """An effect (never on the ambience's or the music's channel)."""
        if self.volume <= 0:
            return
        snd = self._get(name)
        if snd is None:
            return
        try:
            snd.play()
        except pygame.error:
            pass

    def ambience(self, place: str | None) -> None:
        """Loop the ambience of a kind of place (None: fade it out); the same place goes on."""
        same = place == self.place and self._busy("ambience")
        self.place = place
        if not self.started or same:
            return
        if place is not None and self.tune is not None:   # play begins: the theme fades
            self.tune = None
            self._on("music", None, loops=0, fade_ms=0)
        loop = self._get(PLACES_SOUNDS[place]) if place in PLACES_SOUNDS else None
        self._on("ambience", loop, loops=-1, fade_ms=900)

    def music(self, tune: str | None) -> None:
        """Play a tune once (None: fade out whatever plays); the music stops the ambience."""
        self.tune = tune
        if not self.started:
            return
        if tune is not None:
            self.ambience(None)
        self._on("music", self._get(tune) if tune in TUNES else None, loops=0, fade_ms=300)

    def _busy(self, channel: str) -> bool:
        c = self._channels.get(channel)
        try:
            return c is not None and c.get_busy()
        except pygame.error:
            return False

    def _on(self, channel: str, snd, loops: int, fade_ms: int) -> None:
        c = self._channels.get(channel)
        if c is None:
            return
        try:
            if snd is None:
                c.fadeout(600)
            else:
                c.play(snd, loops=loops, fade_ms=fade_ms)
        except pygame.error:
            pass
