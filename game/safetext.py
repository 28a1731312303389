"""Characters that must never reach a terminal, a font or a page from someone else's file.

Levels and classroom files are written by others. A YAML escape can put into a text any
character: NUL (which `font.render` refuses), ESC (which lets a level title clear or
retitle the teacher's terminal), or a bidi override (which makes the text shown differ from
the text written). `validate` refuses them with a located error (E014, see
`game.content.yamlsafe`); every place that still shows such a text to a person (the
terminal, the window) passes it through `shown()` first, so that a string never crashes
or takes over anything.
"""
from __future__ import annotations

import contextlib
import re
import sys

# C0 controls but tab and newline, DEL and the C1 controls, the bidi controls and lone
# surrogates (which cannot be encoded, so cannot be printed or drawn).
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                    "\u2066-\u2069\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def shown(text: str, replacement: str = REPLACEMENT) -> str:
    """The text with each hidden character replaced, one for one (offsets stay valid)."""
    if not isinstance(text, str):
        text = str(text)
    return HIDDEN.sub(replacement, text) if HIDDEN.search(text) else text


def describe(char: str) -> str:
    """A hidden character as a reader can look it up: "U+001B"."""
    return f"U+{ord(char):04X}"


class ShownStream:
    """A text stream that writes everything through `shown()`: the terminal never receives
    an escape sequence or a bidi control from a file, whichever command printed it."""

    def __init__(self, inner):
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(shown(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


@contextlib.contextmanager
def terminal_guarded():
    """While inside, `sys.stdout` and `sys.stderr` write through `shown()`."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ShownStream(sys.stdout), ShownStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
