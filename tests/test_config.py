"""Configuration: where it is found, how strictly it is read, and that flags win over it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

import coopcheck.cli  # noqa: F401  (registers every command on the app)
from coopcheck.assessment.parameters import DEFAULT_PROFILES
from coopcheck.cli.app import app
from coopcheck.config import Config, find_config, load_config
from coopcheck.factors import FACTORS
from support import AS_OF, EXAMPLES, docs_tool

PARTNERSHIP = (EXAMPLES / "portfolio" / "partnerships" / "kiel-quanta.yaml").read_text(encoding="utf-8")


def check(*args: str) -> Any:
    return CliRunner().invoke(app, ["check", "--as-of", AS_OF, *args], catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def place(path: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of the first `needle` in the file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one partnership, entered at its root."""
    write(tmp_path / "partnerships" / "kiel-quanta.yaml", PARTNERSHIP)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_nearest_folder_wins_and_the_dedicated_file_before_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.coopcheck]\nfail_under = 10\n")
    inner = tmp_path / "team" / "deep"
    inner.mkdir(parents=True)
    assert find_config(inner) == tmp_path / "pyproject.toml"
    write(tmp_path / ".coopcheck.yaml", "fail_under: 20\n")
    assert find_config(inner) == tmp_path / ".coopcheck.yaml"
    write(tmp_path / "team" / "pyproject.toml", "[project]\nname = 'unrelated'\n")  # no [tool.coopcheck]: ignored
    assert find_config(inner) == tmp_path / ".coopcheck.yaml"
    write(tmp_path / "team" / "pyproject.toml", "[tool.coopcheck.bands]\ngreen = 80\n")
    assert find_config(inner) == tmp_path / "team" / "pyproject.toml"
    assert load_config(tmp_path / "team" / "pyproject.toml").config.bands.green == 80


def test_an_empty_file_means_the_defaults(tmp_path: Path) -> None:
    loaded = load_config(write(tmp_path / ".coopcheck.yaml", "# nothing set yet\n"))
    assert loaded.diagnostics == [] and loaded.config == Config()
    assert loaded.config.include == ["**/*.yaml", "**/*.yml"] and loaded.config.fail_under is None


YAML_ERRORS = """\
include: ["partnerships/**/*.yaml"]
fail_under: 150
fail_on: [one_way, zombi]
bands:
  green: 70
  amberr: 40
factors:
  investment:
    tolerence: 0.2
langauge: de
"""


def test_yaml_errors_name_file_line_and_column(repo: Path) -> None:
    config = write(repo / ".coopcheck.yaml", YAML_ERRORS)
    result = check()
    assert result.exit_code == 2
    expected = [
        ("150", "fail_under: out of range (found '150'; expected a number <= 100)"),
        ("zombi", "fail_on[1]: unknown condition (found 'zombi'); did you mean 'zombie'?"),
        ("amberr", "bands.amberr: unknown key 'amberr'; did you mean 'amber'?"),
        ("tolerence", "factors.investment.tolerence: unknown key 'tolerence'; did you mean 'tolerance'?"),
        ("langauge", "langauge: unknown key 'langauge'; did you mean 'language'?"),
    ]
    for needle, message in expected:
        line, column = place(config, needle)
        assert f"{config}:{line}:{column}: {message}\n" in result.stderr
    assert result.stdout == ""


TOML_ERRORS = """\
[project]
name = "team-partnerships"

[tool.coopcheck]
fail_on = [
  "one_way",
  "zombi",
]
jobs = 0

[tool.coopcheck.bands]
green = 70
amberr = 40

[tool.coopcheck.profiles.development]
weights = {anchoring = 2, keeping_in_step = -1}
"""


