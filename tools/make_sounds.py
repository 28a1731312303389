"""Generate the game's four interface sounds with the standard library only.

    python tools/make_sounds.py [OUTDIR]      # default: assets/sounds

Writes score_up.wav, score_down.wav, locked.wav and notification.wav: mono, 22 050 Hz,
16-bit, each well under 30 KB. The output is deterministic (no randomness), so running the
script again gives the same bytes and the committed files can be checked against it.
"""
from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

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


SOUNDS = {"score_up": score_up, "score_down": score_down, "locked": locked,
          "notification": notification}


def write_wav(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, v)) * 32767)) for v in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
