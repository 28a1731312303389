"""Session files written beside the server, not in its way: writing a file atomically ends
with fsync, which on a busy disk can take longer than a whole page, so the files are
written by one worker thread, in order, while the pages go on. The record itself is already
committed in the lesson's SQLite file before it is handed over here, so a server killed
before the file is written loses nothing: the files missing are written again at the next
start (`Lesson.rewrite_missing`)."""
from __future__ import annotations

import queue
import sys
import threading
from pathlib import Path

from ..classroom.export import ExportError, write_session


class Writer:
    def __init__(self, folder: Path, printable: bool):
        self.folder, self.printable = folder, printable
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="session-files", daemon=True)
        self._thread.start()

    def write(self, data: dict) -> None:
        self._queue.put(data)

    def flush(self) -> None:
        """Wait until every file handed over so far is written."""
        self._queue.join()

    def _run(self) -> None:
        while True:
            data = self._queue.get()
            try:
                write_session(self.folder, data, self.printable)
            except ExportError as exc:   # the store still has it; the teacher can download it
                sys.stderr.write(f"Session {data.get('session')}: the session file could not "
                                 f"be written ({exc}); it is kept in the lesson's data.\n")
            except Exception as exc:  # noqa: BLE001 - never lose the thread
                sys.stderr.write(f"Session {data.get('session')}: the session file could not "
                                 f"be written ({type(exc).__name__}).\n")
            finally:
                self._queue.task_done()
