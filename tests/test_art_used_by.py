"""docs/ART.md's "Used by" column is made from the levels (tools/art_used_by.py): it fails
while the file and the levels' `art:` disagree, and the tool puts every use in its row."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import art_used_by as tool  # noqa: E402


def test_art_md_says_which_scenes_use_each_picture():
    text = tool.ART_MD.read_text(encoding="utf-8")
    assert tool.render(text, tool.used_by()) == text, \
        "docs/ART.md is out of date: run python tools/art_used_by.py"


def test_every_scene_and_ending_is_listed_once_under_the_picture_it_shows():
    from game.content.catalog import bundled
    users = tool.used_by()
    listed = [u for names in users.values() for u in names]
    assert len(listed) == len(set(listed))
    for loaded in bundled():
        level = loaded.level
        for part in (level.scenes, level.endings):
            for pid, item in part.items():
                assert f"{level.id}.{pid}" in users[tool.shown(item.art)]


def test_render_replaces_only_the_last_cell_of_picture_rows():
    text = ("| Name | Place | What it shows | Used by |\n|---|---|---|---|\n"
            "| `harbour_road` | street | A road | old.scene |\n")
    out = tool.render(text, {"harbour_road": ["day_zero.red_light", "pilot_city.red_light"]})
    assert out.splitlines()[:2] == text.splitlines()[:2]
    assert out.splitlines()[2] == ("| `harbour_road` | street | A road | "
                                   "day_zero.red_light, pilot_city.red_light |")


def test_render_fills_a_new_row_whose_used_by_cell_is_empty():
    text = "| `harbour_road` | street | A road | |\n| `plum_street` | street | A street |  |\n"
    out = tool.render(text, {"harbour_road": ["day_zero.red_light"],
                             "plum_street": ["pilot_city.opted_out"]})
    assert out.splitlines() == ["| `harbour_road` | street | A road | day_zero.red_light |",
                                "| `plum_street` | street | A street | pilot_city.opted_out |"]
