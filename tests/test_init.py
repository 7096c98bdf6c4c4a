"""`coopcheck init`: a partnership file and a log that validate, written without ever clobbering a file."""

from __future__ import annotations

from coopcheck.schema import LOG_SCHEMA_ID, PARTNERSHIP_SCHEMA_ID
from reports import english_afterwards  # noqa: F401


def test_no_input_scaffold_passes_validate(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    result = run_cli("init", str(tmp_path), "--no-input", "--started", "2026-01-15")
    assert result.exit_code == 0, result.output
    partnership = tmp_path / "first-second.yaml"
    log = tmp_path / "logs" / "first-second.yaml"
    assert partnership.is_file() and log.is_file()
    text = partnership.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={PARTNERSHIP_SCHEMA_ID}\n")
    assert log.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema={LOG_SCHEMA_ID}\n")
    assert "logs: [logs/first-second.yaml]" in text
    validated = run_cli("validate", str(partnership), "--as-of", "2026-01-15")
    assert validated.exit_code == 0, validated.output
    assert "0 warning(s)" in validated.stdout


def test_flags_fill_the_file(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    args = [
        "init",
        str(tmp_path),
        "--no-input",
        "--partner",
        "Müller & Söhne GmbH",
        "--with",
        "Contoso AG",
        "--sponsor",
        "Dr. Anna Weber, PhD",
        "--partner-sponsor",
        "Peter Lang",
        "--contacts",
        "Jonas Keller, Mia Braun",
        "--partner-contacts",
        "Lea Vogt",
        "--kind",
        "development",
        "--started",
        "2026-01-15",
        "--joint-campaigns",
        "4",
        "--revenue",
        "250000",
        "--by",
        "2026-12-31",
        "--cost-split",
        "60",
    ]
    assert run_cli(*args).exit_code == 0
    text = (tmp_path / "muller-contoso.yaml").read_text(encoding="utf-8")
    assert "name: Müller & Söhne GmbH" in text
    assert "contacts: [Jonas Keller, Mia Braun]" in text
    assert 'sponsor: "Dr. Anna Weber, PhD"' in text
    assert "revenue: {target: 250000, by: 2026-12-31}" in text
    assert "cost_split: {muller: 60, contoso: 40}" in text
    assert run_cli("validate", str(tmp_path / "muller-contoso.yaml"), "--as-of", "2026-02-01").exit_code == 0


def test_prompts_ask_for_partners_sponsors_kind_start_and_targets(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from coopcheck.cli.app import app

    answers = "Northwind\nAnna Weber\nJonas Keller\nContoso\nPeter Lang\nLea Vogt\njoint_market\n2026-01-15\n4\n3\n0\n"
    result = CliRunner().invoke(app, ["init", str(tmp_path), "--lang", "en"], input=answers)
    assert result.exit_code == 0, result.output
    for question in ("Name of your side", "Executive sponsor at Northwind", "Kind", "Start date", "Target: revenue"):
        assert question in result.output
    text = (tmp_path / "northwind-contoso.yaml").read_text(encoding="utf-8")
    assert "sponsor: Peter Lang" in text and "projects_won: {target: 3, by: 2027-01-14}" in text
    assert "revenue" not in text.split("outcomes:")[1].split("influence:")[0]


def test_never_overwrites_without_force(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    assert run_cli("init", str(tmp_path), "--no-input").exit_code == 0
    partnership = tmp_path / "first-second.yaml"
    partnership.write_text("# mine\n", encoding="utf-8")
    again = run_cli("init", str(tmp_path), "--no-input")
    assert again.exit_code == 2
    assert "--force" in again.stderr
    assert partnership.read_text(encoding="utf-8") == "# mine\n"
    assert run_cli("init", str(tmp_path), "--no-input", "--force").exit_code == 0
    assert partnership.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_modeline_points_at_the_repository_schema_when_there_is_one(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "coopcheck.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "coopcheck-log.schema.json").write_text("{}", encoding="utf-8")
    folder = tmp_path / "partnerships"
    assert run_cli("init", str(folder), "--no-input").exit_code == 0
    first_line = (folder / "first-second.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../coopcheck.schema.json"
    log_line = (folder / "logs" / "first-second.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert log_line == "# yaml-language-server: $schema=../../coopcheck-log.schema.json"


def test_bad_currency_is_refused(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    result = run_cli("init", str(tmp_path), "--no-input", "--currency", "EURO")
    assert result.exit_code == 2 and "not a currency in use" in result.stderr
    assert not list(tmp_path.iterdir())


def test_large_and_fractional_targets_are_written_exactly(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    args = ["init", str(tmp_path), "--no-input", "--revenue", "1234567.5", "--cost-split", "33.3"]
    assert run_cli(*args).exit_code == 0
    text = (tmp_path / "first-second.yaml").read_text(encoding="utf-8")
    assert "revenue: {target: 1234567.5," in text
    assert "cost_split: {first: 33.3, second: 66.7}" in text


def test_a_partner_needs_a_name(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    result = run_cli("init", str(tmp_path), "--no-input", "--partner", " ")
    assert result.exit_code == 2 and "--partner: a name is needed" in result.stderr
    assert not list(tmp_path.iterdir())


def test_prompts_ask_again_for_an_empty_name(tmp_path):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from coopcheck.cli.app import app

    answers = "\n".join(["", "Acme", "", "", "Beta", "", "", "", "", "", "", ""]) + "\n"
    result = CliRunner().invoke(app, ["init", str(tmp_path), "--partner", "", "--lang", "en"], input=answers)
    assert result.exit_code == 0, result.output
    assert "A name is needed." in result.stderr
    assert (tmp_path / "acme-beta.yaml").is_file()


def test_init_speaks_the_configured_language(run_cli, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".coopcheck.yaml").write_text("language: de\n", encoding="utf-8")
    result = run_cli("init", "team", "--no-input")
    assert result.exit_code == 0
    assert "Als Nächstes: Aktivitäten erfassen" in result.stdout


def test_every_option_of_init_is_documented(run_cli):  # type: ignore[no-untyped-def]
    import re

    from support import ROOT

    help_text = run_cli("init", "--help").stdout
    guide = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8").split("## `coopcheck init [DIR]`", 1)[1]
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", help_text)) - {"--help"}
    assert {"--no-input", "--force", "--partner"} <= options
    assert sorted(option for option in options if f"`{option}`" not in guide) == []
