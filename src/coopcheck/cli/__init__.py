"""The command line: the only place that reads arguments and the environment, writes files and prints.

Each command lives in a module of its own and registers itself on the shared typer `app`.
"""

import os
import sys

from coopcheck.cli import (
    assess,  # noqa: F401  (registers the command)
    check,  # noqa: F401  (registers the command)
    explain,  # noqa: F401  (registers the command)
    init,  # noqa: F401  (registers the command)
    trend,  # noqa: F401  (registers the command)
    validate,  # noqa: F401  (registers the command)
)
from coopcheck.cli.app import EXIT_INVALID, app


def main() -> None:
    """Entry point of the `coopcheck` command.

    A run may hold millions of small objects; once the output is flushed there is nothing left
    to do, so the process ends without the interpreter's teardown freeing them one by one.
    """
    code: int | str | None = 0
    try:
        app()
    except SystemExit as exit_:
        code = exit_.code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        code = code or EXIT_INVALID
    if isinstance(code, str):
        sys.stderr.write(code + "\n")
        sys.stderr.flush()
        code = EXIT_INVALID
    os._exit(code or 0)
