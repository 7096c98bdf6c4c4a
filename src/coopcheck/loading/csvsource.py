"""CSV activity logs: what a CRM export gives after renaming its columns.

The header names activity fields (the same names as in YAML); empty cells mean "not given";
`people` and `actions` hold several values separated by `;`. Each row remembers the line it
starts on, so errors read `file.csv:line:column`.

Rows are handed to a sink in batches as they are read (see `yamlsource.Sink`), so a large export
costs the memory of what the sink keeps, not of every row at once. The text of a line is looked
up again only to place an error.
"""

from __future__ import annotations

import csv
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from coopcheck.i18n import _
from coopcheck.loading.diagnostics import Diagnostic, InputError
from coopcheck.loading.messages import closest
from coopcheck.loading.yamlsource import BATCH, Sink

LIST_COLUMNS = frozenset({"people", "actions"})
REQUIRED_COLUMNS = ("date", "from", "to", "type")
# Lines as `io.StringIO(text, newline="")` yields them (ended by \r\n, \r or \n, kept), without
# the copy of the text StringIO makes.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")


@dataclass
class CsvLog:
    file: str
    header: list[str]
    text: str
    # the line each row starts on, by row number
    lines: array[int] = field(default_factory=lambda: array("L"))

    @cached_property
    def raw_lines(self) -> list[str]:
        return self.text.splitlines()

    def column_of(self, row_index: int, field: str) -> int:
        """1-based character column of `field`'s cell in the row's first line."""
        try:
            cell = self.header.index(field)
        except ValueError:
            return 1
        return cell_starts(self.raw_lines[self.lines[row_index] - 1]).get(cell, 1)


def cell_starts(line: str) -> dict[int, int]:
    """Cell number -> 1-based column where it starts, honouring double quotes."""
    starts = {0: 1}
    quoted = False
    cell = 0
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            cell += 1
            starts[cell] = i + 2
    return starts


def _first_line(text: str) -> str:
    """`text.splitlines()[0]` without splitting the whole text."""
    end = text.find("\n")
    lines = (text if end < 0 else text[:end]).splitlines()
    return lines[0] if lines else ""


def _lines(text: str) -> Iterator[str]:
    return (match.group() for match in _LINE.finditer(text))


def parse(text: str, file: str, allowed: frozenset[str], sink: Sink) -> CsvLog:
    """Check the header, then hand the rows to `sink` as dicts of non-empty cells. Raises InputError
    for a broken header or rows (what the sink was given is then to be dropped)."""
    first = _first_line(text)
    if ";" in first and "," not in first:
        raise InputError(
            [
                Diagnostic(
                    file,
                    1,
                    first.index(";") + 1,
                    _(
                        "the header is separated by ';' (found a semicolon-separated file; expected commas): export "
                        "the CSV with ',' as separator"
                    ),
                    field="header",
                )
            ]
        )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError([Diagnostic(file, line, 1, _("CSV log contains a NUL byte; save it as UTF-8 text"))])
    reader = csv.reader(_lines(text), strict=True)
    log = CsvLog(file, _header(reader, file, allowed, first), text)
    problems = _rows(reader, log, sink)
    if problems:
        raise InputError(problems)
    return log


def _header(reader: Any, file: str, allowed: frozenset[str], first: str) -> list[str]:
    try:
        header = next(reader)
    except StopIteration:
        raise InputError([Diagnostic(file, 1, 1, _("CSV log is empty; expected a header row"))]) from None
    except csv.Error as exc:
        raise InputError([Diagnostic(file, 1, 1, _("CSV syntax error: {error}").format(error=exc))]) from None
    header = [name.strip() for name in header]
    problems = _header_problems(file, header, first, allowed)
    if problems:
        raise InputError(problems)
    return header


def _rows(reader: Any, log: CsvLog, sink: Sink) -> list[Diagnostic]:
    """Read every row; rows go to `sink` until the first broken one, whose problems are returned."""
    problems: list[Diagnostic] = []
    header, lines, file = log.header, log.lines, log.file
    width = len(header)
    batch: list[dict[str, object]] = []
    places: list[tuple[int, int]] = []
    start = reader.line_num + 1
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                start = reader.line_num + 1
                continue
            if len(cells) != width:
                problems.append(
                    Diagnostic(
                        file,
                        start,
                        1,
                        _("row has {count} cells; the header has {width}").format(count=len(cells), width=width),
                        field="row",
                    )
                )
            elif not problems:
                batch.append(_row(header, cells))
                places.append((start, 1))
                lines.append(start)
                if len(batch) >= BATCH:
                    sink(batch, places, len(lines) - len(batch))
                    batch, places = [], []
            start = reader.line_num + 1
    except csv.Error as exc:
        problems.append(_syntax_error(log, start, exc))
    if batch and not problems:
        sink(batch, places, len(lines) - len(batch))
    return problems


def _row(header: list[str], cells: list[str]) -> dict[str, object]:
    """One row as the fields it gives: empty cells left out, list columns split at ';'."""
    row: dict[str, object] = {}
    for name, cell in zip(header, cells, strict=False):
        cell = cell.strip()
        if not cell:
            continue
        if name in LIST_COLUMNS:
            row[name] = [part.strip() for part in cell.split(";") if part.strip()]
        else:
            row[name] = cell
    return row


def _syntax_error(log: CsvLog, start: int, exc: csv.Error) -> Diagnostic:
    raw_lines = log.raw_lines
    row_text = raw_lines[start - 1] if start <= len(raw_lines) else ""
    if "end of data" in str(exc):
        column = row_text.rfind('"') + 1 or 1
        return Diagnostic(log.file, start, column, _("a quoted cell is opened but never closed"))
    return Diagnostic(log.file, start, 1, _("CSV syntax error: {error}").format(error=exc))


def _header_problems(file: str, header: list[str], first_line: str, allowed: frozenset[str]) -> list[Diagnostic]:
    """Unknown, repeated and missing columns; a misspelt column (`Date`, `ID`) gets its hint."""
    problems: list[Diagnostic] = []
    starts = cell_starts(first_line)
    meant: set[str] = set()  # required columns a misspelt header already points to
    for index, name in enumerate(header):
        if name not in allowed:
            hint = closest(name, sorted(allowed))
            found = _("unknown column '{name}'").format(name=name)
            if hint:
                meant.add(hint)
            problems.append(
                Diagnostic(
                    file,
                    1,
                    starts.get(index, 1),
                    found
                    + (
                        _("; did you mean '{name}'?").format(name=hint)
                        if hint
                        else _(" (expected {names})").format(names=", ".join(sorted(allowed)))
                    ),
                    field="header",
                )
            )
        elif header.index(name) != index:
            problems.append(
                Diagnostic(
                    file, 1, starts.get(index, 1), _("column '{name}' appears twice").format(name=name), "header"
                )
            )
    missing = [name for name in REQUIRED_COLUMNS if name not in header and name not in meant]
    if missing:
        lacks = _("header lacks required column(s) {names}").format(names=", ".join(missing))
        problems.append(Diagnostic(file, 1, 1, lacks, field="header"))
    return problems
