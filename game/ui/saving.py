"""The window's saved games: the autosave after every choice and on quit, "Continue" on the
title, the three slots of the pause menu, and the notice when saving is off.

The files themselves are `game.saves` (no pygame). Everything here is glue: what a session
and its chapter look like as a save, and a save opened again as a session. Which screen a
save opens (Continue, the slots, resuming) is `game.ui.flow`'s to decide.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import saves
from ..safetext import shown
from ..saves import campaign
from . import strings as S

_LEVEL_ID = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


def store(app) -> saves.Store:
    """The app's saves folder; a window that does not persist (tests) saves nothing."""
    found = getattr(app, "saves", None)
    if found is None:
        found = app.saves = saves.Store.default() if app.persist else saves.Store(None)
    return found


def startup(app) -> None:
    """After the first frame: check the folder, bring back the chapters finished in earlier
    windows, see what Continue offers, lay out the title."""
    store(app).check()
    record_back(app)
    refresh(app)
    top = app.top
    if top is not None:
        top.layout()
        app.dirty = True


def refresh(app) -> None:
    """What the title offers (Continue, Load) and says (saving off, a settings problem)."""
    st = store(app)
    latest = st.latest() if st.folder is not None else saves.Latest()
    app.continue_offer = latest if (latest.save or latest.problem) else None
    app.slots_used = st.folder is not None and any(
        save or problem for _, save, problem in st.slots())
    app.notices = notices(app)


def notices(app) -> list[str]:
    """One line each: why saving is off, why the settings file was not used."""
    lines = []
    off = store(app).off
    if off:
        lines.append(saves.SAVING_OFF.format(why=off))
    problem = getattr(app, "settings_problem", None)
    if problem:
        lines.append(problem)
    said_once = getattr(app, "set_aside_notes", [])
    app.set_aside_notes = []
    return lines + said_once


def saving_off(app) -> str | None:
    off = store(app).off
    return saves.SAVING_OFF.format(why=off) if off else None


# ---------------------------------------------------------------- writing

def score_words(display) -> str:
    """The score as the ruleset lets the player see it ("" when it is hidden)."""
    if display.number is not None:
        return S.SAVE_SCORE.format(n=display.number)
    if display.stars is not None:
        stars = f"{display.stars:g}"
        return S.STARS_OF.format(stars=stars)
    if display.tier:
        return S.TIER.format(name=display.tier)
    return ""


def save_of(session, chapter) -> saves.SaveGame:
    level = session.level
    path = getattr(chapter, "path", None)
    title = chapter.title if chapter is not None else level.title
    where = session.scene or session.ending
    return saves.make_save(
        session.state, title, saves.level_file_hash(path) if path else "",
        os.path.realpath(path) if path else "",   # Continue works from any folder
        [(e.kind, e.title, e.text) for e in session.log],
        where.title if where is not None else "", score_words(session.display()))


def autosave(app, session, chapter) -> bool:
    if session is None:
        return False
    st = store(app)
    written = st.autosave(save_of(session, chapter))
    tell_set_aside(app, st)
    return written


def tell_set_aside(app, st: saves.Store) -> None:
    """Say once that an unreadable autosave was moved aside: a toast on the play screen, or
    else a line on the title the next time it shows."""
    from .messages import Notice
    while st.set_aside:
        path, problem = st.set_aside.pop(0)
        line = saves.SET_ASIDE.format(problem=problem, name=path.name)
        toasts = getattr(app.top, "toasts", None)
        if toasts is not None:
            toasts.add(Notice("info", saves.SET_ASIDE_TITLE, line))
        else:
            app.set_aside_notes = [*getattr(app, "set_aside_notes", []), line]


def save_slot(app, slot: str, session, chapter) -> bool:
    return store(app).write(slot, save_of(session, chapter))


def describe(save: saves.SaveGame) -> str:
    """One line for a slot or an offer: where, when, and the score if it may be shown."""
    parts = [save.scene] if save.scene else []
    when = save.time
    if when is not None:
        parts.append(S.SAVED_AT.format(time=f"{when:%H:%M}", date=f"{when.day} {when:%b %Y}"))
    if save.score:
        parts.append(save.score)
    return S.JOIN.join(parts)


# ---------------------------------------------------------------- reading

def chapter_for(save: saves.SaveGame):
    """The chapter a save was made in, and why not when there is none: its file if it is
    still there with the same id (read by the same safe loader as any level), else the
    installed level with that id."""
    from . import levels
    path = Path(save.level_path) if save.level_path else None
    problem = None
    if path is not None and path.suffix in (".yaml", ".yml") and path.is_file():
        chapter = levels.load_path(path)
        if chapter.ok and chapter.id == save.level_id:
            return chapter, None
        if not chapter.ok:
            problem = _has_problems(os.path.realpath(path))
    installed, broken = _installed(save.level_id)
    if installed is not None:
        return installed, None
    if problem or broken:
        return None, problem or broken
    if path is not None and not path.is_absolute():   # saved by a version that kept it as typed
        return None, saves.RELATIVE_LEVEL.format(path=save.level_path)
    return None, saves.NO_LEVEL.format(id=save.level_id)


