"""Where the game's data lives: a checkout's top-level folders, or the installed package.

From a checkout, ``levels/`` and ``assets/`` sit next to the ``game`` package.
In an installed wheel they are shipped as ``game/_data/levels`` and ``game/_data/assets``
(see ``[tool.hatch.build.targets.wheel.force-include]`` in pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_DIR = _PACKAGE_DIR.parent
_INSTALLED_DATA_DIR = _PACKAGE_DIR / "_data"


def _data_dir(name: str) -> Path:
    checkout = _CHECKOUT_DIR / name
    # pyproject.toml marks a real checkout, so a stray site-packages/levels never matches.
    if checkout.is_dir() and (_CHECKOUT_DIR / "pyproject.toml").is_file():
        return checkout
    return _INSTALLED_DATA_DIR / name


def levels_dir() -> Path:
    """The folder holding the level files (``*.yaml``)."""
    return _data_dir("levels")


def assets_dir() -> Path:
    """The folder holding fonts, sounds and art."""
    return _data_dir("assets")


def asset_path(*parts: str) -> Path:
    """A path inside the assets folder, e.g. ``asset_path("fonts", "Atkinson.ttf")``."""
    return assets_dir().joinpath(*parts)
