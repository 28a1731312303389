"""Asset references cannot leave their folder: a level names pictures (`art:`) from a fixed
list, never paths, and the asset locator refuses any name that climbs out or is absolute."""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from game.content import load_text  # noqa: E402
from game.resources import AssetPathError, asset_path, assets_dir  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")

ESCAPES = ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini", "C:\\boot.ini",
           "../assets/fonts/Inter-Regular.otf", "fonts/../../levels/tutorial.yaml",
           "file:///etc/passwd", "~/.ssh/id_rsa"]


def _with_art(art: str) -> str:
    """The fixture with the crossing scene's `art:` set to `art`."""
    scene = TEXT.index("  crossing:\n")
    start = TEXT.index("    art:", scene)
    end = TEXT.index("\n", start)
    return TEXT[:start] + f"    art: {art!r}" + TEXT[end:]


@pytest.mark.parametrize("art", ESCAPES)
def test_an_art_path_in_a_level_is_error_e218(art):
    loaded = load_text(_with_art(art), "escape.yaml")
    assert loaded.level is None
    codes = [d.code for d in loaded.errors]
    assert codes == ["E218"], loaded.format()
    d = loaded.errors[0]
    assert loaded.lines[d.line - 1].strip() == f"art: {art!r}"   # points at the line
    assert "picture" in d.message and d.hint


def test_an_art_name_from_the_list_is_fine():
    assert load_text(_with_art("station"), "fine.yaml").ok


@pytest.mark.parametrize("name", [e for e in ESCAPES if not e.startswith("~")] +
                         ["..", "", "fonts/../..", "/"])
def test_the_asset_locator_refuses_names_that_leave_the_assets_folder(name):
    with pytest.raises(AssetPathError):
        asset_path("fonts", name)
    with pytest.raises(AssetPathError):
        asset_path(name)


def test_the_asset_locator_finds_real_assets_inside_the_folder():
    path = asset_path("fonts", "Inter-Regular.otf")
    assert path.is_file()
    assert path.resolve().is_relative_to(assets_dir().resolve())
