"""Configuration: `.coopcheck.yaml`, or `[tool.coopcheck]` in `pyproject.toml`, found by walking up.

Starting in the working directory and going up one folder at a time, the first folder that has
`.coopcheck.yaml` (or `.coopcheck.yml`), or a `pyproject.toml` with a `[tool.coopcheck]` table,
holds the configuration; in one folder the dedicated file wins over `pyproject.toml`. Nothing is
merged across folders. Command-line flags win over the file. Paths and globs in the file are
relative to its folder.

The file is read as strictly as a partnership file: unknown keys are errors with a did-you-mean,
and every error is a `Diagnostic` at `file:line:column`. The scoring keys (band cut-offs, weight
profiles, factor parameters) are those of `ScoringParameters`, passed to the engine as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    create_model,
    field_validator,
)
from pydantic_core import ErrorDetails

from coopcheck.assessment.parameters import ScoringParameters
from coopcheck.assessment.thresholds import CONDITIONS, UnknownCondition
from coopcheck.evidence import Valuation
from coopcheck.factors import FACTORS
from coopcheck.loading.diagnostics import Diagnostic, InputError, format_path
from coopcheck.loading.inputs import read_input
from coopcheck.loading.messages import describe
from coopcheck.loading.yamlsource import decode, locate, parse
from coopcheck.models import MAX_HOURLY_RATE, MAX_HOURS, ActivityType

YAML_NAMES = (".coopcheck.yaml", ".coopcheck.yml")
PYPROJECT = "pyproject.toml"
TOML_TABLE = ("tool", "coopcheck")
DEFAULT_INCLUDE = ("**/*.yaml", "**/*.yml")

PathT = tuple[str | int, ...]


def _known_condition(name: str) -> str:
    if name not in CONDITIONS:
        raise UnknownCondition(name)
    return name


Condition = Annotated[str, AfterValidator(_known_condition)]


class ConfiguredValuation(Valuation):
    """`valuation` as a configuration file sets it: the contribution types and currencies it names change,
    the others keep their default (a table of one type would otherwise value every other contribution at
    nothing)."""

    # Bounded like the input's hours and rates, so that every figure priced with them stays finite.
    contribution_hours: dict[ActivityType, Annotated[float, Field(ge=0, le=MAX_HOURS)]] = Field(
        default_factory=lambda: dict(Valuation().contribution_hours),
        description="Worth of one contribution, in hours at the partnership's reference rate, by activity type; "
        "the types left out keep their default.",
    )

    default_hourly_rates: dict[str, Annotated[float, Field(ge=0, le=MAX_HOURLY_RATE)]] = Field(
        default_factory=lambda: dict(Valuation().default_hourly_rates),
        description="Rate per currency for a partner without `hourly_rate` when neither partner states one; "
        "the currencies left out keep their default.",
    )

    @field_validator("contribution_hours", "default_hourly_rates")
    @classmethod
    def _over_the_defaults(cls, table: dict[Any, float], info: ValidationInfo) -> dict[Any, float]:
        """A table names only what it changes; the rest keeps its default."""
        return {**getattr(Valuation(), str(info.field_name)), **table}


class Config(ScoringParameters):
    """Every configuration key: what `coopcheck check` looks at and how it judges."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="coopcheck configuration")

    valuation: ConfiguredValuation = Field(default_factory=ConfiguredValuation)
    include: list[str] = Field(
        default_factory=lambda: list(DEFAULT_INCLUDE), description="Globs of files `check` looks at."
    )
    exclude: list[str] = Field(default_factory=list, description="Globs of files and folders `check` skips.")
    fail_under: float | None = Field(default=None, ge=0, le=100, description="Fail when health is below this.")
    fail_on: list[Condition] = Field(default_factory=list, description="Conditions that fail the run.")
    language: Literal["en", "de"] | None = Field(default=None, description="Language of reports (default: locale).")
    allow_outside_logs: bool = Field(default=False, description="Allow `logs:` outside the partnership's folder.")
    jobs: int | None = Field(default=None, ge=1, le=512, description="Parallel processes (default: CPUs).")

    def scoring(self) -> ScoringParameters:
        """The scoring keys alone, as the engine takes them."""
        return ScoringParameters.model_validate(self.model_dump(include=set(ScoringParameters.model_fields)))


_FactorOverrides: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "FactorOverrides",
    __config__=ConfigDict(extra="forbid"),
    **{factor.ID: (factor.Parameters | None, None) for factor in FACTORS},
)
_FactorSection: type[BaseModel] = create_model("FactorSection", factors=(_FactorOverrides, ...))


@dataclass
class LoadedConfig:
    """The configuration in force, the file it came from (None: defaults) and any errors in it."""

    config: Config = field(default_factory=Config)
    file: Path | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def root(self) -> Path | None:
        return self.file.parent if self.file else None


