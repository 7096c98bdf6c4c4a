"""Load a partnership file and its logs into validated models, or say precisely what is wrong.

Steps: read bytes (size, encoding) -> strict YAML or CSV -> schema (pydantic) -> rules across
fields and files. Every problem becomes a `Diagnostic` at `file:line:column`; reading goes on
after an error where it can, so one run reports all errors of all files.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from coopcheck.i18n import _
from coopcheck.loading import csvsource, inputs, yamlsource
from coopcheck.loading.diagnostics import Diagnostic, InputError, format_path
from coopcheck.loading.messages import describe
from coopcheck.loading.rules import check
from coopcheck.loading.yamlerrors import hash_in_values
from coopcheck.models import Activity, ActivityLog, LoadedPartnership, Origin, Origins, Partnership

ACTIVITY_FIELDS = frozenset(info.alias or name for name, info in Activity.model_fields.items())
_ACTIVITY_LIST: TypeAdapter[list[Activity]] = TypeAdapter(list[Activity])
YAML_SUFFIXES = (".yaml", ".yml")
MAX_SHARED_WORDS = 10_000

PathT = tuple[str | int, ...]


@dataclass
class LoadResult:
    """The outcome of loading: the partnership when it is valid, and every diagnostic."""

    partnership: LoadedPartnership | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # The files as read (their text, to place diagnostics); the activities themselves are kept
    # only as validated models.
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
        """Where each mapping of `raw` (a list read from this YAML file) starts."""
        file = self.file
        assert self.yaml is not None
        marks = self.yaml.mapping_marks
        return [Origin(file, *marks.get(id(data), (1, 1))) for data in raw]

    def comment_at(self, line: int, column: int) -> bool:
        """Whether a comment starts where a value should be (`name: #1 Alpha` leaves `name` empty)."""
        lines = self.text_lines
        return line <= len(lines) and lines[line - 1][column - 1 :].lstrip().startswith("#")

    @cached_property
    def text_lines(self) -> list[str]:
        """The YAML text by line, split once, for messages that look at what was written."""
        return self.yaml.text.split("\n") if self.yaml is not None else []


class _ActivitySink:
    """Validates the activities of one file as the reader hands them over, a batch at a time, so
    only the models are kept, with where each was written; once one is invalid, only the errors.

    What is kept is made compact (see `_compact`): a large log is mostly the same few partner keys
    and names, and the same few sets of keys, over and over.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.activities: list[Activity] = []
        self.origins = Origins(file)
        # errors with their path from the activity list: (index, field...)
        self.errors: list[ErrorDetails] = []
        self._fields_sets: dict[tuple[str, ...], Any] = {}
        self._words: dict[str, str] = {}
        self._days: dict[dt.date, dt.date] = {}
        self._numbers: dict[str, float] = {}
        self._lists: dict[tuple[str, ...], list[str]] = {}

    def __call__(self, items: list[Any], places: list[tuple[int, int]], first: int) -> None:
        try:
            models = _ACTIVITY_LIST.validate_python(items)
        except ValidationError as exc:
            for error in exc.errors():
                loc = error["loc"]
                error["loc"] = (first + int(loc[0]), *loc[1:])
                self.errors.append(error)
            self.activities, self.origins = [], Origins(self.file)
            return
        if self.errors:
            return
        self._compact(items, models)
        self.activities.extend(models)
        self.origins.extend(places)

    # hot loop: benchmarks/bench_validate.py (a pass over every model of a large log)
    def _compact(self, items: list[Any], models: list[Activity]) -> None:
        """Share what equal models hold alike: one `__pydantic_fields_set__` for the models given the
        same keys (pydantic makes a set per model, the largest part of a small one), one string per
        partner key and person, one list per set of people (and one empty list), one date object
        per day and one float per number as written. A frozen model never changes, and neither do
        these (nothing appends to an activity's lists). On 100,000 activities this takes the peak of
        `validate` from 275 to about 160 MiB (benchmarks/bench_validate.py). The evidence walk goes
        through the log by date, not in the order it was read, so what it reads of each activity
        lies all over memory; what is shared lies in one place, and the walk takes a tenth less."""
        fields_sets, words, days, numbers, lists = (
            self._fields_sets,
            self._words,
            self._days,
            self._numbers,
            self._lists,
        )
        shared, shared_day, set_field = words.setdefault, days.setdefault, object.__setattr__
        for item, model in zip(items, models, strict=True):
            keys = tuple(item)
            fields_set = fields_sets.get(keys)
            if fields_set is None:
                fields_sets[keys] = model.__pydantic_fields_set__
            else:
                set_field(model, "__pydantic_fields_set__", fields_set)
            values = model.__dict__
            giver, taker, people, day = values["from_"], values["to"], values["people"], values["date"]
            values["from_"], values["to"] = shared(giver, giver), shared(taker, taker)
            values["date"] = shared_day(day, day)
            same = lists.get(tuple(people))
            if same is None:
                people[:] = [shared(person, person) for person in people]
                same = lists[tuple(people)] = people
            values["people"] = same
            if not values["actions"]:
                values["actions"] = lists.setdefault((), values["actions"])
            # a number is shared by how it was written, which decides the float (the sign of a zero too)
            hours, travel, value = values["hours"], values["travel_cost"], values["value"]
            if hours is not None:
                values["hours"] = numbers.setdefault(item["hours"], hours)
            if travel is not None:
                values["travel_cost"] = numbers.setdefault(item["travel_cost"], travel)
            if value is not None:
                values["value"] = numbers.setdefault(item["value"], value)
            if values["due"] is not None:
                values["due"] = shared_day(values["due"], values["due"])
        for cache in (words, days, numbers, lists):
            if len(cache) > MAX_SHARED_WORDS:
                cache.clear()

    def report(self, collector: _Collector, source: _Source, prefix: PathT, model: Any) -> bool:
        """File the errors under `prefix` (where the list is in the document); True when there were any."""
        for error in self.errors:
            error["loc"] = (*prefix, *error["loc"])
        collector.schema_errors(source, self.errors, model)
        return bool(self.errors)


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
        # the partners the definition declares (key -> name), for messages about partner keys
        self.partners: dict[str, str | None] = {}
        # warnings about what was written, which do not keep the rules from running
        self.slips: list[Diagnostic] = []

    def add(self, source: _Source, path: PathT, anchor: str, message: str, shown: str, severity: str = "error") -> None:
        self.pending.append((source, path, anchor, message, shown, severity))

    def fail(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.placed.extend(diagnostics)

    def schema_errors(self, source: _Source, errors: Iterable[ErrorDetails], model: Any) -> None:
        for item in errors:
            loc = tuple(item["loc"])
            on_key = loc[-1:] == ("[key]",)  # a mapping key that failed its own validation
            loc = loc[:-1] if on_key else loc
            message, anchor = describe(item, model, loc, self.partners)
            self.add(source, loc, "key" if on_key else anchor, message, shown_path(loc))

    def diagnostics(self) -> list[Diagnostic]:
        by_source: dict[int, list[tuple[PathT, str]]] = {}
        sources: dict[int, _Source] = {}
        for source, path, anchor, *_rest in self.pending:
            by_source.setdefault(id(source), []).append((path, anchor))
            sources[id(source)] = source
        places = {key: source.places(by_source[key]) for key, source in sources.items()}
        out = self.placed + self.slips
        for source, path, anchor, message, shown, severity in self.pending:
            line, column = places[id(source)][(path, anchor)]
            if anchor == "value" and source.comment_at(line, column):
                message += _("; the value starts with '#', which YAML reads as a comment: put the value in quotes")
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
    path: Path,
    shown: str,
    expected: str = yamlsource.PARTNERSHIP_EXPECTED,
    sink: _ActivitySink | None = None,
) -> yamlsource.YamlDocument:
    text = yamlsource.decode(_read(path, shown), shown)
    return yamlsource.parse(text, shown, expected, sink, sink_root_list=not expected)


