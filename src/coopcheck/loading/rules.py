"""Rules that span fields and files, checked once the schema holds.

Each rule yields `Violation`s that name the activity (by its place in the combined log) and the
field, so the loader can point at the exact `file:line:column`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from coopcheck.i18n import _
from coopcheck.loading.diagnostics import DiagnosticSeverity
from coopcheck.loading.messages import partner_hint, suggest
from coopcheck.models import MAX_DATE, MIN_DATE, Activity, Origin, Partnership

# Where a violation points: ("activity", index, field...) into the combined log, or a path into
# the partnership file itself.
Target = tuple[str | int, ...]


@dataclass(frozen=True)
class Violation:
    target: Target
    message: str
    severity: DiagnosticSeverity = "error"


def _partner(value: str, partners: Mapping[str, str | None], what: str) -> str:
    return _("{what} '{value}' is not a declared partner").format(what=what, value=value) + partner_hint(
        value, partners
    )


def check(
    partnership: Partnership,
    activities: Sequence[Activity],
    origins: Sequence[Origin],
    today: dt.date,
) -> Iterator[Violation]:
    """All cross-field violations. `origins[i]` says where activity i was written."""
    partners = {key: partner.name for key, partner in partnership.partners.items()}
    scan = _LogScan()
    yield from _scan_log(activities, origins, partners, partnership.started, today, scan)
    yield from _date_warnings(activities, scan, partnership.started, today)
    yield from _unanswered(activities, scan)
    yield from _definition_dates(partnership)
    yield from _cost_split(partnership, partners)
    for index, survey in enumerate(partnership.surveys):
        if survey.by not in partners:
            yield Violation(("surveys", index, "by"), _partner(survey.by, partners, "by"))


@dataclass
class _LogScan:
    """What one pass over the log leaves for the rules that need all of it."""

    first_seen: dict[str, int] = field(default_factory=dict)
    answers: list[int] = field(default_factory=list)  # with `responds_to`, checked once every id is known
    after: list[int] = field(default_factory=list)  # dated after the assessment date: said once, at the first
    before: list[int] = field(default_factory=list)  # dated before `started`: said once, at the first


def _scan_log(
    activities: Sequence[Activity],
    origins: Sequence[Origin],
    partners: Mapping[str, str | None],
    started: dt.date,
    today: dt.date,
    scan: _LogScan,
) -> Iterator[Violation]:
    """Each activity's own violations, in log order; what needs the whole log is noted in `scan`."""
    first_seen, answers, after, before = scan.first_seen, scan.answers, scan.after, scan.before
    for index, activity in enumerate(activities):
        ident, giver, taker, day = activity.id, activity.from_, activity.to, activity.date
        if ident is not None:
            if ident in first_seen:
                yield Violation(
                    ("activity", index, "id"),
                    _(
                        "duplicate id '{id}' (first used at {place}); "
                        "ids must be unique across the file and all its logs"
                    ).format(id=ident, place=origins[first_seen[ident]]),
                )
            else:
                first_seen[ident] = index
        if giver not in partners:
            yield Violation(("activity", index, "from"), _partner(giver, partners, "from"))
        if taker not in partners:
            yield Violation(("activity", index, "to"), _partner(taker, partners, "to"))
        elif giver == taker:
            yield Violation(
                ("activity", index, "to"),
                _("'from' and 'to' are both '{partner}'; an activity goes from one partner to the other").format(
                    partner=taker
                ),
            )
        if activity.responds_to is not None:
            answers.append(index)
        if activity.due is not None and not MIN_DATE <= activity.due <= MAX_DATE:
            yield Violation(("activity", index, "due"), date_out_of_range(activity.due))
        if not MIN_DATE <= day <= MAX_DATE:
            yield Violation(("activity", index, "date"), date_out_of_range(day))
            continue
        if day > today:
            after.append(index)
        elif day < started:
            before.append(index)


def _date_warnings(
    activities: Sequence[Activity], scan: _LogScan, started: dt.date, today: dt.date
) -> Iterator[Violation]:
    """Activities after the assessment date or before the start: one warning each, at the first."""
    if scan.after:
        first = min(scan.after, key=lambda i: (activities[i].date, i))
        yield Violation(
            ("activity", first, "date"),
            _(
                "activities dated after the assessment date {as_of}: {count}, from {date} on; "
                "they are left out of the assessment"
            ).format(as_of=today.isoformat(), count=len(scan.after), date=activities[first].date.isoformat()),
            "warning",
        )
    if scan.before:
        first = scan.before[0]
        yield Violation(
            ("activity", first, "date"),
            _("activities dated before the partnership started ({started}): {count}, the first on {date}").format(
                started=started.isoformat(), count=len(scan.before), date=activities[first].date.isoformat()
            ),
            "warning",
        )


def _unanswered(activities: Sequence[Activity], scan: _LogScan) -> Iterator[Violation]:
    """`responds_to` that names no activity in the file or its logs."""
    for index in scan.answers:
        answered = activities[index].responds_to
        if answered not in scan.first_seen:
            yield Violation(
                ("activity", index, "responds_to"),
                _(
                    "responds_to names no activity (found '{found}'; expected the id of an activity "
                    "in this file or its logs)"
                ).format(found=answered)
                + suggest(str(answered), list(scan.first_seen)),
            )


def _cost_split(partnership: Partnership, partners: Mapping[str, str | None]) -> Iterator[Violation]:
    """The cost split covers each declared partner once and sums to 100."""
    split = partnership.success_factors.influence.cost_split
    if split is None:
        return
    for key in split:
        if key not in partners:
            yield Violation(
                ("success_factors", "influence", "cost_split", key),
                _partner(key, partners, _("cost_split key")),
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


def date_out_of_range(day: dt.date) -> str:
    return _("date out of range (found {found}; expected a date from {first} to {last})").format(
        found=day.isoformat(), first=MIN_DATE.isoformat(), last=MAX_DATE.isoformat()
    )


def _definition_dates(partnership: Partnership) -> Iterator[Violation]:
    """`started`, the targets' `by` and the surveys' dates outside the documented range."""
    dated: list[tuple[Target, dt.date | None]] = [(("started",), partnership.started)]
    outcomes = partnership.success_factors.outcomes
    for name in ("joint_campaigns", "projects_won", "revenue"):
        target = getattr(outcomes, name)
        if target is not None:
            dated.append((("success_factors", "outcomes", name, "by"), target.by))
    dated += [(("surveys", index, "date"), survey.date) for index, survey in enumerate(partnership.surveys)]
    for target_path, day in dated:
        if day is not None and not MIN_DATE <= day <= MAX_DATE:
            yield Violation(target_path, date_out_of_range(day))
