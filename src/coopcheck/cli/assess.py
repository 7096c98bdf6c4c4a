"""`coopcheck assess FILE`: one partnership, the report a consultant walks a client through."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from coopcheck.cli.app import EXIT_OK, EXIT_THRESHOLD, app, colour_wanted, emit, terminal_width
from coopcheck.cli.language import Lang
from coopcheck.cli.options import AllowOutsideLogs, AsOf, ConfigFile, Output, load_one, resolve


class AssessFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class Audience(str, Enum):
    client = "client"
    analyst = "analyst"


@app.command()
def assess(
    file: Annotated[Path, typer.Argument(help="The partnership file.", show_default=False, metavar="FILE")],
    output_format: Annotated[
        AssessFormat, typer.Option("--format", "-f", help="text (terminal), json, markdown or html.")
    ] = AssessFormat.text,
    output: Output = None,
    as_of: AsOf = None,
    fail_under: Annotated[
        Optional[float],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
        typer.Option("--fail-under", min=0, max=100, metavar="N", help="Exit 1 when the health score is below this."),
    ] = None,
    allow_outside_logs: AllowOutsideLogs = None,
    config_file: ConfigFile = None,
    lang: Lang = None,
    audience: Annotated[
        Audience,
        typer.Option(
            "--audience",
            help="markdown and html: client (the report alone) or analyst (with the appendix of files, "
            "lines and finding ids).",
        ),
    ] = Audience.analyst,
) -> None:
    """Assess one partnership: diagnosis, health, influence against outcome, reciprocity, empty contacts."""
    from coopcheck.assessment import trend
    from coopcheck.assessment.engine import assess as assess_partnership
    from coopcheck.assessment.thresholds import evaluate
    from coopcheck.escaping import printable
    from coopcheck.rendering import formats

    resolved = resolve(config_file, lang, as_of, allow_outside_logs)
    settings, code, day = resolved.settings, resolved.language, resolved.as_of
    partnership = load_one(file, resolved, output)
    assessment = assess_partnership(partnership, day, settings.scoring())
    chosen = formats.REPORT[output_format.value]
    history = trend.compute(partnership, day, settings.scoring()) if chosen.wants_trend else None
    style = formats.Style(code, colour_wanted(output), terminal_width(output), audience.value)
    text = formats.render(formats.REPORT, chosen.name, formats.Report(assessment, history), style)
    emit(text, output)
    threshold = fail_under if fail_under is not None else settings.fail_under
    hits = evaluate(assessment, threshold, ())
    for hit in hits:
        sys.stderr.write(f"coopcheck: {printable(hit.message)}\n")
    raise typer.Exit(EXIT_THRESHOLD if hits else EXIT_OK)
