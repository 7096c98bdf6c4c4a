"""`coopcheck trend`: the month-by-month assessment, and the month a one-way street began as a turning point."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from coopcheck.months import month_ends
from reports import assessed, english_afterwards  # noqa: F401
from support import AS_OF, EXAMPLES


def test_months_end_on_their_last_day_and_the_last_on_the_date_itself():  # type: ignore[no-untyped-def]
    days = month_ends(dt.date(2025, 12, 15), dt.date(2026, 3, 10))
    assert days == [dt.date(2025, 12, 31), dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 10)]


def test_trend_marks_the_month_the_one_way_street_began(run_cli):  # type: ignore[no-untyped-def]
    result = run_cli("trend", str(EXAMPLES / "one-way-street.yaml"), "--as-of", AS_OF, "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "*February 2026" in out, "February 2026 is flagged in the table"
    moved = out[out.index("Turning points") :]
    february = moved[moved.index("February 2026") :].splitlines()
    assert (
        "One-way street detected: Kranich IT-Services GmbH has carried the partnership since 2026-02" in (february[1])
    )
    assert "October 2025" in out and "November 2026" in out, "from the first month to the date asked"
    assert "▁" in out or "█" in out, "sparklines"


def test_trend_in_german(run_cli):  # type: ignore[no-untyped-def]
    result = run_cli("trend", str(EXAMPLES / "one-way-street.yaml"), "--as-of", AS_OF, "--lang", "de")
    assert result.exit_code == 0
    assert "*Februar 2026" in result.stdout
    assert "Einbahnstraße" in result.stdout and "Kranich IT-Services GmbH" in result.stdout


def test_trend_json_is_the_series_and_its_turning_points(run_cli):  # type: ignore[no-untyped-def]
    result = run_cli("trend", str(EXAMPLES / "one-way-street.yaml"), "--as-of", AS_OF, "--format", "json")
    data = json.loads(result.stdout)
    assert [p["month"] for p in data["points"]][:2] == ["2025-10", "2025-11"]
    assert data["points"][-1]["as_of"] == AS_OF
    began = [tp for tp in data["turning_points"] if any(c["id"] == "one_way.detected" for c in tp["changes"])]
    assert [tp["month"] for tp in began] == ["2026-02"]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_trend_documents_name_the_turning_point(run_cli, tmp_path, fmt):  # type: ignore[no-untyped-def]
    target = tmp_path / f"trend.{fmt}"
    args = ("trend", str(EXAMPLES / "one-way-street.yaml"), "--as-of", AS_OF, "--format", fmt, "--output", str(target))
    assert run_cli(*args).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "One-way street detected: Kranich IT-Services GmbH has carried the partnership since 2026-02" in text


def test_trend_of_a_partnership_that_has_not_started(run_cli):  # type: ignore[no-untyped-def]
    result = run_cli("trend", str(EXAMPLES / "readiness.yaml"), "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "onboarding" in result.stdout


def test_trend_of_a_thriving_partnership_shows_no_one_way_street():  # type: ignore[no-untyped-def]
    _assessment, trend = assessed("thriving")
    assert not any(p.one_way for p in trend.points)
    assert trend.points[-1].band == "green"


def test_trend_of_an_invalid_file_says_where(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text("coopcheck: 1\nid: x\n", encoding="utf-8")
    result = run_cli("trend", str(broken))
    assert result.exit_code == 2
    assert "broken.yaml:" in result.stderr
