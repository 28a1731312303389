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
    defs["Choice"]["anyOf"] = [
        {"required": ["goto"]},
        {"required": ["finish"], "properties": {"finish": {"const": True}}},
    ]
    head = {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, "title": "Sincerity level",
            "description": "A level file of the game Sincerity (format "
                           f"{', '.join(map(str, FORMAT_VERSIONS))}). See docs/AUTHORING.md."}
    body.pop("title", None)
    body.pop("description", None)
    return head | body


def schema_text() -> str:
    """The schema as the JSON text committed in docs/level.schema.json."""
    return json.dumps(level_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m game.content.schema
    print(schema_text(), end="")
