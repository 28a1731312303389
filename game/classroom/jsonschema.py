"""A small JSON Schema checker for the subset docs/export.schema.json uses.

Supported: `type` (one or a list), `properties`, `required`, `additionalProperties` (true,
false or a schema), `items`, `enum`, `const`, `minimum`, `maximum`, `minLength`,
`maxLength`, `pattern`, `minItems`, `maxItems`, and `$ref` to `#/$defs/NAME`. Anything else
in a schema is refused (`SchemaError`), so the schema cannot quietly use a keyword this
checker would skip. Written instead of adding the `jsonschema` package for ~150 lines.

`check` first runs a compiled checker (the schema turned once into nested functions that only
say yes or no: fast on hundreds of files); only when that says no does it walk the value
again to say where and why.
"""
from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = {"type", "properties", "required", "additionalProperties", "items", "enum",
             "const", "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems",
             "maxItems", "$ref", "$defs", "$schema", "$id", "title", "description",
             "examples", "$comment"}
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
_EXACT = {"object": (dict,), "array": (list,), "string": (str,), "integer": (int,),
          "number": (int, float), "boolean": (bool,), "null": (type(None),)}
MAX_PROBLEMS = 20


class SchemaError(ValueError):
    """The schema itself uses something this checker does not know."""


def check(value, schema: dict, root: dict | None = None) -> list[str]:
    """Problems of `value` against `schema`, each as "at $.a.b: what" (empty: it fits)."""
    if root is None and _compiled(schema)(value):
        return []
    problems: list[str] = []
    _check(value, schema, root or schema, "$", problems)
    return problems[:MAX_PROBLEMS]


@lru_cache(maxsize=256)
def _pattern(text: str) -> re.Pattern:
    """A schema's pattern (ECMA-262, as JSON Schema says) in Python: there `$` is the very
    end of the text, where Python's `$` also matches before a final newline ("abc-1\\n"
    passed `^[a-z0-9-]+$`); so an unescaped `$` becomes `\\Z`."""
    return re.compile(_UNESCAPED_DOLLAR.sub(r"\\Z", text))


_UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")


def _check(value, schema: dict, root: dict, where: str, problems: list[str]) -> None:
    if len(problems) >= MAX_PROBLEMS:
        return
    unknown = set(schema) - SUPPORTED
    if unknown:
        raise SchemaError(f"unsupported schema keywords at {where}: {sorted(unknown)}")
    if "$ref" in schema:
        _check(value, _resolve(schema["$ref"], root), root, where, problems)
        return
    if not _type_ok(value, schema, where, problems):
        return
    if "const" in schema and (value != schema["const"] or
                              type(value) is not type(schema["const"])):
        problems.append(f"at {where}: should be {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"at {where}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, dict):
        _object(value, schema, root, where, problems)
    elif isinstance(value, list):
        _array(value, schema, root, where, problems)
    elif isinstance(value, str):
        _string(value, schema, where, problems)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        _number(value, schema, where, problems)


def _resolve(ref: str, root: dict) -> dict:
    if not ref.startswith("#/$defs/"):
        raise SchemaError(f"only local `#/$defs/...` references are supported, not {ref}")
    try:
        return root["$defs"][ref[len("#/$defs/"):]]
    except KeyError:
        raise SchemaError(f"no definition for {ref}") from None


def _type_ok(value, schema: dict, where: str, problems: list[str]) -> bool:
    wanted = schema.get("type")
    if wanted is None:
        return True
    names = wanted if isinstance(wanted, list) else [wanted]
    if any(_TYPES[n](value) for n in names):
        return True
    problems.append(f"at {where}: should be {' or '.join(names)}, not "
                    f"{type(value).__name__}")
    return False


def _object(value: dict, schema: dict, root: dict, where: str, problems: list[str]) -> None:
    props = schema.get("properties", {})
    for key in schema.get("required", []):
        if key not in value:
            problems.append(f"at {where}: `{key}` is missing")
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in props:
            _check(item, props[key], root, f"{where}.{key}", problems)
        elif extra is False:
            problems.append(f"at {where}: unknown key `{key}`")
        elif isinstance(extra, dict):
            _check(item, extra, root, f"{where}.{key}", problems)


