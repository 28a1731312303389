"""Dependencies a fresh machine will still resolve: every requirement is capped below its next
major, constraints.txt pins a tested version of each inside its caps, and the drift report
compares them (tools/dependency_drift.py; CI runs it, these tests need no network)."""
from __future__ import annotations

import importlib.util
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _tool():
    spec = importlib.util.spec_from_file_location("dependency_drift",
                                                  ROOT / "tools" / "dependency_drift.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DRIFT = _tool()
PINS = DRIFT.read_constraints((ROOT / "constraints.txt").read_text(encoding="utf-8"))
RUNTIME = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
TEST = [Requirement(r) for r in PYPROJECT["project"]["optional-dependencies"]["test"]]


def _upper(req: Requirement) -> Version | None:
    caps = [Version(s.version) for s in req.specifier if s.operator in ("<", "==")]
    return min(caps) if caps else None


@pytest.mark.parametrize("req", RUNTIME + TEST, ids=str)
def test_every_requirement_is_capped_below_its_next_major(req):
    cap = _upper(req)
    assert cap is not None, f"{req} has no upper bound: add `<N` for its next major version"
    lower = [Version(s.version) for s in req.specifier if s.operator in (">=", "==")]
    assert lower, f"{req} has no lower bound"
    assert cap.major <= lower[0].major + 1, f"{req} allows more than the next major version"


@pytest.mark.parametrize("req", RUNTIME + TEST, ids=str)
def test_constraints_pin_a_version_inside_the_caps(req):
    name = DRIFT.canonical(req.name)
    assert name in PINS, f"constraints.txt has no tested version of {req.name}"
    assert req.specifier.contains(PINS[name]), \
        f"constraints.txt pins {req.name}=={PINS[name]}, outside pyproject's `{req}`"


def test_the_installed_versions_are_the_tested_ones_or_drift_says_so():
    """What this environment runs is either what constraints.txt says, or the drift report
    names the difference (as CI prints it)."""
    installed = {DRIFT.canonical(d.metadata["Name"]): d.version
                 for d in metadata.distributions()}
    newest = {"install": [{"metadata": {"name": n, "version": installed[n]}}
                          for n in PINS if n in installed]}
    lines = DRIFT.drift(PINS, DRIFT.newest_allowed(newest))
    differing = [n for n in PINS if n in installed and installed[n] != PINS[n]]
    assert len(lines) == len(differing)
    for name in differing:
        assert any(line.startswith(f"{name}: tested {PINS[name]}, newest allowed ")
                   for line in lines)


def test_drift_names_new_releases_and_missing_pins():
    report = {"install": [
        {"metadata": {"name": "PyYAML", "version": "6.0.9"}},
        {"metadata": {"name": "pydantic", "version": PINS["pydantic"]}},
        {"metadata": {"name": "brand_new", "version": "1.0"}},
        {"metadata": {"name": "sincerity", "version": "0.1.0"}},
    ]}
    lines = DRIFT.drift(PINS, DRIFT.newest_allowed(report))
    assert lines == [
        "brand-new: not in constraints.txt; newest allowed 1.0",
        f"pyyaml: tested {PINS['pyyaml']}, newest allowed 6.0.9",
    ]


def test_a_malformed_constraint_line_is_named():
    with pytest.raises(ValueError, match="`pygame-ce>=2` is not `name==version`"):
        DRIFT.read_constraints("pyyaml==6.0.4\npygame-ce>=2\n")


def test_ci_installs_with_the_constraints_and_reports_drift():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"pip install [^\n]*-c constraints\.txt[^\n]*\.\[test\]", script)
    assert "tools/dependency_drift.py" in script
