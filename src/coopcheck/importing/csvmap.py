"""Rows of a CRM export (CSV) as log entries, through a small mapping file (see docs/import.md).

The mapping says how the export is written (`delimiter`, `encoding`, `date_format`, `decimal`,
`thousands`), which column or constant fills each activity field (`columns`), how the CRM's values
translate (`values`, such as `Closed Won` to `project_won`) and which rows to leave out
(`skip_rows`). Only mapped columns are read: nothing else from the export reaches the log.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from coopcheck.i18n import N_, _
from coopcheck.importing.entries import LIST_FIELDS, Entry
from coopcheck.importing.plan import Candidate
from coopcheck.loading import yamlsource
from coopcheck.loading.diagnostics import Diagnostic, InputError, format_path
from coopcheck.loading.messages import describe
from coopcheck.models import Strict

FieldName = Literal[
    "id", "date", "from", "to", "type", "level", "people", "topic", "hours", "travel_cost", "value",
    "attribution", "responds_to", "due", "actions", "note",
]  # fmt: skip
REQUIRED_FIELDS = ("id", "date", "from", "to", "type")
DATE_FIELDS = frozenset({"date", "due"})
NUMBER_FIELDS = frozenset({"hours", "travel_cost", "value"})
MAPPING_EXPECTED = N_("a mapping with 'columns:' (see docs/import.md)")


class Constant(Strict):
    """The same value for every row, e.g. `to: {constant: northwind}`."""

    constant: Annotated[str, Field(min_length=1, max_length=500)] = Field(description="The value.")


class ImportMapping(Strict):
    """How a CRM export's columns become activity fields."""

    delimiter: Annotated[str, Field(min_length=1, max_length=1)] = Field(
        default=",", description="The character between cells: ',' or ';' (a German Excel export), or a tab."
    )
    encoding: str = Field(default="utf-8", description="The export's text encoding, e.g. utf-8 or cp1252.")
    date_format: str = Field(default="%Y-%m-%d", description="How dates are written, e.g. %d.%m.%Y (strftime).")
    decimal: Literal[",", "."] = Field(default=".", description="The decimal mark of numbers.")
    thousands: Literal["", ".", ",", " ", "'"] = Field(default="", description="The thousands separator, if any.")
    list_separator: Annotated[str, Field(min_length=1, max_length=3)] = Field(
        default=";", description="Separates several names in `people` or `actions`."
    )
    id_prefix: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]*$", max_length=20)] = Field(
        default="", description="Put before the export's id, e.g. `hs-`, so ids from two CRMs never clash."
    )
    columns: dict[FieldName, Annotated[str, Field(min_length=1)] | Constant] = Field(
        description="Activity field -> the export's column name, or {constant: value}."
    )
    values: dict[FieldName, dict[str, str]] = Field(
        default_factory=dict, description="Per field: the CRM's value -> coopcheck's value."
    )
    skip_rows: dict[str, list[str]] = Field(
        default_factory=dict, description="Column -> values whose rows are left out (e.g. lost deals)."
    )

    @field_validator("delimiter")
    @classmethod
    def _usable_delimiter(cls, delimiter: str) -> str:
        if delimiter in '"\r\n' or delimiter.isalnum():
            raise ValueError(
                _("cannot separate cells (found {found}; expected e.g. ',', ';' or a tab)").format(
                    found=repr(delimiter)
                )
            )
        return delimiter

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, name: str) -> str:
        try:
            codecs.lookup(name)
        except LookupError:
            raise ValueError(
                _("unknown encoding (found '{found}'; expected e.g. utf-8, cp1252 or latin-1)").format(found=name)
            ) from None
        return name

    @model_validator(mode="after")
    def _required_fields(self) -> ImportMapping:
        missing = [name for name in REQUIRED_FIELDS if name not in self.columns]
        if missing:
            raise ValueError(
                _("columns: map {fields} (missing: {missing}); `id` makes a second import add nothing").format(
                    fields=", ".join(REQUIRED_FIELDS), missing=", ".join(missing)
                )
            )
        return self


def load_mapping(text: str, file: str) -> ImportMapping:
    """The mapping file, strictly read; InputError with every problem at file:line:column."""
    root = yamlsource.parse(text, file, MAPPING_EXPECTED).root
    if not isinstance(root, dict):
        raise InputError([Diagnostic(file, 1, 1, _("expected {expected}").format(expected=_(MAPPING_EXPECTED)))])
    try:
        return ImportMapping.model_validate(root)
    except ValidationError as exc:
        problems = []
        for item in exc.errors():
            loc = tuple(item["loc"])
            message, anchor = describe(item, ImportMapping, loc)
            problems.append((loc[:-1] if anchor == "parent" else loc, message, anchor))
        raise InputError(located(text, file, problems)) from None


