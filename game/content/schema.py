"""The JSON Schema of the level format, for editors (completion, hover help, red squiggles).

It is generated from the level model, so it never drifts from what the loader accepts; a few
rules the model checks in code are added here in JSON Schema terms (the format versions, the
picture and icon names, one key per condition and effect, a way out of every choice).
The committed copy is docs/level.schema.json: `python -m game schema > docs/level.schema.json`.
"""
from __future__ import annotations

import json

from ..core.model import FORMAT_VERSIONS, WATCHER_ICONS, Level
from .pictures import known_names
from .storyform import BASES, CHOICE_KEYS

#: A text that ends with ` -> ` and the id of a scene or an ending (or `finish`).
ARROW = r"\s->\s*\S+\s*$"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:sincerity:level-format:1"


def level_schema() -> dict:
    """The level format as a JSON Schema (a plain dict), keys as written in level files."""
    body = Level.model_json_schema(by_alias=True)
    defs = body.get("$defs", {})
    body["properties"]["format"]["enum"] = list(FORMAT_VERSIONS)
    for kind in ("Scene", "Ending"):
        art = defs[kind]["properties"]["art"]
        art["anyOf"] = [{"enum": list(known_names())}, {"type": "string", "pattern": r"\.svg$"}]
    defs["Watcher"]["properties"]["icon"]["enum"] = list(WATCHER_ICONS)
    for kind in ("Condition", "Effect"):
        defs[kind].update(minProperties=1, maxProperties=1)
    _story_first(defs)
    head = {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, "title": "Sincerity level",
            "description": "A level file of the game Sincerity (format "
                           f"{', '.join(map(str, FORMAT_VERSIONS))}). See docs/AUTHORING.md."}
    body.pop("title", None)
    body.pop("description", None)
    return head | body


def _story_first(defs: dict) -> None:
    """The story-first forms (`storyform.py`): a choice on one line, its id left out or
    written first (`wait: Wait for the light -> station`), ` -> scene` ending its text, and
    the basis as the key of the sources (`reported: [a, b]`)."""
    choice = defs["Choice"]
    choice["required"] = ["text"]
    choice["anyOf"] = [
        {"required": ["goto"]},
        {"required": ["finish"], "properties": {"finish": {"const": True}}},
        {"properties": {"text": {"pattern": ARROW}}},
    ]
    fields = "|".join(CHOICE_KEYS)
    id_first = {k: v for k, v in choice["properties"].items() if k not in ("id", "text")}
    defs["ChoiceWithIdFirst"] = {
        "description": "A choice whose first key is its id and the key's value its text: "
                       "`- wait: Wait for the green light -> station`.",
        "type": "object", "properties": id_first, "minProperties": 1,
        "patternProperties": {f"^(?!({fields})$)[a-z0-9_]+$": {
            "type": "string", "description": "The choice's id: its text."}},
        "additionalProperties": False,
    }
    defs["Scene"]["properties"]["choices"]["items"] = {"anyOf": [
        {"type": "string", "pattern": ARROW,
         "description": "A choice on one line: `Text -> scene` (or `-> finish`)."},
        {"$ref": "#/$defs/Choice"},
        {"$ref": "#/$defs/ChoiceWithIdFirst"},
    ]}
    for kind in ("Scene", "Ending"):
        props = defs[kind]["properties"]
        for basis in BASES:
            props[basis] = {"type": "array", "items": {"type": "string"},
                            "description": f"`basis: {basis}` with these `sources`."}
        defs[kind]["required"] = [k for k in defs[kind].get("required", []) if k != "basis"]
        defs[kind]["not"] = {"anyOf": [
            {"required": [one, other]} for i, one in enumerate(("basis",) + BASES)
            for other in (("basis",) + BASES)[i + 1:]]}
    defs["Scene"]["anyOf"] = [{"required": [b]} for b in ("basis",) + BASES]


def schema_text() -> str:
    """The schema as the JSON text committed in docs/level.schema.json."""
    return json.dumps(level_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m game.content.schema
    print(schema_text(), end="")
