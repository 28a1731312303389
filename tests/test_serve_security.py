"""Hostile requests to the lesson's server: each is refused with a 4xx, none shows a
traceback, and the server goes on answering. And the server never connects out."""
from __future__ import annotations

import http.client
import random
import textwrap

import pytest

from game.web.loopback import Student, form_body
from serve_helpers import ServeProcess, served


def raw(port: int, method: str, path: str, body: bytes | None = None,
        headers: dict | None = None) -> tuple[int, str]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    text = r.read().decode("utf-8", "replace")
    c.close()
    return r.status, text


def assert_refused(status: int, text: str, codes=range(400, 500)) -> None:
    assert status in codes
    assert "Traceback" not in text and 'File "' not in text


@pytest.fixture
def lesson(tmp_path):
    with served(tmp_path) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        yield port, site, s
        assert raw(port, "GET", "/")[0] == 200          # still answering after all that


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e%2fapp.py", "/static/..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/pyproject.toml", "/../../etc/passwd", "/templates/base.html",
    "/static/", "/static/site.css%00.py", "/lesson.sqlite3", "/exports/x.json"])
def test_paths_outside_the_pages_are_not_found(lesson, path):
    port, _, _ = lesson
    status, text = raw(port, "GET", path)
    assert_refused(status, text, (404,))
    assert "import" not in text and "root:" not in text


def test_an_oversized_body_is_refused_before_it_is_read(lesson):
    port, _, s = lesson
    form = s.get("/play").hidden()
    big = form_body(form | {"choice": "x" * 100_000})
    assert_refused(*raw(port, "POST", "/choose", big, {"Cookie": s.cookie,
                   "Content-Type": "application/x-www-form-urlencoded"}), codes=(413,))


def test_a_body_longer_than_it_said_is_refused(lesson):
    port, _, s = lesson
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.putrequest("POST", "/choose")
    c.putheader("Cookie", s.cookie)
    c.putheader("Transfer-Encoding", "chunked")
    c.putheader("Content-Type", "application/x-www-form-urlencoded")
    c.endheaders()
    chunk = b"a" * 8000
    for _ in range(4):
        c.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    c.send(b"0\r\n\r\n")
    r = c.getresponse()
    assert_refused(r.status, r.read().decode(), codes=(413,))


def test_a_students_cookie_does_not_open_the_teachers_pages(lesson):
    port, site, s = lesson
    for path in ("/teacher", "/teacher/live", "/teacher/projector", "/teacher/discuss/1",
                 "/teacher/exports.zip", "/teacher/report.html"):
        assert_refused(*raw(port, "GET", path, headers={"Cookie": s.cookie}), codes=(403,))
    forged = {"Cookie": f"{s.cookie}; sincerity_teacher={s.cookie.split('=')[1]}"}
    assert_refused(*raw(port, "GET", "/teacher", headers=forged), codes=(403,))
    assert_refused(*raw(port, "GET", "/teacher?key=" + "A" * 43), codes=(403,))
    assert site.teacher_key not in s.get("/play").body


def test_forms_without_their_csrf_token_are_refused(lesson):
    port, site, s = lesson
    page = s.get("/play")
    choice = page.open_choices()[0]
    head = {"Cookie": s.cookie, "Content-Type": "application/x-www-form-urlencoded"}
    for fields in ({"choice": choice, "step": "0"},
                   {"choice": choice, "step": "0", "csrf": "0" * 40}):
        assert_refused(*raw(port, "POST", "/choose", form_body(fields), head), codes=(403,))
    assert site.lesson.store.choices(site.lesson.store.students()[0].token) == []
    t = {"Cookie": f"sincerity_teacher={site.teacher_key}",
         "Content-Type": "application/x-www-form-urlencoded"}
    assert_refused(*raw(port, "POST", "/teacher/end", form_body({"sure": "1"}), t),
                   codes=(403,))
    assert not site.lesson.ended
    assert_refused(*raw(port, "POST", "/join", form_body({"join": site.join_code}),
                        {"Content-Type": "application/x-www-form-urlencoded"}), codes=(403,))


