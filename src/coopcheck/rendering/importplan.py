"""What an import would do, as a plain table: one line per event or row, then the counts. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from coopcheck.i18n import _
from coopcheck.importing.entries import text_of
from coopcheck.importing.plan import STATUS_LABELS, STATUSES, Planned


def as_text(planned: Sequence[Planned], target: str) -> str:
    """The table, then one line with the count per status."""
    header = (_("status"), _("date"), _("from → to"), _("type"), _("source / topic / reason"))
    rows = [_cells(item) for item in planned]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = [_row(header, widths), _row(tuple("-" * w for w in [*widths, 24]), widths)]
    lines += [_row(row, widths) for row in rows]
    counts = Counter(item.status for item in planned)
    summary = ", ".join(f"{counts[s]} {_(STATUS_LABELS[s])}" for s in STATUSES if counts[s])
    lines.append(_("{file}: {summary}").format(file=target, summary=summary or _("nothing found")))
    return "\n".join(lines) + "\n"


def _cells(item: Planned) -> tuple[str, ...]:
    entry = item.entry
    sides = f"{entry['from']} → {entry['to']}" if "from" in entry and "to" in entry else ""
    detail = item.source
    topic = entry.get("topic")
    if topic and str(topic) not in detail:
        detail += f": {topic}"
    if item.reason:
        detail += f" ({item.reason})"
    return (
        _(STATUS_LABELS[item.status]),
        text_of(entry["date"]) if "date" in entry else "",
        sides,
        text_of(entry.get("type", "")),
        detail,
    )


def _row(cells: tuple[str, ...], widths: list[int]) -> str:
    padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
    return "  ".join([*padded, cells[-1]]).rstrip()
