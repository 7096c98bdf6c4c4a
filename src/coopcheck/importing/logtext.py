"""Textual edits of a log: new entries appended, changed entries rewritten, nothing else touched.

A log is never loaded and dumped again: comments, order, quoting and blank lines stay exactly as
they were written. The edit is planned on the text with the YAML parser's positions, in the style
of the entries already there (indentation, line endings); the caller then checks the result with
the loader before writing it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from coopcheck.i18n import _
from coopcheck.importing.entries import Entry, csv_row, yaml_item

Position = tuple[int, int]  # 1-based line and column, as the loader's origins


class EditError(Exception):
    """The log is written in a form that cannot be added to as text; says where and why."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass
class _Item:
    start: int  # offset of the item's first node
    end: int  # offset just past its last scalar or flow collection


@dataclass
class _Layout:
    """Where the activity list of a document is written."""

    items: list[_Item] = field(default_factory=list)
    flow: bool = False
    sequence: tuple[int, int] | None = None  # offsets of the list's start and end
    key: int | None = None  # offset of the `activities` key
    null_value: int | None = None  # offset past `activities:` when it holds nothing
    found: bool = False


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def edit_yaml(
    text: str, in_mapping: bool, appended: Sequence[Entry], replaced: Mapping[Position, Entry] | None = None
) -> str:
    """The log's text with `replaced` items (by the position of their first key) rewritten and
    `appended` added at the end of the activity list (`activities:` of a mapping, else the root list)."""
    starts = _line_starts(text)
    layout = _survey(text, in_mapping, starts)
    newline = newline_of(text)
    edits: list[tuple[int, int, str]] = []
    for item in layout.items:
        entry = (replaced or {}).get(_position(starts, item.start))
        if entry is not None:
            begin = starts[_line_of(starts, item.start)]
            dash, key = _columns(text, starts, item.start)
            edits.append((begin, _line_end(text, item.end), yaml_item(entry, dash, key, newline)))
    if appended:
        edits.append(_append(text, starts, layout, in_mapping, appended, newline))
    for begin, end, new in sorted(edits, reverse=True):
        text = text[:begin] + new + text[end:]
    return text


def _append(
    text: str, starts: list[int], layout: _Layout, in_mapping: bool, entries: Sequence[Entry], newline: str
) -> tuple[int, int, str]:
    if layout.items and not layout.flow:
        last = layout.items[-1]
        dash, key = _columns(text, starts, last.start)
        at = _line_end(text, last.end)
        return at, at, _block(text, at, entries, dash, key, newline)
    if layout.flow and layout.sequence is not None:
        begin, end = layout.sequence
        if layout.items:
            line = _line_of(starts, begin)
            raise EditError(
                _("the activity list is written in brackets ([...]); write one '- ' item per line to add to it"),
                line + 1,
                begin - starts[line] + 1,
            )
        while begin > 0 and text[begin - 1] in " \t":
            begin -= 1
        at = _line_end(text, end)
        dash = _key_column(starts, layout) + 2 if in_mapping else 0
        # the empty `[]` goes, the items follow on the lines below
        return begin, at, text[end:at] + _block(text, at, entries, dash, dash + 2, newline, after=text[end:at])
    if layout.null_value is not None:
        at = _line_end(text, layout.null_value)
        dash = _key_column(starts, layout) + 2
        return at, at, _block(text, at, entries, dash, dash + 2, newline)
    at = len(text)
    if in_mapping:
        lead = "" if not text or text.endswith("\n") else newline
        return at, at, lead + "activities:" + newline + _block("\n", 1, entries, 2, 4, newline)
    return at, at, _block(text, at, entries, 0, 2, newline)


def _block(text: str, at: int, entries: Sequence[Entry], dash: int, key: int, newline: str, after: str = "") -> str:
    ends_line = (after or text[:at]).endswith("\n") or at == 0
    lead = "" if ends_line else newline
    return lead + "".join(yaml_item(entry, dash, key, newline) for entry in entries)


def _key_column(starts: list[int], layout: _Layout) -> int:
    if layout.key is None:
        return 0
    return layout.key - starts[_line_of(starts, layout.key)]


def _columns(text: str, starts: list[int], item_start: int) -> tuple[int, int]:
    """Column of an item's dash and of its first key (0-based)."""
    line_start = starts[_line_of(starts, item_start)]
    key = item_start - line_start
    before = text[line_start:item_start]
    dash = before.find("-")
    return (dash if dash >= 0 else max(0, key - 2)), key


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1


