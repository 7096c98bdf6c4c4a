"""docs/format.md against the code: every field and activity type is documented, and quoted output is real.

Field tables: for each input model, the doc has a Markdown table whose first column lists exactly the
model's keys (as written in YAML, so `from`, not `from_`), and whose "required / default" column says
"required" for required fields only and shows a scalar default such as `EUR`.

Quoted output: marked blocks in the doc,

    <!-- validate-input: logs/crm.csv -->
    ```csv
    ...the file's content...
    ```

    <!-- validate-output: coopcheck validate --as-of 2026-11-28 broken.yaml -->
    ```text
    ...exactly what the command prints...
    ```

Input blocks are written, under the names given, into a fresh folder; the next output block runs its
command there and must print exactly the quoted text. An output block that directly follows another
output block (no input blocks in between) runs against the same inputs.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_core import PydanticUndefined
from typer.testing import CliRunner

import coopcheck.cli  # noqa: F401  (registers the commands on the app)
from coopcheck import i18n
from coopcheck.cli.app import app
from coopcheck.factors import FACTORS
from coopcheck.models import (
    CONTACT_TYPES,
    CONTRIBUTION_TYPES,
    INVESTMENT_TYPES,
    OUTCOME_TYPES,
    STEP_TYPES,
    Activity,
    ActivityType,
    Attribution,
    InfluenceAgreements,
    Kind,
    Level,
    OutcomeTarget,
    OutcomeTargets,
    Partner,
    Partnership,
    SuccessFactors,
    Survey,
    SurveyRatings,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "format.md"
TEXT = DOC.read_text(encoding="utf-8")

MODELS: list[type[BaseModel]] = [
    Partnership,
    Partner,
    SuccessFactors,
    OutcomeTargets,
    OutcomeTarget,
    InfluenceAgreements,
    Activity,
    Survey,
]
TICKED = re.compile(r"`([^`]+)`")
MARKED_BLOCK = re.compile(
    r"^<!-- validate-(?P<kind>input|output): (?P<arg>.+?) -->\n```[^\n]*\n(?P<body>.*?)^```$",
    re.MULTILINE | re.DOTALL,
)


# --- tables -------------------------------------------------------------------------------------


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]

    def first_column_keys(self) -> list[str]:
        keys: list[str] = []
        for row in self.rows:
            keys.extend(TICKED.findall(row[0]))
        return keys


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def tables(text: str) -> list[Table]:
    """Every Markdown table in `text` (header row, separator row, body rows)."""
    found: list[Table] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines) - 1:
        if lines[i].startswith("|") and re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[i + 1].strip()):
            header = _cells(lines[i])
            rows = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            found.append(Table(header, rows))
        else:
            i += 1
    return found


def aliases(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def table_of(model: type[BaseModel]) -> Table:
    keys = sorted(aliases(model))
    matches = [t for t in tables(TEXT) if sorted(t.first_column_keys()) == keys]
    assert matches, f"docs/format.md has no table listing exactly the keys of {model.__name__}: {', '.join(keys)}"
    return matches[0]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_in_a_table(model: type[BaseModel]) -> None:
    table = table_of(model)
    column = next((i for i, name in enumerate(table.header) if "required" in name), None)
    assert column is not None, f"the table of {model.__name__} has no 'required / default' column"
    for name, info in model.model_fields.items():
        key = info.alias or name
        row = next(r for r in table.rows if TICKED.findall(r[0]) == [key])
        cell = row[column]
        if info.is_required():
            assert "required" in cell, f"{model.__name__}.{key} is required; the doc says {cell!r}"
        else:
            assert "required" not in cell, f"{model.__name__}.{key} is not required; the doc says {cell!r}"
        default: Any = info.default
        if default is not PydanticUndefined and default is not None:
            shown = default.value if hasattr(default, "value") else default
            assert f"`{shown}`" in cell, f"{model.__name__}.{key} defaults to {shown!r}; the doc says {cell!r}"


def test_the_ratings_table_lists_every_registered_factor() -> None:
    """Survey keys come from the factor registry; the doc's ratings table lists exactly them."""
    assert SurveyRatings.model_validate({f.ID: 3 for f in FACTORS}).given() == {f.ID: 3 for f in FACTORS}
    keys = sorted(factor.ID for factor in FACTORS)
    assert any(sorted(t.first_column_keys()) == keys for t in tables(TEXT)), "no table lists the survey keys"


def test_every_alias_appears_in_the_doc() -> None:
    for model in MODELS:
        for key in aliases(model):
            assert f"`{key}`" in TEXT, f"{model.__name__}.{key} is not mentioned in docs/format.md"


def test_every_enum_value_appears_in_the_doc() -> None:
    values = [
        *(m.value for m in ActivityType),
        *(m.value for m in Kind),
        *(m.value for m in Level),
        *(m.value for m in Attribution),
        *(factor.ID for factor in FACTORS),
    ]
    missing = [value for value in values if f"`{value}`" not in TEXT]
    assert not missing, f"not in docs/format.md: {', '.join(missing)}"


def test_activity_types_table_matches_the_type_groups() -> None:
    everything = {t.value for t in ActivityType}
    candidates = [t for t in tables(TEXT) if set(t.first_column_keys()) == everything]
    assert candidates, "docs/format.md has no table whose first column lists every activity type"
    rows = [frozenset(TICKED.findall(row[0])) for row in candidates[0].rows]
    groups = [CONTACT_TYPES, CONTRIBUTION_TYPES, STEP_TYPES, INVESTMENT_TYPES, OUTCOME_TYPES]
    expected = {frozenset(t.value for t in group) for group in groups}
    rest = everything - {t.value for group in groups for t in group}
    expected |= {frozenset({value}) for value in rest}
    assert set(rows) == expected
    assert len(rows) == len(expected), "an activity type is listed twice"


# --- quoted validate output -----------------------------------------------------------------------


@dataclass
class Run:
    command: str
    expected: str
    inputs: dict[str, str] = field(default_factory=dict)


def runs(text: str) -> list[Run]:
    found: list[Run] = []
    pending: dict[str, str] = {}
    last: dict[str, str] = {}
    for match in MARKED_BLOCK.finditer(text):
        if match["kind"] == "input":
            name = match["arg"].strip()
            assert name not in pending, f"validate-input {name} given twice before one output"
            pending[name] = match["body"]
        else:
            inputs = pending or last
            found.append(Run(match["arg"].strip(), match["body"], dict(inputs)))
            last, pending = inputs, {}
    assert not pending, f"validate-input blocks without a validate-output after them: {', '.join(pending)}"
    return found


RUNS = runs(TEXT)


def test_the_doc_quotes_validate_output() -> None:
    assert len(RUNS) >= 4
    assert any(" invalid: " in run.expected for run in RUNS)


@pytest.fixture
def english() -> Any:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.mark.parametrize("run", RUNS, ids=[run.command.removeprefix("coopcheck ") for run in RUNS])
def test_quoted_output_is_what_validate_prints(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english: Any
) -> None:
    work = tmp_path / "work"
    for name, body in run.inputs.items():
        path = work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    work.mkdir(exist_ok=True)
    args = shlex.split(run.command)
    assert args[:2] == ["coopcheck", "validate"], f"only `coopcheck validate` is run: {run.command}"
    monkeypatch.chdir(work)
    result = CliRunner().invoke(app, args[1:])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == run.expected, f"`{run.command}` now prints:\n{result.stdout}"
    assert result.exit_code == (2 if " invalid: " in run.expected else 0)
