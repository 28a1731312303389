"""`tools/scene_shots.py`: one command draws every scene and ending of a chapter in the real
window code, one PNG each, and a contact sheet naming each beside its words."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame

from game.content.catalog import bundled

TOOL = Path(__file__).resolve().parents[1] / "tools" / "scene_shots.py"


def test_it_draws_every_scene_and_ending_of_a_chapter(tmp_path):
    level = next(loaded.level for loaded in bundled() if loaded.level.id == "tutorial")
    done = subprocess.run([sys.executable, str(TOOL), str(tmp_path), "--level", "tutorial"],
                          capture_output=True, text=True, cwd=TOOL.parent.parent, timeout=600)
    assert done.returncode == 0, done.stderr
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for thing_id, thing in [*level.scenes.items(), *level.endings.items()]:
        png = tmp_path / f"tutorial-{thing_id}.png"
        assert png.is_file(), f"no picture of {thing_id}"
        picture = pygame.image.load(str(png))
        assert picture.get_size() == (1280, 720)
        colours = {picture.get_at((x, y))[:3] for x in range(0, 1280, 8) for y in range(0, 720, 8)}
        assert len(colours) > 20, \
            f"{png.name} is blank"
        assert f'id="tutorial-{thing_id}"' in index
        assert f"art: <b>{thing.art}</b>" in index
    assert not [p for p in tmp_path.glob("*.png") if not p.name.startswith("tutorial-")]