def located(text: str, file: str, problems: Sequence[tuple[tuple[Any, ...], str, str]]) -> list[Diagnostic]:
    """(path, message, 'key' or 'value') in the mapping file -> diagnostics at their places."""
    wanted = {path[:i] for path, _m, _a in problems for i in range(len(path) + 1)}
    found = yamlsource.locate(text, wanted)
    out = []
    for path, message, anchor in problems:
        target = path
        while target not in found and target:
            target = target[:-1]
        place = found.get(target)
        line, column = (1, 1) if place is None else (place.key if anchor == "key" and place.key else place.value)
        out.append(Diagnostic(file, line, column, message, format_path(path)))
    return out


def header_problems(header: Sequence[str], mapping: ImportMapping) -> list[tuple[tuple[Any, ...], str, str]]:
    """Columns the mapping names that the export lacks, as (path in the mapping, message, anchor)."""
    shown = ", ".join(header)
    out: list[tuple[tuple[Any, ...], str, str]] = []
    for name, spec in mapping.columns.items():
        if isinstance(spec, str) and spec not in header:
            message = _("the export has no column '{column}' (its columns: {columns})").format(
                column=spec, columns=shown
            )
            out.append((("columns", name), message, "value"))
    for column in mapping.skip_rows:
        if column not in header:
            message = _("the export has no column '{column}' (its columns: {columns})").format(
                column=column, columns=shown
            )
            out.append((("skip_rows", column), message, "key"))
    return out


def read_rows(text: str, mapping: ImportMapping) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and each non-empty row with the line it starts on; ValueError on broken CSV."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=mapping.delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] = []
    start = 1
    try:
        for cells in reader:
            if not header:
                header = [cell.strip() for cell in cells]
            elif any(cell.strip() for cell in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ValueError(f"{start}: {exc}") from None
    return header, rows


def candidates(header: Sequence[str], rows: Sequence[tuple[int, list[str]]], mapping: ImportMapping,
               file: str) -> list[Candidate]:  # fmt: skip
    """One candidate per row: an entry, a row left out by `skip_rows`, or why it cannot be mapped."""
    index = {name: i for i, name in enumerate(header)}
    out = []
    for line, cells in rows:
        source = f"{file}:{line}"
        if len(cells) != len(header):
            reason = _("row has {count} cells; the header has {width}").format(count=len(cells), width=len(header))
            out.append(Candidate(source, None, reason, invalid=True))
            continue
        skipped = next(
            (f"{c}: '{cells[index[c]].strip()}'" for c, v in mapping.skip_rows.items() if cells[index[c]].strip() in v),
            None,
        )
        if skipped:
            out.append(Candidate(source, None, _("left out by skip_rows: {why}").format(why=skipped)))
            continue
        try:
            entry = _entry(cells, index, mapping)
        except ValueError as exc:
            out.append(Candidate(source, None, str(exc), invalid=True))
            continue
        out.append(Candidate(source, entry, ident=str(entry.get("id", "")) or None))
    return out


def _entry(cells: Sequence[str], index: dict[str, int], mapping: ImportMapping) -> Entry:
    entry: Entry = {}
    for name, spec in mapping.columns.items():
        raw = spec.constant if isinstance(spec, Constant) else cells[index[spec]].strip()
        raw = mapping.values.get(name, {}).get(raw, raw)
        if not raw:
            continue
        column = spec if isinstance(spec, str) else name
        entry[name] = _convert(name, raw, column, mapping)
    if "id" in entry:
        entry["id"] = mapping.id_prefix + str(entry["id"])
    return entry


def _convert(name: str, raw: str, column: str, mapping: ImportMapping) -> object:
    if name in DATE_FIELDS:
        try:
            return dt.datetime.strptime(raw, mapping.date_format).date()
        except ValueError:
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                raise ValueError(
                    _("column '{column}': '{found}' is not a date written {format}").format(
                        column=column, found=raw, format=mapping.date_format
                    )
                ) from None
    if name in NUMBER_FIELDS:
        return _number(raw, column, mapping)
    if name in LIST_FIELDS:
        return [part.strip() for part in raw.split(mapping.list_separator) if part.strip()]
    return raw


def _number(raw: str, column: str, mapping: ImportMapping) -> float:
    """`48.000,00 €` with decimal `,` and thousands `.` -> 48000.0."""
    # a currency sign or code before or after the number is dropped, nothing inside it
    bare = re.fullmatch(r"[^\d+-]*?([+-]?\d[\d.,' \u00a0]*?)[^\d]*", raw.strip())
    text = bare.group(1) if bare else raw
    if mapping.thousands:
        text = text.replace(mapping.thousands, "")
    text = text.replace("\u00a0", "").replace(" ", "")
    wrong_mark = "." if mapping.decimal == "," else ","
    try:
        if wrong_mark in text:
            raise ValueError(text)
        value = float(text.replace(",", "."))
    except ValueError:
        raise ValueError(
            _(
                "column '{column}': '{found}' is not a number (decimal mark '{decimal}', thousands '{thousands}')"
            ).format(column=column, found=raw, decimal=mapping.decimal, thousands=mapping.thousands)
        ) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(_("column '{column}': '{found}' is not a number").format(column=column, found=raw))
    return value
