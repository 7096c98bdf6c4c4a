"""`coopcheck init [DIR]`: scaffold a partnership file and an empty activity log.

Asks for the partners, sponsors, kind, start date and the success factors agreed up front, or
takes them as flags with `--no-input`. The files are written atomically and never over an
existing file unless `--force` is given.
"""

from __future__ import annotations

import datetime as dt
import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from coopcheck.cli.app import EXIT_OK, app, fail, not_a_date, parse_date, write_atomic
from coopcheck.cli.language import Lang
from coopcheck.cli.options import speak
from coopcheck.i18n import _
from coopcheck.notation import iso_date, plain_number

if TYPE_CHECKING:
    from coopcheck.scaffold import Scaffold, Side


class InitKind(str, Enum):
    joint_market = "joint_market"
    development = "development"
    trusted_advisory = "trusted_advisory"
    other = "other"


SCHEMA_FOLDER = ".coopcheck"


def schema_reference(directory: Path, file_name: str, schema_id: str) -> str:
    """Relative path to the schema file in `directory` or above it (also in a `.coopcheck/` folder
    there), else the schema id."""
    here = directory.resolve()
    for folder in (here, *here.parents):
        for candidate in (folder / file_name, folder / SCHEMA_FOLDER / file_name):
            if candidate.is_file():
                return Path(os.path.relpath(candidate, here)).as_posix()
    return schema_id


def write_schemas(directory: Path) -> None:
    """Put both JSON Schemas in `directory/.coopcheck/` unless a schema file is already reachable,
    so the modeline points at a file an editor can read offline."""
    from coopcheck import schema

    for file_name, schema_id, log in (
        (schema.PARTNERSHIP_SCHEMA_FILE, schema.PARTNERSHIP_SCHEMA_ID, False),
        (schema.LOG_SCHEMA_FILE, schema.LOG_SCHEMA_ID, True),
    ):
        if schema_reference(directory, file_name, schema_id) == schema_id:
            target = directory / SCHEMA_FOLDER / file_name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, schema.schema_text(log).encode("utf-8"))


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _name(value: str, option: str) -> str:
    if not value.strip():
        fail(_("{option}: a name is needed (found '{found}')").format(option=option, found=value))
    return value.strip()


def _blank_is_none(value: str | None) -> str | None:
    return (value or "").strip() or None


def _ask(question: str, default: str) -> str:
    return str(typer.prompt(question, default=default))


def _ask_kind(default: InitKind) -> InitKind:
    choices = ", ".join(k.value for k in InitKind)
    while True:
        answer = _ask(_("Kind of partnership ({choices})").format(choices=choices), default.value).strip()
        if answer in InitKind.__members__:
            return InitKind(answer)
        typer.echo(_("Please answer one of: {choices}.").format(choices=choices), err=True)


def _ask_date(question: str, default: dt.date) -> dt.date:
    """A date, asked again until it is one; a date written `15.03.2026` is offered back as `2026-03-15`."""
    suggestion = default.isoformat()
    while True:
        answer = _ask(question, suggestion).strip()
        try:
            return dt.date.fromisoformat(answer)
        except ValueError:
            typer.echo(not_a_date(answer, question), err=True)
            suggestion = iso_date(answer) or suggestion


def target_problem(text: str) -> str | None:
    """What is wrong with a target as typed (`400.000` would be read as 400), or None when it is
    a plain number of 0 or more."""
    number = plain_number(text)
    try:
        value = float(text) if number is None else None
    except ValueError:
        value = None
    if value is None:
        hint = _("; did you mean {number}?").format(number=number) if number else ""
        return _("not a number (found '{found}'; expected digits, with '.' as the decimal point)").format(
            found=text
        ) + hint
    if not 0 <= value < float("inf"):
        return _("out of range (found '{found}'; expected a number >= 0)").format(found=text)
    return None


