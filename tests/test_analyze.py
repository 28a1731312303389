"""The analyzer: each finding on a small level made for it, the information lines, merging
(a level of 30 binary choices has few situations), chance as a branch, and a check that
merging never changes what can be reached (random small levels, explored with and without
merging)."""
from __future__ import annotations

import json
import random
from collections import deque

import pytest
import yaml

from game import cli
from game.authoring import analyze, rolls
from game.authoring.analyze import analyze_text
from game.authoring.explore import explore
from game.authoring.generate import binary_chain_text, corridor_text
from game.authoring.rolls import outcomes
from game.content import load_text
from game.core import choices, choose, new_game

HEAD = """\
format: 1
id: t
title: Test level
start: a
score: {start: 1000, min: 0, max: 1300}
sensors:
  cam: {name: Camera}
  maybe: {name: Camera that sometimes works, chance: 0.5}
watchers:
  camera: {name: Camera, icon: camera, sensor: cam}
  flaky: {name: Old camera, icon: camera, sensor: maybe}
behaviours:
  bad: {name: Doing wrong}
  good: {name: Doing right}
rulesets:
  strict:
    name: Strict
    rules:
      bad: {change: -50, seen_by: [cam, maybe], reason: Seen}
      good: {change: 20, seen_by: [cam, maybe], reason: Seen}
personas:
  p: {name: Someone}
"""


def run(body: str, **kw):
    return analyze_text(HEAD + body, "<t>", **kw)


def codes(report) -> list[str]:
    return [d.code for d in report.problems]


def one(report, code: str):
    found = [d for d in report.problems + report.info if d.code == code]
    assert len(found) == 1, (code, [d.format() for d in report.problems + report.info])
    return found[0]


# ---------------------------------------------------------------- each finding

def test_a_level_with_no_problem_has_no_problem():
    report = run("""\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    watchers: [camera]
    choices:
      - {id: x, text: Do wrong, behaviour: bad, goto: b}
      - {id: y, text: Do right, behaviour: good, goto: b}
  b:
    title: B
    text: Then.
    basis: fiction
    choices:
      - {id: go, text: Go, finish: true}
endings:
  high: {title: High, text: Good., when: {score_at_least: 1000}}
  low: {title: Low, text: Bad.}
""")
    assert report.problems == []
    assert report.errors == 0
    assert {d.code for d in report.info} == {"A400", "A410", "A411", "A412"}


def test_A401_unreachable_scene_and_A404_choice_never_open():
    report = run("""\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    choices:
      - {id: never, text: Only for the rich, needs: {score_at_least: 2000}, goto: b}
      - {id: end, text: End, finish: true}
  b:
    title: B
    text: Never seen.
    basis: fiction
    choices:
      - {id: go, text: Go, finish: true}
endings:
  done: {title: Done, text: Over.}
""")
    assert sorted(codes(report)) == ["A401", "A404"]
    a401 = one(report, "A401")
    assert "`b`" in a401.message and a401.severity == "warning"
    assert (a401.line, a401.column) == (HEAD.count("\n") + 9, 3)   # where `  b:` is
    a404 = one(report, "A404")
    assert "`never`" in a404.message and "locked" in a404.message
    assert "1000" in a404.hint      # the scores a player has there
    assert report.errors == 0


def test_A404_says_when_a_choice_is_always_hidden():
    report = run("""\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    choices:
      - {id: secret, text: Secret, shown_if: {flag: never_set}, finish: true}
      - {id: end, text: End, finish: true}
endings:
  done: {title: Done, text: Over.}
""")
    assert "hidden" in one(report, "A404").message


def test_A402_unreachable_ending_is_an_error():
    report = run("""\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    choices:
      - {id: end, text: End, finish: true}
endings:
  any: {title: Any, text: Always first.}
  late: {title: Late, text: Never., when: {score_at_least: 0}}
""")
    d = one(report, "A402")
    assert d.severity == "error" and "`late`" in d.message
    assert report.errors == 1


