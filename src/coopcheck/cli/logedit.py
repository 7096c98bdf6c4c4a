"""Writing entries into a partnership's log, for `coopcheck add` and `coopcheck import`.

The log written to is the last file under `logs:`, or the partnership file itself (its inline
`activities:`) when there is none. The edit is textual (see `coopcheck.importing.logtext`); the
whole partnership is loaded again as it would be after the edit, with the new text standing in for
the file, and only when that passes is the file replaced, atomically.
"""

from __future__ import annotations

import codecs
import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coopcheck.cli.app import fail, load_all, write_atomic
from coopcheck.i18n import _

if TYPE_CHECKING:
    from coopcheck.importing.entries import Entry
    from coopcheck.loading import LoadResult
    from coopcheck.models import LoadedPartnership, Origin


@dataclass(frozen=True)
class Target:
    """The file new entries go to, and in which form."""

    path: Path
    shown: str  # as the loader names it in messages and origins
    form: str  # "yaml-mapping" (`activities:`), "yaml-list", or "csv"
    header: tuple[str, ...] = ()


def load_valid(file: Path, allow_outside: bool, as_of: dt.date) -> tuple[LoadResult, LoadedPartnership]:
    """The partnership as it is; entries are added only to a valid one (else exit 2 with its errors)."""
    from coopcheck.rendering import diagnostics

    (result,) = load_all([file], allow_outside, as_of)
    if result.partnership is None:
        sys.stderr.write(diagnostics.as_text([result]))
        raise fail(_("{file}: fix these errors first; nothing was written").format(file=file))
    return result, result.partnership


def target_of(file: Path, result: LoadResult) -> Target:
    """The last log under `logs:`, else the partnership file."""
    assert result.partnership is not None
    source = result.sources[-1]
    path = file.parent / result.partnership.definition.logs[-1] if len(result.sources) > 1 else file
    if source.csv is not None:
        return Target(path, source.file, "csv", tuple(source.csv.header))
    form = "yaml-mapping" if source.activity_prefix == ("activities",) else "yaml-list"
    return Target(path, source.file, form)


def own_ids(partnership: LoadedPartnership, target: Target) -> list[str]:
    return [
        a.id
        for a, o in zip(partnership.activities, partnership.origins, strict=True)
        if a.id and o.file == target.shown
    ]


def edited(target: Target, appended: Sequence[Entry], replaced: Mapping[Origin, Entry]) -> bytes:
    """The target file's bytes after the edit (a byte-order mark and line endings kept)."""
    from coopcheck.importing.logtext import EditError, edit_csv, edit_yaml
    from coopcheck.loading.diagnostics import InputError
    from coopcheck.loading.inputs import read_input

    try:
        data = read_input(target.path, target.shown)
    except InputError as exc:  # replaced by something else since it was loaded
        fail(str(exc.diagnostics[0]))
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    try:
        text = data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:  # changed since it was loaded
        raise fail(_("{file}: changed while coopcheck ran; run the command again").format(file=target.shown)) from None
    try:
        if target.form == "csv":
            _warn_about_missing_columns(target, [*appended, *replaced.values()])
            lines = {origin.line: entry for origin, entry in replaced.items()}
            text = edit_csv(text, list(target.header), appended, lines)
        else:
            positions = {(origin.line, origin.column): entry for origin, entry in replaced.items()}
            text = edit_yaml(text, target.form == "yaml-mapping", appended, positions)
    except EditError as exc:
        fail(f"{target.shown}:{exc.line}:{exc.column}: {exc.message}")
    return bom + text.encode("utf-8")


def _warn_about_missing_columns(target: Target, entries: Sequence[Entry]) -> None:
    """A CSV log holds only the columns of its header: say which given fields it cannot hold."""
    missing = sorted({name for entry in entries for name, value in entry.items() if value not in (None, [], "")}
                     - set(target.header))  # fmt: skip
    if missing:
        sys.stderr.write(
            _(
                "warning: {file} has no column for {fields}; left out (add the column to its header to keep them)"
            ).format(file=target.shown, fields=", ".join(missing))
            + "\n"
        )


def check_and_write(
    file: Path, target: Target, new: bytes, expected: int, allow_outside: bool, as_of: dt.date, write: bool = True
) -> None:
    """Load the partnership with `new` standing in for the target; write it only when valid and
    holding `expected` activities. On any problem: the located errors, exit 2, the file untouched."""
    from coopcheck.loading import staged
    from coopcheck.rendering import diagnostics

    with staged({target.path: new}):
        (result,) = load_all([file], allow_outside, as_of)
    if result.partnership is None:
        sys.stderr.write("".join(f"{d}\n" for d in result.errors))
        raise fail(_("the change would make {file} invalid; nothing was written").format(file=file))
    if len(result.partnership.activities) != expected:
        sys.stderr.write(diagnostics.as_text([result]))
        fail(
            _("{file}: the edit would hold {found} activities, expected {expected}; nothing was written").format(
                file=target.shown, found=len(result.partnership.activities), expected=expected
            )
        )
    if write:
        write_atomic(target.path, new)


def confirm(question: str, write: bool, no_input: bool) -> bool:
    """`--write` says yes; on a terminal the user is asked; otherwise nothing is written."""
    if write:
        return True
    if no_input or not sys.stdin.isatty():
        return False
    return bool(typer.confirm(question, default=False))