def _target_option(text: str | None, option: str) -> float | None:
    if text is None:
        return None
    problem = target_problem(text.strip())
    if problem is not None:
        fail(f"{option}: {problem}")
    return float(text)


def _ask_target(question: str, default: float | None) -> float | None:
    """A target count or amount; 0 means none was agreed. Asked again until it is a plain number."""
    suggestion = f"{default:g}" if default else "0"
    while True:
        answer = _ask(question, suggestion).strip()
        problem = target_problem(answer)
        if problem is None:
            value = float(answer)
            return value if value > 0 else None
        typer.echo(f"{question}: {problem}", err=True)
        suggestion = plain_number(answer) or suggestion


def _ask_side(label: str, name: str, sponsor: str | None, contacts: str | None) -> tuple[str, str | None, str]:
    name = _ask(_("Name of {label}").format(label=label), name).strip()
    while not name:
        typer.echo(_("A name is needed."), err=True)
        name = _ask(_("Name of {label}").format(label=label), "").strip()
    sponsor = _ask(_("Executive sponsor at {name} (empty: none yet)").format(name=name), sponsor or "") or None
    contacts = _ask(_("Working-level contacts at {name}, comma-separated").format(name=name), contacts or "")
    return name, sponsor, contacts


Text = Optional[str]  # noqa: UP045 - typer reads annotations at runtime on Python 3.10
Contacts = Annotated[Text, typer.Option("--contacts", help="Your working-level contacts, comma-separated.")]
PartnerContacts = Annotated[
    Text, typer.Option("--partner-contacts", help="The partner's working-level contacts, comma-separated.")
]
Started = Annotated[Text, typer.Option("--started", metavar="YYYY-MM-DD", help="Start date (default: today).")]
ReviewEveryDays = Annotated[
    int, typer.Option("--review-every-days", min=1, max=366, help="Agreed review rhythm, in days.")
]
TargetsBy = Annotated[
    Text, typer.Option("--by", metavar="YYYY-MM-DD", help="Date the targets are due (default: a year on).")
]
ResponseDays = Annotated[
    int, typer.Option("--response-days", min=1, max=365, help="Agreed turnaround for requests, in days.")
]


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to write the partnership into.", metavar="DIR")] = Path("."),
    first: Annotated[str, typer.Option("--partner", help="Name of your side.")] = "First Partner",
    second: Annotated[str, typer.Option("--with", help="Name of the partner company.")] = "Second Partner",
    first_sponsor: Annotated[Text, typer.Option("--sponsor", help="Executive sponsor on your side.")] = None,
    second_sponsor: Annotated[Text, typer.Option("--partner-sponsor", help="Executive sponsor at the partner.")] = None,
    first_contacts: Contacts = None,
    second_contacts: PartnerContacts = None,
    kind: Annotated[InitKind, typer.Option("--kind", help="Kind of partnership.")] = InitKind.joint_market,
    started: Started = None,
    currency: Annotated[str, typer.Option("--currency", help="ISO 4217 currency code.")] = "EUR",
    review_every_days: ReviewEveryDays = 30,
    joint_campaigns: Annotated[Text, typer.Option("--joint-campaigns", help="Target: campaigns.")] = None,
    projects_won: Annotated[Text, typer.Option("--projects-won", help="Target: projects won.")] = None,
    revenue: Annotated[Text, typer.Option("--revenue", help="Target: partner-induced revenue.")] = None,
    targets_by: TargetsBy = None,
    cost_split: Annotated[float, typer.Option("--cost-split", min=0, max=100, help="Your share, percent.")] = 50,
    response_days: ResponseDays = 5,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ask nothing; take flags and defaults.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    lang: Lang = None,
) -> None:
    """Scaffold a partnership file (with the schema modeline) and an empty activity log."""
    from coopcheck.scaffold import Scaffold, year_later

    speak(lang)
    start = parse_date(started, "--started")
    campaigns_target = _target_option(joint_campaigns, "--joint-campaigns")
    projects_target = _target_option(projects_won, "--projects-won")
    revenue_target = _target_option(revenue, "--revenue")
    if not no_input:
        first, first_sponsor, first_contacts = _ask_side(_("your side"), first, first_sponsor, first_contacts)
        second, second_sponsor, second_contacts = _ask_side(_("the partner"), second, second_sponsor, second_contacts)
        kind = _ask_kind(kind)
        start = _ask_date(_("Start date (YYYY-MM-DD)"), start)
        campaigns_target = _ask_target(_("Target: joint campaigns (0: none)"), campaigns_target)
        projects_target = _ask_target(_("Target: projects won (0: none)"), projects_target)
        revenue_target = _ask_target(_("Target: revenue (0: none)"), revenue_target)
    sides = _sides((first, first_sponsor, first_contacts), (second, second_sponsor, second_contacts))
    scaffold = Scaffold(
        sides=sides,
        kind=kind.value,
        started=start,
        currency=currency.upper(),
        review_every_days=review_every_days,
        targets_by=parse_date(targets_by, "--by") if targets_by else year_later(start),
        joint_campaigns=campaigns_target,
        projects_won=projects_target,
        revenue=revenue_target,
        cost_split_first=cost_split,
        response_days=response_days,
    )
    write_scaffold(directory, scaffold, force)
    raise typer.Exit(EXIT_OK)


