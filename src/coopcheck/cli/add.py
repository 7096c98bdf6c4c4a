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
    from coopcheck.cli import logedit
    from coopcheck.importing.entries import Entry
    from coopcheck.models import LoadedPartnership

# `Optional[...]` rather than `... | None`: typer reads the annotations at runtime on Python 3.10.
Text = Optional[str]  # noqa: UP045


def _option(name: str, help_text: str, metavar: str = "TEXT") -> typer.models.OptionInfo:
    return typer.Option(name, help=help_text, metavar=metavar, show_default=False)


File = Annotated[Path, typer.Argument(help="The partnership file.", show_default=False, metavar="FILE")]
Type = Annotated[Text, _option("--type", "What happened: meeting, call, referral, project_won, ...", "TYPE")]
From = Annotated[Text, _option("--from", "Partner key of the side that gave or initiated.", "PARTNER")]
To = Annotated[Text, _option("--to", "Partner key of the receiving side (default: the other partner).", "PARTNER")]
Date = Annotated[Text, _option("--date", "Day it happened (default: today).", "YYYY-MM-DD")]
Topic = Annotated[Text, _option("--topic", "What it was about; a contact without one counts as empty.")]
Hours = Annotated[Text, _option("--hours", "Effort of the giving side, in hours.", "NUMBER")]
Value = Annotated[Text, _option("--value", "Money: revenue, deal value or investment.", "NUMBER")]
TravelCost = Annotated[Text, _option("--travel-cost", "Travel cost of the giving side.", "NUMBER")]
Level = Annotated[Text, _option("--level", "executive or working.", "LEVEL")]
People = Annotated[Text, _option("--people", "People involved, comma-separated.", "NAMES")]
RespondsTo = Annotated[Text, _option("--responds-to", "id of the request this answers.", "ID")]
Due = Annotated[Text, _option("--due", "Due date of a request or commitment.", "YYYY-MM-DD")]
Attribution = Annotated[Text, _option("--attribution", "sourced or influenced (revenue, won projects).")]
Actions = Annotated[
    Optional[list[str]],  # noqa: UP045
    _option("--actions", "A follow-up action agreed in a review; repeat for several."),
]
Note = Annotated[Text, _option("--note", "Free text; never scored.")]
Id = Annotated[Text, _option("--id", "Identifier (default: the next id in the log's own pattern).", "ID")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the entry instead of writing it.")]
NoInput = Annotated[bool, typer.Option("--no-input", help="Never ask; fail when a required field is missing.")]


@app.command()
def add(
    file: File,
    type_: Type = None,
    from_: From = None,
    to: To = None,
    date: Date = None,
    topic: Topic = None,
    hours: Hours = None,
    value: Value = None,
    travel_cost: TravelCost = None,
    level: Level = None,
    people: People = None,
    responds_to: RespondsTo = None,
    due: Due = None,
    attribution: Attribution = None,
    actions: Actions = None,
    note: Note = None,
    id_: Id = None,
    dry_run: DryRun = False,
    no_input: NoInput = False,
    allow_outside_logs: AllowOutsideLogs = None,
    config_file: ConfigFile = None,
    lang: Lang = None,
) -> None:
    """Append one activity to the partnership's log (checked, atomic, the rest of the file untouched)."""
    from coopcheck.cli import logedit

    resolved = resolve(config_file, lang, None, allow_outside_logs)
    _utf8_only(locals())
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
    entry = _with_id(given, id_, partnership, target)
    new = logedit.edited(target, [entry], {})
    logedit.check_and_write(
        file, target, new, len(partnership.activities) + 1, resolved.allow_outside_logs, resolved.as_of, not dry_run
    )
    _show(entry, target, dry_run)
    raise typer.Exit(EXIT_OK)


def _with_id(given: Entry, id_: str | None, partnership: LoadedPartnership, target: logedit.Target) -> Entry:
    """The entry with its id first: `--id`, else the next in the log's own pattern; empty fields dropped."""
    from coopcheck.cli import logedit
    from coopcheck.importing.entries import next_id

    all_ids = [a.id for a in partnership.activities if a.id]
    in_target = sum(1 for origin in partnership.origins if origin.file == target.shown)
    # a log with entries follows its own pattern (none, if it numbers nothing); a new log the partnership's
    ident = id_ or next_id(logedit.own_ids(partnership, target) if in_target else all_ids, all_ids)
    return {"id": ident, **{k: v for k, v in given.items() if v not in (None, "", [])}} if ident else given


def _show(entry: Entry, target: logedit.Target, dry_run: bool) -> None:
    """The entry as it was (or, with `--dry-run`, would be) written: a CSV row or a YAML item."""
    from coopcheck.importing.entries import csv_row, yaml_item

    shown = csv_row(entry, list(target.header)) if target.form == "csv" else yaml_item(entry, 0, 2)
    if dry_run:
        typer.echo(_("Would add to {file}:").format(file=target.shown))
        typer.echo(shown, nl=False)
    else:
        typer.echo(_("Added to {file}:").format(file=target.shown))
        typer.echo(shown, nl=False)


def _utf8_only(options: dict[str, object]) -> None:
    """Text from the command line that is no valid UTF-8 cannot go into a UTF-8 log: say which option."""
    for name, value in options.items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    option = "--" + name.strip("_").replace("_", "-")
                    fail(_("{option}: not valid UTF-8 text; check the terminal's encoding").format(option=option))


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
