"""The habits that keep the test suite quick to trust (docs/CONTRIBUTING.md): CI runs the
README's test command, collecting the tests starts no process, no test times the game."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A child python that collects the tests with an audit hook counting new processes.
COLLECT = """
import sys
started = []
def hook(event, args):
    if event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
                 "os.fork", "os.forkpty"):
        started.append(f"{event} {args[:2]!r}")
sys.addaudithook(hook)
import pytest
code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "-m", "slow or not slow"])
print("STARTED:", started)
sys.exit(int(code))
"""


def _readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the tests", 1)[1]
    line = next(line for line in section.splitlines() if "pytest" in line)
    return line.split("&& python -m pytest", 1)[1].strip()


def test_ci_runs_the_readmes_test_command():
    options = _readme_test_command()
    assert options.startswith("-q")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    runs = re.findall(r'"\$VPY" -m pytest (.*)', ci)
    assert runs, ".ci/run runs pytest"
    assert all(run.replace(" -p no:cacheprovider", "") == options for run in runs), runs


def test_the_readmes_command_runs_the_slow_tier_too():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_config = config["tool"]["pytest"]["ini_options"]
    assert pytest_config["addopts"] == ["-m", "not slow"]
    assert any(marker.startswith("slow:") for marker in pytest_config["markers"])
    assert '-m "slow or not slow"' in _readme_test_command()


def test_no_test_times_the_game_except_the_hang_guards():
    """Budgets live in `python -m game bench`; a test may only bound a hang, generously."""
    bounds = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = "assert" in line and re.search(r"(?:elapsed|perf_counter\(\) - \w+|monotonic\(\) - \w+) < "
                              r"([\w.]+)", line)
            if found:
                bounds.append((path.name, number, found[1]))
    assert bounds, "the hang guards are found"
    for name, number, bound in bounds:
        assert bound in ("HANG_SECONDS", "SECONDS") or float(bound) >= 3, \
            f"{name}:{number} bounds a time at {bound}"


@pytest.mark.slow
def test_collecting_the_tests_starts_no_process():
    proc = subprocess.run([sys.executable, "-c", COLLECT], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "STARTED: []" in proc.stdout, proc.stdout[-2000:]
