"""`coopcheck trend FILE`: the assessment month by month, with the turning points and what moved."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from coopcheck.cli.app import (
    EXIT_INVALID,
    EXIT_OK,
    app,
    colour_wanted,
    emit,
    load_all,
    load_settings,
    parse_date,
    terminal_width,
)
from coopcheck.cli.language import Lang, use_language


class TrendFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def trend(
    file: Annotated[Path, typer.Argument(help="The partnership file.", show_default=False)],
    as_of: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
        typer.Option("--as-of", help="Last day of the trend (YYYY-MM-DD; default today)."),
    ] = None,
    output_format: Annotated[
        TrendFormat, typer.Option("--format", "-f", help="text (terminal), json, markdown or html.")
    ] = TrendFormat.text,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of printing it."),
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
    """Show the assessment month by month from the start, and what moved at each turning point."""
    from coopcheck.assessment import trend as trends
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
    computed = trends.compute(result.partnership, day, settings.scoring())
    if output_format is TrendFormat.json:
        text = computed.model_dump_json(indent=2) + "\n"
    elif output_format is TrendFormat.markdown:
        from coopcheck.rendering import markdown

        text = markdown.render_trend(computed, code)
    elif output_format is TrendFormat.html:
        from coopcheck.rendering import html

        text = html.render_trend(computed, code)
    else:
        from coopcheck.rendering import trend_text

        text = trend_text.render(computed, code, colour=colour_wanted(output), width=terminal_width(output, 120))
    emit(text, output)
    raise typer.Exit(EXIT_OK)
