"""How the screens follow each other: title, chapter, persona, ruleset, play, ending, debrief.

The one place that decides where things lead. Screens report what the player asked for (a
value from `game.ui.intents`, through `app.ask`); `follow` decides what that leads to and
builds the next screen. No screen imports this module. In kiosk mode (or when recording with
`--export`) the classroom's hooks on `app.classroom` decide the ending, the debrief and
leaving for the title.

Choosers stay on the stack while the next one is open, so Esc goes back one step. A step with
only one option (or given on the command line) is skipped. When play starts the stack becomes
[title, play]. Screens are imported when first shown: the title comes before the engine loads.
Which chapter comes next and what a finished chapter leaves behind are `game.ui.onward`'s.
"""
from __future__ import annotations

from . import intents as I
from . import strings as S
from .onward import (after_chapter, campaign_states, carried_persona, carry_for,
                     finale_action, next_chapter, other_persona, remember_finished)


def follow(app, intent) -> None:
    """Where what a screen reported leads."""
    match intent:
        case I.ToTitle():
            to_title(app)
        case I.OpenSettings():
            open_settings(app)
        case I.OpenHistory(session):
            history(app, session)
        case I.Restart(session, chapter):
            restart(app, session, chapter)
        case I.ChapterEnded(session, chapter):
            ending(app, session, chapter)
        case I.ToDebrief(session, chapter):
            debrief(app, session, chapter)
        case I.PlayAgain(session, chapter):
            play_again(app, session, chapter)
        case I.PlayNext(session, chapter):
            play_next(app, session, chapter)
        case I.ToFinale():
            finale(app)
        case I.OpenSlots(mode, session, chapter):
            open_slots(app, mode, session, chapter)
        case I.LoadSave(save):
            resume(app, save)
        case I.ShowMessage(title, text):
            show_message(app, title, text)
        case _:
            raise TypeError(f"no screen follows {intent!r}")


class Options:
    """What the command line asked for (all optional)."""

    def __init__(self, persona: str | None = None, ruleset: str | None = None, seed: int = 0,
                 preset: str | None = None, start_at: str | None = None, dev: bool = False):
        self.persona, self.ruleset, self.seed = persona, ruleset, seed
        self.preset, self.start_at, self.dev = preset, start_at, dev


def options_from(args) -> Options:
    if args is None:
        return Options()
    seed = getattr(args, "seed", None)
    return Options(getattr(args, "persona", None), getattr(args, "ruleset", None),
                   int(seed) if seed is not None else 0, getattr(args, "preset", None),
                   getattr(args, "start_at", None), bool(getattr(args, "dev", False)))


def start(app, args=None) -> None:
    """Show the title at once; load the engine and any chapter asked for after the first frame.
    With a classroom file, kiosk mode instead; with `--export DIR`, chapters are recorded."""
    if getattr(args, "classroom_loaded", None) is not None:
        from .screens.kiosk import start_kiosk
        start_kiosk(app, args)
        return
    if getattr(args, "export", None):
        from .screens.kiosk_session import attach_recorder
        attach_recorder(app, args.export)
    app.push(title_screen(app))
    level = getattr(args, "level", None) if args is not None else None
    loaded = getattr(args, "loaded", None) if args is not None else None
    app.after_first_frame.append(
        lambda: _after_first_frame(app, level, loaded, options_from(args)))


def _after_first_frame(app, level: str | None, loaded, opts: Options) -> None:
    from . import levels, saving, session  # noqa: F401  (the engine, now that the window shows)
    saving.startup(app)
    if loaded is not None and getattr(loaded, "level", None) is not None:
        chapter = levels.from_loaded(loaded)
        if chapter.ok:
            choose_persona(app, chapter, opts)
            return
    if level:
        open_level(app, level, opts)


def _classroom(app):
    """Kiosk mode or a recording window (game.ui.screens.kiosk), if any."""
    return getattr(app, "classroom", None)


def title_screen(app):
    from .screens.title import TitleScreen
    if app.in_kiosk:                               # kiosk mode never shows the title
        return _classroom(app).home_screen()
    if app.frames:   # after the first frame: see what Continue and Load offer now
        from . import saving
        saving.refresh(app)
    return TitleScreen(app, on_play=lambda: choose_chapter(app),
                       on_settings=lambda: open_settings(app),
                       on_credits=lambda: open_credits(app),
                       on_continue=lambda: continue_game(app),
                       on_load=lambda: open_slots(app, "load"))


