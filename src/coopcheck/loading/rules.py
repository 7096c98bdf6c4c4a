"""Rules that span fields and files, checked once the schema holds.

Each rule yields `Violation`s that name the activity (by its place in the combined log) and the
field, so the loader can point at the exact `file:line:column`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from coopcheck.i18n import _
from coopcheck.loading.diagnostics import DiagnosticSeverity
from coopcheck.loading.messages import suggest
from coopcheck.models import Activity, Origin, Partnership

# Where a violation points: ("activity", index, field...) into the combined log, or a path into
# the partnership file itself.
Target = tuple[str | int, ...]


@dataclass(frozen=True)
class Violation:
    target: Target
    message: str
    severity: DiagnosticSeverity = "error"


def _partner(value: str, partners: list[str], what: str) -> str:
    return _("{what} '{value}' is not a declared partner (expected one of {partners})").format(
        what=what, value=value, partners=", ".join(partners)
    ) + suggest(value, partners)


def check(
    partnership: Partnership,
    activities: Sequence[Activity],
    origins: Sequence[Origin],
    today: dt.date,
) -> Iterator[Violation]:
    """All cross-field violations. `origins[i]` says where activity i was written."""
    partners = list(partnership.partners)
    known = set(partners)
    first_seen: dict[str, int] = {}
    for index, activity in enumerate(activities):
        if activity.id is not None:
            if activity.id in first_seen:
                yield Violation(
                    ("activity", index, "id"),
                    _(
                        "duplicate id '{id}' (first used at {place}); "
                        "ids must be unique across the file and all its logs"
                    ).format(id=activity.id, place=origins[first_seen[activity.id]]),
                )
            else:
                first_seen[activity.id] = index
    for index, activity in enumerate(activities):
        if activity.from_ not in known:
            yield Violation(("activity", index, "from"), _partner(activity.from_, partners, "from"))
        if activity.to not in known:
            yield Violation(("activity", index, "to"), _partner(activity.to, partners, "to"))
        if activity.from_ == activity.to and activity.from_ in known:
            yield Violation(
                ("activity", index, "to"),
                _("'from' and 'to' are both '{partner}'; an activity goes from one partner to the other").format(
                    partner=activity.to
                ),
            )
        if activity.responds_to is not None and activity.responds_to not in first_seen:
            yield Violation(
                ("activity", index, "responds_to"),
                _(
                    "responds_to names no activity (found '{found}'; expected the id of an activity "
                    "in this file or its logs)"
                ).format(found=activity.responds_to)
                + suggest(activity.responds_to, list(first_seen)),
            )
        if activity.date > today:
            yield Violation(
                ("activity", index, "date"),
                _("dated in the future ({date} is after {today}); it is ignored until then").format(
                    date=activity.date.isoformat(), today=today.isoformat()
                ),
                "warning",
            )
        elif activity.date < partnership.started:
            yield Violation(
                ("activity", index, "date"),
                _("dated before the partnership started ({date} is before {started})").format(
                    date=activity.date.isoformat(), started=partnership.started.isoformat()
                ),
                "warning",
            )
    split = partnership.success_factors.influence.cost_split
    if split is not None:
        for key in split:
            if key not in known:
                yield Violation(
                    ("success_factors", "influence", "cost_split", key),
                    _partner(key, partners, "cost_split key"),
                )
        missing = [key for key in partners if key not in split]
        if missing:
            yield Violation(
                ("success_factors", "influence", "cost_split"),
                _("cost_split lacks partner(s) {partners}; it must cover each partner once").format(
                    partners=", ".join(missing)
                ),
            )
        total = sum(split.values())
        if not math.isclose(total, 100.0, abs_tol=1e-6):
            yield Violation(
                ("success_factors", "influence", "cost_split"),
                _("cost_split sums to {total:g} (expected 100)").format(total=total),
            )
    for index, survey in enumerate(partnership.surveys):
        if survey.by not in known:
            yield Violation(("surveys", index, "by"), _partner(survey.by, partners, "by"))
