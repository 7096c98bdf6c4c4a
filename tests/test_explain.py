"""`coopcheck explain`: the guide to the factors, in the words of the modules that compute them."""

from __future__ import annotations

import re

import pytest

from coopcheck.factors import FACTORS
from coopcheck.guide import SECTIONS
from reports import english_afterwards  # noqa: F401


def test_overview_states_the_idea_and_lists_every_factor(run_cli):  # type: ignore[no-untyped-def]
    result = run_cli("explain", "--lang", "en")
    assert result.exit_code == 0
    out = result.stdout
    assert "Outcome factors (lagging)" in out and "Influence factors (leading)" in out
    for factor in FACTORS:
        assert f"  {factor.ID} " in out
    for section in SECTIONS:
        assert f"  {section} " in out


@pytest.mark.parametrize("factor", [f.ID for f in FACTORS])
def test_each_factor_says_meaning_measurement_evidence_and_levers(run_cli, factor):  # type: ignore[no-untyped-def]
    result = run_cli("explain", factor, "--lang", "en")
    assert result.exit_code == 0
    out = result.stdout
    for part in ("How it is measured", "What to log:", "Levers:"):
        assert part in out, part


def test_factor_names_are_forgiving(run_cli):  # type: ignore[no-untyped-def]
    for spelling in ("keeping-in-step", "Keeping in step", "KEEPING_IN_STEP"):
        result = run_cli("explain", spelling, "--lang", "en")
        assert result.exit_code == 0 and "Keeping in step" in result.stdout
    assert "one-way" in run_cli("explain", "one-way-street", "--lang", "en").stdout


def test_unknown_factor_exits_2_with_did_you_mean(run_cli):  # type: ignore[no-untyped-def]
    result = run_cli("explain", "ancoring", "--lang", "en")
    assert result.exit_code == 2
    assert "did you mean 'anchoring'?" in result.stderr
    assert result.stdout == ""


def test_explain_in_german(run_cli):  # type: ignore[no-untyped-def]
    overview = run_cli("explain", "--lang", "de").stdout
    assert "Einflussfaktoren" in overview and "Ergebnisfaktoren" in overview
    detail = run_cli("explain", "keeping_in_step", "--lang", "de").stdout
    assert "Gleichtakt" in detail and "Wie er gemessen wird" in detail and "Hebel:" in detail
    assert "How it is measured" not in detail


def test_unknown_factor_without_a_close_match_still_reads_as_a_sentence(run_cli):  # type: ignore[no-untyped-def]
    result = run_cli("explain", "bogus", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == "coopcheck: unknown factor (found 'bogus'). Run `coopcheck explain` for the list.\n"


def test_explain_speaks_the_configured_language(run_cli, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    (tmp_path / ".coopcheck.yaml").write_text("language: de\n", encoding="utf-8")
    assert "Hebel:" in run_cli("explain", "keeping_in_step").stdout
    assert "Levers:" in run_cli("explain", "keeping_in_step", "--lang", "en").stdout


def test_explain_quotes_the_parameters_in_force(run_cli, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A configuration that changes a factor's parameter changes the number `explain` prints."""
    monkeypatch.chdir(tmp_path)
    default = run_cli("explain", "anchoring", "--lang", "en").stdout
    assert "over the last 6 months" in default and "{" not in default
    (tmp_path / ".coopcheck.yaml").write_text("factors:\n  anchoring: {window_months: 9}\n", encoding="utf-8")
    configured = run_cli("explain", "anchoring", "--lang", "en").stdout
    assert "over the last 9 months" in configured and "over the last 6 months" not in configured


@pytest.mark.parametrize("factor", [f.ID for f in FACTORS])
def test_no_placeholder_is_left_in_a_factor_text(run_cli, factor):  # type: ignore[no-untyped-def]
    out = run_cli("explain", factor, "--lang", "en").stdout
    assert "{" not in out and "}" not in out


@pytest.mark.parametrize(
    ("name", "factor"),
    [("gleichtakt", "keeping_in_step"), ("Verankerung", "anchoring"), ("Investitionsbereitschaft", "investment")],
)
def test_german_factor_names_are_accepted(run_cli, name, factor):  # type: ignore[no-untyped-def]
    """The German report calls the factor "Gleichtakt"; `explain` must know it by that name."""
    result = run_cli("explain", name, "--lang", "de")
    assert result.exit_code == 0, result.stderr
    assert f"({factor}, Einflussfaktor)" in result.stdout


def test_german_explain_writes_the_numbers_of_grouped_parameters_the_german_way(run_cli):  # type: ignore[no-untyped-def]
    """`{one_way.threshold:g}` and `{one_way.token_share:.0%}` read 0,2 and 15 % in German, 0.2 and 15% in English."""
    # spaces and line ends joined, no-break spaces kept
    german = re.sub(r"[ \n]+", " ", run_cli("explain", "one-way-street", "--lang", "de").stdout)
    assert "Wertsumme 0,2 " in german and "höchstens 15\u00a0% seines" in german
    english = re.sub(r"\s+", " ", run_cli("explain", "one-way-street", "--lang", "en").stdout)
    assert "value sum reaches 0.2 " in english and "at most 15% of its usual" in english
