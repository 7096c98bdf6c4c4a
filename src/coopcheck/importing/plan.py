"""What an import would do: each candidate entry is new, an update, unchanged, skipped or invalid.

Idempotence rests on ids: an entry whose id the partnership already holds is compared with what is
there; only the fields the import maps are compared and rewritten, so what a person added by hand
(a `note`, `actions`) stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError

from coopcheck.i18n import N_, _
from coopcheck.importing.entries import Entry, from_activity
from coopcheck.loading.messages import describe
from coopcheck.models import Activity, Origin

Status = Literal["new", "updated", "unchanged", "skipped", "invalid"]
STATUSES: tuple[Status, ...] = ("new", "updated", "unchanged", "skipped", "invalid")
STATUS_LABELS = {
    "new": N_("new"),
    "updated": N_("updated"),
    "unchanged": N_("unchanged"),
    "skipped": N_("skipped"),
    "invalid": N_("invalid"),
}


@dataclass(frozen=True)
class Candidate:
    """One event or row as the import read it: an entry, or the reason there is none."""

    source: str  # where it came from: `export.csv:12`, or the event's start
    entry: Entry | None
    reason: str = ""
    invalid: bool = False  # a row that should have mapped but could not (blocks writing)
    ident: str | None = None  # the id it has or would have, also when it is skipped


@dataclass(frozen=True)
class Planned:
    status: Status
    source: str
    entry: Entry = field(default_factory=dict)
    reason: str = ""
    replaces: Origin | None = None  # where the entry to rewrite is written


def plan(
    candidates: Sequence[Candidate],
    activities: Sequence[Activity],
    origins: Sequence[Origin],
    target: str,
    partners: Sequence[str],
) -> list[Planned]:
    """Compare each candidate with the partnership's activities (by id); `target` is the file written."""
    existing = {a.id: (a, o) for a, o in zip(activities, origins, strict=True) if a.id is not None}
    seen: set[str] = set()
    return [_one(candidate, existing, seen, target, partners) for candidate in candidates]


def _one(
    candidate: Candidate,
    existing: dict[str, tuple[Activity, Origin]],
    seen: set[str],
    target: str,
    partners: Sequence[str],
) -> Planned:
    entry = candidate.entry
    if entry is None:
        reason = candidate.reason
        if candidate.ident in existing:
            origin = existing[candidate.ident][1]
            reason += _("; already in the log at {place}: remove it there if it did not happen").format(
                place=f"{origin.file}:{origin.line}"
            )
        return Planned("invalid" if candidate.invalid else "skipped", candidate.source, reason=reason)
    problem = _invalid(entry) or _not_partners(entry, partners)
    if problem:
        return Planned("invalid", candidate.source, entry, problem)
    ident = str(entry.get("id", ""))
    if ident in seen:
        return Planned("invalid", candidate.source, entry, _("id '{id}' appears twice in the import").format(id=ident))
    seen.add(ident)
    if ident not in existing:
        return Planned("new", candidate.source, entry)
    activity, origin = existing[ident]
    before = from_activity(activity)
    after = {**before, **from_activity(Activity.model_validate(entry))}
    if after == before:
        return Planned("unchanged", candidate.source, entry, _("already in the log"))
    if origin.file != target:
        return Planned(
            "skipped",
            candidate.source,
            entry,
            _("changed, but written in {file}; update it there").format(file=f"{origin.file}:{origin.line}"),
        )
    return Planned("updated", candidate.source, after, replaces=origin)


def _not_partners(entry: Entry, partners: Sequence[str]) -> str:
    for side in ("from", "to"):
        if entry.get(side) not in partners:
            return _("{side}: '{found}' is not a partner of this partnership (expected one of {keys})").format(
                side=side, found=entry.get(side), keys=", ".join(partners)
            )
    if entry["from"] == entry["to"]:
        return _("from and to are the same partner ('{key}')").format(key=entry["from"])
    return ""


def _invalid(entry: Entry) -> str:
    """Why the entry is not a valid activity on its own, or ''."""
    try:
        Activity.model_validate(entry)
    except ValidationError as exc:
        item = exc.errors()[0]
        loc = tuple(item["loc"])
        message, _anchor = describe(item, Activity, loc)
        return f"{'.'.join(str(p) for p in loc)}: {message}" if loc else message
    return ""
