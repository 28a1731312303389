"""What keeps the lesson's server safe from what a browser sends it.

- Request bodies are bounded (`MAX_BODY`) before they are read, and counted while they are.
- Forms are plain `application/x-www-form-urlencoded`, parsed with bounds on the number of
  fields and each field's length; anything else is refused with a 4xx.
- Every form carries a CSRF token: an HMAC of who may send it (a student's token, the
  teacher, or the join form) under the lesson's secret.
- Every response carries a strict Content-Security-Policy (the pages' own files only), no
  referrer (the teacher's address never leaks) and no caching of pages.
- No exception reaches a browser or the teacher's terminal as a traceback: one line and a
  crash log, and a plain 500 page; the server stays up.
"""
from __future__ import annotations

import hashlib
import hmac
import sys

from ..errors import write_crash_log


MAX_BODY = 16 * 1024
MAX_FIELDS = 12
MAX_FIELD = 4000
FORM_TYPE = "application/x-www-form-urlencoded"
HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; "
     b"script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class Refused(Exception):
    """A request the server will not take: its status and a plain sentence."""

    def __init__(self, status: int, text: str):
        super().__init__(text)
        self.status, self.text = status, text


def token_for(secret: str, who: str) -> str:
    """The CSRF token of forms that `who` may send ("join", "teacher", or a student's
    token)."""
    return hmac.new(secret.encode(), f"form:{who}".encode(), hashlib.sha256).hexdigest()[:40]


def check_token(secret: str, who: str, given: str | None) -> None:
    if not given or not hmac.compare_digest(token_for(secret, who), given):
        raise Refused(403, "bad_form")


def same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def _unquote(text: str) -> str:
    """Percent-decoding of a form field (`+` is a space); bad escapes are refused."""
    raw = bytearray()
    data = text.replace("+", " ").encode("ascii", "strict")
    i = 0
    while i < len(data):
        c = data[i]
        if c == 0x25:   # %
            pair = data[i + 1:i + 3]
            if len(pair) != 2:
                raise ValueError("a cut escape")
            raw.append(int(pair, 16))
            i += 3
        else:
            raw.append(c)
            i += 1
    return raw.decode("utf-8", "strict")


def parse_form(body: bytes, content_type: str | None) -> dict[str, str]:
    """The fields of a urlencoded body; Refused (415 or 400) for anything else."""
    if (content_type or "").split(";")[0].strip().lower() != FORM_TYPE:
        raise Refused(415, "bad_form")
    try:
        text = body.decode("ascii")
        pairs = [p for p in text.split("&") if p]
        if len(pairs) > MAX_FIELDS:
            raise ValueError("too many fields")
        out: dict[str, str] = {}
        for pair in pairs:
            key, _, value = pair.partition("=")
            key, value = _unquote(key), _unquote(value)
            if len(key) > 40 or len(value) > MAX_FIELD or key in out:
                raise ValueError("a field too long or given twice")
            out[key] = value
    except (ValueError, UnicodeError):
        raise Refused(400, "bad_form") from None
    return out


class Guard:
    """ASGI middleware around the whole app: the body limit, the headers, and no
    traceback ever (one line on the terminal and a crash log instead)."""

    def __init__(self, app, limit: int = MAX_BODY, headers: list | None = None):
        self.app = app
        self.limit = limit                     # the studio posts whole level files
        self.headers = HEADERS if headers is None else headers

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limit:
            return await _plain(send, 413 if length.isdigit() else 400, self.headers)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        seen = 0

        async def bounded_receive():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise Refused(413, "too_big")
            return message

        try:
            await self.app(scope, bounded_receive, send_with_headers)
        except Refused as exc:
            if not started:
                await _plain(send, exc.status, self.headers)
        except Exception as exc:  # noqa: BLE001 - the server stays up, the page says so
            _log(exc, scope)
            if not started:
                await _plain(send, 500, self.headers)


def _log(exc: BaseException, scope) -> None:
    try:
        where = str(write_crash_log(exc, ["serve", scope.get("method", ""),
                                          scope.get("path", "")]))
    except Exception:  # noqa: BLE001
        where = "nowhere (the log could not be written)"
    sys.stderr.write(f"A page failed ({type(exc).__name__}); the server carries on. "
                     f"Details: {where}\n")


_PLAIN = {400: "Bad request", 403: "Not allowed", 404: "Not found", 405: "Not allowed",
          413: "Too much sent", 415: "Not a form", 500: "Something went wrong"}


async def _plain(send, status: int, headers: list = HEADERS) -> None:
    body = f"{status} {_PLAIN.get(status, 'Refused')}\n".encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})
