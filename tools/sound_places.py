"""The ambience of each kind of place and the theme, for `make_sounds.py` (standard library
only, deterministic: noise comes from a fixed linear congruential generator).

Each ambience is a 6-second loop whose end is faded into its start, so it repeats without a
click. Ambience is mixed low (peak `AMBIENCE_PEAK`) so it never covers an effect; the theme
is a little louder (`THEME_PEAK`), and plays only where nothing is read in a hurry.
"""
from __future__ import annotations

import math

RATE = 11025
LOOP_SECONDS = 6.0
JOIN_SECONDS = 0.5
AMBIENCE_PEAK = 0.2
THEME_PEAK = 0.45


class Noise:
    """White noise in [-1, 1] from a 32-bit linear congruential generator."""

    def __init__(self, seed: int) -> None:
        self.state = seed & 0xFFFFFFFF

    def next(self) -> float:
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return self.state / 2147483648.0 - 1.0


def _lowpass(samples: list[float], cutoff: float) -> list[float]:
    a = 1 - math.exp(-2 * math.pi * cutoff / RATE)
    y, out = 0.0, []
    for x in samples:
        y += a * (x - y)
        out.append(y)
    return out


def _noise(n: int, seed: int, cutoff: float) -> list[float]:
    gen = Noise(seed)
    return _normal(_lowpass([gen.next() for _ in range(n)], cutoff))


def _normal(samples: list[float]) -> list[float]:
    peak = max(abs(v) for v in samples) or 1.0
    return [v / peak for v in samples]


def _hum(n: int, partials: list[tuple[float, float]]) -> list[float]:
    return [sum(w * math.sin(2 * math.pi * f * i / RATE) for f, w in partials)
            for i in range(n)]


def _add(into: list[float], part: list[float], at: float = 0.0, gain: float = 1.0) -> None:
    start = int(at * RATE)
    for i, v in enumerate(part):
        if start + i < len(into):
            into[start + i] += v * gain


def _ping(freqs: list[tuple[float, float]], seconds: float, decay: float) -> list[float]:
    """A struck sound: partials that start at once and die away."""
    n = int(seconds * RATE)
    fade = max(1, int(0.005 * RATE))
    return [sum(w * math.sin(2 * math.pi * f * i / RATE) for f, w in freqs)
            * math.exp(-i / RATE / decay) * min(1.0, (n - i) / fade) for i in range(n)]


def _thump(seed: int, seconds: float = 0.12) -> list[float]:
    """A soft low knock (a footstep, a tick): filtered noise with a quick decay."""
    n = int(seconds * RATE)
    burst = _lowpass([Noise(seed).next() for _ in range(n)], 600)
    return [v * math.exp(-i / RATE / 0.025) * 4 for i, v in enumerate(burst)]


def _loop(samples: list[float]) -> list[float]:
    """The first LOOP_SECONDS, with the extra tail faded into the start: a seamless loop."""
    n, join = int(LOOP_SECONDS * RATE), int(JOIN_SECONDS * RATE)
    out = samples[:n]
    for i in range(join):
        k = i / join
        out[i] = out[i] * k + samples[n + i] * (1 - k)
    peak = max(abs(v) for v in out) or 1.0
    return [v / peak * AMBIENCE_PEAK for v in out]


def _length() -> int:
    return int((LOOP_SECONDS + JOIN_SECONDS) * RATE)


def street() -> list[float]:
    """Traffic's low rumble, one car passing, tyres on a wet road."""
    n = _length()
    rumble = _noise(n, 11, 120)
    hiss = _noise(n, 12, 1500)
    out = [0.7 * r for r in rumble]
    for i in range(n):
        t = i / RATE
        swell = math.exp(-((t - 3.0) / 1.1) ** 2)
        out[i] += hiss[i] * (0.12 + 0.45 * swell)
    return _loop(out)


