"""The lesson's pages (Starlette): the student's join, play and debrief pages, and the
teacher's. Every page is drawn on the server from what the engine returns; the forms post
back and are answered with a redirect (post, redirect, get), so reloading never repeats a
choice and the pages work without JavaScript.
"""
from __future__ import annotations

import secrets
import time
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..classroom import strings as K
from ..classroom.debrief_steps import PAGES, first_step, page_of
from ..classroom.record import MAX_ANSWER_CHARS
from ..content.pictures import art_dir, bundled_names
from ..core import ChoiceError
from ..text import strings as TS
from . import strings as W
from . import teacher as T
from . import views
from .lesson import Lesson
from .security import Guard, Refused, check_token, parse_form, same, token_for

HERE = Path(__file__).resolve().parent
STUDENT = "sincerity"
TEACHER = "sincerity_teacher"
JOIN_LETTERS = "ACDEFHJKMNPRTUVWXY34679"
STATIC = {"site.css": "text/css; charset=utf-8", "keys.js": "text/javascript; charset=utf-8"}
MAX_CHOICE_ID = 80


class Site:
    """The lesson's web pages around one `Lesson`."""

    def __init__(self, lesson: Lesson, students_url: str = "/"):
        self.lesson = lesson
        store = lesson.store
        self.secret = store.meta("secret", lambda: secrets.token_hex(32))
        self.teacher_key = store.meta("teacher_key", lambda: secrets.token_urlsafe(32))
        self.join_code = store.meta("join_code", lambda: "".join(
            secrets.choice(JOIN_LETTERS) for _ in range(5)))
        self.students_url = students_url
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                                      autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                      auto_reload=False)
        self.env.globals.update(K=K, W=W, TS=TS)
        self.files = {name: (HERE / "static" / name).read_bytes() for name in STATIC}
        self.pictures: dict[str, bytes] = {}   # scene pictures, read when first asked for

    # ---- helpers
    def page(self, name: str, http_status: int = 200, **context) -> HTMLResponse:
        html = self.env.get_template(name).render(**context)
        return HTMLResponse(html, http_status, headers={"cache-control": "no-store"})

    def message(self, title: str, text: str, status: int, link: str | None = "/",
                link_text: str = "Back") -> HTMLResponse:
        return self.page("message.html", http_status=status, title=title, text=text, link=link,
                         link_text=link_text)

    async def form(self, request: Request) -> dict[str, str]:
        body = await request.body()
        return parse_form(body, request.headers.get("content-type"))

    def player_of(self, request: Request):
        token = request.cookies.get(STUDENT)
        if not token or len(token) > 100:
            return None
        return self.lesson.player(token)

    def is_teacher(self, request: Request) -> bool:
        return same(request.cookies.get(TEACHER), self.teacher_key)

    # ---- the student's pages
    async def home(self, request: Request) -> Response:
        if self.player_of(request) is not None:
            return RedirectResponse("/play", 303)
        join = request.query_params.get("join", "")[:12]
        return self.join_page(join, wrong=False)

    def join_page(self, join: str, wrong: bool, status: int = 200) -> HTMLResponse:
        cfg = self.lesson.config
        note = (cfg.content_note or "\n\n".join(K.CONTENT_NOTE.split("\n\n")[:2])).split("\n\n")
        joiner = " and " if cfg.counterbalance else " then "   # the order is not known yet
        chapters = joiner.join(lv.title for lv in self.lesson.room.levels)
        return self.page("join.html", http_status=status, title=K.NOTE_TITLE, note=[*note, W.NOTE_RECORD],
                         chapters=chapters, lesson_name=cfg.name, join=join, wrong=wrong,
                         ended=self.lesson.ended, csrf=token_for(self.secret, "join"))

    async def join(self, request: Request) -> Response:
        form = await self.form(request)
        check_token(self.secret, "join", form.get("csrf"))
        if self.lesson.ended:
            return self.join_page("", False, 409)
        given = form.get("join", "").strip().upper()
        if not same(given, self.join_code):
            return self.join_page(given[:12], True, 403)
        token = self.lesson.join()
        response = RedirectResponse("/play", 303)
        response.set_cookie(STUDENT, token, max_age=12 * 3600, httponly=True, samesite="strict")
        return response

    def student(self, request: Request):
        player = self.player_of(request)
        if player is None:
            raise Refused(403, "gone")
        return player

    async def play(self, request: Request) -> Response:
        player = self.player_of(request)
        if player is None:
            return RedirectResponse("/", 303)
        with player.lock:
            self.lesson.check_time(player)
            return self.student_page(player)

    def student_page(self, player) -> HTMLResponse:
        row = player.row
        common = {"code": row.code, "code_line": W.YOUR_CODE.format(code=row.code),
                  "csrf": token_for(self.secret, row.token)}
        if row.phase == "done":
            return self.page("done.html", title=K.DONE_TITLE, included=row.include,
                             nothing=row.export is None, **common)
        if row.phase == "confirm":
            return self.page("confirm.html", title=K.DROP_TITLE, **common)
        if row.phase == "debrief":
            return self.debrief_page(player, common)
        if row.phase in ("before", "after"):
            return self.question_page(player, common)
        state = player.state
        left = self.lesson.minutes_left(player)
        warning = None if left is None else (K.WARNING_TEXT_ONE if left == 1 else
                                             K.WARNING_TEXT.format(n=left))
        context = {"chapter": self.lesson.title(player), "status": views.status_view(state),
                   "warning": warning,
                   "happened": views.happened(player), "moments": views.moments(player),
                   "scene": None, "ending": None,
                   "skip": W.SKIP}
        if state.finished:
            context["ending"] = views.ending_view(state)
            if player.last_turn:
                context["next_label"], context["next_detail"] = K.TO_DEBRIEF, None
            else:
                context["next_label"] = K.NEXT_CHAPTER
                context["next_detail"] = K.NEXT_CHAPTER_DETAIL.format(
                    title=self.lesson.title(player, row.turn + 1))
        else:
            context["scene"] = views.scene_view(state)
            if player.shown_at is None:
                player.shown_at = time.monotonic()
        title = context["ending"]["title"] if state.finished else context["scene"]["title"]
        return self.page("play.html", title=title, **context, **common)

    def debrief_page(self, player, common: dict) -> HTMLResponse:
        row = player.row
        state = views.main_state(player)
        data = row.export or self.lesson.record(player, "finished")
        p = views.debrief_page(row.step, data, state.level if state else None, state)
        stopped = {"time_up": W.STOPPED_TIME, "stopped": W.STOPPED_TEACHER}.get(row.status)
        return self.page("debrief.html", title=p["title"], p=p, stopped=stopped,
                         answers_allowed=self.lesson.config.answers,
                         answers=row.answers, include=row.include,
                         max_answer=MAX_ANSWER_CHARS, body_class="wide", **common)

    def question_page(self, player, common: dict) -> HTMLResponse:
        row, questions = player.row, self.lesson.questions
        index = min(row.step, len(questions) - 1)
        heading = K.QUESTIONS_BEFORE if row.phase == "before" else K.QUESTIONS_AFTER
        return self.page("question.html", title=questions[index].ask, q=questions[index],
                         index=index, heading=heading.format(n=len(questions)),
                         of=K.QUESTION_OF.format(n=index + 1, of=len(questions)), **common)

    async def question(self, request: Request) -> Response:
        player, form = await self.posted(request)
        step, option = form.get("step", ""), form.get("option", "")
        if not step.isdigit() or not option.isdigit() or len(option) > 2:
            raise Refused(400, "bad_form")
        with player.lock:
            row, questions = player.row, self.lesson.questions
            if row.phase not in ("before", "after") or int(step) != row.step:
                return RedirectResponse("/play", 303)   # an old page: show where they are
            if int(option) > len(questions[row.step].options):
                raise Refused(400, "bad_form")
            self.lesson.ask(player, row.step, int(option) or None)
        return RedirectResponse("/play", 303)

    async def posted(self, request: Request):
        """The student and the form of a POST, its CSRF token checked."""
        player = self.student(request)
        form = await self.form(request)
        check_token(self.secret, player.row.token, form.get("csrf"))
        return player, form

    async def choose(self, request: Request) -> Response:
        player, form = await self.posted(request)
        choice, step = form.get("choice", ""), form.get("step", "")
        if not step.isdigit() or not choice or len(choice) > MAX_CHOICE_ID:
            raise Refused(400, "bad_form")
        with player.lock:
            self.lesson.check_time(player)
            try:
                self.lesson.choose(player, choice, int(step))
            except ChoiceError:
                return self.message(W.NO_CHOICE, W.NO_CHOICE, 409, "/play")
        return RedirectResponse("/play", 303)

    async def next_chapter(self, request: Request) -> Response:
        player, _ = await self.posted(request)
        with player.lock:
            self.lesson.next_chapter(player)
        return RedirectResponse("/play", 303)

    async def debrief(self, request: Request) -> Response:
        """A page of the debrief sent: the answers typed on it kept, then the page before or
        after it (`row.step` is the first step on the page shown), or Finish."""
        player, form = await self.posted(request)
        step, go = form.get("step", ""), form.get("go", "")
        too_long = any(len(v) > MAX_ANSWER_CHARS for k, v in form.items()
                       if k.startswith("answer"))
        if not step.isdigit() or int(step) > 5 or go not in ("back", "next") or too_long:
            raise Refused(400, "bad_form")
        with player.lock:
            row = player.row
            if row.phase != "debrief" or int(step) != row.step:
                return RedirectResponse("/play", 303)   # an old page: show where they are
            page = page_of(row.step)
            if self.lesson.config.answers:
                for key in PAGES[page]:
                    answer = form.get(f"answer-{key}")
                    if answer is not None:
                        self.lesson.answer(player, key, answer.strip())
            include = form.get("include") == "1"
            last = page == len(PAGES) - 1
            if last:
                self.lesson.update(player, include=int(include))
            if go == "back":
                self.lesson.update(player, step=first_step(max(0, page - 1)))
            elif not last:
                self.lesson.update(player, step=first_step(page + 1))
            elif not include and any(v.strip() for v in row.answers.values()):
                self.lesson.update(player, phase="confirm")
            else:
                self.lesson.after_debrief(player, include)
        return RedirectResponse("/play", 303)

    async def confirm(self, request: Request) -> Response:
        player, form = await self.posted(request)
        go = form.get("go")
        if go not in ("back", "drop"):
            raise Refused(400, "bad_form")
        with player.lock:
            if player.row.phase == "confirm":
                if go == "drop":
                    self.lesson.after_debrief(player, False)
                else:
                    self.lesson.update(player, phase="debrief", step=first_step(len(PAGES) - 1))
        return RedirectResponse("/play", 303)

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            raise Refused(404, "not_found")
        return Response(self.files[name], media_type=STATIC[name],
                        headers={"cache-control": "max-age=3600"})

    async def art(self, request: Request) -> Response:
        """A bundled scene picture (assets/art), read once: nothing outside that folder."""
        name = request.path_params["name"]
        if name not in bundled_names():
            raise Refused(404, "not_found")
        if name not in self.pictures:
            self.pictures[name] = (art_dir() / f"{name}.svg").read_bytes()
        return Response(self.pictures[name], media_type="image/svg+xml",
                        headers={"cache-control": "max-age=3600"})

    # ---- the teacher's pages
    def teacher_only(self, request: Request) -> None:
        if not self.is_teacher(request):
            raise Refused(403, "teacher")

    async def teacher(self, request: Request) -> Response:
        key = request.query_params.get("key")
        if key is not None:
            if not same(key, self.teacher_key):
                raise Refused(403, "teacher")
            response = RedirectResponse("/teacher", 303)   # the key leaves the address bar
            response.set_cookie(TEACHER, self.teacher_key, max_age=24 * 3600, httponly=True,
                                samesite="strict", path="/teacher")
            return response
        self.teacher_only(request)
        lesson = self.lesson
        return self.page("teacher.html", title=W.TEACHER_TITLE, lesson_name=lesson.config.name,
                         ended=lesson.ended, csrf=token_for(self.secret, "teacher"),
                         data_where=W.DATA_WHERE.format(db=lesson.store.path,
                                                        exports=lesson.export_dir),
                         students_url=self.students_url, join_code=self.join_code,
                         body_class="teacher", **self.live_context())

    def live_context(self) -> dict:
        rows, counts = T.student_rows(self.lesson)
        figures = [f for f in T.figures(self.lesson) if f["step"] != "relates"]  # not the class's
        return {"rows": rows, "counts": counts, "figures": figures}

    async def live(self, request: Request) -> Response:
        self.teacher_only(request)
        return self.page("teacher_live.html", **self.live_context())

    async def projector(self, request: Request) -> Response:
        self.teacher_only(request)
        import segno
        url = f"{self.students_url}?join={self.join_code}"
        qr = segno.make(url, error="m").svg_inline(scale=10, title=W.PROJECTOR_TITLE)
        return self.page("projector.html", title=W.PROJECTOR_TITLE, qr=qr,
                         url=self.students_url, join=self.join_code, body_class="big")

    async def discuss(self, request: Request) -> Response:
        self.teacher_only(request)
        figures = T.figures(self.lesson) or [{"step": "feel", "title": W.FIG_NONE,
                                              "lines": [], "svg": None}]
        n = min(max(1, request.path_params["n"]), len(figures))
        f = figures[n - 1]
        ask, listen = W.DISCUSSION[f["step"]]
        keys = [key for key, _ in K.STEPS]
        title = dict(K.STEPS)[f["step"]]
        step_of = K.STEP_OF.format(n=keys.index(f["step"]) + 1)
        return self.page("discuss.html", title=title, step_title=title, f=f, n=n,
                         step_of=step_of, total=len(figures), ask=ask, listen=listen,
                         body_class="big")

    async def end(self, request: Request) -> Response:
        self.teacher_only(request)
        form = await self.form(request)
        check_token(self.secret, "teacher", form.get("csrf"))
        if form.get("sure") != "1":
            raise Refused(400, "bad_form")
        self.lesson.end()
        return RedirectResponse("/teacher", 303)

    async def exports(self, request: Request) -> Response:
        self.teacher_only(request)
        return Response(T.exports_zip(self.lesson), media_type="application/zip", headers={
            "content-disposition": 'attachment; filename="sessions.zip"',
            "cache-control": "no-store"})

    async def report(self, request: Request) -> Response:
        self.teacher_only(request)
        return HTMLResponse(T.class_report(self.lesson), headers={
            "content-disposition": 'attachment; filename="class.html"',
            "cache-control": "no-store"})

    # ---- refusals as pages
    def refused(self, request: Request, exc: Refused) -> Response:
        words = {"bad_form": W.BAD_FORM, "gone": W.GONE, "not_found": W.NOT_FOUND,
                 "too_big": W.TOO_BIG.format(n=MAX_ANSWER_CHARS)}
        text = words.get(exc.text, W.NOT_FOUND if exc.status == 404 else W.BAD_FORM)
        return self.message(str(exc.status), text, exc.status)


