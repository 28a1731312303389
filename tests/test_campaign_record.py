"""The chapters a player finished are kept on disk beside the saves (`campaign.json`), so that
a class that quits after Day Zero and The Pilot City and starts the game again the next day
still has Day Zero's answers compared, the chapters before remembered, and the finale offered.
Window-less: chapters are finished through the flow's functions, and a fresh app object is
started as a new window starts (`saving.startup`)."""
from __future__ import annotations

import copy
import json
import os
from types import SimpleNamespace

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game import saves  # noqa: E402
from game.core import new_game  # noqa: E402
from game.core.finale import campaign_finale  # noqa: E402
from game.ui import flow, intents, levels, saving  # noqa: E402
from game.ui import strings as S  # noqa: E402
from game.ui.session import Session  # noqa: E402
from tests.test_campaign_carry import _play  # noqa: E402


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("SINCERITY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SINCERITY_CONFIG_DIR", str(tmp_path / "config"))


def _window(**kw):
    """An app object as the window makes one (a fresh one is a restart), without a window."""
    app = SimpleNamespace(persist=True, in_kiosk=False, classroom=None, saves=None, top=None)
    for key, value in kw.items():
        setattr(app, key, value)
    return app


def _started(**kw):
    app = _window(**kw)
    saving.startup(app)
    return app


def _finish(app, level_id, persona, ruleset=None, candid=True):
    """Play a chapter to its end with the carry the window gives it, and finish it as the
    window does."""
    chapter = levels.find(level_id)
    carry = flow.carry_for(app, chapter.level)
    state = _play(new_game(chapter.level, persona, ruleset, carry=carry), candid)
    flow.remember_finished(app, state, chapter)
    return state


def _two_chapters(app):
    zero = _finish(app, "day_zero", "professional", candid=True)
    city = _finish(app, "pilot_city", "professional", "articles", candid=False)
    return zero, city


def _file():
    return saves.saves_dir() / "campaign.json"


def _document():
    return json.loads(_file().read_text(encoding="utf-8"))


def _write(document):
    _file().write_text(json.dumps(document), encoding="utf-8")


def _resealed(entry, change):
    """A chapter of the file with its payload changed and its checksum made to match (so
    that the change itself is what the game must catch)."""
    entry = copy.deepcopy(entry)
    change(entry["payload"])
    entry["checksum"] = saves.checksum(entry["payload"])
    return entry


def _state_changed(change):
    def changing(payload):
        state = json.loads(payload["state"])
        change(state)
        payload["state"] = json.dumps(state)
    return changing


def test_a_new_window_the_next_day_brings_back_the_carry_the_memory_and_the_finale():
    first = _window()
    zero, city = _two_chapters(first)
    last = levels.bundled()[-1]
    sesame = levels.find("sesame").level
    same_window = new_game(sesame, carry=flow.carry_for(first, sesame))

    again = _started()                                       # the next lesson: a new window
    assert flow.finale_action(again, last) == [(S.TO_FINALE, intents.ToFinale())]
    finale = campaign_finale(flow.campaign_states(again))
    assert finale is not None and finale.chapters == ("Day Zero", "The Pilot City")
    started = new_game(sesame, carry=flow.carry_for(again, sesame))
    assert [b for b in started.baselines if not b.scored] == list(zero.baselines)
    assert started.baselines == city.baselines == same_window.baselines
    assert started.memory == same_window.memory
    assert [chapter for chapter, _ in started.memory] == ["day_zero", "pilot_city"]


def test_chapters_finished_in_the_new_window_go_on_from_the_ones_kept():
    first = _window()
    _finish(first, "day_zero", "professional")
    again = _started()
    city = _finish(again, "pilot_city", "professional", "articles", candid=False)
    assert any(not b.scored for b in city.baselines)          # Day Zero's answers came along
    third = _started()
    assert set(third.record) == {"day_zero", "pilot_city"}
    assert list(third.carry) == ["day_zero", "pilot_city"]    # newest last
    assert [e["payload"]["level"]["id"] for e in _document()["chapters"]] == [
        "day_zero", "pilot_city"]


