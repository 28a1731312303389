"""A level as a graph: its scenes, endings and the `finish` step as nodes, its choices as
edges (each labelled with its number, text and conditions in words). `graph.py` writes it
as Graphviz or Mermaid text; `layout.py` and `drawsvg.py` / `drawpng.py` draw it."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.conditions import condition_words
from ..core.effects import drawn_gotos
from ..core.model import Level

LABEL_CHARS = 28
STYLE = {   # basis -> (fill, border colour, border style)
    "reported": ("#dbeafe", "#1e40af", "solid"),
    "extrapolated": ("#fef3c7", "#b45309", "dashed"),
    "fiction": ("#f3f4f6", "#6b7280", "dotted"),
}
ENDING = ("#fde68a", "#92400e")
FINISH = "__finish__"


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str     # "scene" | "ending" | "finish"
    basis: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    style: str    # "open" | "locked" | "effect"


def short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def scoring_words(level: Level, behaviour: str | None) -> str:
    """A choice's behaviour and what each ruleset's rule changes for it, in one line
    (`keep_coin: -40 pilot, +0 open`), or "" for a choice with no behaviour."""
    if behaviour is None:
        return ""
    changes = [f"{rules.rules[behaviour].change:+d} {rid}" for rid, rules in level.rulesets.items()
               if behaviour in rules.rules]
    return f"{behaviour}: {', '.join(changes)}" if changes else f"{behaviour}: not scored"


def level_graph(level: Level, scoring: bool = False) -> tuple[list[Node], list[Edge]]:
    """The level as nodes (scenes, endings, the finish diamond) and edges (choices); with
    `scoring`, each choice's label also says its behaviour and score change per ruleset."""
    nodes = [Node(sid, f"{short(s.title, 40)}\n({sid})", "scene", s.basis)
             for sid, s in level.scenes.items()]
    nodes += [Node(eid, f"{short(e.title, 40)}\n({eid})", "ending", e.basis)
              for eid, e in level.endings.items()]
    edges: list[Edge] = []
    finishes = False
    for sid, scene in level.scenes.items():
        for number, choice in enumerate(scene.choices, 1):
            label = f"{number}. {short(choice.text)}"
            if choice.shown_if is not None:
                label += f"\nonly if {condition_words(choice.shown_if, level)}"
            if choice.needs is not None:
                label += f"\nneeds {condition_words(choice.needs, level)}"
            if scoring and choice.behaviour is not None:
                label += "\n" + short(scoring_words(level, choice.behaviour), 40)
            style = "locked" if choice.needs is not None else "open"
            target = FINISH if choice.finish else choice.goto
            finishes |= choice.finish
            edges.append(Edge(sid, target, label, style))
            for goto, when in drawn_gotos(choice.effects):
                edges.append(Edge(sid, goto, f"{number}. then {when or 'always'}".strip(),
                                  "effect"))
    if finishes:
        nodes.append(Node(FINISH, "finish:\nthe first ending\nwhose condition holds", "finish", ""))
        for eid, ending in level.endings.items():
            when = condition_words(ending.when, level) if ending.when else "otherwise"
            edges.append(Edge(FINISH, eid, when, "effect" if ending.when else "open"))
    return nodes, edges
