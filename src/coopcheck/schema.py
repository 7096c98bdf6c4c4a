"""The JSON Schema of the partnership format (draft 2020-12), generated from the models."""

from __future__ import annotations

import json
from typing import Any

from coopcheck.models import Partnership

SCHEMA_ID = "https://coopcheck.dev/schema/partnership-1.json"


def partnership_schema() -> dict[str, Any]:
    schema = Partnership.model_json_schema(by_alias=True)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "description": (schema.get("description") or "").strip(),
    }
    for definition in schema.get("$defs", {}).values():
        definition.setdefault("description", definition.get("title", ""))
    return schema


def schema_text() -> str:
    return json.dumps(partnership_schema(), indent=2, ensure_ascii=False) + "\n"
