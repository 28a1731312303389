"""Saved games against hostile files: damaged, cut short, binary, huge, newer, unreadable, for a
level that changed. Each gives one clear line and never a crash; the last good save survives.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pytest  # noqa: E402

from game import saves  # noqa: E402
from game.content import load_text  # noqa: E402
from game.core import choices, choose, new_game  # noqa: E402
from game.core.state import STATE_VERSION  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "ui_level.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")


def level_of(text: str = TEXT):
    loaded = load_text(text, "<test>")
    assert loaded.level is not None, loaded.format()
    return loaded.level


LEVEL = level_of()
HASH = saves.level_hash(TEXT)


def played(n: int, seed: int = 0):
    state = new_game(LEVEL, "pro", "city", seed=seed)
    for _ in range(n):
        view = next(v for v in choices(state) if v.available)
        state = choose(state, view.id).state
    return state


def a_save(n: int = 2, seed: int = 0, **kw) -> saves.SaveGame:
    state = played(n, seed)
    return saves.make_save(state, LEVEL.title, HASH, str(FIXTURE),
                           [("scene", "A title", "Some text")], "Scene", "Score 1000", **kw)


@pytest.fixture()
def store(tmp_path) -> saves.Store:
    return saves.Store(tmp_path / "saves")


# ---------------------------------------------------------------- the format

def test_a_save_round_trips_and_resumes_the_same_state(store):
    save = a_save(3)
    assert store.write("slot1", save)
    back = store.read("slot1")
    assert back == save
    resumed = saves.resume(back, LEVEL, HASH)
    assert resumed.note is None and resumed.log_kept
    assert resumed.state == played(3)
    assert resumed.state.to_json() == played(3).to_json()


def test_the_file_is_json_with_version_level_hash_state_and_checksum(store):
    store.write("slot2", a_save())
    document = json.loads(store.path("slot2").read_text(encoding="utf-8"))
    payload = document["payload"]
    assert document["sincerity_save"] == saves.SAVE_VERSION == payload["version"]
    assert payload["level"]["id"] == LEVEL.id and payload["level"]["hash"] == HASH
    assert json.loads(payload["state"])["level_id"] == LEVEL.id
    assert document["checksum"] == saves.checksum(payload)
    assert [p.name for p in store.folder.iterdir()] == ["slot2.json"]   # no temp file left


def test_autosave_keeps_the_previous_one(store):
    store.autosave(a_save(1))
    store.autosave(a_save(2))
    assert store.read(saves.AUTOSAVE).step == 2
    assert store.read(saves.PREVIOUS).step == 1
    store.autosave(a_save(3))
    assert (store.read(saves.AUTOSAVE).step, store.read(saves.PREVIOUS).step) == (3, 2)


# ---------------------------------------------------------------- hostile files

HOSTILE = {
    "empty": b"",
    "blank": b"   \n",
    "binary": bytes(range(256)) * 4,
    "nul": b'{"sincerity_save": 1\x00}',
    "not json": b"{this is not json",
    "a list": b"[1, 2, 3]",
    "deep nesting": b"[" * 100_000,
    "another file": b'{"text_size": 100}',
    "latin-1": "{\"sincerity_save\": 1, \"x\": \"caf\u00e9\"}".encode("latin-1"),
}


def _truncated() -> bytes:
    return saves.encode(a_save())[:-40]


def _flipped() -> bytes:
    raw = bytearray(saves.encode(a_save()))
    at = raw.index(b'"step": 2') + len(b'"step": ')
    raw[at] = ord("9")
    return bytes(raw)


def _newer() -> bytes:
    payload = a_save().payload() | {"version": saves.SAVE_VERSION + 1}
    return json.dumps({"sincerity_save": saves.SAVE_VERSION + 1,
                       "checksum": saves.checksum(payload), "payload": payload}).encode()


def _newer_state() -> bytes:
    """A save of this version's format that holds the state of a newer game."""
    save = a_save()
    state = json.loads(save.state) | {"version": STATE_VERSION + 1}
    payload = save.payload() | {"state": json.dumps(state)}
    return json.dumps({"sincerity_save": saves.SAVE_VERSION, "checksum": saves.checksum(payload),
                       "payload": payload}).encode()


