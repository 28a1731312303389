"""Kill the lesson's server with SIGKILL at random moments while 20 simulated students play,
restart it on the same data, and check that no choice it had answered is lost and that every
student's page carries on from their last choice."""
from __future__ import annotations

import http.client
import json
import random
import sqlite3
import threading
import time

import pytest

from game.web.loopback import Student, form_body
from serve_helpers import ServeProcess

STUDENTS = 20
KILLS = 4


class Player(threading.Thread):
    """A student who keeps playing through the server's deaths: on a lost connection, wait
    and reload the page."""

    def __init__(self, port: int, join: str, seed: int):
        super().__init__(daemon=True)
        self.s, self.join_code, self.rng = Student(port), join, random.Random(seed)
        self.answered = 0          # choices the server answered (303): committed
        self.done = False

    def run(self) -> None:
        deadline = time.monotonic() + 240
        while not self.done and time.monotonic() < deadline:
            try:
                self.step()
            except (OSError, http.client.HTTPException):
                time.sleep(0.05)

    def step(self) -> None:
        if self.s.cookie is None:
            self.s.join(self.join_code)
            return
        page = self.s.get("/play")
        time.sleep(self.rng.uniform(0.05, 0.4))
        open_ = page.open_choices()
        if open_:
            r = self.s.request("POST", "/choose", form_body(page.hidden() | {
                "choice": self.rng.choice(open_)}))
            if r.status == 303:
                self.answered += 1
        elif 'action="/next"' in page.body:
            self.s.request("POST", "/next", form_body(page.hidden()))
        elif 'action="/debrief"' in page.body:
            self.s.request("POST", "/debrief", form_body(page.hidden() | {"go": "next"}))
        elif "Saved" in page.body:
            self.done = True


def committed(data) -> dict[str, int]:
    db = sqlite3.connect(data / "lesson.sqlite3")
    try:
        return dict(db.execute("select s.code, count(c.step) from students s left join "
                               "choices c on c.token = s.token group by s.token"))
    finally:
        db.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_committed_choice(tmp_path):
    rng = random.Random(20261207)
    server = ServeProcess(tmp_path)
    port, join = server.port, server.join
    players = [Player(port, join, i) for i in range(STUDENTS)]
    for p in players:
        p.start()
    try:
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.3, 1.5))
            answered = [(p, p.answered) for p in players]
            assert sum(not p.done for p in players) >= STUDENTS // 2   # killed mid-lesson
            server.kill()
            # every choice the server had answered is in the data it left behind
            for p, n in answered:
                assert n == 0 or counts_for(p, tmp_path) >= n
            server = ServeProcess(tmp_path, port=port)
            for p in players:            # each student's page resumes where they were
                if p.s.cookie is None:
                    continue
                page = Student(port, cookie=p.s.cookie).get("/play")
                assert page.status == 200
                assert 'action="/' in page.body or "Saved" in page.body
        for p in players:
            p.join(240)
        assert all(p.done for p in players), "a student could not finish"
        server.stop()                    # as Ctrl+C does: the session files are all written
        counts = committed(tmp_path)
        assert len(counts) == STUDENTS
        for code, n in counts.items():
            record = json.loads((tmp_path / "exports" / f"{code}.json").read_text("utf-8"))
            assert sum(len(c["choices"]) for c in record["chapters"]) == n
            assert record["status"] == "finished"
        for p in players:
            assert counts_for(p, tmp_path) >= p.answered
    finally:
        server.stop()


def counts_for(player: Player, data) -> int:
    db = sqlite3.connect(data / "lesson.sqlite3")
    if player.s.cookie is None:
        return 0
    token = player.s.cookie.split("=", 1)[1]
    try:
        return db.execute("select count(*) from choices where token = ?", (token,)).fetchone()[0]
    finally:
        db.close()
