"""The command line, exactly as DESIGN.md section 5 names it.

Each command is a small function `cmd_*(args) -> exit code`, looked up in `COMMANDS` when it
runs (so a test can replace one). `main` turns the expected failures into plain messages and
exit codes, and any unexpected one into a single line and a crash log: no traceback reaches a
user.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from ..errors import (CONTENT_PROBLEM, OK, USAGE_ERROR, ContentProblem, UsageError,
                     report_crash)
from ..safetext import terminal_guarded
from .support import plain_parser_class

if TYPE_CHECKING:
    import argparse

# ---------------------------------------------------------------- commands kept here
# The command modules are imported when their command runs: plain `sincerity` goes straight
# to the window, and everything it does not need stays out of its start-up.

def _later(module: str, name: str):
    """The command `name` of `game.<module>`, imported only when it runs."""
    def command(args) -> int:
        from importlib import import_module

        return getattr(import_module(f"game.{module}"), name)(args)
    command.__name__ = name
    command.__doc__ = f"`{name}` of game.{module}, imported when it runs."
    return command


def cmd_bench(args) -> int:
    """Measure the game against its budgets (DESIGN.md section 6)."""
    from . import bench

    return bench.main(as_json=args.json)


def cmd_screenshots(args) -> int:
    """Save every screen as a PNG, headless (the window's job)."""
    from ..ui.screenshots import main as screenshots

    result = screenshots(args.outdir)
    return result if isinstance(result, int) else OK


def explain(code: str) -> int:
    """`validate --explain CODE` or `analyze --explain CODE`: any code the game can print."""
    from ..content import codebook

    sys.stdout.write(codebook.explain(code))
    return OK if code.strip().upper() in codebook.all_codes() else USAGE_ERROR


def cmd_analyze(args) -> int:
    """Check that every level can be finished, and how (game.authoring.analyze)."""
    if args.explain:
        return explain(args.explain)
    return _later("authoring.analyze", "cmd_analyze")(args)


def cmd_validate(args) -> int:
    """Check level files and classroom files, or explain a code (`--explain C105`)."""
    from ..classroom import commands
    from .levels import cmd_validate as validate_levels

    if args.explain:
        return explain(args.explain)
    rooms, levels = commands.split_paths(args.paths)
    if not rooms:
        return validate_levels(args)
    if levels and args.json:
        raise UsageError("with --json, validate classroom files and level files separately")
    result = commands.validate_classrooms(rooms, args.json)
    if levels:
        args.paths = levels
        result = max(result, validate_levels(args))
    return result


COMMANDS = {
    "play": _later("cli.play", "cmd_play"),
    "validate": cmd_validate,
    "levels": _later("cli.levels", "cmd_levels"),
    "schema": _later("cli.levels", "cmd_schema"),
    "bench": cmd_bench,
    "screenshots": cmd_screenshots,
    "analyze": cmd_analyze,
    "graph": _later("authoring.graph", "cmd_graph"),
    "compat": _later("authoring.compat", "cmd_compat"),
    "report": _later("classroom.report", "cmd_report"),
    "serve": _later("web.serve", "cmd_serve"),
    "studio": _later("studio.command", "cmd_studio"),
}


# ---------------------------------------------------------------- the parser

def _add_play(sub) -> None:
    from .play import parse_choice_list

    p = sub.add_parser("play", help="play a level (in a window unless --text)")
    p.add_argument("--level", metavar="ID|PATH", help="a bundled level's id, or a level file")
    p.add_argument("--persona", metavar="ID", help="who you play")
    p.add_argument("--ruleset", metavar="ID", help="the rules that score you")
    p.add_argument("--seed", type=int, default=0, metavar="N",
                   help="luck: the same seed and choices replay the same game (default 0)")
    p.add_argument("--text", action="store_true", help="play in the terminal (screen readers)")
    p.add_argument("--export", metavar="DIR", help="write the session record to this folder")
    p.add_argument("--classroom", metavar="FILE", help="classroom settings from the teacher")
    p.add_argument("--seat", type=int, metavar="N", help="this computer's seat in the class "
                   "(1-45, each computer its own): balances persona and order across the class")
    p.add_argument("--dev", action="store_true", help="show what the player cannot see")
    p.add_argument("--start-at", metavar="SCENE", help="start at this scene")
    p.add_argument("--choices", type=parse_choice_list, metavar="1,3,2",
                   help="make these numbered choices, then stop (implies --text)")
    p.add_argument("--transcript", action="store_true",
                   help="print a stable transcript (implies --text)")
    p.add_argument("--preset", metavar="NAME", help="start from one of the level's presets")
    p.add_argument("--campaign", action="store_true",
                   help="every chapter in order in the terminal, then the finale (implies --text)")


def _add_tools(sub) -> None:
    p = sub.add_parser("validate", help="check level files (default: the bundled ones) "
                       "or classroom files")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="a level file, a folder of them, or a classroom file")
    p.add_argument("--json", action="store_true", help="print the problems as JSON")
    p.add_argument("--explain", metavar="CODE", help="explain a problem code (E101, A402, C105)")
    p = sub.add_parser("levels", help="list the levels")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    sub.add_parser("schema", help="print the JSON Schema of the level format")
    p = sub.add_parser("bench", help="measure the game against its budgets")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p = sub.add_parser("screenshots", help="save every screen as a PNG")
    p.add_argument("outdir", metavar="OUTDIR", help="the folder for the PNG files")


