"""The scene picture's cache (game.ui.illustration): one drawing per look, drawn ahead of time
one a frame, and always the same pixels as drawing the picture afresh."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui import art, illustration, paint  # noqa: E402
from game.ui.illustration import Illustration  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.theme import Theme  # noqa: E402

RECT = pygame.Rect(20, 72, 340, 255)
CORNERS = (14, (241, 240, 236))


@pytest.fixture(scope="module", autouse=True)
def _display():
    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((400, 400))
    yield


def _fresh(name, palette, t, reduced=False):
    """The picture drawn afresh, as the cache must show it."""
    img = pygame.Surface(RECT.size).convert()
    art.draw_scene_art(img, img.get_rect(), name, palette, t, reduced)
    paint.round_corners(img, *CORNERS)
    return pygame.image.tobytes(img, "RGB")


def _shown(target):
    return pygame.image.tobytes(target.subsurface(RECT), "RGB")


def _counting(monkeypatch):
    drawn = []
    real = art.draw_scene_art

    def counted(surface, rect, name, palette, t=0.0, reduced_motion=False):
        drawn.append(t)
        real(surface, rect, name, palette, t, reduced_motion)
    monkeypatch.setattr(art, "draw_scene_art", counted)
    return drawn


def test_cached_frames_show_what_a_fresh_drawing_shows():
    palette = Theme(Settings()).art
    target = pygame.Surface((400, 400)).convert()
    pic = Illustration()
    for i in range(150):                      # two and a half seconds at 60 frames a second
        t = i / 60
        pic.draw(target, RECT, "square", palette, t, False, force=True, corners=CORNERS)
        if i % 7 == 0:
            assert _shown(target) == _fresh("square", palette, t), t


def test_a_moving_picture_is_drawn_once_per_look_and_at_most_once_a_frame(monkeypatch):
    drawn = _counting(monkeypatch)
    palette = Theme(Settings()).art
    target = pygame.Surface((400, 400)).convert()
    pic = Illustration()
    looks = {art.animation_frame("square", (i + 0.5) / art.ANIMATION_FPS) for i in range(960)}
    per_frame = []
    for i in range(60 * 20):                  # twenty seconds
        before = len(drawn)
        pic.draw(target, RECT, "square", palette, i / 60, False, force=False, corners=CORNERS,
                 ahead=True)
        per_frame.append(len(drawn) - before)
    assert max(per_frame) == 1
    assert len(drawn) == len(looks) <= Illustration.MAX_FRAMES
    assert sum(per_frame[60:]) == 0           # all drawn within the first second


def test_a_frame_without_time_to_spare_draws_only_what_it_shows(monkeypatch):
    drawn = _counting(monkeypatch)
    palette = Theme(Settings()).art
    target = pygame.Surface((400, 400)).convert()
    pic = Illustration()
    for _ in range(5):
        pic.draw(target, RECT, "square", palette, 0.0, False, force=True, corners=CORNERS)
    assert len(drawn) == 1


def test_a_new_size_palette_or_scene_starts_afresh(monkeypatch):
    drawn = _counting(monkeypatch)
    normal = Theme(Settings()).art
    contrast = Theme(Settings(high_contrast=True)).art
    target = pygame.Surface((400, 400)).convert()
    pic = Illustration()
    pic.draw(target, RECT, "kitchen", normal, 0.0, True, corners=CORNERS)
    pic.draw(target, RECT, "kitchen", normal, 5.0, True, corners=CORNERS)
    assert len(drawn) == 1                    # reduced motion: one still picture
    pic.draw(target, RECT, "kitchen", contrast, 5.0, True, corners=CORNERS)
    pic.draw(target, RECT.inflate(-40, -40), "kitchen", contrast, 5.0, True, corners=CORNERS)
    pic.draw(target, RECT, "bank", contrast, 5.0, True, corners=CORNERS)
    assert len(drawn) == 4
    assert _shown(target) == _fresh("bank", contrast, 5.0, True)


def test_unchanged_picture_is_not_blitted_again_unless_forced():
    palette = Theme(Settings()).art
    target = pygame.Surface((400, 400)).convert()
    pic = Illustration()
    assert pic.draw(target, RECT, "phone", palette, 0.0, False, force=False)
    assert not pic.draw(target, RECT, "phone", palette, 3.0, False, force=False)
    assert pic.draw(target, RECT, "phone", palette, 3.0, False, force=True)


def test_the_placeholder_still_draws_without_the_art_module(monkeypatch):
    monkeypatch.setattr(illustration, "_art", None)
    palette = Theme(Settings()).art
    target = pygame.Surface((400, 400)).convert()
    target.fill((255, 0, 255))
    Illustration().draw(target, RECT, "square", palette, 1.0, False)
    assert pygame.mask.from_threshold(target.subsurface(RECT), (255, 0, 255),
                                      (1, 1, 1, 255)).count() == 0
