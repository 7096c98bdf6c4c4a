"""`coopcheck add`: one entry appended as text, checked with the whole partnership, or nothing written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coopcheck.importing.entries import next_id
from support import EXAMPLES
from terminal import on_a_terminal

PARTNERSHIP = """\
# yaml-language-server: $schema=../coopcheck.schema.json
coopcheck: 1
id: nw-co
name: "Northwind x Contoso"   # quoted on purpose
started: 2026-01-15
partners:
  northwind: {name: Northwind GmbH, sponsor: Dr. Anna Weber, contacts: [Jonas Keller]}
  contoso:
    name: Contoso AG
    sponsor: Peter Lang

activities:
  # January
  - id: a-007
    date: 2026-02-03
    from: northwind
    to: contoso
    type: referral
    topic: 'Intro to Fabrikam'   # single quotes stay

  - id: a-009
    date: 2026-02-10
    from: contoso
    to: northwind
    type: meeting
    topic: Pipeline sync
# surveys come later
surveys:
  - {date: 2026-06-30, by: contoso, ratings: {anchoring: 4}}
"""

NEW_ITEM = """\
  - id: a-010
    date: 2026-03-01
    from: contoso
    to: northwind
    type: call
    people: [Lea Vogt, Dr. Anna Weber]
    topic: "Follow-up: the Fabrikam tender"
    hours: 1.5