def test_toml_errors_name_file_line_and_column(repo: Path) -> None:
    config = write(repo / "pyproject.toml", TOML_ERRORS)
    result = check()
    assert result.exit_code == 2
    expected = [
        ('"zombi"', "tool.coopcheck.fail_on[1]: unknown condition (found 'zombi'); did you mean 'zombie'?"),
        ("jobs", "tool.coopcheck.jobs: out of range (found '0'; expected a number >= 1)"),
        ("amberr", "tool.coopcheck.bands.amberr: unknown key 'amberr'; did you mean 'amber'?"),
        ("weights", "tool.coopcheck.profiles.development.weights: weight of 'keeping_in_step' must not be negative"),
    ]
    for needle, message in expected:
        line, column = place(config, needle)
        assert f"{config}:{line}:{column}: {message}" in result.stderr


def test_syntax_errors_in_the_configuration(repo: Path) -> None:
    write(repo / ".coopcheck.yaml", "fail_under: 40\nfail_under: 50\n")
    result = check()
    assert result.exit_code == 2
    assert ".coopcheck.yaml:2:1: duplicate key 'fail_under'" in result.stderr
    (repo / ".coopcheck.yaml").unlink()
    write(repo / "pyproject.toml", "[tool.coopcheck]\nfail_under = = 3\n")
    result = check()
    assert result.exit_code == 2
    assert "pyproject.toml:2:14: TOML syntax error" in result.stderr


def test_an_unclosed_tool_table_is_reported_not_passed_over(repo: Path) -> None:
    write(repo / "pyproject.toml", "[tool.coopcheck\nfail_under = 100\n")
    result = check()
    assert result.exit_code == 2
    assert "pyproject.toml:1:16: TOML syntax error" in result.stderr


def given_by_the_giver(*args: str) -> dict[str, Any]:
    """What the giving side of examples/one-way-street.yaml gave, by `coopcheck assess --format json`."""
    result = CliRunner().invoke(
        app, ["assess", str(EXAMPLES / "one-way-street.yaml"), "--as-of", AS_OF, "-f", "json", *args]
    )
    assert result.exit_code == 0, result.stderr
    given: dict[str, Any] = json.loads(result.stdout)["reciprocity"]["given"]["kranich"]
    return given


def test_contribution_hours_change_only_the_types_they_name(repo: Path) -> None:
    default = given_by_the_giver()
    write(repo / ".coopcheck.yaml", "valuation: {contribution_hours: {lead: 8}}\n")  # the default, said again
    assert given_by_the_giver() == default
    write(repo / ".coopcheck.yaml", "valuation: {contribution_hours: {lead: 16}}\n")
    assert given_by_the_giver()["contribution_value"] > default["contribution_value"]
    config = write(repo / ".coopcheck.yaml", "valuation:\n  contribution_hours: {lead: -8}\n")
    result = check()
    assert result.exit_code == 2
    line, column = place(config, "-8")
    assert f"{config}:{line}:{column}: valuation.contribution_hours.lead: out of range" in result.stderr


def exit_code(*args: str) -> int:
    code: int = check(*args).exit_code
    return code


def test_flags_win_over_the_file(repo: Path) -> None:
    write(repo / ".coopcheck.yaml", "fail_under: 100\nfail_on: [thriving, building, empty, harvesting]\n")
    assert exit_code() == 1
    assert exit_code("--fail-under", "0", "--fail-on", "") == 0
    assert exit_code("--fail-under", "100", "--fail-on", "") == 1
    write(repo / ".coopcheck.yaml", "fail_under: 0\nfail_on: []\n")
    assert exit_code() == 0
    assert exit_code("--fail-under", "100") == 1


