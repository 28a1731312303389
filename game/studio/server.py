"""The studio's page and endpoints (Starlette), for one author on this computer.

- `GET /` the page; `GET /static/NAME` its files (the editor bundle among them).
- `POST /check` the text: the loader's diagnostics as marks, the scenes' lines, the story
  map (the game's own SVG, problems marked) and the names the preview can start from. A
  text without errors becomes the version the preview plays.
- `POST /analyze` the text: the analyzer's findings as marks (only for a text with no
  errors; one search at a time, the newest text only).
- `POST /play` where to start and the choices made: the preview, replayed on the last
  version without errors.
- `POST /save` the text: written atomically, the old file kept as LEVEL.yaml.bak.
- `GET /alive` nothing (204): the page asks every few seconds, and says so when the studio
  has stopped.

Only requests addressed to 127.0.0.1 or localhost on the studio's port are answered (a web
page elsewhere cannot reach it by a DNS trick), and every POST carries the run's secret in
a header (a page elsewhere cannot post to it). Bodies are JSON, bounded.
"""
from __future__ import annotations

import json
import os
import secrets
import threading
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..content.loader import load_text
from ..web import strings as W
from ..web.security import Guard, Refused, same
from . import strings as S
from .marks import mark
from .preview import MAX_CHOICES, Setup, replay
from .save import save_level

HERE = Path(__file__).resolve().parent
WEB = HERE.parent / "web" / "static"
FILES = {"editor.js": (HERE / "static", "text/javascript; charset=utf-8"),
         "studio.js": (HERE / "static", "text/javascript; charset=utf-8"),
         "studio.css": (HERE / "static", "text/css; charset=utf-8"),
         "site.css": (WEB, "text/css; charset=utf-8")}