def _installed(level_id: str):
    """(the installed chapter with this id, None) or (None, why it cannot be played)."""
    from . import levels
    if not _LEVEL_ID.match(level_id):
        return None, None
    try:
        return levels.find(level_id), None
    except levels.LevelProblem:
        candidate = levels.levels_dir() / f"{level_id}.yaml"
        if candidate.is_file():
            return None, _has_problems(candidate)
        return None, None


def _has_problems(path) -> str:
    """What to say of a chapter file with errors: the command that lists them (quoted so
    that it can be pasted as it is, spaces and all)."""
    import shlex
    return saves.LEVEL_HAS_PROBLEMS.format(path=shlex.quote(str(path)))


@dataclass(frozen=True)
class Reopened:
    """A save opened again: its session and chapter, and a note if the chapter changed; or
    only the problem (a sentence) when it cannot be played."""
    session: object = None
    chapter: object = None
    note: str = ""
    problem: str | None = None


def reopen(save: saves.SaveGame) -> Reopened:
    """The saved game as a session in its chapter (or as near as the chapter allows). Never
    raises for a bad save; `game.ui.flow.resume` decides which screen it opens."""
    from .session import Session
    chapter, resumed, problem = resumed_in_chapter(save)
    if resumed is None:
        return Reopened(problem=_sentence(problem or ""))
    try:
        session = Session.resumed(chapter.level, resumed.state,
                                  save.log if resumed.log_kept else ())
    except Exception as exc:  # noqa: BLE001 - a saved game never crashes the window
        return Reopened(problem=f"{type(exc).__name__}: {exc}"[:300])
    return Reopened(session, chapter, resumed.note or "")


def resumed_in_chapter(save: saves.SaveGame):
    """(chapter, `saves.Resumed`, None) for a save its chapter can take (as it is now, with
    the rules of `saves.resume`), else (chapter or None, None, the problem, one line). Never
    raises for a bad save."""
    chapter, problem = chapter_for(save)
    if chapter is None:
        return None, None, problem
    try:
        return chapter, saves.resume(save, chapter.level,
                                     saves.level_file_hash(chapter.path)), None
    except (saves.SaveError, ValueError) as exc:
        return chapter, None, str(exc)
    except Exception as exc:  # noqa: BLE001 - a saved game never crashes the window
        return chapter, None, f"{type(exc).__name__}: {exc}"[:300]


def _sentence(line: str) -> str:
    """A save's one-line problem (written to follow "cannot be used: ") as a sentence."""
    return line[:1].upper() + line[1:] + ("" if line.endswith(".") else ".")


# ---------------------------------------------------------------- finished chapters

def record_folder(app) -> Path | None:
    """Where this window keeps the chapters it finished (`campaign.json`, beside the saves):
    None in kiosk mode (each student starts clean) and in a window that saves nothing."""
    if getattr(app, "in_kiosk", False):
        return None
    st = store(app)
    return st.folder if st.enabled else None


def keep_finished(app, state, chapter) -> None:
    """Keep a finished chapter (its state, the level's hash and title) on disk, written
    atomically, for the next time the window opens; a problem is one line in the log."""
    folder = record_folder(app)
    if folder is None:
        return
    path = getattr(chapter, "path", None)
    save = saves.make_save(state, chapter.title, saves.level_file_hash(path) if path else "",
                           os.path.realpath(path) if path else "")
    try:
        lines = campaign.add(folder, save)
    except OSError as exc:
        lines = [saves.CAMPAIGN_NOT_WRITTEN.format(path=campaign.path_in(folder),
                                                   why=exc.strerror or exc)]
    for line in lines:
        log(line)


def record_back(app) -> None:
    """When the window starts: the chapters finished in earlier windows back in `app.record`
    (the finale) and `app.carry` (the next chapter's carry), older than any finished in this
    one. Each that cannot be used (damaged, from a newer version, of a chapter that is not
    installed, or that changed so that it no longer fits) is left out, one line in the log."""
    folder = record_folder(app)
    if folder is None:
        return
    found = campaign.read(folder)
    lines = list(found.left_out)
    earlier = {}
    for save in found.saves:
        state, problem = finished_state(save)
        if state is None:
            lines.append(saves.CAMPAIGN_LEFT_OUT.format(
                which=f"`{save.level_id}`", path=campaign.path_in(folder), problem=problem))
        else:
            earlier[state.level_id] = state
    for line in lines:
        log(line)
    for name in ("record", "carry"):
        now = getattr(app, name, None) or {}
        setattr(app, name, {**{k: s for k, s in earlier.items() if k not in now}, **now})


def finished_state(save: saves.SaveGame):
    """(the finished state in its chapter as it is now, None) or (None, why not)."""
    _, resumed, problem = resumed_in_chapter(save)
    if resumed is None:
        return None, problem
    if not resumed.state.finished:
        return None, saves.ENDING_GONE if not resumed.log_kept else saves.NOT_FINISHED
    return resumed.state, None


def log(line: str) -> None:
    """One plain line for whoever started the game (never a traceback)."""
    print(f"sincerity: {shown(line)}", file=sys.stderr)
