"""`coopcheck trend FILE`: the assessment month by month, with the turning points and what moved."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from coopcheck.cli.app import EXIT_OK, app, colour_wanted, emit, terminal_width
from coopcheck.cli.language import Lang
from coopcheck.cli.options import AllowOutsideLogs, AsOf, ConfigFile, Output, load_one, resolve


class TrendFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def trend(
    file: Annotated[Path, typer.Argument(help="The partnership file.", show_default=False, metavar="FILE")],
    as_of: AsOf = None,
    output_format: Annotated[
        TrendFormat, typer.Option("--format", "-f", help="text (terminal), json, markdown or html.")
    ] = TrendFormat.text,
    output: Output = None,
    allow_outside_logs: AllowOutsideLogs = None,
    config_file: ConfigFile = None,
    lang: Lang = None,
) -> None:
    """Show the assessment month by month from the start, and what moved at each turning point."""
    from coopcheck.assessment import trend as trends
    from coopcheck.rendering import formats

    resolved = resolve(config_file, lang, as_of, allow_outside_logs)
    settings, code, day = resolved.settings, resolved.language, resolved.as_of
    partnership = load_one(file, resolved, output)
    computed = trends.compute(partnership, day, settings.scoring())
    style = formats.Style(code, colour_wanted(output), terminal_width(output, 120))
    text = formats.render(formats.TREND, output_format.value, computed, style)
    emit(text, output)
    raise typer.Exit(EXIT_OK)
