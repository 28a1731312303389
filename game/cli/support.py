"""What every command shares: plain argparse messages (the exit codes, the expected failures
and the crash log are in game/errors.py, where the layers below the command line find them).
"""
from __future__ import annotations

import re
import sys

from ..errors import USAGE_ERROR

# ---------------------------------------------------------------- plain argparse

def _unrecognized(m: re.Match) -> str:
    words = m[1]
    kind = "unknown option" if words.startswith("-") else "unexpected word"
    return f"{kind}: {words}"


def _invalid_choice(m: re.Match) -> str:
    given, names = m[2], m[3].replace("'", "")
    if m[1] in ("COMMAND", "command"):
        return f"unknown command `{given}`; the commands are: {names}"
    return f"{m[1]} cannot be `{given}`; it can be: {names}"


_REWRITES = (
    (re.compile(r"argument (\S+): invalid choice: '?([^']*?)'? \(choose from (.*)\)"),
     _invalid_choice),
    (re.compile(r"unrecognized arguments: (.*)"), _unrecognized),
    (re.compile(r"argument (\S+): invalid int value: '([^']*)'"),
     lambda m: f"{m[1].split('/')[-1]} needs a whole number, not `{m[2]}`"),
    (re.compile(r"argument (\S+): expected one argument"),
     lambda m: f"{m[1].split('/')[-1]} needs a value after it"),
    (re.compile(r"the following arguments are required: (.*)"),
     lambda m: f"missing: {m[1]}"),
    (re.compile(r"argument (\S+): (.*)"),
     lambda m: f"{m[1].split('/')[-1]}: {m[2]}"),
)


def plain_message(message: str) -> str:
    """argparse's error text, said plainly."""
    for pattern, rewrite in _REWRITES:
        match = pattern.fullmatch(message)
        if match:
            return rewrite(match)
    return message


_plain_parser = None


def plain_parser_class():
    """PlainParser: an ArgumentParser whose errors are one plain line and a pointer to --help
    (exit 2). Made on first use, so that plain `sincerity`, which parses nothing, does not
    load argparse before its window shows."""
    global _plain_parser
    if _plain_parser is None:
        import argparse

        class PlainParser(argparse.ArgumentParser):
            def error(self, message: str):  # noqa: D401 - argparse's name
                sys.stderr.write(f"{self.prog}: {plain_message(message)}\n")
                sys.stderr.write(f"See `{self.prog} --help` for what it takes.\n")
                raise SystemExit(USAGE_ERROR)

        _plain_parser = PlainParser
    return _plain_parser
