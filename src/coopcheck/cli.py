"""The command line: the only place that reads arguments, writes files and prints.

Heavy modules (pydantic, yaml, the engine, rich) are imported inside the commands, so
`coopcheck --version` and `--help` start as fast as typer itself.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from coopcheck import __version__

if TYPE_CHECKING:
    from coopcheck.loading import LoadResult

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_INVALID = 2

app = typer.Typer(
    name="coopcheck",
    help="Partnership health checker: is a partnership alive, lopsided or empty, why, since when, "
    "what it cost, and which lever to pull.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coopcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """coopcheck: influence against outcome, reciprocity, one-way streets and empty contacts."""


def emit(text: str, output: Path | None = None) -> None:
    """Print `text`, or write it to `output` atomically (a temporary file, then a rename)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(output, text.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that an interrupted run never leaves a half-written file."""
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror or exc})")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            fail(f"{path}: cannot write ({exc.strerror or exc})")
        raise


def fail(message: str, code: int = EXIT_INVALID) -> typer.Exit:
    """Print a usage or I/O problem to stderr and stop with `code`."""
    sys.stderr.write(f"coopcheck: {message}\n")
    raise typer.Exit(code)


def parse_date(value: str | None, option: str = "--as-of") -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: not a date (found '{value}'; expected YYYY-MM-DD)")
    raise AssertionError("unreachable")


def load_all(files: list[Path], allow_outside: bool, today: dt.date | None = None) -> list[LoadResult]:
    from coopcheck.loading import load_partnership

    return [load_partnership(file, allow_outside=allow_outside, today=today) for file in files]


AllowOutside = Annotated[
    bool,
    typer.Option(
        "--allow-outside-logs",
        help="Allow `logs:` paths that leave the partnership file's folder.",
    ),
]


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Partnership files to check.", show_default=False)],
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text, json, or github (workflow annotations).")
    ] = ValidateFormat.text,
    allow_outside_logs: AllowOutside = False,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", help="Date to check activity dates against (YYYY-MM-DD; default today)."),
    ] = None,
) -> None:
    """Check partnership files and their logs; report every error as file:line:column."""
    from coopcheck.rendering import diagnostics

    results = load_all(files, allow_outside_logs, parse_date(as_of))
    renderer = {
        ValidateFormat.text: diagnostics.as_text,
        ValidateFormat.json: diagnostics.as_json,
        ValidateFormat.github: diagnostics.as_github,
    }[output_format]
    emit(renderer(results))
    raise typer.Exit(EXIT_INVALID if any(r.errors for r in results) else EXIT_OK)


@app.command()
def schema(
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the partnership format, for editors and CI."""
    from coopcheck.schema import schema_text

    emit(schema_text(), output)


def main() -> None:
    """Entry point of the `coopcheck` command."""
    app()
