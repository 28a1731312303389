"""Every scene and every ending of every bundled chapter, as the window draws it.

    python tools/scene_shots.py OUTDIR [--level ID ...] [--size 1280x720]

Headless (SDL's dummy drivers): for each chapter, each scene is opened in the real play
screen and each ending in the real ending screen, at 1280x720, text shown whole. Writes
OUTDIR/<chapter>-<scene>.png (an ending is a scene here: OUTDIR/<chapter>-<ending>.png) and
OUTDIR/index.html, a contact sheet with each picture beside its id, title, art name and
text, to check that each scene's art matches its words.

How each is reached, through the engine's public calls only:
- a scene: a level preset that starts there, if there is one (its persona, rules, score and
  flags); else the chapter's first persona and rules, moved there with `start_at`;
- an ending: the analyzer's search (`explore`, following seed 0's luck, then 1, 2, ...) finds
  a way there for some persona and rules; the choices are played one by one with `choose`.
  An ending no search reaches in a few seeds is listed as not drawn in the index.

Takes a minute or two for the five bundled chapters. Re-run it after changing level text.
"""
from __future__ import annotations

import argparse
import html
import os
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.authoring.explore import explore  # noqa: E402
from game.ui import flow, levels  # noqa: E402
from game.ui import settings as settings_mod  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.screenshots import settle  # noqa: E402
from game.ui.screens.play import PlayScreen  # noqa: E402
from game.ui.session import Session  # noqa: E402

SEEDS = range(6)          # the luck tried, in turn, to find a way to every ending
SEARCH_LIMIT = 20000      # states per persona x rules in that search


@dataclass
class Shot:
    """One picture: a scene or an ending, and what the index says beside it."""
    chapter: str
    id: str
    kind: str           # "scene" or "ending"
    title: str
    art: str
    text: str
    how: str            # persona, rules and how it was reached
    file: str | None    # None when it could not be drawn


def scene_session(level, scene_id: str) -> tuple[Session, str]:
    """A session standing in `scene_id`: from a preset that starts there, else `start_at`."""
    preset = next((pid for pid, p in level.presets.items() if p.scene == scene_id), None)
    if preset is not None:
        session = Session(level, preset=preset)
        return session, f"preset {preset}"
    session = Session(level, start_scene=scene_id)
    return session, "start_at"


def ending_paths(level) -> dict[str, tuple[str, str, int, list[str]]]:
    """For each ending some search reaches: (persona, ruleset, seed, the choice ids)."""
    found: dict[str, tuple[str, str, int, list[str]]] = {}
    for seed in SEEDS:
        for persona in level.personas:
            for ruleset in level.rulesets:
                if len(found) == len(level.endings):
                    return found
                reach = explore(level, persona, ruleset, seed=seed, until_every_ending=True,
                                limit=SEARCH_LIMIT)
                for index, state in enumerate(reach.states):
                    if state.finished and state.ending not in found:
                        found[state.ending] = (persona, ruleset, seed,
                                               [move[0] for move in reach.path_to(index)])
    return found


def ending_session(level, ending_id: str, way) -> Session | None:
    """A session that has played its way to `ending_id`, or None if the way led elsewhere."""
    persona, ruleset, seed, moves = way
    session = Session(level, persona, ruleset, seed)
    for choice_id in moves:
        session.choose(choice_id)
    return session if session.state.ending == ending_id else None


def draw(app, screen, path: Path) -> None:
    app.reset(flow.title_screen(app))
    app.push(screen)
    settle(app, seconds=2.0)
    pygame.image.save(app.snapshot(), str(path))


def shoot_chapter(app, chapter, outdir: Path) -> list[Shot]:
    level, shots = chapter.level, []
    for scene_id, scene in level.scenes.items():
        session, how = scene_session(level, scene_id)
        name = f"{chapter.id}-{scene_id}.png"
        draw(app, PlayScreen(app, session, chapter), outdir / name)
        shots.append(Shot(chapter.id, scene_id, "scene", scene.title, scene.art, scene.text,
                          f"{session.persona} / {session.ruleset}, {how}", name))
    ways = ending_paths(level)
    for ending_id, ending in level.endings.items():
        way = ways.get(ending_id)
        session = ending_session(level, ending_id, way) if way else None
        name = None
        how = "not reached by the search: not drawn"
        if session is not None:
            name = f"{chapter.id}-{ending_id}.png"
            draw(app, flow.ending_screen(app, session, chapter), outdir / name)
            how = f"{way[0]} / {way[1]}, seed {way[2]}, {len(way[3])} choices"
        shots.append(Shot(chapter.id, ending_id, "ending", ending.title, ending.art,
                          ending.text, how, name))
    return shots


def index_html(shots: list[Shot]) -> str:
    """The contact sheet: one row per picture, the words beside it."""
    esc = html.escape
    rows = []
    for s in shots:
        picture = (f'<a href="{esc(s.file)}"><img src="{esc(s.file)}" width="640"></a>'
                   if s.file else "<p><b>not drawn</b></p>")
        rows.append(
            f'<tr id="{esc(s.chapter)}-{esc(s.id)}"><td>{picture}</td><td>'
            f'<p><code>{esc(s.chapter)} / {esc(s.id)}</code> ({s.kind})</p>'
            f'<h3>{esc(s.title)}</h3><p>art: <b>{esc(s.art)}</b></p>'
            f'<p class="how">{esc(s.how)}</p>'
            f'<p>{esc(s.text).replace(chr(10), "<br>")}</p></td></tr>')
    style = ("body{font-family:sans-serif;margin:1em}td{vertical-align:top;padding:8px;"
             "border-bottom:1px solid #ccc}td:last-child{max-width:34em}.how{color:#777}")
    return ("<!doctype html><meta charset=utf-8><title>Sincerity: every scene</title>"
            f"<style>{style}</style><h1>Every scene and ending ({len(shots)})</h1>"
            f"<table>{''.join(rows)}</table>\n")


def shoot(outdir: Path, only: list[str] | None = None,
          size: tuple[int, int] = (1280, 720)) -> list[Shot]:
    """Draw every scene and ending of the bundled chapters (or those in `only`), and the
    index; return what was drawn."""
    outdir.mkdir(parents=True, exist_ok=True)
    app = App(window_size=size, settings=settings_mod.Settings(text_speed="instant"),
              persist=False)
    shots: list[Shot] = []
    for chapter in levels.bundled():
        if only and chapter.id not in only:
            continue
        if not chapter.ok:
            print(f"{chapter.path.name}: does not load, not drawn:", *chapter.problems[:3],
                  sep="\n  ", file=sys.stderr)
            continue
        shots += shoot_chapter(app, chapter, outdir)
        print(f"{chapter.id}: {sum(1 for s in shots if s.chapter == chapter.id)} pictures",
              flush=True)
    (outdir / "index.html").write_text(index_html(shots), encoding="utf-8")
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--level", action="append", help="only this chapter id (repeatable)")
    parser.add_argument("--size", default="1280x720", help="window size, WxH")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    shots = shoot(Path(args.outdir), args.level, (width, height))
    missing = [f"{s.chapter}/{s.id}" for s in shots if s.file is None]
    print(f"wrote {len(shots) - len(missing)} pictures and index.html to {args.outdir}")
    if missing:
        print("not drawn (no way found): " + ", ".join(missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
