"""`coopcheck check` on the shared repository in examples/portfolio/, as a CI job would run it."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import coopcheck.cli  # noqa: F401  (registers every command on the app)
from coopcheck.assessment.model import Assessment
from coopcheck.assessment.portfolio import PortfolioCheck, checked
from coopcheck.assessment.thresholds import CONDITIONS
from coopcheck.cli.app import app
from coopcheck.rendering.portfolio import markdown
from support import AS_OF, EXAMPLES

PORTFOLIO = EXAMPLES / "portfolio"
PARTNERSHIPS = sorted(p.stem for p in (PORTFOLIO / "partnerships").glob("*.yaml"))
ANNOTATION = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.*)$")


def check(*args: str, env: dict[str, str] | None = None) -> Any:
    """`coopcheck check --as-of AS_OF ARGS...` in the current directory; the click Result."""
    return CliRunner().invoke(app, ["check", "--as-of", AS_OF, *args], env=env or {}, catch_exceptions=False)


def report(*args: str) -> dict[str, Any]:
    result = check("--format", "json", *args)
    assert result.exit_code in (0, 1, 2), result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(autouse=True)
def in_portfolio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PORTFOLIO)
    for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(scope="module")
def unthresholded() -> dict[str, Any]:
    """The portfolio assessed with every threshold switched off by flags."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(PORTFOLIO)
        return report("--fail-under", "0", "--fail-on", "")


def hit_by(condition: str, assessment: dict[str, Any]) -> bool:
    """What each --fail-on condition means, read off the JSON contract."""
    band = assessment["health"]["band"]
    return {
        "one_way": assessment["reciprocity"]["one_way"]["detected"],
        "red": band == "red",
        "amber": band in ("amber", "red"),
        "zombie": assessment["empty_contact_risk"]["zombie"],
        "not_ready": not all(c["ok"] for c in assessment["readiness"]["checks"]),
    }.get(condition, assessment["diagnosis"]["id"] == condition)


def test_finds_every_partnership_and_nothing_else(unthresholded: dict[str, Any]) -> None:
    files = [result["file"] for result in unthresholded["results"]]
    # logs named by a partnership, team.yaml, the workflow and the excluded archive are not partnerships
    assert files == [f"partnerships/{stem}.yaml" for stem in PARTNERSHIPS]
    assert len(files) >= 10
    assert unthresholded["summary"]["status"] == "passed"


def test_the_configured_thresholds_fail_the_build() -> None:
    result = check()
    assert result.exit_code == 1
    document = report()
    failed = {r["assessment"]["partnership"]["id"]: r for r in document["results"] if r["status"] == "failed"}
    assert document["thresholds"] == {"fail_under": 50.0, "fail_on": ["one_way", "zombie"]}
    assert "main-helix" in failed and "one_way" in [hit["condition"] for hit in failed["main-helix"]["hits"]]
    assert "alster-brenner" not in failed
    for entry in document["results"]:
        conditions = {"one_way", "zombie"} & {c for c in CONDITIONS if hit_by(c, entry["assessment"])}
        assert {hit["condition"] for hit in entry["hits"]} - {"fail_under"} == conditions
    assert "✗ main-helix (partnerships/main-helix.yaml)" in result.stdout


@pytest.mark.parametrize("condition", list(CONDITIONS))
def test_each_fail_on_condition_sets_the_exit_code(condition: str, unthresholded: dict[str, Any]) -> None:
    expected = {r["file"] for r in unthresholded["results"] if hit_by(condition, r["assessment"])}
    assert expected, f"the portfolio should show '{condition}' somewhere"
    document = report("--fail-under", "0", "--fail-on", condition)
    failed = {r["file"] for r in document["results"] if r["status"] == "failed"}
    assert failed == expected
    assert check("--fail-under", "0", "--fail-on", condition).exit_code == 1