def load_partnership(path: str | Path, *, allow_outside: bool = False, today: dt.date | None = None) -> LoadResult:
    """Read, check and combine a partnership file and its logs. Never raises for bad input."""
    return _load(path, allow_outside, today or dt.date.today())


def _load(path: str | Path, allow_outside: bool, today: dt.date) -> LoadResult:
    shown = str(path)
    collector = _Collector()
    result = LoadResult(partnership=None, files=[shown])
    if Path(path).suffix.lower() == ".csv" and Path(path).is_file():
        result.diagnostics = [Diagnostic(shown, 1, 1, is_a_log(Path(path)))]
        return result
    inline = _ActivitySink(shown)
    try:
        document = _read_yaml(Path(path), shown, sink=inline)
        collector.slips.extend(hash_in_values(document.text, shown))
    except InputError as exc:
        result.diagnostics = exc.diagnostics
        return result
    main = _Source(shown, yaml=document, activity_prefix=("activities",))
    result.sources.append(main)
    root = document.root
    definition = _definition(root, main, inline, collector)
    # Logs are read even when the partnership file has errors, so one run reports all of them.
    log_entries = _log_entries(root)
    activities: list[Activity] = list(definition.activities) if definition else []
    origins: list[Origins] = [inline.origins] if definition else []
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
        source, log_activities, log_origins = loaded
        result.files.append(source.file)
        result.sources.append(source)
        segments.append((len(activities), source))
        activities.extend(log_activities)
        origins.append(log_origins)

    combined = Origins.joined(origins)
    if definition is not None and not collector.pending and not collector.placed:
        _check_rules(definition, activities, combined, today, segments, main, collector)
    file_order = {name: i for i, name in enumerate([shown, *(_log_name(shown, entry) for _, entry in log_entries)])}
    result.diagnostics = sorted(
        collector.diagnostics(), key=lambda d: (file_order.get(d.file, len(file_order)), d.line, d.column)
    )
    if definition is not None and not result.errors:
        result.partnership = _loaded(definition, activities, combined, main)
    return result


