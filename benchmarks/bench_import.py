"""Calendar import speed: a 10,000-event export, as times and ratios measured in one run.

Generates a calendar export (`.ics`, CRLF, VTIMEZONE, organiser and attendees with display names)
with `--events` events over two years, three in four with both partners' people and the rest
internal, plus weekly series, and a partnership whose log holds 200 hand-written entries. Prints,
best of `--repeat` runs each, in a fresh process (start-up included):

- the first `coopcheck import calendar --write` (everything new), against reading the same export
  with icalendar and expanding it with recurring-ical-events alone (the floor the import builds on);
- the second import of the same export (everything unchanged, nothing written), against the first;
- `coopcheck validate` of the partnership after the import, against the first import;
- the CPU time of the parse alone and of the first import (steadier than wall time on a busy machine).

Usage: python benchmarks/bench_import.py [--events 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_validate import best_of


def child_cpu(action) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds (user + system) the child processes of `action` used: steady on a busy machine."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    action()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


PARTNERSHIP = """\
coopcheck: 1
id: bench
name: Benchmark partnership
started: 2025-01-01
partners:
  northwind:
    name: Northwind Consulting GmbH
    sponsor: Anna Weber
    domains: [northwind.de]
  contoso:
    name: Contoso B.V.
    sponsor: Peter Lang
    domains: [contoso.nl]
logs: [log.yaml]
"""
TIMEZONE = """BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r
DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r
TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r\nEND:VTIMEZONE\r\n"""
NORTHWIND = ["Jonas Keller", "Mia Braun", "Anna Weber", "Tom Richter"]
CONTOSO = ["Lea Vogt", "Sanne Jansen", "Peter Lang", "Daan de Vries"]


def _address(name: str, domain: str) -> str:
    return f"{name.lower().replace(' ', '.')}@{domain}"


def write_calendar(path: Path, events: int) -> None:
    rng = random.Random(11)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", TIMEZONE.rstrip("\r\n")]
    first = dt.datetime(2025, 1, 6, 8, 0)
    series = events // 100  # weekly series of 10 occurrences each: 10% of the events
    for i in range(events - series * 10 + series):
        start = first + dt.timedelta(days=rng.randrange(700), hours=rng.randrange(10), minutes=rng.choice((0, 30)))
        organiser = rng.choice(NORTHWIND)
        guests = rng.sample(NORTHWIND, 1) + (rng.sample(CONTOSO, 2) if rng.random() < 0.75 else [])
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{i}@northwind.de",
            "DTSTAMP:20250101T000000Z",
            f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/Berlin:{start + dt.timedelta(minutes=rng.choice((30, 60, 90))):%Y%m%dT%H%M%S}",
            f"SUMMARY:Pipeline review {i}",
            rng.choice(("LOCATION:Room Spree", "LOCATION:Microsoft Teams Meeting")),
            f"ORGANIZER;CN={organiser}:mailto:{_address(organiser, 'northwind.de')}",
        ]
        if i < series:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=10")
        for guest in guests:
            domain = "northwind.de" if guest in NORTHWIND else "contoso.nl"
            lines.append(f"ATTENDEE;CN={guest};PARTSTAT=ACCEPTED:mailto:{_address(guest, domain)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def write_log(path: Path) -> None:
    items = [
        f"  - id: hand-{i:03d}\n    date: 2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}\n"
        "    from: contoso\n    to: northwind\n"
        f"    type: referral\n    topic: Referral {i}   # typed by hand\n"
        for i in range(200)
    ]
    path.write_text("# hand-written\nactivities:\n" + "".join(items), encoding="utf-8")


def run(*args: str) -> None:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    coopcheck = [sys.executable, "-m", "coopcheck"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        calendar = folder / "export.ics"
        write_calendar(calendar, args.events)
        (folder / "bench.yaml").write_text(PARTNERSHIP, encoding="utf-8")
        write_log(folder / "pristine.yaml")
        until = ["--until", "2026-12-31"]
        imported = [*coopcheck, "import", "calendar", str(calendar), "--into", str(folder / "bench.yaml"), *until]

        def first_import() -> None:
            shutil.copy(folder / "pristine.yaml", folder / "log.yaml")
            run(*imported, "--write")

        floor_code = (
            "import sys, datetime as dt, icalendar, recurring_ical_events as r; "
            "c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read()); "
            "list(r.of(c).between(dt.date(2025, 1, 1), dt.date(2027, 1, 1)))"
        )
        floor = best_of(args.repeat, lambda: run(sys.executable, "-c", floor_code, str(calendar)))
        first = best_of(args.repeat, first_import)
        entries = (folder / "log.yaml").read_text(encoding="utf-8").count("  - id: cal-")
        second = best_of(args.repeat, lambda: run(*imported, "--write"))
        validate = best_of(args.repeat, lambda: run(*coopcheck, "validate", str(folder / "bench.yaml")))
        cpu_floor = child_cpu(lambda: run(sys.executable, "-c", floor_code, str(calendar)))
        cpu_first = child_cpu(first_import)
        size = calendar.stat().st_size / 1048576
    print(f"calendar: {args.events} events ({size:.1f} MiB), {entries} entries imported")
    print(f"icalendar + recurring-ical-events alone: {floor:.2f} s")
    print(f"first import (all new, written):        {first:.2f} s  ratio to the parse alone {first / floor:.2f}")
    print(f"second import (all unchanged):          {second:.2f} s  ratio to the first import {second / first:.2f}")
    print(f"validate after the import:              {validate:.2f} s  ratio to the first import {validate / first:.2f}")
    ratio = cpu_first / cpu_floor
    print(f"CPU time, parse alone / first import:   {cpu_floor:.2f} s / {cpu_first:.2f} s  ratio {ratio:.2f}")


if __name__ == "__main__":
    main()
