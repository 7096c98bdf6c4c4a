"""Strict, fast YAML reading on libyaml's event stream.

PyYAML's constructor resolves every scalar in Python (that is where `yaml.load` spends its time)
and applies YAML 1.1 rules that turn `no` into False and `0755` into 493. coopcheck does neither:
it drains libyaml's events and builds plain dicts, lists and strings, so every scalar keeps its
text until the schema types it. Plain `~`, `null` and empty values become None.

Refused with a clear message: duplicate keys, anchors and aliases, explicit tags (`!!python/...`),
more than one document, nesting deeper than `MAX_DEPTH`, files larger than `MAX_FILE_BYTES`, and
text that is not UTF-8.

Two readers build the same data. The C reader (`_yamlbuild.c`, on libyaml, built at install by
`hatch_build.py`) makes no Python object for each event and reads three times as fast
(benchmarks/bench_validate.py); it refuses whatever `_build` would refuse, and `_build`, on
PyYAML's events, then reads the text again and says what is wrong, so each message has one source.
Without the C reader `_build` reads everything. tests/test_yamlbuild.py holds the two alike.

Positions are kept cheaply: the fast pass records where each mapping starts (`mapping_marks`,
keyed by the id of the dict it built). Exact positions of keys and values are recovered only when
there is an error, by `locate`, which reads the file a second time.

An activity log can be far larger than what is kept of it. Given a `sink`, `parse` does not build
the activity list (the `activities:` list of the top-level mapping, or a top-level list when
`sink_root_list` is set): it hands its items to the sink in batches, each with the place where it
starts, and forgets them. The list stays empty in the data, and memory stays bounded by what the
sink keeps.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from coopcheck.i18n import N_, _
from coopcheck.loading.diagnostics import Diagnostic, InputError

_yamlbuild: ModuleType | None
try:  # the C reader (_yamlbuild.c), built at install where libyaml's headers are (hatch_build.py)
    from coopcheck.loading import _yamlbuild
except ImportError:  # pragma: no cover - the full reader below does the same, three times slower
    _yamlbuild = None

MAX_DEPTH = 32
KEY_DEPTH = 2  # key positions kept for paths like partners.<key>.sponsor (three keys deep)
MAX_FILE_BYTES = 64 * 1024 * 1024
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
ALLOWED_TAGS = frozenset({"tag:yaml.org,2002:str", "!"})
PARTNERSHIP_EXPECTED = N_("a mapping starting with 'coopcheck: 1'")

Path_ = tuple[str | int, ...]
STREAMED_KEY = "activities"
BATCH = 1000

# Receives complete items of the streamed list: the items, where each starts (1-based line,
# column), and the index of the first one in the list.
Sink = Callable[[list[Any], list[tuple[int, int]], int], None]


@dataclass
class YamlDocument:
    """A parsed document: plain data, where each mapping starts, and where the keys of its upper
    levels were written (1-based line, column)."""

    file: str
    text: str
    root: Any
    mapping_marks: dict[int, tuple[int, int]]
    key_marks: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict)


class _Streamed(list[Any]):
    """Stands in for the streamed list while it is read: it stays empty, and hands its items to the
    sink a batch at a time. An item is handed on once the next one starts (or the list ends), since
    a mapping is appended when it opens, before its keys are read."""

    def __init__(self, sink: Sink, marks: dict[int, tuple[int, int]]) -> None:
        super().__init__()
        self.sink = sink
        self.marks = marks
        self.batch: list[Any] = []
        self.places: list[tuple[int, int]] = []
        self.first = 0

    def append(self, item: Any) -> None:
        if len(self.batch) >= BATCH:
            self.close()
        self.batch.append(item)
        # each item is a fresh mapping whose start was recorded just before; the record goes with it
        self.places.append(self.marks.pop(id(item), (1, 1)) if item.__class__ is dict else (1, 1))

    def close(self) -> None:
        if self.batch:
            batch, places = self.batch, self.places
            self.batch, self.places = [], []
            self.sink(batch, places, self.first)
            self.first += len(batch)


def decode(data: bytes, file: str) -> str:
    """UTF-8 with or without BOM; anything else is refused with the encoding to save in."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if data.startswith(bom):
            raise InputError(
                [
                    Diagnostic(
                        file,
                        1,
                        1,
                        _("file is encoded as {name}; save it as UTF-8 (with or without BOM)").format(name=name),
                    )
                ]
            )
    if len(data) >= 4 and (data[1:4:2] == b"\x00\x00" or data[0:4:2] == b"\x00\x00"):
        raise InputError(
            [Diagnostic(file, 1, 1, _("file looks like UTF-16 (every other byte is zero); save it as UTF-8"))]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        guess = "Windows-1252 or Latin-1" if b"\x00" not in data else "UTF-16"
        raise InputError(
            [
                Diagnostic(
                    file,
                    line,
                    column,
                    _(
                        "file is not valid UTF-8 (found byte 0x{byte:02x}; it looks like {guess}); save it as UTF-8"
                    ).format(byte=data[exc.start], guess=guess),
                )
            ]
        ) from None


def check_size(size: int, file: str) -> None:
    if size > MAX_FILE_BYTES:
        raise InputError(
            [
                Diagnostic(
                    file,
                    1,
                    1,
                    _(
                        "file is too large ({size:.1f} MiB; at most {limit} MiB); "
                        "split the activity log into several files under `logs:`"
                    ).format(size=size / 1048576, limit=MAX_FILE_BYTES // 1048576),
                )
            ]
        )


def _error(file: str, mark: Any, message: str) -> InputError:
    return InputError([Diagnostic(file, mark.line + 1, mark.column + 1, message)])


def _yaml_error(file: str, text: str, exc: yaml.YAMLError) -> InputError:
    if isinstance(exc, yaml.reader.ReaderError):
        position = exc.position
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        return InputError(
            [
                Diagnostic(
                    file,
                    line,
                    column,
                    _("control character U+{code:04X} is not allowed in YAML text").format(code=exc.character),
                )
            ]
        )
    from coopcheck.loading.yamlerrors import explain

    explained = explain(text, exc)
    message = _("YAML syntax error: {explanation}").format(explanation=explained.message)
    return InputError([Diagnostic(file, explained.line, explained.column, message)])


def _refuse_special(file: str, event: Any) -> None:
    if event.anchor is not None:
        raise _error(
            file,
            event.start_mark,
            _("anchors and aliases are not supported (found '{found}'); write the value out in full").format(
                found=f"&{event.anchor}"
            ),
        )
    tag = event.tag
    if tag is not None and tag not in ALLOWED_TAGS:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise _error(
            file, event.start_mark, _("tags are not supported (found '{found}'); remove the tag").format(found=shown)
        )


def parse(
    text: str,
    file: str,
    expected: str = PARTNERSHIP_EXPECTED,
    sink: Sink | None = None,
    sink_root_list: bool = False,
) -> YamlDocument:
    """Build plain data from one YAML document, strictly. Raises InputError.

    An empty document (nothing, or only comments) is an error naming `expected`, or None data
    when `expected` is empty. With a `sink`, the activity list is streamed to it (see above); when
    this raises, what the sink was given is to be dropped.
    """
    counted = _Counted(sink) if sink is not None else None
    document = _read_fast(text, file, counted, sink_root_list)
    if document is None:
        # what the fast reader refuses, the full reader reads again and explains; items the sink
        # already has are not handed over twice
        loader = yaml.CBaseLoader(text) if hasattr(yaml, "CBaseLoader") else yaml.BaseLoader(text)
        try:
            document = _build(loader, text, file, counted.rest if counted else None, sink_root_list)
        except yaml.YAMLError as exc:
            raise _yaml_error(file, text, exc) from None
        finally:
            loader.dispose()
    if document.root is None and expected:
        raise InputError([Diagnostic(file, 1, 1, _("file is empty; expected {expected}").format(expected=_(expected)))])
    return document


class _Counted:
    """A sink that knows how many items it was given, so that a second reading of the same text
    hands it only the ones after them."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.given = 0

    def __call__(self, items: list[Any], places: list[tuple[int, int]], first: int) -> None:
        self.sink(items, places, first)
        self.given = first + len(items)

    def rest(self, items: list[Any], places: list[tuple[int, int]], first: int) -> None:
        skip = max(0, self.given - first)
        if skip < len(items):
            self.sink(items[skip:], places[skip:], first + skip)


def _read_fast(text: str, file: str, sink: Sink | None, sink_root_list: bool) -> YamlDocument | None:
    """The document as `_build` would build it, read by the C reader on libyaml (three times as
    fast: benchmarks/bench_validate.py); None when that reader is not built, or refuses the text."""
    if _yamlbuild is None:
        return None
    built = _yamlbuild.build(text, sink, sink_root_list, STREAMED_KEY, BATCH, MAX_DEPTH, KEY_DEPTH)
    if built is None:
        return None
    root, marks, key_marks = built
    return YamlDocument(file, text, root, marks, key_marks)


# hot loop: benchmarks/bench_validate.py (why it stays one long function: the comment below)
def _build(loader: Any, text: str, file: str, sink: Sink | None, sink_root_list: bool) -> YamlDocument:
    # The hot loop of loading: one pass over ~20 events per activity, kept deliberately flat (one
    # function, local names) because a call or a global per event shows in
    # benchmarks/bench_validate.py (validate against the bare event stream).
    get_event = loader.get_event
    # Local names for what the loop tests on every event: cheaper than module globals.
    scalar, mapping_start, sequence_start = ScalarEvent, MappingStartEvent, SequenceStartEvent
    mapping_end, sequence_end, nulls = MappingEndEvent, SequenceEndEvent, NULLS
    marks: dict[int, tuple[int, int]] = {}
    key_marks: dict[tuple[str, ...], tuple[int, int]] = {}
    stack: list[tuple[Any, Any, bool, tuple[str, ...] | None]] = []
    container: Any = None
    in_list = False
    # Where keys were written is kept for the definition's upper levels only (mappings in mappings,
    # up to KEY_DEPTH): `path` is their key path, None below that or inside a list.
    path: tuple[str, ...] | None = None
    key: Any = None
    root: Any = None
    streamed: _Streamed | None = None
    documents = 0
    while True:
        event = get_event()
        cls = event.__class__
        if cls is scalar:
            if event.anchor is not None:
                _refuse_special(file, event)
            value = event.value
            implicit = event.implicit
            if implicit[0]:
                if value in nulls:
                    value = None
            elif not implicit[1]:
                _refuse_special(file, event)
            if in_list:
                container.append(value)
            elif key is not None:
                container[key] = value
                key = None
            elif container is None:
                root = value
            elif value is None:
                raise _error(file, event.start_mark, _("empty key; every key needs a name"))
            elif value in container:
                raise _error(
                    file, event.start_mark, _("duplicate key '{key}'; each key may appear once").format(key=value)
                )
            else:
                key = value
                if path is not None:
                    mark = event.start_mark
                    written = (*path, value)
                    key_marks[written] = (mark.line + 1, mark.column + 1)
        elif cls is mapping_start or cls is sequence_start:
            if event.anchor is not None or event.tag is not None:
                _refuse_special(file, event)
            new: Any
            if cls is mapping_start:
                new = {}
                mark = event.start_mark
                marks[id(new)] = (mark.line + 1, mark.column + 1)
            elif sink is not None and streamed is None and _streams(container, root, key, sink_root_list):
                new = streamed = _Streamed(sink, marks)
            else:
                new = []
            if in_list:
                container.append(new)
            elif key is not None:
                container[key] = new
            elif container is None:
                root = new
            else:
                raise _error(file, event.start_mark, _("a key must be plain text, not a list or mapping"))
            stack.append((container, key, in_list, path))
            if container is None:
                path = () if cls is mapping_start else None
            elif path is not None:
                path = (*path, key) if cls is mapping_start and key is not None and len(path) < KEY_DEPTH else None
            if len(stack) > MAX_DEPTH:
                raise _error(
                    file,
                    event.start_mark,
                    _("nesting is too deep (more than {levels} levels)").format(levels=MAX_DEPTH),
                )
            container = new
            in_list = cls is sequence_start
            key = None
        elif cls is mapping_end or cls is sequence_end:
            container, key, in_list, path = stack.pop()
            key = None
        elif cls is AliasEvent:
            raise _error(
                file,
                event.start_mark,
                _("anchors and aliases are not supported (found '{found}'); write the value out in full").format(
                    found=f"*{event.anchor}"
                ),
            )
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _error(file, event.start_mark, _("only one YAML document per file (found a second '---')"))
        elif cls is StreamEndEvent:
            break
    if streamed is not None:
        streamed.close()
    return YamlDocument(file, text, root, marks, key_marks)


def _streams(container: Any, root: Any, key: Any, root_list: bool) -> bool:
    """Whether a list opening here is the activity list: at the top, or under the top mapping's key."""
    if container is None:
        return root_list
    return container is root and key == STREAMED_KEY


@dataclass(frozen=True)
class Place:
    """Where a key and its value were written (1-based)."""

    key: tuple[int, int] | None
    value: tuple[int, int]


def locate(text: str, wanted: Iterable[Path_]) -> dict[Path_, Place]:
    """Exact places of the given paths, found by reading the text again with full positions.

    Only called when there is something to report, so the fast pass can stay lean.
    """
    wanted = set(wanted)
    prefixes = {path[:i] for path in wanted for i in range(len(path) + 1)}
    found: dict[Path_, Place] = {}
    loader = yaml.CBaseLoader(text) if hasattr(yaml, "CBaseLoader") else yaml.BaseLoader(text)
    # each frame: [path, is_mapping, next index or pending key, pending key mark]
    stack: list[list[Any]] = []
    try:
        while loader.check_event():
            event: Any = loader.get_event()
            cls = event.__class__
            here = (event.start_mark.line + 1, event.start_mark.column + 1)
            if cls in (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent):
                if not stack:
                    path: Path_ = ()
                    key_mark = None
                else:
                    frame = stack[-1]
                    if frame[1]:
                        if frame[2] is None:
                            frame[2], frame[3] = (event.value if cls is ScalarEvent else "?"), here
                            continue
                        path, key_mark = (*frame[0], frame[2]), frame[3]
                        frame[2] = None
                    else:
                        path, key_mark = (*frame[0], frame[2]), None
                        frame[2] += 1
                if path in wanted:
                    found[path] = Place(key_mark, here)
                if cls is MappingStartEvent or cls is SequenceStartEvent:
                    inside = path in prefixes
                    stack.append(
                        [
                            path if inside else ("\0",),
                            cls is MappingStartEvent,
                            None if cls is MappingStartEvent else 0,
                            None,
                        ]
                    )
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                stack.pop()
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return found
