"""The play screen: the illustration and watchers (left), the scene (middle), the score and
the services (right). It draws and animates what the engine's events say; it decides nothing.

After a choice the screen lingers a moment ("aftermath") on the chosen line and its reply
while the score moves, then shows the next scene; any key or click skips the wait. What keys
and clicks do is in play_input. Backspace undo is on only with `--dev` or the "Undo"
setting, and never in a classroom session.
"""
from __future__ import annotations

import os

import pygame

from ...core import events as ev
from ...core import scene_told
from ...core.changes import scene_is_quiet
from .. import intents, levels, messages, paint, saving
from .. import strings as S
from ..fx import Toasts
from ..illustration import Illustration, animated, art_folder
from ..messages import Notice
from ..theme import LOGICAL_SIZE, MARGIN
from ..watching import Moments
from ..widgets import Button
from .base import Screen, whole_parts, wordmark
from .menu import PauseScreen
from .panels import ServicesPanel, WatchersPanel
from .play_paint import PlayPainter
from .score_card import ScoreCard
from .play_input import CHOICE_GRACE_SECONDS, PlayInput
from .scene_view import SceneView

TOP = 72
BOTTOM = LOGICAL_SIZE[1] - MARGIN
LEFT_W, RIGHT_W, COL_GAP = 340, 300, 20
ART_H = 255
AFTER_SECONDS = 1.4        # the score moves and the chosen line stays
#: words a player reads per second at each text speed ("instant" only skips the typing: its
#: reader, like one with reduced motion, gets the normal pace)
READING_WORDS_PER_SECOND = {"slow": 2.0, "normal": 3.0, "fast": 4.5}
REPLY_MIN_SECONDS = 1.5
WATCH_SECONDS = 0.5   # --dev: how often to look whether the level file was saved
AMBIENT_SECONDS = 8.0
AMBIENT_FPS = 12
SOUND_ORDER = ("locked", "score_down", "score_up", "notification")


def aftermath_seconds(reply: str | None, text_speed: str) -> float:
    """How long the screen lingers after a choice before the next scene (any key moves on):
    the score's move, then the time to read the reply at the player's own pace."""
    if not reply:
        return AFTER_SECONDS
    rate = READING_WORDS_PER_SECOND.get(text_speed, READING_WORDS_PER_SECOND["normal"])
    return AFTER_SECONDS + max(REPLY_MIN_SECONDS, len(reply.split()) / rate)


__all__ = ["CHOICE_GRACE_SECONDS", "PlayScreen"]


