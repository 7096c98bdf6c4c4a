"""docs/scoring.md says what the engine computes for the shipped examples.

The page ends with a table of the headline figures of every example as of 2026-11-28, and a
worked example that recomputes `one-way-street.yaml` by hand. Both are read here and compared with
`coopcheck assess examples/FILE --as-of 2026-11-28 --format json`, so a change to the engine that
moves a figure fails until the page says the new figure (and, by its arithmetic, why).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from typing import Any

import pytest
from typer.testing import CliRunner

import coopcheck.cli  # noqa: F401  (registers every command on the app)
from coopcheck.assessment.parameters import ScoringParameters
from coopcheck.cli.app import app
from coopcheck.evidence import gather
from coopcheck.loading import load_partnership
from coopcheck.months import month_label
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


MONTH_ROW = re.compile(
    r"^\| (\d{4}-\d{2}) \| ([\d,]+) \| ([\d,]+) \| (\d+) / (\d+) \| (.*?) \| (.*?) \| (.*?) \| (.*?) \| (yes|no) \|$",
    re.M,
)


def test_the_worked_example_month_table_is_the_log_and_the_documented_formula() -> None:
    """Each month's given values and gifts are the log's, and the steps and sums follow the formula above it.

    The values come from the evidence (what the log holds per side and month); the steps and sums are
    recomputed from the table's own figures with the page's formula and defaults, and the street is
    reported in the month the page names, with the `since` the engine reports."""
    as_of = dt.date.fromisoformat(AS_OF)
    loaded = load_partnership(EXAMPLES / "one-way-street.yaml", today=as_of).partnership
    assert loaded is not None
    evidence = gather(loaded, as_of)
    rows = MONTH_ROW.findall(worked_example())
    assert [row[0] for row in rows] == [month_label(m) for m in evidence.months]
    flows = {side: {month_label(m): f for m, f in evidence.flows[side].items()} for side in ("kranich", "lumen")}
    given = sorted(f.value for f in flows["kranich"].values() if f.value > 0)
    typical = given[len(given) // 2]  # the upper middle value, as the page says
    assert f"so its typical month is {typical:,.0f}" in " ".join(worked_example().split())
    gating = ScoringParameters().reciprocity.one_way  # the defaults the page quotes
    gifts_k, gifts_l = (sum(f.giving for f in flows[side].values()) for side in ("kranich", "lumen"))
    baseline = min(max(gifts_l / (gifts_k + gifts_l), gating.receiver_share_floor), 0.5)
    assert f"Lumen made {gifts_l} of the {gifts_k + gifts_l} giving activities" in " ".join(worked_example().split())
    per_gift_value = sorted(f.value / f.giving for f in flows["lumen"].values() if f.giving and f.value > 0)
    typical_gift = per_gift_value[len(per_gift_value) // 2]
    assert f"Lumen's typical gift is {typical_gift:,.0f}" in " ".join(worked_example().split())
    per_gift = math.log((1 - gating.one_way_share) / (1 - baseline))
    per_return = math.log(gating.one_way_share / baseline)
    share = gating.month_share
    value_sum = count_sum = None
    for month, gave, got, gifts, returns, value_step, value_cell, count_step, count_cell, one_sided in rows:
        k, lum = float(gave.replace(",", "")), float(got.replace(",", ""))
        kranich, lumen = flows["kranich"].get(month), flows["lumen"].get(month)
        assert k == (kranich.value if kranich else 0) and lum == (lumen.value if lumen else 0), month
        assert int(gifts) == (kranich.giving if kranich else 0) and int(returns) == (lumen.giving if lumen else 0)
        step = (k - share * (k + lum)) / typical
        counted = int(gifts) * per_gift + min(int(returns), lum / typical_gift) * per_return
        assert float(value_step) == round(step, 3) and float(count_step) == round(counted, 3), month
        if value_sum is None and step > 0 and counted > 0:
            value_sum = count_sum = 0.0
        if value_sum is None or count_sum is None:
            assert value_cell == count_cell == "no run", month
            continue
        value_sum, count_sum = value_sum + step, count_sum + counted
        assert (float(value_cell), float(count_cell)) == (round(value_sum, 3), round(count_sum, 3)), month
        assert (one_sided == "yes") == (k >= share * (k + lum)), month
    started = next(row[0] for row in rows if row[6] != "no run")  # the page: the run starts in February
    assert started == report("one-way-street.yaml")["reciprocity"]["one_way"]["since"]