MAX_BODY = 4 * 1024 * 1024     # a level's text, as JSON
MAX_NAME = 80
TOKEN_HEADER = "x-studio-token"
HEADERS = [
    # CodeMirror sets styles from its script; scripts stay the page's own files only
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; "
     b"style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
     b"form-action 'none'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


class Studio:
    """One level file being written: its text as last checked and the last good level."""

    def __init__(self, path: Path, text: str, port: int, new: bool = False):
        self.path, self.port = path, port
        self.secret = secrets.token_urlsafe(32)
        self.good = None            # the last version without errors: what the preview plays
        self.starter = text if new else None   # a new file starts from the studio's level,
        self.good_is_starter = False           # which is never played as the author's own
        self.first_problem = None   # the first error of the text last checked
        self.first_text = text
        self._analyzing = threading.Lock()   # one search at a time, and only the newest
        self._tickets = threading.Lock()
        self._wanted = 0
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(S=S, W=W)
        self.check(text)

    # ---- what the endpoints do
    def check(self, text: str) -> dict:
        loaded = load_text(text, self.path.name)
        if loaded.level is not None:
            self.good, self.good_is_starter = loaded.level, text == self.starter
        self.first_problem = next(iter(loaded.errors), None)
        from ..authoring.drawsvg import to_svg
        from ..authoring.picture import draft, drawing

        level = loaded.level or draft(loaded)
        lines = loaded.lines
        return {"ok": loaded.ok, "marks": [mark(d, lines) for d in loaded.diagnostics],
                "map": to_svg(drawing(loaded, scoring=True)), "lines": _scene_lines(loaded),
                "names": self._names(loaded.ok, level)}

    def _names(self, ok: bool, level) -> dict:
        """What the preview can start from: the last good version's names, or (while a new
        file's own text has never been without errors) none of the starter's."""
        if not ok and self.good_is_starter:
            return _names(level) | {"clear": True}
        return _names(self.good or level)

    def analyze(self, text: str) -> dict:
        """The analyzer's findings, as `analyze` gives them. Searches run one at a time; one
        that a newer text overtook while it waited is skipped (`stale`)."""
        with self._tickets:
            self._wanted += 1
            mine = self._wanted
        with self._analyzing:
            if mine != self._wanted:
                return {"ok": False, "marks": [], "stale": True}
            return self._analyze(text)

    def _analyze(self, text: str) -> dict:
        from ..authoring.analyze import analyze_loaded

        loaded = load_text(text, self.path.name)
        if not loaded.ok:
            return {"ok": False, "marks": []}
        report = analyze_loaded([loaded])[0]
        return {"ok": True, "marks": [mark(d, loaded.lines) for d in report.problems],
                "info": [d.message for d in report.info]}

    def play(self, setup: Setup, text_ok: bool) -> dict:
        if self.good is None or (self.good_is_starter and not text_ok):
            # nothing of the author's has ever played: say so, and what to fix first
            return {"html": self.render("never.html", first=self.first_problem), "at": None,
                    "made": []}
        p = replay(self.good, setup)
        stale = None if text_ok else S.STALE
        return {"html": self.render("preview.html", p=p, stale=stale), "at": p["at"],
                "made": p["made"], "persona": p["persona"], "ruleset": p["ruleset"]}

    def render(self, template: str, **context) -> str:
        return self.env.get_template(template).render(**context)

    # ---- the gate
    def allowed_host(self, request: Request) -> bool:
        host = request.headers.get("host", "")
        return host in (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    async def body(self, request: Request) -> dict:
        if not same(request.headers.get(TOKEN_HEADER), self.secret):
            raise Refused(403, "bad_form")
        if (request.headers.get("content-type") or "").split(";")[0].strip() != \
                "application/json":
            raise Refused(415, "bad_form")
        origin = request.headers.get("origin")
        if origin is not None and origin not in (f"http://127.0.0.1:{self.port}",
                                                 f"http://localhost:{self.port}"):
            raise Refused(403, "bad_form")
        try:
            data = json.loads((await request.body()).decode("utf-8"))
        except (ValueError, UnicodeError):
            raise Refused(400, "bad_form") from None
        if not isinstance(data, dict):
            raise Refused(400, "bad_form")
        return data


def _text(data: dict) -> str:
    text = data.get("text")
    if not isinstance(text, str):
        raise Refused(400, "bad_form")
    return text


def _name(data: dict, key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or len(value) > MAX_NAME:
        raise Refused(400, "bad_form")
    return value


def _setup(data: dict) -> Setup:
    made = data.get("choices", [])
    if not isinstance(made, list) or len(made) > MAX_CHOICES or \
            not all(isinstance(c, str) and len(c) <= MAX_NAME for c in made):
        raise Refused(400, "bad_form")
    seed = data.get("seed", 0)
    if type(seed) is not int or not 0 <= seed < 2 ** 31:
        raise Refused(400, "bad_form")
    return Setup(_name(data, "start"), _name(data, "persona"), _name(data, "ruleset"),
                 _name(data, "preset"), seed, list(made))


def _scene_lines(loaded) -> dict:
    """scene or ending id -> the line of its key in the file."""
    out = {}
    for path, (line, _) in loaded.marks.items():
        if len(path) == 3 and path[0] in ("scenes", "endings") and path[2] == "__key__":
            out[str(path[1])] = line
    return out


def _names(level) -> dict:
    if level is None:
        return {"scenes": [], "personas": [], "rulesets": [], "presets": []}
    return {"scenes": [[k, s.title] for k, s in level.scenes.items()],
            "personas": [[k, p.name] for k, p in level.personas.items()],
            "rulesets": [[k, r.name] for k, r in level.rulesets.items()],
            "presets": [[k, k] for k in level.presets],
            "start": level.start}


def make_app(studio: Studio):
    """The studio as one ASGI app, inside the lesson server's guard (bounded bodies, no
    traceback ever, strict headers)."""
    from starlette.exceptions import HTTPException

    def gate(handler):
        async def gated(request: Request) -> Response:
            if not studio.allowed_host(request):
                raise Refused(403, "host")
            return await handler(request)
        return gated

    async def page(request: Request) -> Response:
        html = studio.render("studio.html", name=studio.path.name, path=str(studio.path),
                             token=studio.secret, text=studio.first_text)
        return HTMLResponse(html)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in FILES:
            raise Refused(404, "not_found")
        folder, kind = FILES[name]
        return Response((folder / name).read_bytes(), media_type=kind)

    async def check(request: Request) -> Response:
        return JSONResponse(studio.check(_text(await studio.body(request))))

    async def analyze(request: Request) -> Response:
        text = _text(await studio.body(request))   # a search can take a second: off the loop,
        return JSONResponse(await run_in_threadpool(studio.analyze, text))   # checks go on

    async def play(request: Request) -> Response:
        data = await studio.body(request)
        return JSONResponse(studio.play(_setup(data), data.get("ok") is True))

    async def save(request: Request) -> Response:
        text = _text(await studio.body(request))
        try:
            backup = save_level(studio.path, text)
        except OSError as exc:
            return JSONResponse({"saved": False, "message": S.SAVE_FAILED.format(
                why=exc.strerror or str(exc))}, 500)
        studio.first_text = text
        words = S.SAVED.format(name=studio.path.name, backup=backup.name) if backup else \
            S.SAVED_NEW.format(name=studio.path.name)
        return JSONResponse({"saved": True, "message": words})

    async def on_refused(request, exc: Refused):
        return Response(f"{exc.status} refused\n", exc.status, media_type="text/plain")

    async def on_http(request, exc):
        return Response(f"{exc.status_code} refused\n", exc.status_code,
                        media_type="text/plain")

    async def alive(request: Request) -> Response:
        return Response(status_code=204)

    routes = [Route("/", gate(page)), Route("/static/{name}", gate(static)),
              Route("/alive", gate(alive)),
              Route("/check", gate(check), methods=["POST"]),
              Route("/analyze", gate(analyze), methods=["POST"]),
              Route("/play", gate(play), methods=["POST"]),
              Route("/save", gate(save), methods=["POST"])]
    app = Starlette(routes=routes, exception_handlers={Refused: on_refused,
                                                       HTTPException: on_http})
    return Guard(app, MAX_BODY, HEADERS)


def analyze_here() -> None:
    """The analyzer explores in this process: the studio answers one author, and a pool of
    processes per keystroke would cost more than it saves."""
    os.environ.setdefault("SINCERITY_ANALYZE_WORKERS", "1")
