"""`python -m game studio [LEVEL.yaml] [--port P] [--no-open]`: the studio, on this computer
only. Listens on 127.0.0.1 (a free port unless --port), opens the page in the browser
(`--no-open`: only prints its address) and serves until Ctrl+C. It never connects anywhere.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from ..errors import OK, UsageError
from . import strings as S

LOOPBACK = ("127.0.0.1", "localhost")
NEW_LEVEL = Path("levels") / "my_level.yaml"
STARTER = """format: 1
id: my_level
title: My Level
start: first

rulesets:
  pilot: {name: The pilot}

personas:
  me: {name: You}

scenes:
  first:
    title: The First Scene
    basis: fiction
    text: Something happens. What do you do?
    choices:
      - Go home -> finish

endings:
  home:
    title: Home Again
    text: You go home.
"""


def read_or_start(path: Path) -> str:
    """The level's text, or a starter level for a file that does not exist yet."""
    if path.suffix not in (".yaml", ".yml"):
        raise UsageError(S.NOT_A_LEVEL_FILE.format(path=path))
    if not path.exists():
        sys.stdout.write(S.NEW_FILE.format(path=path) + "\n")
        return STARTER.replace("my_level", path.stem)
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: this file cannot be read as UTF-8 text ({exc})") from None


def cmd_studio(args, out=sys.stdout) -> int:
    from ..web.listen import listen
    from ..web.serve import run
    from .server import Studio, analyze_here, make_app

    if args.host and args.host not in LOOPBACK:
        raise UsageError(S.HOST_REFUSED.format(host=args.host))
    if args.port is not None and not 1 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: a port is a number from 1 to 65535 "
                         "(leave it out to take a free one)")
    path = Path(args.level).expanduser() if args.level else NEW_LEVEL
    text = read_or_start(path)
    try:
        socks, port = listen(["127.0.0.1"], args.port or 0)
    except OSError as exc:
        raise UsageError(f"--port {args.port}: it cannot be used ({exc.strerror or exc})") \
            from None
    analyze_here()
    studio = Studio(path.resolve(), text, port, new=not path.exists())
    url = f"http://127.0.0.1:{port}/"
    out.write(S.OPENED.format(url=url) + "\n")
    if args.no_open or not _open(url):
        out.write(S.OPEN_BY_HAND + "\n")
    out.write(S.STOP + "\n")
    out.flush()
    told: list[str] = []
    with _told_to_stop(told):
        run(make_app(studio), socks)   # an unexpected error goes on up: one line, a crash log
    why = S.STOPPED_BY.format(signal=S.SIGNALS.get(told[0], told[0])) if told else S.STOPPED
    sys.stderr.write(why + "\n")
    return OK


@contextlib.contextmanager
def _told_to_stop(told: list[str]):
    """While the studio serves, SIGTERM and SIGHUP (its terminal closed) stop it as Ctrl+C
    does, and their name is kept in `told` so that the studio says why it stopped (it never
    vanishes without a word). The server answers SIGTERM itself and sends it again once it
    has stopped: that second one only lands here."""
    import signal

    names = [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]

    def on_signal(number, frame):
        told.append(signal.Signals(number).name)
        if number != signal.SIGTERM and signal.getsignal(signal.SIGTERM) is not on_signal:
            signal.raise_signal(signal.SIGTERM)   # the server's own way to stop

    try:
        before = {n: signal.signal(getattr(signal, n), on_signal) for n in names}
    except ValueError:      # not the main thread (a test): signals stay as they are
        yield
        return
    try:
        yield
    finally:
        for n, handler in before.items():
            signal.signal(getattr(signal, n), handler)


def _open(url: str) -> bool:
    """Open the page in the user's browser (which runs on this computer); False if none."""
    import webbrowser

    try:
        return webbrowser.open(url)
    except webbrowser.Error:
        return False