def open_settings(app) -> None:
    from .screens.settings_screen import SettingsScreen
    app.push(SettingsScreen(app))


def open_credits(app, chapters=None) -> None:
    from . import levels
    from .screens.credits import CreditsScreen
    app.push(CreditsScreen(app, chapters if chapters is not None else levels.bundled()))


def show_message(app, title: str, text: str) -> None:
    from .screens.message import MessageScreen
    app.push(MessageScreen(app, title, text))


def open_level(app, ref: str, opts: Options) -> None:
    from . import levels
    try:
        chapter = levels.find(ref)
    except levels.LevelProblem as exc:
        show_message(app, S.LEVEL_BROKEN, str(exc))
        return
    choose_persona(app, chapter, opts)


def choose_chapter(app, opts: Options | None = None) -> None:
    from . import levels
    from .screens.menu import CardListScreen, Item, chapter_detail
    opts = opts or Options()
    chapters = levels.available()
    if not chapters:
        show_message(app, S.CHOOSE_CHAPTER, S.NO_LEVELS)
        return
    first = next((c for c in chapters if c.ok), None)
    items = [Item(c.title, chapter_detail(c, chapters, c is first), c, primary=c is first)
             for c in chapters]
    app.push(CardListScreen(app, S.CHOOSE_CHAPTER, S.CHOOSE_CHAPTER_NOTE, items,
                            lambda c: _picked_chapter(app, c, opts)))


def _picked_chapter(app, chapter, opts: Options) -> None:
    if not chapter.ok:
        show_message(app, S.LEVEL_BROKEN, "\n".join(chapter.problems))
        return
    choose_persona(app, chapter, opts)


def choose_persona(app, chapter, opts: Options) -> None:
    from .screens.menu import CardListScreen, Item, persona_detail
    level = chapter.level
    preset = level.presets.get(opts.preset) if opts.preset else None
    given = opts.persona or (preset.persona if preset else None)
    if given or len(level.personas) == 1:
        persona = given or next(iter(level.personas))
        choose_ruleset(app, chapter, opts, persona)
        return
    items = [Item(p.name, persona_detail(level, p), pid) for pid, p in level.personas.items()]
    app.push(CardListScreen(app, S.CHOOSE_PERSONA, S.CHOOSE_PERSONA_NOTE, items,
                            lambda pid: choose_ruleset(app, chapter, opts, pid),
                            header=chapter.title))


def choose_ruleset(app, chapter, opts: Options, persona: str) -> None:
    from .screens.menu import CardListScreen, Item, ruleset_detail
    level = chapter.level
    preset = level.presets.get(opts.preset) if opts.preset else None
    given = opts.ruleset or (preset.ruleset if preset else None)
    if given or len(level.rulesets) == 1:
        play(app, chapter, opts, persona, given or next(iter(level.rulesets)))
        return
    items = [Item(r.name, ruleset_detail(r), rid) for rid, r in level.rulesets.items()]
    app.push(CardListScreen(app, S.CHOOSE_RULESET, S.CHOOSE_RULESET_NOTE, items,
                            lambda rid: play(app, chapter, opts, persona, rid),
                            header=chapter.title))


def play(app, chapter, opts: Options, persona: str, ruleset: str) -> None:
    from .screens.play import PlayScreen
    from .session import Session
    try:
        session = getattr(app, "session_class", Session)(
            chapter.level, persona, ruleset, opts.seed, opts.preset, opts.start_at,
            carry=carry_for(app, chapter.level))
    except ValueError as exc:   # ChoiceError: unknown persona, ruleset or scene
        show_message(app, S.LEVEL_BROKEN, str(exc))
        return
    app.reset(title_screen(app))
    app.push(PlayScreen(app, session, chapter, dev=opts.dev))


def _played_whole(app, session) -> bool:
    """Whether a finished chapter was played from its start, as a player plays it: not from
    a preset or `--start-at`, and not in a `--dev` window (where the level may have been
    edited and reloaded under the game). Only such chapters are kept on disk."""
    dev = getattr(getattr(app, "top", None), "dev", False)
    return not (session.preset or session.start_scene or dev)


def ending(app, session, chapter) -> None:
    remember_finished(app, session.state, chapter if _played_whole(app, session) else None)
    if _classroom(app) is not None and _classroom(app).ending(session, chapter):
        return
    app.replace(ending_screen(app, session, chapter))


