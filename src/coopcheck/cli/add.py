"""`coopcheck add FILE`: append one activity to the partnership's log, without typing YAML.

The entry goes to the last log under `logs:` (a CSV log gets a CSV row), or to the inline
`activities:` when there is none. Options follow the activity fields; what is required and not
given is asked for on a terminal. The whole partnership is checked with the new entry before the
file is replaced; the rest of the file stays byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from coopcheck.cli.app import EXIT_OK, app, fail
from coopcheck.cli.language import Lang
from coopcheck.cli.options import AllowOutsideLogs, ConfigFile, resolve
from coopcheck.i18n import _

if TYPE_CHECKING:
    from coopcheck.importing.entries import Entry
    from coopcheck.models import LoadedPartnership

# `Optional[...]` rather than `... | None`: typer reads the annotations at runtime on Python 3.10.
Text = Optional[str]  # noqa: UP045


def _option(name: str, help_text: str, metavar: str = "TEXT") -> typer.models.OptionInfo:
    return typer.Option(name, help=help_text, metavar=metavar, show_default=False)


@app.command()
def add(
    file: Annotated[Path, typer.Argument(help="The partnership file.", show_default=False, metavar="FILE")],
    type_: Annotated[
        Text, _option("--type", "What happened: meeting, call, referral, project_won, ...", "TYPE")
    ] = None,
    from_: Annotated[Text, _option("--from", "Partner key of the side that gave or initiated.", "PARTNER")] = None,
    to: Annotated[
        Text, _option("--to", "Partner key of the receiving side (default: the other partner).", "PARTNER")
    ] = None,
    date: Annotated[Text, _option("--date", "Day it happened (default: today).", "YYYY-MM-DD")] = None,
    topic: Annotated[Text, _option("--topic", "What it was about; a contact without one counts as empty.")] = None,
    hours: Annotated[Text, _option("--hours", "Effort of the giving side, in hours.", "NUMBER")] = None,
    value: Annotated[Text, _option("--value", "Money: revenue, deal value or investment.", "NUMBER")] = None,
    travel_cost: Annotated[Text, _option("--travel-cost", "Travel cost of the giving side.", "NUMBER")] = None,
    level: Annotated[Text, _option("--level", "executive or working.", "LEVEL")] = None,
    people: Annotated[Text, _option("--people", "People involved, comma-separated.", "NAMES")] = None,
    responds_to: Annotated[Text, _option("--responds-to", "id of the request this answers.", "ID")] = None,
    due: Annotated[Text, _option("--due", "Due date of a request or commitment.", "YYYY-MM-DD")] = None,
    attribution: Annotated[Text, _option("--attribution", "sourced or influenced (revenue, won projects).")] = None,
    actions: Annotated[
        Optional[list[str]],  # noqa: UP045
        _option("--actions", "A follow-up action agreed in a review; repeat for several."),
    ] = None,
    note: Annotated[Text, _option("--note", "Free text; never scored.")] = None,
    id_: Annotated[Text, _option("--id", "Identifier (default: the next id in the log's own pattern).", "ID")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the entry instead of writing it.")] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask; fail when a required field is missing.")
    ] = False,
    allow_outside_logs: AllowOutsideLogs = None,
    config_file: ConfigFile = None,
    lang: Lang = None,
) -> None:
    """Append one activity to the partnership's log (checked, atomic, the rest of the file untouched)."""
    from coopcheck.cli import logedit
    from coopcheck.importing.entries import csv_row, next_id, yaml_item

    resolved = resolve(config_file, lang, None, allow_outside_logs)
    result, partnership = logedit.load_valid(file, resolved.allow_outside_logs, resolved.as_of)
    ask = not no_input and sys.stdin.isatty()
    type_ = type_ or _required("--type", _("Type of activity"), _types(), ask)
    from_, to = _sides(partnership, from_, to, ask)
    target = logedit.target_of(file, result)
    given: Entry = {
        "date": _date(date) if date else resolved.as_of,
        "from": from_,
        "to": to,
        "type": type_,
        "level": level,
        "people": _names(people),
        "topic": topic,
        "hours": _number(hours),
        "travel_cost": _number(travel_cost),
        "value": _number(value),
        "attribution": attribution,
        "responds_to": responds_to,
        "due": _date(due) if due else None,
        "actions": [a for a in actions or [] if a.strip()],
        "note": note,
    }
    all_ids = [a.id for a in partnership.activities if a.id]
    ident = id_ or next_id(logedit.own_ids(partnership, target), all_ids)
    entry: Entry = {"id": ident, **{k: v for k, v in given.items() if v not in (None, "", [])}} if ident else given
    new = logedit.edited(target, [entry], {})
    logedit.check_and_write(
        file, target, new, len(partnership.activities) + 1, resolved.allow_outside_logs, resolved.as_of, not dry_run
    )
    shown = csv_row(entry, list(target.header)) if target.form == "csv" else yaml_item(entry, 0, 2)
    if dry_run:
        typer.echo(_("Would add to {file}:").format(file=target.shown))
        typer.echo(shown, nl=False)
    else:
        typer.echo(_("Added to {file}:").format(file=target.shown))
        typer.echo(shown, nl=False)
    raise typer.Exit(EXIT_OK)


def _types() -> list[str]:
    from coopcheck.models import ActivityType

    return [t.value for t in ActivityType]


def _required(option: str, question: str, choices: list[str], ask: bool) -> str:
    """A required value not given as a flag: asked for on a terminal (with the allowed values)."""
    if not ask:
        fail(_("{option} is required (one of: {choices})").format(option=option, choices=", ".join(choices)))
    while True:
        answer = str(typer.prompt(f"{question} ({', '.join(choices)})")).strip()
        if answer in choices:
            return answer
        typer.echo(_("Please answer one of: {choices}.").format(choices=", ".join(choices)), err=True)


def _sides(partnership: LoadedPartnership, from_: str | None, to: str | None, ask: bool) -> tuple[str, str]:
    """`from` and `to`: a partnership has two partners, so one side names the other."""
    keys = list(partnership.definition.partners)
    if from_ is None and to in keys:
        from_ = keys[1 - keys.index(to)]
    if from_ is None:
        from_ = _required("--from", _("Partner who gave or initiated"), keys, ask)
    if to is None:
        to = keys[1 - keys.index(from_)] if from_ in keys else keys[0]
    return from_, to


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _number(text: str | None) -> float | str | None:
    """A number as a number; anything else stays text for the check to report where it would land."""
    if text is None:
        return None
    try:
        number = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        return text
    return number if number == number and abs(number) != float("inf") else text


def _date(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text
