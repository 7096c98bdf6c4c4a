"""What an import would do, as a plain table: one line per event or row, then the counts. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from coopcheck.i18n import _
from coopcheck.importing.entries import text_of
from coopcheck.importing.plan import STATUS_LABELS, STATUSES, Planned

_WIDTHS = (11, 10, 20, 12)


def as_text(planned: Sequence[Planned], target: str) -> str:
    """The table, then one line with the count per status."""
    header = (_("status"), _("date"), _("from → to"), _("type"), _("source / topic / reason"))
    lines = [_row(header), _row((*("-" * w for w in _WIDTHS), "-" * 24))]
    lines += [_row(_cells(item)) for item in planned]
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


def _row(cells: tuple[str, ...]) -> str:
    padded = [cell[:width].ljust(width) for cell, width in zip(cells, _WIDTHS, strict=False)]
    return "  ".join([*padded, cells[-1]]).rstrip()