def test_A403_dead_end_with_an_example_path():
    report = run("""\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    watchers: [camera]
    choices:
      - {id: wrong, text: Do wrong, behaviour: bad, goto: b}
      - {id: right, text: Do right, behaviour: good, goto: b}
  b:
    title: B
    text: The gate.
    basis: fiction
    choices:
      - {id: gate, text: Through the gate, needs: {score_at_least: 1000}, finish: true}
endings:
  done: {title: Done, text: Over.}
""")
    d = one(report, "A403")
    assert d.severity == "error"
    assert "`b`" in d.message and "choices 1 (wrong)" in d.message and "p x strict" in d.message
    assert report.findings["combos"][0]["dead_ends"] == {"b": {"choices": ["wrong"],
                                                              "numbers": [1]}}


def test_A405_tested_but_never_set_and_A406_counted_but_never_tested():
    report = run("""\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    choices:
      - {id: go, text: Go, effects: [{set: unused}, {count: {name: tally, by: 1}}], goto: b}
      - {id: other, text: Other, needs: {flag: only_in_c}, goto: b}
      - {id: third, text: Third, needs: {counter: {name: never_counted, at_least: 1}}, goto: b}
  b:
    title: B
    text: Then.
    basis: fiction
    choices:
      - {id: end, text: End, finish: true}
  c:
    title: C
    text: Unreachable.
    basis: fiction
    choices:
      - {id: end, text: End, effects: [set: only_in_c], finish: true}
endings:
  done: {title: Done, text: Over.}
""")
    found = {(d.code, d.message.split("`")[1]) for d in report.problems}
    assert ("A405", "only_in_c") in found and ("A405", "never_counted") in found
    assert ("A406", "tally") in found
    assert not any(name == "unused" for _, name in found)   # validate's W304 says it
    only_in_c = next(d for d in report.problems if d.code == "A405" and "only_in_c" in d.message)
    assert "never reached" in only_in_c.message


ONE_FLAG = """\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    choices:
      - {id: go, text: Go, effects: [{set: %s}], goto: b}
      - {id: stay, text: Stay, needs: {flag: %s}, goto: b}
  b:
    title: B
    text: Then.
    basis: fiction
    choices:
      - {id: end, text: End, finish: true}
endings:
  done: {title: Done, text: Over.}
"""


@pytest.mark.parametrize("set_as, tested_as, code", [
    ("unused", "kept", "W304"),      # set but never tested
    ("kept", "never_set", "W303"),   # tested but nothing sets it
])
def test_one_flag_problem_is_one_finding_across_validate_and_analyze(set_as, tested_as,
                                                                      code):
    """`validate` and `analyze` read one index of flags (`content.index.uses`), so a flag
    that is set and never tested (or tested and never set) is reported once, by `validate`,
    not again by `analyze` (it was W304 and A406, W303 and A405)."""
    text = HEAD + ONE_FLAG % (set_as, tested_as)
    validated = load_text(text, "<t>").diagnostics
    analyzed = analyze_text(text, "<t>").problems
    about = {set_as, tested_as} - {"kept"}
    found = [d.code for d in validated + analyzed if set(d.message.split("`")) & about]
    assert found == [code]


def test_A407_service_that_never_changes():
    report = run("""\
services:
  rail: {name: Rail, threshold: 500}
  loan: {name: Loan, threshold: 960}
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    watchers: [camera]
    choices:
      - {id: wrong, text: Do wrong, behaviour: bad, goto: b}
      - {id: rail, text: Train, needs: {service: rail}, goto: b}
  b:
    title: B
    text: Then.
    basis: fiction
    watchers: [camera]
    choices:
      - {id: wrong, text: Do wrong, behaviour: bad, needs: {service: loan}, finish: true}
      - {id: end, text: End, finish: true}
endings:
  done: {title: Done, text: Over.}
""")
    d = one(report, "A407")
    assert "`rail`" in d.message and "open" in d.message and "500" in d.hint


def test_A408_when_the_search_stops_early_nothing_is_called_unreachable():
    report = analyze_text(binary_chain_text(6), "<chain>", limit=5)
    assert codes(report) == ["A408"]
    assert report.findings["complete"] is False


