"""Scene art is SVG: every bundled scene's picture exists, is safe and draws crisply at any
size; a picture blinks only where it has a part that blinks, and reduced motion stills it; the
code-drawn art it replaced is gone; the watcher icons still draw."""
from __future__ import annotations

import importlib
import os
import re
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.content import bundled_levels, load_level  # noqa: E402
from game.content.pictures import (OLD_NAMES, art_dir, bundled_names, picture_path,  # noqa: E402
                                    read_svg)
from game.core.model import WATCHER_ICONS  # noqa: E402
from game.ui import illustration  # noqa: E402
from game.ui.art_icons import draw_watcher_icon  # noqa: E402
from game.ui.illustration import Illustration  # noqa: E402

PALETTE = {"shade": (230, 230, 230), "line": (200, 200, 200), "accent": (200, 60, 50)}
RECT = pygame.Rect(20, 72, 340, 255)


@pytest.fixture(scope="module", autouse=True)
def _display():
    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((400, 400))
    yield


def _scene_pictures() -> list[tuple[str, str, str]]:
    found = []
    for path in bundled_levels():
        level = load_level(path).level
        for kind in ("scenes", "endings"):
            for pid, part in getattr(level, kind).items():
                found.append((path.stem, f"{kind}.{pid}", part.art))
    return found


PICTURES = _scene_pictures()


@pytest.mark.parametrize("level, where, art", PICTURES)
def test_every_bundled_scene_names_an_svg_that_exists_and_is_safe(level, where, art):
    path = picture_path(art, None)
    assert path.is_file() and path.parent == art_dir()
    read_svg(path)


def test_about_one_picture_for_every_two_scenes_and_every_svg_is_used():
    """Every SVG is shown by a bundled level, or by an old picture name that authors' levels
    may still use (`street`, `cafe`: the generic street and noodle bar the bundled chapters
    have replaced with pictures of their own scenes)."""
    scenes = [p for p in PICTURES if p[1].startswith("scenes.")]
    on_scenes = {art for _, _, art in scenes}
    assert len(on_scenes) * 2 >= len(scenes)
    assert set(bundled_names()) == {art for _, _, art in PICTURES} | set(OLD_NAMES.values())


@pytest.mark.parametrize("name", bundled_names())
@pytest.mark.parametrize("size", [(340, 255), (520, 470), (1020, 765)])
def test_every_svg_draws_filled_and_varied_at_any_size(name, size):
    img = illustration.picture(name, None, size, 0, PALETTE, None)
    assert img.get_size() == size
    colours = {img.get_at((x, y))[:3] for x in range(0, size[0], 7) for y in range(0, size[1], 7)}
    assert len(colours) >= 6                       # a picture, not the placeholder or a blank
    assert tuple(PALETTE["shade"]) not in {img.get_at((2, 2))[:3], img.get_at((size[0] - 3, 2))[:3]}


def test_art_md_lists_every_picture():
    guide = (Path(__file__).resolve().parent.parent / "docs" / "ART.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z0-9_]+)` \|", guide, re.MULTILINE))
    assert listed == set(bundled_names())


@pytest.mark.parametrize("name", bundled_names())
def test_no_text_is_baked_in_and_no_renderer_surprises(name):
    text = (art_dir() / f"{name}.svg").read_text(encoding="utf-8")
    assert "<text" not in text                     # signs are shapes (ART.md)
    assert not re.search(r"<linearGradient(?![^>]*userSpaceOnUse)", text)   # see ART.md
    assert "<use" not in text and "clipPath" not in text


def test_a_picture_blinks_only_with_motion_and_only_if_it_has_a_blinking_part():
    blinking = [n for n in bundled_names() if read_svg(picture_path(n, None)).blinks]
    still = [n for n in bundled_names() if n not in blinking]
    assert blinking and still
    name = blinking[0]
    assert {illustration.frame_of(name, t / 10, False) for t in range(40)} == {0, 1}
    assert {illustration.frame_of(name, t / 10, True) for t in range(40)} == {0}
    assert {illustration.frame_of(still[0], t / 10, False) for t in range(40)} == {0}
    on = illustration.picture(name, None, (340, 255), 0, PALETTE, None)
    off = illustration.picture(name, None, (340, 255), 1, PALETTE, None)
    assert pygame.image.tobytes(on, "RGB") != pygame.image.tobytes(off, "RGB")


