"""`coopcheck check`: CI mode over a repository of partnership files.

Finds the partnership files under the given paths, assesses each (in parallel processes), holds
them against `--fail-under` and `--fail-on`, and reports as a table, JSON, Markdown, GitHub
annotations or JUnit XML. Exit 2 when a file or the configuration is invalid (after every other
file was still assessed), 1 when a threshold is hit, 0 otherwise.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from coopcheck.cli.app import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_THRESHOLD,
    app,
    colour_wanted,
    emit,
    fail,
    refuse_to_overwrite,
    terminal_width,
)
from coopcheck.cli.language import Lang
from coopcheck.cli.options import AllowOutsideLogs, AsOf, ConfigFile, Output, resolve

if TYPE_CHECKING:
    from coopcheck.assessment.portfolio import CheckedPartnership, PortfolioCheck
    from coopcheck.cli.checkrun import Settings
    from coopcheck.loading.discovery import Discovery


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    junit = "junit"
    html = "html"


VALIDATE_FORMATS = (CheckFormat.text, CheckFormat.json, CheckFormat.github)
EXIT_FOR_STATUS = {"passed": EXIT_OK, "failed": EXIT_THRESHOLD, "invalid": EXIT_INVALID}


# `Optional[...]` rather than `... | None`: typer reads the annotations at runtime on Python 3.10.
Paths = Annotated[
    Optional[list[Path]],  # noqa: UP045
    typer.Argument(
        help="Files and folders to check (default: the current folder).", show_default=False, metavar="PATH"
    ),
]
FormatOption = Annotated[
    CheckFormat, typer.Option("--format", "-f", help="text, json, markdown, github (annotations), junit or html.")
]
FailUnder = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option("--fail-under", min=0, max=100, metavar="N", help="Exit 1 when a partnership's health is below this."),
]
FailOn = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--fail-on",
        metavar="CONDITION,...",
        help="Exit 1 on these conditions, comma-separated: one_way, red, amber, zombie, not_ready, "
        "or a diagnosis (onboarding, thriving, building, harvesting, empty).",
    ),
]
Jobs = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Parallel processes (default: config, then the number of CPUs)."
    ),
]
Summary = Annotated[bool, typer.Option("--summary", help="Also append the Markdown summary to $GITHUB_STEP_SUMMARY.")]
ValidateOnly = Annotated[
    bool,
    typer.Option(
        "--validate-only",
        help="Only load and validate the files (format text, json or github); no scores, no thresholds.",
    ),
]


@app.command()
def check(
    paths: Paths = None,
    output_format: FormatOption = CheckFormat.text,
    output: Output = None,
    fail_under: FailUnder = None,
    fail_on: FailOn = None,
    as_of: AsOf = None,
    jobs: Jobs = None,
    summary: Summary = False,
    allow_outside_logs: AllowOutsideLogs = None,
    validate_only: ValidateOnly = False,
    config_file: ConfigFile = None,
    lang: Lang = None,
) -> None:
    """Check every partnership file under PATHS against the thresholds; made for CI."""
    from coopcheck.assessment.portfolio import PortfolioCheck
    from coopcheck.cli.checkrun import Settings
    from coopcheck.i18n import _
    from coopcheck.loading.discovery import discover

    resolved = resolve(config_file, lang, as_of, allow_outside_logs)
    config, settings, language, day = resolved.loaded, resolved.settings, resolved.language, resolved.as_of
    if validate_only and output_format not in VALIDATE_FORMATS:
        fail(
            _("--validate-only: --format {format} is not available; use text, json or github").format(
                format=output_format.value
            )
        )
    conditions = _conditions(fail_on, settings.fail_on)
    threshold = fail_under if fail_under is not None else settings.fail_under
    searched = paths or [Path(".")]
    found = discover(searched, config.root or Path.cwd(), settings.include, settings.exclude)
    if not found.files and not found.missing and not found.unreadable:
        _nothing_found(found, searched, config.file)
    run_settings = Settings(
        as_of=day,
        allow_outside_logs=resolved.allow_outside_logs,
        fail_under=threshold,
        fail_on=conditions,
        params=settings.scoring(),
        language=language,
        validate_only=validate_only,
    )
    machine_format = output_format is not CheckFormat.text or output is not None
    results = _assess_all(found, run_settings, jobs or settings.jobs or _cpus(), machine_format)
    refuse_to_overwrite(output, (file for result in results for file in result.files))
    if validate_only:
        _validated(results, output_format, output)
    portfolio = PortfolioCheck(day, threshold, conditions, tuple(results))
    _report(portfolio, output_format, output, summary, language)
    raise typer.Exit(EXIT_FOR_STATUS[portfolio.status])


def _conditions(fail_on: list[str] | None, configured: Sequence[str]) -> tuple[str, ...]:
    """`--fail-on` as given, else the configuration's; an unknown condition stops with exit 2."""
    from coopcheck.assessment.thresholds import UnknownCondition, parse_conditions

    try:
        return parse_conditions(fail_on) if fail_on is not None else tuple(configured)
    except UnknownCondition as exc:
        raise fail(f"--fail-on: {exc}") from None