def _add_authoring(sub) -> None:
    p = sub.add_parser("analyze", help="check that levels can be finished, and how "
                       "(default: the bundled ones)")
    p.add_argument("levels", nargs="*", metavar="LEVEL", help="a bundled level's id, or a file")
    p.add_argument("--json", action="store_true", help="print the problems and findings as JSON")
    p.add_argument("--explain", metavar="CODE", help="explain a problem code (A403, E101)")
    p = sub.add_parser("graph", help="draw a level's scenes and choices")
    p.add_argument("level", metavar="LEVEL", help="a bundled level's id, or a level file")
    p.add_argument("-o", dest="output", metavar="FILE", required=True,
                   help="the picture to write: .svg or .png (drawn by the game), .dot or "
                   ".mmd (Mermaid)")
    p.add_argument("--graphviz", action="store_true",
                   help="draw the .svg or .png with Graphviz's `dot` (when installed)")
    p = sub.add_parser("compat", help="which saves of OLD resume where in NEW")
    p.add_argument("old", metavar="OLD.yaml", help="the level as it was")
    p.add_argument("new", metavar="NEW.yaml", help="the level as it is now")


def _add_report(sub) -> None:
    p = sub.add_parser("report", help="a class report (HTML) from session files")
    p.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                   help="session files (.json), or folders of them")
    p.add_argument("-o", dest="output", metavar="FILE", required=True,
                   help="the report to write, e.g. class.html")


def _add_serve(sub) -> None:
    p = sub.add_parser("serve", help="serve the lesson to browsers from this computer")
    p.add_argument("classroom", nargs="?", metavar="CLASSROOM.yaml",
                   help="the classroom file (default: Day Zero and The Pilot City)")
    p.add_argument("--host", metavar="H", help="the address to listen on (default: this "
                   "computer's LAN address and 127.0.0.1)")
    p.add_argument("--port", type=int, metavar="P", help="the port (default: a free one)")
    p.add_argument("--data", metavar="DIR", help="the lesson's data folder (default: one "
                   "per day in your user data folder)")


def _add_studio(sub) -> None:
    p = sub.add_parser("studio", help="write a level in your browser: its text, problems, "
                       "a live preview and its story map (this computer only)")
    p.add_argument("level", nargs="?", metavar="LEVEL.yaml",
                   help="the level file (default: levels/my_level.yaml, made when you save)")
    p.add_argument("--port", type=int, metavar="P", help="the port (default: a free one)")
    p.add_argument("--host", metavar="H", help="only 127.0.0.1: the studio is for this "
                   "computer")
    p.add_argument("--no-open", action="store_true",
                   help="print the page's address; do not open the browser")


def build_parser(prog: str) -> argparse.ArgumentParser:
    PlainParser = plain_parser_class()
    parser = PlainParser(prog=prog, description="Sincerity: a game about being scored. "
                         "With no command, it opens the game window.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=PlainParser)
    _add_play(sub)
    _add_tools(sub)
    _add_authoring(sub)
    _add_report(sub)
    _add_serve(sub)
    _add_studio(sub)
    return parser


# ---------------------------------------------------------------- running

def _program_name() -> str:
    argv0 = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "python -m game" if argv0 in ("__main__.py", "-m", "") else "sincerity"


def run(argv: list[str], prog: str) -> int:
    """Parse and run one command; expected failures become messages and exit codes."""
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *argv])
    try:
        return COMMANDS[args.command](args)
    except (UsageError, ContentProblem) as exc:
        return failure(exc, argv, prog)


def _silence_stdout() -> None:
    """After the reader of our output went away (`| head`), drop what is left quietly."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code; nothing here lets a traceback out."""
    argv = sys.argv[1:] if argv is None else list(argv)
    with terminal_guarded():  # no text from a file ever drives the terminal
        try:
            return run(argv, _program_name())
        except BaseException as exc:  # noqa: BLE001 - the one place that catches everything
            return failure(exc, argv)


def failure(exc: BaseException, argv: list[str], prog: str | None = None) -> int:
    """The exit code for a failure that reached the top, after saying it plainly: expected
    ones as a message, a bug as one line and a crash log. Also used by plain `sincerity`
    (game/__main__.py), which opens its window without this module."""
    if isinstance(exc, UsageError):
        sys.stderr.write(f"{prog or _program_name()}: {exc}\n")
        return USAGE_ERROR
    if isinstance(exc, ContentProblem):
        sys.stderr.write(f"{exc}\n")
        return CONTENT_PROBLEM
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("\nStopped.\n")
        return 130
    if isinstance(exc, BrokenPipeError):
        _silence_stdout()
        return OK
    if isinstance(exc, Exception):
        return report_crash(exc, argv)
    raise exc


def main_captured(argv: list[str]) -> tuple[int, str]:
    """Run the command line in this process: its exit code and what it printed (the golden
    transcripts, game/authoring/transcripts.py, are made and checked with it)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue()
