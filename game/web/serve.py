"""`python -m game serve [CLASSROOM.yaml] [--host H] [--port P] [--data DIR]`: the lesson for
browsers, on the teacher's computer.

Prints first `Students: http://…/` and `Teacher: http://…/teacher?key=…`, then serves until
Ctrl+C. Listens where the teacher says (default: the computer's LAN address and loopback, on
a free port) and never connects anywhere.
"""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

from ..errors import CONTENT_PROBLEM, OK, UsageError
from . import strings as W


def default_data(classroom: str | None) -> Path:
    """The lesson's folder in the user's data folder: one per day (and classroom file), so
    a restart the same day carries on and next week's lesson starts empty."""
    import platformdirs

    day = datetime.date.today().isoformat()
    name = day if classroom is None else f"{day}-{Path(classroom).stem}"
    return Path(platformdirs.user_data_dir("sincerity")) / "lessons" / name


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def prepare(classroom: str | None, data: Path):
    """The lesson (classroom checked, store opened) or a ContentProblem-style exit."""
    from .lesson import Lesson, open_classroom
    from .store import Store

    room = open_classroom(classroom, data)
    if not room.ok:
        sys.stderr.write(room.format() + "\n")
        return None
    return Lesson(room, Store(data), room.export_dir)


def cmd_serve(args, out=sys.stdout) -> int:
    from .listen import default_hosts, listen

    data = Path(args.data).expanduser() if args.data else default_data(args.classroom)
    try:
        data.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--data {data}: the folder cannot be made ({exc.strerror})") from None
    lesson = prepare(args.classroom, data)
    if lesson is None:
        return CONTENT_PROBLEM
    if args.port is not None and not 1 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: a port is a number from 1 to 65535 "
                         "(leave it out to take a free one)")
    hosts = [args.host] if args.host else default_hosts()
    try:
        socks, port = listen(hosts, args.port or 0)
    except OSError as exc:
        host = getattr(exc, "host", hosts[0])
        why = exc.strerror or str(exc)
        if args.port:
            raise UsageError(W.PORT_BUSY.format(port=args.port, host=host, why=why)) from None
        raise UsageError(W.HOST_BAD.format(host=host, why=why)) from None
    students = _url(hosts[0] if hosts[0] not in ("0.0.0.0", "::") else "127.0.0.1", port)
    from .app import make_app

    app = make_app(lesson, students)
    site = app.site
    out.write(W.STUDENTS_LINE.format(url=students) + "\n")
    out.write(W.TEACHER_LINE.format(url=f"{students}teacher?key={site.teacher_key}") + "\n")
    out.write(W.JOIN_LINE.format(code=site.join_code) + "\n")
    out.write(W.DATA_LINE.format(folder=data, exports=lesson.export_dir) + "\n")
    if hosts == ["127.0.0.1"] and not args.host:
        out.write(W.NO_LAN_LINE + "\n")
    out.write(W.STOP_LINE + "\n")
    out.flush()
    run(app, socks)
    lesson.writer.flush()
    lesson.store.close()
    return OK


def run(app, socks) -> None:
    """Serve on the given listening sockets until Ctrl+C (uvicorn, quiet)."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False, date_header=False, timeout_keep_alive=20,
                            h11_max_incomplete_event_size=32 * 1024)
    uvicorn.Server(config).run(sockets=socks)
