"""Generate every sound of the game with the standard library only.

    python tools/make_sounds.py [OUTDIR]      # default: assets/sounds

Writes, mono 16-bit WAVs:

- the effects (22 050 Hz, each well under 30 KB): score_up, score_down, locked,
  notification, and a cue for each moment of watching (cue_camera: a small motor turns;
  cue_light: a soft relay click and a faint high tone; cue_buzz: a phone buzzing twice;
  cue_glance: two soft keyboard taps);
- an ambience loop for each kind of place (11 025 Hz, 6 seconds, joined end to start without
  a click): street, station, office, home, hall;
- the theme, a short melody in A minor (title: calm, about 9 s; ending: the same line slower,
  ending on an open chord).

Everything is mixed low: the ambience sits well under the effects, and nothing in the game
is said by sound alone. The output is deterministic (noise comes from a fixed generator), so
running the script again gives the same bytes and the committed files can be checked
against it.
"""
from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sound_places as ambience  # noqa: E402  (beside this script)

RATE = 22050
PEAK = 0.55  # of full scale: interface sounds stay quiet


def _envelope(i: int, n: int, attack: float, decay: float) -> float:
    """A soft attack, then an exponential decay to silence at the end."""
    t = i / RATE
    rise = min(1.0, t / attack) if attack > 0 else 1.0
    fall = math.exp(-t / decay)
    tail = min(1.0, (n - i) / (0.01 * RATE))  # 10 ms fade so the file ends at zero
    return rise * fall * tail


def _tone(freqs: list[tuple[float, float]], seconds: float, attack: float, decay: float,
          start: float = 0.0) -> list[float]:
    """Partials (frequency, weight) summed, enveloped, delayed by `start` seconds."""
    n = int(seconds * RATE)
    lead = int(start * RATE)
    out = [0.0] * (lead + n)
    for i in range(n):
        t = i / RATE
        value = sum(w * math.sin(2 * math.pi * f * t) for f, w in freqs)
        out[lead + i] = value * _envelope(i, n, attack, decay)
    return out


def _mix(*parts: list[float]) -> list[float]:
    n = max(len(p) for p in parts)
    out = [0.0] * n
    for part in parts:
        for i, v in enumerate(part):
            out[i] += v
    peak = max(abs(v) for v in out) or 1.0
    return [v / peak * PEAK for v in out]


def score_up() -> list[float]:
    """Two rising notes, bright and short."""
    a = _tone([(659.25, 1.0), (1318.5, 0.25)], 0.16, 0.005, 0.08)
    b = _tone([(880.0, 1.0), (1760.0, 0.25)], 0.24, 0.005, 0.10, start=0.09)
    return _mix(a, b)


def score_down() -> list[float]:
    """Two falling notes, a little duller and longer."""
    a = _tone([(440.0, 1.0), (443.0, 0.5), (880.0, 0.15)], 0.18, 0.008, 0.10)
    b = _tone([(329.6, 1.0), (332.0, 0.5), (659.2, 0.15)], 0.30, 0.008, 0.14, start=0.12)
    return _mix(a, b)


def locked() -> list[float]:
    """A low, dry thunk: the door does not open."""
    body = _tone([(130.0, 1.0), (260.0, 0.5), (390.0, 0.3), (520.0, 0.2)], 0.16, 0.002, 0.035)
    click = _tone([(1900.0, 0.4), (2700.0, 0.2)], 0.02, 0.0005, 0.004)
    return _mix(body, click)


def notification() -> list[float]:
    """A soft two-partial chime."""
    a = _tone([(987.8, 1.0), (1975.5, 0.18), (2963.0, 0.06)], 0.42, 0.004, 0.14)
    return _mix(a)


def cue_camera() -> list[float]:
    """A small motor: a buzzing tone whose pitch rises as the camera turns, then stops."""
    n = int(0.45 * RATE)
    out = []
    phase = 0.0
    for i in range(n):
        t = i / RATE
        phase += 2 * math.pi * (180 + 140 * t / 0.45) / RATE
        value = math.sin(phase) + 0.5 * math.sin(2 * phase) + 0.3 * math.sin(3 * phase)
        out.append(value * _envelope(i, n, 0.03, 0.6))
    stop = _tone([(1400.0, 0.5), (2300.0, 0.3)], 0.03, 0.0005, 0.006, start=0.44)
    return _mix(_scaled(out, 0.5), stop)


def cue_light() -> list[float]:
    """A relay's soft click, then a faint high tone, as a light comes on."""
    click = _tone([(2100.0, 0.5), (3300.0, 0.3)], 0.015, 0.0005, 0.003)
    hum = _tone([(3951.0, 0.12), (7902.0, 0.03)], 0.35, 0.05, 0.25, start=0.02)
    return _mix(click, hum)


def cue_buzz() -> list[float]:
    """A phone buzzing on a table, twice."""
    parts = []
    for start in (0.0, 0.24):
        n = int(0.16 * RATE)
        lead = int(start * RATE)
        buzz = [0.0] * (lead + n)
        for i in range(n):
            t = i / RATE
            rough = math.sin(2 * math.pi * 170 * t)
            buzz[lead + i] = (rough + 0.6 * (1 if rough > 0 else -1)) * _envelope(
                i, n, 0.01, 0.5)
        parts.append(buzz)
    return _scaled(_mix(*parts), 0.5)   # a buzz is dense: half the peak sounds as loud


def cue_glance() -> list[float]:
    """Two soft taps on a keyboard: someone checks a screen."""
    a = _tone([(900.0, 0.6), (1700.0, 0.4), (240.0, 0.5)], 0.05, 0.001, 0.012)
    b = _tone([(820.0, 0.6), (1500.0, 0.4), (220.0, 0.5)], 0.05, 0.001, 0.012, start=0.13)
    return _mix(a, b)


def _scaled(samples: list[float], k: float) -> list[float]:
    return [v * k for v in samples]


SOUNDS = {"score_up": score_up, "score_down": score_down, "locked": locked,
          "notification": notification, "cue_camera": cue_camera, "cue_light": cue_light,
          "cue_buzz": cue_buzz, "cue_glance": cue_glance}


def write_wav(path: Path, samples: list[float], rate: int = RATE) -> None:
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, v)) * 32767)) for v in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parent.parent
    outdir = Path(args[0]) if args else root / "assets" / "sounds"
    outdir.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        path = outdir / f"{name}.wav"
        write_wav(path, make())
        print(f"{path}  {path.stat().st_size} bytes")
    for name, samples in (*ambience.LOOPS, *ambience.THEMES):
        path = outdir / f"{name}.wav"
        write_wav(path, samples(), ambience.RATE)
        print(f"{path}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