def _wrong_types() -> bytes:
    payload = a_save().payload()
    payload["summary"]["step"] = "two"
    return json.dumps({"sincerity_save": 1, "checksum": saves.checksum(payload),
                       "payload": payload}).encode()


@pytest.mark.parametrize("name", [*HOSTILE, "truncated", "one byte changed", "newer",
                                  "newer state", "wrong types"])
def test_a_bad_save_is_one_clear_line_and_the_previous_autosave_is_offered(store, name):
    makers = {"truncated": _truncated, "one byte changed": _flipped, "newer": _newer,
              "newer state": _newer_state, "wrong types": _wrong_types}
    raw = HOSTILE[name] if name in HOSTILE else makers[name]()
    store.autosave(a_save(1))
    store.autosave(a_save(2))
    store.path(saves.AUTOSAVE).write_bytes(raw)
    latest = store.latest()
    assert latest.save is None
    assert latest.problem and "\n" not in latest.problem and len(latest.problem) < 160
    print(f"{name}: {latest.problem}")
    assert latest.previous is not None and latest.previous.step == 1
    if name.startswith("newer"):
        assert "newer version" in latest.problem
    # the next autosave does not push the damaged one over the good previous one, and it
    # does not write over the damaged one either: that is moved aside, byte for byte
    store.autosave(a_save(3))
    assert store.read(saves.PREVIOUS).step == 1 and store.read(saves.AUTOSAVE).step == 3
    aside = list(store.folder.glob("autosave.unreadable-*.json"))
    assert [f.read_bytes() for f in aside] == [raw]
    assert store.set_aside == [(aside[0], latest.problem)]     # the window says so once
    store.autosave(a_save(4))
    assert (store.read(saves.AUTOSAVE).step, store.read(saves.PREVIOUS).step) == (4, 3)
    assert len(store.set_aside) == 1 and list(store.folder.glob("autosave.unr*")) == aside


@pytest.mark.parametrize("name", ["one byte changed", "newer", "newer state"])
def test_an_unreadable_previous_autosave_is_moved_aside_not_overwritten(store, name):
    raw = {"one byte changed": _flipped, "newer": _newer, "newer state": _newer_state}[name]()
    store.autosave(a_save(1))
    store.path(saves.PREVIOUS).write_bytes(raw)
    store.autosave(a_save(2))
    assert (store.read(saves.AUTOSAVE).step, store.read(saves.PREVIOUS).step) == (2, 1)
    assert [f.read_bytes() for f in store.folder.glob("autosave.unreadable-*.json")] == [raw]


# ---------------------------------------------------------------- half a character

def _with_lone_surrogate(where: str) -> bytes:
    """A save whose `where` holds "\\ud800" (half of a character) written as a JSON escape:
    valid JSON, but not text, so no checksum of it can even be computed."""
    payload = a_save().payload()
    if where == "a key":
        payload["\ud800"] = 1
    elif where == "log":
        payload["log"] = [["scene", "A title", "Some \ud800 text"]]
    elif "." in where:
        part, name = where.split(".")
        payload[part][name] = "x\ud800"
    else:
        payload[where] = "x\ud800"
    document = {"sincerity_save": 1, "checksum": "0" * 64, "payload": payload}
    raw = json.dumps(document).encode("ascii")
    assert b"\\ud800" in raw
    return raw


SURROGATE_PLACES = ["level.title", "level.id", "level.path", "level.hash", "summary.scene",
                    "summary.score", "saved_at", "state", "log", "a key"]


@pytest.mark.parametrize("where", SURROGATE_PLACES)
def test_half_a_character_in_a_save_is_one_line_and_the_previous_is_offered(store, where):
    store.autosave(a_save(1))
    store.autosave(a_save(2))
    raw = _with_lone_surrogate(where)
    store.path(saves.AUTOSAVE).write_bytes(raw)
    store.path("slot2").write_bytes(raw)
    latest = store.latest()
    assert latest.save is None and latest.problem == saves.BROKEN_CHARACTER
    assert latest.previous is not None and latest.previous.step == 1
    assert store.slots()[1] == ("slot2", None, saves.BROKEN_CHARACTER)
    with pytest.raises(saves.SaveError):
        saves.decode(raw)


# ---------------------------------------------------------------- values out of range

