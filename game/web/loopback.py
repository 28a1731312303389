"""Simulated students for the benchmark and the tests: each plays a whole lesson through a
real `serve` over HTTP, to 127.0.0.1 only (the one host this module will talk to;
tests/test_no_network.py checks that it names no other).

A student reads the pages as a browser would (the forms' hidden fields and buttons) and
chooses among the open choices; the time of each choice is from posting it to having the
page that shows its result.
"""
from __future__ import annotations

import html
import http.client
import random
import re
import time
from dataclasses import dataclass, field

LOOPBACK = "127.0.0.1"
_HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
_OPTION = re.compile(r'<button type="submit" name="option" value="(\d+)"')
_ANSWER_BOX = re.compile(r'<textarea [^>]*name="(answer-[a-z_]+)"')
_CHOICE = re.compile(r'<button type="submit" name="choice" value="([^"]+)" data-key="(\d+)"'
                     r'\s*(disabled)?')


def quote(text: str) -> str:
    """A form field percent-encoded (letters, digits and `-._~` kept, space as `+`)."""
    keep = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return "".join(chr(b) if b in keep else "+" if b == 32 else f"%{b:02X}"
                   for b in text.encode("utf-8"))


def form_body(fields: dict) -> bytes:
    return "&".join(f"{quote(str(k))}={quote(str(v))}"
                    for k, v in fields.items()).encode("ascii")


@dataclass
class Reply:
    status: int
    headers: dict
    body: str
    size: int = 0     # bytes on the wire (compressed, when the server compressed it)

    def hidden(self) -> dict[str, str]:
        return {k: html.unescape(v) for k, v in _HIDDEN.findall(self.body)}

    def open_choices(self) -> list[str]:
        return [html.unescape(cid) for cid, _, off in _CHOICE.findall(self.body) if not off]

    def number_of(self, choice: str) -> int:
        return next(int(n) for cid, n, _ in _CHOICE.findall(self.body)
                    if html.unescape(cid) == choice)


@dataclass
class Student:
    port: int
    cookie: str | None = None
    timings: list[float] = field(default_factory=list)
    choices_made: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)   # each choice's number on its page

    def __post_init__(self):
        self.conn = http.client.HTTPConnection(LOOPBACK, self.port, timeout=60)

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> Reply:
        head = dict(headers or {})
        if self.cookie:
            head["Cookie"] = self.cookie
        if body is not None:
            head.setdefault("Content-Type", "application/x-www-form-urlencoded")
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=head)
                r = self.conn.getresponse()
                raw = r.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(LOOPBACK, self.port, timeout=60)
                if attempt:
                    raise
        cookie = r.getheader("set-cookie")
        if cookie and cookie.startswith("sincerity="):
            self.cookie = cookie.split(";")[0]
        head = {k.lower(): v for k, v in r.getheaders()}
        if head.get("content-encoding") == "gzip":
            import gzip
            text = gzip.decompress(raw).decode("utf-8", "replace")
        else:
            text = raw.decode("utf-8", "replace")
        return Reply(r.status, head, text, len(raw))

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def post(self, path: str, fields: dict) -> Reply:
        """Post a form and follow its redirect, as a browser does."""
        r = self.request("POST", path, form_body(fields))
        if r.status == 303:
            return self.get(r.headers["location"])
        return r

    def join(self, code: str) -> Reply:
        page = self.get("/")
        return self.post("/join", {"csrf": page.hidden()["csrf"], "join": code})

    def choose(self, page: Reply, choice: str) -> Reply:
        fields = page.hidden() | {"choice": choice}
        began = time.perf_counter()
        r = self.post("/choose", fields)
        self.timings.append(time.perf_counter() - began)
        self.choices_made.append(choice)
        self.numbers.append(page.number_of(choice))
        return r

    def play_lesson(self, rng: random.Random, answer: str = "", include: bool = False,
                    stop_after: int | None = None, think: tuple[float, float] = (0, 0),
                    until=None) -> Reply:
        """Play every chapter to its ending, then the debrief to Finish. `stop_after`
        choices, or the first page for which `until(page)` holds: stop there (the page still
        open). `think`: seconds of reading before each choice, drawn between the two."""
        page = self.get("/play")
        while True:
            if stop_after is not None and len(self.choices_made) >= stop_after:
                return page
            if until is not None and until(page):
                return page
            open_ = page.open_choices()
            if open_ and think[1]:
                time.sleep(rng.uniform(*think))
            if open_:
                page = self.choose(page, rng.choice(open_))
            elif 'action="/question"' in page.body:
                options = _OPTION.findall(page.body)     # "0" is "Skip this question"
                page = self.post("/question", page.hidden() | {"option": rng.choice(options)})
            elif 'action="/next"' in page.body:
                page = self.post("/next", page.hidden())
            elif 'action="/debrief"' in page.body:
                fields = page.hidden() | {"go": "next"} | {   # each answer box on the page
                    name: answer for name in _ANSWER_BOX.findall(page.body)}
                if include:
                    fields["include"] = "1"
                page = self.post("/debrief", fields)
            elif 'action="/confirm"' in page.body:
                page = self.post("/confirm", page.hidden() | {"go": "drop"})
            else:
                return page

    def close(self) -> None:
        self.conn.close()