def is_a_log(log: Path) -> str:
    """What to say when an activity log is given where a partnership file belongs: the partnership
    file beside it or one folder up that names it under `logs:`, when there is one."""
    owner = next(_naming_partnerships(log), None)
    if owner is not None:
        shown = os.path.normpath(os.path.join(os.path.dirname(str(log)), os.path.relpath(owner, log.parent)))
        return _(
            "this is an activity log, not a partnership file: validate or assess {file}, which names it under `logs:`"
        ).format(file=shown)
    return _(
        "this is an activity log, not a partnership file: validate or assess the partnership file that names it "
        "under `logs:`"
    )


def _naming_partnerships(log: Path, limit: int = 200) -> Iterator[Path]:
    """YAML files beside `log` or one folder up whose text names it (by its path from there)."""
    try:
        folders = [log.parent.resolve(), log.parent.resolve().parent]
        target = log.resolve()
        for folder in folders:
            for candidate in sorted(folder.glob("*.y*ml"))[:limit]:
                if candidate == target or candidate.stat().st_size > yamlsource.MAX_FILE_BYTES // 64:
                    continue
                text = candidate.read_text(encoding="utf-8", errors="replace")
                if "coopcheck:" in text and os.path.relpath(target, folder).replace(os.sep, "/") in text:
                    yield candidate
    except OSError:
        return


def _looks_like_a_log(root: Any) -> bool:
    """A list of activities, or a mapping of nothing but `activities:` (the two forms of a YAML log)."""
    if isinstance(root, list):
        return bool(root) and all(isinstance(item, dict) and {"date", "type"} & set(item) for item in root)
    return isinstance(root, dict) and set(root) == {"activities"}


def declared_partners(root: dict[str, Any]) -> dict[str, str | None]:
    """Partner key -> name as written, however broken the rest of the definition is."""
    partners = root.get("partners")
    if not isinstance(partners, dict):
        return {}
    return {
        str(key): (value.get("name") if isinstance(value, dict) and isinstance(value.get("name"), str) else None)
        for key, value in partners.items()
    }


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


def _log_entries(root: Any) -> list[tuple[int, str]]:
    """The `logs:` entries to read, with their index (entries that are not text were reported by the
    schema already)."""
    named = root.get("logs") if isinstance(root, dict) else None
    if not isinstance(named, list):
        return []
    return [(index, entry) for index, entry in enumerate(named) if isinstance(entry, str) and entry]


def _loaded(definition: Partnership, activities: list[Activity], origins: Origins, main: _Source) -> LoadedPartnership:
    """The valid partnership, its activities oldest first."""
    assert main.yaml is not None
    document, shown = main.yaml, main.file
    days = list(map(attrgetter("date"), activities))
    order = sorted(range(len(activities)), key=days.__getitem__)
    return LoadedPartnership(
        definition=definition,
        activities=tuple(map(activities.__getitem__, order)),
        origins=origins.reordered(order),
        file=shown,
        survey_origins=tuple(main.origins(document.root.get("surveys") or [])),
        places={path: Origin(shown, *mark) for path, mark in document.key_marks.items()},
    )