# ---------------------------------------------------------------- information

def test_info_lines_score_ranges_endings_and_lengths():
    report = analyze_text(binary_chain_text(3), "<chain>")
    info = {d.code: d for d in report.info}
    assert report.findings["scene_scores"] == {"s0": [1000, 1000], "s1": [990, 1010],
                                               "s2": [980, 1020]}
    trusted = report.findings["endings"]["trusted"]
    assert trusted["shortest"]["choices"] == ["comply", "comply", "comply"]
    assert trusted["shortest"]["numbers"] == [1, 1, 1]
    assert trusted["reached_by"] == [["citizen", "strict"]]
    assert trusted["score"] == [1010, 1030]
    lengths = report.findings["combos"][0]["lengths"]
    assert lengths["shortest_choices"] == lengths["longest_choices"] == 3
    assert 0 < lengths["shortest_minutes"] <= lengths["longest_minutes"]
    assert "3 choices" in info["A412"].message


MINI_LOOP = """\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    choices:
      - {id: again, text: Look around again, goto: a}
      - {id: end, text: End, finish: true}
endings:
  done: {title: Done, text: Over.}
"""


def test_a_loop_has_no_longest_game():
    report = run(MINI_LOOP)
    lengths = report.findings["combos"][0]["lengths"]
    assert lengths["longest_choices"] is None and lengths["loop"] == "a"
    assert "no longest" in one(report, "A412").message


@pytest.mark.parametrize("level_id", ["here", "pilot_city", "day_zero"])
def test_game_lengths_in_scene_order_match_a_full_topological_sort(level_id, monkeypatch):
    # where the scenes never loop, lengths walk the states in their scenes' order; that
    # must give what the general sort over every move gives
    from game.authoring import paths
    from game.content.catalog import bundled
    level = next(lv.level for lv in bundled() if lv.level.id == level_id)
    reach = explore(level, next(iter(level.personas)), list(level.rulesets)[-1])
    scenes = [state.scene for state in reach.states]
    order, loop = paths._by_scene(level, scenes)
    place = {i: n for n, i in enumerate(order)}
    assert loop is None and sorted(order) == list(range(len(scenes)))
    assert all(place[i] < place[j] for i, j, _ in reach.edges)
    quick = paths.lengths(level, reach)
    monkeypatch.setattr(paths, "_by_scene", lambda level, scenes: None)
    assert paths.lengths(level, reach) == quick


def test_scenes_that_loop_are_not_ordered_by_scene():
    from game.authoring import paths
    level = load_text(HEAD + MINI_LOOP, "<loop>").level
    assert paths._by_scene(level, ["a", None]) is None


def test_thirty_binary_choices_are_merged_not_enumerated():
    report = analyze_text(binary_chain_text(30), "<chain>")
    assert report.problems == []
    assert report.findings["complete"]
    assert report.findings["states"] < 600          # 2^30 paths, ~n^2/2 situations


def test_a_big_level_grows_with_its_scenes():
    report = analyze_text(corridor_text(200), "<corridor>")
    assert report.problems == []
    assert report.findings["states"] <= 2 * 200 + 10


# a first scene watched by a camera that may miss (`flaky`), its choices to follow
WATCHED_START = """\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    watchers: [flaky]
    choices:
"""


def test_chance_is_a_branch_not_one_seeds_luck():
    body = WATCHED_START + """\
      - {id: wrong, text: Do wrong, behaviour: bad, finish: true}
endings:
  caught: {title: Caught, text: Seen., when: {score_below: 1000}}
  free: {title: Free, text: Not seen.}
"""
    report = run(body)
    assert codes(report) == []
    assert report.findings["endings"]["caught"]["shortest"]["needs_luck"] is True
    level = load_text(HEAD + body, "<t>").level   # with a seed: only one of them
    for seed in range(3):
        reach = explore(level, "p", "strict", seed=seed)
        assert len({s.ending for s in reach.states if s.finished}) == 1