"""


@pytest.fixture
def partnership(tmp_path: Path) -> Path:
    path = tmp_path / "nw-co.yaml"
    path.write_bytes(PARTNERSHIP.encode("utf-8"))
    return path


def test_inline_entry_lands_after_the_last_activity_and_nothing_else_changes(run_cli, partnership):  # type: ignore[no-untyped-def]
    result = run_cli(
        "add",
        str(partnership),
        "--type",
        "call",
        "--from",
        "contoso",
        "--date",
        "2026-03-01",
        "--people",
        "Lea Vogt, Dr. Anna Weber",
        "--topic",
        "Follow-up: the Fabrikam tender",
        "--hours",
        "1,5",
    )
    assert result.exit_code == 0, result.output
    after = partnership.read_text(encoding="utf-8")
    anchor = "    topic: Pipeline sync\n"
    assert after == PARTNERSHIP.replace(anchor, anchor + NEW_ITEM)
    assert run_cli("validate", str(partnership), "--as-of", "2026-11-28").exit_code == 0


def test_a_refused_entry_leaves_the_file_byte_for_byte(run_cli, partnership):  # type: ignore[no-untyped-def]
    before = partnership.read_bytes()
    result = run_cli("add", str(partnership), "--type", "meting", "--from", "contoso", "--date", "2026-03-01")
    assert result.exit_code == 2
    assert "did you mean 'meeting'" in result.stderr
    assert f"{partnership}:" in result.stderr and "nothing was written" in result.stderr
    assert partnership.read_bytes() == before
    assert list(partnership.parent.iterdir()) == [partnership]  # no temporary file left behind


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "contoso"], "--type is required"),
        (["--type", "call"], "--from is required"),
        (["--type", "call", "--from", "fabrikam"], "'fabrikam' is not a declared partner"),
        (["--type", "call", "--from", "contoso", "--hours", "lots"], "hours"),
        (["--type", "call", "--from", "contoso", "--date", "2026-02-30"], "date"),
        (["--type", "call", "--from", "contoso", "--id", "a-009"], "a-009"),
    ],
)
def test_missing_or_wrong_fields_are_refused_without_input(run_cli, partnership, args, message):  # type: ignore[no-untyped-def]
    before = partnership.read_bytes()
    result = run_cli("add", str(partnership), "--no-input", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert partnership.read_bytes() == before


def test_dry_run_prints_the_entry_and_writes_nothing(run_cli, partnership):  # type: ignore[no-untyped-def]
    before = partnership.read_bytes()
    result = run_cli(
        "add",
        str(partnership),
        "--type",
        "review",
        "--from",
        "northwind",
        "--date",
        "2026-03-02",
        "--actions",
        "Send the deck, by Friday",
        "--actions",
        "Book the workshop",
        "--dry-run",
    )
    assert result.exit_code == 0, result.output
    assert "id: a-010" in result.stdout and 'actions: ["Send the deck, by Friday", Book the workshop]' in result.stdout
    assert partnership.read_bytes() == before


def test_yaml_log_gets_the_entry_at_its_end_and_assess_counts_it(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    shutil.copy(EXAMPLES / "one-way-street.yaml", tmp_path)
    (tmp_path / "logs").mkdir()
    log = tmp_path / "logs" / "one-way-street-2026.yaml"
    shutil.copy(EXAMPLES / "logs" / "one-way-street-2026.yaml", log)
    before_log, before_file = log.read_bytes(), (tmp_path / "one-way-street.yaml").read_bytes()
    partnership = str(tmp_path / "one-way-street.yaml")
    counted = run_cli("assess", partnership, "--as-of", "2026-11-28", "--format", "json")
    result = run_cli(
        "add",
        partnership,
        "--type",
        "project_won",
        "--from",
        "lumen",
        "--date",
        "2026-11-20",
        "--value",
        "48000",
        "--attribution",
        "sourced",
        "--topic",
        "Mainufer Versicherung won",
    )
    assert result.exit_code == 0, result.output
    after = log.read_bytes()
    assert after.startswith(before_log) and (tmp_path / "one-way-street.yaml").read_bytes() == before_file
    assert after[len(before_log) :].decode() == (
        "  - id: ow-2026-106\n    date: 2026-11-20\n    from: lumen\n    to: kranich\n    type: project_won\n"
        "    topic: Mainufer Versicherung won\n    value: 48000\n    attribution: sourced\n"
    )
    assessed = run_cli("assess", partnership, "--as-of", "2026-11-28", "--format", "json")
    won_before, won_after = (_projects_won(r.stdout) for r in (counted, assessed))
    assert won_after["achieved"] == won_before["achieved"] + 1
    assert won_after["by_direction"]["lumen"] == won_before["by_direction"]["lumen"] + 1


def _projects_won(report: str) -> dict:  # type: ignore[type-arg]
    targets = json.loads(report)["outcome"]["targets"]
    return next(t for t in targets if t["id"] == "projects_won")


def test_csv_log_gets_a_csv_row(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    shutil.copy(EXAMPLES / "out-of-step.yaml", tmp_path)
    (tmp_path / "logs").mkdir()
    log = tmp_path / "logs" / "out-of-step-crm.csv"
    shutil.copy(EXAMPLES / "logs" / "out-of-step-crm.csv", log)
    before = log.read_bytes()
    result = run_cli(
        "add",
        str(tmp_path / "out-of-step.yaml"),
        "--type",
        "delivery",
        "--from",
        "werkbank",
        "--date",
        "2026-11-27",
        "--responds-to",
        "os-2026-135",
        "--people",
        "Sarah Wolf, Jan Svoboda",
        "--topic",
        "Thresholds, second pass",
    )
    assert result.exit_code == 0, result.output
    assert log.read_bytes() == before + (
        b'os-2026-138,2026-11-27,werkbank,kodex,delivery,,Sarah Wolf;Jan Svoboda,"Thresholds, second pass"'
        b",,,,,os-2026-135,,,\n"
    )
    assert run_cli("validate", str(tmp_path / "out-of-step.yaml"), "--as-of", "2026-11-28").exit_code == 0


def test_scaffolded_empty_log_and_crlf_line_endings(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    assert run_cli("init", str(tmp_path), "--no-input", "--started", "2026-01-15").exit_code == 0
    partnership = tmp_path / "first-second.yaml"
    log = tmp_path / "logs" / "first-second.yaml"
    log.write_bytes(log.read_bytes().replace(b"\n", b"\r\n"))
    before = log.read_bytes()
    result = run_cli(
        "add", str(partnership), "--type", "meeting", "--from", "first", "--date", "2026-02-01", "--topic", "Kick-off"
    )
    assert result.exit_code == 0, result.output
    after = log.read_bytes()
    assert b"activities: []" not in after and b"\n" not in after.replace(b"\r\n", b"")
    assert (
        after.replace(
            b"activities:\r\n  - date: 2026-02-01\r\n    from: first\r\n    to: second\r\n"
            b"    type: meeting\r\n    topic: Kick-off\r\n",
            b"activities: []\r\n",
        )
        == before
    )
    assert run_cli("validate", str(partnership), "--as-of", "2026-11-28").exit_code == 0


def test_next_id_follows_the_log_pattern() -> None:
    assert next_id(["ow-2026-009", "ow-2026-010", "x"], ["ow-2026-010", "ow-2026-041"]) == "ow-2026-042"
    assert next_id(["a7", "a8"], ["a8"]) == "a9"
    assert next_id(["kick-off"], []) is None


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a POSIX pseudo-terminal")
def test_on_a_terminal_missing_fields_are_asked_for_with_their_allowed_values(partnership):  # type: ignore[no-untyped-def]
    shown = on_a_terminal(
        ["add", partnership.name, "--date", "2026-03-05", "--topic", "Pricing"],
        ["meting", "meeting", "contoso"],
        partnership.parent,
    )
    assert "Type of activity (meeting, call, workshop" in shown
    assert "Please answer one of:" in shown  # 'meting' was not taken
    assert "Partner who gave or initiated (northwind, contoso)" in shown
    text = partnership.read_text(encoding="utf-8")
    assert "  - id: a-010\n    date: 2026-03-05\n    from: contoso\n    to: northwind\n    type: meeting\n" in text
