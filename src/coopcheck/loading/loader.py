"""Load a partnership file and its logs into validated models, or say precisely what is wrong.

Steps: read bytes (size, encoding) -> strict YAML or CSV -> schema (pydantic) -> rules across
fields and files. Every problem becomes a `Diagnostic` at `file:line:column`; reading goes on
after an error where it can, so one run reports all errors of all files.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from coopcheck.i18n import _
from coopcheck.loading import csvsource, inputs, yamlsource
from coopcheck.loading.diagnostics import Diagnostic, InputError, format_path
from coopcheck.loading.messages import describe
from coopcheck.loading.rules import check
from coopcheck.models import Activity, ActivityLog, LoadedPartnership, Origin, Partnership

ACTIVITY_FIELDS = frozenset(info.alias or name for name, info in Activity.model_fields.items())
_ACTIVITY_LIST: TypeAdapter[list[Activity]] = TypeAdapter(list[Activity])
YAML_SUFFIXES = (".yaml", ".yml")

PathT = tuple[str | int, ...]


@dataclass
class LoadResult:
    """The outcome of loading: the partnership when it is valid, and every diagnostic."""

    partnership: LoadedPartnership | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # The documents as read live as long as the result: a large log is millions of small objects,
    # and freeing them is left to whoever drops the result (a one-shot command: nobody, at exit).
    sources: list[_Source] = field(default_factory=list, repr=False)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]


@dataclass
class _Source:
    """One file that was read: YAML or CSV, with a way to turn paths into positions."""

    file: str
    yaml: yamlsource.YamlDocument | None = None
    csv: csvsource.CsvLog | None = None
    # path prefix of the activity list inside the document: ("activities",) or ()
    activity_prefix: PathT = ()

    def places(self, requests: Iterable[tuple[PathT, str]]) -> dict[tuple[PathT, str], tuple[int, int]]:
        requests = list(requests)
        out: dict[tuple[PathT, str], tuple[int, int]] = {}
        if self.csv is not None:
            for path, anchor in requests:
                row = path[0] if path and isinstance(path[0], int) else None
                if row is None or row >= len(self.csv.lines):
                    out[(path, anchor)] = (1, 1)
                else:
                    column = self.csv.column_of(row, str(path[1])) if len(path) > 1 and anchor != "parent" else 1
                    out[(path, anchor)] = (self.csv.lines[row], column)
            return out
        assert self.yaml is not None
        wanted = {prefix for path, _ in requests for prefix in _prefixes(path)}
        found = yamlsource.locate(self.yaml.text, wanted)
        for path, anchor in requests:
            target = path[:-1] if anchor == "parent" else path
            while target not in found and target:
                target = target[:-1]
            place = found.get(target)
            if place is None:
                out[(path, anchor)] = (1, 1)
            elif anchor == "key" and place.key is not None:
                out[(path, anchor)] = place.key
            else:
                out[(path, anchor)] = place.value
        return out

    def origins(self, raw: list[Any]) -> list[Origin]:
        """Where each activity of this file starts, in the order they were written."""
        file = self.file
        if self.csv is not None:
            return [Origin(file, line, 1) for line in self.csv.lines]
        assert self.yaml is not None
        marks = self.yaml.mapping_marks
        return [Origin(file, *marks.get(id(data), (1, 1))) for data in raw]


def shown_path(path: PathT) -> str:
    """The field path as a user reads it; items of a bare list log read as `activities[3]`."""
    if path and isinstance(path[0], int):
        path = ("activities", *path)
    return format_path(path)


def _prefixes(path: PathT) -> list[PathT]:
    return [path[:i] for i in range(len(path) + 1)]


class _Collector:
    """Gathers problems as (source, path, anchor, message) and places them all at the end."""

    def __init__(self) -> None:
        self.pending: list[tuple[_Source, PathT, str, str, str, str]] = []
        self.placed: list[Diagnostic] = []

    def add(self, source: _Source, path: PathT, anchor: str, message: str, shown: str, severity: str = "error") -> None:
        self.pending.append((source, path, anchor, message, shown, severity))

    def fail(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.placed.extend(diagnostics)

    def schema_errors(self, source: _Source, error: ValidationError, model: Any) -> None:
        for item in error.errors():
            loc = tuple(item["loc"])
            on_key = loc[-1:] == ("[key]",)  # a mapping key that failed its own validation
            loc = loc[:-1] if on_key else loc
            message, anchor = describe(item, model, loc)
            self.add(source, loc, "key" if on_key else anchor, message, shown_path(loc))

    def diagnostics(self) -> list[Diagnostic]:
        by_source: dict[int, list[tuple[PathT, str]]] = {}
        sources: dict[int, _Source] = {}
        for source, path, anchor, *_rest in self.pending:
            by_source.setdefault(id(source), []).append((path, anchor))
            sources[id(source)] = source
        places = {key: source.places(by_source[key]) for key, source in sources.items()}
        out = list(self.placed)
        for source, path, anchor, message, shown, severity in self.pending:
            line, column = places[id(source)][(path, anchor)]
            out.append(Diagnostic(source.file, line, column, message, shown, severity))  # type: ignore[arg-type]
        return out


# Contents that stand in for files on disk, by resolved path: see `staged`.
_staged: ContextVar[Mapping[Path, bytes] | None] = ContextVar("staged", default=None)


@contextmanager
def staged(contents: Mapping[Path, bytes]) -> Iterator[None]:
    """Load as if each file named here held these bytes: `coopcheck add` and `import` check the
    partnership as it would be after the change, with the real file names and line numbers,
    before anything is written."""
    token = _staged.set({path.resolve(): data for path, data in contents.items()})
    try:
        yield
    finally:
        _staged.reset(token)


def _read(path: Path, shown: str) -> bytes:
    stand_in = _staged.get()
    if stand_in and path.resolve() in stand_in:
        return stand_in[path.resolve()]
    return inputs.read_input(path, shown)


def _read_yaml(
    path: Path, shown: str, expected: str = "a mapping starting with 'coopcheck: 1'"
) -> yamlsource.YamlDocument:
    text = yamlsource.decode(_read(path, shown), shown)
    return yamlsource.parse(text, shown, expected)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Loading builds millions of small acyclic objects. Left on, the cycle collector rescans them
    again and again (about 40% of the time on a large log); switched off and on again, its first
    run after loading would scan them all at once. So it is paused, and what loading built is
    moved out of its sight (`gc.freeze`): it is still freed as usual when no longer referenced."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_partnership(path: str | Path, *, allow_outside: bool = False, today: dt.date | None = None) -> LoadResult:
    """Read, check and combine a partnership file and its logs. Never raises for bad input."""
    with _without_cycle_collection():
        return _load(path, allow_outside, today or dt.date.today())


def _load(path: str | Path, allow_outside: bool, today: dt.date) -> LoadResult:
    shown = str(path)
    collector = _Collector()
    result = LoadResult(partnership=None, files=[shown])
    try:
        document = _read_yaml(Path(path), shown)
    except InputError as exc:
        result.diagnostics = exc.diagnostics
        return result
    main = _Source(shown, yaml=document, activity_prefix=("activities",))
    result.sources.append(main)
    root = document.root
    definition: Partnership | None = None
    if not isinstance(root, dict):
        collector.add(main, (), "value", _("expected a mapping starting with 'coopcheck: 1'"), "")
    else:
        try:
            definition = Partnership.model_validate(root)
        except ValidationError as exc:
            collector.schema_errors(main, exc, Partnership)
    # Logs are read even when the partnership file has errors, so one run reports all of them;
    # entries that are not text were reported by the schema already.
    named = root.get("logs") if isinstance(root, dict) else None
    log_entries = [(i, e) for i, e in enumerate(named) if isinstance(e, str) and e] if isinstance(named, list) else []

    activities: list[Activity] = list(definition.activities) if definition else []
    raw_inline = root.get("activities") if isinstance(root, dict) else None
    origins: list[Origin] = main.origins(raw_inline) if definition and raw_inline else []
    # the combined log is the inline activities, then each log's: (first index, source) per segment
    segments: list[tuple[int, _Source]] = [(0, main)]

    base = Path(path).parent
    seen_logs: dict[str, PathT] = {}
    for index, entry in log_entries:
        if _listed_before(base / entry, ("logs", index), seen_logs, main, collector):
            continue
        loaded = _load_log(base, entry, shown, allow_outside, main, ("logs", index), collector)
        if loaded is None:
            continue
        source, log_activities, raw = loaded
        result.files.append(source.file)
        result.sources.append(source)
        activities.extend(log_activities)
        origins.extend(source.origins(raw))
        segments.append((len(activities) - len(log_activities), source))

    if definition is not None and not collector.pending and not collector.placed:
        for violation in check(definition, activities, origins, today):
            if violation.target[0] == "activity":
                index = int(violation.target[1])
                start, source = segments[bisect.bisect_right(segments, index, key=lambda s: s[0]) - 1]
                target: PathT = (*source.activity_prefix, index - start, *violation.target[2:])
                collector.add(source, target, "value", violation.message, shown_path(target), violation.severity)
            else:
                collector.add(
                    main,
                    violation.target,
                    "value",
                    violation.message,
                    format_path(violation.target),
                    violation.severity,
                )
    file_order = {name: i for i, name in enumerate([shown, *(_log_name(shown, entry) for _, entry in log_entries)])}
    result.diagnostics = sorted(
        collector.diagnostics(), key=lambda d: (file_order.get(d.file, len(file_order)), d.line, d.column)
    )
    if definition is not None and not result.errors:
        order = sorted(range(len(activities)), key=[activity.date for activity in activities].__getitem__)
        result.partnership = LoadedPartnership(
            definition=definition,
            activities=tuple(activities[i] for i in order),
            origins=tuple(origins[i] for i in order),
            file=shown,
            survey_origins=tuple(main.origins(root.get("surveys") or [])),
            places={path: Origin(shown, *mark) for path, mark in document.key_marks.items()},
        )
    return result


def _listed_before(target: Path, where: PathT, seen: dict[str, PathT], main: _Source, collector: _Collector) -> bool:
    """Whether this `logs:` entry names a file an earlier entry named already (reported at this entry)."""
    if inputs.name_problem(str(target)) is not None:
        return False  # `_load_log` says why the name cannot be used
    earlier = seen.setdefault(os.path.realpath(target), where)
    if earlier == where:
        return False
    collector.add(
        main,
        where,
        "value",
        _("log listed twice (the same file as {earlier}); its activities would count twice").format(
            earlier=format_path(earlier)
        ),
        format_path(where),
    )
    return True


def _log_name(owner: str, entry: str) -> str:
    """How a log is named in messages: its path as seen from where the partnership file was named."""
    return os.path.normpath(os.path.join(os.path.dirname(owner), entry))


def _load_log(
    base: Path,
    entry: str,
    owner: str,
    allow_outside: bool,
    main: _Source,
    where: PathT,
    collector: _Collector,
) -> tuple[_Source, list[Activity], list[Any]] | None:
    """Read one log named in `logs:`; problems with the entry itself point at the entry."""
    target = base / entry
    field = format_path(where)
    problem = inputs.name_problem(str(target))
    if problem is not None:
        collector.add(main, where, "value", _("log path cannot be used: {problem}").format(problem=problem), field)
        return None
    shown = _log_name(owner, entry)
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        collector.add(
            main,
            where,
            "value",
            _("log path cannot be resolved (found '{entry}'; a symbolic link loop?)").format(entry=entry),
            field,
        )
        return None
    if not allow_outside and (not resolved.is_relative_to(base.resolve()) or os.path.isabs(entry)):
        collector.add(
            main,
            where,
            "value",
            _(
                "log path leaves the partnership file's folder (found '{entry}'); move the log next to the file "
                "or allow it with --allow-outside-logs (config: allow_outside_logs: true)"
            ).format(entry=entry),
            field,
        )
        return None
    suffix = target.suffix.lower()
    if suffix not in (*YAML_SUFFIXES, ".csv"):
        collector.add(
            main,
            where,
            "value",
            _("unsupported log format (found '{entry}'; expected .yaml, .yml or .csv)").format(entry=entry),
            field,
        )
        return None
    if not target.exists() or target.is_dir():
        if target.is_dir():
            problem = _("log file is a directory (found '{entry}', looked for '{shown}')")
        else:
            problem = _("log file not found (found '{entry}', looked for '{shown}')")
        collector.add(main, where, "value", problem.format(entry=entry, shown=shown), field)
        return None
    try:
        if suffix == ".csv":
            text = yamlsource.decode(_read(target, shown), shown)
            log = csvsource.parse(text, shown, ACTIVITY_FIELDS)
            source = _Source(shown, csv=log)
            raw: list[Any] = log.rows
        else:
            document = _read_yaml(target, shown, expected="")
            source = _Source(shown, yaml=document)
            if document.root is None:
                return source, [], []
            if isinstance(document.root, dict):
                source.activity_prefix = ("activities",)
                try:
                    parsed = ActivityLog.model_validate(document.root)
                except ValidationError as exc:
                    collector.schema_errors(source, exc, ActivityLog)
                    return None
                raw = document.root.get("activities") or []
                return source, list(parsed.activities), raw
            if not isinstance(document.root, list):
                collector.add(
                    source, (), "value", _("expected a list of activities, or 'activities:' with that list"), ""
                )
                return None
            raw = document.root
    except InputError as exc:
        collector.fail(exc.diagnostics)
        return None
    try:
        return source, _ACTIVITY_LIST.validate_python(raw), raw
    except ValidationError as exc:
        collector.schema_errors(source, exc, list[Activity])
        return None