def _kept_after(document, capsys):
    """What a new window brings back from this file, and the lines it wrote to the log."""
    _write(document)
    app = _started()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return set(app.record or {}), [line for line in err.splitlines() if line]


def _good_file():
    _two_chapters(_window())
    return _document()


def test_a_chapter_with_a_damaged_state_is_left_out_and_the_other_kept(capsys):
    document = _good_file()
    document["chapters"][0] = _resealed(document["chapters"][0],
                                        lambda p: p.update(state=p["state"][:40]))
    kept, lines = _kept_after(document, capsys)
    assert kept == {"pilot_city"}
    assert len(lines) == 1 and "`day_zero`" in lines[0] and "was left out" in lines[0]


@pytest.mark.parametrize("damage, reseal", [
    (lambda p: p["summary"].update(step="3"), True),            # a number written as text
    (lambda p: p.update(state=["not", "text"]), True),
    (lambda p: p["level"].update(id=7), True),
    (lambda p: p.update(log="nothing"), True),
    (lambda p: p["summary"].update(step=2), False),             # changed by hand: no checksum
])
def test_a_chapter_of_the_wrong_type_or_changed_is_left_out_and_the_other_kept(
        damage, reseal, capsys):
    document = _good_file()
    entry = document["chapters"][1]
    if reseal:
        document["chapters"][1] = _resealed(entry, damage)
    else:
        damage(entry["payload"])
    kept, lines = _kept_after(document, capsys)
    assert kept == {"day_zero"}
    assert len(lines) == 1 and "number 2" in lines[0]


@pytest.mark.parametrize("entry", [42, None, "day_zero", [], {"sincerity_save": 1}])
def test_a_chapter_that_is_not_a_saved_game_is_left_out_and_the_others_kept(entry, capsys):
    document = _good_file()
    document["chapters"].insert(1, entry)
    kept, lines = _kept_after(document, capsys)
    assert kept == {"day_zero", "pilot_city"} and len(lines) == 1


def test_a_chapter_of_an_unknown_level_is_left_out_and_kept_in_the_file(capsys):
    document = _good_file()

    def elsewhere(payload):
        payload["level"].update(id="atlantis", path="")
        _state_changed(lambda s: s.update(level_id="atlantis"))(payload)
    document["chapters"].insert(0, _resealed(document["chapters"][0], elsewhere))
    kept, lines = _kept_after(document, capsys)
    assert kept == {"day_zero", "pilot_city"}
    assert len(lines) == 1 and "`atlantis`" in lines[0] and "not installed" in lines[0]
    again = _started()
    _finish(again, "day_zero", "migrant")               # the file is written again
    ids = [e["payload"]["level"]["id"] for e in _document()["chapters"]]
    assert ids == ["atlantis", "pilot_city", "day_zero"]   # a level installed later finds it


def test_a_chapter_from_a_newer_version_is_left_out_and_the_file_kept_for_it(capsys):
    document = _good_file()
    document["chapters"][0] = _resealed(document["chapters"][0],
                                        _state_changed(lambda s: s.update(version=99)))
    kept, lines = _kept_after(document, capsys)
    assert kept == {"pilot_city"}
    assert len(lines) == 1 and "newer version" in lines[0]
    written = _file().read_bytes()
    _finish(_started(), "sesame", "professional")
    capsys.readouterr()
    aside = list(saves.saves_dir().glob("campaign.unreadable-*.json"))
    assert [f.read_bytes() for f in aside] == [written]            # never written over
    assert [e["payload"]["level"]["id"] for e in _document()["chapters"]] == [
        "pilot_city", "sesame"]