def _array(value: list, schema: dict, root: dict, where: str, problems: list[str]) -> None:
    if len(value) < schema.get("minItems", 0):
        problems.append(f"at {where}: needs at least {schema['minItems']} items")
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        problems.append(f"at {where}: has more than {schema['maxItems']} items")
    items = schema.get("items")
    if items is not None:
        for i, item in enumerate(value):
            _check(item, items, root, f"{where}[{i}]", problems)


def _string(value: str, schema: dict, where: str, problems: list[str]) -> None:
    if len(value) < schema.get("minLength", 0):
        problems.append(f"at {where}: too short")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        problems.append(f"at {where}: longer than {schema['maxLength']} characters")
    if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
        problems.append(f"at {where}: {value[:40]!r} does not match {schema['pattern']}")


def _number(value, schema: dict, where: str, problems: list[str]) -> None:
    if "minimum" in schema and value < schema["minimum"]:
        problems.append(f"at {where}: below {schema['minimum']}")
    if "maximum" in schema and value > schema["maximum"]:
        problems.append(f"at {where}: above {schema['maximum']}")


# ---------------------------------------------------------------- the compiled yes/no checker

_COMPILED: dict[int, tuple[dict, object]] = {}


def _compiled(schema: dict):
    found = _COMPILED.get(id(schema))
    if found is None or found[0] is not schema:
        found = _COMPILED[id(schema)] = (schema, _compile(schema, schema, {}))
    return found[1]


def _compile(schema: dict, root: dict, refs: dict):
    unknown = set(schema) - SUPPORTED
    if unknown:
        raise SchemaError(f"unsupported schema keywords: {sorted(unknown)}")
    if "$ref" in schema:
        ref = schema["$ref"]
        if ref not in refs:
            refs[ref] = None
            refs[ref] = _compile(_resolve(ref, root), root, refs)
        return lambda v: refs[ref](v)
    tests = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        exact = frozenset(t for n in names for t in _EXACT[n])   # JSON gives exact types
        tests.append(lambda v: type(v) in exact)
    if "const" in schema:
        const = schema["const"]
        tests.append(lambda v: v == const and type(v) is type(const))
    if "enum" in schema:
        allowed = schema["enum"]
        tests.append(lambda v: v in allowed)
    tests += _compile_object(schema, root, refs) + _compile_array(schema, root, refs)
    tests += _compile_scalar(schema)
    if len(tests) == 1:
        return tests[0]

    def test(value) -> bool:
        for t in tests:
            if not t(value):
                return False
        return True
    return test


def _compile_object(schema: dict, root: dict, refs: dict) -> list:
    keys = ("properties", "required", "additionalProperties")
    if not any(k in schema for k in keys):
        return []
    props = {k: _compile(v, root, refs) for k, v in schema.get("properties", {}).items()}
    required = tuple(schema.get("required", ()))
    extra = schema.get("additionalProperties", True)
    extra_test = _compile(extra, root, refs) if isinstance(extra, dict) else None

    def test(value) -> bool:
        if not isinstance(value, dict):
            return True
        for key in required:
            if key not in value:
                return False
        for key, item in value.items():
            t = props.get(key)
            if t is not None:
                if not t(item):
                    return False
            elif extra is False or (extra_test is not None and not extra_test(item)):
                return False
        return True
    return [test]


def _compile_array(schema: dict, root: dict, refs: dict) -> list:
    if not any(k in schema for k in ("items", "minItems", "maxItems")):
        return []
    items = _compile(schema["items"], root, refs) if "items" in schema else None
    lo, hi = schema.get("minItems", 0), schema.get("maxItems")

    def test(value) -> bool:
        if not isinstance(value, list):
            return True
        if len(value) < lo or (hi is not None and len(value) > hi):
            return False
        return items is None or all(items(v) for v in value)
    return [test]


def _compile_scalar(schema: dict) -> list:
    tests = []
    if any(k in schema for k in ("minLength", "maxLength", "pattern")):
        lo, hi = schema.get("minLength", 0), schema.get("maxLength")
        pattern = _pattern(schema["pattern"]) if "pattern" in schema else None
        tests.append(lambda v: not isinstance(v, str) or (
            len(v) >= lo and (hi is None or len(v) <= hi) and
            (pattern is None or pattern.search(v) is not None)))
    if "minimum" in schema or "maximum" in schema:
        lo, hi = schema.get("minimum"), schema.get("maximum")
        tests.append(lambda v: isinstance(v, bool) or not isinstance(v, (int, float)) or (
            (lo is None or v >= lo) and (hi is None or v <= hi)))
    return tests
