"""Plain-English messages for schema problems (one pydantic error -> one message and hint).

`describe` receives one pydantic error, its `loc` and the steps taken to follow that loc
through the level model (see `modelpath.walk`), and says what is wrong and how to fix it,
in words for a teenager: "`minutes` should be a whole number, not `ten`".
"""
from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from typing import NamedTuple

from pydantic import BaseModel

from .diagnostics import did_you_mean
from .modelpath import is_model
from .yamlhints import comma_inside

KEY = "__key__"

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number", "int_parsing_size": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "finite_number": "a number",
    "bool_type": "`true` or `false`", "bool_parsing": "`true` or `false`",
    "list_type": "a list",
    "dict_type": "a mapping", "model_type": "a mapping", "model_attributes_type": "a mapping",
}
_TYPE_HINTS = {
    "a whole number": "write a whole number such as 10, without quotes, dots or units",
    "a number": "write a number such as 0.5, without quotes",
    "`true` or `false`": "write `true` or `false`",
    "a list": "write one item per line, each starting with `- `, or all on one line "
              "in brackets: `[a, b]`",
}
_RANGE = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"),
          "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}

#: What authors call each kind of mapping.
NOUNS = {
    "Level": "level", "Scene": "scene", "Choice": "choice", "Ending": "ending",
    "Condition": "condition", "Effect": "effect", "CounterTest": "counter test",
    "RelationshipTest": "relationship test", "CountChange": "counter change",
    "ContactChange": "contact change", "Rating": "rating", "Appeal": "appeal",
    "Branch": "`if` effect", "Tier": "tier", "ScoreRules": "score rule set",
    "Service": "service", "Sensor": "sensor", "Watcher": "watcher", "Behaviour": "behaviour",
    "Rule": "rule", "Ruleset": "ruleset", "Contact": "contact", "Network": "network setting",
    "Blacklist": "blacklist", "Persona": "persona", "Preset": "preset", "Source": "source",
    "BaselinePair": "baseline pair", "BaselineMark": "baseline mark", "Debrief": "debrief",
    "Memory": "remembered line",
}


class Found(NamedTuple):
    """A schema problem in words: `at` is the path whose line:column it points at."""
    rank: int  # lower is more useful, when several problems share a place
    code: str
    at: tuple
    message: str
    hint: str


def describe(err: Mapping, loc: tuple, steps: list, marks: dict, lines: list[str]) -> Found:
    """Say what one pydantic error means, and how to fix it."""
    kind = err["type"]
    if kind == "extra_forbidden":
        return _comma_inside(loc, err.get("input"), marks, lines) or \
            _unknown_key(loc, steps, err.get("input"))
    if kind == "missing":
        return _missing(loc, steps)
    if kind in _EXPECTED:
        if err.get("input") is None:
            return _empty(loc, steps, _EXPECTED[kind])
        return _wrong_kind(loc, steps, _EXPECTED[kind], err.get("input"), marks, lines)
    if kind == "literal_error":
        return _not_allowed(loc, steps, err.get("input"))
    if kind in _RANGE:
        return _out_of_range(loc, steps, kind, err, marks, lines)
    if kind == "too_short":
        return _too_short(loc, steps)
    if kind == "value_error":
        return _rule_broken(loc, steps, err)
    return Found(5, "E199", loc, f"{_label(loc, steps)} is not valid here",
                 "check what this key takes in docs/AUTHORING.md")


# ---------------------------------------------------------------- one function per kind

def _unknown_key(loc: tuple, steps: list, value: object = None) -> Found:
    key, owner = loc[-1], steps[-1].owner
    keys = allowed_keys(owner) if is_model(owner) else []
    longer = [k for k in keys if isinstance(key, str) and k.startswith(f"{key}_")]
    hint = (_misplaced_scene(key, owner, value)
            or (f"did you mean {quoted_list(longer, 'or')}?" if len(longer) > 1 else "")
            or did_you_mean(key, keys)
            or (f"{_a(owner)} can have {quoted_list(keys)}" if keys else
                "remove it, or check its spelling and indentation"))
    if value is None and keys and noun_of(owner) in ("scene", "ending") and "?" not in hint:
        hint += (f"; if `{key}` is a new {noun_of(owner)}, start `{key}:` in the same column "
                 f"as the other {noun_of(owner)}s")
    return Found(0, "E101", loc + (KEY,), f"unknown key `{key}`", hint)


