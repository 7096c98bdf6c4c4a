"""The command line: the only place that reads arguments and the environment, writes files and prints.

Each command lives in a module of its own and registers itself on the shared typer `app`.
"""

import gc
import os
import sys
from typing import NoReturn

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
    """Entry point of the `coopcheck` command: one command, then the process ends."""
    _tune_collector()
    try:
        app()
    except SystemExit as exit_:
        # Ended here, inside the handler: the traceback still holds what the command built (a large
        # log is millions of small objects), so the process ends without freeing them one by one.
        _end(exit_.code)
    except KeyboardInterrupt:
        _end(130)
    except BrokenPipeError:
        # The reader went away (`coopcheck check | head`): nothing more to say, and nowhere to say it.
        os._exit(0)
    except Exception as exc:  # a bug must still end in a message, not a traceback
        record_internal_error(exc)
        sys.stderr.write(
            f"coopcheck: internal error ({type(exc).__name__}: {printable(str(exc))}); this is a bug in coopcheck, "
            "please report it with the command and the input that caused it (docs/robustness.md)\n"
        )
        _end(EXIT_INVALID)
    _end(0)


def _tune_collector() -> None:
    """Loading a large log builds millions of small objects that live until the process ends. With
    the default thresholds the cycle collector rescans them again and again (a sixth of the CPU
    time of `validate` on the 100,000 activities of benchmarks/bench_validate.py). The modules
    imported so far are moved out of its sight and it runs less often: cycles are still collected,
    and the run is over before the rest matters."""
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def _end(code: int | str | None) -> NoReturn:
    """Flush what was written and end the process with `code`, skipping the interpreter's teardown."""
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
