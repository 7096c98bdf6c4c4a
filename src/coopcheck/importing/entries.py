"""An entry: one activity as the fields a user would write, and how it is written in YAML or CSV.

Entries are plain dicts (field name as written in a log -> date, number, text or list of text),
so the same entry can be shown, compared with what a log holds, and written in the log's own form.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from coopcheck.models import Activity

Entry = dict[str, object]

# The order fields are written in, as in docs/format.md.
FIELD_ORDER = (
    "id",
    "date",
    "from",
    "to",
    "type",
    "level",
    "people",
    "topic",
    "hours",
    "travel_cost",
    "value",
    "attribution",
    "responds_to",
    "due",
    "actions",
    "note",
)
LIST_FIELDS = frozenset({"people", "actions"})

# Text that reads back as the same text in YAML 1.1 and 1.2 without quotes: starts with a letter,
# holds no character with a meaning in YAML (`:`, `#`, `,`, brackets, quotes at the start...).
_PLAIN = re.compile(r"[^\W\d_][\w .'()/&+@-]*")
_KEYWORDS = frozenset({"yes", "no", "true", "false", "on", "off", "y", "n", "null"})


def from_activity(activity: Activity) -> Entry:
    """The fields of an activity as an entry, without those left empty."""
    data = activity.model_dump(by_alias=True, mode="python", exclude_none=True)
    entry: Entry = {}
    for name in FIELD_ORDER:
        value = data.get(name)
        if value is None or value == []:
            continue
        entry[name] = value.value if hasattr(value, "value") else value
    return entry


def number_text(value: float) -> str:
    """3 rather than 3.0, 1.25 rather than 1.2500; never an exponent."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def text_of(value: object) -> str:
    """A value as a person reads it (in a table, a CSV cell or a plain YAML scalar)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(text_of(item) for item in value)
    return str(value)


def yaml_scalar(value: object) -> str:
    """One value as YAML text that coopcheck (and any YAML reader) reads back unchanged."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_scalar(item) for item in value) + "]"
    if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
        return text_of(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and text.lower() not in _KEYWORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def yaml_item(entry: Mapping[str, object], dash_column: int, key_column: int, newline: str = "\n") -> str:
    """The entry as one item of a block list: `- id: ...` with the keys aligned under the first."""
    gap = " " * max(1, key_column - dash_column - 1)
    lines: list[str] = []
    for name in ordered(entry):
        prefix = " " * dash_column + "-" + gap if not lines else " " * key_column
        lines.append(f"{prefix}{name}: {yaml_scalar(entry[name])}")
    return newline.join(lines) + newline


def ordered(entry: Mapping[str, object]) -> list[str]:
    """The entry's fields that hold something, in the order they are written."""
    return [name for name in FIELD_ORDER if entry.get(name) not in (None, "", [])]


def csv_row(entry: Mapping[str, object], header: list[str], newline: str = "\n") -> str:
    """The entry as one CSV row under `header` (lists joined with `;`, as CSV logs hold them)."""
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerow([_csv_cell(entry.get(name)) for name in header])
    return out.getvalue()


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(text_of(item) for item in value)
    return text_of(value)


_NUMBERED = re.compile(r"(.*?)(\d+)")


def next_id(own_ids: Iterable[str], all_ids: Iterable[str]) -> str | None:
    """The next id in the pattern the log already uses (`ow-2026-041` after `ow-2026-040`).

    The pattern is the most common prefix before a trailing number among `own_ids` (the ids of the
    log written to); the number is one more than the highest with that prefix anywhere in the
    partnership, padded as the log pads it. None when the log numbers nothing.
    """
    numbered = [m for m in map(_NUMBERED.fullmatch, own_ids) if m]
    if not numbered:
        return None
    prefix = Counter(m.group(1) for m in numbered).most_common(1)[0][0]
    width = max(len(m.group(2)) for m in numbered if m.group(1) == prefix)
    taken = [int(m.group(2)) for m in map(_NUMBERED.fullmatch, all_ids) if m and m.group(1) == prefix]
    return f"{prefix}{max(taken, default=0) + 1:0{width}d}"
