"""Meetings and calls from a calendar export (RFC 5545 `.ics`), as log entries.

An event counts when people from both partners take part: the organiser or attendees (who did not
decline) from each partner's `domains`. `from` is the organiser's side (else the side of the first
partner attendee), `to` the other; `people` are the names of the partners' attendees (their display
name, else the part of the address before the @, as a name); `hours` is the duration; `type` is
`call` when the event has a video or phone link and no place to meet, else `meeting`; `level` is
`executive` when a sponsor takes part. The topic is the event's title. Nothing else is read:
descriptions stay private, and e-mail addresses are never written.

Recurring series are expanded in the range asked for; an occurrence moved to another time keeps the
id of the slot it was moved from, so a second import updates it instead of adding it twice.
Cancelled events, events all attendees declined, all-day events and events with one partner
only are skipped, each with its reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from coopcheck.i18n import _
from coopcheck.importing.entries import Entry
from coopcheck.importing.plan import Candidate
from coopcheck.models import Partner

_ONLINE = re.compile(
    r"zoom\.us|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|webex\.com|gotomeet|whereby\.com|"
    r"meet\.jit\.si|chime\.aws|bluejeans\.com|skype|\btel:",
    re.IGNORECASE,
)
_ONLINE_PLACE = re.compile(
    r"^\s*(https?://|microsoft teams|teams|zoom|google meet|webex|skype|online|video ?call|phone|telefon)",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"(?i)(phd|ph\.d\.|mba|jr\.?|sr\.?|md|ll\.?m\.?|msc|m\.sc\.|bsc|b\.sc\.)")
_LINK_PROPERTIES = (
    "DESCRIPTION",
    "URL",
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
)


class CalendarError(ValueError):
    """The file is not a calendar that can be read."""


@dataclass(frozen=True)
class _Person:
    name: str
    side: str | None
    declined: bool


def read_calendar(data: bytes) -> Any:
    """Parse the export; CalendarError says why it cannot be read."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise CalendarError(_("not a readable calendar (RFC 5545): {reason}").format(reason=exc)) from None
    if calendar.name != "VCALENDAR":
        raise CalendarError(_("not a calendar: expected BEGIN:VCALENDAR (found {found})").format(found=calendar.name))
    return calendar


def candidates(
    calendar: Any,
    partners: Mapping[str, Partner],
    since: dt.date,
    until: dt.date,
    timezone: str | None = None,
) -> list[Candidate]:
    """One candidate per occurrence between `since` and `until` (both included), oldest first."""

    series = _series(calendar)
    zone = ZoneInfo(timezone) if timezone else _calendar_zone(calendar)
    domains = {d.lower(): key for key, partner in partners.items() for d in partner.domains}
    sponsors = {_plain(p.sponsor): key for key, p in partners.items() if p.sponsor}
    found = []
    for event in _occurrences(calendar, series, since, until):
        try:
            if not since <= _local(event["DTSTART"].dt, zone).date() <= until:
                continue
            candidate = _candidate(event, series, zone, domains, sponsors, partners)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:  # a property the export wrote wrongly
            uid = str(event.get("UID", "?"))
            reason = _("cannot be read ({reason})").format(reason=exc)
            candidate = (uid, Candidate(f"UID {uid[:40]}", None, reason))
        if candidate is not None:
            found.append(candidate)
    found.sort(key=lambda pair: pair[0])
    return [candidate for _start, candidate in found]


def _candidate(
    event: Any,
    series: set[str],
    zone: dt.tzinfo | None,
    domains: Mapping[str, str],
    sponsors: Mapping[str, str],
    partners: Mapping[str, Partner],
) -> tuple[str, Candidate] | None:
    start = event.get("DTSTART")
    if start is None:
        return None
    begin = _local(start.dt, zone)
    title = " ".join(str(event.get("SUMMARY", "")).split())[:500]
    shown = f"{_shown_time(begin)} {title}".strip()
    ident = _ident(str(event.get("UID", "")), event, series, zone)
    people = _people(event, domains)
    reason = _skipped(event, start.dt, people, len(partners))
    if reason:
        return _shown_time(begin), Candidate(shown, None, reason, ident=ident)
    present = [p for p in people if not p.declined and p.side is not None]
    giver = people[0].side if people[0].side is not None and not people[0].declined else present[0].side
    names = list(dict.fromkeys(p.name for p in present if p.name))
    entry: Entry = {
        "id": ident,
        "date": begin.date(),
        "from": giver,
        "to": next(k for k in partners if k != giver),
        "type": "call" if _is_call(event) else "meeting",
        "level": "executive" if any(_plain(n) in sponsors for n in names) else "working",
        "people": names,
        "topic": title or None,
        "hours": _hours(event, start.dt),
    }
    return _shown_time(begin), Candidate(shown, {k: v for k, v in entry.items() if v not in (None, [])}, ident=ident)


def _skipped(event: Any, start: dt.date, people: list[_Person], partners: int) -> str:
    """Why the event is no joint meeting or call, or ''."""
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return _("cancelled")
    if not isinstance(start, dt.datetime):
        return _("all-day event (no duration); add it with `coopcheck add` if it was joint work")
    attendees = people[1:]
    if attendees and all(p.declined for p in attendees):
        return _("declined by all attendees")
    sides = {p.side for p in people if not p.declined and p.side is not None}
    if len(sides) < partners:
        return _("only one partner's people take part") if sides else _("no one from either partner takes part")
    return ""


