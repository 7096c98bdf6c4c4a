"""`coopcheck import csv`: CRM exports through a mapping file, on the shipped HubSpot and Salesforce samples.

The Salesforce sample is what a German-language org exports: ';' between cells, Windows-1252,
dates as 18.03.2026, amounts as 48.000,00, a quoted cell over two lines.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from coopcheck.importing.csvmap import ImportMapping, _number
from coopcheck.loading import load_partnership
from coopcheck.models import Activity
from support import EXAMPLES

SALESFORCE = ("salesforce-opportunities.csv", "salesforce-opportunities.mapping.yaml")
HUBSPOT = ("hubspot-deals.csv", "hubspot-deals.mapping.yaml")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "import", tmp_path / "import")
    return tmp_path / "import"


def _import(run_cli, folder: Path, sample: tuple[str, str], *extra: str):  # type: ignore[no-untyped-def]
    export, mapping = sample
    return run_cli(
        "import", "csv", str(folder / export), "--map", str(folder / mapping),
        "--into", str(folder / "northwind-contoso.yaml"), *extra,
    )  # fmt: skip


def _activities(folder: Path) -> dict[str, Activity]:
    result = load_partnership(folder / "northwind-contoso.yaml", today=dt.date(2026, 11, 28))
    assert result.partnership is not None, result.diagnostics
    return {a.id: a for a in result.partnership.activities if a.id}


def test_german_salesforce_export_semicolons_dates_and_decimal_commas(run_cli, folder):  # type: ignore[no-untyped-def]
    log = folder / "logs" / "northwind-contoso.yaml"
    before = log.read_bytes()
    result = _import(run_cli, folder, SALESFORCE, "--write")
    assert result.exit_code == 0, result.output
    assert "2 new, 3 skipped" in result.stdout
    assert "Phase: 'Geschlossen und verloren'" in result.stdout and "Partner-Account: ''" in result.stdout
    assert log.read_bytes().startswith(before)
    won = _activities(folder)["sf-0065g00000Q1aBcAAJ"]
    assert (won.date, won.from_, won.to, won.type.value, won.value) == (
        dt.date(2026, 3, 18),
        "contoso",
        "northwind",
        "project_won",
        48000,
    )
    assert won.attribution is not None and won.attribution.value == "sourced"
    assert won.topic == "Fabrikam – Rollout Einkaufsportal" and won.people == ["Jonas Keller"]
    semicolon = _activities(folder)["sf-0065g00000Q1aBgAAJ"]
    assert (semicolon.topic, semicolon.value) == ("Lahntal Pharma; Audit-Vorbereitung", 12900)
    assert "Kunde wünscht" not in log.read_text(encoding="utf-8")  # unmapped columns are never written
    assert run_cli("validate", str(folder / "northwind-contoso.yaml"), "--as-of", "2026-11-28").exit_code == 0


def test_hubspot_export_and_importing_twice_adds_nothing(run_cli, folder):  # type: ignore[no-untyped-def]
    assert _import(run_cli, folder, HUBSPOT, "--write").exit_code == 0
    log = folder / "logs" / "northwind-contoso.yaml"
    once = log.read_bytes()
    deals = _activities(folder)
    assert deals["hs-18273645503"].value == 18500.75 and deals["hs-18273645501"].from_ == "northwind"
    again = _import(run_cli, folder, HUBSPOT, "--write")
    assert again.exit_code == 0 and "2 unchanged, 3 skipped" in again.stdout
    assert log.read_bytes() == once


def test_a_changed_row_updates_its_entry(run_cli, folder):  # type: ignore[no-untyped-def]
    assert _import(run_cli, folder, HUBSPOT, "--write").exit_code == 0
    export = folder / "hubspot-deals.csv"
    export.write_text(export.read_text(encoding="utf-8").replace('"18500.75"', '"19750"'), encoding="utf-8")
    result = _import(run_cli, folder, HUBSPOT, "--write")
    assert result.exit_code == 0 and "1 updated, 1 unchanged" in result.stdout
    assert _activities(folder)["hs-18273645503"].value == 19750
    assert len([i for i in _activities(folder) if i.startswith("hs-")]) == 2


def test_rows_that_cannot_be_mapped_block_the_write_unless_skipped(run_cli, folder):  # type: ignore[no-untyped-def]
    export = folder / SALESFORCE[0]
    text = export.read_bytes().decode("cp1252").replace("18.03.2026", "31.02.2026").replace("12.900,00", "viel")
    export.write_bytes(text.encode("cp1252"))
    log = folder / "logs" / "northwind-contoso.yaml"
    before = log.read_bytes()
    result = _import(run_cli, folder, SALESFORCE, "--write")
    assert result.exit_code == 2
    assert (
        "salesforce-opportunities.csv:2" in result.stdout
        and "'31.02.2026' is not a date written %d.%m.%Y" in result.stdout
    )
    assert "salesforce-opportunities.csv:6" in result.stdout and "'viel' is not a number" in result.stdout
    assert "2 entries cannot be imported" in result.stderr
    assert log.read_bytes() == before
    export.write_bytes(export.read_bytes().replace(b"viel", b"12.900,00"))
    skipped = _import(run_cli, folder, SALESFORCE, "--write", "--skip-invalid")
    assert skipped.exit_code == 0, skipped.output
    assert set(_activities(folder)) >= {"sf-0065g00000Q1aBgAAJ"} and "sf-0065g00000Q1aBcAAJ" not in _activities(folder)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("delimiter:", "delimeter:"),
            "salesforce-opportunities.mapping.yaml:7:1: delimeter: unknown key 'delimeter'; did you mean 'delimiter'?",
        ),
        (("date: Schlusstermin", "date: Closing date"), "columns.date: the export has no column 'Closing date'"),
        (("  id: Opportunity-ID\n", ""), "missing: id"),
        (("encoding: cp1252", "encoding: utf-8"), "not utf-8 text (found byte 0x96); set `encoding:` in the mapping"),
        (("encoding: cp1252", "encoding: klingon"), "unknown encoding"),
        (("Contoso B.V.: contoso", "Contoso B.V.: contso"), "from: 'contso' is not a partner"),
    ],
)
def test_refused_mappings_leave_the_log_unchanged(run_cli, folder, edit, message):  # type: ignore[no-untyped-def]
    mapping = folder / SALESFORCE[1]
    mapping.write_text(mapping.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    log = folder / "logs" / "northwind-contoso.yaml"
    before = log.read_bytes()
    result = _import(run_cli, folder, SALESFORCE, "--write")
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert log.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "decimal", "thousands", "expected"),
    [
        ("48.000,00 €", ",", ".", 48000),
        ("1,234.5", ".", ",", 1234.5),
        ("12,5", ",", "", 12.5),
        ("CHF 1'250.50", ".", "'", 1250.5),
    ],
)
def test_numbers_in_the_export_s_own_notation(text, decimal, thousands, expected) -> None:  # type: ignore[no-untyped-def]
    mapping = ImportMapping.model_validate(
        {"decimal": decimal, "thousands": thousands, "columns": {k: k for k in ("id", "date", "from", "to", "type")}}
    )
    assert _number(text, "Betrag", mapping) == expected


def test_docs_list_every_mapping_key_and_the_shipped_mappings_load() -> None:
    from coopcheck.importing.csvmap import load_mapping

    doc = (EXAMPLES.parent / "docs" / "import.md").read_text(encoding="utf-8")
    table = {line.split("|")[1].strip().strip("`") for line in doc.splitlines() if line.startswith("| `")}
    assert set(ImportMapping.model_fields) <= table
    for mapping in sorted((EXAMPLES / "import").glob("*.mapping.yaml")):
        assert load_mapping(mapping.read_text(encoding="utf-8"), str(mapping)).columns
