"""Untrusted input: the faults a fuzzing campaign found, each answered cleanly at its cause.

The faults that `validate` shows as diagnostics are cases of the bad-input catalogue
(`tests/catalogue/`); the ones that need another command, a special file as the partnership file
itself, or a file system that refuses access are here.
"""

from __future__ import annotations

import errno
import html
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from builders import act, definition
from coopcheck.cli import app
from coopcheck.cli.app import record_internal_error
from coopcheck.escaping import json_safe, printable
from coopcheck.models import MAX_HOURLY_RATE, MAX_HOURS, MAX_MONEY
from coopcheck.rendering import markup

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_NAME = "Alpha \x1b]0;pwned\x07\x1b[2J\rhidden \u202eevil"


def _write(folder: Path, **overrides: Any) -> Path:
    data = definition(activities=[act("2026-02-03", "northwind", "contoso", "referral", topic="Intro", hours=3)])
    data.update(overrides)
    path = folder / "partnership.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env)


# --- one place opens input --------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_the_partnership_file_is_refused_before_it_is_read(device: str) -> None:
    result = _run("validate", device)
    assert result.exit_code == 2
    assert result.output.startswith(f"{device}:1:1: is a device; expected a regular file\n")


def test_a_named_pipe_as_the_partnership_file_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "partnership.yaml"
    os.mkfifo(pipe)
    result = _run("assess", str(pipe))
    assert result.exit_code == 2
    assert f"{pipe}:1:1: is a named pipe (FIFO); expected a regular file" in result.output


def test_an_unreadable_partnership_file_is_a_located_error_not_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path)
    real_open = os.open

    def refusing_open(name: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)  # the tests may run as root, who reads anything
    result = _run("assess", str(path))
    assert result.exit_code == 2
    assert f"{path}:1:1: file cannot be read (permission denied)" in result.output


def test_check_reports_a_folder_it_cannot_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def refusing_scandir(name: Any = ".") -> Any:
        if os.fspath(name) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_scandir(name)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    result = _run("check", str(tmp_path), "--as-of", "2026-11-28")
    assert result.exit_code == 2
    said = " ".join(result.output.split())  # the terminal wraps long lines
    assert str(locked) in said
    assert "folder cannot be read (Permission denied)" in said


def test_an_output_name_too_long_for_the_file_system_is_a_clean_usage_error(tmp_path: Path) -> None:
    path = _write(tmp_path)
    result = _run("assess", str(path), "--as-of", "2026-11-28", "--output", str(tmp_path / ("r" * 300 + ".html")))
    assert result.exit_code == 2
    assert "a part of the file name is too long (305 bytes; at most 255)" in result.output
    assert os.listdir(tmp_path) == ["partnership.yaml"]


# --- ranges -----------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2100-01-01", "9999-12-31"])
def test_as_of_outside_the_documented_range_is_refused(tmp_path: Path, day: str) -> None:
    result = _run("trend", str(_write(tmp_path)), "--as-of", day)
    assert result.exit_code == 2
    assert f"--as-of: date out of range (found {day}; expected a date from 1900-01-01 to 2099-12-31)" in result.output


def test_the_largest_amounts_allowed_give_finite_figures_in_every_format(tmp_path: Path) -> None:
    partners = definition()["partners"]
    for partner in partners.values():
        partner["hourly_rate"] = MAX_HOURLY_RATE
    activities = [
        act("2026-02-03", "northwind", "contoso", "referral", topic="Intro", hours=MAX_HOURS, travel_cost=MAX_MONEY),
        act("2026-03-03", "contoso", "northwind", "revenue", value=MAX_MONEY, attribution="sourced"),
        act("2026-04-03", "northwind", "contoso", "investment", value=MAX_MONEY, hours=MAX_HOURS),
    ]
    outcomes = {"revenue": {"target": MAX_MONEY, "by": "2026-12-31"}}
    path = _write(
        tmp_path,
        partners=partners,
        activities=activities,
        success_factors={"outcomes": outcomes, "influence": {"response_days": 5}},
    )
    for output_format in ("text", "json", "markdown", "html"):
        result = _run("assess", str(path), "--as-of", "2026-11-28", "--format", output_format)
        assert result.exit_code in (0, 1), result.output
    printed = _run("assess", str(path), "--as-of", "2026-11-28", "--format", "json").stdout
    report = json.loads(printed, parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))
    assert report["health"]["score"] is not None  # an overflow once hid behind null here
    given = report["reciprocity"]["given"]["northwind"]
    assert given["hours_value"] == 2 * MAX_HOURS * MAX_HOURLY_RATE
    assert given["money"] == MAX_MONEY and given["travel"] == MAX_MONEY
    assert _run("trend", str(path), "--as-of", "2026-11-28").exit_code == 0