def _comma_inside(loc: tuple, value: object, marks: dict, lines: list[str]) -> Found | None:
    """An unknown key that is the rest of a value cut at a comma, in the `{...}` short form."""
    line, column = marks.get(loc + (KEY,), (0, 0))
    if value is not None or not 1 <= line <= len(lines) or not isinstance(loc[-1], str):
        return None
    found = comma_inside(lines[line - 1], column, loc[-1])
    return Found(0, "E101", loc + (KEY,), *found) if found else None


def _misplaced_scene(key: object, owner: object, value: object) -> str:
    """A hint for a scene written in the wrong column: its key is unknown where it landed,
    and its value has `choices`."""
    if not (isinstance(value, dict) and "choices" in value):
        return ""
    if noun_of(owner) == "level":
        return (f"`{key}` looks like a scene: put it under `scenes:`, indented like the other "
                "scenes")
    return (f"`{key}` looks like a scene indented too far, so it is read as part of the "
            f"{noun_of(owner)} above it: start `{key}:` in the same column as the other scenes")


def _missing(loc: tuple, steps: list) -> Found:
    field, owner = loc[-1], steps[-1].owner
    description = _description(steps[-1])
    where = "the level" if owner is None or owner.__name__ == "Level" else f"this {noun_of(owner)}"
    hint = f"add `{field}: ...` here" + (f" ({_lower(description)})" if description else "")
    return Found(0, "E102", loc[:-1] + (KEY,), f"`{field}` is missing from {where}", hint)


def _empty(loc: tuple, steps: list, expected: str) -> Found:
    target = steps[-1].target if steps else None
    if is_model(target):
        needed = [k for k, i in target.model_fields.items() if i.is_required()]
        hint = f"under it, indented, write {_a(target)}'s keys; it needs {quoted_list(needed)}"
    else:
        description = _description(steps[-1]) if steps else ""
        hint = f"write {expected} after the colon" + (
            f" ({_lower(description)})" if description else "")
    return Found(1, "E103", loc + (KEY,), f"{_label(loc, steps)} is empty", hint)


def _wrong_kind(loc, steps, expected, value, marks, lines) -> Found:
    shown = _shown(value, marks.get(loc), lines)
    message = f"{_label(loc, steps)} should be {expected}, not {shown}"
    if expected == "text":
        hint = (_quote_hint(loc, written(value, marks.get(loc), lines))
                if not isinstance(value, (dict, list)) else
                _colon_hint(loc, value) or
                "write the text on the same line, after the colon; put text that contains "
                "`: ` or starts with `-`, `[` or `{` in quotes")
    elif expected == "a mapping":
        target = steps[-1].target if steps else None
        keys = allowed_keys(target) if is_model(target) else []
        hint = "write `key: value` lines, indented under it" + (
            f"; it can have {quoted_list(keys)}" if keys else "")
        hint = _listed_hint(loc, value) or hint
        if noun_of(target) == "condition" and isinstance(value, str):
            hint = _condition_hint(value) or (
                "a condition is written `{key: value}`, like `{score_at_least: 900}` or "
                f"`{{flag: got_loan}}`; it can have {quoted_list(keys, 'or')}")
    else:
        hint = _TYPE_HINTS[expected]
        if expected == "a number" and isinstance(value, str):
            hint = _percent_hint(value) or hint
    return Found(1, "E104", loc, message, hint)


def _listed_hint(loc: tuple, value: object) -> str:
    """`scenes:` written as a list (`- office:` ...), where ids are keys of a mapping."""
    if not (isinstance(value, list) and value and loc and isinstance(loc[-1], str)
            and all(isinstance(item, dict) and len(item) == 1 for item in value)):
        return ""
    first = next(iter(value[0]))
    return (f"`{loc[-1]}` is written as a list, with `- ` before each id: remove the `- ` and "
            f"start each id (`{first}:`) in the same column, two spaces in from `{loc[-1]}:`, "
            "with its keys indented under it")