def make_app(lesson: Lesson, students_url: str = "/"):
    """The whole server as one ASGI app: the pages, gzip, and the guard around them."""
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.middleware.gzip import GZipMiddleware

    site = Site(lesson, students_url)

    async def on_refused(request, exc):
        return site.refused(request, exc)

    async def on_http(request, exc):
        return site.refused(request, Refused(exc.status_code, "not_found"))

    routes = [
        Route("/", site.home), Route("/join", site.join, methods=["POST"]),
        Route("/play", site.play), Route("/choose", site.choose, methods=["POST"]),
        Route("/next", site.next_chapter, methods=["POST"]),
        Route("/question", site.question, methods=["POST"]),
        Route("/debrief", site.debrief, methods=["POST"]),
        Route("/confirm", site.confirm, methods=["POST"]),
        Route("/static/{name}", site.static), Route("/art/{name}.svg", site.art),
        Route("/teacher", site.teacher), Route("/teacher/live", site.live),
        Route("/teacher/projector", site.projector),
        Route("/teacher/discuss/{n:int}", site.discuss),
        Route("/teacher/end", site.end, methods=["POST"]),
        Route("/teacher/exports.zip", site.exports),
        Route("/teacher/report.html", site.report),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(GZipMiddleware, minimum_size=600)],
                    exception_handlers={Refused: on_refused, HTTPException: on_http})
    app.state.site = site
    guarded = Guard(app)
    guarded.site = site   # type: ignore[attr-defined]
    return guarded
