"""Level files: YAML in, a validated `Level` out, with every problem located and explained.

`load_level(path)` and `load_text(text, path)` return a `Loaded`: the level (None when there
are errors), the diagnostics (each with a stable code, line and column, message and hint) and
the file's lines for showing them. `bundled_levels()` lists the levels that come with the game.
"""
from .loader import Loaded, bundled_levels, load_level, load_text

__all__ = ["Loaded", "load_text", "load_level", "bundled_levels"]
