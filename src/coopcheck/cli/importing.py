"""`coopcheck import calendar` and `coopcheck import csv`: the log kept from what a company already has.

Both print what they would do (new, updated, unchanged, skipped and why) and write only with
`--write`, or when the user says yes on a terminal. The entries go to the log as `coopcheck add`
writes them: as text, checked with the whole partnership first, atomically.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from coopcheck.cli.app import EXIT_OK, app, fail, parse_date, write_atomic
from coopcheck.cli.language import Lang
from coopcheck.cli.options import AllowOutsideLogs, ConfigFile, Resolved, resolve
from coopcheck.i18n import _

if TYPE_CHECKING:
    from coopcheck.importing.plan import Candidate
    from coopcheck.loading import Diagnostic, LoadResult

import_app = typer.Typer(
    help="Add activities from a calendar export (.ics) or a CRM export (.csv) to a partnership's log.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(import_app, name="import")

Into = Annotated[
    Path, typer.Option("--into", help="The partnership file to add to.", metavar="PARTNERSHIP.yaml", show_default=False)
]
Write = Annotated[bool, typer.Option("--write", help="Write without asking (default: only show what would change).")]
NoInput = Annotated[bool, typer.Option("--no-input", help="Never ask; without --write, nothing is written.")]


@import_app.command("calendar")
def import_calendar(
    calendar_file: Annotated[
        Path, typer.Argument(help="Calendar export (RFC 5545).", metavar="FILE.ics", show_default=False)
    ],
    into: Into,
    since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--since", metavar="YYYY-MM-DD", help="First day to import (default: the partnership's start)."),
    ] = None,
    until: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--until", metavar="YYYY-MM-DD", help="Last day to import (default: today)."),
    ] = None,
    timezone: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--timezone",
            metavar="ZONE",
            help="Take dates in this zone, e.g. Europe/Berlin (default: the calendar's, else each event's own).",
        ),
    ] = None,
    write: Write = False,
    no_input: NoInput = False,
    allow_outside_logs: AllowOutsideLogs = None,
    config_file: ConfigFile = None,
    lang: Lang = None,
) -> None:
    """Meetings and calls with both partners' people, from a calendar export; idempotent by event UID."""
    from coopcheck.cli import logedit
    from coopcheck.importing.calendar import CalendarError, candidates, read_calendar

    if until is not None:
        parse_date(until, "--until")  # named as the user wrote it; resolve() would say --as-of
    resolved = resolve(config_file, lang, until, allow_outside_logs)
    result, partnership = logedit.load_valid(into, resolved.allow_outside_logs, resolved.as_of)
    partners = partnership.definition.partners
    lacking = [key for key, partner in partners.items() if not partner.domains]
    if lacking:
        fail(
            _("{file}: partner(s) {keys} name no `domains:`; calendar events are matched by e-mail domain").format(
                file=into, keys=", ".join(lacking)
            )
        )
    first = parse_date(since, "--since") if since else partnership.definition.started
    zone = _zone(timezone)
    data = _read(calendar_file)
    try:
        found = candidates(read_calendar(data), partners, first, resolved.as_of, zone)
    except CalendarError as exc:
        fail(f"{calendar_file}:1:1: {exc}")
    _apply(into, result, found, resolved, write, no_input, skip_invalid=False)


@import_app.command("csv")
def import_csv(
    csv_file: Annotated[Path, typer.Argument(help="CRM export.", metavar="FILE.csv", show_default=False)],
    mapping_file: Annotated[
        Path,
        typer.Option(
            "--map", help="How its columns become activity fields.", metavar="MAPPING.yaml", show_default=False
        ),
    ],
    into: Into,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Write the valid rows even when others cannot be mapped.")
    ] = False,
    write: Write = False,
    no_input: NoInput = False,
    allow_outside_logs: AllowOutsideLogs = None,
    config_file: ConfigFile = None,
    lang: Lang = None,
) -> None:
    """Won deals, revenue, referrals and leads from a CRM export, through a mapping file; idempotent by id."""
    from coopcheck.cli import logedit
    from coopcheck.importing import csvmap
    from coopcheck.loading.diagnostics import InputError

    resolved = resolve(config_file, lang, None, allow_outside_logs)
    result, _partnership = logedit.load_valid(into, resolved.allow_outside_logs, resolved.as_of)
    mapping_text = _text(mapping_file, "utf-8")
    try:
        mapping = csvmap.load_mapping(mapping_text, str(mapping_file))
    except InputError as exc:
        _stop(exc.diagnostics, _("{file}: invalid mapping; nothing was written").format(file=mapping_file))
    export = _text(csv_file, mapping.encoding)
    try:
        header, rows = csvmap.read_rows(export, mapping)
    except ValueError as exc:
        line, _sep, problem = str(exc).partition(": ")
        fail(_("{file}:{line}:1: CSV syntax error: {error}").format(file=csv_file, line=line, error=problem))
    if not header:
        fail(_("{file}: the export is empty; expected a header row").format(file=csv_file))
    problems = csvmap.header_problems(header, mapping)
    if problems:
        diagnostics = csvmap.located(mapping_text, str(mapping_file), problems)
        _stop(diagnostics, _("{file}: the mapping does not fit the export; nothing was written").format(file=csv_file))
    found = csvmap.candidates(header, rows, mapping, str(csv_file))
    _apply(into, result, found, resolved, write, no_input, skip_invalid)