def _occurrences(calendar: Any, series: set[str], since: dt.date, until: dt.date) -> list[Any]:
    """Every event, each series expanded in the range: recurring-ical-events expands the series
    (moved and cancelled occurrences included); single events are taken as they are, which is much
    faster on a large export."""
    import icalendar
    import recurring_ical_events

    recurring = icalendar.Calendar()
    singles = []
    for component in calendar.subcomponents:
        if component.name == "VEVENT" and str(component.get("UID", "")) not in series:
            if component.get("DTSTART") is not None:
                singles.append(component)
        else:
            recurring.add_component(component)
    try:
        expanded = recurring_ical_events.of(recurring).between(since, until + dt.timedelta(days=1))
    except Exception as exc:  # the library raises many kinds on a broken rule
        raise CalendarError(_("cannot expand the recurring events: {reason}").format(reason=exc)) from None
    return [*expanded, *singles]


def _series(calendar: Any) -> set[str]:
    """UIDs of recurring series: their occurrences are told apart by the slot's date."""
    out = set()
    for component in calendar.walk("VEVENT"):
        if any(component.get(name) is not None for name in ("RRULE", "RDATE", "RECURRENCE-ID")):
            out.add(str(component.get("UID", "")))
    return out


def _calendar_zone(calendar: Any) -> dt.tzinfo | None:
    """The calendar's own zone (X-WR-TIMEZONE, as Google writes it), if it names a known one."""
    name = calendar.get("X-WR-TIMEZONE")
    if not name:
        return None
    try:
        return ZoneInfo(str(name))
    except (KeyError, ValueError):
        return None


def _local(value: dt.date, zone: dt.tzinfo | None) -> dt.datetime:
    """The start as a wall-clock time: in `zone` when one is set, else in the event's own zone."""
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    if zone is not None and value.tzinfo is not None:
        return value.astimezone(zone)
    return value


def _shown_time(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def _ident(uid: str, event: Any, series: set[str], zone: dt.tzinfo | None) -> str:
    """`cal-` and a short digest of the UID; for a series, the date of the slot as well."""
    digest = hashlib.sha1(uid.encode("utf-8")).hexdigest()[:12]
    if uid not in series:
        return f"cal-{digest}"
    slot = event.get("RECURRENCE-ID") or event.get("DTSTART")
    return f"cal-{digest}-{_local(slot.dt, zone):%Y%m%d}"


def _people(event: Any, domains: Mapping[str, str]) -> list[_Person]:
    """The organiser first, then the attendees (the organiser once)."""
    organiser = event.get("ORGANIZER")
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    out = [_person(organiser, domains) if organiser is not None else _Person("", None, False)]
    seen = {_address(organiser)} if organiser is not None else set()
    for attendee in attendees:
        address = _address(attendee)
        if address in seen:
            continue
        seen.add(address)
        out.append(_person(attendee, domains))
    return out


def _address(value: Any) -> str:
    text = str(value).strip()
    return text[7:].lower() if text.lower().startswith("mailto:") else text.lower()


def _person(value: Any, domains: Mapping[str, str]) -> _Person:
    address = _address(value)
    params = getattr(value, "params", {})
    local, _at, domain = address.rpartition("@")
    name = " ".join(str(params.get("CN", "")).strip().strip('"').split())
    if not name or "@" in name:
        name = " ".join(part.capitalize() for part in re.split(r"[._-]+", local) if part)
    last, comma, first = name.partition(", ")
    if comma and first and "," not in first and not _SUFFIX.fullmatch(first):
        name = f"{first} {last}"  # Outlook's "Keller, Jonas"
    return _Person(name[:200], _side(domain, domains), str(params.get("PARTSTAT", "")).upper() == "DECLINED")


def _side(domain: str, domains: Mapping[str, str]) -> str | None:
    """The partner whose domain this is, or whose domain it is a subdomain of."""
    while domain:
        if domain in domains:
            return domains[domain]
        domain = domain.partition(".")[2]
    return None


def _is_call(event: Any) -> bool:
    place = str(event.get("LOCATION", "")).strip()
    linked = any(_ONLINE.search(str(event.get(name, ""))) for name in _LINK_PROPERTIES) or bool(
        place and _ONLINE.search(place)
    )
    physical = bool(place) and not _ONLINE_PLACE.match(place)
    return linked and not physical


def _hours(event: Any, start: dt.datetime) -> float | None:
    end = event.get("DTEND")
    if end is not None and isinstance(end.dt, dt.datetime):
        if (end.dt.tzinfo is None) != (start.tzinfo is None):
            return None  # one end floating, the other in a zone: no telling how long it was
        length = end.dt - start
    elif event.get("DURATION") is not None:
        length = event.get("DURATION").dt
    else:
        return None
    if not isinstance(length, dt.timedelta):
        return None
    hours = round(length.total_seconds() / 3600, 2)
    return hours if 0 <= hours <= 10_000 else None


def _plain(name: str | None) -> str:
    """A name to compare: lower case, without titles such as `Dr.` or `Prof.`."""
    return " ".join(word for word in (name or "").lower().split() if not word.endswith("."))
