"""The lesson's data on the teacher's computer: one SQLite file (standard library, WAL).

Every choice is a row, committed before the page that shows its result is sent, so a server
killed at any moment loses nothing a student saw: restarted on the same folder, each student's
game is played again from their rows (the engine is deterministic) and resumes at their last
choice. The lesson's own secrets (the teacher key, the join code, the key that signs forms)
are kept here too, so a restart keeps every address and every open page working.
"""
from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

DB_NAME = "lesson.sqlite3"
SCHEMA = """
create table if not exists meta (key text primary key, value text not null);
create table if not exists students (
  token text primary key,            -- the random token in the student's cookie
  code text unique not null,         -- the session code, e.g. amber-fox-42
  n integer not null,                -- the order they joined in (0, 1, 2 ...)
  plan text not null,                -- JSON: persona, seed, the chapters' turns
  joined real not null,              -- when play began (after the questions before, if any)
  turn integer not null default 0,   -- the chapter (turn) they are playing
  phase text not null default 'play',   -- before | play | debrief | confirm | after | done
  step integer not null default 0,   -- the debrief step (0-5), or the question (0, 1 ...)
  status text,                       -- the export's status once there is one
  answers text,                      -- JSON of typed answers, until Finish
  include integer not null default 0,
  export text,                       -- the session record (JSON) last written
  questions text                     -- JSON: the lesson's questions answered, before/after
);
create table if not exists choices (
  token text not null, turn integer not null, step integer not null,
  choice text not null, seconds real not null, at real not null,
  primary key (token, turn, step)
);
"""


@dataclass
class StudentRow:
    token: str
    code: str
    n: int
    plan: dict
    joined: float
    turn: int
    phase: str
    step: int
    status: str | None
    answers: dict
    include: bool
    export: dict | None
    questions: dict          # {"before": {id: option}, "after": {id: option}}


class Store:
    """The lesson's SQLite file. One connection, used under a lock (the server is one
    process); each write is its own transaction, committed before the call returns."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / DB_NAME
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("pragma journal_mode=wal")
        self._db.execute("pragma synchronous=normal")   # WAL: a killed process loses nothing
        self._db.execute("pragma secure_delete=on")     # what is deleted is overwritten
        self._db.executescript(SCHEMA)
        self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """A lesson folder from before `questions` was kept gains the column (empty)."""
        have = {r[1] for r in self._db.execute("pragma table_info(students)")}
        if "questions" not in have:
            self._db.execute("alter table students add column questions text")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _write(self, sql: str, args: tuple = ()) -> None:
        with self._lock:
            self._db.execute(sql, args)

    def _read(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # ---- the lesson's own values
    def meta(self, key: str, make=None) -> str | None:
        """The value kept under `key`; made (and kept) by `make()` the first time."""
        found = self._read("select value from meta where key = ?", (key,))
        if found:
            return found[0][0]
        if make is None:
            return None
        value = make()
        self._write("insert or ignore into meta (key, value) values (?, ?)", (key, value))
        return self._read("select value from meta where key = ?", (key,))[0][0]

    def set_meta(self, key: str, value: str) -> None:
        self._write("insert or replace into meta (key, value) values (?, ?)", (key, value))

    # ---- students
    def add_student(self, code: str, n: int, plan: dict) -> str:
        token = secrets.token_urlsafe(32)
        self._write("insert into students (token, code, n, plan, joined) values (?, ?, ?, ?, ?)",
                    (token, code, n, json.dumps(plan), time.time()))
        return token

    def count(self) -> int:
        return self._read("select count(*) from students")[0][0]

    def code_taken(self, code: str) -> bool:
        return bool(self._read("select 1 from students where code = ?", (code,)))

    def student(self, token: str) -> StudentRow | None:
        rows = self._read(f"select {_COLUMNS} from students where token = ?", (token,))
        return _row(rows[0]) if rows else None

    def students(self) -> list[StudentRow]:
        return [_row(r) for r in self._read(f"select {_COLUMNS} from students order by n")]

    def update(self, token: str, **values) -> None:
        """Change a student's columns (`answers`, `export` and `questions` given as plain
        data)."""
        for key in ("answers", "export", "questions"):
            if key in values and values[key] is not None:
                values[key] = json.dumps(values[key], ensure_ascii=False)
        names = ", ".join(f"{k} = ?" for k in values)
        self._write(f"update students set {names} where token = ?", (*values.values(), token))

    def forget(self) -> None:
        """Fold the write-ahead log into the file and empty it, so text deleted (typed
        answers a student did not keep) is gone from the disk, not only from the table."""
        with self._lock:
            self._db.execute("pragma wal_checkpoint(truncate)")

    # ---- choices
    def add_choice(self, token: str, turn: int, step: int, choice: str, seconds: float) -> None:
        self._write("insert into choices (token, turn, step, choice, seconds, at) "
                    "values (?, ?, ?, ?, ?, ?)", (token, turn, step, choice, seconds, time.time()))

    def choices(self, token: str) -> list[tuple[int, int, str, float]]:
        """(turn, step, choice id, seconds) in the order they were made."""
        return self._read("select turn, step, choice, seconds from choices where token = ? "
                          "order by turn, step", (token,))

    def choice_counts(self) -> dict[str, int]:
        return dict(self._read("select token, count(*) from choices group by token"))


_COLUMNS = ("token, code, n, plan, joined, turn, phase, step, status, answers, include, export, "
            "questions")


def _row(r: tuple) -> StudentRow:
    return StudentRow(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], r[6], r[7], r[8],
                      json.loads(r[9]) if r[9] else {}, bool(r[10]),
                      json.loads(r[11]) if r[11] else None,
                      json.loads(r[12]) if r[12] else {"before": {}, "after": {}})
