"""Read untrusted YAML (level files) into plain Python data, safely.

Level files are written by teachers and students and may be hostile, so
:func:`read_yaml` never uses ``yaml.load`` and never builds Python objects
from tags.  It walks the parser's event stream with an explicit stack (no
recursion, so absurdly deep nesting cannot crash it) and produces only
dict / list / str / int / float / bool / None.

Alongside the data it returns a *marks* dict mapping a path tuple such as
``("scenes", "office", "choices", 0, "goto")`` to the 1-based
``(line, column)`` of that value.  The key itself is stored under
``path + ("__key__",)``.  Values reached through an alias have no marks of
their own below the alias; use :func:`find_mark` to fall back to the nearest
marked parent.

Diagnostic codes:

* E001 the text is not valid YAML (syntax error, bad character)
* E002 a tag such as ``!!python/object`` was used (not allowed)
* E003 a key appears twice in the same mapping (the first one is kept)
* E004 a list or mapping was used as a key
* E005 too many aliases (a "billion laughs" document?)  -- fatal
* E006 nesting too deep -- fatal
* E007 the text is too big -- fatal
* E008 more than one YAML document in the file -- fatal
* E009 a value does not fit its standard tag (e.g. ``!!int abc``)
* E010 an alias ``*name`` with no anchor ``&name`` before it
* E014 a text holds a control or bidi character (written as an escape like ``"\\e"``)

When a fatal problem stops the reading, the data returned is ``None``.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
import threading
from types import ModuleType
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.reader import Reader
from yaml.resolver import Resolver

from ..safetext import HIDDEN, describe
from .diagnostics import Diagnostic, error
from .yamlhints import colon_inside, named

MAX_TEXT_CHARS = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_ALIAS_RATIO = 20
# Below this many nodes the alias ratio is not checked: tiny files are harmless.
ALIAS_RATIO_FLOOR = 10_000
KEY_MARK = "__key__"
# A backslash (the only way to write most hidden characters) or a raw bidi control.
_MAYBE_HIDDEN = re.compile("[\\\\\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

Marks = dict  # dict[tuple, tuple[int, int]]

# The names `_fast_read` swaps in libyaml's binding for the length of one read.
_EVENT_NAMES = ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent", "MappingEndEvent",
                "SequenceEndEvent", "DocumentStartEvent", "DocumentEndEvent", "AliasEvent",
                "StreamStartEvent", "StreamEndEvent")


def parsers() -> tuple[ModuleType | None, type]:
    """(PyYAML's private libyaml binding `yaml._yaml`, the loader class to read events with).
    When the binding is missing or not shaped as this reader expects (a newer PyYAML may
    change it), it is None and the loader is the pure-Python one: every read is then slower
    but the same, with the same depth guard."""
    try:
        if yaml.__with_libyaml__:
            from yaml import _yaml as binding
            if usable(binding) and hasattr(yaml, "CSafeLoader"):
                return binding, yaml.CSafeLoader
    except Exception:  # noqa: BLE001 - any failure of a private module means: do without it
        pass
    return None, yaml.SafeLoader


def usable(binding) -> bool:
    """Whether a libyaml binding has every name `_fast_read` uses."""
    return all(callable(getattr(binding, name, None)) for name in ("CParser",) + _EVENT_NAMES)


_cyaml, _LOADER = parsers()
_READ_LOCK = threading.Lock()  # one read at a time: see _fast_read

_Y = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _Y + "str", _Y + "map", _Y + "seq"
_CONSTRUCTORS = {
    _Y + "int": SafeConstructor.construct_yaml_int,
    _Y + "float": SafeConstructor.construct_yaml_float,
    _Y + "bool": SafeConstructor.construct_yaml_bool,
    _Y + "null": SafeConstructor.construct_yaml_null,
}
_CONSTRUCTOR = SafeConstructor()
_RESOLVER = Resolver()
# First characters for which a plain scalar might be something other than str.
_MAYBE_TYPED = frozenset(k for k in Resolver.yaml_implicit_resolvers if k)
# First characters of the only implicit types with no length limit: int, float, timestamp.
_NUMBER_STARTS = frozenset("-+.0123456789")

# Frame layout (a list per open mapping/sequence, for speed).
_KIND, _CONT, _PATH, _KEY, _ANCHOR, _START, _IS_KEY = range(7)
_ROOT, _MAPPING, _SEQUENCE = 0, 1, 2
_NOKEY = object()  # mapping frame is waiting for a key
_DISCARD = object()  # the next value of this mapping is thrown away
_FAILED = object()  # returned by _EventReader.read after a fatal problem


_TOO_DEEP = (f"things are nested too deeply (more than {MAX_DEPTH} levels)",
             "no level or classroom file needs this many lists or mappings inside each other")
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


class _Stop(Exception):
    """Internal: a fatal problem was reported; stop reading now."""


def read_yaml(text: str, path: str, marks: bool = True) -> tuple[object, Marks, list[Diagnostic]]:
    """Parse untrusted YAML ``text`` (from file ``path``) into plain data.

    Returns ``(data, marks, diagnostics)``.  ``data`` is built only from
    dict/list/str/int/float/bool/None; it is ``None`` for an empty document or
    when a fatal problem stopped the reading.  ``marks`` maps path tuples to
    1-based ``(line, column)``.  This function does not raise on bad input.

    With ``marks=False`` no marks are kept (over twice as fast on big files, see
    `_fast_read`) unless the text has a problem to report: then it is read again with
    marks, so every diagnostic has its line.
    """
    if len(text) > MAX_TEXT_CHARS:
        size = len(text) // (1024 * 1024)
        msg = f"this file is too big ({size} MB); the limit is 16 MB"
        return None, {}, [error("E007", path, 1, 1, msg, "split the level into smaller files")]
    reader = _EventReader(path, marks)
    with gc_paused(), _READ_LOCK:
        data = reader.read(text)
    if data is _FAILED:  # a fatal problem: its diagnostic carries its own line already
        if not marks and reader.unmarked_problem:   # and one before it that needs its line
            return read_yaml(text, path, marks=True)
        return None, {}, reader.diagnostics
    hidden = _hidden_characters(data, reader.marks, path) if _MAYBE_HIDDEN.search(text) else []
    if not marks and (reader.diagnostics or reader.unmarked_problem or hidden):
        return read_yaml(text, path, marks=True)
    return data, reader.marks, reader.diagnostics + hidden


def _hidden_characters(data: object, marks: Marks, path: str) -> list[Diagnostic]:
    """E014 for each key or text holding a control or bidi character (see `game.safetext`).
    Only escapes (`"\\e"`, `"\\0"`, `"\\u202e"`...) and raw bidi characters can put them
    there: the reader refuses the others itself, so `_MAYBE_HIDDEN` finds files worth a walk."""
    found: list[Diagnostic] = []
    stack: list[tuple[tuple, object]] = [((), data)]
    seen: set[int] = set()  # containers reached twice through aliases are walked once
    while stack:
        at, value = stack.pop()
        if isinstance(value, str):
            hit = HIDDEN.search(value)
            if hit:
                found.append(_hidden(hit.group(), at, marks, path))
        elif isinstance(value, (dict, list)) and id(value) not in seen:
            seen.add(id(value))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and HIDDEN.search(key):
                    stack.append((at + (key, KEY_MARK), key))
                stack.append((at + (key,), item))
    found.sort(key=lambda d: (d.line, d.column))
    return found


def _hidden(char: str, at: tuple, marks: Marks, path: str) -> Diagnostic:
    line, column = find_mark(marks, at)
    return error("E014", path, line, column,
                 f"this text holds a hidden control character ({describe(char)}), "
                 "which could break the screen or hide what the text says",
                 "remove the `\\` code that makes it (like `\\0`, `\\e` or `\\u202e`); "
                 "to start a new line, use `\\n` or a real line break")


@contextlib.contextmanager
def gc_paused():
    """Pause the cyclic GC while building many objects that all stay alive (and make no
    reference cycles): with big files it otherwise runs again and again over them, for
    nothing. It saves about a third of the reading.

    On the way out, what was built is moved to the oldest generation (`gc.freeze` then
    `gc.unfreeze`: two list splices, no walk). Otherwise the first allocation after
    `gc.enable` starts a young collection that walks every object just built once more
    (about 100 ms for a level of 10,000 scenes). So that only what was built is moved, the
    young generations are collected first (they are small: a fraction of a millisecond);
    moving other code's young garbage along would keep it until the next full collection.
    Skipped when something else has frozen objects, so that their freeze is not undone.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    promote = was_enabled and gc.get_freeze_count() == 0
    if promote:
        gc.collect(1)
    try:
        yield
    finally:
        if was_enabled:
            if promote and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def find_mark(marks: Marks, path: tuple) -> tuple[int, int]:
    """Return the mark of ``path``, or of its nearest marked parent, or (1, 1)."""
    for end in range(len(path), -1, -1):
        pos = marks.get(tuple(path[:end]))
        if pos is not None:
            return pos
    return (1, 1)


def _resolve_plain(value: str) -> object:
    """Turn an untagged plain scalar into int/float/bool/None/str like SafeLoader."""
    # Short values repeat a lot (true, 0, 1.5...); long ones are not worth keeping.
    if len(value) <= 64:
        return _resolve_cached(value)
    # Past 64 characters only a number or a date can be more than text (true, null... are
    # short), so long prose skips the resolver's regular expressions.
    return _resolve_uncached(value) if value[0] in _NUMBER_STARTS else value


def _resolve_uncached(value: str) -> object:
    tag = _RESOLVER.resolve(ScalarNode, value, (True, False))
    construct = _CONSTRUCTORS.get(tag)
    if construct is None:  # str, and timestamps/merge/etc. which we keep as text
        return value
    try:
        return construct(_CONSTRUCTOR, ScalarNode(tag, value))
    except (ValueError, KeyError, TypeError, OverflowError):
        return value  # e.g. an int with too many digits


_resolve_cached = functools.lru_cache(maxsize=4096)(_resolve_uncached)


def _pos(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _fast_read(text: str) -> tuple[bool, object]:
    """Read a clean document into plain data without marks: ``(True, data)``, or
    ``(False, None)`` when it has an anchor, alias, tag, duplicate key, mapping or list used
    as a key, a second document or nesting near the limit (the careful reader, `_loop`, then
    reads it again and reports what is wrong). YAML errors are raised as they come.

    Why it is built this way: a level of 10,000 scenes is half a million parser events, and
    most of the time went into libyaml's binding making a Python event object (a class
    with an ``__init__``) for each, then into our loop reading its attributes back. Here the
    binding's event classes (the names ``ScalarEvent``... in ``yaml._yaml``, which it looks
    up each time it makes an event) are swapped, for the length of this one read, for our
    functions, which it calls with the same arguments: each event is placed straight into
    the data, and no event object is made. The real classes are put back in ``finally``.
    `read_yaml` holds a lock, so two reads never overlap; nothing else in the game uses
    libyaml's binding (another thread using it during the read would get our functions).
    """
    maybe_typed, resolve, nokey, max_depth = _MAYBE_TYPED, _resolve_plain, _NOKEY, MAX_DEPTH
    stack: list = []  # (container, is_map) of each enclosing mapping or list
    holder: list = []  # receives the document's value
    typed: dict = {}  # plain scalars that may be more than text -> their value
    keys: dict = {}  # each key seen, so equal keys share one string
    cont: Any = holder   # the open container: a dict or a list
    is_map, key, documents = False, nokey, 0

    # Each returns True to go on, or False for something only the careful reader handles.
    def scalar(anchor, tag, implicit, value, start_mark, end_mark, style):
        nonlocal key
        if tag is not None or anchor is not None:
            return False
        if is_map:
            if key is nokey:  # a key: kept as written, never resolved
                if value in cont:
                    return False
                key = keys.setdefault(value, value)  # one string for all equal keys
                return True
            if (not value or value[0] in maybe_typed) and implicit[0]:
                value = typed[value] if value in typed else resolved(value)
            cont[key] = value
            key = nokey
        else:
            if (not value or value[0] in maybe_typed) and implicit[0]:
                value = typed[value] if value in typed else resolved(value)
            cont.append(value)
        return True

    def resolved(value):
        typed[value] = found = resolve(value)
        return found

    def open_(new, new_is_map, anchor, tag):
        nonlocal cont, is_map, key
        if tag is not None or anchor is not None or len(stack) >= max_depth:
            return False
        if is_map:
            if key is nokey:  # a mapping or list used as a key
                return False
            cont[key] = new
        else:
            cont.append(new)
        stack.append((cont, is_map))
        cont, is_map, key = new, new_is_map, nokey
        return True

    def mapping(anchor, tag, implicit, start_mark, end_mark, flow_style):
        return open_({}, True, anchor, tag)

    def sequence(anchor, tag, implicit, start_mark, end_mark, flow_style):
        return open_([], False, anchor, tag)

    def end(start_mark, end_mark):
        nonlocal cont, is_map, key
        cont, is_map = stack.pop()
        key = nokey
        return True

    def document(*args):
        nonlocal documents
        documents += 1
        return documents == 1

    if _cyaml is None:
        return False, None
    hooks = {"ScalarEvent": scalar, "MappingStartEvent": mapping,
             "SequenceStartEvent": sequence, "MappingEndEvent": end, "SequenceEndEvent": end,
             "DocumentStartEvent": document, "AliasEvent": lambda *args: False,
             "StreamStartEvent": lambda *args: True, "StreamEndEvent": lambda *args: True,
             "DocumentEndEvent": lambda *args: True}
    saved = {name: getattr(_cyaml, name) for name in hooks}
    parser = None
    try:
        for name, hook in hooks.items():
            setattr(_cyaml, name, hook)
        parser = _cyaml.CParser(text)
        next_event = parser.get_event
        ev = True
        while ev is True:
            ev = next_event()
    except (TypeError, AttributeError):  # a binding that works differently: the careful way
        return False, None
    finally:
        for name, original in saved.items():
            setattr(_cyaml, name, original)
        if parser is not None:
            parser.dispose()
    if ev is not None:  # False: not plain; anything else: the binding made its own events
        return False, None
    return True, (holder[0] if holder else None)


class _EventReader:
    """Builds plain data from parser events with an explicit stack."""

    def __init__(self, path: str, keep_marks: bool = True):
        self.path = path
        self.keep_marks = keep_marks
        self.unmarked_problem = False  # a duplicate key seen while not keeping marks
        self.run_together: set[tuple] = set()  # list items that took in the next one
        self.diagnostics: list[Diagnostic] = []
        self.marks: Marks = {(): (1, 1)} if keep_marks else {}
        self.anchors: dict[str, tuple[object, int]] = {}
        self.root: object = None
        self.expanded = 0  # extra nodes materialised through aliases
        self.aliases = 0
        self.documents = 0

    def read(self, text: str) -> object:
        """Return the document's data, or _FAILED after a fatal diagnostic."""
        try:
            if not self.keep_marks:
                done, data = _fast_read(text)
                if done:
                    return data
            loader = _LOADER(text)
            try:
                self._loop(loader.get_event)
            finally:
                loader.dispose()
        except _Stop:
            return _FAILED
        except yaml.MarkedYAMLError as exc:
            if _LIBYAML_TOO_DEEP in str(exc.problem):  # libyaml's own limit (1000 levels)
                self._report("E006", exc.problem_mark or exc.context_mark, *_TOO_DEEP)
                return _FAILED
            self.diagnostics.append(_syntax_error(exc, text, self.path))
            return _FAILED
        except (yaml.YAMLError, UnicodeError) as exc:
            self.diagnostics.append(_bad_character(exc, text, self.path))
            return _FAILED
        return self.root

    def _loop(self, next_event) -> None:
        """The hot loop: one pass over all events.  Rare cases go to methods.

        Kept flat and with local names on purpose: it runs once per event.
        """
        marks, maybe_typed, resolve = self.marks, _MAYBE_TYPED, _resolve_plain
        MAPPING, SEQUENCE, NOKEY, DISCARD = _MAPPING, _SEQUENCE, _NOKEY, _DISCARD
        Scalar, MapStart, SeqStart = ScalarEvent, MappingStartEvent, SequenceStartEvent
        MapEnd, SeqEnd, Alias = MappingEndEvent, SequenceEndEvent, AliasEvent
        # a frame is a list, not an object, for speed: its layout is _KIND, _CONT, _PATH, ...
        stack: list[list[Any]] = [
            [_ROOT, None, () if self.keep_marks else None, NOKEY, None, 0, False]]
        top = stack[-1]
        n = 0  # nodes read from the text (aliases not included)
        while True:
            ev = next_event()
            if ev is None:
                return
            cls = ev.__class__
            if cls is Scalar:
                n += 1
                if ev.tag is not None or ev.anchor is not None:
                    self._special_scalar(ev, top)
                    continue
                m = ev.start_mark
                kind = top[0]  # frame layout: see _KIND, _CONT, _PATH, _KEY ...
                if kind == MAPPING:
                    key = top[3]
                    if key is NOKEY:  # this scalar is a key
                        key = ev.value
                        if key in top[1]:
                            self._set_key(top, key, m)   # a duplicate key
                        else:
                            top[3] = key
                            if top[2] is not None:
                                marks[top[2] + (key, KEY_MARK)] = (m.line + 1, m.column + 1)
                        continue
                    top[3] = NOKEY
                    if key is DISCARD:
                        continue
                value = ev.value
                if ev.implicit[0] and (not value or value[0] in maybe_typed):
                    value = resolve(value)
                if kind == MAPPING:
                    top[1][key] = value
                    if top[2] is not None:
                        marks[top[2] + (key,)] = (m.line + 1, m.column + 1)
                elif kind == SEQUENCE:
                    seq = top[1]
                    if top[2] is not None:
                        marks[top[2] + (len(seq),)] = (m.line + 1, m.column + 1)
                    seq.append(value)
                else:
                    self.root = value
            elif cls is MapStart or cls is SeqStart:
                n += 1
                if len(stack) > MAX_DEPTH:
                    self._too_deep(ev)
                top = self._open(ev, top, cls is MapStart, n)
                stack.append(top)
            elif cls is MapEnd or cls is SeqEnd:
                frame = stack.pop()
                top = stack[-1]
                if frame[4] is not None or frame[6]:
                    self._close(frame, top, n)
            elif cls is Alias:
                self._alias(ev, top, n)
            elif cls is DocumentStartEvent:
                self._document(ev)

    # -- placing values -------------------------------------------------

    def _place(self, parent: list, value: object, mark) -> tuple | None:
        """Put ``value`` into the parent frame; return its path (None = unmarked)."""
        kind, path = parent[_KIND], parent[_PATH]
        if kind == _MAPPING:
            key = parent[_KEY]
            parent[_KEY] = _NOKEY
            if key is _DISCARD:
                return None
            parent[_CONT][key] = value
            child = None if path is None else path + (key,)
        elif kind == _SEQUENCE:
            seq = parent[_CONT]
            child = None if path is None else path + (len(seq),)
            seq.append(value)
        else:
            self.root = value
            return path
        if child is not None:
            self.marks[child] = _pos(mark)
        return child

    def _set_key(self, frame: list, key: str, mark) -> None:
        """Record ``key`` as the pending key of a mapping frame."""
        path = frame[_PATH]
        if key in frame[_CONT]:
            frame[_KEY] = _DISCARD
            if path is not None:
                self._duplicate(key, path, mark)
            else:
                self.unmarked_problem = True
            return
        frame[_KEY] = key
        if path is not None:
            self.marks[path + (key, KEY_MARK)] = _pos(mark)

    def _duplicate(self, key: str, path: tuple, mark) -> None:
        first = self.marks.get(path + (key, KEY_MARK), (0, 0))[0]
        if path in self.run_together:
            return  # said once already: the next item lost its `- `
        if path and isinstance(path[-1], int):
            self.run_together.add(path)
            noun = "choice" if len(path) > 1 and path[-2] == "choices" else "item"
            self._report(
                "E003", mark,
                f"the key `{_show(key)}` appears twice in one {noun} (first on line {first}): "
                f"a {noun} that starts on this line or just above probably lost its `- `, so "
                f"it runs into the one above",
                f"start this {noun} with `- `, in the same column as the `- ` of the {noun} "
                "above it",
            )
            return
        self._report(
            "E003", mark,
            f"the key `{_show(key)}` appears twice here; it was already used on line {first}",
            "remove one of them, or give one a different name",
        )

    def _open(self, ev, parent: list, is_map: bool, n: int) -> list:
        """Start a mapping or sequence; return its new stack frame."""
        if ev.tag is not None:
            self._check_collection_tag(ev, is_map)
        container: object = {} if is_map else []
        is_key = parent[_KIND] == _MAPPING and parent[_KEY] is _NOKEY
        if is_key:
            self._complex_key(ev.start_mark)
            path = None
        else:
            path = self._place(parent, container, ev.start_mark)
        start = n - 1 + self.expanded if ev.anchor is not None else 0
        kind = _MAPPING if is_map else _SEQUENCE
        return [kind, container, path, _NOKEY, ev.anchor, start, is_key]

    def _close(self, frame: list, parent: list, n: int) -> None:
        """Finish an anchored collection, or one that was (wrongly) used as a key."""
        if frame[_IS_KEY]:
            parent[_KEY] = _DISCARD
        if frame[_ANCHOR] is not None:
            weight = n + self.expanded - frame[_START]
            self.anchors[frame[_ANCHOR]] = (frame[_CONT], weight)

    def _complex_key(self, mark) -> None:
        self._report(
            "E004", mark,
            "a list or mapping cannot be used as a key",
            "keys must be simple words, like `title:`",
        )

    # -- rare cases: tags, anchors, aliases, documents ------------------

    def _special_scalar(self, ev, top: list) -> None:
        """Handle a scalar that has a tag and/or an anchor."""
        is_key = top[_KIND] == _MAPPING and top[_KEY] is _NOKEY
        if ev.tag is not None:
            value = self._tagged_scalar(ev)
        elif ev.implicit[0] and not is_key:
            value = _resolve_plain(ev.value)
        else:
            value = ev.value
        if is_key:
            self._set_key(top, ev.value, ev.start_mark)
        else:
            self._place(top, value, ev.start_mark)
        if ev.anchor is not None:
            self.anchors[ev.anchor] = (ev.value if is_key else value, 1)

    def _tagged_scalar(self, ev) -> object:
        """Value of an explicitly tagged scalar; report tags that are not allowed."""
        tag, value = ev.tag, ev.value
        if tag in ("!", _STR):
            return value
        construct = _CONSTRUCTORS.get(tag)
        if construct is None:
            if tag in (_MAP, _SEQ):
                self._tag_mismatch(ev, value)
            else:
                self._bad_tag(ev)
            return value
        try:
            return construct(_CONSTRUCTOR, ScalarNode(tag, value))
        except (ValueError, KeyError, TypeError, OverflowError):
            self._tag_mismatch(ev, value)
            return value

    def _check_collection_tag(self, ev, is_map: bool) -> None:
        tag = ev.tag
        if tag == "!" or tag == (_MAP if is_map else _SEQ):
            return
        if tag in (_MAP, _SEQ, _STR) or tag in _CONSTRUCTORS:
            self._tag_mismatch(ev, "a mapping" if is_map else "a list")
        else:
            self._bad_tag(ev)

    def _bad_tag(self, ev) -> None:
        self._report(
            "E002", ev.start_mark,
            f"tags are not allowed (found `{_short_tag(ev.tag)}`)",
            "remove the `!...` part; level files only contain plain text, numbers, lists and mappings",
        )

    def _tag_mismatch(self, ev, value: object) -> None:
        shown = _show(value) if isinstance(value, str) else "this value"
        self._report(
            "E009", ev.start_mark,
            f"`{shown}` does not match its tag `{_short_tag(ev.tag)}`",
            "remove the `!!...` tag and write the value plainly",
        )

    def _alias(self, ev, top: list, n: int) -> None:
        """Insert the value an alias ``*name`` refers to (shared, not copied)."""
        entry = self.anchors.get(ev.anchor)
        if entry is None:
            self._report(
                "E010", ev.start_mark,
                f"`*{ev.anchor}` refers to an anchor `&{ev.anchor}` that was not defined before it",
                "define `&name` earlier in the file (and not inside the part that uses it)",
            )
            entry = (None, 1)
        value, weight = entry
        self.expanded += weight
        self.aliases += 1
        total = n + self.expanded
        limit = MAX_ALIAS_RATIO * (n + self.aliases)
        if total > MAX_NODES or (total > ALIAS_RATIO_FLOOR and total > limit):
            self._fatal(
                "E005", ev.start_mark,
                "too many aliases (a 'billion laughs' document?)",
                "use fewer `*name` references; this file would grow far too large",
            )
        if top[_KIND] == _MAPPING and top[_KEY] is _NOKEY:
            if isinstance(value, (dict, list)):
                self._complex_key(ev.start_mark)
                top[_KEY] = _DISCARD
            else:
                self._set_key(top, "" if value is None else str(value), ev.start_mark)
        else:
            self._place(top, value, ev.start_mark)

    def _too_deep(self, ev) -> None:
        self._fatal("E006", ev.start_mark, *_TOO_DEEP)

    def _document(self, ev) -> None:
        self.documents += 1
        if self.documents > 1:
            self._fatal(
                "E008", ev.start_mark,
                "this file contains more than one YAML document",
                "a level must be one document: remove the extra `---` line or split the file",
            )

    def _report(self, code: str, mark, message: str, hint: str = "") -> None:
        line, column = _pos(mark) if mark is not None else (1, 1)
        self.diagnostics.append(error(code, self.path, line, column, message, hint))

    def _fatal(self, code: str, mark, message: str, hint: str = "") -> None:
        self._report(code, mark, message, hint)
        raise _Stop


def _short_tag(tag: str) -> str:
    """Show a tag the way it was probably written (``!!int``), shortened."""
    return _show("!!" + tag[len(_Y):] if tag.startswith(_Y) else tag)


def _show(text: str, limit: int = 60) -> str:
    """Shorten text from the file so messages stay readable."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- syntax errors --------------------------------------------------------

_ALONE_LIMIT = 2000  # characters: longer lines are not read again for a hint
_DEFAULT_HINT = "check the indentation and that text with a colon is in quotes"
_TAB_HINT = "use spaces, not tabs, to indent lines"
_HINTS = (
    ("mapping values are not allowed", _DEFAULT_HINT),
    ("could not find expected ':'",
     "each line of a mapping needs `key: value`; check the indentation and the colons"),
    ("expected <block end>",
     "check the indentation: lines at the same level must start in the same column"),
    ("did not find expected key",
     "check the indentation: lines at the same level must start in the same column"),
    ("did not find expected '-' indicator",
     "every item of a list must start with `- ` at the same indentation"),
    ("unknown escape",
     "inside \"double quotes\" a backslash starts a code; use 'single quotes' or write \\\\"),
    ("invalid Unicode character escape",
     "codes from `\\ud800` to `\\udfff` are half characters, not characters: type the "
     "character itself, or write its full code, like `\\U0001F600`"),
    ("did not find expected ',' or ']'", "a [list] is not closed properly: check brackets and commas"),
    ("did not find expected ',' or '}'", "a {mapping} is not closed properly: check braces and commas"),
    ("expected <document start>",
     "there is extra text after the end: check for a stray bracket or a badly indented line"),
    ("undefined tag handle", "remove the `!` tag; tags are not allowed in level files"),
    ("alphabetic or numeric character",
     "`&` and `*` are special at the start of a value; put the text in quotes"),
    ("cannot start any token",
     "some characters (like @ or `) cannot start a value; put the text in quotes"),
)
_UNCLOSED = (
    ("quoted scalar", "this quoted text is never closed", "add the missing closing quote"),
    ("flow sequence", "this [list] is never closed", "add the missing `]`"),
    ("flow mapping", "this {mapping} is never closed", "add the missing `}`"),
)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> Diagnostic:
    """Turn a YAML syntax error into a plain-English E001 diagnostic."""
    problem = exc.problem or "something is wrong here"
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    message = f"could not read this line as YAML: {problem}"
    hint = next((h for key, h in _HINTS if key in problem), _DEFAULT_HINT)
    if exc.context_mark is not None and ("end of stream" in problem or _at_end(text, mark)):
        for key, msg, fix in _UNCLOSED:
            if key in context:
                mark, message, hint = exc.context_mark, msg, fix
                break
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    mistake = _named_mistake(text, line)
    colon = colon_inside(_line_text(text, line), column) \
        if problem.startswith("mapping values are not allowed") else None
    if colon is not None and (mistake is None or mistake[0] > (line, column)):
        message, hint = colon   # a quote after the colon is the colon's doing
    elif mistake is not None:
        (line, column), message, hint = mistake
    elif _has_tab(text, line) or (exc.context_mark and _has_tab(text, exc.context_mark.line + 1)):
        hint = _TAB_HINT
    elif "escape" not in problem:  # a bad escape is always on the line that has it
        above = _line_above(text, line)
        if above and _reads_alone(_line_text(text, line)):
            hint = (f"this line looks right, so the mistake is probably on line {above} above "
                    "it: a missing `:` or `- `, or a line indented differently")
    return error("E001", path, line, column, message, hint)


def _named_mistake(text: str, line: int) -> tuple[tuple[int, int], str, str] | None:
    """A quoting mistake of prose (`yamlhints`) on the line the reader gave up on, or on
    the line above it: its place, message and hint."""
    for number in (line, line - 1):
        if number < 1:
            continue
        here = _line_text(text, number)
        found = named(here) if len(here) <= _ALONE_LIMIT else None
        if found is not None:
            column, message, hint = found
            return (number, column), message, hint
    return None


def _line_text(text: str, line: int) -> str:
    """1-based ``line`` of ``text`` without its newline ("" past the end)."""
    start = _line_start(text, line)
    if start < 0:
        return ""
    end = text.find("\n", start)
    return text[start: end if end != -1 else len(text)]


def _line_above(text: str, line: int) -> int | None:
    """The 1-based number of the last line before ``line`` with something on it."""
    end = _line_start(text, line)
    end = len(text) if end < 0 else end - 1  # the newline that ends the line above
    number = line - 1
    while number > 0:
        start = text.rfind("\n", 0, end) + 1
        stripped = text[start:end].strip()
        if stripped and not stripped.startswith("#"):
            return number
        number, end = number - 1, start - 1
    return None


def _reads_alone(line: str) -> bool:
    """Whether one line, on its own, is a plain `key: value` or `- item` (so a syntax error
    reported on it comes from the lines before). Read by this module's own reader (depth
    guard, plain data only); a line too long to be worth guessing about is not tried."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#") or len(stripped) > _ALONE_LIMIT:
        return False
    reader = _EventReader("", keep_marks=False)
    value = reader.read(stripped)
    return not reader.diagnostics and isinstance(value, (dict, list))


def _line_start(text: str, line: int) -> int:
    """Index where 1-based ``line`` starts in ``text``, or -1 past the end."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return -1
    return start


def _has_tab(text: str, line: int) -> bool:
    """True if 1-based ``line`` of ``text`` contains a tab character."""
    return "\t" in _line_text(text, line)


def _at_end(text: str, mark) -> bool:
    """True if only whitespace follows the 0-based ``mark`` in ``text``."""
    if mark is None:
        return False
    start = _line_start(text, mark.line + 1)
    return start < 0 or not text[start + mark.column :].strip()


def _bad_character(exc: Exception, text: str, path: str) -> Diagnostic:
    """E001 for characters YAML refuses (control characters, broken unicode)."""
    index = exc.start if isinstance(exc, UnicodeError) and hasattr(exc, "start") else None
    if index is None:
        found = Reader.NON_PRINTABLE.search(text)
        index = found.start() if found else None
    if index is None or index >= len(text):
        return error("E001", path, 1, 1, f"could not read this file as YAML: {exc}")
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    code = ord(text[index])
    return error(
        "E001", path, line, column,
        f"this line contains a hidden or broken character (code {code:#06x}) that is not allowed",
        "delete it or retype the line; it may have come from copy and paste",
    )