@pytest.mark.parametrize("body,ctype", [
    (b'{"choice": "speak", "step": 0}', "application/json"),
    (b'{"choice": ', "application/json"),
    (b"choice=%zz&step=0", "application/x-www-form-urlencoded"),
    (b"choice=%e9&step=0", "application/x-www-form-urlencoded"),
    (b"\xff\xfe\x00", "application/x-www-form-urlencoded"),
    (b"step=1&step=2", "application/x-www-form-urlencoded"),
    (b"&".join(b"f%d=1" % i for i in range(50)), "application/x-www-form-urlencoded"),
    (b"--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--", "multipart/form-data; boundary=x"),
])
def test_malformed_bodies_are_refused(lesson, body, ctype):
    port, _, s = lesson
    assert_refused(*raw(port, "POST", "/choose", body, {"Cookie": s.cookie,
                                                         "Content-Type": ctype}))


@pytest.mark.parametrize("extra", [
    {"choice": "no_such_choice"}, {"step": "-1"}, {"step": "x"}, {"step": "99999999999"},
    {"choice": ""}, {"choice": "é" * 500},
])
def test_malformed_choices_are_refused(lesson, extra):
    port, site, s = lesson
    page = s.get("/play")
    fields = page.hidden() | {"choice": page.open_choices()[0]} | extra
    status, text = raw(port, "POST", "/choose", form_body(fields), {
        "Cookie": s.cookie, "Content-Type": "application/x-www-form-urlencoded"})
    if status == 303:      # an old page's step: nothing happens, back to the page
        assert site.lesson.store.choices(site.lesson.store.students()[0].token) == []
    else:
        assert_refused(status, text)


def test_a_locked_choice_is_refused_by_the_engine(tmp_path):
    with served(tmp_path) as (port, site):
        s = Student(port)
        s.join(site.join_code)
        page = s.play_lesson(random.Random(0), stop_after=0)
        for _ in range(40):
            import re
            locked = re.findall(r'value="([^"]+)" data-key="\d+"\s*disabled', page.body)
            if locked:
                status, text = raw(port, "POST", "/choose", form_body(
                    page.hidden() | {"choice": locked[0]}), {
                    "Cookie": s.cookie, "Content-Type": "application/x-www-form-urlencoded"})
                assert_refused(status, text, codes=(409,))
                return
            if not page.open_choices():
                page = s.post("/next", page.hidden())
                continue
            page = s.choose(page, page.open_choices()[-1])
        pytest.skip("no locked choice met on this path")


def test_unknown_methods_and_cookies_get_a_4xx(lesson):
    port, _, s = lesson
    assert_refused(*raw(port, "DELETE", "/play", headers={"Cookie": s.cookie}))
    assert_refused(*raw(port, "PUT", "/choose"))
    assert_refused(*raw(port, "POST", "/choose", b"a=1", {
        "Cookie": "sincerity=" + "x" * 90, "Content-Type": "application/x-www-form-urlencoded"}),
        codes=(403,))
    assert raw(port, "GET", "/play", headers={"Cookie": "sincerity=nobody"})[0] == 303
    answer = form_body(s.get("/play").hidden() | {"go": "next", "step": "0",
                                                  "answer": "x" * 5000})
    assert_refused(*raw(port, "POST", "/debrief", answer, {
        "Cookie": s.cookie, "Content-Type": "application/x-www-form-urlencoded"}))


GUARD = textwrap.dedent("""
    import socket, sys
    def _refuse(*a, **k):
        sys.stderr.write("OUTBOUND CONNECTION ATTEMPTED %r\\n" % (a,))
        raise OSError("outbound connections are refused in this test")
    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.socket.sendto = _refuse
""")


def test_the_server_opens_no_outbound_connection(tmp_path):
    server = ServeProcess(tmp_path, prelude=GUARD)
    try:
        s = Student(server.port)
        s.join(server.join)
        assert "Saved" in s.play_lesson(random.Random(4), answer="hi", include=True).body
        t = Student(server.port)
        t.get(server.teacher.split(str(server.port))[1])
    finally:
        err = server.stop()
    assert "OUTBOUND" not in err
