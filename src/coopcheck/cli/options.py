"""Options several commands share, and what they resolve to: flags win over the configuration file.

Only typer and the standard library at import time, so `coopcheck --version` stays fast.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from coopcheck.cli.app import EXIT_INVALID, fail, load_all, load_settings, parse_date, refuse_to_overwrite
from coopcheck.cli.language import Language, use_language
from coopcheck.i18n import _

if TYPE_CHECKING:
    from coopcheck.config import Config, LoadedConfig
    from coopcheck.models import LoadedPartnership

# `Optional[...]` rather than `... | None`: typer reads the annotations at runtime on Python 3.10.
AsOf = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Judge as of this date; later activity is ignored (default: today).",
    ),
]
Output = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of standard output."),
]
AllowOutsideLogs = Annotated[
    Optional[bool],  # noqa: UP045
    typer.Option(
        "--allow-outside-logs/--no-allow-outside-logs",
        help="Allow `logs:` paths that leave the partnership file's folder (default: config, else no).",
    ),
]
ConfigFile = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--config", metavar="FILE", help="Use this .coopcheck.yaml or pyproject.toml instead of searching for one."
    ),
]


@dataclass(frozen=True)
class Resolved:
    """The shared options after the configuration file had its say."""

    loaded: LoadedConfig
    language: str
    as_of: dt.date
    allow_outside_logs: bool

    @property
    def settings(self) -> Config:
        return self.loaded.config


def resolve(
    config_file: Path | None, lang: Language | None, as_of: str | None, allow_outside_logs: bool | None
) -> Resolved:
    """Read the configuration (exit 2 when it is invalid), switch the language, parse the date."""
    loaded = load_settings(config_file)
    settings = loaded.config
    language = use_language(lang, settings.language)
    outside = allow_outside_logs if allow_outside_logs is not None else settings.allow_outside_logs
    day = parse_date(as_of)
    today = dt.date.today()
    if day > today:
        note = _("--as-of {as_of} is in the future (today is {today}): the months until then count as quiet.")
        sys.stderr.write(f"coopcheck: {note.format(as_of=day.isoformat(), today=today.isoformat())}\n")
    return Resolved(loaded, language, day, outside)


def speak(lang: Language | None) -> str:
    """For commands that need nothing else from the configuration: `--lang`, else its `language`, else the locale."""
    return use_language(lang, None if lang is not None else load_settings().config.language)


def load_one(file: Path, resolved: Resolved, output: Path | None = None) -> LoadedPartnership:
    """Load one partnership for a report; its errors go to stderr with exit 2, its warnings to stderr.

    A report is never written over the partnership file or one of its logs (exit 2 instead).
    """
    from coopcheck.rendering import diagnostics

    if file.is_dir():
        fail(
            f"{file}: "
            + _(
                "is a folder; expected a partnership file (to check every partnership in the folder, "
                "run `coopcheck check {folder}`)"
            ).format(folder=file)
        )
    (result,) = load_all([file], resolved.allow_outside_logs, resolved.as_of)
    if result.partnership is None:
        sys.stderr.write(diagnostics.as_text([result]))
        raise typer.Exit(EXIT_INVALID)
    refuse_to_overwrite(output, result.files)
    for warning in result.warnings:
        sys.stderr.write(f"{warning}\n")
    # What was loaded lives until the process ends: out of the cycle collector's sight, the report
    # is made without it scanning the log again (benchmarks/bench_validate.py, assess against validate).
    gc.freeze()
    started = result.partnership.definition.started
    if resolved.as_of < started:
        note = _("--as-of {as_of} is before the partnership started ({started}): there is nothing to judge yet.")
        day = resolved.as_of.isoformat()
        sys.stderr.write(f"coopcheck: {note.format(as_of=day, started=started.isoformat())}\n")
    return result.partnership