def _definition(root: Any, main: _Source, inline: _ActivitySink, collector: _Collector) -> Partnership | None:
    """The partnership file's definition with its inline activities (streamed apart), or None."""
    if _looks_like_a_log(root):
        collector.add(main, (), "value", is_a_log(Path(main.file)), "")
        return None
    if not isinstance(root, dict):
        collector.add(main, (), "value", _("expected a mapping starting with 'coopcheck: 1'"), "")
        return None
    collector.partners = declared_partners(root)
    try:
        definition = Partnership.model_validate(root)
    except ValidationError as exc:
        collector.schema_errors(main, exc.errors(), Partnership)
        inline.report(collector, main, main.activity_prefix, Partnership)
        return None
    if inline.report(collector, main, main.activity_prefix, Partnership):
        return None
    return definition.model_copy(update={"activities": inline.activities}) if inline.activities else definition


def _check_rules(
    definition: Partnership,
    activities: list[Activity],
    origins: Origins,
    today: dt.date,
    segments: list[tuple[int, _Source]],
    main: _Source,
    collector: _Collector,
) -> None:
    """The rules across fields and files, each violation placed in the file that holds it."""
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
) -> tuple[_Source, list[Activity], Origins] | None:
    """Read one log named in `logs:`; problems with the entry itself point at the entry."""
    target = base / entry
    unusable = inputs.name_problem(str(target))
    if unusable is not None:
        message = _("log path cannot be used: {problem}").format(problem=unusable)
        collector.add(main, where, "value", message, format_path(where))
        return None
    shown = _log_name(owner, entry)
    problem = _log_entry_problem(base, target, entry, shown, allow_outside)
    if problem is not None:
        collector.add(main, where, "value", problem, format_path(where))
        return None
    sink = _ActivitySink(shown)
    try:
        if target.suffix.lower() == ".csv":
            text = yamlsource.decode(_read(target, shown), shown)
            source = _Source(shown, csv=csvsource.parse(text, shown, ACTIVITY_FIELDS, sink))
            failed = sink.report(collector, source, (), list[Activity])
        else:
            source = _Source(shown, yaml=_read_yaml(target, shown, expected="", sink=sink))
            assert source.yaml is not None
            collector.slips.extend(hash_in_values(source.yaml.text, shown))
            failed = _check_yaml_log(source, sink, collector)
    except InputError as exc:
        collector.fail(exc.diagnostics)
        return None
    return None if failed else (source, sink.activities, sink.origins)


def _log_entry_problem(base: Path, target: Path, entry: str, shown: str, allow_outside: bool) -> str | None:
    """What is wrong with a `logs:` entry before its file is read, if anything."""
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return _("log path cannot be resolved (found '{entry}'; a symbolic link loop?)").format(entry=entry)
    if not allow_outside and (not resolved.is_relative_to(base.resolve()) or os.path.isabs(entry)):
        return _(
            "log path leaves the partnership file's folder (found '{entry}'); move the log next to the file "
            "or allow it with --allow-outside-logs (config: allow_outside_logs: true)"
        ).format(entry=entry)
    if target.suffix.lower() not in (*YAML_SUFFIXES, ".csv"):
        return _("unsupported log format (found '{entry}'; expected .yaml, .yml or .csv)").format(entry=entry)
    if target.is_dir():
        return _("log file is a directory (found '{entry}', looked for '{shown}')").format(entry=entry, shown=shown)
    if not target.exists():
        return _("log file not found (found '{entry}', looked for '{shown}')").format(entry=entry, shown=shown)
    return None


def _check_yaml_log(source: _Source, sink: _ActivitySink, collector: _Collector) -> bool:
    """File the problems of a YAML log whose activities were streamed to `sink`; True if any."""
    assert source.yaml is not None
    root = source.yaml.root
    if root is None:
        return False
    if isinstance(root, dict):
        source.activity_prefix = ("activities",)
        try:
            ActivityLog.model_validate(root)
        except ValidationError as exc:
            collector.schema_errors(source, exc.errors(), ActivityLog)
            sink.report(collector, source, source.activity_prefix, ActivityLog)
            return True
        return sink.report(collector, source, source.activity_prefix, ActivityLog)
    if not isinstance(root, list):
        collector.add(source, (), "value", _("expected a list of activities, or 'activities:' with that list"), "")
        return True
    return sink.report(collector, source, (), list[Activity])