def test_the_trend_and_the_monthly_series_stay_bounded_whatever_the_dates(tmp_path: Path) -> None:
    path = _write(tmp_path, started="1900-01-01")
    trend = json.loads(_run("trend", str(path), "--as-of", "2099-12-31", "--format", "json").stdout)
    assert len(trend["points"]) == 120
    assert trend["points"][-1]["as_of"] == "2099-12-31"
    assert trend["points"][0]["month"] == "2090-01"
    report = json.loads(_run("assess", str(path), "--as-of", "2099-12-31", "--format", "json").stdout)
    assert len(report["months"]) == 120


# --- escaping ---------------------------------------------------------------------------------


def test_printable_shows_control_and_bidirectional_characters_as_escapes() -> None:
    assert (
        printable("EU\nR\t\x1b[2J\x07\x7f\x9b\u202e\U000e0041ok")
        == "EU\\nR\\t\\x1b[2J\\x07\\x7f\\x9b\\u202e\\U000e0041ok"
    )
    assert printable("Müller & Söhne – 5 €") == "Müller & Söhne – 5 €"


def test_json_safe_keeps_the_data_and_leaves_no_raw_control_character() -> None:
    value = {"name": "a\x7f\x85\u202e\u2066\U000e0041b", "n": [1, 2]}
    document = json_safe(json.dumps(value, ensure_ascii=False, indent=2))
    assert not RAW_CONTROL.search(document)
    assert json.loads(document) == value


