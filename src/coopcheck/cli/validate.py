"""`coopcheck validate` and `coopcheck schema`: the input format as a contract."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from coopcheck.cli.app import EXIT_INVALID, EXIT_OK, app, emit, load_all, load_settings, parse_date
from coopcheck.cli.language import Lang, use_language


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


AllowOutside = Annotated[
    Optional[bool],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
    typer.Option(
        "--allow-outside-logs/--no-allow-outside-logs",
        help="Allow `logs:` paths that leave the partnership file's folder (default: config, else no).",
    ),
]


@app.command()
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Partnership files to check.", show_default=False, metavar="FILE...")
    ],
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text, json, or github (workflow annotations).")
    ] = ValidateFormat.text,
    allow_outside_logs: AllowOutside = None,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", help="Date to check activity dates against (YYYY-MM-DD; default today)."),
    ] = None,
    config_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--config", help="Use this .coopcheck.yaml or pyproject.toml instead of searching for one."),
    ] = None,
    lang: Lang = None,
) -> None:
    """Check partnership files and their logs; report every error as file:line:column."""
    from coopcheck.rendering import diagnostics

    settings = load_settings(config_file).config
    use_language(lang, settings.language)
    outside = allow_outside_logs if allow_outside_logs is not None else settings.allow_outside_logs
    results = load_all(files, outside, parse_date(as_of))
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
    log: Annotated[bool, typer.Option("--log", help="The schema of a separate YAML activity log instead.")] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the partnership format, for editors and CI."""
    from coopcheck.schema import schema_text

    emit(schema_text(log), output)