def _stop(diagnostics: Sequence[Diagnostic], message: str) -> None:
    sys.stderr.write("".join(f"{d}\n" for d in diagnostics))
    fail(message)


def _text(path: Path, encoding: str) -> str:
    """A file's text in `encoding` (a UTF-8 byte-order mark dropped); exit 2 with the place of a bad byte."""
    data = _read(path)
    try:
        return data.decode("utf-8-sig" if encoding.replace("_", "-").lower() in ("utf-8", "utf8") else encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        fail(
            _("{file}:{line}: not {encoding} text (found byte 0x{byte:02x}); set `encoding:` in the mapping").format(
                file=path, line=line, encoding=encoding, byte=data[exc.start]
            )
        )
    raise AssertionError("unreachable")


def _zone(name: str | None) -> str | None:
    if name is None:
        return None
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (KeyError, ValueError):
        fail(_("--timezone: unknown time zone (found '{found}'; expected e.g. Europe/Berlin)").format(found=name))
    return name


def _read(path: Path) -> bytes:
    """The export's bytes, read like every input (regular files only, at most 64 MiB)."""
    from coopcheck.loading.diagnostics import InputError
    from coopcheck.loading.inputs import read_input

    try:
        return read_input(path, str(path))
    except InputError as exc:
        fail(str(exc.diagnostics[0]))
    raise AssertionError("unreachable")


def _apply(
    file: Path,
    result: LoadResult,
    found: Sequence[Candidate],
    resolved: Resolved,
    write: bool,
    no_input: bool,
    skip_invalid: bool,
) -> None:
    """Show the plan; check it with the whole partnership; write it when asked to."""
    from coopcheck.cli import logedit
    from coopcheck.importing.plan import plan
    from coopcheck.rendering import importplan

    partnership = result.partnership
    assert partnership is not None
    target = logedit.target_of(file, result)
    planned = plan(
        found, partnership.activities, partnership.origins, target.shown, list(partnership.definition.partners)
    )
    sys.stdout.write(importplan.as_text(planned, target.shown))
    invalid = sum(1 for item in planned if item.status == "invalid")
    if invalid and not skip_invalid:
        fail(
            _("{count} entries cannot be imported; nothing was written (fix them, or pass --skip-invalid)").format(
                count=invalid
            )
        )
    new = [item.entry for item in planned if item.status == "new"]
    updated = {item.replaces: item.entry for item in planned if item.status == "updated" and item.replaces}
    if not new and not updated:
        typer.echo(_("Nothing to write."))
        raise typer.Exit(EXIT_OK)
    content = logedit.edited(target, new, updated)
    expected = len(partnership.activities) + len(new)
    logedit.check_and_write(file, target, content, expected, resolved.allow_outside_logs, resolved.as_of, write=False)
    if not logedit.confirm(
        _("Write {new} new and {updated} updated entries to {file}?").format(
            new=len(new), updated=len(updated), file=target.shown
        ),
        write,
        no_input,
    ):
        typer.echo(_("Nothing written; run again with --write to add them."))
        raise typer.Exit(EXIT_OK)
    write_atomic(target.path, content)
    typer.echo(
        _("Wrote {new} new and {updated} updated entries to {file}.").format(
            new=len(new), updated=len(updated), file=target.shown
        )
    )
    raise typer.Exit(EXIT_OK)
