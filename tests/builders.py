"""Build `LoadedPartnership` objects from plain dicts, so engine tests need no files.

`partnership(activities=[...], **definition_overrides)` validates everything through the real
models (so a test cannot build what a user could not write), sorts the activities oldest first
as the loader does, and gives activity i the origin `test.yaml:<100 + i>`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from coopcheck.models import Activity, LoadedPartnership, Origin, Partnership

FILE = "test.yaml"
A, B = "northwind", "contoso"


def definition(**overrides: Any) -> dict[str, Any]:
    """A complete, valid definition of a joint go-to-market between A and B; override any key."""
    base: dict[str, Any] = {
        "coopcheck": 1,
        "id": "northwind-contoso",
        "name": "Northwind x Contoso",
        "kind": "joint_market",
        "started": "2026-01-01",
        "currency": "EUR",
        "review_every_days": 30,
        "partners": {
            A: {"name": "Northwind", "sponsor": "Anna Weber", "contacts": ["Jonas Keller"], "hourly_rate": 100},
            B: {"name": "Contoso", "sponsor": "Peter Lang", "contacts": ["Lea Vogt"], "hourly_rate": 100},
        },
        "success_factors": {
            "outcomes": {"projects_won": {"target": 4, "by": "2026-12-31"}},
            "influence": {"cost_split": {A: 50, B: 50}, "response_days": 5},
        },
    }
    base.update(overrides)
    return base


def act(day: str | dt.date, frm: str, to: str, kind: str, **fields: Any) -> dict[str, Any]:
    """One activity as a user would write it (`kind` is the activity `type`)."""
    return {"date": str(day), "from": frm, "to": to, "type": kind, **fields}


def partnership(
    activities: Iterable[Mapping[str, Any]] = (), surveys: Iterable[Mapping[str, Any]] = (), **overrides: Any
) -> LoadedPartnership:
    data = definition(**overrides)
    data["surveys"] = list(surveys)
    parsed = Partnership.model_validate(data)
    validated = [Activity.model_validate(dict(a)) for a in activities]
    order = sorted(range(len(validated)), key=lambda i: validated[i].date)
    return LoadedPartnership(
        definition=parsed,
        activities=tuple(validated[i] for i in order),
        origins=tuple(Origin(FILE, 100 + i) for i in order),
        file=FILE,
        survey_origins=tuple(Origin(FILE, 50 + i) for i in range(len(parsed.surveys))),
    )


def swapped(loaded: LoadedPartnership) -> LoadedPartnership:
    """The same partnership with the two partner keys exchanged everywhere: what A did, B now did."""
    first, second = list(loaded.definition.partners)
    rename = {first: second, second: first}

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {rename.get(k, k) if isinstance(k, str) else k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str) and value in rename:
            return rename[value]
        return value

    data = walk(loaded.definition.model_dump(mode="json", by_alias=True, exclude_none=True))
    definition_ = Partnership.model_validate(data)
    activities = tuple(
        Activity.model_validate(walk(a.model_dump(mode="json", by_alias=True, exclude_none=True)))
        for a in loaded.activities
    )
    return LoadedPartnership(definition_, activities, loaded.origins, loaded.file, loaded.survey_origins)
