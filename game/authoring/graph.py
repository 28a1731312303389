"""`python -m game graph LEVEL -o FILE`: a level's scenes and choices as a picture.

`.svg` and `.png` are drawn by the game itself (`layout.py`, `drawsvg.py`, `drawpng.py`:
nothing else to install), a level with errors too, its errors marked (`picture.py`);
`--graphviz` asks Graphviz's `dot` program to draw them instead, when it is installed.
`.dot` (Graphviz) and `.mmd` (Mermaid: paste it into a Markdown file or mermaid.live) are
text to draw elsewhere. Scenes are styled by their basis
(reported: solid blue, extrapolated: dashed amber, fiction: dotted grey), endings are gold,
each edge is a choice ("2. Cross anyway"); a choice with `needs` is dashed, with its
condition in words; a `goto` inside the effects is dotted; `finish` goes through one
diamond that picks the ending by the endings' `when`.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ..core.model import Level
from .storygraph import ENDING, FINISH, STYLE, Edge, Node, level_graph, short

__all__ = ["ENDING", "FINISH", "STYLE", "Edge", "Node", "level_graph", "short", "to_dot",
           "to_mermaid", "render", "cmd_graph"]

FORMATS = (".dot", ".gv", ".mmd", ".svg", ".png")
MAX_DRAWN = 2000   # scenes and endings `dot` is asked to draw at most
DOT_SECONDS = 60   # then `dot` is stopped


# ---------------------------------------------------------------- Graphviz

def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot_node(node: Node) -> str:
    if node.kind == "ending":
        fill, border = ENDING
        attrs = (f"shape=doubleoctagon, style=\"filled,bold\", fillcolor=\"{fill}\", "
                 f"color=\"{border}\"")
    elif node.kind == "finish":
        attrs = 'shape=diamond, style=filled, fillcolor="#e5e7eb", fontsize=10'
    else:
        fill, border, line = STYLE[node.basis]
        attrs = (f"shape=box, style=\"rounded,filled,{line}\", fillcolor=\"{fill}\", "
                 f"color=\"{border}\"")
    return f"  {_dot_text(node.id)} [label={_dot_text(node.label)}, {attrs}];"


def _dot_edge(edge: Edge) -> str:
    style = {"open": "solid", "locked": "dashed", "effect": "dotted"}[edge.style]
    return (f"  {_dot_text(edge.source)} -> {_dot_text(edge.target)} "
            f"[label={_dot_text(edge.label)}, style={style}];")


def to_dot(level: Level) -> str:
    nodes, edges = level_graph(level)
    lines = [f"digraph {_dot_text(level.id)} {{",
             f"  label={_dot_text(level.title)}; labelloc=t; rankdir=TB;",
             '  node [fontname="Helvetica", fontsize=11];',
             '  edge [fontname="Helvetica", fontsize=9];',
             '  "__start__" [shape=circle, label="start", style=filled, fillcolor="#bbf7d0"];',
             f"  \"__start__\" -> {_dot_text(level.start)};"]
    lines += [_dot_node(n) for n in nodes]
    lines += [_dot_edge(e) for e in edges]
    lines += ["  subgraph cluster_legend {", '    label="basis"; fontsize=10; color="#d1d5db";']
    lines += [f'    "__{basis}__" [label="{basis}", shape=box, style="rounded,filled,{line}", '
              f'fillcolor="{fill}", color="{border}", fontsize=9];'
              for basis, (fill, border, line) in STYLE.items()]
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- Mermaid

def _mmd_text(text: str) -> str:
    text = text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;")
    return '"' + text.replace(">", "#gt;").replace("\n", "<br/>") + '"'


def to_mermaid(level: Level) -> str:
    nodes, edges = level_graph(level)
    ids = {n.id: f"n{i}" for i, n in enumerate(nodes)}
    lines = ["flowchart TD"]
    for basis, (fill, border, line) in STYLE.items():
        dash = {"solid": "", "dashed": ",stroke-dasharray:6 3", "dotted": ",stroke-dasharray:2 2"}
        lines.append(f"  classDef {basis} fill:{fill},stroke:{border}{dash[line]}")
    lines.append(f"  classDef ending fill:{ENDING[0]},stroke:{ENDING[1]},stroke-width:3px")
    lines.append(f"  start(({_mmd_text('start')})) --> {ids[level.start]}")
    for n in nodes:
        nid, label = ids[n.id], _mmd_text(n.label)
        if n.kind == "ending":
            lines.append(f"  {nid}([{label}]):::ending")
        elif n.kind == "finish":
            lines.append(f"  {nid}{{{label}}}")
        else:
            lines.append(f"  {nid}[{label}]:::{n.basis}")
    arrows = {"open": "-->", "locked": "-.->", "effect": "-.->"}
    for e in edges:
        lines.append(f"  {ids[e.source]} {arrows[e.style]}|{_mmd_text(e.label)}| {ids[e.target]}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the command

def render(level: Level, output: Path) -> None:
    """Write the picture; raises FileNotFoundError when `dot` is needed and missing."""
    suffix = output.suffix.lower()
    if suffix == ".mmd":
        output.write_text(to_mermaid(level), encoding="utf-8")
        return
    dot_text = to_dot(level)
    if suffix in (".dot", ".gv"):
        output.write_text(dot_text, encoding="utf-8")
        return
    program = shutil.which("dot")
    if program is None:
        raise FileNotFoundError("dot")
    subprocess.run([program, f"-T{suffix[1:]}", "-o", str(output)], input=dot_text.encode(),
                   check=True, capture_output=True, timeout=DOT_SECONDS)


def too_big_to_draw(level: Level) -> str:
    """Why `dot` should not be asked to draw this level, or "" (it takes minutes, then hours,
    on thousands of scenes)."""
    places = len(level.scenes) + len(level.endings)
    if places <= MAX_DRAWN:
        return ""
    return (f"this level has {places} scenes and endings, too many to draw as a picture "
            f"(at most {MAX_DRAWN})")


def cmd_graph(args) -> int:
    from ..content.catalog import format_problems
    from ..errors import UsageError
    from .analyze import load_levels
    from .drawpng import TooBig

    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"-o must end in .svg, .png, .dot or .mmd (not `{output.name}`)")
    loaded = load_levels([args.level])[0]
    picture = suffix in (".svg", ".png")
    if not loaded.ok and (not picture or getattr(args, "graphviz", False)):
        print(format_problems([loaded]))
        sys.stderr.write("Only the game's own .svg and .png drawings show a level with "
                         "errors (its errors marked); fix them for .dot and .mmd.\n")
        return 1
    big = too_big_to_draw(loaded.level) if picture and loaded.ok else ""
    if big:
        sys.stderr.write(f"{big}; write a .dot or .mmd file instead.\n")
        return 2
    try:
        if picture and not getattr(args, "graphviz", False):
            _draw_own(loaded, output)
        else:
            return _with_graphviz(loaded.level, output)
    except TooBig as exc:
        sys.stderr.write(f"Cannot draw {output.name}: {exc}; write a .svg instead (it can be "
                         "zoomed), or split the level into chapters.\n")
        return 2
    except OSError as exc:
        raise UsageError(f"cannot write {output} ({exc.strerror or exc})") from None
    if not loaded.ok:
        errors = len(loaded.errors)
        print(format_problems([loaded]))
        print(f"Wrote {output}, with the level's {errors} error{'s' if errors != 1 else ''} "
              "marked on it.")
        return 1
    print(f"Wrote {output}")
    return 0


def _draw_own(loaded, output: Path) -> None:
    from .picture import render_png, render_svg

    (render_svg if output.suffix.lower() == ".svg" else render_png)(loaded, output)


def _with_graphviz(level: Level, output: Path) -> int:
    try:
        render(level, output)
    except FileNotFoundError:
        sys.stderr.write(f"--graphviz needs Graphviz's `dot` program, which is not "
                         f"installed; leave out --graphviz and the game draws the "
                         f"{output.suffix} itself, or install Graphviz (graphviz.org).\n")
        return 2
    except subprocess.TimeoutExpired:
        sys.stderr.write(f"`dot` was stopped after {DOT_SECONDS} seconds without finishing the "
                         "picture; leave out --graphviz, or write a .dot or .mmd file.\n")
        return 2
    except subprocess.CalledProcessError as exc:
        why = exc.stderr.decode(errors="replace").strip().splitlines()[:1]
        sys.stderr.write(f"`dot` could not draw the graph ({why[0] if why else exc}).\n")
        return 2
    print(f"Wrote {output}")
    return 0