def _state_with(change) -> saves.SaveGame:
    save = a_save(2)
    data = json.loads(save.state)
    change(data)
    return replace(save, state=json.dumps(data))


OUT_OF_RANGE = {
    "score far too big": lambda d: d.update(score=10 ** 300),
    "score above the level's max": lambda d: d.update(score=LEVEL.score.max + 1),
    "score below the level's min": lambda d: d.update(score=LEVEL.score.min - 1),
    "shown score": lambda d: d.update(shown_score=-10 ** 300),
    "negative step": lambda d: d.update(step=-5),
    "history before the start": lambda d: d["history"][0].update(step=-1),
    "history score": lambda d: d["history"][0].update(score=10 ** 300),
    "money": lambda d: d.update(money=10 ** 300),
    "a counter": lambda d: d.update(counters=[["x", -10 ** 300]]),
    "luck": lambda d: d.update(rng=2 ** 70),
    "half a character in a flag": lambda d: d.update(flags=["\ud800"]),
}


@pytest.mark.parametrize("name", OUT_OF_RANGE)
def test_a_save_with_values_no_game_can_have_is_refused(name):
    """A save's checksum has no key: anyone can write one, so every value is checked against
    the level, whether or not the level changed since."""
    save = _state_with(OUT_OF_RANGE[name])
    for digest in (HASH, "another hash"):
        with pytest.raises(saves.SaveError) as caught:
            saves.resume(save, LEVEL, digest)
        message = str(caught.value)
        assert "\n" not in message and len(message) < 160, message


@pytest.mark.parametrize("step", [-5, 10 ** 300], ids=["negative", "10**300"])
def test_a_summary_step_out_of_range_is_refused(step):
    payload = a_save().payload()
    payload["summary"]["step"] = step
    raw = json.dumps({"sincerity_save": 1, "checksum": saves.checksum(payload),
                      "payload": payload}).encode()
    with pytest.raises(saves.SaveError, match="out of range"):
        saves.decode(raw)


def test_a_huge_file_is_refused_without_reading_it_all(store, tmp_path):
    store.folder.mkdir(parents=True)
    with open(store.path("slot1"), "wb") as f:
        f.truncate(saves.MAX_BYTES * 4)            # sparse: 32 MB of zeros, no disk used
    with pytest.raises(saves.SaveError, match="too big"):
        store.read("slot1")
    assert store.slots()[0][2] == saves.TOO_BIG


def test_an_unreadable_save_says_so(store, monkeypatch):
    store.write("slot1", a_save())
    path = store.path("slot1")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):   # root reads anything: simulate the refusal
            real_open = open

            def refusing_open(file, *args, **kwargs):
                if Path(file) == path:
                    raise PermissionError(13, "Permission denied", str(file))
                return real_open(file, *args, **kwargs)

            monkeypatch.setattr("builtins.open", refusing_open)
        with pytest.raises(saves.SaveError) as caught:
            store.read("slot1")
        assert str(caught.value) == saves.NO_PERMISSION
    finally:
        path.chmod(0o644)


def test_a_folder_where_a_save_should_be_is_not_a_save(store):
    store.path("slot3").mkdir(parents=True)
    assert store.slots()[2] == ("slot3", None, saves.NOT_A_SAVE)


def test_loading_never_runs_code(store):
    """A save is JSON read with json.loads: strings that look like code stay strings."""
    save = a_save()
    evil = replace(save, chapter="__import__('os').system('false')",
                   log=(("scene", "!!python/object/apply:os.system", "x"),))
    store.write("slot1", evil)
    assert store.read("slot1").chapter.startswith("__import__")
    for path in Path(saves.__file__).parent.glob("*.py"):   # the whole game/saves package
        source = path.read_text()
        for forbidden in ("pickle", "eval(", "exec(", "yaml.load", "marshal"):
            assert forbidden not in source


# ---------------------------------------------------------------- a level that changed

def _changed(text: str):
    return level_of(text), saves.level_hash(text)


def test_a_changed_level_resumes_at_the_same_scene(store):
    save = a_save(2)
    text = TEXT.replace('title: "Fixture: One Ordinary Day"', 'title: "Fixture, revised"')
    level, digest = _changed(text)
    resumed = saves.resume(save, level, digest)
    assert resumed.state.scene == played(2).scene
    assert resumed.note == saves.CHANGED_SAME_SCENE


