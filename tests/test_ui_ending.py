"""The ending screen draws its final-score line whole, however long (seen in play: Sesame's
"You no longer see your score. The system still keeps it." was cut at "still keep")."""
from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game.content.catalog import bundled  # noqa: E402
from game.ui import flow  # noqa: E402
from game.ui import strings as S  # noqa: E402
from game.ui.screens.ending import TEXT_W, TEXT_X  # noqa: E402
from game.ui.session import Session  # noqa: E402
from game.ui.settings import TEXT_SIZES, Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402


def deleted_sesame() -> Session:
    """Sesame played from its preset to the ending after deleting the app."""
    level = next(loaded.level for loaded in bundled() if loaded.level.id == "sesame")
    session = Session(level, preset="delete_with_the_flat")
    while not session.finished:
        open_ids = [c.id for c in session.choices() if c.available]
        session.choose("delete" if "delete" in open_ids else open_ids[0])
    return session


@pytest.mark.parametrize("size", [min(TEXT_SIZES), max(TEXT_SIZES)])
def test_the_final_line_is_drawn_whole_inside_the_text_column(size):
    pilot = Pilot(settings=Settings(text_speed="instant", text_size=size))
    session = deleted_sesame()
    pilot.app.push(flow.ending_screen(pilot.app, session, None))
    pilot.frames(2)
    pilot.top.scroll.scroll(pilot.top.scroll.max_offset)   # large text: read to the end
    drawn = pilot.drawn()
    words = S.FINAL_NO_LONGER_SHOWN.split()
    column = [(line, rect) for line, rect in drawn if rect.x >= TEXT_X - 1
              and rect.y < pilot.top.buttons[0].rect.y]
    text = " ".join(line for line, _ in column)
    assert " ".join(words) in text
    final = [rect for line, rect in column if line.strip() and line.strip() in " ".join(words)]
    assert final and all(rect.right <= TEXT_X + TEXT_W for rect in final)
