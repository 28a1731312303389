"""A lesson server for tests: in this process on a thread (`served`), or as the real
command in a child process (`ServeProcess`). Both listen on 127.0.0.1 only."""
from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def served(data: Path, classroom: str | None = None):
    """(port, site) of a server running on a thread until the block ends."""
    import uvicorn

    from game.web.app import make_app
    from game.web.listen import listen
    from game.web.serve import prepare

    lesson = prepare(classroom, data)
    assert lesson is not None, "the classroom file was refused"
    socks, port = listen(["127.0.0.1"])
    app = make_app(lesson, f"http://127.0.0.1:{port}/")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off",
                                           access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": socks}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.02)
    try:
        yield port, app.site
    finally:
        server.should_exit = True
        thread.join(10)
        lesson.writer.flush()
        lesson.store.close()


class ServeProcess:
    """`python -m game serve` in a child process; its printed lines read."""

    def __init__(self, data: Path, port: int | None = None, classroom: str | None = None,
                 prelude: str | None = None):
        args = ["serve", "--host", "127.0.0.1", "--data", str(data)]
        if port:
            args += ["--port", str(port)]
        if classroom:
            args.insert(1, classroom)
        code = "import sys\nfrom game.cli import main\n" + (prelude or "") + \
               f"\nsys.exit(main({args!r}))\n"
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.lines = [self.proc.stdout.readline() for _ in range(3)]
        text = "".join(self.lines)
        found = re.search(r"Students: http://127\.0\.0\.1:(\d+)/", text)
        assert found, f"serve did not start: {text!r} {self.proc.stderr.read() if self.proc.poll() is not None else ''}"
        self.port = int(found.group(1))
        self.teacher = re.search(r"Teacher: (\S+)", text).group(1)
        self.join = re.search(r"Join code: (\w+)", text).group(1)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(10)

    def stop(self) -> str:
        """Stop it (as Ctrl+C would) and return what it wrote on stderr."""
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err