def station() -> list[float]:
    """A big hall's murmur over a low hum, and a two-note announcement chime."""
    n = _length()
    murmur = _noise(n, 21, 400)
    slow = _noise(n, 22, 2)
    out = [m * (0.6 + 0.4 * s) for m, s in zip(murmur, slow)]
    _add(out, _hum(n, [(55.0, 0.2), (110.0, 0.1)]))
    chime = [0.0] * int(2.0 * RATE)
    _add(chime, _ping([(659.3, 1.0), (1318.5, 0.2)], 1.2, 0.5))
    _add(chime, _ping([(523.3, 1.0), (1046.5, 0.2)], 1.6, 0.7), at=0.45)
    _add(out, chime, at=1.5, gain=0.5)
    return _loop(out)


def office() -> list[float]:
    """Air conditioning, a faint electrical hum, a few keys typed somewhere."""
    n = _length()
    out = [0.5 * v for v in _noise(n, 31, 250)]
    _add(out, _hum(n, [(120.0, 0.06), (240.0, 0.03)]))
    for k, at in enumerate((0.8, 0.95, 1.07, 1.3, 1.42, 3.6, 3.71, 3.9, 4.6)):
        _add(out, _thump(40 + k, 0.05), at=at, gain=0.25)
    return _loop(out)


def home() -> list[float]:
    """A quiet room: a fridge's hum and a clock ticking once a second."""
    n = _length()
    out = [0.25 * v for v in _noise(n, 51, 180)]
    _add(out, _hum(n, [(50.0, 0.12), (100.0, 0.05)]))
    for k in range(6):
        _add(out, _ping([(2400.0, 0.5), (3700.0, 0.3)], 0.04, 0.006), at=0.3 + k, gain=0.5)
    return _loop(out)


def hall() -> list[float]:
    """A large public room: murmur under a high ceiling, footsteps that echo."""
    n = _length()
    out = [0.45 * v for v in _noise(n, 61, 300)]
    for k, at in enumerate((0.7, 1.25, 1.8, 2.35, 4.2, 4.75)):
        step = _thump(70 + k)
        _add(out, step, at=at, gain=0.5)
        _add(out, step, at=at + 0.16, gain=0.2)     # its echo off the far wall
    return _loop(out)


LOOPS = tuple((f"ambience_{f.__name__}", f) for f in (street, station, office, home, hall))

# ---------------------------------------------------------------- the theme

A, B, C5, D5, E5, F4, G4, A3 = 440.0, 493.9, 523.3, 587.3, 659.3, 349.2, 392.0, 220.0
#: A minor: a line that rises to the fifth, circles and comes home, over Am F C E.
MELODY = (A, C5, E5, D5, C5, B, C5, A, F4, A, C5, B, G4, B, E5, A)
CHORDS = ((110.0, 164.8), (87.3, 130.8), (130.8, 196.0), (82.4, 123.5))


def _note(freq: float, seconds: float) -> list[float]:
    """A music-box note: bright attack, long soft decay."""
    return _ping([(freq, 1.0), (2 * freq, 0.35), (3 * freq, 0.1)], seconds, seconds / 3)


def _pad(freqs: tuple, seconds: float) -> list[float]:
    """A held chord with slow attack and release."""
    n = int(seconds * RATE)
    edge = int(0.4 * RATE)
    return [sum(math.sin(2 * math.pi * f * i / RATE) for f in freqs) *
            min(1.0, i / edge, (n - i) / edge) for i in range(n)]


def _theme(beat: float, end_chord: tuple) -> list[float]:
    bar = 4 * beat
    out = [0.0] * int((len(MELODY) * beat + 2.5) * RATE)
    for i, freq in enumerate(MELODY):
        _add(out, _note(freq, beat * 2.5), at=i * beat)
    for i, chord in enumerate(CHORDS):
        _add(out, _pad(chord, bar + 0.3), at=i * bar, gain=0.25)
    _add(out, _pad(end_chord, 2.4), at=len(MELODY) * beat, gain=0.3)
    _add(out, _note(A3 * 2, 2.4), at=len(MELODY) * beat)
    peak = max(abs(v) for v in out) or 1.0
    return [v / peak * THEME_PEAK for v in out]


def theme_title() -> list[float]:
    """The theme at a walking pace, ending on A minor."""
    return _theme(0.42, (110.0, 130.8, 164.8))


def theme_ending() -> list[float]:
    """The same line slower, ending open: an A and an E, no third."""
    return _theme(0.6, (110.0, 164.8))


THEMES = (("theme_title", theme_title), ("theme_ending", theme_ending))
