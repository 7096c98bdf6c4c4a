"""Assessing many partnership files, in this process or in a pool of worker processes.

A worker loads one partnership, assesses it (the engine compares with the end of the previous
month itself), holds it against the thresholds and returns a `CheckedPartnership`: diagnostics,
thresholds hit and the assessment as JSON text, a few kilobytes. It keeps nothing between files.
The parent hands out a bounded window of files at a time and reads the results back in input
order, so the output is the same for any number of processes and memory grows by kilobytes per
file, not by the size of the logs.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coopcheck.assessment.portfolio import CheckedPartnership

WINDOW_PER_JOB = 4  # files handed out ahead per worker: enough to keep workers busy, few results waiting


@dataclass(frozen=True)
class Settings:
    """What every worker needs, sent once per process."""

    as_of: dt.date
    allow_outside_logs: bool
    fail_under: float | None = None
    fail_on: tuple[str, ...] = ()
    params: Any = None  # ScoringParameters; Any keeps pydantic out of this module's imports
    validate_only: bool = False
    language: str = "en"


_settings: Settings | None = None


def _initialize(settings: Settings) -> None:
    """Set up a worker (or this process): the settings, and the language the messages are written in."""
    from coopcheck.i18n import set_language

    global _settings
    _settings = settings
    set_language(settings.language)


def assess_file(file: str) -> CheckedPartnership:
    """Load, assess and check one file; never raises (a failure becomes a diagnostic on the file)."""
    from coopcheck.assessment.portfolio import checked
    from coopcheck.i18n import _
    from coopcheck.loading import Diagnostic, load_partnership

    settings = _settings
    assert settings is not None, "worker used before _initialize"
    diagnostics: list[Diagnostic] = []
    files = [file]
    try:
        loaded = load_partnership(file, allow_outside=settings.allow_outside_logs, today=settings.as_of)
        diagnostics, files = loaded.diagnostics, loaded.files
        if loaded.partnership is None or settings.validate_only:
            return checked(file, None, diagnostics, None, (), files)
        from coopcheck.assessment.engine import assess

        assessment = assess(loaded.partnership, settings.as_of, settings.params)
        return checked(file, assessment, diagnostics, settings.fail_under, settings.fail_on, files)
    except Exception as exc:  # a bug must not hide the other files' results
        from coopcheck.cli.app import record_internal_error

        record_internal_error(exc)
        reason = _("could not be assessed (internal error: {error}); please report this").format(error=repr(exc))
        problem = Diagnostic(file, 1, 1, reason)
        return checked(file, None, [*diagnostics, problem], None, (), files)


def run(files: Sequence[str], settings: Settings, jobs: int) -> Iterator[CheckedPartnership]:
    """`assess_file` for every file, results in the order of `files`."""
    if jobs <= 1 or len(files) <= 1:
        _initialize(settings)
        yield from (assess_file(file) for file in files)
        return
    import gc
    import importlib
    from concurrent.futures import Future, ProcessPoolExecutor

    # Loaded once here, so that forked workers start with the engine in memory instead of each importing it.
    for module in ("coopcheck.loading", "coopcheck.assessment.engine", "coopcheck.assessment.portfolio"):
        importlib.import_module(module)
    gc.freeze()  # the collector in a forked worker then leaves the inherited objects (and their pages) alone

    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_initialize, initargs=(settings,)) as pool:
        waiting: deque[Future[CheckedPartnership]] = deque()
        upcoming = iter(files)
        for file in upcoming:
            waiting.append(pool.submit(assess_file, file))
            if len(waiting) >= jobs * WINDOW_PER_JOB:
                break
        while waiting:
            result = waiting.popleft().result()
            following = next(upcoming, None)
            if following is not None:
                waiting.append(pool.submit(assess_file, following))
            yield result
