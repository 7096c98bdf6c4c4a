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
    from coopcheck.escaping import json_safe, printable_all

    resolved = resolve(config_file, lang, as_of, allow_outside_logs)
    settings, code, day = resolved.settings, resolved.language, resolved.as_of
    partnership = load_one(file, resolved, output)
    computed = trends.compute(partnership, day, settings.scoring())
    # A report shows names as written, with control characters as visible escapes.
    shown = printable_all(computed)
    if output_format is TrendFormat.json:
        text = json_safe(computed.model_dump_json(indent=2)) + "\n"
    elif output_format is TrendFormat.markdown:
        from coopcheck.rendering import markdown

        text = markdown.render_trend(shown, code)
    elif output_format is TrendFormat.html:
        from coopcheck.rendering import html

        text = html.render_trend(shown, code)
    else:
        from coopcheck.rendering import trend_text

        text = trend_text.render(shown, code, colour=colour_wanted(output), width=terminal_width(output, 120))
    emit(text, output)
    raise typer.Exit(EXIT_OK)
