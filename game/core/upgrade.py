"""Reading what an older version of the game wrote: a chain of small upgrades, one per version
step, after ink's minimum compatible save version (`kMinCompatibleLoadVersion`).

An upgrade table maps a version `v` to a function that turns JSON data of version `v` into
the data of version `v + 1` (it need not set the new "version"; `upgrade` does). The oldest
version the game still reads, its minimum compatible version, is where the unbroken chain of
steps below the current version begins: a table with no steps reads only the current
version. Pure: plain data in, plain data out; no files, no clock.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Mapping

Upgrades = Mapping[int, Callable[[dict], dict]]


class VersionError(ValueError):
    """Data of a version this game cannot read. `newer` is True when a newer version of the
    game wrote it; otherwise it is too old, or its version is not a whole number."""

    def __init__(self, version, current: int, oldest: int):
        self.version, self.current, self.oldest = version, current, oldest
        self.newer = type(version) is int and version > current
        reads = f"version {current}" if oldest == current else f"versions {oldest} to {current}"
        super().__init__(f"has version {version!r}; this game reads {reads}")


def minimum_version(upgrades: Upgrades, current: int) -> int:
    """The oldest version whose data can be brought up to `current` by the table's steps."""
    version = current
    while version - 1 in upgrades:
        version -= 1
    return version


def upgrade(data: dict, upgrades: Upgrades, current: int) -> dict:
    """The data as version `current` writes it: each step of the table from the data's own
    version (its "version" key) up to `current` applied in order, each result given the next
    version number. The data passed in is not changed. VersionError if its version is not a
    whole number from `minimum_version(upgrades, current)` to `current`."""
    version = data.get("version")
    oldest = minimum_version(upgrades, current)
    if type(version) is not int or not oldest <= version <= current:
        raise VersionError(version, current, oldest)
    if version < current:
        data = copy.deepcopy(data)
    for step in range(version, current):
        data = upgrades[step](data) | {"version": step + 1}
    return data
