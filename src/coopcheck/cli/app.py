"""The typer application and what every command shares: output, atomic writes, dates, exit codes.

Heavy modules (pydantic, yaml, the engine, rich) are imported inside the commands, so
`coopcheck --version` and `--help` start as fast as typer itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from coopcheck import __version__

if TYPE_CHECKING:
    from coopcheck.config import LoadedConfig
    from coopcheck.loading import LoadResult

EXIT_OK = 0
EXIT_THRESHOLD = 1
EXIT_INVALID = 2

app = typer.Typer(
    name="coopcheck",
    help="Partnership health checker: is a partnership alive, lopsided or empty, why, since when, "
    "what it cost, and which lever to pull.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coopcheck {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """coopcheck: influence against outcome, reciprocity, one-way streets and empty contacts."""


def emit(text: str, output: Path | None = None) -> None:
    """Print `text`, or write it to `output` atomically (a temporary file, then a rename)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(output, text.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that an interrupted run never leaves a half-written file.

    A file is replaced in one step (a temporary file next to it, then a rename); through a symbolic
    link, the file it points to is replaced and the link stays. What is not a regular file, such as
    `/dev/null`, `/dev/stdout` or a named pipe, is written to as it is: there is nothing to replace.
    """
    import tempfile

    from coopcheck.loading.inputs import name_problem

    problem = name_problem(str(path))
    if problem is not None:
        fail(f"{path}: {problem}")
    try:
        special = path.exists() and not path.is_file()
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror or exc})")
    if path.is_dir():
        fail(f"{path}: is a folder; expected a file name")
    if special:
        try:
            with path.open("wb") as stream:
                stream.write(data)
        except OSError as exc:
            fail(f"{path}: cannot write ({exc.strerror or exc})")
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        fail(f"{path}: cannot write ({exc.strerror or exc})")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            fail(f"{path}: cannot write ({exc.strerror or exc})")
        raise


def refuse_to_overwrite(output: Path | None, inputs: Iterable[str]) -> None:
    """Stop (exit 2) before a report is written over one of the files it was made from."""
    if output is None:
        return
    for name in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(output, name):
                shown = str(output) if Path(name) == output else f"{output} ({name})"
                fail(f"--output: {shown} is one of the files read; name another file")


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets what the umask allows (not mkstemp's 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def record_internal_error(exc: BaseException) -> None:
    """When the safety net catches a bug, append its traceback to `$COOPCHECK_INTERNAL_ERROR_LOG` if
    that is set: the test suite and the fuzzer set it, so a caught bug fails them instead of passing quietly."""
    target = os.environ.get("COOPCHECK_INTERNAL_ERROR_LOG")
    if not target:
        return
    import traceback

    with contextlib.suppress(OSError), open(target, "a", encoding="utf-8") as log:
        log.write("".join(traceback.format_exception(exc)) + "\n")


def fail(message: str, code: int = EXIT_INVALID) -> typer.Exit:
    """Print a usage or I/O problem to stderr and stop with `code`; names in it are shown with escapes."""
    from coopcheck.escaping import printable

    shown = "\n".join(printable(line) for line in message.split("\n"))
    sys.stderr.write(f"coopcheck: {shown}\n")
    raise typer.Exit(code)


def parse_date(value: str | None, option: str = "--as-of") -> dt.date:
    if value is None:
        return dt.date.today()
    from coopcheck.models import MAX_DATE, MIN_DATE

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(not_a_date(value, option))
    if not MIN_DATE <= day <= MAX_DATE:
        from coopcheck.i18n import _

        message = _("date out of range (found {found}; expected a date from {first} to {last})")
        fail(f"{option}: " + message.format(found=day, first=MIN_DATE, last=MAX_DATE))
    return day


def not_a_date(value: str, what: str) -> str:
    """`what: not a date (found ...)`, with the ISO form of a date written the German way."""
    from coopcheck.i18n import _
    from coopcheck.notation import iso_date

    meant = iso_date(value)
    hint = _("; did you mean {date}?").format(date=meant) if meant else ""
    return _("{option}: not a date (found '{found}'; expected YYYY-MM-DD)").format(option=what, found=value) + hint


def load_all(files: list[Path], allow_outside: bool, today: dt.date | None = None) -> list[LoadResult]:
    from coopcheck.loading import load_partnership

    return [load_partnership(file, allow_outside=allow_outside, today=today) for file in files]


def load_settings(explicit: Path | None = None) -> LoadedConfig:
    """The configuration in force: `explicit`, else `.coopcheck.yaml` or `[tool.coopcheck]` found by
    walking up from the working directory, else the defaults. An invalid file stops with exit 2."""
    from coopcheck.config import discover_config, load_config
    from coopcheck.loading.inputs import name_problem

    if explicit is not None and (problem := name_problem(str(explicit))) is not None:
        fail(f"--config: {explicit}: {problem}")
    if explicit is not None and not explicit.is_file():
        fail(f"--config: {explicit}: file not found")
    loaded = load_config(explicit) if explicit else discover_config(Path.cwd())
    if loaded.diagnostics:
        sys.stderr.write("".join(f"{d}\n" for d in loaded.diagnostics))
        fail(f"{loaded.file}: invalid configuration")
    return loaded


def colour_wanted(output: Path | None) -> bool:
    """Colour on a terminal; `NO_COLOR` turns it off and `FORCE_COLOR` on; never in a file."""
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def terminal_width(output: Path | None, default: int = 100) -> int:
    import shutil

    if output is None and sys.stdout.isatty():
        return max(60, shutil.get_terminal_size((default, 40)).columns)
    return default