def test_a_walk_that_arrives_however_the_dice_fall_needs_no_luck():
    """The camera may miss, which changes the score, but the ending is the same either way;
    a dead end that only a miss leads to still needs luck."""
    body = WATCHED_START + """\
      - {id: wrong, text: Do wrong, behaviour: bad, goto: b}
  b:
    title: B
    text: Then.
    basis: fiction
    choices:
      - {id: go_on, text: Go on, finish: true}
      - {id: only_if_missed, text: Stay, needs: {score_at_least: 1000}, goto: c}
  c:
    title: C
    text: Stuck.
    basis: fiction
    choices:
      - {id: never, text: Never open, needs: {score_at_least: 5000}, finish: true}
endings:
  done: {title: Done, text: Over.}
"""
    report = run(body)
    done = report.findings["endings"]["done"]["shortest"]
    assert done["needs_luck"] is False and done["numbers"] == [1, 1]
    dead_ends = report.findings["combos"][0]["dead_ends"]
    assert dead_ends["c"]["numbers"] == [1, 2]
    dead_end = one(report, "A403")
    assert "when chance goes that way" in dead_end.message


def test_every_roll_of_the_engine_goes_through_the_dice_it_is_given():
    """`choose(..., dice=...)` rolls only the dice given (the generator stays where it was),
    and `outcomes` follows each fall of them; the state's own generator is used otherwise."""
    text = binary_chain_text(1).replace("cam: {name: Camera}", "cam: {name: Camera, chance: 0.5}")
    level = load_text(text, "<c>").level
    start = new_game(level)
    rolled = []

    def always_miss(rng):
        rolled.append(rng)
        return rng, rolls.MISS

    missed = choose(start, "comply", dice=always_miss, quiet=True).state
    assert rolled == [start.rng] and missed.rng == start.rng
    scores = {step.state.score for step in outcomes(start, "comply")}
    assert missed.score in scores and len(scores) == 2
    assert choose(start, "comply").state.rng != start.rng   # no dice given: its own


def test_an_appeal_that_can_win_is_explored():
    report = run("""\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    watchers: [camera]
    choices:
      - {id: wrong, text: Do wrong, behaviour: bad, goto: b}
  b:
    title: B
    text: The appeal office.
    basis: fiction
    choices:
      - {id: appeal, text: Appeal, effects: [{appeal: {cost: 0, chance: 0.1}}], finish: true}
endings:
  won: {title: Won, text: Back., when: {score_at_least: 1000}}
  lost: {title: Lost, text: No.}
""")
    assert codes(report) == []
    assert report.findings["endings"]["won"]["score"] == [1000, 1000]
    assert report.findings["endings"]["lost"]["score"] == [950, 950]


# ---------------------------------------------------------------- the command line

