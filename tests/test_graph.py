"""`graph LEVEL -o FILE`: Graphviz (checked by `dot` itself), Mermaid, SVG and PNG, and the
plain messages when `dot` is missing or the file name is wrong."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from game import cli
from game.authoring import graph
from game.authoring.graph import level_graph, to_dot, to_mermaid
from game.content import load_text

LEVEL = """\
format: 1
id: g
title: "A \\"quoted\\" level"
start: street
services:
  rail: {name: High-speed rail, threshold: 950}
personas:
  p: {name: P}
rulesets:
  r: {name: R}
scenes:
  street:
    title: The "red" light
    text: Cross?
    basis: reported
    choices:
      - {id: cross, text: "Cross anyway, even though a very long text follows", goto: station}
      - id: wait
        text: Wait
        goto: station
        effects:
          - if: {when: {score_below: 900}, then: [{goto: office}]}
  station:
    title: Station
    text: Train?
    basis: extrapolated
    choices:
      - {id: train, text: Take the train, needs: {service: rail}, goto: arrived}
      - {id: walk, text: Walk, shown_if: {not: {flag: tired}}, finish: true}
  office:
    title: Office
    text: Work.
    basis: fiction
    choices:
      - {id: home, text: Go home, finish: true}
endings:
  arrived: {title: Arrived, text: Yes., when: {score_at_least: 1000}}
  home: {title: Home, text: Ok.}
"""

HAS_DOT = shutil.which("dot") is not None


@pytest.fixture
def level():
    loaded = load_text(LEVEL, "<g>")
    assert loaded.level is not None, loaded.format()
    return loaded.level


def test_the_graph_has_every_scene_ending_and_choice(level):
    nodes, edges = level_graph(level)
    assert {n.id for n in nodes} == {"street", "station", "office", "arrived", "home",
                                     graph.FINISH}
    kinds = {n.id: (n.kind, n.basis) for n in nodes}
    assert kinds["street"] == ("scene", "reported") and kinds["home"][0] == "ending"
    by_label = {e.label.split("\n")[0]: e for e in edges}
    assert by_label["1. Take the train"].style == "locked"
    assert "needs High-speed rail open" in by_label["1. Take the train"].label
    assert "only if not flag tired" in by_label["2. Walk"].label
    assert by_label["2. then if score < 900"].target == "office"
    assert by_label["1. Cross anyway, even though a…"].style == "open"
    assert {(e.target, e.label) for e in edges if e.source == graph.FINISH} == {
        ("arrived", "score ≥ 1000"), ("home", "otherwise")}


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz is not installed")
def test_dot_output_is_valid_graphviz(level):
    text = to_dot(level)
    proc = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "<svg" in proc.stdout and "Station" in proc.stdout
    assert 'style=dashed' in text and "doubleoctagon" in text and "dotted" in text


def test_mermaid_has_the_nodes_and_edges(level):
    text = to_mermaid(level)
    assert text.startswith("flowchart TD\n")
    assert 'n0["The #quot;red#quot; light<br/>(street)"]:::reported' in text
    assert ":::extrapolated" in text and ":::fiction" in text and ":::ending" in text
    assert re.search(r'n1 -\.->\|"1\. Take the train<br/>needs High-speed rail open"\| n3',
                     text)
    assert 'n0 -->|"1. Cross anyway, even though a…"| n1' in text
    assert text.count("-->") + text.count("-.->") == len(level_graph(level)[1]) + 1


@pytest.mark.parametrize("suffix", [".dot", ".mmd", ".svg", ".png"])
def test_cli_writes_each_format(tmp_path, suffix, capsys):
    if suffix in (".svg", ".png") and not HAS_DOT:
        pytest.skip("Graphviz is not installed")
    source = tmp_path / "g.yaml"
    source.write_text(LEVEL, encoding="utf-8")
    out = tmp_path / f"g{suffix}"
    assert cli.main(["graph", str(source), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data
    if suffix == ".png":
        assert data.startswith(b"\x89PNG")
    if suffix == ".svg":
        assert b"<svg" in data


def test_cli_bundled_level_by_id(tmp_path):
    out = tmp_path / "tutorial.mmd"
    assert cli.main(["graph", "tutorial", "-o", str(out)]) == 0
    assert "flowchart TD" in out.read_text(encoding="utf-8")


def test_missing_dot_is_one_plain_line_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(graph.shutil, "which", lambda name: None)
    source = tmp_path / "g.yaml"
    source.write_text(LEVEL, encoding="utf-8")
    assert cli.main(["graph", str(source), "-o", str(tmp_path / "g.svg")]) == 2
    err = capsys.readouterr().err
    assert "Graphviz" in err and err.count("\n") == 1
    assert not (tmp_path / "g.svg").exists()


def test_bad_suffix_and_broken_level(tmp_path, capsys):
    source = tmp_path / "g.yaml"
    source.write_text(LEVEL, encoding="utf-8")
    assert cli.main(["graph", str(source), "-o", str(tmp_path / "g.jpg")]) == 2
    assert ".mmd" in capsys.readouterr().err
    source.write_text(LEVEL.replace("goto: arrived", "goto: arived"), encoding="utf-8")
    assert cli.main(["graph", str(source), "-o", str(tmp_path / "g.dot")]) == 1
    assert "E202" in capsys.readouterr().out
    assert cli.main(["graph", str(Path(tmp_path, "none.yaml")), "-o", "x.dot"]) == 2
