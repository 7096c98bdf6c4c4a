"""docs/scoring.md says what the engine computes for the shipped examples.

The page ends with a table of the headline figures of every example as of 2026-11-28, and a
worked example that recomputes `one-way-street.yaml` by hand. Both are read here and compared with
`coopcheck assess examples/FILE --as-of 2026-11-28 --format json`, so a change to the engine that
moves a figure fails until the page says the new figure (and, by its arithmetic, why).
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

import coopcheck.cli  # noqa: F401  (registers every command on the app)
from coopcheck.cli.app import app
from support import AS_OF, EXAMPLES, ROOT

Report = dict[str, Any]
Row = dict[str, str]

DOC = ROOT / "docs" / "scoring.md"
TABLE = re.compile(r"<!-- recomputed: examples -->\n(.*?)<!-- end: examples -->", re.S)
COLUMNS = (
    "example", "diagnosis", "health", "band", "influence", "outcome", "reciprocity index", "one-way giver", "since",
    "one-way cost", "empty-contact risk", "level", "empty-contact cost",
)  # fmt: skip


def cells(line: str) -> list[str]:
    return [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]


@functools.cache
def table() -> dict[str, Row]:
    """The recomputation table of docs/scoring.md, one row per example file name."""
    found = TABLE.search(DOC.read_text(encoding="utf-8"))
    assert found, "docs/scoring.md has no recomputation table between its markers"
    header, rule, *lines = found.group(1).strip().splitlines()
    assert tuple(cells(header)) == COLUMNS
    assert set(rule) <= {"|", "-", " "}
    rows = [dict(zip(COLUMNS, cells(line), strict=True)) for line in lines]
    return {row["example"]: row for row in rows}


@functools.cache
def report(file_name: str) -> Report:
    path = EXAMPLES / file_name
    result = CliRunner().invoke(
        app, ["assess", str(path), "--as-of", AS_OF, "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    parsed: Report = json.loads(result.stdout)
    return parsed


def number(cell: str) -> float | None:
    """A figure as the table writes it: `?` (not scored) or `-` (none) is None, thousands have commas."""
    return None if cell in {"?", "-"} else float(cell.replace(",", ""))


def money(cell: str) -> tuple[float, str] | None:
    if cell == "-":
        return None
    amount, currency = cell.rsplit(" ", 1)
    return float(amount.replace(",", "")), currency


def text(cell: str) -> str | None:
    return None if cell in {"?", "-"} else cell


def test_every_example_has_a_row() -> None:
    shipped = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
    assert sorted(table()) == shipped


def headline(rep: Report) -> Row:
    """The engine's figures in the table's terms (None where the table writes `?` or `-`)."""
    one_way, risk = rep["reciprocity"]["one_way"], rep["empty_contact_risk"]
    currency = rep["partnership"]["currency"]
    cost = one_way["cost"]
    return {
        "diagnosis": rep["diagnosis"]["id"],
        "health": rep["health"]["score"],
        "band": rep["health"]["band"],
        "influence": rep["influence"]["score"],
        "outcome": rep["outcome"]["score"],
        "reciprocity index": rep["reciprocity"]["index"],
        "one-way giver": one_way["giver"],
        "since": one_way["since"],
        "one-way cost": (cost["total"], currency) if one_way["detected"] and cost else None,
        "empty-contact risk": risk["score"],
        "level": risk["level"],
        "empty-contact cost": (risk["cost"], currency),
    }


READ = {
    "diagnosis": text,
    "health": number,
    "band": text,
    "influence": number,
    "outcome": number,
    "reciprocity index": number,
    "one-way giver": text,
    "since": text,
    "one-way cost": money,
    "empty-contact risk": number,
    "level": text,
    "empty-contact cost": money,
}


@pytest.mark.parametrize("file_name", sorted(path.name for path in EXAMPLES.glob("*.yaml")))
def test_the_table_is_what_the_engine_computes(file_name: str) -> None:
    row = table()[file_name]
    engine = headline(report(file_name))
    documented = {column: read(row[column]) for column, read in READ.items()}
    assert documented == engine, f"docs/scoring.md disagrees with the engine on {file_name}"


def worked_example() -> str:
    page = DOC.read_text(encoding="utf-8")
    start = page.index("## A worked example: the one-way street")
    return page[start : page.index("## Recomputing every example")]


def test_the_worked_example_quotes_the_engines_figures() -> None:
    rep = report("one-way-street.yaml")
    section = worked_example()
    reciprocity = rep["reciprocity"]
    one_way = reciprocity["one_way"]
    cost = one_way["cost"]
    influence = rep["influence"]
    quoted = [
        f"**{reciprocity['given']['kranich']['value']:,.0f}**",
        f"**{reciprocity['given']['lumen']['value']:,.0f}**",
        f"= {reciprocity['given']['kranich']['contribution_value']:,.0f}",
        f"= {reciprocity['given']['lumen']['contribution_value']:,.0f}",
        f"**{reciprocity['index']}**",
        f"since          = {one_way['since']}",
        f"= {one_way['months']}",
        f"{cost['hours']} h, EUR {cost['money']:,.0f} money, EUR {cost['travel']:,.0f} travel",
        f"= {cost['hours_value']:,.2f}",
        f"= {cost['total']:,.2f} EUR",
        f"= {one_way['receiver_share']}",
        f"**{rep['outcome']['score']}**",
        f"`due_from` = 2025-10-01\n+ round(0.25 x 456) days = {rep['outcome']['due_from']}",
        f"= **{influence['score']}**",
        f"**{rep['empty_contact_risk']['score']}**, {rep['empty_contact_risk']['level']}",
        f"cost 58 x 125 + 260 = {rep['empty_contact_risk']['cost']:,.0f}",
        f"reported as {rep['health']['score']}: {rep['health']['band']}",
        rep["diagnosis"]["summary"],
    ]
    quoted += [f"{f['id']} **{f['score']}**" for f in influence["factors"]]
    flat = " ".join(section.split())
    missing = [figure for figure in quoted if " ".join(figure.split()) not in flat]
    assert not missing, f"the worked example in docs/scoring.md no longer says: {missing}"


def test_the_worked_example_arithmetic_adds_up() -> None:
    """Each `a + b - c = d` line of the given-value table holds, so a reader's recomputation agrees."""
    section = worked_example()
    sums = re.findall(r"\| given value \| (.*?) = \*\*([\d,]+)\*\* \| (.*?) = \*\*([\d,]+)\*\* \|", section)
    assert sums, "the worked example has no given-value line"
    for expression, result in [pair for row in sums for pair in (row[:2], row[2:])]:
        terms = re.findall(r"([+-]?) ?([\d,.]+)", expression)
        total = sum((-1 if sign == "-" else 1) * float(value.replace(",", "")) for sign, value in terms)
        assert total == pytest.approx(float(result.replace(",", "")))