def test_cli_text_and_exit_codes(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(binary_chain_text(4), encoding="utf-8")
    assert cli.main(["analyze", str(good)]) == 0
    out = capsys.readouterr().out
    assert f"{good}:" in out and "info[A411]" in out and "0 errors" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text(binary_chain_text(4).replace("score_at_least: 1000", "score_at_least: 5000"),
                   encoding="utf-8")
    assert cli.main(["analyze", str(bad)]) == 1
    assert "error[A402]" in capsys.readouterr().out


def test_cli_json_is_a_list_of_problems_with_findings(tmp_path, capsys):
    path = tmp_path / "chain.yaml"
    path.write_text(binary_chain_text(4), encoding="utf-8")
    assert cli.main(["analyze", str(path), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    fields = {"code", "severity", "path", "line", "column", "message", "hint"}
    assert all(fields <= set(item) for item in items)
    summary = [item for item in items if "findings" in item]
    assert len(summary) == 1 and summary[0]["code"] == "A400"
    assert set(summary[0]["findings"]["endings"]) == {"trusted", "doubted"}


def test_cli_broken_level_and_unknown_level(tmp_path, capsys):
    path = tmp_path / "broken.yaml"
    path.write_text(binary_chain_text(2).replace("goto: s1", "goto: nowhere"), encoding="utf-8")
    assert cli.main(["analyze", str(path)]) == 1
    assert "E202" in capsys.readouterr().out
    assert cli.main(["analyze", "no_such_level"]) == 2
    assert cli.main(["analyze", str(tmp_path / "missing.yaml")]) == 2


def test_a_pool_of_processes_finds_the_same(monkeypatch):
    levels = [load_text(binary_chain_text(5), "<c>").level,
              load_text(_random_level(3), "<r>").level]
    monkeypatch.setenv("SINCERITY_ANALYZE_WORKERS", "1")
    alone = analyze.explore_levels(levels)
    monkeypatch.setenv("SINCERITY_ANALYZE_WORKERS", "2")
    monkeypatch.setattr(analyze, "SERIAL_SECONDS", -1.0)
    pooled = analyze.explore_levels(levels)
    assert [[vars(r) for r in rs] for rs in pooled] == [[vars(r) for r in rs] for rs in alone]


def test_a_level_already_played_here_still_goes_to_a_pool():
    # the pool pickles the levels; what the engine and conditions cache on them (functions)
    # must stay behind, and be made again in the worker
    import pickle

    from game.content.catalog import bundled
    level = next(lv.level for lv in bundled() if lv.level.id == "here")
    state = new_game(level, "migrant", "opaque")
    choose(state, choices(state)[0].id)
    packed = pickle.dumps(level)
    copy = pickle.loads(packed)
    assert copy == level and b"engine_plan" not in packed
    again = new_game(copy, "migrant", "opaque")
    assert choose(again, choices(again)[0].id).state.to_json() == \
        choose(state, choices(state)[0].id).state.to_json()


def test_bundled_levels_have_no_errors(monkeypatch):
    monkeypatch.setenv("SINCERITY_ANALYZE_WORKERS", "1")
    reports = analyze.analyze_loaded(analyze.load_levels(["day_zero"]))
    assert reports[0].errors == 0


# ---------------------------------------------------------------- merging never lies

def test_a_state_replaced_is_the_same_as_dataclasses_replace():
    from dataclasses import replace

    state = new_game(load_text(binary_chain_text(2), "<c>").level)
    fast, slow = state.replace(score=5, flags=("x",)), replace(state, score=5, flags=("x",))
    assert fast == slow and hash(fast) == hash(slow) and fast.to_json() == slow.to_json()
    assert fast.level is state.level
    with pytest.raises(TypeError, match="no field mood"):
        state.replace(mood=1)



def _random_level(seed: int) -> str:
    """A small random level using delays, appeals, chance, counters, money, visited,
    services, the blacklist, the network and ratings (every gap a merge could hide)."""
    rnd = random.Random(seed)
    n = 5
    flags = ["f1", "f2"]

    def condition(i: int) -> dict:
        pick = rnd.choice(["score", "below", "flag", "counter", "money", "visited", "service",
                           "black", "not", "any"])
        if pick == "score":
            return {"score_at_least": rnd.choice([960, 990, 1000, 1020])}
        if pick == "below":
            return {"score_below": rnd.choice([970, 1000, 1010])}
        if pick == "flag":
            return {"flag": rnd.choice(flags)}
        if pick == "counter":
            return {"counter": {"name": "c1", "at_least": rnd.choice([1, 2])}}
        if pick == "money":
            return {"money_at_least": rnd.choice([10, 30])}
        if pick == "visited":
            return {"visited": f"s{rnd.randrange(0, max(1, i))}"}
        if pick == "service":
            return {"service": "gate"}
        if pick == "black":
            return {"blacklisted": rnd.choice([True, False])}
        if pick == "not":
            return {"not": {"flag": rnd.choice(flags)}}
        return {"any": [{"flag": "f1"}, {"score_at_least": 1000}]}

    def effects() -> list:
        out = []
        for _ in range(rnd.randrange(0, 3)):
            pick = rnd.choice(["set", "clear", "count", "money", "appeal", "if", "rate"])
            if pick == "set":
                out.append({"set": rnd.choice(flags)})
            elif pick == "clear":
                out.append({"clear": rnd.choice(flags)})
            elif pick == "count":
                out.append({"count": {"name": "c1", "by": rnd.choice([1, -1, 2])}})
            elif pick == "money":
                out.append({"money": rnd.choice([-20, 15])})
            elif pick == "appeal":
                out.append({"appeal": {"cost": 5, "chance": 0.5}})
            elif pick == "rate":
                out.append({"rating": {"contact": "kim", "stars": rnd.choice([1, 5])}})
            else:
                out.append({"if": {"when": {"flag": "f2"}, "then": [{"set": "f1"}],
                                   "else": [{"count": {"name": "c1", "by": 1}}]}})
        return out

    scenes = {}
    for i in range(n):
        targets = [f"s{j}" for j in range(i + 1, n)] + ["e_end"]
        chosen = []
        for k in range(rnd.randrange(2, 4)):
            choice = {"id": f"c{k}", "text": f"Choice {k}"}
            if rnd.random() < 0.7:
                choice["behaviour"] = rnd.choice(["bad", "good", "late", "luck"])
            if rnd.random() < 0.4:
                choice["needs"] = condition(i)
            if rnd.random() < 0.2:
                choice["shown_if"] = condition(i)
            if rnd.random() < 0.7:
                choice["effects"] = effects()
            if rnd.random() < 0.2:
                choice["finish"] = True
            else:
                choice["goto"] = rnd.choice(targets)
            chosen.append(choice)
        scenes[f"s{i}"] = {"title": f"S{i}", "text": "Text.", "basis": "fiction",
                           "watchers": ["camera", "flaky"], "scored": rnd.random() < 0.8,
                           "choices": chosen}
    level = {
        "format": 1, "id": f"r{seed}", "title": "Random", "start": "s0",
        "score": {"start": 1000, "min": 940, "max": 1060,
                  "tiers": [{"id": "A", "name": "A", "min": 1000}, {"id": "B", "name": "B",
                                                                    "min": 0}]},
        "services": {"gate": {"name": "Gate", "threshold": 990, "needs": {"not": {"flag": "f2"}}}},
        "sensors": {"cam": {"name": "Cam"}, "maybe": {"name": "Maybe", "chance": 0.5}},
        "watchers": {"camera": {"name": "C", "sensor": "cam"},
                     "flaky": {"name": "F", "sensor": "maybe"}},
        "behaviours": {b: {"name": b} for b in ("bad", "good", "late", "luck")},
        "rulesets": {
            "plain": {"name": "Plain", "rules": {
                "bad": {"change": -30, "seen_by": ["cam"]},
                "good": {"change": 20, "seen_by": ["cam"]},
                "late": {"change": -40, "seen_by": ["cam"], "delay": 2},
                "luck": {"change": -20, "seen_by": ["maybe"]}}},
            "murky": {"name": "Murky", "legibility": "delayed", "rules": {
                "bad": {"change": -10, "seen_by": ["maybe"], "delay": 1},
                "late": {"change": 30, "seen_by": ["cam"], "delay": 1}}}},
        "personas": {"p": {"name": "P", "money": 20, "flags": ["f2"]},
                     "q": {"name": "Q", "score": 980, "counters": {"c1": 1}}},
        "contacts": {"kim": {"name": "Kim", "score": 900}},
        "network": {"pull": 0.1 if seed % 2 else 0.0},
        "blacklist": {"below": 970, "leave_at": 1000, "effects": [{"set": "f1"}]},
        "scenes": scenes,
        "endings": {"e_good": {"title": "G", "text": "G.", "when": {"flag": "f1"}},
                    "e_end": {"title": "E", "text": "E."}},
    }
    return yaml.safe_dump(level, sort_keys=False)


def _everything(level, persona, ruleset):
    """What a search with no merging at all reaches (every path, every fall of the dice)."""
    seen = set()
    found = {"scenes": set(), "endings": set(), "open": set(), "dead": set(), "flags": set()}
    start = new_game(level, persona, ruleset)
    todo, keys = deque([start]), {start}
    while todo:
        state = todo.popleft()
        found["flags"] |= set(state.flags)
        if state.finished:
            found["endings"].add((state.ending, state.score))
            continue
        found["scenes"].add((state.scene, state.score))
        views = [v for v in choices(state) if v.available]
        found["open"] |= {(state.scene, v.id) for v in views}
        if not views:
            found["dead"].add(state.scene)
        for view in views:
            for step in outcomes(state, view.id):
                if step.state not in keys:
                    keys.add(step.state)
                    todo.append(step.state)
        seen.add(state)
    return found


def _merged(level, persona, ruleset):
    reach = explore(level, persona, ruleset)
    found = {"scenes": set(), "endings": set(), "open": set(reach.opened),
             "dead": {reach.states[i].scene for i in reach.stuck},
             "flags": set(reach.flags_seen)}
    for state in reach.states:
        if state.finished:
            found["endings"].add((state.ending, state.score))
        else:
            found["scenes"].add((state.scene, state.score))
    return found


def test_two_appeals_reverse_two_deductions():
    """The merge keeps as many past deductions as appeals are still to come."""
    loaded = load_text(HEAD + """\
scenes:
  a:
    title: A
    text: Start.
    basis: fiction
    watchers: [camera]
    choices:
      - {id: wrong, text: Do wrong, behaviour: bad, goto: b}
      - {id: right, text: Do right, behaviour: good, goto: b}
  b:
    title: B
    text: Again.
    basis: fiction
    watchers: [camera]
    choices:
      - {id: wrong, text: Do wrong, behaviour: bad, goto: c}
      - {id: right, text: Do right, behaviour: good, goto: c}
  c:
    title: C
    text: First appeal.
    basis: fiction
    choices:
      - {id: appeal, text: Appeal, effects: [{appeal: {chance: 1}}], goto: d}
      - {id: skip, text: Skip, goto: d}
  d:
    title: D
    text: Second appeal.
    basis: fiction
    choices:
      - {id: appeal, text: Appeal, effects: [{appeal: {chance: 1}}], finish: true}
      - {id: skip, text: Skip, finish: true}
endings:
  done: {title: Done, text: Over.}
""", "<appeals>")
    level = loaded.level
    merged, everything = _merged(level, "p", "strict"), _everything(level, "p", "strict")
    assert merged == everything
    assert ("done", 1000) in merged["endings"] and ("done", 900) in merged["endings"]


@pytest.mark.parametrize("seed", range(40))
def test_merging_never_changes_what_can_be_reached(seed):
    loaded = load_text(_random_level(seed), f"<random {seed}>")
    assert loaded.ok, loaded.format()
    level = loaded.level
    for persona in level.personas:
        for ruleset in level.rulesets:
            assert _merged(level, persona, ruleset) == _everything(level, persona, ruleset)


def test_a_flag_the_blacklist_lists_you_for_is_tested_and_live_everywhere():
    from game.authoring.liveness import liveness
    body = """\
blacklist: {below: 0, when: {flag: debt}}
scenes:
  a:
    title: A
    text: A court letter.
    basis: fiction
    choices:
      - {id: ignore, text: Ignore it, effects: [{set: debt}], goto: b}
      - {id: fine, text: Pay, goto: b}
  b:
    title: B
    text: Later.
    basis: fiction
    choices:
      - {id: pay, text: Pay now, effects: [{clear: debt}], goto: c}
      - {id: wait, text: Wait, goto: c}
  c:
    title: C
    text: The end.
    basis: fiction
    choices:
      - {id: end, text: End, finish: true}
endings:
  listed: {title: Listed, text: On the list., when: {blacklisted: true}}
  free: {title: Free, text: Off it.}
"""
    report = run(body)
    assert "A406" not in codes(report) and "A402" not in codes(report)
    level = load_text(HEAD + body, "<t>").level
    live = liveness(level, {"a": {"b"}, "b": {"c"}, "c": set()}).live
    assert all(("flag", "debt") in live[sid] for sid in "abc")
