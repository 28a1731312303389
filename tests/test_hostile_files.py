"""Settings and classroom files that are empty, cut short, binary, huge, from a newer version,
unreadable or hostile (deep nesting, hidden characters, numbers and booleans in quotes, an
export folder that cannot be written): each gives a clear message and safe defaults, and the
game still starts."""
from __future__ import annotations

import json
import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from game.ui import settings as settings_mod  # noqa: E402
from game.ui import strings as S  # noqa: E402
from game.ui.settings import Settings  # noqa: E402
from game.ui.testing import Pilot  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_CLASSROOM = ROOT / "docs" / "classroom.example.yaml"


def refuse_reading(monkeypatch, path: Path) -> None:
    """chmod 000, and where that does not stop us (root), an `open` that refuses this file."""
    path.chmod(0)
    if os.access(path, os.R_OK):
        import builtins
        real_open = builtins.open

        def refusing_open(file, *args, **kwargs):
            if isinstance(file, (str, Path)) and Path(file) == path:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
        real_read_bytes = Path.read_bytes
        monkeypatch.setattr(Path, "read_bytes", lambda self: refusing_open(self) if self == path
                            else real_read_bytes(self))


def make_huge(path: Path, size: int = 200 * 1024 * 1024) -> None:
    with open(path, "wb") as f:          # sparse: no disk used
        f.write(b'{"text_size": 125,')
        f.truncate(size)


# ---------------------------------------------------------------- settings

SETTINGS_CASES = {
    "empty": (b"", S.SETTINGS_DAMAGED),
    "truncated": (b'{"text_size": 125, "high_con', S.SETTINGS_DAMAGED),
    "binary": (bytes(range(256)), S.SETTINGS_DAMAGED),
    "nested": (b"[" * 50_000, S.SETTINGS_DAMAGED),
    "a list": (b"[1, 2]", S.SETTINGS_DAMAGED),
    "bad values": (b'{"text_size": 999, "volume": 40}', S.SETTINGS_BAD_VALUES),
}


@pytest.fixture()
def config(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(folder))
    return folder


@pytest.mark.parametrize("case", SETTINGS_CASES)
def test_a_bad_settings_file_gives_defaults_and_one_line(config, case):
    raw, message = SETTINGS_CASES[case]
    (config / "settings.json").write_bytes(raw)
    settings, problem = settings_mod.read()
    assert problem == message and "\n" not in problem
    expected = Settings(volume=40) if case == "bad values" else Settings()
    assert settings == expected


def test_a_huge_settings_file_is_not_read_whole(config):
    make_huge(config / "settings.json")
    assert settings_mod.read() == (Settings(), S.SETTINGS_TOO_BIG)


def test_settings_from_a_newer_version_keep_what_this_one_knows(config):
    (config / "settings.json").write_text(json.dumps(
        {"version": 99, "text_size": 150, "hologram": True, "high_contrast": True}))
    settings, problem = settings_mod.read()
    assert problem == S.SETTINGS_NEWER
    assert settings == Settings(text_size=150, high_contrast=True)


def test_an_unreadable_settings_file(config, monkeypatch):
    path = config / "settings.json"
    settings_mod.save(Settings(text_size=150))
    refuse_reading(monkeypatch, path)
    try:
        assert settings_mod.read() == (Settings(), S.SETTINGS_NO_PERMISSION)
    finally:
        path.chmod(0o644)


def test_a_folder_where_the_settings_file_should_be(config):
    (config / "settings.json").mkdir()
    settings, problem = settings_mod.read()
    assert settings == Settings() and problem == S.SETTINGS_UNREADABLE


def test_the_title_says_what_was_wrong_with_the_settings(config):
    (config / "settings.json").write_bytes(b"\x00\x01garbage")
    pilot = Pilot(settings=None)
    assert pilot.app.settings == Settings()
    assert S.SETTINGS_DAMAGED in pilot.app.notices
    assert pilot.screen_is("title")
    pilot.redraw()


# ---------------------------------------------------------------- classroom files

from game import cli, errors  # noqa: E402
from game.classroom import config as classroom  # noqa: E402


def _classroom_problem(path: Path) -> str:
    loaded = classroom.load_classroom(path)
    assert loaded.config is None and not loaded.ok
    assert loaded.diagnostics
    text = loaded.format()
    assert text.strip()
    return text


CLASSROOM_CASES = {
    "empty": b"",
    "truncated": b"format: 1\nchapters: [day_zero, pil",
    "binary": bytes(range(256)),
    "not utf-8": "name: caf\u00e9\n".encode("latin-1"),
    "alias bomb": b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
                  b"c: &c [*b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c]\n"
                  b"e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
    "code": b"format: 1\nchapters: !!python/object/apply:os.system [echo pwned]\n",
}


