"""`graph` draws .svg and .png by itself (issue 18 part 4): a layered layout, every scene,
ending and choice in the picture, loops drawn back up, and a level with errors drawn with
its errors marked and listed."""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game import cli
from game.authoring import graph
from game.authoring.layout import lay_out
from game.authoring.picture import drawing
from game.content import load_level, load_text
from game.content.catalog import bundled

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "first_level.yaml"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def no_graphviz(monkeypatch):
    monkeypatch.setattr(graph.shutil, "which", lambda name: None)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def _overlap(a, b) -> bool:
    return (abs(a.x - b.x) * 2 < a.w + b.w) and (abs(a.y - b.y) * 2 < a.h + b.h)


@pytest.mark.parametrize("loaded", bundled(), ids=lambda lv: lv.level.id)
def test_every_bundled_level_is_laid_out_with_no_boxes_overlapping(loaded):
    d = drawing(loaded)
    level = loaded.level
    real = [b for b in d.boxes.values() if b.kind != "point"]
    assert set(level.scenes) | set(level.endings) <= {b.id for b in real}
    for i, a in enumerate(real):
        for b in real[i + 1:]:
            assert not _overlap(a, b), (a.id, b.id)
    endings = {d.boxes[e].y for e in level.endings}
    assert len(endings) == 1 and max(b.y for b in real) in endings   # all on the bottom row
    start = d.boxes[level.start]
    forward = [r for r in d.routes if not r.back]
    assert all(d.boxes[r.source].y < d.boxes[r.target].y for r in forward)
    assert start.y == min(b.y for b in real if b.kind != "start")


def test_the_svg_is_valid_and_holds_every_scene_and_choice(tmp_path):
    out = tmp_path / "market.svg"
    assert cli.main(["graph", str(EXAMPLE), "-o", str(out)]) == 0
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    level = load_level(EXAMPLE).level
    assert {f"node-{s}" for s in [*level.scenes, *level.endings]} <= ids
    words = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for scene in level.scenes.values():
        for number, choice in enumerate(scene.choices, 1):
            assert f"{number}. {choice.text[:20]}" in words


def test_the_png_is_drawn_without_graphviz(tmp_path):
    import pygame

    out = tmp_path / "market.png"
    assert cli.main(["graph", str(EXAMPLE), "-o", str(out)]) == 0
    image = pygame.image.load(str(out))
    assert image.get_width() > 500 and image.get_height() > 500
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, image.get_width(), 7)
               for y in range(0, image.get_height(), 7)}
    assert (0xfd, 0xe6, 0x8a) in colours   # the endings' gold is drawn


def test_a_loop_back_up_is_a_curve_not_a_row(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("coin back -> bank", "coin back -> stall", 1)
    assert "coin back -> stall" in text
    loaded = load_text(text, "<loop>")
    d = drawing(loaded)
    back = [r for r in d.routes if r.back]
    assert back and all(r.target == "stall" for r in back)


def test_a_level_with_errors_is_drawn_with_its_errors_marked(tmp_path, capsys):
    text = EXAMPLE.read_text(encoding="utf-8").replace("coin back -> bank", "coin back -> bnak", 1)
    assert "-> bnak" in text
    source = tmp_path / "broken.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "broken.svg"
    assert cli.main(["graph", str(source), "-o", str(out)]) == 1
    assert "with the level's 1 error marked" in capsys.readouterr().out
    svg = out.read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    words = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert "`bnak`?" in words and "no such scene" in words
    assert any(w.startswith("1. line ") and "`bnak`" in w for w in words)
    d = drawing(load_level(source))
    (marked,) = [b for b in d.boxes.values() if b.problems]
    assert marked.id == load_level(EXAMPLE).level.start and marked.problems == [1]
    png = tmp_path / "broken.png"
    assert cli.main(["graph", str(source), "-o", str(png)]) == 1 and png.stat().st_size


def test_unreadable_yaml_still_gives_a_picture_of_its_problem(tmp_path):
    source = tmp_path / "bad.yaml"
    source.write_text('format: 1\nid: x\ntitle: "oops\n', encoding="utf-8")
    out = tmp_path / "bad.svg"
    assert cli.main(["graph", str(source), "-o", str(out)]) == 1
    assert "never closed" in out.read_text(encoding="utf-8")


def test_the_layout_alone_needs_no_level():
    d = lay_out("T", "a", [graph.Node("a", "A\n(a)", "scene", "fiction"),
                           graph.Node("b", "B\n(b)", "ending", "fiction")],
                [graph.Edge("a", "b", "1. Go", "open")])
    assert d.boxes["a"].y < d.boxes["b"].y and d.routes[-1].points[-1][1] < d.boxes["b"].y


def test_a_picture_too_big_for_a_png_is_one_plain_line_and_exit_2(tmp_path, monkeypatch,
                                                                  capsys):
    from game.authoring import drawpng

    monkeypatch.setattr(drawpng, "MAX_SIDE", 300)   # as if the level were huge
    out = tmp_path / "big.png"
    assert cli.main(["graph", str(EXAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "too big for a PNG" in err and "write a .svg instead" in err and err.count("\n") == 1
    assert not out.exists()
    assert drawpng.scale_for(100, 100) == drawpng.SCALE   # small pictures stay sharp