def _sides(first: tuple[str, str | None, str | None], second: tuple[str, str | None, str | None]) -> tuple[Side, Side]:
    """Both sides as given or answered; two names with the same slug get distinct keys."""
    from coopcheck.scaffold import Side, slug

    sides = (
        Side(slug(first[0]), _name(first[0], "--partner"), _blank_is_none(first[1]), _names(first[2])),
        Side(slug(second[0]), _name(second[0], "--with"), _blank_is_none(second[1]), _names(second[2])),
    )
    if sides[0].key == sides[1].key:
        sides[1].key += "-2"
    return sides


def write_scaffold(directory: Path, scaffold: Scaffold, force: bool) -> None:
    from coopcheck.currencies import is_currency
    from coopcheck.scaffold import log_yaml, partnership_yaml

    if not is_currency(scaffold.currency):
        message = _("--currency: not a currency in use (found '{found}'; expected e.g. EUR, USD, CHF)")
        fail(message.format(found=scaffold.currency))
    partnership = directory / f"{scaffold.id}.yaml"
    log_name = f"logs/{scaffold.id}.yaml"
    log = directory / log_name
    from coopcheck.loading.inputs import name_problem

    for path in (partnership, log):
        if (problem := name_problem(str(path))) is not None:
            fail(f"{path}: {problem}")
    existing = [path for path in (partnership, log) if path.exists()]
    if existing and not force:
        fail(_("{path} exists; use --force to overwrite it").format(path=existing[0]))
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(_("{path}: cannot create the folder ({reason})").format(path=log.parent, reason=exc.strerror or exc))
    from coopcheck import schema

    try:
        write_schemas(directory)
    except OSError as exc:
        fail(
            _("{path}: cannot create the folder ({reason})").format(
                path=directory / SCHEMA_FOLDER, reason=exc.strerror or exc
            )
        )
    reference = schema_reference(directory, schema.PARTNERSHIP_SCHEMA_FILE, schema.PARTNERSHIP_SCHEMA_ID)
    log_reference = schema_reference(log.parent, schema.LOG_SCHEMA_FILE, schema.LOG_SCHEMA_ID)
    write_atomic(partnership, partnership_yaml(scaffold, reference, log_name).encode("utf-8"))
    write_atomic(log, log_yaml(log_reference).encode("utf-8"))
    typer.echo(_("Wrote {partnership} and {log}.").format(partnership=partnership, log=log))
    typer.echo(_("Next: log activities, then run `coopcheck assess {partnership}`.").format(partnership=partnership))