@pytest.mark.parametrize("case", CLASSROOM_CASES)
def test_a_bad_classroom_file_is_a_clear_message(tmp_path, case):
    path = tmp_path / "classroom.yaml"
    path.write_bytes(CLASSROOM_CASES[case])
    print(_classroom_problem(path))


def test_a_classroom_file_from_a_newer_version(tmp_path):
    assert EXAMPLE_CLASSROOM.is_file()
    path = tmp_path / "classroom.yaml"
    path.write_text(EXAMPLE_CLASSROOM.read_text(encoding="utf-8").replace(
        "format: 1", "format: 2"), encoding="utf-8")
    assert "format" in _classroom_problem(path)


def test_a_huge_classroom_file(tmp_path):
    path = tmp_path / "classroom.yaml"
    make_huge(path, 20 * 1024 * 1024)
    assert "too big" in _classroom_problem(path)


def test_an_unreadable_classroom_file(tmp_path, monkeypatch):
    path = tmp_path / "classroom.yaml"
    path.write_text("format: 1\n")
    refuse_reading(monkeypatch, path)
    try:
        assert "cannot be read" in _classroom_problem(path)
    finally:
        path.chmod(0o644)


ROOM = ("format: 1\nname: Year 10\nchapters: [day_zero, pilot_city]\ncounterbalance: true\n"
        "export_folder: exports\n")


def _room(old: str, new: str) -> str:
    assert old in ROOM
    return ROOM.replace(old, new, 1)


# kind -> (text, code, line, words the message says)
ROOM_KINDS = {
    "nesting past libyaml's limit below line 1": (ROOM + "extra: " + "[" * 20_000 + "\n",
                                                 "E006", 6, "nested too deeply"),
    "a NUL escape in the name": (_room("name: Year 10", 'name: "Year\\0 10"'), "E014", 2,
                                 "U+0000"),
    "an ESC escape in a chapter": (_room("[day_zero, pilot_city]",
                                         '[day_zero, "pilot\\e[2J"]'), "E014", 3, "U+001B"),
    "format in quotes": (_room("format: 1", 'format: "1"'), "C103", 1,
                         "must be the number 1"),
    "a boolean in quotes": (_room("counterbalance: true", 'counterbalance: "yes"'), "C103", 4,
                            "`true` or `false`"),
    "a huge number": (ROOM + "seed: " + "9" * 4000 + "\n", "C104", 6, "at most"),
    "an export folder that cannot be written": (_room("exports", "/proc/sys"), "C113", 5,
                                                "cannot be saved"),
    "a file too big for a classroom file": (ROOM + "# " + "x" * 300_000 + "\n", "E007", 1,
                                            "too big"),
}
ROOM_COMMANDS = {
    "validate": lambda f: ["validate", f],
    "play --classroom --text": lambda f: ["play", "--classroom", f, "--text"],
}


@pytest.mark.parametrize("command", ROOM_COMMANDS)
@pytest.mark.parametrize("kind", ROOM_KINDS)
def test_a_hostile_classroom_file_is_refused_located(kind, command, tmp_path, capsys,
                                                    monkeypatch):
    text, code, line, words = ROOM_KINDS[kind]
    if "/proc/sys" in text and not Path("/proc/sys").is_dir():
        text = text.replace("/proc/sys", str(tmp_path / "classroom.yaml"))  # a file: C113 too
    path = tmp_path / "classroom.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    rc = cli.main(ROOM_COMMANDS[command](str(path)))
    out, err = capsys.readouterr()
    said = out + err
    assert rc != errors.INTERNAL_ERROR and rc != errors.OK, said
    assert f"{path}:{line}:" in said and f"[{code}]" in said and words in said, said
    assert "\x1b" not in said and "\x00" not in said
    assert "level file" not in said   # told as a classroom file, not checked as a level


def test_a_missing_export_folder_is_fine_and_checking_leaves_nothing(tmp_path):
    path = tmp_path / "classroom.yaml"
    path.write_text(_room("exports", "out/today"), encoding="utf-8")
    loaded = classroom.load_classroom(path)
    assert loaded.ok, loaded.format()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["classroom.yaml"]


def test_an_export_folder_inside_a_file_cannot_be_made(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    path = tmp_path / "classroom.yaml"
    path.write_text(_room("exports", "notes.txt/exports"), encoding="utf-8")
    loaded = classroom.load_classroom(path)
    assert [d.code for d in loaded.diagnostics] == ["C113"]
    assert "cannot be saved" in loaded.diagnostics[0].message
