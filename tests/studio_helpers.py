"""A studio for tests: in this process on a thread (`studio_served`), or the real command in a
child process (`StudioProcess`). Both on 127.0.0.1 only."""
from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "first_level.yaml"


@contextlib.contextmanager
def studio_served(path: Path):
    """(port, studio) of a studio on a thread until the block ends."""
    import uvicorn

    from game.studio.server import Studio, make_app
    from game.web.listen import listen

    socks, port = listen(["127.0.0.1"])
    studio = Studio(path, path.read_text(encoding="utf-8"), port)
    server = uvicorn.Server(uvicorn.Config(make_app(studio), log_level="warning",
                                           lifespan="off", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": socks}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.02)
    try:
        yield port, studio
    finally:
        server.should_exit = True
        thread.join(10)


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        reply = conn.getresponse()
        return reply.status, reply.read()
    finally:
        conn.close()


def post(port: int, token: str, path: str, data, extra: dict | None = None):
    """(status, JSON or bytes) of a POST as the page sends it."""
    headers = {"content-type": "application/json", "x-studio-token": token} | (extra or {})
    status, body = request(port, "POST", path, json.dumps(data).encode(), headers)
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body


class StudioProcess:
    """`python -m game studio LEVEL --no-open` in a child process; its address read."""

    def __init__(self, level: Path, *extra: str):
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "game", "studio", str(level),
                                      "--no-open", *extra], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = self.proc.stdout.readline()
        if "does not exist yet" in first:      # a new file: its address comes next
            first = self.proc.stdout.readline()
        found = re.search(r"http://(127\.0\.0\.1):(\d+)/", first)
        assert found, f"studio did not start: {first!r}"
        self.url, self.port = found.group(0), int(found.group(2))

    def stop(self) -> str:
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err
