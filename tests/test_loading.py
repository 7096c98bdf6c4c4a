"""Loading as a user meets it: strict typing, exact positions, logs, and a fast start."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from coopcheck.loading import load_partnership
from coopcheck.schema import LOG_SCHEMA_FILE, PARTNERSHIP_SCHEMA_FILE, log_schema, partnership_schema
from support import AS_OF, EXAMPLES, ROOT

HEAD = """\
coopcheck: 1
id: nw-co
name: Northwind x Contoso
started: 2026-01-15
partners:
  northwind: {name: Northwind GmbH, sponsor: Anna Weber}
  contoso: {name: Contoso AG, sponsor: Peter Lang}
"""


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_every_example_loads_without_a_diagnostic() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        result = load_partnership(path, today=__import__("datetime").date.fromisoformat(AS_OF))
        assert result.diagnostics == [], path
        assert result.partnership is not None


def test_logs_are_merged_oldest_first_with_their_own_positions() -> None:
    result = load_partnership(EXAMPLES / "out-of-step.yaml")
    loaded = result.partnership
    assert loaded is not None
    dates = [a.date for a in loaded.activities]
    assert dates == sorted(dates)
    csv_origins = [o for o in loaded.origins if o.file.endswith(".csv")]
    assert len(csv_origins) >= 100
    csv_lines = (EXAMPLES / "logs" / "out-of-step-crm.csv").read_text(encoding="utf-8").splitlines()
    by_id = {a.id: o for a, o in zip(loaded.activities, loaded.origins, strict=True) if a.id}
    some_id, origin = next((i, o) for i, o in by_id.items() if o.file.endswith(".csv"))
    assert csv_lines[origin.line - 1].startswith(some_id + ",")


def test_yaml_1_1_words_and_octal_look_alikes_stay_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        coopcheck: 1
        id: "0755"
        name: Norsk x Contoso
        started: 2026-01-15
        partners:
          no: {name: Norsk AS, sponsor: "on", contacts: [NO, off, yes]}
          contoso: {name: Contoso AG}
        activities:
          - {id: 0755, date: 2026-02-01, from: no, to: contoso, type: call, topic: on, hours: 010}
        """,
    )
    result = load_partnership(path, today=__import__("datetime").date(2026, 11, 28))
    assert result.errors == []
    loaded = result.partnership
    assert loaded is not None
    assert list(loaded.definition.partners) == ["no", "contoso"]
    assert loaded.definition.partners["no"].contacts == ["NO", "off", "yes"]
    activity = loaded.activities[0]
    assert (activity.id, activity.from_, activity.topic, activity.hours) == ("0755", "no", "on", 10.0)


def test_error_points_at_the_value_in_a_log_not_at_the_partnership_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        "- {date: 2026-02-01, from: northwind, to: contoso, type: call}\n"
        "- date: 2026-02-02\n  from: northwind\n  to: contoso\n  type: cal\n",
        "logs/a.yaml",
    )
    path = write(tmp_path, HEAD + "logs: [logs/a.yaml]\n")
    result = load_partnership(path)
    [error] = result.errors
    assert error.file.endswith("logs/a.yaml")
    assert (error.line, error.column) == (5, 9)
    assert error.field == "activities[1].type"
    assert "did you mean 'call'" in error.message


def test_every_error_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    write(
        tmp_path,
        "activities:\n  - {date: 2026-02-01, from: northwind, to: contoso, type: call, hours: -1}\n",
        "logs/b.yaml",
    )
    path = write(tmp_path, HEAD.replace("name: Contoso AG", "nme: Contoso AG") + "logs: [logs/b.yaml]\n")
    result = load_partnership(path)
    assert [(Path(e.file).name, e.line, e.field) for e in result.errors] == [
        ("p.yaml", 7, "partners.contoso.name"),
        ("p.yaml", 7, "partners.contoso.nme"),
        ("b.yaml", 2, "activities[0].hours"),
    ]


LONG = 2_500  # more activities than the loader validates in one batch


def _yaml_activity(i: int, date: str = "2026-02-01") -> str:
    return f"  - id: a{i}\n    date: {date}\n    from: northwind\n    to: contoso\n    type: call\n"


def test_long_logs_keep_exact_positions_in_every_batch(tmp_path: Path) -> None:
    bad = {7, 1_999, 2_400}
    inline = "".join(_yaml_activity(i, "2026-02-3x" if i in bad else "2026-02-01") for i in range(LONG))
    rows = [f"c{i},2026-02-0{1 + i % 9},northwind,contoso,call,{'x' if i in bad else 2}" for i in range(LONG)]
    write(tmp_path, "id,date,from,to,type,hours\n" + "\n".join(rows) + "\n", "logs/crm.csv")
    path = write(tmp_path, HEAD + "logs: [logs/crm.csv]\nactivities:\n" + inline)
    result = load_partnership(path)
    head_lines = HEAD.count("\n") + 2
    assert [(Path(e.file).name, e.line, e.column, e.field) for e in result.errors] == [
        *(("p.yaml", head_lines + 5 * i + 2, 11, f"activities[{i}].date") for i in sorted(bad)),
        *(("crm.csv", i + 2, len(rows[i]), f"activities[{i}].hours") for i in sorted(bad)),
    ]


