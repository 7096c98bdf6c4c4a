"""The JSON Schemas of the input format (draft 2020-12), generated from the models.

`coopcheck schema` prints the partnership file's schema; `coopcheck schema --log` the schema of a
separate YAML activity log (a list of activities, or `activities:` with that list). Both ship at
the repository root, so the `# yaml-language-server: $schema=...` modeline of every example works.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from coopcheck.models import Activity, ActivityLog, Partnership

DRAFT = "https://json-schema.org/draft/2020-12/schema"
PARTNERSHIP_SCHEMA_ID = "https://coopcheck.dev/schema/partnership-1.json"
LOG_SCHEMA_ID = "https://coopcheck.dev/schema/log-1.json"
PARTNERSHIP_SCHEMA_FILE = "coopcheck.schema.json"
LOG_SCHEMA_FILE = "coopcheck-log.schema.json"


def _finish(schema: dict[str, Any], schema_id: str, title: str, description: str) -> dict[str, Any]:
    schema = {"$schema": DRAFT, "$id": schema_id, **schema, "title": title, "description": description}
    for definition in schema.get("$defs", {}).values():
        definition.setdefault("description", definition.get("title", ""))
    return schema


def _survey_keys(schema: dict[str, Any]) -> dict[str, Any]:
    """The survey ratings' keys from the factor registry, so editors complete and check them."""
    from coopcheck.factors import FACTORS

    ratings = schema.get("$defs", {}).get("SurveyRatings")
    if ratings is not None:
        rating = ratings.pop("additionalProperties", {"type": "integer", "minimum": 1, "maximum": 5})
        ratings["properties"] = {factor.ID: {**rating, "description": factor.SURVEY} for factor in FACTORS}
        ratings["additionalProperties"] = False
    return schema


def partnership_schema() -> dict[str, Any]:
    return _finish(
        _survey_keys(Partnership.model_json_schema(by_alias=True)),
        PARTNERSHIP_SCHEMA_ID,
        "coopcheck partnership file",
        "A partnership file: the partners, what they agreed, and what happened between them.",
    )


def log_schema() -> dict[str, Any]:
    adapter: TypeAdapter[list[Activity] | ActivityLog] = TypeAdapter(list[Activity] | ActivityLog)
    return _finish(
        adapter.json_schema(by_alias=True),
        LOG_SCHEMA_ID,
        "coopcheck activity log",
        "A separate activity log named under `logs:`: a list of activities, or `activities:` with that list.",
    )


def schema_text(log: bool = False) -> str:
    return json.dumps(log_schema() if log else partnership_schema(), indent=2, ensure_ascii=False) + "\n"