def _colon_hint(loc: tuple, value: object) -> str:
    """Text with `: ` in it, not in quotes, reads as a one-key mapping: say how to quote it."""
    if not (isinstance(value, dict) and len(value) == 1):
        return ""
    (key, rest), = value.items()
    if not isinstance(key, str) or not isinstance(rest, (str, int, float)):
        return ""
    example = '"' + _clip(f"{key}: {rest}", 40) + '"'
    example = f"- {example}" if loc and isinstance(loc[-1], int) else f"{loc[-1]}: {example}"
    return ("this text has `: ` in it, so it reads as `key: value`: put it in quotes, like "
            f"`{example}`")


_COMPARISON = re.compile(r"^\s*(score|money)\s*(>=|=>|<=|=<|>|<)\s*(-?\d+)\s*$")


def _condition_hint(value: str) -> str:
    """`score > 900` written as a condition: say how the format writes it."""
    found = _COMPARISON.match(value)
    if not found:
        return ""
    what, op, number = found.group(1), found.group(2), int(found.group(3))
    at_least = {">=": number, "=>": number, ">": number + 1}.get(op)
    below = {"<": number, "<=": number + 1, "=<": number + 1}.get(op)
    if what == "score":
        right = (f"{{score_at_least: {at_least}}}" if at_least is not None
                 else f"{{score_below: {below}}}")
    else:
        right = (f"{{money_at_least: {at_least}}}" if at_least is not None
                 else f"{{not: {{money_at_least: {below}}}}}")
    return (f"conditions are not written with `>` or `<`: for `{value.strip()}` write "
            f"`{right}`")


def _percent_hint(value: str) -> str:
    """`80%` where a number from 0 to 1 goes."""
    text = value.strip()
    if not text.endswith("%"):
        return ""
    try:
        share = float(text[:-1]) / 100
    except ValueError:
        return ""
    return f"write a number from 0 to 1, without `%`: `{text}` is `{share:g}`"


def _quote_hint(loc: tuple, written: str) -> str:
    example = f'"{written}"'
    if loc and isinstance(loc[-1], str):
        example = f"{loc[-1]}: {example}"
    return f"put it in quotes, like `{example}`"


def _not_allowed(loc: tuple, steps: list, value: object) -> Found:
    choices = [str(c) for c in typing.get_args(steps[-1].target)] if steps else []
    hint = did_you_mean(value, choices) or f"write one of {quoted_list(choices, 'or')}"
    return Found(1, "E105", loc, f"{_label(loc, steps)} cannot be `{value}`", hint)


def _out_of_range(loc, steps, kind, err, marks, lines) -> Found:
    bound_key, words = _RANGE[kind]
    bound = err.get("ctx", {}).get(bound_key)
    shown = _shown(err.get("input"), marks.get(loc), lines)
    low, high = _bounds(steps[-1]) if steps else (None, None)
    hint = (f"write a number from {low} to {high}" if low is not None and high is not None
            else f"write a number {words} {bound}")
    value = err.get("input")
    if (low == 0 and high == 1 and isinstance(value, (int, float)) and not isinstance(value, bool)
            and 1 < value <= 100):
        hint += f" (for {value:g}%, write {value / 100:g})"
    return Found(1, "E106", loc, f"{_label(loc, steps)} must be {words} {bound}, not {shown}",
                 hint)


def _too_short(loc: tuple, steps: list) -> Found:
    target = steps[-1].target if steps else None
    args = typing.get_args(target)
    item = args[-1] if args else None
    what = f"one {noun_of(item)}" if is_model(item) else "one item"
    return Found(1, "E107", loc, f"{_label(loc, steps)} cannot be empty",
                 f"add at least {what} under `{loc[-1]}:`")


