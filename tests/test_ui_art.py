"""Scene illustrations and watcher icons: every name draws, nothing is blank, palettes matter."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"


import pygame  # noqa: E402
import pytest  # noqa: E402

from game.core.model import ART_NAMES, WATCHER_ICONS  # noqa: E402
from game.ui import art  # noqa: E402

NORMAL = {"bg": (244, 241, 236), "ink": (34, 40, 49), "muted": (120, 128, 140),
          "accent": (229, 90, 60), "panel": (255, 255, 255), "good": (46, 125, 90),
          "bad": (180, 50, 50)}
HIGH_CONTRAST = {"bg": (0, 0, 0), "ink": (255, 255, 255), "muted": (200, 200, 200),
                 "accent": (255, 220, 0), "panel": (20, 20, 20), "good": (120, 255, 160),
                 "bad": (255, 120, 120)}
SIZES = [(320, 180), (800, 600)]
MARGIN = 7
FILL = (255, 0, 255)


def _scene(name, size=(400, 250), palette=NORMAL, t=0.0, reduced_motion=False):
    surf = pygame.Surface((size[0] + 2 * MARGIN, size[1] + 2 * MARGIN))
    surf.fill(FILL)
    rect = pygame.Rect(MARGIN, MARGIN, *size)
    art.draw_scene_art(surf, rect, name, palette, t=t, reduced_motion=reduced_motion)
    return surf, rect


def _colours(surf, rect, step=3):
    return {surf.get_at((x, y))[:3] for x in range(rect.left, rect.right, step)
            for y in range(rect.top, rect.bottom, step)}


def _diff_fraction(a, b, step=2):
    w, h = a.get_size()
    total = diff = 0
    for x in range(0, w, step):
        for y in range(0, h, step):
            total += 1
            if a.get_at((x, y)) != b.get_at((x, y)):
                diff += 1
    return diff / total


def test_model_lists_are_covered():
    assert set(ART_NAMES) <= set(art.SCENES)
    assert len(ART_NAMES) == 20 and len(WATCHER_ICONS) == 10


@pytest.mark.parametrize("name", ART_NAMES)
@pytest.mark.parametrize("size", SIZES)
def test_every_scene_draws_and_is_not_blank(name, size):
    surf, rect = _scene(name, size)
    colours = _colours(surf, rect)
    assert len(colours) >= 12, f"{name} at {size} looks blank ({len(colours)} colours)"
    # Fills its rect (no untouched pixels inside) and stays inside it (margin untouched).
    inner = pygame.mask.from_threshold(surf.subsurface(rect), FILL, (1, 1, 1, 255))
    assert inner.count() == 0
    outside = pygame.mask.from_threshold(surf, FILL, (1, 1, 1, 255)).count()
    assert outside == surf.get_width() * surf.get_height() - rect.w * rect.h


def test_scenes_are_mutually_distinct():
    images = {n: _scene(n, (240, 150))[0] for n in ART_NAMES}
    names = list(images)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert _diff_fraction(images[a], images[b], step=3) > 0.15, (a, b)


@pytest.mark.parametrize("name", ART_NAMES)
def test_high_contrast_palette_changes_the_picture(name):
    normal, rect = _scene(name, (320, 200), NORMAL)
    hc, _ = _scene(name, (320, 200), HIGH_CONTRAST)
    assert _diff_fraction(normal, hc) > 0.5
    colours = _colours(hc, rect)
    assert len(colours) >= 8
    # Bright strokes on a dark picture: plenty of near-white and plenty of dark pixels.
    sub = hc.subsurface(rect)
    bright = pygame.mask.from_threshold(sub, (255, 255, 255), (90, 90, 90, 255)).count()
    dark = pygame.mask.from_threshold(sub, (0, 0, 0), (70, 70, 70, 255)).count()
    area = rect.w * rect.h
    assert bright > area * 0.01 and dark > area * 0.25, name


def test_unknown_scene_falls_back_without_raising():
    for bad in ("no_such_place", "", None, 42):
        surf, rect = _scene(bad)
        assert len(_colours(surf, rect)) >= 3
    fallback = _scene("no_such_place")[0]
    for name in ART_NAMES:
        assert _diff_fraction(fallback, _scene(name)[0], step=4) > 0.1, name


def test_odd_sizes_and_partial_palettes_do_not_raise():
    surf = pygame.Surface((900, 700))
    for rect in [(0, 0, 1, 1), (0, 0, 0, 10), (850, 650, 200, 200), (10, 10, 800, 180),
                 (0, 0, 320, 600)]:
        for name in ("street", "phone", "nope"):
            art.draw_scene_art(surf, rect, name, NORMAL)
    art.draw_scene_art(surf, (0, 0, 400, 250), "bank", {"bg": (10, 10, 10)})
    art.draw_scene_art(surf, (0, 0, 400, 250), "bank", {})


def test_animation_flags_and_frames():
    animated = [n for n in ART_NAMES if art.has_animation(n)]
    assert animated, "at least the camera LEDs should blink"
    assert art.has_animation("no_such_place") is False
    for name in ART_NAMES:
        if not art.has_animation(name):
            a = _scene(name, t=0.0)[0]
            b = _scene(name, t=1.0)[0]
            assert _diff_fraction(a, b) == 0, name
        # reduced motion: t never matters
        a = _scene(name, t=0.0, reduced_motion=True)[0]
        b = _scene(name, t=0.9, reduced_motion=True)[0]
        assert _diff_fraction(a, b) == 0, name
        assert art.animation_frame(name, 5.0, reduced_motion=True) == 0
    # for an animated scene, some t changes the picture, and only when the frame changes
    name = animated[0]
    frames = {}
    for i in range(40):
        t = i * 0.05
        frames.setdefault(art.animation_frame(name, t), []).append(_scene(name, t=t)[0])
    pictures = [imgs[0] for imgs in frames.values()]
    assert any(_diff_fraction(pictures[0], p) > 0 for p in pictures[1:])
    for imgs in frames.values():
        for other in imgs[1:]:
            assert _diff_fraction(imgs[0], other) == 0


@pytest.mark.parametrize("icon", list(WATCHER_ICONS) + ["no_such_icon"])
@pytest.mark.parametrize("size", [24, 40, 64])
def test_every_icon_draws_non_blank(icon, size):
    surf = pygame.Surface((size + 20, size + 20))
    surf.fill((244, 241, 236))
    rect = pygame.Rect(10, 10, size, size)
    art.draw_watcher_icon(surf, rect, icon, (34, 40, 49))
    inked = pygame.mask.from_threshold(surf, (34, 40, 49), (60, 60, 60, 255))
    assert inked.count() > size * size * 0.12
    bbox = inked.get_bounding_rects()
    assert all(rect.contains(b) for b in bbox)


def test_icons_are_distinct_and_unknown_is_the_eye():
    def render(name):
        s = pygame.Surface((48, 48))
        s.fill((0, 0, 0))
        art.draw_watcher_icon(s, (0, 0, 48, 48), name, (255, 255, 255))
        return s
    imgs = {n: render(n) for n in WATCHER_ICONS}
    names = list(imgs)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert _diff_fraction(imgs[a], imgs[b], step=1) > 0.1, (a, b)
    assert _diff_fraction(render("nope"), imgs["eye"], step=1) == 0


def test_icon_uses_the_given_colour():
    s = pygame.Surface((64, 64))
    s.fill((0, 0, 0))
    art.draw_watcher_icon(s, s.get_rect(), "camera", (255, 220, 0))
    assert pygame.mask.from_threshold(s, (255, 220, 0), (2, 2, 2, 255)).count() > 300


def test_padlock_and_stars():
    s = pygame.Surface((80, 80))
    s.fill((0, 0, 0))
    art.draw_padlock(s, (10, 10, 40, 40), (255, 255, 255))
    lock = pygame.mask.from_threshold(s, (255, 255, 255), (60, 60, 60, 255))
    assert lock.count() > 300
    assert pygame.Rect(10, 10, 40, 40).contains(lock.get_bounding_rects()[0])

    def star(filled):
        st = pygame.Surface((40, 40))
        st.fill((0, 0, 0))
        art.draw_star(st, (20, 20), 15, (255, 220, 0), filled)
        return pygame.mask.from_threshold(st, (255, 220, 0), (60, 60, 60, 255)).count()
    full, outline = star(True), star(False)
    assert full > 200 and 40 < outline < full * 0.7


def _record_time_calls(name, size, palette, t):
    """The blink and step calls drawing `name` makes at this size, palette and time."""
    from game.ui import art_kit
    calls = []
    real = art_kit.Pen.__init__

    def recording(self, *args, **kwargs):
        real(self, *args, **kwargs)
        self.time_calls = calls
    art_kit.Pen.__init__ = recording
    try:
        _scene(name, size, palette, t)
    finally:
        art_kit.Pen.__init__ = real
    return tuple(calls)


@pytest.mark.parametrize("name", sorted(n for n in ART_NAMES if art.has_animation(n)))
def test_time_reaches_the_picture_only_through_the_same_calls(name):
    """animation_frame relies on it: which blink and step calls a scene makes does not depend
    on the time, the size or the palette."""
    expected = art._time_calls(name)
    assert expected, f"{name} is listed as animated but never asks the time"
    for size in ((16, 10), (340, 255), (800, 300)):
        for palette in (NORMAL, HIGH_CONTRAST):
            for t in (0.0, 0.7, 3.3, 41.9):
                assert _record_time_calls(name, size, palette, t) == expected, (size, t)


@pytest.mark.parametrize("name", sorted(n for n in ART_NAMES if art.has_animation(n)))
def test_animation_frame_numbers_each_look(name):
    """Two times with the same number draw the same picture; the pictures change."""
    seen: dict[int, bytes] = {}
    for i in range(70):                       # over eight seconds, at the art's frame rate
        t = (i + 0.5) / art.ANIMATION_FPS
        number = art.animation_frame(name, t)
        picture = pygame.image.tobytes(_scene(name, (200, 125), t=t)[0], "RGB")
        assert seen.setdefault(number, picture) == picture, (name, t, number)
    assert len(seen) >= 2