def test_long_logs_load_whole_with_their_origins(tmp_path: Path) -> None:
    write(tmp_path, "activities:\n" + "".join(_yaml_activity(i) for i in range(LONG)), "logs/a.yaml")
    rows = "".join(f"c{i},2026-02-02,contoso,northwind,lead\n" for i in range(LONG))
    write(tmp_path, "id,date,from,to,type\n" + rows, "logs/b.csv")
    path = write(tmp_path, HEAD + "logs: [logs/a.yaml, logs/b.csv]\n")
    loaded = load_partnership(path, today=__import__("datetime").date(2026, 11, 28)).partnership
    assert loaded is not None
    assert len(loaded.activities) == 2 * LONG
    pairs = zip(loaded.activities, loaded.origins, strict=True)
    places = {a.id: (Path(o.file).name, o.line, o.column) for a, o in pairs}
    assert places["a0"] == ("a.yaml", 2, 5)
    assert places[f"a{LONG - 1}"] == ("a.yaml", 2 + 5 * (LONG - 1), 5)
    assert places[f"c{LONG - 1}"] == ("b.csv", LONG + 1, 1)


def test_activities_shared_for_memory_equal_each_validated_alone(tmp_path: Path) -> None:
    """The loader shares equal dates, numbers, names and lists between activities; each still reads
    as written: `-0` keeps its sign beside `0`, `1.50` and `1.5` are one number, `due` a date of its own."""
    import math

    from coopcheck.models import Activity

    written = [
        {"id": "a", "date": "2026-02-01", "from": "northwind", "to": "contoso", "type": "call", "hours": "0"},
        {"id": "b", "date": "2026-02-01", "from": "northwind", "to": "contoso", "type": "call", "hours": "-0"},
        {"id": "c", "date": "2026-02-02", "from": "contoso", "to": "northwind", "type": "revenue", "value": "1.50"},
        {"id": "d", "date": "2026-02-02", "from": "contoso", "to": "northwind", "type": "request", "due": "2026-02-01",
         "travel_cost": "1.5", "people": ["Lea Vogt", "Lea Vogt"]},
        {"id": "e", "date": "2026-02-03", "from": "contoso", "to": "northwind", "type": "review",
         "people": ["Lea Vogt", "Lea Vogt"], "actions": ["Send the deck"]},
    ]  # fmt: skip
    text = "".join("  - " + "\n    ".join(f"{k}: {json.dumps(v)}" for k, v in item.items()) + "\n" for item in written)
    loaded = load_partnership(write(tmp_path, HEAD + "activities:\n" + text)).partnership
    assert loaded is not None
    by_id = {activity.id: activity for activity in loaded.activities}
    for item in written:
        alone = Activity.model_validate(item)
        assert by_id[item["id"]] == alone
        assert by_id[item["id"]].model_fields_set == alone.model_fields_set
    signs = [math.copysign(1, by_id[i].hours) for i in "ab" if by_id[i].hours is not None]
    assert signs == [1, -1]
    assert by_id["c"].value == by_id["d"].travel_cost == 1.5


def test_loading_leaves_the_callers_garbage_collector_alone() -> None:
    import gc

    frozen, thresholds = gc.get_freeze_count(), gc.get_threshold()
    assert gc.isenabled()
    assert load_partnership(EXAMPLES / "out-of-step.yaml").partnership is not None
    assert gc.isenabled()
    assert (gc.get_freeze_count(), gc.get_threshold()) == (frozen, thresholds)


def test_the_shipped_schemas_equal_what_coopcheck_schema_prints(run_cli) -> None:  # type: ignore[no-untyped-def]
    for args, name, built in (
        ((), PARTNERSHIP_SCHEMA_FILE, partnership_schema),
        (("--log",), LOG_SCHEMA_FILE, log_schema),
    ):
        printed = run_cli("schema", *args).stdout
        assert json.loads(printed) == built()
        assert (ROOT / name).read_text(encoding="utf-8") == printed, f"regenerate {name} with coopcheck schema"


def test_schema_is_draft_2020_12_with_a_description_on_every_field() -> None:
    schema = partnership_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    missing = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if "description" not in prop:
                    missing.append(f"{where}.{name}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    walk(schema, "")
    assert missing == []


def test_every_example_carries_the_schema_modeline() -> None:
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "\ncoopcheck: 1" not in text and path.parent.name != "logs":
            continue  # not a partnership or a log (a CI workflow, a config file)
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.exists(), f"{path}: modeline points at a missing schema"


def test_version_and_help_do_not_import_the_engine() -> None:
    probe = (
        "import sys\n"
        "from coopcheck.cli import app\n"
        "for args in (['--version'], ['--help']):\n"
        "    try:\n"
        "        app(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in ('pydantic', 'yaml', 'rich', 'coopcheck.loading', 'coopcheck.assessment')"
        " if m in sys.modules)\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert "HEAVY=\n" in out


def test_validate_exit_codes_and_formats(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = EXAMPLES / "thriving.yaml"
    bad = write(tmp_path, HEAD.replace("started: 2026-01-15", "started: 2026-02-30"))
    assert run_cli("validate", "--as-of", AS_OF, str(good)).exit_code == 0
    text = run_cli("validate", str(good), str(bad))
    assert text.exit_code == 2
    assert f"{bad}:4:10: started: not a date (found '2026-02-30'" in text.stdout
    report = json.loads(run_cli("validate", "--format", "json", str(bad)).stdout)
    assert report["valid"] is False
    assert report["partnerships"][0]["errors"][0]["line"] == 4
    github = run_cli("validate", "--format", "github", str(bad)).stdout
    assert github.startswith(f"::error file={bad},line=4,col=10::started: not a date")