def _rule_broken(loc: tuple, steps: list, err: Mapping) -> Found:
    model = steps[-1].target if steps else None
    given = err.get("input")
    if is_model(model) and model.__name__ in ("Condition", "Effect"):
        return _one_key(loc, model, given if isinstance(given, dict) else {})
    name = getattr(model, "__name__", "")
    if name == "Choice":
        return Found(1, "E109", loc, "this choice has no way out",
                     "end its text with ` -> <scene or ending id>` (or ` -> finish` to end the "
                     "level), or add `goto: <scene or ending id>` or `finish: true`")
    text = str(err.get("msg", "")).removeprefix("Value error, ")
    where = ("the guide's section \"Remembering earlier chapters\"" if name == "Memory"
             else "what this key takes")
    return Found(2, "E199", loc, text or f"{_label(loc, steps)} is not valid here",
                 f"check {where} in docs/AUTHORING.md")


def _one_key(loc: tuple, model: type[BaseModel], given: dict) -> Found:
    noun = noun_of(model)
    keys = [k for k, v in given.items() if v is not None]
    if len(keys) > 1:
        if noun == "condition":
            hint = ("to test several things, put each in its own item under `all:` (every one "
                    "must hold) or `any:` (one is enough)")
        else:
            hint = "put each effect in its own list item, each starting with `- `"
        message = (f"{_a(model)} has exactly one key, but this one has {len(keys)}: "
                   f"{quoted_list(keys)}")
        return Found(1, "E108", loc + (keys[1], KEY), message, hint)
    blank = [k for k, v in given.items() if v is None]
    if blank:
        return Found(1, "E108", loc + (blank[0], KEY), f"`{blank[0]}` has no value",
                     f"write a value after `{blank[0]}:`")
    return Found(1, "E108", loc, f"this {noun} is empty",
                 f"write one of {quoted_list(allowed_keys(model), 'or')}")


# ---------------------------------------------------------------- words

def allowed_keys(model: type[BaseModel]) -> list[str]:
    """The keys a model accepts, as written in YAML."""
    return [info.alias or name for name, info in model.model_fields.items()]


def noun_of(model: object) -> str:
    """What authors call a model's mappings: Scene -> "scene"."""
    return NOUNS.get(getattr(model, "__name__", ""), "mapping")


def _a(model: object) -> str:
    noun = noun_of(model)
    if noun == "level":
        return "the level"
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def quoted_list(names: list, last: str = "and", limit: int = 30) -> str:
    """["a", "b", "c"] -> "`a`, `b` and `c`"."""
    shown = [f"`{n}`" for n in list(names)[:limit]]
    if len(names) > limit:
        return ", ".join(shown) + ", ..."
    if len(shown) < 2:
        return "".join(shown) or "nothing"
    return ", ".join(shown[:-1]) + f" {last} " + shown[-1]


def _label(loc: tuple, steps: list) -> str:
    """How to name the place a loc points at: "`title`", "scene `office`", "item 2 of `flags`"."""
    if not loc:
        return "the level"
    last, step = loc[-1], steps[-1]
    parent = next((p for p in reversed(loc[:-1]) if isinstance(p, str)), "")
    if step.kind == "item":
        return f"item {last + 1} of `{parent}`" if isinstance(last, int) else f"`{last}`"
    if step.kind == "entry" and is_model(step.target):
        return f"{noun_of(step.target)} `{last}`"
    return f"`{last}`"


def _description(step) -> str:
    if step.kind == "field":
        return step.owner.model_fields[step.field].description or ""
    return ""


def _bounds(step) -> tuple[object, object]:
    if step.kind != "field":
        return None, None
    low = high = None
    for rule in step.owner.model_fields[step.field].metadata:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    return low, high


def _lower(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if text[:1].isalpha() and text[1:2].islower() else text


_TOKEN = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s,\]}#][^,\]}#]*)""")


def written(value: object, mark: tuple | None, lines: list[str]) -> str:
    """The value as written in the file (`yes`, `0x1F`, `"10"`), else as Python sees it."""
    if mark is not None and 1 <= mark[0] <= len(lines):
        found = _TOKEN.match(lines[mark[0] - 1], mark[1] - 1)
        if found and found.group(0).strip():
            return _clip(found.group(0).strip())
    return _clip(str(value))


def _shown(value: object, mark: tuple | None, lines: list[str]) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"`{_clip(value)}`"
    return f"`{written(value, mark, lines)}`"


def _clip(text: str, width: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 3] + "..."
