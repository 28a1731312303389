"""Which characters the bundled fonts can draw, read from each font file's character map.

A font file (OpenType or TrueType) lists the code points it has a glyph for in its `cmap`
table; any other character is drawn as the font's "missing" box. This small reader of that
table is the one glyph check the game has: the window uses it to send characters the
dyslexia-friendly face lacks to Inter (`game.ui.fonts`), and `validate` uses it to warn about
level text the fonts cannot draw (W308). It reads bytes only: no pygame, no font engine.
"""
from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

#: the faces that draw a level's words (body, strong, titles); the dyslexia-friendly face
#: falls back to them for anything it lacks, so what they cover is what the window can show
TEXT_FONTS = ("Inter-Regular.otf", "Inter-SemiBold.otf")
#: characters that draw nothing and need no glyph
INVISIBLE = frozenset("\n\t\r\u00ad\u200b\u200c\u200d\u2060\ufeff")

_UNICODE_FULL = ((3, 10), (0, 4), (0, 6))
_UNICODE_BMP = ((3, 1), (0, 0), (0, 1), (0, 2), (0, 3))


class FontProblem(ValueError):
    """A font file whose character map cannot be read."""


@lru_cache(maxsize=16)
def code_points(path: str) -> frozenset[int]:
    """Every code point the font at `path` has a glyph for. Raises FontProblem for a file
    that is not a font or whose character map is damaged."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FontProblem(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        return frozenset(_read_cmap(data))
    except (struct.error, IndexError, ValueError) as exc:
        raise FontProblem(f"{path}: its character map cannot be read ({exc})") from None


@lru_cache(maxsize=1)
def text_coverage() -> frozenset[int]:
    """The code points every text face has (empty if a font file cannot be read)."""
    from ..resources import asset_path
    try:
        sets = [code_points(str(asset_path("fonts", name))) for name in TEXT_FONTS]
    except FontProblem:
        return frozenset()
    return frozenset.intersection(*sets)


def _lacks_any(text: str, coverage: frozenset[int]) -> bool:
    """Whether `text` holds any character the fonts lack (set work in C, no loop per char)."""
    if text.isascii() and _covers_ascii(coverage):
        return False
    return any(ord(c) not in coverage and c not in INVISIBLE for c in set(text))


@lru_cache(maxsize=4)
def _covers_ascii(coverage: frozenset[int]) -> bool:
    return all(c in coverage or chr(c) in INVISIBLE for c in range(32, 127))


def missing(text: str, coverage: frozenset[int]) -> list[str]:
    """The distinct characters of `text` the fonts lack, in order of first appearance."""
    if not _lacks_any(text, coverage):
        return []
    seen: dict[str, None] = {}
    for char in text:
        if ord(char) not in coverage and char not in INVISIBLE and char not in seen:
            seen[char] = None
    return list(seen)


# ---------------------------------------------------------------- the cmap table

def _read_cmap(data: bytes) -> set[int]:
    count = struct.unpack_from(">H", data, 4)[0]
    for i in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            return _subtable(data, offset)
    raise ValueError("no cmap table")


def _subtable(data: bytes, cmap: int) -> set[int]:
    """The best Unicode subtable: format 12 (every plane) before format 4 (the BMP)."""
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    found: dict[int, int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        start = cmap + offset
        fmt = struct.unpack_from(">H", data, start)[0]
        if fmt == 12 and (platform, encoding) in _UNICODE_FULL:
            found.setdefault(12, start)
        elif fmt == 4 and (platform, encoding) in _UNICODE_BMP:
            found.setdefault(4, start)
    if 12 in found:
        return _format12(data, found[12])
    if 4 in found:
        return _format4(data, found[4])
    raise ValueError("no Unicode character map")


def _format12(data: bytes, start: int) -> set[int]:
    groups = struct.unpack_from(">I", data, start + 12)[0]
    points: set[int] = set()
    for i in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * i)
        if last < first or last > 0x10FFFF:
            raise ValueError("a bad character range")
        points.update(c for c in range(first, last + 1) if glyph + c - first)
    return points


def _format4(data: bytes, start: int) -> set[int]:
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = start + 14
    starts = ends + 2 * segments + 2
    deltas = starts + 2 * segments
    ranges = deltas + 2 * segments
    points: set[int] = set()
    for i in range(segments):
        last = struct.unpack_from(">H", data, ends + 2 * i)[0]
        first = struct.unpack_from(">H", data, starts + 2 * i)[0]
        delta = struct.unpack_from(">h", data, deltas + 2 * i)[0]
        offset = struct.unpack_from(">H", data, ranges + 2 * i)[0]
        for c in range(first, min(last, 0xFFFE) + 1):
            if offset == 0:
                glyph = (c + delta) & 0xFFFF
            else:
                at = ranges + 2 * i + offset + 2 * (c - first)
                glyph = struct.unpack_from(">H", data, at)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                points.add(c)
    return points


# ---------------------------------------------------------------- the W308 check

def check_glyphs(ctx):
    """W308: every character of the level's text is one the game's fonts can draw."""
    coverage = text_coverage()
    whole = ctx.source if ctx.source is not None else ctx.level.model_dump_json()
    if not coverage or not _lacks_any(whole, coverage):
        return                  # the usual case, found in one pass over the file's text
    for path, text in _texts(ctx.level.model_dump(by_alias=True, exclude_none=True), ()):
        lacking = missing(text, coverage)
        if lacking:
            shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in lacking[:5])
            more = f" and {len(lacking) - 5} more" if len(lacking) > 5 else ""
            yield ctx.warning("W308", path,
                              f"the game's fonts cannot draw {shown}{more}: the window shows "
                              "an empty box instead", "use words, or characters the fonts "
                              "have; the text mode (--text) shows them as they are")


def _texts(value, path: tuple):
    """(path, text) for every string in the level's data."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))
