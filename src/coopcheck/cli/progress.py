"""A progress bar for `coopcheck check` over a large portfolio, on a person's terminal only.

It appears once the run has taken longer than `DELAY` seconds (a small portfolio never sees it),
is drawn on stderr and cleared when the run ends, so the table on stdout stays as it is. It is
never shown in CI (`CI` or `GITHUB_ACTIONS` set), when stderr is not a terminal, or for a machine
format: the caller decides with `wanted()`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

DELAY = 1.0
T = TypeVar("T")


def wanted(machine_format: bool, stream: TextIO | None = None) -> bool:
    """Whether a person watches this run on a terminal (and not a CI log or a machine format)."""
    if machine_format or os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS"):
        return False
    return (stream or sys.stderr).isatty()


def tracked(
    items: Iterable[T],
    total: int,
    label: str,
    *,
    enabled: bool,
    delay: float = DELAY,
    stream: TextIO | None = None,
) -> Iterator[T]:
    """Yield `items`; when `enabled`, show a bar of `total` on `stream` (stderr) from `delay` seconds on."""
    if not enabled or total <= 1:
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.monotonic()
    progress: Progress | None = None
    task = None
    done = 0
    try:
        for item in items:
            done += 1
            if progress is None and time.monotonic() - started >= delay:
                progress = Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeRemainingColumn(),
                    console=Console(file=stream) if stream is not None else Console(stderr=True),
                    transient=True,
                )
                progress.start()
                task = progress.add_task(label, total=total, completed=done - 1)
            if progress is not None and task is not None:
                progress.update(task, completed=done)
            yield item
    finally:
        if progress is not None:
            progress.stop()