def _position(starts: list[int], offset: int) -> Position:
    line = _line_of(starts, offset)
    return line + 1, offset - starts[line] + 1


def _line_end(text: str, offset: int) -> int:
    """Offset just past the line that holds the character before `offset`."""
    if offset > 0 and text[offset - 1] == "\n":
        return offset
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _survey(text: str, in_mapping: bool, starts: list[int]) -> _Layout:
    """Find the activity list by walking the parser's events once."""
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    walker = _Walker(starts, in_mapping)
    try:
        while True:
            event: Any = loader.get_event()
            if isinstance(event, StreamEndEvent):
                break
            if isinstance(event, CollectionEndEvent):
                walker.close(event)
            elif isinstance(event, (ScalarEvent, CollectionStartEvent)):
                walker.node(event)
    finally:
        loader.dispose()
    return walker.layout


class _Walker:
    """Follows the nesting of the events; records the activity list and where its items end."""

    def __init__(self, starts: list[int], in_mapping: bool) -> None:
        self.starts = starts
        self.in_mapping = in_mapping
        self.layout = _Layout()
        self.flows: list[bool] = []  # flow style of each open collection
        self.inside: int | None = None  # depth of the list's items while inside it
        self.key_turn = True
        self.key: str | None = None

    def node(self, event: Any) -> None:
        offset = _offset(self.starts, event.start_mark)
        depth = len(self.flows)
        items = self.layout.items
        if self.inside is not None and depth == self.inside:
            items.append(_Item(offset, _offset(self.starts, event.end_mark)))
        elif self.inside is not None and isinstance(event, ScalarEvent):
            items[-1].end = _offset(self.starts, event.end_mark)
        if depth == (1 if self.in_mapping else 0) and not self.layout.found:
            self._top_level(event, offset, depth)
        if isinstance(event, CollectionStartEvent):
            self.flows.append(bool(event.flow_style))

    def _top_level(self, event: Any, offset: int, depth: int) -> None:
        """A key or value of the root mapping, or the root itself."""
        if self.in_mapping and self.key_turn:
            self.key = event.value if isinstance(event, ScalarEvent) else None
            if self.key == "activities":
                self.layout.key = offset
            self.key_turn = False
            return
        if self.in_mapping and self.key != "activities":
            self.key_turn = True
            return
        self.layout.found = True
        if isinstance(event, SequenceStartEvent):
            self.inside = depth + 1
            self.layout.flow = bool(event.flow_style)
            self.layout.sequence = (offset, offset)
        elif isinstance(event, ScalarEvent):
            self.layout.null_value = _offset(self.starts, event.end_mark)

    def close(self, event: Any) -> None:
        flow = self.flows.pop()
        if self.inside is None:
            return
        end = _offset(self.starts, event.end_mark)
        if len(self.flows) == self.inside - 1 and isinstance(event, SequenceEndEvent):
            assert self.layout.sequence is not None
            self.layout.sequence = (self.layout.sequence[0], end)
            self.inside = None
        elif flow:
            self.layout.items[-1].end = end


def _offset(starts: list[int], mark: Any) -> int:
    return starts[mark.line] + mark.column if mark.line < len(starts) else starts[-1] + mark.column


def edit_csv(
    text: str, header: list[str], appended: Sequence[Entry], replaced: Mapping[int, Entry] | None = None
) -> str:
    """The CSV log's text with `replaced` rows (by their first line, 1-based) rewritten and
    `appended` rows added at the end, with the file's own line endings."""
    newline = newline_of(text)
    starts = _line_starts(text)
    spans = _row_spans(text)
    edits: list[tuple[int, int, str]] = []
    for first, last in spans:
        entry = (replaced or {}).get(first)
        if entry is not None:
            end = starts[last] if last < len(starts) else len(text)
            edits.append((starts[first - 1], end, csv_row(entry, header, newline)))
    lead = "" if not text or text.endswith("\n") else newline
    rows = "".join(csv_row(entry, header, newline) for entry in appended)
    if rows:
        edits.append((len(text), len(text), lead + rows))
    for begin, end, new in sorted(edits, reverse=True):
        text = text[:begin] + new + text[end:]
    return text


def _row_spans(text: str) -> list[tuple[int, int]]:
    """(first line, last line) of each data row, 1-based; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    spans = []
    start = 1
    for index, _cells in enumerate(reader):
        if index:
            spans.append((start, reader.line_num))
        start = reader.line_num + 1
    return spans