@pytest.mark.parametrize("colour", [{"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}])
@pytest.mark.parametrize("command", ["assess", "trend"])
def test_reports_print_a_hostile_name_as_escapes(tmp_path: Path, colour: dict[str, str], command: str) -> None:
    partners = definition()["partners"]
    partners["northwind"]["sponsor"] = "Anna \x9b31m"
    path = _write(tmp_path, name=HOSTILE_NAME, partners=partners)
    for output_format in ("text", "json", "markdown", "html"):
        result = _run(command, str(path), "--as-of", "2026-11-28", "--format", output_format, env=colour)
        assert result.exit_code in (0, 1), result.output
        printed = result.stdout
        assert "\x1b]" not in printed and "\x1b[2J" not in printed and "\r" not in printed
        assert "\u202e" not in printed and "\x9b" not in printed
        if "NO_COLOR" in colour:
            assert not RAW_CONTROL.search(printed), output_format
        if output_format != "json":  # shown, as escapes (Markdown escapes the backslashes once more)
            assert "pwned" in printed and "x1b" in printed and "u202eevil" in printed


# Text that Markdown (GitHub's flavour) would read as a link, emphasis, an image tag, a character
# reference, a strike-through, a heading, a cell's end and a code span, if it were not escaped.
MARKUP_NAME = "[click](https://evil.example) **bold** <img src=x> R&amp;D ~~gone~~ #1 | `tick` \\o/"
MARKUP_TAGS = ("<a ", "<strong>", "<em>", "<img", "<s>", "<code>")


def _as_github_shows(document: str) -> str:
    """The HTML a CommonMark renderer with GitHub's tables and strike-through makes of `document`."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(document)


@pytest.mark.parametrize("place", ["heading", "list item", "table cell"])
def test_markdown_shows_a_name_as_typed(place: str) -> None:
    text = markup.markdown(MARKUP_NAME + "\nsecond line")
    document = {"heading": f"# {text}\n", "list item": f"- {text}\n", "table cell": f"| a |\n|---|\n| {text} |\n"}
    shown = _as_github_shows(document[place])
    assert not [tag for tag in MARKUP_TAGS if tag in shown]
    assert html.escape(MARKUP_NAME, quote=False) + " second line" in shown
    assert shown.count("<td>") == (1 if place == "table cell" else 0)


@pytest.mark.parametrize("in_table", [True, False])
def test_a_code_span_shows_a_file_name_as_typed(in_table: bool) -> None:
    name = "logs/R&D <b>|`x`|\\y.yaml"
    span = markup.code(name, in_table=in_table)
    document = f"| a |\n|---|\n| {span} |\n" if in_table else f"- {span}\n"
    shown = _as_github_shows(document)
    assert f"<code>{html.escape(name, quote=False)}</code>" in shown
    assert shown.count("<td>") == (1 if in_table else 0)


def test_the_ci_summary_shows_hostile_names_and_file_names_as_typed(tmp_path: Path) -> None:
    _write(tmp_path, name=MARKUP_NAME)
    broken = tmp_path / "R&amp;D <img src=x> | `tick`.yaml"
    broken.write_text("coopcheck: 1\nid: [\n", encoding="utf-8")
    summary = _run("check", str(tmp_path), "--as-of", "2026-11-28", "--format", "markdown").stdout
    shown = _as_github_shows(summary)
    assert f"<td><strong>{html.escape(MARKUP_NAME, quote=False)}</strong>" in shown  # a table cell
    typed = html.escape(str(broken), quote=False)
    assert f"<summary>⚠️ {typed}</summary>" in shown  # raw HTML
    assert f"<code>{typed}" in shown  # code spans: the row and each error
    assert not [tag for tag in MARKUP_TAGS if tag in shown.replace("<code>", "").replace("<strong>", "", 1)]


def test_ci_output_stays_one_annotation_per_line_and_valid_xml(tmp_path: Path) -> None:
    path = _write(tmp_path, name=HOSTILE_NAME, currency="EU\nR")
    github = _run("check", str(path), "--as-of", "2026-11-28", "--format", "github").stdout
    assert not RAW_CONTROL.search(github)
    annotations = [line for line in github.splitlines() if line.startswith("::error")]
    assert len(annotations) == 1
    assert "EU\\nR" in annotations[0]
    junit = _run("check", str(path), "--as-of", "2026-11-28", "--format", "junit").stdout
    assert not RAW_CONTROL.search(junit)
    error = ET.fromstring(junit.split("\n", 1)[1]).find(".//error")
    assert error is not None and "EU\\nR" in (error.text or "")
    valid = _write(tmp_path, name=HOSTILE_NAME)
    junit = _run("check", str(valid), "--as-of", "2026-11-28", "--format", "junit").stdout
    assert not RAW_CONTROL.search(junit)
    ET.fromstring(junit.split("\n", 1)[1])


# --- the safety net is loud -------------------------------------------------------------------


def test_the_safety_net_records_what_it_catches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "caught.log"
    monkeypatch.setenv("COOPCHECK_INTERNAL_ERROR_LOG", str(log))
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError as exc:
        record_internal_error(exc)
    assert "ZeroDivisionError: a bug" in log.read_text(encoding="utf-8")


def test_a_command_that_crashes_fails_the_test_that_ran_it() -> None:
    import typer

    broken = typer.Typer()

    @broken.command()
    def crash() -> None:
        raise ZeroDivisionError("a bug")

    with pytest.raises(pytest.fail.Exception, match="ZeroDivisionError"):
        CliRunner().invoke(broken, [])


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("diagnosis: {grace_days: 999999999}", "diagnosis.grace_days: out of range (found '999999999'"),
        ("outcome: {default_horizon_days: 999999999}", "outcome.default_horizon_days: out of range"),
        ("valuation: {contribution_hours: {referral: 1e308}}", "contribution_hours.referral: out of range"),
        ("valuation: {default_hourly_rates: {EUR: 1e308}}", "valuation.default_hourly_rates.EUR: out of range"),
        ("profiles: {joint_market: {weights: {outcome: 1e308}}}", "weight of 'outcome' out of range"),
    ],
)
def test_configuration_values_that_would_overflow_are_located_errors(
    tmp_path: Path, setting: str, message: str
) -> None:
    """These once validated and then crashed the reports (a date or a decimal out of range)."""
    (tmp_path / ".coopcheck.yaml").write_text(setting + "\n", encoding="utf-8")
    path = _write(tmp_path, kind="joint_market")
    config = str(tmp_path / ".coopcheck.yaml")
    result = _run("assess", str(path), "--config", config, "--as-of", "2026-11-28", "--format", "markdown")
    assert result.exit_code == 2
    assert f"{config}:1:" in result.output and message in result.output


def test_init_into_a_folder_name_too_long_is_a_clean_usage_error(tmp_path: Path) -> None:
    result = _run("init", str(tmp_path / ("d" * 300)), "--no-input")
    assert result.exit_code == 2
    assert "a part of the file name is too long (300 bytes; at most 255)" in result.output


def test_usage_errors_show_what_was_typed_with_escapes() -> None:
    result = _run("explain", "x\x1b[2Jy")
    assert result.exit_code == 2
    assert "found 'x\\x1b[2Jy'" in result.output and "\x1b" not in result.output


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_import_refuses_a_device_or_a_pipe_as_its_export(tmp_path: Path) -> None:
    partners = definition()["partners"]
    partners["northwind"]["domains"] = ["northwind.example"]
    partners["contoso"]["domains"] = ["contoso.example"]
    path = _write(tmp_path, partners=partners)
    pipe = tmp_path / "calendar.ics"
    os.mkfifo(pipe)
    for source, problem in ((str(pipe), "is a named pipe (FIFO)"), ("/dev/zero", "is a device")):
        result = _run("import", "calendar", source, "--into", str(path))
        assert result.exit_code == 2
        assert f"{source}:1:1: {problem}" in result.output
