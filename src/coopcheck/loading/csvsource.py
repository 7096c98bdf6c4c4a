"""CSV activity logs: what a CRM export gives after renaming its columns.

The header names activity fields (the same names as in YAML); empty cells mean "not given";
`people` and `actions` hold several values separated by `;`. Each row remembers the line it
starts on, so errors read `file.csv:line:column`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from coopcheck.i18n import _
from coopcheck.loading.diagnostics import Diagnostic, InputError
from coopcheck.loading.messages import closest

LIST_COLUMNS = frozenset({"people", "actions"})
REQUIRED_COLUMNS = ("date", "from", "to", "type")


@dataclass
class CsvLog:
    file: str
    rows: list[dict[str, object]]
    lines: list[int]
    header: list[str]
    raw_lines: list[str]

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


def parse(text: str, file: str, allowed: frozenset[str]) -> CsvLog:
    raw_lines = text.splitlines()
    first = raw_lines[0] if raw_lines else ""
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
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError([Diagnostic(file, 1, 1, _("CSV log is empty; expected a header row"))]) from None
    except csv.Error as exc:
        raise InputError([Diagnostic(file, 1, 1, _("CSV syntax error: {error}").format(error=exc))]) from None
    header = [name.strip() for name in header]
    problems = _header_problems(file, header, raw_lines[0] if raw_lines else "", allowed)
    if problems:
        raise InputError(problems)
    rows: list[dict[str, object]] = []
    lines: list[int] = []
    width = len(header)
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
            else:
                row: dict[str, object] = {}
                for name, cell in zip(header, cells, strict=False):
                    cell = cell.strip()
                    if not cell:
                        continue
                    if name in LIST_COLUMNS:
                        row[name] = [part.strip() for part in cell.split(";") if part.strip()]
                    else:
                        row[name] = cell
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        row_text = raw_lines[start - 1] if start <= len(raw_lines) else ""
        if "end of data" in str(exc):
            quote = row_text.rfind('"')
            problems.append(
                Diagnostic(file, start, quote + 1 if quote >= 0 else 1, _("a quoted cell is opened but never closed"))
            )
        else:
            problems.append(Diagnostic(file, start, 1, _("CSV syntax error: {error}").format(error=exc)))
    if problems:
        raise InputError(problems)
    return CsvLog(file, rows, lines, header, raw_lines)


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