def ending_screen(app, session, chapter):
    """The ending, with the debrief, the next chapter and the title (playing again is offered
    in the debrief, which says why: to compare with the other persona)."""
    from .screens.ending import EndingScreen
    return EndingScreen(app, session, chapter,
                        after_chapter(session, chapter, again=False) + finale_action(app, chapter))


def debrief(app, session, chapter) -> None:
    if _classroom(app) is not None and _classroom(app).debrief(session, chapter):
        return
    app.replace(debrief_screen(app, session, chapter))


def debrief_screen(app, session, chapter):
    from .screens.debrief import DebriefScreen
    return DebriefScreen(app, session, chapter,
                         after_chapter(session, chapter) + finale_action(app, chapter))


def finale(app) -> None:
    from ..core.finale import campaign_finale, finale_lines
    from .screens.finale import FinaleScreen
    record = campaign_finale(campaign_states(app))
    if record is not None:
        app.push(FinaleScreen(app, finale_lines(record)))


def history(app, session) -> None:
    from .screens.history import HistoryScreen
    app.push(HistoryScreen(app, session))


def play_again(app, session, chapter) -> None:
    """This chapter from the start as the other persona, under the same rules."""
    state = session.state
    persona = other_persona(session.level, state.persona)
    if chapter is None:
        restart(app, session, chapter)
        return
    play(app, chapter, Options(seed=state.seed), persona, state.ruleset)


def play_next(app, session, chapter) -> None:
    """The next chapter with the persona who carries on; its rules are asked if it has
    several."""
    nxt = next_chapter(chapter)
    if nxt is None:
        to_title(app)
        return
    persona = carried_persona(session.level, session.state.persona, nxt.level)
    app.reset(title_screen(app))
    choose_ruleset(app, nxt, Options(), persona)


def restart(app, session, chapter) -> None:
    from .screens.play import PlayScreen
    session.restart()
    app.reset(title_screen(app))
    app.push(PlayScreen(app, session, chapter))


def to_title(app) -> None:
    if _classroom(app) is not None and _classroom(app).to_title():
        return
    app.reset(title_screen(app))


# ---- saved games: Continue, the slots, resuming (the files and their glue: game.ui.saving)

def continue_game(app) -> None:
    """Resume the latest autosave; if it is damaged, say so in one line and offer the one
    before it."""
    from . import saving
    latest = saving.store(app).latest()
    if latest.save is not None:
        resume(app, latest.save, onward=True)
        return
    if latest.problem is None:
        return
    from .screens.menu import CardListScreen, Item
    note = S.AUTOSAVE_DAMAGED.format(problem=latest.problem)
    items = []
    if latest.previous is not None:
        items.append(Item(S.USE_PREVIOUS, saving.describe(latest.previous), latest.previous,
                          primary=True))
    items.append(Item(S.BACK, "", None))
    screen = CardListScreen(app, S.CONTINUE_TITLE, note, items,
                            lambda save: resume(app, save) if save else app.pop(screen))
    app.push(screen)


def resume(app, save, onward: bool = False) -> bool:
    """Open the saved game where it was (or as near as the chapter allows); a message and
    False if it cannot be resumed. Never raises for a bad save. A finished chapter opens its
    ending, or with `onward` (Continue) the next chapter when there is one."""
    from . import saving
    reopened = saving.reopen(save)
    if reopened.problem is not None:
        show_message(app, S.CONTINUE_FAILED, reopened.problem)
        return False
    session, chapter = reopened.session, reopened.chapter
    app.reset(title_screen(app))
    if session.finished and onward and next_chapter(chapter) is not None:
        play_next(app, session, chapter)
        return True
    if session.finished:
        app.push(ending_screen(app, session, chapter))
        return True
    from .messages import Notice
    from .screens.play import PlayScreen
    play = PlayScreen(app, session, chapter)
    app.push(play)
    if reopened.note:
        play.toasts.add(Notice("info", S.CHAPTER_CHANGED, reopened.note))
    return True


def open_slots(app, mode: str, session=None, chapter=None) -> None:
    """The three slots: `mode` "save" (from the pause menu) or "load"."""
    from .screens.saves_screen import SlotsScreen
    app.push(SlotsScreen(app, mode, session, chapter))
