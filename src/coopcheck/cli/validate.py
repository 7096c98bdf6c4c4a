"""`coopcheck validate` and `coopcheck schema`: the input format as a contract."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from coopcheck.cli.app import EXIT_INVALID, EXIT_OK, app, emit, load_all
from coopcheck.cli.language import Lang
from coopcheck.cli.options import AllowOutsideLogs, AsOf, ConfigFile, Output, resolve


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Partnership files to check.", show_default=False, metavar="FILE")
    ],
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text, json, or github (workflow annotations).")
    ] = ValidateFormat.text,
    allow_outside_logs: AllowOutsideLogs = None,
    as_of: AsOf = None,
    config_file: ConfigFile = None,
    lang: Lang = None,
) -> None:
    """Check partnership files and their logs; report every error as file:line:column.

    Activities dated after --as-of (default today) or before `started` are warnings, not errors.
    """
    from coopcheck.rendering import diagnostics

    resolved = resolve(config_file, lang, as_of, allow_outside_logs)
    results = load_all(files, resolved.allow_outside_logs, resolved.as_of)
    renderer = {
        ValidateFormat.text: diagnostics.as_text,
        ValidateFormat.json: diagnostics.as_json,
        ValidateFormat.github: diagnostics.as_github,
    }[output_format]
    emit(renderer(results))
    raise typer.Exit(EXIT_INVALID if any(r.errors for r in results) else EXIT_OK)


@app.command()
def schema(
    output: Output = None,
    log: Annotated[bool, typer.Option("--log", help="The schema of a separate YAML activity log instead.")] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the partnership format, for editors and CI."""
    from coopcheck.schema import schema_text

    emit(schema_text(log), output)
