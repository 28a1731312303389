"""Every code the game can print, in one book: the level's (E/W, `codes.py`), the analyzer's
(A4xx, `analyzer_codes.py`) and the classroom file's (C1xx, `classroom_codes.py`).
`validate --explain CODE` and `analyze --explain CODE` read it.

The tables live here in `game.content`, below everything that reports their codes
(`game.authoring` the A4xx, `game.classroom` the C1xx), so explaining any code needs no
import from a higher layer. A new family of codes gets its table here and joins `all_codes`.
"""
from __future__ import annotations

from . import codes
from .analyzer_codes import ANALYZE_CODES
from .analyzer_codes import SEVERITY as ANALYZE_SEVERITY
from .classroom_codes import CLASSROOM_CODES
from .codes import CODES as LEVEL_CODES
from .codes import Code, _indented


def all_codes() -> dict[str, Code]:
    """Every code the game can print: levels (E/W), analyzer (A4xx), classroom (C1xx)."""
    return {**LEVEL_CODES, **ANALYZE_CODES, **CLASSROOM_CODES}


def severity(code: str) -> str:
    """"error", "warning" or "info". A classroom file with any C1xx code is not used, so
    those are all errors."""
    if code.startswith("A"):
        return ANALYZE_SEVERITY.get(code, "warning")
    if code.startswith("C"):
        return "error"
    return codes.severity(code)


def explain(code: str) -> str:
    """The long explanation of any code, as `validate --explain CODE` prints it."""
    code = code.strip().upper()
    if code in LEVEL_CODES:
        return codes.explain(code)
    entry = all_codes().get(code)
    if entry is None:
        return f"There is no code `{code}`. Codes look like E101, W303, A402 or C105.\n"
    parts = [f"{code} ({severity(code)}): {entry.title}", "", entry.explanation]
    if entry.wrong:
        parts += ["", "Wrong:", _indented(entry.wrong)]
    if entry.fixed:
        parts += ["", "Right:", _indented(entry.fixed)]
    return "\n".join(parts) + "\n"