def test_day_zero_has_no_blinking_watcher():
    day_zero = {art for level, _, art in PICTURES if level == "day_zero"}
    for art in day_zero:
        text = read_svg(picture_path(art, None)).text
        assert "camera" not in text.lower(), art


def test_the_picture_is_blitted_only_when_it_changes():
    target = pygame.Surface((400, 400)).convert()
    pic = Illustration()
    assert pic.draw(target, RECT, "harbour_road", PALETTE, 0.0, False, force=False)
    assert not pic.draw(target, RECT, "harbour_road", PALETTE, 3.0, False, force=False)
    assert pic.draw(target, RECT, "harbour_road", PALETTE, 3.0, False, force=True)
    shown = pygame.image.tobytes(target.subsurface(RECT), "RGB")
    fresh = illustration.picture("harbour_road", None, RECT.size, 0, PALETTE, None)
    assert shown == pygame.image.tobytes(fresh, "RGB")


def test_a_missing_or_refused_picture_draws_the_placeholder(tmp_path, capsys):
    (tmp_path / "bad.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" '
                                      'viewBox="0 0 4 3" onload="x()"/>', encoding="utf-8")
    target = pygame.Surface((400, 400)).convert()
    Illustration().draw(target, RECT, "bad.svg", PALETTE, 0.0, True, folder=tmp_path)
    assert target.get_at(RECT.center)[:3] == PALETTE["shade"]
    assert "bad.svg cannot be drawn" in capsys.readouterr().err


def test_a_levels_own_svg_draws_from_its_folder(tmp_path):
    (tmp_path / "mine.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3">'
                                       '<rect width="4" height="3" fill="#00ff00"/></svg>',
                                       encoding="utf-8")
    target = pygame.Surface((400, 400)).convert()
    Illustration().draw(target, RECT, "mine.svg", PALETTE, 0.0, True, folder=tmp_path)
    assert target.get_at(RECT.center)[:3] == (0, 255, 0)


@pytest.mark.parametrize("module", ["art", "art_kit", "art_motifs", "art_scenes_city",
                                    "art_scenes_home", "art_scenes_inst", "art_scenes_travel"])
def test_the_code_drawn_art_is_gone_and_not_imported(module):
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(f"game.ui.{module}")
    root = Path(__file__).resolve().parent.parent / "game"
    pattern = re.compile(rf"(game\.ui\.{module}\b|^\s*from (\.+|game\.ui) import [^\n]*\b{module}\b)",
                         re.MULTILINE)
    users = [p for p in root.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert users == []


@pytest.mark.parametrize("icon", list(WATCHER_ICONS) + ["no_such_icon"])
@pytest.mark.parametrize("size", [24, 40, 64])
def test_every_icon_draws_non_blank(icon, size):
    surf = pygame.Surface((size + 20, size + 20))
    surf.fill((244, 241, 236))
    rect = pygame.Rect(10, 10, size, size)
    draw_watcher_icon(surf, rect, icon, (34, 40, 49))
    inked = pygame.mask.from_threshold(surf, (34, 40, 49), (60, 60, 60, 255))
    assert inked.count() > size * size * 0.12
    assert all(rect.contains(b) for b in inked.get_bounding_rects())


def test_icons_are_distinct_and_unknown_is_the_eye():
    def render(name):
        s = pygame.Surface((48, 48))
        s.fill((0, 0, 0))
        draw_watcher_icon(s, (0, 0, 48, 48), name, (255, 255, 255))
        return pygame.image.tobytes(s, "RGB")
    imgs = {n: render(n) for n in WATCHER_ICONS}
    assert len(set(imgs.values())) == len(imgs)
    assert render("nope") == imgs["eye"]
