"""The campaign's way on: which chapter follows which, who carries on into it, what can
follow a finished chapter, and what finished chapters leave behind (for the next chapter's
memory and baselines, and for the finale).

Decisions only: `game.ui.flow` builds the screens they lead to.
"""
from __future__ import annotations

from . import intents as I
from . import strings as S


# ---- what finished chapters leave behind

def carry_for(app, level):
    """The last chapter of another level finished (in this window, or in an earlier one and
    kept on disk): Day Zero's unscored answers then meet their scored twins (in either
    order), and still do when the scored chapter is played again, as another person or
    under other rules (`app.carry` keeps the last finished state of each level, newest
    last)."""
    finished = getattr(app, "carry", None) or {}
    others = [state for level_id, state in finished.items() if level_id != level.id]
    return others[-1] if others else None


def remember_finished(app, state, chapter=None) -> None:
    """Keep a finished chapter's state for `carry_for` (one per level, newest last) and for
    the finale (`app.record`: every chapter finished, the newest of each). Given its
    `chapter`, it is kept on disk too (`saving.keep_finished`, never in kiosk mode), and
    comes back when the window opens again (`saving.record_back`)."""
    app.record = {**(getattr(app, "record", None) or {}), state.level_id: state}
    finished = dict(getattr(app, "carry", None) or {})
    finished.pop(state.level_id, None)
    app.carry = {**finished, state.level_id: state}
    if chapter is not None:
        from . import saving
        saving.keep_finished(app, state, chapter)


def campaign_states(app) -> list:
    """The finished chapters (`remember_finished`, and those of earlier windows brought back
    by `saving.record_back`), in the campaign's order."""
    record = getattr(app, "record", None) or {}
    return sorted(record.values(), key=lambda state: state.played.order)


def finale_action(app, chapter) -> list[tuple[str, object]]:
    """The way to the finale, after the campaign's last chapter once two or more chapters
    were finished (in this window or, kept on disk, in earlier ones)."""
    from . import levels
    ids = [c.id for c in levels.bundled() if c.ok]
    if not ids or getattr(chapter, "id", None) != ids[-1]:
        return []
    return [(S.TO_FINALE, I.ToFinale())] if len(campaign_states(app)) >= 2 else []



# ---- after a chapter: the next one, or this one again as the other persona

def next_chapter(chapter):
    """The bundled chapter after this one in the campaign's order (each level's `order`), or
    None after the last one or for a level from elsewhere."""
    from . import levels
    chapters = [c for c in levels.bundled() if c.ok]
    ids = [c.id for c in chapters]
    if chapter is None or getattr(chapter, "id", None) not in ids:
        return None
    index = ids.index(chapter.id)
    return chapters[index + 1] if index + 1 < len(chapters) else None


def carried_persona(level, persona: str, to_level) -> str:
    """The persona who goes on into `to_level`: the one with the same id, else the one in
    the same place in its list (the tutorial's first persona is every chapter's first)."""
    if persona in to_level.personas:
        return persona
    mine = list(level.personas)
    theirs = list(to_level.personas)
    index = mine.index(persona) if persona in mine else 0
    return theirs[min(index, len(theirs) - 1)]


def other_persona(level, persona: str) -> str:
    """The persona after this one in the chapter's list (round to the first)."""
    ids = list(level.personas)
    if persona not in ids:
        return ids[0]
    return ids[(ids.index(persona) + 1) % len(ids)]


def after_chapter(session, chapter, again: bool = True) -> list[tuple[str, object]]:
    """(label, intent) for what can follow a finished chapter: the title, this chapter again
    as the other persona (unless `again` is False), and the next chapter, last."""
    level, state = session.level, session.state
    other = other_persona(level, state.persona)
    label = S.PLAY_AGAIN_AS.format(persona=level.personas[other].name) if (
        other != state.persona) else S.PLAY_AGAIN
    actions: list[tuple[str, object]] = [(S.BACK_TO_TITLE, I.ToTitle())]
    if again:
        actions.append((label, I.PlayAgain(session, chapter)))
    nxt = next_chapter(chapter)
    if nxt is not None:
        actions.append((S.NEXT_CHAPTER.format(title=nxt.title), I.PlayNext(session, chapter)))
    return actions
