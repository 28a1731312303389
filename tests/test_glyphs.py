"""The one glyph check: which characters the bundled fonts draw, read from their character
maps. `validate` warns about level text the fonts lack (W308), and the window's fallback
font decides with the same reader."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.content import bundled_levels, load_level, load_text  # noqa: E402
from game.content import glyphs  # noqa: E402
from game.content.codes import explain  # noqa: E402
from game.resources import asset_path  # noqa: E402
from test_diagnostics import changed, position  # noqa: E402


def test_validate_warns_about_characters_the_fonts_cannot_draw_where_they_are():
    text = changed("text: The light is red.", "text: The light is red 😀, 中 and 😀 again.")
    loaded = load_text(text, "emoji.yaml")
    assert loaded.ok
    [found] = [d for d in loaded.warnings if d.code == "W308"]
    assert (found.line, found.column) == position(text, "The light is red 😀")
    assert "😀 (U+1F600)" in found.message and "中 (U+4E2D)" in found.message
    assert found.message.count("😀") == 1
    assert "W308" in explain("W308") and "empty box" in explain("W308")


def test_letters_symbols_and_other_scripts_the_fonts_have_are_fine():
    text = changed("text: The light is red.", "text: “Цифровая” ★ ✓ → é ü ß — …")
    assert not [d for d in load_text(text, "fine.yaml").warnings if d.code == "W308"]


def test_every_bundled_level_draws_in_the_bundled_fonts():
    for path in bundled_levels():
        loaded = load_level(path)
        assert not [d for d in loaded.warnings if d.code == "W308"], loaded.path


def test_the_reader_agrees_with_what_the_font_engine_draws():
    """A character in the map is drawn as itself; one outside it as the font's empty box."""
    pygame.font.init()
    path = str(asset_path("fonts", "Inter-Regular.otf"))
    font = pygame.font.Font(path, 20)
    have = glyphs.code_points(path)

    def picture(char):
        surf = font.render(char, True, (255, 255, 255))
        return surf.get_size(), bytes(pygame.image.tobytes(surf, "RGBA"))
    box = picture("\U0010fffd")
    for char in "aZ9€ЖΩ★✓→…😀中\u0e01":
        assert (ord(char) in have) == (picture(char) != box), char
    assert ord("😀") not in have and ord("Ж") in have


def test_the_window_falls_back_by_the_same_map():
    from game.ui.fonts import FallbackFont
    pygame.font.init()
    path = str(asset_path("fonts", "OpenDyslexic-Regular.otf"))
    inter = pygame.font.Font(str(asset_path("fonts", "Inter-Regular.otf")), 20)
    font = FallbackFont(path, 20, inter)
    mine = glyphs.code_points(path)
    for char in "aé★✓→▲…Ж":
        assert font.has(char) == (ord(char) in mine)
    assert font.has("a") and not font.has("★")


def test_a_damaged_font_file_is_a_clear_problem(tmp_path):
    bad = tmp_path / "bad.otf"
    bad.write_bytes(b"OTTO\x00\x05" + b"\xff" * 20)
    with pytest.raises(glyphs.FontProblem, match="bad.otf"):
        glyphs.code_points(str(bad))
