"""`coopcheck assess FILE`: one partnership, the report a consultant walks a client through."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from coopcheck.cli.app import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_THRESHOLD,
    app,
    colour_wanted,
    emit,
    load_all,
    load_settings,
    parse_date,
    terminal_width,
)
from coopcheck.cli.language import Lang, use_language


class AssessFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def assess(
    file: Annotated[Path, typer.Argument(help="The partnership file.", show_default=False)],
    output_format: Annotated[
        AssessFormat, typer.Option("--format", "-f", help="text (terminal), json, markdown or html.")
    ] = AssessFormat.text,
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
        typer.Option("--output", "-o", help="Write the report to this file (atomically) instead of printing it."),
    ] = None,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", help="Assess as of this date; later activity is ignored (YYYY-MM-DD; default today)."),
    ] = None,
    fail_under: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--fail-under", min=0, max=100, help="Exit 1 when the health score is below this."),
    ] = None,
    allow_outside_logs: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option("--allow-outside-logs/--no-allow-outside-logs", help="Allow `logs:` outside the file's folder."),
    ] = None,
    config_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--config", help="Use this .coopcheck.yaml or pyproject.toml instead of searching for one."),
    ] = None,
    lang: Lang = None,
) -> None:
    """Assess one partnership: diagnosis, health, influence against outcome, reciprocity, empty contacts."""
    from coopcheck.assessment.engine import assess as assess_partnership
    from coopcheck.assessment.thresholds import evaluate
    from coopcheck.rendering import diagnostics

    settings = load_settings(config_file).config
    code = use_language(lang, settings.language)
    day = parse_date(as_of)
    outside = allow_outside_logs if allow_outside_logs is not None else settings.allow_outside_logs
    (result,) = load_all([file], outside, day)
    if result.partnership is None:
        sys.stderr.write(diagnostics.as_text([result]))
        raise typer.Exit(EXIT_INVALID)
    for warning in result.warnings:
        sys.stderr.write(f"{warning}\n")
    assessment = assess_partnership(result.partnership, day, settings.scoring())
    if output_format is AssessFormat.json:
        text = assessment.model_dump_json(indent=2) + "\n"
    elif output_format is AssessFormat.markdown:
        from coopcheck.rendering import markdown

        text = markdown.render(assessment, code)
    elif output_format is AssessFormat.html:
        from coopcheck.assessment import trend
        from coopcheck.rendering import html

        text = html.render(assessment, code, trend.compute(result.partnership, day, settings.scoring()))
    else:
        from coopcheck.rendering import text as terminal

        text = terminal.render(assessment, color=colour_wanted(output), width=terminal_width(output))
    emit(text, output)
    threshold = fail_under if fail_under is not None else settings.fail_under
    hits = evaluate(assessment, threshold, ())
    for hit in hits:
        sys.stderr.write(f"coopcheck: {hit.message}\n")
    raise typer.Exit(EXIT_THRESHOLD if hits else EXIT_OK)
