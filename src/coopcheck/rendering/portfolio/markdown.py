"""The portfolio as a Markdown summary for a CI job page: the table, then what failed and why.

Job summaries hold at most 1 MiB (GitHub refuses a larger step summary). The summary is built
row by row and section by section; what does not fit is left out and a note says how much and
where to find it, so the page is always shown.
"""

from __future__ import annotations

from coopcheck.assessment.portfolio import CheckedPartnership, PortfolioCheck
from coopcheck.i18n import _
from coopcheck.rendering import localize
from coopcheck.rendering.markup import code, html_text, markdown
from coopcheck.rendering.portfolio import cells

LIMIT_BYTES = 1024 * 1024
STATUS_MARKS = {"passed": "✅", "failed": "❌", "invalid": "⚠️"}
RESERVED_BYTES = 400  # room for the truncation note


def _row(result: CheckedPartnership) -> str:
    mark = STATUS_MARKS[result.status]
    assessment = result.assessment()
    if assessment is None:
        return f"| {mark} | {code(result.file)} | | | | | | | {markdown(cells.outcome(result))} |\n"
    moved = "<br>".join(markdown(item) for item in cells.what_moved(assessment))
    change = cells.change(result) + (f"<br>{moved}" if moved else "")
    values = [
        f"**{markdown(assessment.partnership.name)}**<br>{code(result.file)}",
        cells.health(assessment),
        cells.diagnosis(assessment),
        cells.reciprocity(assessment),
        markdown(cells.one_way(assessment)),
        cells.empty_contact_risk(assessment),
        change,
        markdown(cells.outcome(result)),
    ]
    return f"| {mark} | " + " | ".join(values) + " |\n"


def _details(result: CheckedPartnership) -> str:
    if result.status == "invalid":
        lines = [f"- {code(d, in_table=False)}" for d in result.errors]
        return f"<details><summary>⚠️ {html_text(result.file)}</summary>\n\n" + "\n".join(lines) + "\n\n</details>\n"
    assessment = result.assessment()
    assert assessment is not None
    hits = "; ".join(hit.message for hit in result.hits)
    lines = [f"**{markdown(hit.message)}**" for hit in result.hits]
    for finding in assessment.findings:
        where = ", ".join(code(f"{e.file}:{e.line}", in_table=False) for e in finding.evidence[:3])
        text = f"- {markdown(localize.message(finding))}" + (f" ({where})" if where else "")
        remediation = localize.remediation(finding)
        if remediation:
            text += f" — {markdown(remediation)}"
        lines.append(text)
    summary = f"❌ {html_text(result.name)}: {html_text(hits)}"
    return f"<details><summary>{summary}</summary>\n\n" + "\n".join(lines) + "\n\n</details>\n"


def render(check: PortfolioCheck, limit: int = LIMIT_BYTES) -> str:
    """The summary, never larger than `limit` bytes of UTF-8."""
    head = (
        f"## coopcheck: {markdown(cells.summary(check))}\n\n"
        + markdown(
            _("As of {date}; {thresholds}.").format(date=localize.date(check.as_of), thresholds=cells.thresholds(check))
        )
        + "\n\n"
    )
    headers = [
        "",
        _("Partnership"),
        _("Health"),
        _("Diagnosis"),
        _("Reciprocity"),
        _("One-way"),
        _("Empty-contact risk"),
        _("Change"),
        _("Result"),
    ]
    table = "| " + " | ".join(headers) + " |\n" + "|" + "---|" * len(headers) + "\n"
    blocks = [head + table] + [_row(result) for result in check.results]
    problems = [result for result in check.results if result.status != "passed"]
    if problems:
        blocks.append("\n### " + _("What failed, and why") + "\n\n")
        blocks.extend(_details(result) for result in problems)
    out: list[str] = []
    size = 0
    for index, block in enumerate(blocks):
        block_size = len(block.encode("utf-8"))
        if size + block_size > limit - RESERVED_BYTES:
            note = _(
                "_Truncated: {left} more row(s) or section(s) did not fit in {limit} KiB; "
                "see the JSON or JUnit report for everything._"
            ).format(left=len(blocks) - index, limit=limit // 1024)
            return "".join(out) + "\n" + note + "\n"
        out.append(block)
        size += block_size
    return "".join(out)
