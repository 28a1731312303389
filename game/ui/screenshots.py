"""Render every screen headless to PNG: `python -m game screenshots OUTDIR`.

Each screen is saved at 1280x720 and 800x600, in the normal look and in high contrast with the
largest text: OUTDIR/<screen>-<width>x<height>-<look>.png. The chapter shown is the tutorial
if there is one, else the first bundled chapter (or SINCERITY_SCREENSHOT_LEVEL, a path).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from . import flow, levels  # noqa: E402
from . import settings as settings_mod  # noqa: E402
from .app import App  # noqa: E402

SIZES = ((1280, 720), (800, 600))
LOOKS = {
    "normal": settings_mod.Settings(text_speed="instant"),
    "contrast-large": settings_mod.Settings(text_speed="instant", high_contrast=True,
                                            text_size=max(settings_mod.TEXT_SIZES)),
}


def pick_chapter(ref: str | None = None):
    ref = ref or os.environ.get("SINCERITY_SCREENSHOT_LEVEL")
    if ref:
        return levels.find(ref)
    try:
        return levels.find("tutorial")
    except levels.LevelProblem:
        chapters = [c for c in levels.bundled() if c.ok]
        if not chapters:
            raise
        return chapters[0]


def settle(app, seconds: float = 6.0, step: float = 0.1) -> None:
    """Let animations finish (typewriter, chips, toasts) in simulated time."""
    for _ in range(int(seconds / step)):
        app.frame(dt=step)
    app.dirty = True
    app.frame(dt=0.0)


def advance(app, seconds: float, step: float = 0.05) -> None:
    for _ in range(max(1, int(seconds / step))):
        app.frame(dt=step)


def first_open(session):
    return next((c for c in session.choices() if c.available), None)


def play_until(app, play, test, limit: int = 60) -> bool:
    """Choose the first open choice until `test(session)` holds; False if it never does."""
    for _ in range(limit):
        if test(play.session):
            return True
        view = first_open(play.session)
        if view is None or play.session.finished:
            return False
        play.scene_view.reveal_all()
        play._choose(view)
        if play.session.finished:
            return test(play.session)
        play._advance()
    return test(play.session)


def _start_play(app, chapter):
    flow.play(app, chapter, flow.Options(), None, None)
    return app.top


def _play_scored(app, chapter) -> None:
    """Mid-way through a scored choice: the chip flying, toasts sliding in."""
    play = _start_play(app, chapter)
    play_until(app, play, lambda s: bool(s.scene and s.scene.watchers))
    for _ in range(12):
        before = len(play.session.state.history)
        view = first_open(play.session)
        if view is None:
            break
        play._choose(view)
        if len(play.session.state.history) > before or play.session.finished:
            break
        play._advance()
    advance(app, 0.5)


def _play_door(app, chapter) -> None:
    """The first toast of a run choosing the first open choice each time, a second after
    it came, while the reply is being read."""
    play = _start_play(app, chapter)
    for _ in range(60):
        view = first_open(play.session)
        if view is None or play.session.finished:
            return
        play.scene_view.reveal_all()
        play._choose(view)
        if play.toasts.active:
            advance(app, 1.0)
            return
        play._advance()


def _play_locked(app, chapter) -> None:
    scene, persona = _locked_scene(chapter)
    flow.play(app, chapter, flow.Options(start_at=scene), persona, None)


def _to_end(app, chapter):
    play = _start_play(app, chapter)
    play_until(app, play, lambda s: s.finished, limit=200)
    return play


def _ending(app, chapter) -> None:
    play = _to_end(app, chapter)
    app.replace(flow.ending_screen(app, play.session, chapter))


def _debrief(app, chapter, scroll: float = 0.0) -> None:
    play = _to_end(app, chapter)
    app.replace(flow.debrief_screen(app, play.session, chapter))
    app.top.scroll.scroll(scroll * app.top.scroll.max_offset)


def _debrief_contrast(app, chapter) -> None:
    """The debrief with the same choices under the other rules opened (R, as a player opens
    it: the page scrolls its line to the top), if the chapter has two rulesets to compare."""
    _debrief(app, chapter)
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=pygame.K_r, mod=0, unicode="r",
                                             scancode=0))
    app.frame(dt=1 / 60)


def _history(app, chapter) -> None:
    play = _start_play(app, chapter)
    play_until(app, play, lambda s: len(s.log) > 6, limit=4)
    play.open_history()


def _with_saves(app, chapter) -> None:
    """Slots and Continue need files: a throwaway folder holding an autosave and one slot."""
    import tempfile

    from .. import saves
    from . import saving
    folder = tempfile.mkdtemp(prefix="sincerity-shots-")
    app.saves = saves.Store(Path(folder))
    play = _start_play(app, chapter)
    play_until(app, play, lambda s: len(s.log) > 4, limit=3)
    saving.save_slot(app, "slot1", play.session, chapter)
    saving.autosave(app, play.session, chapter)
    app.saves.path("slot3").write_bytes(b"{damaged")
    saving.refresh(app)
    flow.to_title(app)


def _title_with_notices(app, chapter) -> None:
    _with_saves(app, chapter)
    app.saves.off = "the saves folder cannot be written"
    app.notices = ["Saving is off: the saves folder cannot be written",
                   "Your settings file is damaged: using the defaults."]
    app.top.layout()


def _slots(app, chapter) -> None:
    _with_saves(app, chapter)
    flow.open_slots(app, "load")


def _kiosk_screens() -> dict:
    from .screens.kiosk_demo import SCREENS as KIOSK
    return KIOSK


#: screen name -> function(app, chapter) that leaves the app showing it
SCREENS = {
    "title-continue": _title_with_notices,
    "slots": _slots,
    "title": lambda app, ch: None,
    "chapters": lambda app, ch: flow.choose_chapter(app),
    "persona": lambda app, ch: _chooser(app, ch, "persona"),
    "ruleset": lambda app, ch: _chooser(app, ch, "ruleset"),
    "play": lambda app, ch: _start_play(app, ch),
    "play-scored": _play_scored,
    "play-locked": _play_locked,
    "play-door": _play_door,
    "pause": lambda app, ch: _start_play(app, ch).open_pause(),
    "settings": lambda app, ch: flow.open_settings(app),
    "history": _history,
    "ending": _ending,
    "debrief": _debrief,
    "debrief-report": lambda app, ch: _debrief(app, ch, 0.35),
    "debrief-end": lambda app, ch: _debrief(app, ch, 1.0),
    "debrief-contrast": _debrief_contrast,
    "credits": lambda app, ch: flow.open_credits(app),
}
SCREENS.update(_kiosk_screens())   # kiosk mode's own screens (game.ui.screens.kiosk_demo)


def _locked_scene(chapter) -> tuple[str | None, str | None]:
    """A (scene, persona) where a choice shows locked, to picture a locked door."""
    from .session import Session
    level = chapter.level
    for persona in level.personas:
        for scene_id, scene in level.scenes.items():
            if not any(c.needs for c in scene.choices):
                continue
            session = Session(level, persona, None, 0, None, scene_id)
            if any(not c.available for c in session.choices()):
                return scene_id, persona
    return None, None


def _chooser(app, chapter, which: str) -> None:
    from .screens.menu import CardListScreen, Item, persona_detail, ruleset_detail
    level = chapter.level
    if which == "persona":
        items = [Item(p.name, persona_detail(level, p), pid)
                 for pid, p in level.personas.items()]
        app.push(CardListScreen(app, flow.S.CHOOSE_PERSONA, flow.S.CHOOSE_PERSONA_NOTE, items,
                                lambda v: None))
    else:
        items = [Item(r.name, ruleset_detail(r), rid) for rid, r in level.rulesets.items()]
        app.push(CardListScreen(app, flow.S.CHOOSE_RULESET, flow.S.CHOOSE_RULESET_NOTE, items,
                                lambda v: None))


def render_all(outdir: Path, chapter=None, only: list[str] | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    chapter = chapter or pick_chapter()
    written = []
    for look, base in LOOKS.items():
        for size in SIZES:
            for name, build in SCREENS.items():
                if only and name not in only:
                    continue
                app = App(window_size=size, settings=base, persist=False)
                app.reset(flow.title_screen(app))
                build(app, chapter)
                if name not in ("play-scored", "play-door"):
                    settle(app)
                else:
                    app.dirty = True
                    app.frame(dt=0.0)
                path = outdir / f"{name}-{size[0]}x{size[1]}-{look}.png"
                pygame.image.save(app.snapshot(), str(path))
                written.append(path)
    return written


def main(outdir, level: str | None = None) -> int:
    try:
        chapter = pick_chapter(level)
    except levels.LevelProblem as exc:
        print(f"screenshots: no chapter to show ({exc})", file=sys.stderr)
        return 1
    written = render_all(Path(outdir), chapter)
    print(f"wrote {len(written)} screenshots to {outdir}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshots",
                  sys.argv[2] if len(sys.argv) > 2 else None))