@pytest.mark.parametrize("raw", [b"{\"sincerity_campaign\": 1, \"chapters\": [", b"\xff\xfe",
                                 b"[]", b"{\"sincerity_campaign\": \"1\", \"chapters\": []}",
                                 b"{\"sincerity_campaign\": 7, \"chapters\": []}", b""])
def test_a_file_that_cannot_be_read_is_not_used_and_kept_aside_before_writing(raw, capsys):
    saves.saves_dir().mkdir(parents=True)
    _file().write_bytes(raw)
    app = _started()
    err = capsys.readouterr().err
    assert not app.record and "Traceback" not in err
    assert len(err.splitlines()) == 1 and "campaign.json was not used" in err
    _finish(app, "day_zero", "professional")
    aside = list(saves.saves_dir().glob("campaign.unreadable-*.json"))
    assert [f.read_bytes() for f in aside] == [raw]
    assert set(_started().record) == {"day_zero"}


def test_a_chapter_whose_level_changed_is_read_as_a_save_is_resumed(capsys):
    document = _good_file()
    changed = _resealed(document["chapters"][0], lambda p: p["level"].update(hash="0" * 64))
    gone = _resealed(document["chapters"][1], lambda p: (
        p["level"].update(hash="0" * 64),
        _state_changed(lambda s: s.update(ending="an_ending_cut_since"))(p)))
    kept, lines = _kept_after({**document, "chapters": [changed, gone]}, capsys)
    assert kept == {"day_zero"}                   # it still fits: same ending, same scenes
    assert len(lines) == 1 and "`pilot_city`" in lines[0] and "ending is gone" in lines[0]


def test_an_unchanged_level_with_a_state_that_does_not_fit_is_left_out(capsys):
    document = _good_file()
    document["chapters"][1] = _resealed(document["chapters"][1], _state_changed(
        lambda s: s.update(ending="an_ending_cut_since")))
    kept, lines = _kept_after(document, capsys)
    assert kept == {"day_zero"} and len(lines) == 1 and "does not fit" in lines[0]


@pytest.mark.parametrize("persist", [True, False])
def test_a_kiosk_neither_writes_nor_reads_the_finished_chapters(persist):
    kiosk = _window(in_kiosk=True, persist=persist)
    _two_chapters(kiosk)
    assert not _file().exists()
    _two_chapters(_window())
    student = _started(in_kiosk=True, persist=persist)
    assert not getattr(student, "record", None)


def _session(level_id, **kw):
    chapter = levels.find(level_id)
    level = chapter.level
    session = Session(level, next(iter(level.personas)), None, 0, **kw)
    session.state = _play(session.state, candid=True)
    return session, chapter


@pytest.mark.parametrize("how", ["whole", "preset", "start_at", "dev"])
def test_only_a_chapter_played_whole_outside_dev_is_kept_on_disk(how):
    recording = SimpleNamespace(ending=lambda session, chapter: True)   # no screen to show
    app = _window(classroom=recording, top=SimpleNamespace(dev=how == "dev"))
    kw = {"preset": "evening_on_the_list"} if how == "preset" else (
        {"start_scene": "crossing"} if how == "start_at" else {})
    session, chapter = _session("tutorial", **kw)
    flow.ending(app, session, chapter)
    assert set(app.record) == {"tutorial"}                        # this window remembers it
    assert _file().exists() == (how == "whole")


def test_a_folder_that_cannot_be_written_is_one_line_not_a_crash(capsys):
    saves.saves_dir().mkdir(parents=True)
    _file().mkdir()                                         # a folder where the file should be
    (_file() / "keep").write_text("mine", encoding="utf-8")
    app = _started()
    _finish(app, "day_zero", "professional")
    err = capsys.readouterr().err
    assert "Traceback" not in err and set(app.record) == {"day_zero"}
    aside = list(saves.saves_dir().glob("campaign.unreadable-*.json"))
    assert len(aside) == 1 and (aside[0] / "keep").read_text(encoding="utf-8") == "mine"
    assert set(_started().record) == {"day_zero"}
