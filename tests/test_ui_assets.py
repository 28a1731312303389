"""The window's assets: the bundled font (and its licence), glyph coverage, the sounds, and
silence without an audio device."""
from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.resources import asset_path  # noqa: E402
from game.ui import strings  # noqa: E402
from game.ui.sound import NAMES, PLACES_SOUNDS, TUNES, Sound  # noqa: E402
from game.ui.theme import FONT_FILES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def test_fonts_are_bundled_small_and_licensed():
    folder = asset_path("fonts")
    total = sum(p.stat().st_size for p in folder.glob("*.otf")) + \
        sum(p.stat().st_size for p in folder.glob("*.ttf"))
    assert 0 < total < 2_000_000
    for name in FONT_FILES.values():
        assert (folder / name).is_file()
    licence = (folder / "OFL-Inter.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def _interface_chars() -> set[str]:
    chars = set()
    for value in vars(strings).values():
        texts = [value] if isinstance(value, str) else []
        if isinstance(value, dict):
            texts = [v for v in value.values() if isinstance(v, str)]
        if isinstance(value, tuple):
            texts = [x for pair in value for x in (pair if isinstance(pair, tuple) else (pair,))
                     if isinstance(x, str)]
        for text in texts:
            chars.update(c for c in text if ord(c) > 127)
    return chars | {"★", "☆", "▲", "▼", "…"}


@pytest.mark.parametrize("face", sorted(FONT_FILES.values()))
def test_every_interface_glyph_is_in_the_font(face):
    pygame.font.init()
    font = pygame.font.Font(str(asset_path("fonts", face)), 32)
    missing = pygame.image.tobytes(font.render("\ue000", True, (0, 0, 0)), "RGBA")
    absent = [c for c in sorted(_interface_chars())
              if pygame.image.tobytes(font.render(c, True, (0, 0, 0)), "RGBA") == missing]
    assert not absent, f"{face} lacks {absent}"


def test_sounds_are_small_wavs_and_match_the_generator(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "make_sounds.py"),
                          str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    for name in NAMES:
        shipped = asset_path("sounds", f"{name}.wav")
        assert shipped.stat().st_size < 30_000
        with wave.open(str(shipped)) as w:
            assert w.getnchannels() == 1 and w.getsampwidth() == 2
            assert 0.05 < w.getnframes() / w.getframerate() < 1.0
        assert (tmp_path / f"{name}.wav").read_bytes() == shipped.read_bytes()
    longer = [*PLACES_SOUNDS.values(), *TUNES]          # the ambience loops and the theme
    for name in longer:
        shipped = asset_path("sounds", f"{name}.wav")
        assert shipped.stat().st_size < 300_000
        with wave.open(str(shipped)) as w:
            assert w.getnchannels() == 1 and w.getsampwidth() == 2
            assert 5.0 <= w.getnframes() / w.getframerate() <= 15.0
        assert (tmp_path / f"{name}.wav").read_bytes() == shipped.read_bytes()
    for name in PLACES_SOUNDS.values():                # a loop's end runs into its start
        with wave.open(str(asset_path("sounds", f"{name}.wav"))) as w:
            frames = w.readframes(w.getnframes())
        first, last = (int.from_bytes(frames[i:i + 2], "little", signed=True)
                       for i in (0, len(frames) - 2))
        assert abs(last - first) < 0.05 * 32767, name
    written = {p.stem for p in tmp_path.glob("*.wav")}
    assert written == set(NAMES) | set(longer)          # every sound the game plays, no other


def test_sound_plays_silently_with_the_dummy_driver():
    sound = Sound(volume=50)
    for name in NAMES:
        sound.play(name)
    sound.play("no such sound")


def test_sound_is_silent_when_the_mixer_cannot_start(monkeypatch):
    def broken(*a, **k):
        raise pygame.error("no audio device")
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", broken)
    sound = Sound(volume=50)
    sound.play("score_up")
    assert sound.available is False
