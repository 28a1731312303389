"""Levels where an author keeps them (issue 18 part 5): `./levels` of the folder the game
starts in and the user levels folder are listed beside the bundled levels, by `levels`,
`levels --json`, `play --level ID` and the window's chapter list; a bad file there is named
with its problem and stops nothing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "mini.yaml"


@pytest.fixture
def author(tmp_path: Path) -> dict:
    """A folder to start in, with ./levels holding a good level, a broken one and one that
    reuses a bundled id; and a user levels folder (under SINCERITY_DATA_DIR) with a level."""
    here = tmp_path / "work"
    (here / "levels").mkdir(parents=True)
    mini = MINI.read_text(encoding="utf-8")
    (here / "levels" / "mine.yaml").write_text(mini, encoding="utf-8")
    (here / "levels" / "broken.yaml").write_text('format: 1\nid: x\ntitle: "oops\n',
                                                 encoding="utf-8")
    (here / "levels" / "notes.txt").write_text("not a level", encoding="utf-8")
    tutorial = (REPO / "levels" / "tutorial.yaml").read_text(encoding="utf-8")
    (here / "levels" / "copy.yaml").write_text(tutorial, encoding="utf-8")
    data = tmp_path / "data"
    (data / "levels").mkdir(parents=True)
    mine_id = _level_id(mini)
    (data / "levels" / "yours.yaml").write_text(
        mini.replace(f"id: {mine_id}", "id: yours", 1), encoding="utf-8")
    return {"cwd": here, "data": data, "mine": mine_id,
            "env": {**os.environ, "SINCERITY_DATA_DIR": str(data),
                    "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}}


def _level_id(text: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in text.splitlines()
                if line.startswith("id:"))


def run(author: dict, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "game", *args], capture_output=True,
                          text=True, cwd=author["cwd"], env=author["env"], timeout=300,
                          encoding="utf-8")
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


def test_levels_json_lists_every_folder_and_names_bad_files(author):
    found = json.loads(run(author, "levels", "--json").stdout)
    folders = {f["kind"]: f for f in found["folders"]}
    assert Path(folders["here"]["path"]) == author["cwd"] / "levels"
    assert Path(folders["yours"]["path"]) == author["data"] / "levels"
    assert folders["yours"]["exists"] and folders["bundled"]["exists"]
    where = {item["id"]: item["folder"] for item in found["levels"]}
    assert where[author["mine"]] == "here" and where["yours"] == "yours"
    assert where["tutorial"] == "bundled"
    problems = {Path(p["path"]).name: p["problem"] for p in found["problems"]}
    assert problems["broken.yaml"] == "line 3: this quoted text is never closed"
    assert "`tutorial` is already the id of" in problems["copy.yaml"]
    assert "notes.txt" not in problems


def test_levels_text_names_each_folder_and_each_problem(author):
    out = run(author, "levels").stdout
    assert f"Levels in ./levels: {author['cwd'] / 'levels'}" in out
    assert f"Your levels folder: {author['data'] / 'levels'}" in out
    assert "broken.yaml: not listed: line 3: this quoted text is never closed" in out


def test_a_level_in_the_user_folder_plays_by_its_id(author):
    proc = run(author, "play", "--level", "yours", "--choices", "1", "--transcript")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
    proc = run(author, "play", "--level", "nothing_here", "--choices", "1")
    assert proc.returncode == 2 and "yours" in proc.stderr and author["mine"] in proc.stderr


def test_the_window_lists_them_and_a_bad_file_is_a_chapter_with_its_problem(author,
                                                                           monkeypatch):
    monkeypatch.chdir(author["cwd"])
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(author["data"]))
    from game.ui import levels

    chapters = levels.available()
    by_file = {c.path.name: c for c in chapters}
    assert by_file["mine.yaml"].ok and by_file["mine.yaml"].folder == "here"
    assert by_file["yours.yaml"].ok and by_file["yours.yaml"].folder == "yours"
    assert not by_file["broken.yaml"].ok
    assert by_file["broken.yaml"].why == "line 3: this quoted text is never closed"
    bundled = [c.id for c in chapters if c.folder == "bundled"]
    assert bundled == [c.id for c in levels.bundled()]


def test_folders_with_odd_entries_never_hang_or_stop_the_list(author, monkeypatch):
    odd = author["cwd"] / "levels"
    (odd / "folder.yaml").mkdir()
    os.mkfifo(odd / "pipe.yaml")   # reading it would block for ever
    (odd / "empty.yaml").write_text("", encoding="utf-8")
    (odd / "latin1.yaml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    found = json.loads(run(author, "levels", "--json").stdout)
    problems = {Path(p["path"]).name: p["problem"] for p in found["problems"]}
    assert problems["folder.yaml"] == "line 1: this is a folder, not a level file"
    assert problems["pipe.yaml"] == "line 1: this is not a file (a device or a pipe?)"
    assert problems["empty.yaml"] == "line 1: this file is empty"
    assert "UTF-8" in problems["latin1.yaml"]
    assert author["mine"] in {item["id"] for item in found["levels"]}


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch) -> Path:
    """A checkout whose levels/ holds the bundled levels and an author's level saved beside
    them (where the guide and the studio put it), started from that checkout."""
    import shutil

    import game.resources as resources

    root = tmp_path / "checkout"
    shutil.copytree(REPO / "levels", root / "levels")
    (root / "pyproject.toml").write_text("", encoding="utf-8")
    (root / "levels" / "lunch.yaml").write_text(
        MINI.read_text(encoding="utf-8").replace(f"id: {_level_id(MINI.read_text())}",
                                                 "id: lunch", 1), encoding="utf-8")
    monkeypatch.setattr(resources, "_CHECKOUT_DIR", root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))
    return root


def test_an_authors_level_saved_in_the_checkouts_levels_is_theirs_not_bundled(checkout):
    from game.content import bundled_levels
    from game.content.folders import shelf
    from game.resources import BUNDLED_LEVELS
    from game.ui import levels

    assert [p.name for p in bundled_levels()] == sorted(BUNDLED_LEVELS)
    assert all(p.parent == checkout / "levels" for p in bundled_levels())
    found = {f.path.name: f for f in shelf().found}
    assert found["lunch.yaml"].folder.kind == "here" and found["lunch.yaml"].ok
    assert {found[n].folder.kind for n in BUNDLED_LEVELS} == {"bundled"}
    assert len(shelf().found) == len(BUNDLED_LEVELS) + 1      # each file listed once
    chapters = {c.id: c.folder for c in levels.available()}
    assert chapters["lunch"] == "here" and chapters["tutorial"] == "bundled"
    assert "lunch" not in [c.id for c in levels.bundled()]
    assert levels.find("lunch").path.name == "lunch.yaml"


def test_the_wheel_ships_exactly_the_bundled_levels():
    import tomllib

    from game.resources import BUNDLED_LEVELS

    shipped = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = shipped["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    levels = {k.removeprefix("levels/") for k in shipped if k.endswith(".yaml")}
    assert levels == set(BUNDLED_LEVELS)
    assert {p.name for p in (REPO / "levels").glob("*.yaml")} >= set(BUNDLED_LEVELS)
