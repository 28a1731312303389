"""The wheel is self-contained: installed outside the checkout, the game finds its data."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def _clean_env() -> dict[str, str]:
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        env.pop(var, None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        args, cwd=cwd, env=_clean_env(), capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, (
        f"command failed ({proc.returncode}): {args}\n"
        f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    )
    return proc


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _parent_site_dirs() -> list[str]:
    """site-packages of the interpreter running the tests (where the dependencies are)."""
    dirs = list(site.getsitepackages())
    for key in ("purelib", "platlib"):
        dirs.append(sysconfig.get_paths()[key])
    seen: list[str] = []
    for d in dirs:
        if d not in seen and Path(d).is_dir():
            seen.append(d)
    return seen


@pytest.mark.slow
def test_wheel_installs_and_finds_its_data(tmp_path: Path) -> None:
    # 1. Build the wheel from the checkout, offline.
    wheel_dir = tmp_path / "wheels"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(wheel_dir), str(REPO_ROOT)],
        cwd=REPO_ROOT,
    )
    wheels = sorted(wheel_dir.glob("sincerity-*.whl"))
    assert len(wheels) == 1, wheels
    wheel = wheels[0]

    names = set(zipfile.ZipFile(wheel).namelist())
    assert "game/resources.py" in names
    assert "game/_data/levels/README.md" in names
    assert "game/_data/assets/README.md" in names
    pages = [*(REPO_ROOT / "game" / "web").rglob("*"), *(REPO_ROOT / "game" / "studio").rglob("*")]
    for page in pages:   # serve's and the studio's templates and files (the editor bundle)
        if page.suffix in (".html", ".css", ".js"):
            rel = page.relative_to(REPO_ROOT).as_posix()
            assert rel in names, f"{rel} missing from the wheel"
    from game.resources import BUNDLED_LEVELS
    for rel in [*BUNDLED_LEVELS, "classroom/questions.yaml"]:
        assert f"game/_data/levels/{rel}" in names, f"{rel} missing from the wheel"
    shipped = {n for n in names if n.startswith("game/_data/levels/") and n.endswith(".yaml")}
    assert len(shipped) == len(BUNDLED_LEVELS) + 1, "only the bundled levels ship"

    # 2. A fresh venv. --system-site-packages alone only reaches the *base* interpreter's
    # site-packages; a .pth file also exposes the test runner's, so the dependencies
    # (pygame-ce, pydantic, ...) are importable without any network. Paths listed in a
    # .pth are only appended to sys.path (their own .pth files, such as an editable
    # install of this checkout, are not processed), and come after the venv's own.
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], cwd=tmp_path)
    py = _venv_python(venv)
    venv_purelib = Path(
        _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
             cwd=tmp_path).stdout.strip()
    ).resolve()
    (venv_purelib / "_sincerity_test_deps.pth").write_text(
        "\n".join(_parent_site_dirs()) + "\n", encoding="utf-8"
    )

    # 3. Install the wheel, and nothing else.
    _run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)

    # 4. From outside the checkout, the game's data comes from the installed package.
    work = tmp_path / "elsewhere"
    work.mkdir()
    probe = (
        "import json, game.resources as r; "
        "print(json.dumps({'module': r.__file__, 'levels': str(r.levels_dir()), "
        "'assets': str(r.assets_dir()), 'asset': str(r.asset_path('README.md'))}))"
    )
    found = json.loads(_run([str(py), "-c", probe], cwd=work).stdout)
    module = Path(found["module"]).resolve()
    levels = Path(found["levels"]).resolve()
    assets = Path(found["assets"]).resolve()

    assert module.is_relative_to(venv_purelib), found
    assert levels == venv_purelib / "game" / "_data" / "levels", found
    assert assets == venv_purelib / "game" / "_data" / "assets", found
    assert levels.is_dir() and (levels / "README.md").is_file()
    assert assets.is_dir() and Path(found["asset"]).is_file()
    assert not levels.is_relative_to(REPO_ROOT)


def test_checkout_uses_top_level_folders() -> None:
    """Run from this checkout, the locator points at the top-level folders."""
    from game.resources import asset_path, assets_dir, levels_dir

    if not Path(sys.modules["game.resources"].__file__).resolve().is_relative_to(REPO_ROOT):
        return  # tests run against an installed copy; covered by the test above
    assert levels_dir() == REPO_ROOT / "levels"
    assert assets_dir() == REPO_ROOT / "assets"
    assert asset_path("fonts", "x.ttf") == REPO_ROOT / "assets" / "fonts" / "x.ttf"


def _installed_game(tmp_path: Path) -> Path:
    """Build the wheel and install it alone in a fresh venv (as in the test above); its python."""
    wheel_dir = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
          "-w", str(wheel_dir), str(REPO_ROOT)], cwd=REPO_ROOT)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], cwd=tmp_path)
    py = _venv_python(venv)
    purelib = _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=tmp_path).stdout.strip()
    (Path(purelib) / "_sincerity_test_deps.pth").write_text(
        "\n".join(_parent_site_dirs()) + "\n", encoding="utf-8")
    wheel = next(wheel_dir.glob("sincerity-*.whl"))
    _run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    return py


@pytest.mark.slow
def test_installed_game_validates_and_plays_in_text(tmp_path: Path) -> None:
    """From another folder, the installed game checks its levels and plays one to an ending."""
    assert any((REPO_ROOT / "levels").glob("*.yaml")), "the checkout has its levels"
    py = _installed_game(tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    _run([str(py), "-m", "game", "validate"], cwd=work)
    answers = "\nhello\n99\n0\n" + "1\n2\n3\n" * 300  # bad lines re-prompt; then any open one
    proc = subprocess.run([str(py), "-m", "game", "play", "--text"], cwd=work, env=_clean_env(),
                          input=answers, capture_output=True, text=True, encoding="utf-8",
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Ending: " in proc.stdout and "Final score: " in proc.stdout
    assert "is not a number" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
