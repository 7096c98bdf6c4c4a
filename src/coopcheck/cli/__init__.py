"""The command line: the only place that reads arguments and the environment, writes files and prints.

Each command lives in a module of its own and registers itself on the shared typer `app`.
"""

import os
import sys

from coopcheck.cli import (
    add,  # noqa: F401  (registers the command)
    assess,  # noqa: F401  (registers the command)
    check,  # noqa: F401  (registers the command)
    explain,  # noqa: F401  (registers the command)
    importing,  # noqa: F401  (registers the commands)
    init,  # noqa: F401  (registers the command)
    trend,  # noqa: F401  (registers the command)
    validate,  # noqa: F401  (registers the command)
)
from coopcheck.cli.app import EXIT_INVALID, app, record_internal_error
from coopcheck.escaping import printable


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
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # The reader went away (`coopcheck check | head`): nothing more to say, and nowhere to say it.
        os._exit(0)
    except Exception as exc:  # a bug must still end in a message, not a traceback
        record_internal_error(exc)
        sys.stderr.write(
            f"coopcheck: internal error ({type(exc).__name__}: {printable(str(exc))}); this is a bug in coopcheck, "
            "please report it with the command and the input that caused it (docs/robustness.md)\n"
        )
        code = EXIT_INVALID
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