def test_explicit_config_file(repo: Path, tmp_path: Path) -> None:
    write(repo / ".coopcheck.yaml", "fail_under: 100\n")
    other = write(tmp_path / "elsewhere" / "strict.yaml", "fail_under: 0\n")
    assert exit_code() == 1
    assert exit_code("--config", str(other)) == 0
    result = check("--config", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2 and "missing.yaml: file not found" in result.stderr


def test_include_and_exclude_are_relative_to_the_config_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo / "partnerships" / "archive" / "old.yaml", PARTNERSHIP.replace("id: kiel-quanta", "id: old"))
    write(repo / "drafts" / "draft.yaml", PARTNERSHIP.replace("id: kiel-quanta", "id: draft"))
    write(repo / ".coopcheck.yaml", 'include: ["partnerships/**/*.yaml"]\nexclude: [archive]\nfail_under: 0\n')

    def files() -> list[str]:
        result = check("--format", "json")
        return [r["file"] for r in json.loads(result.stdout)["results"]]

    assert files() == ["partnerships/kiel-quanta.yaml"]
    monkeypatch.chdir(repo / "partnerships")  # the globs stay relative to the config file's folder
    assert files() == ["kiel-quanta.yaml"]


def test_bands_from_the_config_change_the_verdict(repo: Path) -> None:
    write(repo / ".coopcheck.yaml", "fail_on: [red]\nbands: {green: 100, amber: 100}\n")
    assert exit_code() == 1
    write(repo / ".coopcheck.yaml", "fail_on: [red]\nbands: {green: 0, amber: 0}\n")
    assert exit_code() == 0


def test_logs_outside_the_folder(repo: Path) -> None:
    (repo / "partnerships" / "kiel-quanta.yaml").unlink()
    with_log = PARTNERSHIP.replace("\nactivities:", "\nlogs: [../shared.yaml]\n\nactivities:", 1)
    write(repo / "partnerships" / "team" / "kiel-quanta.yaml", with_log)
    write(repo / "partnerships" / "shared.yaml", "activities: []\n")
    assert exit_code() == 2
    write(repo / ".coopcheck.yaml", "allow_outside_logs: true\n")
    assert exit_code() == 0
    assert exit_code("--no-allow-outside-logs") == 2


def documented_rows() -> dict[str, str]:
    """`key -> default` from the reference tables of docs/configuration.md."""
    text = (EXAMPLES.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([a-z_.]+)` \| `([^`]*)` \|", text, re.MULTILINE))


def leaves(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for name, info in model.model_fields.items():
        default = info.get_default(call_default_factory=True)
        if isinstance(default, BaseModel):
            yield from leaves(type(default), f"{prefix}{name}.")
        elif not (isinstance(default, dict) and default) and name != "factors":
            yield prefix + name, default


def shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json.dumps(value, ensure_ascii=False)


def test_every_key_is_documented_with_its_default() -> None:
    expected = dict(leaves(Config))
    for factor in FACTORS:
        expected |= dict(leaves(factor.Parameters, f"factors.{factor.ID}."))
    rows = documented_rows()
    assert {key: rows.get(key) for key in expected} == {key: shown(value) for key, value in expected.items()}
    assert set(rows) <= set(expected), "docs/configuration.md documents keys that do not exist"


def test_generated_reference_tables_are_current() -> None:
    """`python tools/docs.py` writes the key and profile tables and the factor sections of
    docs/scoring.md from the code; stale docs fail here."""
    tool = EXAMPLES.parent / "tools" / "docs.py"
    result = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    text = (EXAMPLES.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    for kind, profile in DEFAULT_PROFILES.items():
        assert f"| `{kind.value}` | {profile.weight('anchoring'):g} |" in text


def test_a_stale_factor_section_is_caught_and_rewritten() -> None:
    """A default changed in the code (here: the page edited to quote another one) makes the page stale."""
    tool = docs_tool()
    page = tool.SCORING.read_text(encoding="utf-8")
    assert "caps the factor at 25, below the line" in page  # anchoring's docstring with its default
    stale = page.replace("caps the factor at 25, below the line", "caps the factor at 30, below the line")
    stale = stale.replace("| `missing_level_cap` | `25` |", "| `missing_level_cap` | `30` |")
    assert tool.render_scoring(stale) == page
    hand_written = page.replace("The cap is what makes a broken anchor", "The cap makes a broken anchor")
    assert tool.render_scoring(hand_written) == hand_written, "text outside the markers is left as written"