class PlayScreen(PlayInput, Screen):
    name = "play"
    hint = S.HINT_PLAY

    def __init__(self, app, session, chapter=None, dev: bool = False):
        super().__init__(app)
        self.session, self.chapter, self.dev = session, chapter, dev
        self._watch = WATCH_SECONDS
        self._mtime = self._level_mtime()
        self.scene_view = SceneView(app, self._choose)
        self.score = ScoreCard(app)
        self.watchers = WatchersPanel(app)
        self.services = ServicesPanel(app)
        self.toasts = Toasts()
        self.moments = Moments()
        self.art = Illustration()
        self.art_name = "street"
        self.art_folder = art_folder(chapter)
        self.after = 0.0
        self.ambient = AMBIENT_SECONDS
        self.top_buttons: list[Button] = []
        self.painter = PlayPainter(self)
        self._choices_since: float | None = None   # app.clock when the choices appeared
        self._chosen_at = float("-inf")               # app.clock when the last choice was made
        self._sync_undo()
        self.score.reset(session.display())
        self._load_scene()

    # ---- geometry
    @staticmethod
    def columns() -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        h = BOTTOM - TOP
        left = pygame.Rect(MARGIN, TOP, LEFT_W, h)
        right = pygame.Rect(LOGICAL_SIZE[0] - MARGIN - RIGHT_W, TOP, RIGHT_W, h)
        mid = pygame.Rect(left.right + COL_GAP, TOP, right.x - COL_GAP - left.right - COL_GAP, h)
        return left, mid, right

    def layout(self) -> None:
        left, mid, right = self.columns()
        self.art_rect = pygame.Rect(left.x, left.y, left.w, ART_H)
        self.watchers.place(pygame.Rect(left.x, self.art_rect.bottom + 16, left.w,
                                        left.bottom - self.art_rect.bottom - 16))
        self.scene_view.place(mid)
        self._place_right(right)
        self._layout_top_bar()
        self._refocus()
        for toast in self.toasts.shown:          # their pictures were in the old theme
            toast.surf = None
        self.score._chip_surf = self.score._last_surf = None
        self.painter.invalidate()

    def _place_right(self, right: pygame.Rect) -> None:
        """The score card as tall as what it shows now, the services under it, the toasts
        over them. Again after a choice that changes what the card shows (Sesame's Thursday
        has no score on screen; its reply already shows Friday's stars)."""
        self.score.rect = pygame.Rect(right.x, right.y, right.w, self.score.height())
        top = self.score.rect.bottom + 16
        self.services.place(pygame.Rect(right.x, top, right.w, right.bottom - top))
        self.toasts.room = (self.app, self.toast_area())

    def _layout_top_bar(self) -> None:
        th = self.theme
        h = th.line_height("small_strong") + 16
        w = [th.font("small_strong").size(s)[0] + 40 for s in (S.TOP_HISTORY, S.TOP_MENU)]
        x = LOGICAL_SIZE[0] - MARGIN
        menu = Button((x - w[1], 36 - h // 2, w[1], h), S.TOP_MENU, self.open_pause,
                      role="small_strong")
        hist = Button((menu.rect.x - 12 - w[0], menu.rect.y, w[0], h), S.TOP_HISTORY,
                      self.open_history, role="small_strong")
        self.top_buttons = [hist, menu]

    # ---- scenes
    def _load_scene(self) -> None:
        s, scene = self.session, self.session.scene
        if scene is None:
            return
        self.art_name = scene.art
        self.moments.clear()
        self.app.sound.ambience(s.level.place_of(s.state.scene))
        self.focus.clear()
        told = scene_told(s.state)
        self.scene_view.set_scene(scene.title, told.text, s.choices(),
                                  self.app.settings.typewriter, told.remembered)
        self.watchers.set(s.watchers())
        self.services.set(s.services())
        self.score.money_line = self._money_line()
        self.score.unscored = scene_is_quiet(s.state)   # nothing here can move the score
        self.ambient = AMBIENT_SECONDS
        self.layout()
        self._choices_since = None
        self._note_choices()
        self.app.dirty = True        # may run inside update(): the new scene must be drawn

    def _money_line(self) -> str:
        """Money, only in a chapter where anyone has some."""
        level, money = self.session.level, self.session.state.money
        uses_money = money or any(p.money for p in level.personas.values())
        return S.MONEY.format(n=money) if uses_money else ""

    # ---- choosing
    def _choose(self, view) -> None:
        if self.scene_view.chosen or self.after > 0:
            return
        if not view.available:
            self._refuse(view)
            return
        outcome = self.session.choose(view.id)
        self._chosen_at = self.app.clock
        saving.autosave(self.app, self.session, self.chapter)
        self.scene_view.set_chosen(view.id, outcome.reply)
        self._animate(outcome.events, outcome.score)
        self.after = aftermath_seconds(outcome.reply, self.app.settings.text_speed)
        self._refocus()

    def _refuse(self, view) -> None:
        """A locked choice was picked: it shakes (unless motion is reduced) and thunks."""
        button = next((b for b in self.scene_view.buttons if b.view.id == view.id), None)
        if button is not None:
            self.focus.focus(button)
            if not self.app.settings.reduced_motion:
                button.shake = 0.4
        self.app.sound.play("locked")

    def _animate(self, events, moved=None) -> None:
        """Turn the engine's events into the score card's list of changes (`moved`, the core's
        `ChoiceScore`), toasts, panel changes, the moments of watching, and their sounds."""
        sounds, changed = set(), {}
        numbers = self.session.numbers_shown
        self.moments.set([e for e in events if isinstance(e, ev.Watched)])
        for cue in self.moments.cues():
            self.app.sound.play(cue)
        for e in events:
            if isinstance(e, ev.ScoreChanged):
                note = messages.score_notice(e)
                if note is not None:
                    sounds.add(note.sound)
                continue
            if isinstance(e, (ev.ServiceLocked, ev.ServiceUnlocked)):
                changed[e.service] = e.kind
            note = messages.notice(e, numbers)
            if note is not None:
                self.toasts.add(note)
                sounds.add(note.sound)
        self.services.set(self.session.services(), changed)
        self.score.show(self.session.display(), self.app.settings.reduced_motion)
        if moved is not None:
            self.score.add_changes(moved)
        self.score.money_line = self._money_line()
        if self.score.rect.h != self.score.height():
            self._place_right(self.columns()[2])
            self.painter.invalidate()
        for name in SOUND_ORDER:
            if name in sounds:
                self.app.sound.play(name)
                break

    def _advance(self) -> None:
        self.after = 0.0
        if self.session.finished:
            self.app.ask(intents.ChapterEnded(self.session, self.chapter))
        else:
            self._load_scene()

    def _level_mtime(self) -> float | None:
        path = getattr(self.chapter, "path", None) if self.dev else None
        try:
            return os.stat(path).st_mtime if path else None
        except OSError:
            return None

    def _watch_level(self, dt: float) -> None:
        """--dev: reload when the level file is saved (checked twice a second)."""
        self._watch -= dt
        if self._watch > 0:
            return
        self._watch = WATCH_SECONDS
        mtime = self._level_mtime()
        if mtime is not None and mtime != self._mtime:
            self._mtime = mtime
            self._reload()

    def _reload(self) -> None:
        """--dev: read the level file again and stay in the same scene."""
        if self.chapter is None or self.after > 0:
            return
        chapter = levels.load_path(self.chapter.path)
        if not chapter.ok:
            shown = "\n".join(p.splitlines()[0][:160] for p in chapter.problems[:3])
            more = len(chapter.problems) - 3
            if more > 0:
                shown += "\n" + S.DEV_MORE_PROBLEMS.format(n=more)
            self.toasts.add(Notice("bad", S.DEV_RELOAD_FAILED, shown))
            return
        self.chapter = chapter
        self.session.reload(chapter.level)
        self._load_scene()
        self.toasts.add(Notice("info", S.DEV_RELOADED, S.DEV_RELOADED_BODY))

    # ---- undo and saving
    def _sync_undo(self) -> None:
        """Undo is offered with --dev or the Undo setting (the session still refuses it in a
        classroom)."""
        self.session.undo_allowed = self.dev or self.app.settings.undo

    def undo(self) -> None:
        """Take back the last choice (when undo is on; never in a classroom session)."""
        self._sync_undo()
        if not self.session.undo():
            words = S.UNDO_NONE if self.session.undo_enabled else (
                S.UNDO_OFF if getattr(self.session, "classroom", False) else S.UNDO_OFF_SETTING)
            self.toasts.add(Notice("info", words))
            return
        self.after = 0.0
        self.score.reset(self.session.display())
        self._load_scene()
        self.toasts.add(Notice("info", S.UNDONE, S.UNDONE_BODY))
        saving.autosave(self.app, self.session, self.chapter)

    def on_quit(self) -> None:
        """The window is closing: keep this moment as the autosave."""
        saving.autosave(self.app, self.session, self.chapter)

    # ---- overlays
    def open_pause(self) -> None:
        self._sync_undo()
        self.app.push(PauseScreen(self.app, self.session), self._paused)

    def _paused(self, result) -> None:
        if result == "history":
            self.open_history()
        elif result == "undo":
            self.undo()
        elif result in ("save", "load"):
            self.app.ask(intents.OpenSlots(result, self.session, self.chapter))
        elif result == "settings":
            self.app.ask(intents.OpenSettings())
        elif result == "restart":
            self.app.ask(intents.Restart(self.session, self.chapter))
            saving.autosave(self.app, self.session, self.chapter)
        elif result == "title":
            saving.autosave(self.app, self.session, self.chapter)
            self.app.ask(intents.ToTitle())

    def open_history(self) -> None:
        self.app.ask(intents.OpenHistory(self.session))

    # ---- time
    def update(self, dt: float) -> None:
        if self.animating():      # the screen's clock stops while it is still, so a still
            self.t += dt          # frame stays what a redraw would draw (art, pulses)
        if self.dev:
            self._watch_level(dt)
        reduced = self.app.settings.reduced_motion
        self.scene_view.update(dt, self.app.settings.chars_per_second)
        shown = self.scene_view.visible_buttons()
        if any(b not in self.focus.items for b in shown):
            self._refocus()
        self._note_choices()
        self.score.update(dt, reduced)
        self.services.update(dt)
        self.toasts.update(dt)
        self.moments.update(dt)
        self.ambient = max(0.0, self.ambient - dt)
        if self.after > 0:
            self.after -= dt
            if self.after <= 0:
                self._advance()

    def _active(self) -> bool:
        return (self.scene_view.animating() or self.score.animating() or
                self.services.animating() or self.toasts.active or self.after > 0 or
                self.moments.moving(self.app.settings.reduced_motion))

    def stir(self) -> None:
        """The player did something: the scene's ambient animation runs again for a while."""
        self.ambient = AMBIENT_SECONDS

    def _ambient(self) -> bool:
        if self.app.settings.reduced_motion or self.ambient <= 0:
            return False
        return animated(self.art_name, self.art_folder) or self.watchers.pulsing()

    def animating(self) -> bool:
        return self._active() or self._ambient()

    def fps(self) -> int:
        return 60 if self._active() else AMBIENT_FPS

    # ---- drawing (see play_paint: a still layer and dirty rectangles)
    def invalidate(self) -> None:
        """Forget the cached still layer: the next frame draws everything afresh."""
        self.painter.invalidate()

    def draw(self, surf) -> None:
        self.painter.draw(surf)

    def still_parts(self, reduced: bool) -> list:
        """(rect, key, draw) for each still part; a part is redrawn when its key changes."""
        top_focus = next((i for i, b in enumerate(self.top_buttons)
                          if self.focus.is_focused(b)), None)
        _, mid, _ = self.columns()
        return [
            (pygame.Rect(0, 0, LOGICAL_SIZE[0], TOP),
             (top_focus, self.chapter, self.session.state.scene, self.scene_view.revealing,
              saving.saving_off(self.app), self.session.undo_enabled),
             self._draw_top_bar),
            (self.watchers.rect, self.watchers.static_key(),
             lambda s: self.watchers.draw(s, reduced)),
            (mid, self.scene_view.static_key(self.focus),
             lambda s: self.scene_view.draw(s, self.focus, reduced)),
            (self.score.rect, self.score.static_key(),
             lambda s: self.score.draw_static(s, reduced)),
            (self.services.rect, self.services.static_key(),
             lambda s: self.services.draw(s, reduced)),
        ]

    def moving_parts(self, reduced: bool) -> list:
        """(name, stamp, active, areas, draw) for what moves over the still layer."""
        t, w, sv, sc = self.t, self.watchers, self.services, self.score
        area = self.toast_area()
        pulsing = w.pulsing() and not reduced
        return [
            ("pulse", (w.static_key(), pulsing), pulsing, w.pulse_areas(),
             lambda s: w.draw_dynamic(s, t, reduced)),
            ("services", tuple(sorted(sv.flash)), bool(sv.flash), sv.flash_areas(),
             lambda s: sv.draw_dynamic(s, t, reduced)),
            ("score", sc.stamp(), sc.animating(), [],
             lambda s: sc.draw_dynamic(s, reduced)),
            ("toasts", self.toasts.stamp(), self.toasts.moving(reduced) or bool(sv.flash),
             [self.toasts.extent(self.app, area, LOGICAL_SIZE[0])],
             lambda s: self.toasts.draw(s, self.app, area, reduced)),
        ]

    def toast_area(self) -> pygame.Rect:
        """Toasts stack up from the bottom of the services panel (never over the scene's
        text); a door that changes is scrolled to the panel's top, above them."""
        rect = self.services.rect
        return pygame.Rect(rect.x, rect.y, rect.w, rect.h)

    def _draw_top_bar(self, surf) -> None:
        th, pal, cache = self.theme, self.pal, self.cache
        wordmark(self, surf, (MARGIN, 27))
        x = MARGIN + 150
        right = self.top_buttons[0].rect.x - 24
        title = self.chapter.title if self.chapter is not None else self.session.level.title
        if self.dev and self.session.state.scene:
            title = S.JOIN.join((title, S.DEV_SCENE.format(id=self.session.state.scene)))
        font = th.font("small_strong")
        title = cache.fit(font, title, max(40, (right - x) // 2))
        bar = pygame.Rect(0, 0, LOGICAL_SIZE[0], TOP)
        end = paint.text(surf, cache, font, title, pal.ink, (x, 36), "midleft", box=bar).right
        words = S.HINT_READING if self.scene_view.revealing else self.hint
        if self.session.undo_enabled and not self.scene_view.revealing:
            words += S.HINT_UNDO
        off = saving.saving_off(self.app)
        words = S.JOIN.join((S.NOTICE.format(text=off), words)) if off else words
        hint = whole_parts(th.font("small"), words, right - end - 24)
        if len(hint) > 3:
            paint.text(surf, cache, th.font("small"), hint, pal.muted, (right, 36), "midright",
                       box=bar)
        for b in self.top_buttons:
            b.draw(surf, self.app, self.focus.is_focused(b))
