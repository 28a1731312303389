"""Where the game's data lives: a checkout's top-level folders, or the installed package.

From a checkout, ``levels/`` and ``assets/`` sit next to the ``game`` package.
In an installed wheel they are shipped as ``game/_data/levels`` and ``game/_data/assets``
(see ``[tool.hatch.build.targets.wheel.force-include]`` in pyproject.toml).
"""

from __future__ import annotations

import os
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


# The levels that come with the game: a fixed set, so a level an author saves in the
# checkout's levels/ (where the guide and the studio put it) is theirs, not bundled: it is
# listed with the author's levels and has no golden transcript to play. pyproject.toml ships
# exactly these files (a test checks the two lists agree).
BUNDLED_LEVELS = ("day_zero.yaml", "here.yaml", "pilot_city.yaml", "sesame.yaml",
                  "tutorial.yaml")


def levels_dir() -> Path:
    """The folder holding the bundled level files (`BUNDLED_LEVELS`)."""
    return _data_dir("levels")


def user_data_dir() -> Path:
    """platformdirs' user data folder; SINCERITY_DATA_DIR overrides it, and so does
    SINCERITY_CONFIG_DIR when only that is set (one folder for everything, as tests want)."""
    override = os.environ.get("SINCERITY_DATA_DIR") or os.environ.get("SINCERITY_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs
    return Path(platformdirs.user_data_dir("sincerity"))


def user_levels_dir() -> Path:
    """The user's own levels folder (not created here): its `.yaml` files are listed beside
    the bundled levels, and so are those in `./levels` of the folder the game starts in."""
    return user_data_dir() / "levels"


def assets_dir() -> Path:
    """The folder holding fonts, sounds and art."""
    return _data_dir("assets")


class AssetPathError(ValueError):
    """An asset name that would leave the assets folder (``..``, an absolute path, a drive)."""


def asset_path(*parts: str) -> Path:
    """A path inside the assets folder, e.g. ``asset_path("fonts", "Atkinson.ttf")``.

    Raises AssetPathError for a part that is absolute or climbs out (``..``): names come from
    code and levels, and nothing may reach outside the assets folder.
    """
    root = assets_dir()
    for part in parts:
        pieces = str(part).replace("\\", "/").split("/")
        if not part or Path(part).is_absolute() or ":" in str(part) or ".." in pieces:
            raise AssetPathError(f"asset names cannot leave the assets folder: {part!r}")
    path = root.joinpath(*parts)
    if not path.resolve().is_relative_to(root.resolve()):
        raise AssetPathError(f"asset names cannot leave the assets folder: {'/'.join(parts)!r}")
    return path
