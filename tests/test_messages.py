"""Numbers, dates and names as people write them: what coopcheck suggests instead."""

from __future__ import annotations

import pytest

from coopcheck.loading.messages import closest, partner_hint
from coopcheck.notation import iso_date, plain_number, thousands_grouped


@pytest.mark.parametrize(
    ("written", "meant", "choices"),
    [
        ("kn-9", "kn-009", ["kn-079", "kn-009", "kn-090"]),  # the same number, not the closest spelling
        ("KN-009", "kn-009", ["kn-079", "kn-009"]),
        ("ID", "id", ["date", "from", "id", "to", "type"]),
        ("To", "to", ["date", "from", "id", "to", "type"]),
        ("topik", "topic", ["topic", "type"]),
        ("referal", "referral", ["request", "referral"]),
        ("zzz", None, ["alpha", "beta"]),
    ],
)
def test_did_you_mean_prefers_the_same_number_and_ignores_case(
    written: str, meant: str | None, choices: list[str]
) -> None:
    assert closest(written, choices) == meant


def test_a_partner_written_by_name_is_pointed_to_its_key() -> None:
    partners = {"softwerk": "Softwerk Systems AG", "kessler": "Kessler Nordwerk GmbH"}
    hint = partner_hint("Softwerk Systems AG", partners)
    assert "softwerk, kessler" in hint and "'softwerk'" in hint
    assert partner_hint("nobody", partners).endswith("softwerk, kessler)")


@pytest.mark.parametrize(
    ("written", "grouped", "plain"),
    [
        ("400.000", True, "400000"),
        ("9.500", True, "9500"),
        ("1.500,00", True, "1500.00"),
        ("12.345.678", True, "12345678"),
        ("1,5", False, "1.5"),
        ("1,500", False, "1500"),
        ("1500 €", False, "1500"),
        ("EUR 2.500", False, "2500"),  # not read as a number at all, so not grouped; still gets its hint
        ("0.250", False, None),  # a decimal: a leading 0 never groups thousands
        ("2.5", False, None),
        ("400", False, None),
        ("1234.500", False, None),
    ],
)
def test_numbers_written_with_separators(written: str, grouped: bool, plain: str | None) -> None:
    assert thousands_grouped(written) is grouped
    assert plain_number(written) == plain


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("15.03.2026", "2026-03-15"),
        ("1.3.2026", "2026-03-01"),
        ("15.03.26", "2026-03-15"),
        ("2026-3-5", "2026-03-05"),
        ("2026/03/05", "2026-03-05"),
        ("31.02.2026", None),
        ("next tuesday", None),
    ],
)
def test_dates_written_the_german_way(written: str, meant: str | None) -> None:
    assert iso_date(written) == meant


def test_validate_on_a_log_names_the_partnership_file_to_validate(run_cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from support import ROOT

    monkeypatch.chdir(ROOT)
    result = run_cli("validate", "examples/logs/one-way-street-2026.yaml", "examples/logs/out-of-step-crm.csv")
    assert result.exit_code == 2
    assert "validate or assess examples/one-way-street.yaml, which names it under `logs:`" in result.stdout
    assert "validate or assess examples/out-of-step.yaml, which names it under `logs:`" in result.stdout