def _assess_all(found: Discovery, settings: Settings, workers: int, machine_format: bool) -> list[CheckedPartnership]:
    """Every file found, assessed in `workers` processes; paths missing or unreadable as invalid results."""
    from concurrent.futures.process import BrokenProcessPool

    from coopcheck.assessment.portfolio import checked
    from coopcheck.cli import progress
    from coopcheck.cli.checkrun import run
    from coopcheck.i18n import _
    from coopcheck.loading import Diagnostic

    shown = progress.wanted(machine_format=machine_format)
    try:
        running = run([str(file) for file in found.files], settings, workers)
        results = list(progress.tracked(running, len(found.files), _("Assessing"), enabled=shown))
    except BrokenProcessPool:
        fail(_("a worker process ended unexpectedly (out of memory?); try fewer --jobs"))
    results += [
        checked(str(path), None, [Diagnostic(str(path), 1, 1, _("file or folder not found"))], None, ())
        for path in found.missing
    ]
    unreadable = _("folder cannot be read ({reason})")
    results += [
        checked(str(path), None, [Diagnostic(str(path), 1, 1, unreadable.format(reason=reason))], None, ())
        for path, reason in found.unreadable
    ]
    return results


def _nothing_found(found: Discovery, searched: list[Path], config_file: Path | None) -> None:
    """No partnership file at all: fine for files named one by one (a commit that changed only logs
    and workflows), but a wrong path or glob when a folder was searched, so that stops with exit 2."""
    from coopcheck.i18n import _

    not_partnerships = _("{path}: no top-level 'coopcheck:' key")
    skipped = "".join("\n  " + not_partnerships.format(path=path) for path in found.skipped)
    folders = [path for path in searched if path.is_dir()]
    if not folders:
        sys.stderr.write("coopcheck: " + _("no partnership files found") + skipped + "\n")
        return
    message = _("no partnership files found in {folders} (YAML files with a top-level 'coopcheck:' key)").format(
        folders=", ".join(str(folder) for folder in folders)
    )
    if config_file is not None:
        message += "; " + _("'include' and 'exclude' in {config} narrow the search").format(config=config_file)
    fail(message + skipped)


def _report(
    portfolio: PortfolioCheck, output_format: CheckFormat, output: Path | None, summary: bool, language: str
) -> None:
    from coopcheck.rendering import formats

    style = formats.Style(language, colour_wanted(output), terminal_width(output, 120))
    shown = formats.shown(formats.PORTFOLIO, portfolio)  # escaped once, for every format but JSON
    if output_format is CheckFormat.html:
        # The page shows the partnerships that could be assessed; invalid files are named on stderr.
        for result in shown.results:
            sys.stderr.write("".join(f"{d}\n" for d in result.errors))
    chosen = formats.PORTFOLIO[output_format.value]
    emit(chosen.render(portfolio if chosen.raw else shown, style), output)
    if output_format is CheckFormat.text and os.environ.get("GITHUB_ACTIONS"):
        emit(formats.PORTFOLIO["github"].render(shown, style))
    if summary:
        _append_summary(shown)


def _append_summary(portfolio: PortfolioCheck) -> None:
    from coopcheck.i18n import _
    from coopcheck.rendering.portfolio import markdown

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        sys.stderr.write("coopcheck: --summary: " + _("GITHUB_STEP_SUMMARY is not set; no job summary written") + "\n")
        return
    path = Path(target)
    used = path.stat().st_size if path.exists() else 0
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(markdown.render(portfolio, limit=max(markdown.LIMIT_BYTES - used, 4096)))
    except OSError as exc:
        fail(f"--summary: {target}: " + _("cannot write ({reason})").format(reason=exc.strerror or exc))


def _cpus() -> int:
    """CPUs this process may run on (its CPU affinity where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _validated(results: list[CheckedPartnership], output_format: CheckFormat, output: Path | None) -> None:
    """`--validate-only`: report like `coopcheck validate` does, and stop."""
    from coopcheck.loading import LoadResult
    from coopcheck.rendering import diagnostics as render

    loaded = [LoadResult(None, list(result.diagnostics), list(result.files)) for result in results]
    renderers = {CheckFormat.json: render.as_json, CheckFormat.github: render.as_github}
    renderer = renderers.get(output_format, render.as_text)
    emit(renderer(loaded), output)
    raise typer.Exit(EXIT_INVALID if any(r.errors for r in loaded) else EXIT_OK)
