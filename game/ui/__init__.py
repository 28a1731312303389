"""The window: a pygame-ce front end (the only package that imports pygame).

`run(args)` opens the window; `game.ui.screenshots.main(outdir)` renders every screen to PNG;
`game.ui.bench.figures(quick)` measures the window against its budgets. Importing this
package is cheap: pygame is imported only when one of those is called.
"""
from __future__ import annotations


def run(args=None) -> int:
    """Play in a window. `args` may carry level, persona, ruleset, seed, start_at, preset, dev."""
    from .app import run_app
    return run_app(args)