def test_fail_under_compares_the_health_score(unthresholded: dict[str, Any]) -> None:
    scores = {r["file"]: r["assessment"]["health"]["score"] for r in unthresholded["results"]}
    bar = sorted(s for s in scores.values() if s is not None)[len(scores) // 2]
    document = report("--fail-on", "", "--fail-under", str(bar))
    failed = {r["file"] for r in document["results"] if r["status"] == "failed"}
    assert failed == {file for file, score in scores.items() if score is not None and score < bar}
    assert all(r["hits"][0]["message"].endswith(f"is below {bar:g}") for r in document["results"] if r["hits"])
    assert check("--fail-on", "", "--fail-under", "0").exit_code == 0
    assert check("--fail-on", "", "--fail-under", str(bar)).exit_code == 1


def test_unknown_condition_is_a_usage_error_with_a_hint() -> None:
    result = check("--fail-on", "one_wya,zombie")
    assert result.exit_code == 2
    assert "unknown condition (found 'one_wya'); did you mean 'one_way'?" in result.stderr


def test_junit_has_one_testcase_per_partnership_and_fails_on_thresholds() -> None:
    result = check("--format", "junit")
    assert result.exit_code == 1
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert sorted(case.get("name", "") for case in cases) == sorted(PARTNERSHIPS)
    failures = [case for case in cases if case.find("failure") is not None]
    assert suite.get("failures") == str(len(failures)) and failures
    statuses = {r["assessment"]["partnership"]["id"]: r for r in report()["results"]}
    for case in failures:
        failure = case.find("failure")
        assert failure is not None
        expected = statuses[case.get("name", "")]
        assert failure.get("message") == "; ".join(hit["message"] for hit in expected["hits"])
        for finding in expected["assessment"]["findings"]:
            assert finding["id"] in (failure.text or "")


def test_github_annotations_point_at_the_evidencing_yaml_line(unthresholded: dict[str, Any]) -> None:
    result = check("--format", "github")
    lines = result.stdout.splitlines()
    annotations = [m for m in map(ANNOTATION.match, lines) if m]
    assert lines.count("::endgroup::") == sum(line.startswith("::group::") for line in lines) > 0
    placed = {(m.group(2), int(m.group(3))) for m in annotations}
    cited = 0
    for entry in unthresholded["results"]:
        for finding in entry["assessment"]["findings"]:
            if not finding["evidence"]:
                continue
            evidence = finding["evidence"][0]
            assert (evidence["file"], evidence["line"]) in placed, finding["id"]
            text = Path(evidence["file"]).read_text(encoding="utf-8").splitlines()[evidence["line"] - 1]
            if evidence["activity"]:
                assert text.strip() == f"- id: {evidence['activity']}", (finding["id"], text)
            cited += 1
    assert cited > 0
    for match in annotations:
        assert Path(match.group(2)).is_file()


def test_text_report_adds_annotations_only_inside_github_actions() -> None:
    plain = check()
    assert "Partnership health as of 28 November 2026" in plain.stdout
    assert "::error" not in plain.stdout
    in_actions = check(env={"GITHUB_ACTIONS": "true"})
    assert in_actions.stdout.startswith(plain.stdout)
    assert "::error file=partnerships/main-helix.yaml" in in_actions.stdout


def test_summary_is_appended_to_the_job_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    result = check("--summary", "--format", "junit", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n## coopcheck: 12 partnership(s)")
    assert all(f"`partnerships/{stem}.yaml`" in text for stem in PARTNERSHIPS)


def test_markdown_stays_within_the_job_summary_limit(unthresholded: dict[str, Any]) -> None:
    results = [
        checked(r["file"], Assessment.model_validate(r["assessment"]), [], 100, list(CONDITIONS))
        for r in unthresholded["results"]
    ]
    portfolio = PortfolioCheck(dt.date.fromisoformat(AS_OF), 100, tuple(CONDITIONS), tuple(results * 40))
    full = markdown.render(portfolio)
    assert len(full.encode("utf-8")) > 64 * 1024
    cut = markdown.render(portfolio, limit=64 * 1024)
    assert len(cut.encode("utf-8")) <= 64 * 1024
    assert "_Truncated:" in cut and full.startswith(cut.split("\n_Truncated:")[0])


def test_jobs_do_not_change_the_output() -> None:
    one = check("--format", "json", "--jobs", "1")
    two = check("--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout


@pytest.fixture
def broken_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The portfolio with one activity's hours spelt out: that file is invalid, the others are not."""
    copy = tmp_path / "portfolio"
    shutil.copytree(PORTFOLIO, copy)
    target = copy / "partnerships" / "kiel-quanta.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("    hours: 3\n", "    hours: three\n", 1), encoding="utf-8")
    monkeypatch.chdir(copy)
    return target


def test_an_invalid_file_exits_2_after_the_others_are_assessed(broken_copy: Path) -> None:
    line = broken_copy.read_text(encoding="utf-8").splitlines().index("    hours: three") + 1
    result = check("--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    statuses = {r["file"]: r["status"] for r in document["results"]}
    assert statuses.pop("partnerships/kiel-quanta.yaml") == "invalid"
    assert len(statuses) == len(PARTNERSHIPS) - 1 and "invalid" not in statuses.values()
    text = check().stdout
    assert f"partnerships/kiel-quanta.yaml:{line}:12: activities[" in text
    assert check("--validate-only").exit_code == 2


def test_paths_that_are_not_partnerships() -> None:
    log = check("partnerships/logs/alster-brenner-2026.yaml")
    assert log.exit_code == 0
    assert "no partnership files found" in log.stderr
    missing = check("partnerships/nope.yaml", "partnerships/kiel-quanta.yaml")
    assert missing.exit_code == 2
    assert "partnerships/nope.yaml:1:1: file or folder not found" in missing.stdout


def test_a_folder_without_partnership_files_exits_2(tmp_path: Path) -> None:
    """A wrong path or glob must not pass CI silently; a commit that changed only logs still does."""
    empty = tmp_path / "partnerships"
    empty.mkdir()
    result = check(str(empty))
    assert result.exit_code == 2 and result.stdout == ""
    assert f"no partnership files found in {empty}" in result.stderr
    assert "'include' and 'exclude' in " in result.stderr  # the portfolio's .coopcheck.yaml
    assert check("partnerships/logs/alster-brenner-2026.yaml").exit_code == 0


def test_ci_files_are_not_taken_for_partnerships(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The GitLab job, named `coopcheck:`, copied to `.gitlab-ci.yml` as docs/ci.md says, and to a visible file."""
    shutil.copytree(PORTFOLIO / "partnerships", tmp_path / "partnerships")
    job = (EXAMPLES / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    assert "\ncoopcheck:\n" in job
    (tmp_path / ".gitlab-ci.yml").write_text(job, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    document = report("--fail-under", "0", "--fail-on", "")
    assert document["summary"]["status"] == "passed"
    assert len(document["results"]) == len(PARTNERSHIPS) + 1  # the archive is not excluded here
    assert check(str(EXAMPLES / "ci")).exit_code == 2  # the example job itself is no partnership either
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "coopcheck.gitlab-ci.yml").write_bytes((tmp_path / ".gitlab-ci.yml").read_bytes())
    assert report("--fail-under", "0", "--fail-on", "")["summary"]["status"] == "passed"
    named = check(".gitlab-ci.yml", "--validate-only")  # what the pre-commit hook does when it changes
    assert named.exit_code == 0 and "no top-level 'coopcheck:' key" in named.stderr


@pytest.mark.parametrize("output_format", ["markdown", "junit", "html"])
def test_validate_only_refuses_formats_it_cannot_write(tmp_path: Path, output_format: str) -> None:
    target = tmp_path / "report"
    result = check("--validate-only", "--format", output_format, "--output", str(target))
    assert result.exit_code == 2
    assert f"--format {output_format} is not available; use text, json or github" in result.stderr
    assert not target.exists()


def test_a_report_is_never_written_over_a_partnership_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(PORTFOLIO, tmp_path / "portfolio")
    monkeypatch.chdir(tmp_path / "portfolio")
    target = Path("partnerships/kiel-quanta.yaml")
    before = target.read_bytes()
    result = check("--format", "json", "--output", str(target))
    assert result.exit_code == 2
    assert "is one of the files read; name another file" in result.stderr
    assert target.read_bytes() == before


def test_validate_only_checks_the_files_without_thresholds() -> None:
    result = check("--validate-only", "partnerships/kiel-quanta.yaml", "team.yaml")
    assert result.exit_code == 0
    assert "1 partnership valid" in result.stdout


def test_integrations_use_only_options_that_exist() -> None:
    root = EXAMPLES.parent
    help_text = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "200"}).stdout
    action = yaml.safe_load((root / "action.yml").read_text(encoding="utf-8"))
    script = action["runs"]["steps"][-1]["run"]
    environment = action["runs"]["steps"][-1]["env"]
    assert {name.replace("-", "_").upper() for name in action["inputs"]} - {"PYTHON_VERSION"} == {
        variable.removeprefix("INPUT_") for variable in environment
    }
    assert all(f"${variable}" in script for variable in environment)
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    workflow = yaml.safe_load((PORTFOLIO / ".github" / "workflows" / "coopcheck.yml").read_text(encoding="utf-8"))
    assert {"push", "schedule"} <= set(workflow[True])  # YAML 1.1 reads the key `on` as True
    commands = [script, *(hook["entry"] for hook in hooks)]
    for text in (root / "examples" / "ci" / "gitlab-ci.yml", root / "docs" / "ci.md"):
        commands += [line for line in text.read_text(encoding="utf-8").splitlines() if "coopcheck check" in line]
    options = {option for text in commands for option in re.findall(r"(?<![\w-])--[a-z][a-z-]+", text)}
    assert {"--fail-under", "--fail-on", "--summary", "--validate-only", "--format"} <= options
    for option in options:
        assert option in help_text, option


def test_every_option_of_check_is_documented_and_named_plainly() -> None:
    help_text = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "200"}).stdout
    synopsis = (EXAMPLES.parent / "docs" / "ci.md").read_text(encoding="utf-8").split("```text\n", 1)[1]
    synopsis = synopsis.split("```", 1)[0]
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", help_text)) - {"--help"}
    assert options and all(option in synopsis for option in options), options
    for value in ("text|json|markdown|github|junit|html", "YYYY-MM-DD", "CONDITION,..."):
        assert value in help_text and value in synopsis, value
    assert "<list[str]>" not in help_text and "<str>" not in help_text  # options name their values


def test_the_portfolio_is_what_its_generator_writes() -> None:
    generator = subprocess.run(
        [sys.executable, str(EXAMPLES.parent / "tools" / "make_portfolio.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert generator.returncode == 0, generator.stdout


def test_github_annotation_level_follows_whether_the_partnership_passes() -> None:
    """`::error` means the build failed because of this partnership; a passing one gets warnings and notices."""
    document = report()
    passing = {r["file"] for r in document["results"] if r["status"] == "passed" and r["assessment"]["findings"]}
    failing = {r["file"] for r in document["results"] if r["status"] == "failed"}
    assert passing and failing
    groups = check("--format", "github").stdout.split("::group::")[1:]
    levels = {
        group.splitlines()[0]: {m.group(1) for m in map(ANNOTATION.match, group.splitlines()) if m} for group in groups
    }
    for file in passing:
        assert levels[file] and "error" not in levels[file], file
    assert any("error" in levels[file] for file in failing)
