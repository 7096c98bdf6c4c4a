"""`coopcheck import calendar`: meetings and calls from a real Outlook/Google-style export.

The export (examples/import/jonas-keller-calendar.ics) holds a weekly jour fixe in Europe/Amsterdam
time across the switch to summer time, one occurrence moved and one cancelled, a workshop in
Europe/Berlin time with the partner's sponsor and a third party, a call written in UTC, a cancelled
meeting, an internal meeting, a meeting the partner declined and an all-day trade fair; attendees
have display names ("Keller, Jonas"), or none.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from coopcheck.loading import load_partnership
from coopcheck.models import Activity
from reports import english_afterwards  # noqa: F401  (puts the language back after each test)
from support import EXAMPLES
from terminal import on_a_terminal

CALENDAR = "jonas-keller-calendar.ics"
MOVED_OCCURRENCE = re.compile(
    r"BEGIN:VEVENT\r\n(?:(?!END:VEVENT).)*RECURRENCE-ID[^\r]*20260309T100000.*?END:VEVENT\r\n", re.S
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "import", tmp_path / "import")
    return tmp_path / "import"


def _import(run_cli, folder: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run_cli(
        "import",
        "calendar",
        str(folder / CALENDAR),
        "--into",
        str(folder / "northwind-contoso.yaml"),
        "--until",
        "2026-04-30",
        *extra,
    )


def _imported(folder: Path) -> dict[str, Activity]:
    result = load_partnership(folder / "northwind-contoso.yaml", today=dt.date(2026, 11, 28))
    assert result.partnership is not None, result.diagnostics
    return {a.id: a for a in result.partnership.activities if a.id and a.id.startswith("cal-")}


def test_meetings_and_calls_with_both_partners_are_added_the_rest_skipped_with_reasons(run_cli, folder):  # type: ignore[no-untyped-def]
    log = folder / "logs" / "northwind-contoso.yaml"
    before = log.read_bytes()
    result = _import(run_cli, folder, "--write")
    assert result.exit_code == 0, result.output
    assert "9 new, 5 skipped" in result.stdout
    for reason in ("(cancelled)", "only one partner's people take part", "declined by all attendees", "all-day event"):
        assert reason in result.stdout
    assert result.stdout.count("(cancelled)") == 2
    after = log.read_bytes()
    assert after.startswith(before)  # appended: the hand-written part is byte for byte as it was
    assert b"@" not in after  # e-mail addresses are never written
    by_date = {a.date: a for a in _imported(folder).values()}
    jour_fixe = [d for d, a in by_date.items() if a.topic and a.topic.startswith("Jour fixe")]
    assert sorted(jour_fixe) == [dt.date(2026, 3, day) for day in (2, 10, 23, 30)] + [
        dt.date(2026, 4, day) for day in (6, 13, 20)
    ]
    # 10:00 Amsterdam time before and after the switch to summer time: one hour each
    assert by_date[dt.date(2026, 3, 23)].hours == by_date[dt.date(2026, 3, 30)].hours == 1
    weekly = by_date[dt.date(2026, 3, 2)]
    assert (weekly.from_, weekly.to, weekly.type.value, weekly.level.value if weekly.level else None) == (
        "contoso",
        "northwind",
        "call",
        "working",
    )
    assert weekly.people == ["Lea Vogt", "Jonas Keller", "Sanne Jansen"]  # Mia Braun declined
    moved = by_date[dt.date(2026, 3, 10)]
    assert moved.hours == 1.5 and moved.id and moved.id.endswith("-20260309")
    workshop = by_date[dt.date(2026, 3, 12)]
    assert (workshop.from_, workshop.type.value, workshop.hours) == ("northwind", "meeting", 4)
    assert workshop.level is not None and workshop.level.value == "executive"  # Peter Lang is Contoso's sponsor
    assert workshop.people == ["Jonas Keller", "Peter Lang", "Lea Vogt"]  # not the third party
    assert run_cli("validate", str(folder / "northwind-contoso.yaml"), "--as-of", "2026-11-28").exit_code == 0


def test_importing_the_same_calendar_twice_adds_nothing(run_cli, folder):  # type: ignore[no-untyped-def]
    assert _import(run_cli, folder, "--write").exit_code == 0
    log = folder / "logs" / "northwind-contoso.yaml"
    once = log.read_bytes()
    again = _import(run_cli, folder, "--write")
    assert again.exit_code == 0, again.output
    assert "9 unchanged, 5 skipped" in again.stdout and "Nothing to write." in again.stdout
    assert log.read_bytes() == once


def test_a_moved_occurrence_is_updated_in_place_not_doubled(run_cli, folder):  # type: ignore[no-untyped-def]
    calendar = folder / CALENDAR
    full = calendar.read_bytes().decode("utf-8")
    calendar.write_bytes(MOVED_OCCURRENCE.sub("", full, count=1).encode("utf-8"))
    assert _import(run_cli, folder, "--write").exit_code == 0
    log = folder / "logs" / "northwind-contoso.yaml"
    before = log.read_text(encoding="utf-8")
    slot = next(a for a in _imported(folder).values() if a.id and a.id.endswith("-20260309"))
    assert (slot.date, slot.hours) == (dt.date(2026, 3, 9), 1)

    calendar.write_bytes(full.encode("utf-8"))
    result = _import(run_cli, folder, "--write")
    assert result.exit_code == 0, result.output
    assert "1 updated, 8 unchanged, 5 skipped" in result.stdout
    after = log.read_text(encoding="utf-8")
    old_item = re.search(rf"  - id: {slot.id}\n(    .*\n)+", before)
    new_item = re.search(rf"  - id: {slot.id}\n(    .*\n)+", after)
    assert old_item and new_item
    assert after == before.replace(old_item.group(0), new_item.group(0))  # nothing else moved
    imported = _imported(folder)
    assert len(imported) == 9
    assert (imported[slot.id].date, imported[slot.id].hours) == (dt.date(2026, 3, 10), 1.5)


def test_dates_follow_the_time_zone_asked_for(run_cli, folder):  # type: ignore[no-untyped-def]
    # 23:30 UTC on 25 March is 00:30 on 26 March in Amsterdam
    assert _import(run_cli, folder, "--write").exit_code == 0
    call = next(a for a in _imported(folder).values() if a.topic == "Go/no-go on the Fabrikam bid")
    assert (call.date, call.type.value) == (dt.date(2026, 3, 25), "call")
    assert call.level is not None and call.level.value == "executive"  # Dr. Anna Weber attends
    shutil.copy(EXAMPLES / "import" / "logs" / "northwind-contoso.yaml", folder / "logs")
    assert _import(run_cli, folder, "--write", "--timezone", "Europe/Amsterdam").exit_code == 0
    call = next(a for a in _imported(folder).values() if a.topic == "Go/no-go on the Fabrikam bid")
    assert call.date == dt.date(2026, 3, 26)


def test_without_write_nothing_is_written(run_cli, folder):  # type: ignore[no-untyped-def]
    log = folder / "logs" / "northwind-contoso.yaml"
    before = log.read_bytes()
    result = _import(run_cli, folder, "--no-input")
    assert result.exit_code == 0 and "run again with --write" in result.stdout
    assert log.read_bytes() == before


def test_since_bounds_the_range(run_cli, folder):  # type: ignore[no-untyped-def]
    result = _import(run_cli, folder, "--since", "2026-04-01", "--write")
    assert result.exit_code == 0, result.output
    assert sorted(a.date for a in _imported(folder).values()) == [dt.date(2026, 4, d) for d in (6, 13, 20)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: (f / CALENDAR).write_text("BEGIN:VCARD\r\nEND:VCARD\r\n"), "not a calendar"),
        (lambda f: (f / CALENDAR).write_bytes(b"\x00\xff garbage"), "calendar"),
        (lambda f: (f / CALENDAR).unlink(), "file not found"),
        (
            lambda f: (f / "northwind-contoso.yaml").write_text(
                (f / "northwind-contoso.yaml").read_text().replace("    domains: [contoso.nl]\n", "")
            ),
            "contoso name no `domains:`",
        ),
        (
            lambda f: (f / "logs" / "northwind-contoso.yaml").write_text(
                "activities: [{date: 2026-02-01, from: contoso, to: northwind, type: call}]\n"
            ),
            "written in brackets",
        ),
    ],
)
def test_refused_imports_leave_every_file_unchanged(run_cli, folder, change, message):  # type: ignore[no-untyped-def]
    change(folder)
    files = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    result = _import(run_cli, folder, "--write")
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == files


def test_a_domain_must_be_a_domain(run_cli, folder):  # type: ignore[no-untyped-def]
    partnership = folder / "northwind-contoso.yaml"
    partnership.write_text(partnership.read_text().replace("[contoso.nl]", "[Contoso.NL, lea.vogt@contoso.nl]"))
    result = run_cli("validate", str(partnership), "--as-of", "2026-11-28")
    assert result.exit_code == 2
    assert "partners.contoso.domains[1]: not an e-mail domain (found 'lea.vogt@contoso.nl'" in result.stdout
    assert "domains[0]" not in result.stdout  # upper case is fine: domains compare case-insensitively


def test_on_a_terminal_the_import_asks_before_writing(folder):  # type: ignore[no-untyped-def]
    log = folder / "logs" / "northwind-contoso.yaml"
    before = log.read_bytes()
    args = ["import", "calendar", CALENDAR, "--into", "northwind-contoso.yaml", "--until", "2026-04-30"]
    shown = on_a_terminal(args, ["n"], folder)
    assert "Write 9 new and 0 updated entries to logs/northwind-contoso.yaml? [y/N]" in shown
    assert log.read_bytes() == before
    shown = on_a_terminal(args, ["y"], folder)
    assert "Wrote 9 new and 0 updated entries" in shown
    assert log.read_bytes().startswith(before) and len(_imported(folder)) == 9


def test_the_plan_speaks_german(run_cli, folder):  # type: ignore[no-untyped-def]
    result = _import(run_cli, folder, "--lang", "de", "--no-input")
    assert result.exit_code == 0, result.output
    assert "Status" in result.stdout and "übersprungen  " in result.stdout and "(abgesagt)" in result.stdout
    assert "9 neu, 5 übersprungen" in result.stdout and "mit --write erneut ausführen" in result.stdout