def find_config(start: Path) -> Path | None:
    """The configuration file that applies in `start`: nearest folder first, `.coopcheck.yaml` before pyproject."""
    for folder in (start, *start.parents):
        for name in YAML_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = read_input(pyproject, str(pyproject)).decode("utf-8", errors="replace")
    except InputError:
        return False
    # An unclosed `[tool.coopcheck` counts too: the TOML error is then reported, not passed over.
    return re.search(r"^\s*\[\s*tool\s*\.\s*coopcheck(?![\w-])", text, re.MULTILINE) is not None


def discover_config(start: Path) -> LoadedConfig:
    found = find_config(start.resolve())
    return load_config(found) if found else LoadedConfig()


def load_config(path: Path) -> LoadedConfig:
    """Read and validate one configuration file; problems become diagnostics, never exceptions."""
    shown = str(path)
    result = LoadedConfig(file=path)
    try:
        text = decode(read_input(path, shown), shown)
        toml = path.name == PYPROJECT
        data = _toml_table(text, shown) if toml else _yaml_mapping(text, shown)
    except InputError as exc:
        result.diagnostics = exc.diagnostics
        return result
    except OSError as exc:
        result.diagnostics = [Diagnostic(shown, 1, 1, f"configuration cannot be read ({exc.strerror or exc})")]
        return result
    problems: list[tuple[ErrorDetails, Any]] = []
    try:
        result.config = Config.model_validate(data)
    except ValidationError as exc:
        problems = [(item, Config) for item in exc.errors()]
    if problems and "factors" in data:
        # Each factor's parameters checked against its own model: exact places and did-you-mean.
        try:
            _FactorSection.model_validate({"factors": data["factors"]})
        except ValidationError as exc:
            problems = [(item, model) for item, model in problems if item["loc"][:1] != ("factors",)]
            problems += [(item, _FactorSection) for item in exc.errors()]
    if problems:
        result.diagnostics = _diagnostics(problems, text, shown, toml)
    return result


def _yaml_mapping(text: str, file: str) -> dict[str, Any]:
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return {}
    root = parse(text, file).root
    if not isinstance(root, dict):
        raise InputError([Diagnostic(file, 1, 1, "expected a mapping of settings, e.g. 'fail_under: 50'")])
    return root


def _toml_table(text: str, file: str) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_error_position(str(exc))
        raise InputError([Diagnostic(file, line, column, f"TOML syntax error: {exc}")]) from None
    for key in TOML_TABLE:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    return data if isinstance(data, dict) else {}


def _toml_error_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def _diagnostics(problems: list[tuple[ErrorDetails, Any]], text: str, file: str, toml: bool) -> list[Diagnostic]:
    out = []
    for item, model in problems:
        loc = tuple(item["loc"])
        message, anchor = describe(item, model, loc)
        target = loc[:-1] if anchor == "parent" else loc
        if toml:
            line, column = toml_position(text, (*TOML_TABLE, *target), item.get("input"))
        else:
            line, column = _yaml_position(text, target, anchor)
        shown = format_path(loc)
        out.append(Diagnostic(file, line, column, message, f"tool.coopcheck.{shown}" if toml else shown))
    return sorted(out, key=Diagnostic.sort_key)


def _yaml_position(text: str, target: PathT, anchor: str) -> tuple[int, int]:
    found = locate(text, {target[:i] for i in range(len(target) + 1)})
    while target not in found and target:
        target = target[:-1]
    place = found.get(target)
    if place is None:
        return 1, 1
    return place.key if anchor == "key" and place.key is not None else place.value


_TOML_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _toml_keys(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted))


def toml_position(text: str, path: PathT, found: Any = None) -> tuple[int, int]:
    """Where the key at `path` is written in TOML text: its own line, else the nearest line that holds it.

    Handles tables (`[tool.coopcheck.weights]`), dotted keys (`weights.development.anchoring = 2`) and
    inline tables on one line. For a list item, points at the offending value where it can be found.
    """
    keys = tuple(part for part in path if isinstance(part, str))
    best, best_depth = (1, 1), 0
    header: tuple[str, ...] = ()
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if match := _TOML_HEADER.match(line):
            header = _toml_keys(match.group(1))
            depth = _common(header, keys)
            if depth == len(header) and depth > best_depth:
                best, best_depth = (number, match.start(1) + 1), depth
            continue
        match = _TOML_KEY.match(line)
        if not match:
            continue
        full = header + _toml_keys(match.group(1))
        depth = _common(full, keys)
        if depth < len(header) + 1 or depth <= best_depth or depth < len(full):
            continue
        best, best_depth = (number, match.start(1) + 1), depth
        for key in keys[depth:]:  # the rest lives in an inline table on this line
            column = line.find(key, best[1])
            if column < 0:
                break
            best, best_depth = (number, column + 1), best_depth + 1
    if isinstance(found, str) and len(keys) < len(path) and best_depth == len(keys):
        for number in range(best[0], len(lines) + 1):
            column = lines[number - 1].find(found)
            if column >= 0:
                quoted = column > 0 and lines[number - 1][column - 1] in "\"'"
                return number, column if quoted else column + 1
    return best


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n
