"""The `play` command: check the options against the level, then play in the terminal or a
window."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import USAGE_ERROR, ContentProblem, UsageError


def parse_choice_list(text: str) -> list[int]:
    """`--choices 1,3,2` as numbers (argparse type)."""
    import argparse

    try:
        numbers = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"needs choice numbers separated by commas, like 1,3,2 (not `{text}`)") from None
    if not numbers:
        raise argparse.ArgumentTypeError("needs at least one choice number, like 1,3,2")
    return numbers


def _valid(what: str, given: str, known) -> None:
    if given is not None and given not in known:
        names = ", ".join(known) or "(none)"
        raise UsageError(f"this level has no {what} `{given}`; the {what}s are: {names}")


def check_options(args, level) -> None:
    """`--persona`, `--ruleset`, `--preset` and `--start-at` must name things in the level."""
    _valid("persona", args.persona, level.personas)
    _valid("ruleset", args.ruleset, level.rulesets)
    if args.preset is not None and not level.presets:
        raise UsageError(f"this level has no presets, so `--preset {args.preset}` cannot be used")
    _valid("preset", args.preset, level.presets)
    _valid("scene", args.start_at, level.scenes)


def start_state(args, level):
    """The first state the options ask for."""
    from ..core import new_game, start_at

    state = new_game(level, args.persona, args.ruleset, seed=args.seed, preset=args.preset)
    if args.start_at:
        state = start_at(state, args.start_at)
    return state


def cmd_play(args) -> int:
    """Play a level, in the terminal (`--text`) or in a window."""
    if args.classroom:
        return _play_classroom(args)
    if getattr(args, "campaign", False):
        return _play_campaign(args)
    text_mode = args.text or args.choices or args.transcript
    if not text_mode and _nothing_chosen(args):
        return _play_window(args, None)   # the window loads the levels after its first frame
    from ..content.catalog import find_level

    loaded = find_level(args.level)
    check_options(args, loaded.level)
    if args.text or args.choices or args.transcript:
        return _play_text(args, loaded)
    return _play_window(args, loaded)


def _nothing_chosen(args) -> bool:
    """Plain `sincerity`: no level or option that must be checked before a window opens."""
    return not any(getattr(args, name, None) for name in
                   ("level", "persona", "ruleset", "start_at", "preset", "classroom"))


def _play_text(args, loaded) -> int:
    from ..text import play_text

    if args.export:   # the same game, timed and recorded (game.classroom.textplay)
        from ..classroom.textplay import play_and_export
        return play_and_export(args, start_state(args, loaded.level), Path(args.export))
    return play_text(start_state(args, loaded.level), choices=args.choices,
                     transcript=args.transcript, dev=args.dev)


def _play_campaign(args) -> int:
    """`--campaign`: the bundled chapters in their order, in the terminal, then the finale."""
    from ..content import bundled_levels, load_level
    from ..text.session import play_campaign

    loaded = [load_level(path) for path in bundled_levels()]
    broken = [lv for lv in loaded if lv.level is None]
    if broken:
        raise ContentProblem("\n".join(lv.format() for lv in broken))
    levels = sorted((lv.level for lv in loaded if lv.level is not None),
                    key=lambda level: level.order)
    return play_campaign(levels, args.persona, args.seed)


def _play_classroom(args) -> int:
    """`--classroom FILE`: check the classroom file, then kiosk mode in a window (or its
    chapters in the terminal with `--text`). `--export DIR` overrides its export folder."""
    from ..classroom.config import load_classroom

    if not Path(args.classroom).is_file():
        raise UsageError(f"there is no classroom file at {args.classroom}")
    _check_seat(getattr(args, "seat", None))
    room = load_classroom(args.classroom)
    if not room.ok:
        raise ContentProblem(room.format())
    folder = Path(args.export) if args.export else room.export_dir
    if args.text or args.choices or args.transcript:
        from ..classroom.textplay import play_and_export
        return play_and_export(args, None, folder, classroom=room)
    args.classroom_loaded, args.export = room, str(folder)
    return _play_window(args, None)


def _check_seat(seat: int | None) -> None:
    from ..classroom.fairness import MAX_SEAT
    if seat is not None and not 1 <= seat <= MAX_SEAT:
        raise UsageError(f"--seat {seat} is not a seat: give each computer its own number "
                         f"from 1 to {MAX_SEAT}, e.g. --seat 7")


def _play_window(args, loaded) -> int:
    """Hand over to the window (`game.ui.run`), which gets the options and the loaded level
    as `args.loaded`."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")   # no banner on the terminal
    try:
        import pygame  # noqa: F401 - the window's one library; missing means a broken install
    except ImportError as exc:
        sys.stderr.write(f"The game window needs pygame-ce, which could not be loaded ({exc}). "
                         "Reinstall the game (see the README), or play in the terminal: "
                         "python -m game play --text\n")
        return USAGE_ERROR
    from ..ui import run

    args.loaded = loaded
    result = run(args)
    return result if isinstance(result, int) else 0