def test_a_renamed_scene_is_followed(store):
    save = a_save(2)
    scene = played(2).scene
    assert scene == "station"
    text = (TEXT.replace("  station:\n", "  platform:\n").replace("goto: station", "goto: platform")
            + "renamed:\n  station: platform\n")
    level, digest = _changed(text)
    resumed = saves.resume(save, level, digest)
    assert resumed.state.scene == "platform"
    assert resumed.note == saves.CHANGED_RENAMED


def test_a_vanished_scene_restarts_the_chapter_keeping_score_and_flags(store):
    state = played(3)
    state = state.with_flag("kept_flag")
    save = saves.make_save(state, LEVEL.title, HASH, "", (), "", "")
    text = TEXT.replace("  meeting:\n", "  hall:\n").replace("goto: meeting", "goto: hall")
    level, digest = _changed(text)
    assert state.scene == "meeting"
    resumed = saves.resume(save, level, digest)
    assert resumed.note == saves.CHANGED_RESTART and not resumed.log_kept
    assert resumed.state.scene == level.start
    assert resumed.state.score == state.score and "kept_flag" in resumed.state.flags
    assert resumed.state.persona == "pro" and resumed.state.ruleset == "city"


def test_a_save_for_another_level_is_refused_in_words():
    save = a_save()
    other = replace(save, level_id="elsewhere")
    with pytest.raises(saves.SaveError, match="elsewhere"):
        saves.resume(other, LEVEL, HASH)


def test_a_state_that_lies_about_its_level_is_refused_not_crashed():
    save = a_save()
    data = json.loads(save.state)
    data["scene"] = 12
    bad = replace(save, state=json.dumps(data))
    with pytest.raises(saves.SaveError):
        saves.resume(bad, LEVEL, HASH)
    # the same lie under a changed level goes back to the start instead
    resumed = saves.resume(bad, LEVEL, "another hash")
    assert resumed.state.scene == LEVEL.start


def test_an_unwritable_folder_turns_saving_off_with_a_reason(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    store = saves.Store(blocker / "saves")
    assert store.check() and not store.enabled
    assert store.autosave(a_save()) is False
    assert store.latest().save is None and store.latest().problem is None


def test_a_full_disk_turns_saving_off_and_keeps_the_old_file(store, monkeypatch):
    store.write("slot1", a_save(1))
    import errno

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(saves.os, "fsync", full)
    assert store.write("slot1", a_save(2)) is False
    assert store.off == "the disk is full"
    monkeypatch.undo()
    assert store.read("slot1").step == 1
    assert [p.name for p in store.folder.iterdir()] == ["slot1.json"]


# ---------------------------------------------------------------- the settings file

def _read_settings_in_a_thread(path: Path, release: Path):
    """settings.read(path), given 5 seconds; a reader stuck on a FIFO is released (by
    opening the FIFO for writing) so the test run goes on. (result, whether it was stuck)"""
    import threading

    from game.ui import settings
    result = {}
    reader = threading.Thread(target=lambda: result.update(got=settings.read(path)),
                              daemon=True)
    reader.start()
    reader.join(5)
    stuck = reader.is_alive()
    if stuck:
        fd = os.open(release, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        reader.join(5)
    return result.get("got"), stuck


@pytest.mark.parametrize("kind", ["a FIFO", "a symlink to a FIFO"])
def test_a_settings_file_that_is_a_fifo_is_refused_at_once(tmp_path, kind):
    from game.ui import strings as S
    from game.ui.settings import Settings
    fifo = tmp_path / ("settings.json" if kind == "a FIFO" else "pipe")
    os.mkfifo(fifo)
    path = tmp_path / "settings.json"
    if kind != "a FIFO":
        path.symlink_to(fifo)
    got, stuck = _read_settings_in_a_thread(path, fifo)
    assert not stuck, "reading the settings waited on a FIFO"
    assert got == (Settings(), S.SETTINGS_UNREADABLE)


def test_a_settings_file_with_a_bom_is_read(tmp_path):
    """Notepad starts a UTF-8 file with a byte-order mark; the settings in it are kept."""
    from game.ui import settings
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text_size": 150, "volume": 20}).encode())
    assert settings.read(path) == (settings.Settings(text_size=150, volume=20), None)
