"""`coopcheck assess` as a consultant and a script use it: reports, golden files, exit codes, atomic output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from support import AS_OF, EXAMPLES, ROOT


@pytest.fixture(autouse=True)
def _repo_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relative paths in reports, and no configuration file from the developer's machine.
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)


def test_json_carries_the_contract(run_cli) -> None:  # type: ignore[no-untyped-def]
    report = json.loads(run_cli("assess", "examples/one-way-street.yaml", "--as-of", AS_OF, "-f", "json").stdout)
    for key in (
        "schema_version",
        "coopcheck_version",
        "as_of",
        "partnership",
        "health",
        "diagnosis",
        "influence",
        "outcome",
        "reciprocity",
        "empty_contact_risk",
        "readiness",
        "findings",
    ):
        assert key in report
    assert report["schema_version"] == 1
    assert report["partnership"]["file"] == "examples/one-way-street.yaml"
    assert [f["id"] for f in report["influence"]["factors"]] == [
        "anchoring",
        "keeping_in_step",
        "investment",
        "commitment",
    ]
    one_way = report["reciprocity"]["one_way"]
    assert (one_way["detected"], one_way["giver"], one_way["since"]) == (True, "kranich", "2026-02")
    for finding in report["findings"]:
        assert finding["id"] and finding["severity"] in ("info", "warning", "error") and finding["message"]


def test_the_terminal_report_leads_with_the_verdict_and_names_the_lever(run_cli) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("assess", "examples/one-way-street.yaml", "--as-of", AS_OF).stdout
    assert out.index("health") < out.index("Influence against outcome") < out.index("Findings and levers")
    assert "One-way street: Kranich IT-Services GmbH has carried the partnership since February 2026" in out
    assert "Lever:" in out


def test_fail_under_exits_1_and_says_why(run_cli) -> None:  # type: ignore[no-untyped-def]
    healthy = run_cli("assess", "examples/thriving.yaml", "--as-of", AS_OF, "--fail-under", "60")
    assert healthy.exit_code == 0
    weak = run_cli("assess", "examples/empty.yaml", "--as-of", AS_OF, "--fail-under", "60")
    assert weak.exit_code == 1
    assert "60" in weak.stderr


def test_invalid_file_exits_2_with_its_position_and_no_report(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (EXAMPLES / "readiness.yaml").read_text(encoding="utf-8").replace("kind: joint_market", "kind: joint_marker")
    )
    result = run_cli("assess", str(bad), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{bad}:" in result.stderr and "did you mean 'joint_market'" in result.stderr


def test_output_is_written_whole_and_replaces_the_old_report(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")
    result = run_cli("assess", "examples/thriving.yaml", "--as-of", AS_OF, "-f", "json", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["diagnosis"]["id"] == "thriving"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_unwritable_output_exits_2_with_a_message(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("assess", "examples/thriving.yaml", "--as-of", AS_OF, "-o", str(tmp_path / "missing" / "r.txt"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_activity_after_as_of_is_ignored(run_cli) -> None:  # type: ignore[no-untyped-def]
    early = json.loads(run_cli("assess", "examples/one-way-street.yaml", "--as-of", "2026-01-31", "-f", "json").stdout)
    assert early["as_of"] == "2026-01-31"
    assert early["reciprocity"]["one_way"]["detected"] is False


def test_output_naming_a_folder_exits_2_and_leaves_it_alone(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for target in (str(tmp_path), ""):
        result = run_cli("assess", "examples/thriving.yaml", "--as-of", AS_OF, "-f", "json", "-o", target)
        assert result.exit_code == 2
        assert "is a folder; expected a file name" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_output_through_a_link_replaces_the_file_it_points_to(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "reports" / "latest.md"
    report.parent.mkdir()
    report.write_text("old report", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(report)
    result = run_cli("assess", "examples/thriving.yaml", "--as-of", AS_OF, "-f", "markdown", "-o", str(link))
    assert result.exit_code == 0
    assert link.is_symlink() and link.resolve() == report.resolve()
    assert report.read_text(encoding="utf-8").startswith("# Nordlicht x Alpenblick")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_output_into_a_pipe_is_written_through(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`-o /dev/stdout`, `-o /dev/null` or a named pipe: written to, never replaced by a file."""
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = run_cli("assess", "examples/thriving.yaml", "--as-of", AS_OF, "-f", "json", "-o", str(pipe))
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert json.loads(received[0])["diagnosis"]["id"] == "thriving"
    assert not pipe.is_file() and [p.name for p in tmp_path.iterdir()] == ["pipe"]


@pytest.mark.parametrize("command", ["assess", "trend"])
def test_a_report_is_never_written_over_its_own_input(run_cli, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    partnership = tmp_path / "one-way-street.yaml"
    partnership.write_bytes((EXAMPLES / "one-way-street.yaml").read_bytes())
    log = tmp_path / "logs" / "one-way-street-2026.yaml"
    log.parent.mkdir()
    log.write_bytes((EXAMPLES / "logs" / "one-way-street-2026.yaml").read_bytes())
    for target in (partnership, log):
        before = target.read_bytes()
        result = run_cli(command, str(partnership), "--as-of", AS_OF, "-f", "json", "-o", str(target))
        assert result.exit_code == 2
        assert "is one of the files read; name another file" in result.stderr
        assert target.read_bytes() == before
