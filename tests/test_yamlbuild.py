"""The C reader of YAML builds exactly what the full reader builds, and refuses what it refuses.

`yamlsource.parse` reads a document with the C reader (`_yamlbuild`, on libyaml) and falls back to
`yamlsource._build` (on PyYAML's events) for anything the C reader refuses; the full reader then
says what is wrong. These tests hold the two to the same data, the same places of mappings and
keys, and the same batches handed to the sink, over every YAML file the project ships or tests
with, over hand-written edge cases and over generated documents.
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from coopcheck.loading import yamlsource
from coopcheck.loading.diagnostics import InputError
from support import ROOT

Batches = list[tuple[list[Any], list[tuple[int, int]], int]]


def test_the_c_reader_is_built() -> None:
    """Without it, loading still works but takes three times as long (benchmarks/bench_validate.py).
    It is built by `pip install -e .` where libyaml's headers (Debian: libyaml-dev) and a C
    compiler are; reinstall after installing them."""
    assert yamlsource._yamlbuild is not None, "coopcheck.loading._yamlbuild is not built: see hatch_build.py"


def _fast(text: str, root_list: bool = False, batch: int = yamlsource.BATCH) -> tuple[Any, Batches] | None:
    assert yamlsource._yamlbuild is not None
    batches: Batches = []
    built = yamlsource._yamlbuild.build(
        text,
        lambda items, places, first: batches.append((items, places, first)),
        root_list,
        yamlsource.STREAMED_KEY,
        batch,
        yamlsource.MAX_DEPTH,
        yamlsource.KEY_DEPTH,
    )
    return None if built is None else (built, batches)


def _full(text: str, root_list: bool = False) -> tuple[Any, Batches]:
    batches: Batches = []
    loader = yaml.CBaseLoader(text)
    try:
        document = yamlsource._build(
            loader, text, "f.yaml", lambda items, places, first: batches.append((items, places, first)), root_list
        )
    finally:
        loader.dispose()
    return (document.root, document.mapping_marks, document.key_marks), batches


def _places(built: Any, batches: Batches) -> list[tuple[int, int] | None]:
    """Where each mapping of the data and of the streamed items starts, in reading order."""
    root, marks, _ = built
    found: list[tuple[int, int] | None] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.append(marks.get(id(node)))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(root)
    for items, places, _first in batches:
        found.extend(places)
        walk(items)
    return found


def _ordered(node: Any) -> Any:
    """`node` with each mapping as the list of its items: equal only with the keys in the same order
    (the first partner written is the first side of every report)."""
    if isinstance(node, dict):
        return [(key, _ordered(value)) for key, value in node.items()]
    if isinstance(node, list):
        return [_ordered(value) for value in node]
    return node


def assert_same(text: str, root_list: bool = False) -> bool:
    """True when both readers built the document alike; False when both refused it."""
    try:
        full = _full(text, root_list)
    except (InputError, yaml.YAMLError):
        full = None
    fast = _fast(text, root_list)
    if full is None:
        assert fast is None, f"the C reader took what the full reader refuses:\n{text}"
        return False
    assert fast is not None, f"the C reader refused what the full reader takes:\n{text}"
    (root, _, key_marks), batches = fast
    assert _ordered(root) == _ordered(full[0][0])
    assert list(key_marks.items()) == list(full[0][2].items())
    assert [(_ordered(items), places, first) for items, places, first in batches] == [
        (_ordered(items), places, first) for items, places, first in full[1]
    ]
    assert _places(fast[0], fast[1]) == _places(full[0], full[1])
    return True


SHIPPED = sorted(
    path
    for folder in ("examples", "tests/catalogue", "tests/golden")
    for path in (ROOT / folder).rglob("*")
    if path.suffix in {".yaml", ".yml"} and path.is_file()
)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_shipped_file_reads_alike(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    assert_same(text)
    assert_same(text, root_list=True)


EDGES = {
    "empty": "",
    "comments only": "# nothing\n",
    "root scalar": "just text\n",
    "root null": "~\n",
    "nulls": "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: 'null'\ng: \"\"\nh: nul\n",
    "allowed tags": "a: !!str 12\nb: ! 7\nc: !!str\nd: !!str ~\n",
    "tagged list": "a: !!str [x]\n",
    "foreign tag": "a: !!int 12\n",
    "python tag": "a: !!python/object:os.system x\n",
    "anchor": "a: &x 1\nb: 2\n",
    "alias": "a: &x 1\nb: *x\n",
    "anchored mapping": "a: &x {b: 1}\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate in activity": "activities:\n  - id: a\n    id: b\n",
    "empty key": ": 1\n",
    "null key": "~: 1\n",
    "quoted empty key": "'': 1\n",
    "mapping as key": "? {a: 1}\n: 2\n",
    "list as key": "? [a]\n: 2\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "one explicit document": "---\na: 1\n...\n",
    "syntax error": "a: [1, 2\nb: 3\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "tab": "a:\n\tb: 1\n",
    "control character": "a: \x07\n",
    "deep": "a: " + "[" * 31 + "]" * 31 + "\n",
    "too deep": "a: " + "[" * 32 + "]" * 32 + "\n",
    "flow": "{a: [1, {b: c}], d: {e: [f, ~]}}\n",
    "unicode": 'name: Müller & Søn – 株式会社\nemoji: "\\U0001F600"\n',
    "block scalars": "a: |\n  line one\n  line two\nb: >\n  folded\n  text\n",
    "keys three deep": "partners:\n  n:\n    sponsor: A\n    deep:\n      deeper: 1\n",
    "list of lists": "- [a, b]\n- - c\n  - ~\n",
    "activities scalar items": "activities:\n  - a\n  - {id: b}\n  - [c]\n  - ~\n",
    "activities twice nested": "x:\n  activities:\n    - id: a\n",
    "activities empty": "activities: []\n",
    "activities null": "activities:\n",
    "activities not first": "a: 1\nactivities:\n  - id: 1\n    nested: {b: 2}\nz: 3\n",
    "second list named activities": "activities:\n  - id: 1\nother:\n  activities:\n    - id: 2\n",
}


@pytest.mark.parametrize("text", EDGES.values(), ids=EDGES.keys())
def test_edge_cases_read_alike(text: str) -> None:
    assert_same(text)
    assert_same(text, root_list=True)


def test_a_long_activity_list_is_handed_over_in_the_same_batches() -> None:
    items = "".join(f"  - id: a{i}\n    nested: {{n: {i}}}\n" if i % 7 else f"  - plain {i}\n" for i in range(2_345))
    text = "coopcheck: 1\nactivities:\n" + items + "after: 1\n"
    assert assert_same(text)
    fast = _fast(text)
    assert fast is not None
    assert [(first, len(items)) for items, _, first in fast[1]] == [(0, 1000), (1000, 1000), (2000, 345)]


def test_what_the_c_reader_refuses_late_reaches_the_sink_once() -> None:
    """A duplicate key after the activity list: the C reader has handed over the first batches
    when it refuses; parse reads again and reports the error, and no item was handed over twice."""
    given: list[int] = []
    text = "coopcheck: 1\nactivities:\n" + "".join(f"  - id: a{i}\n" for i in range(2_500)) + "coopcheck: 2\n"
    with pytest.raises(InputError, match="duplicate key 'coopcheck'"):
        yamlsource.parse(
            text, "f.yaml", sink=lambda items, places, first: given.extend(range(first, first + len(items)))
        )
    assert given == list(range(2_000))


def test_a_second_reading_hands_over_only_what_the_sink_lacks() -> None:
    given: list[tuple[int, int]] = []
    counted = yamlsource._Counted(lambda items, places, first: given.append((first, len(items))))
    counted(list(range(1000)), [(1, 1)] * 1000, 0)
    counted(list(range(500)), [(1, 1)] * 500, 1000)
    for first in (0, 1000, 2000):
        counted.rest(list(range(1000)), [(1, 1)] * 1000, first)
    assert given == [(0, 1000), (1000, 500), (1500, 500), (2000, 1000)]


# generated documents: nested mappings, lists and scalars of awkward text, dumped in every style
_text = st.text(alphabet=string.ascii_letters + string.digits + " :-#'\"~&*!|>%@`{}[],?\nÄé✓", max_size=12)
_scalar = st.one_of(st.none(), _text, st.sampled_from(["~", "null", "NULL", "yes", "no", "0755", "1e3", ""]))
_data = st.recursive(
    _scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(data=_data, flow=st.sampled_from([None, True, False]), width=st.sampled_from([10, 80]))
def test_generated_documents_read_alike(data: Any, flow: bool | None, width: int) -> None:
    text = yaml.safe_dump(
        {"activities": data} if isinstance(data, list) else data, default_flow_style=flow, width=width
    )
    assert_same(text)
    assert_same(text, root_list=True)


@settings(max_examples=300, deadline=None)
@given(
    data=_data,
    cut=st.integers(min_value=0, max_value=400),
    insert=st.sampled_from(["", ":", "- ", "&a ", "*a", "!!int ", "\t", "{", "]", "---\n", "\n  ", "? "]),
)
def test_damaged_documents_are_refused_alike(data: Any, cut: int, insert: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    cut = min(cut, len(text))
    assert_same(text[:cut] + insert + text[cut:])


def test_a_failing_sink_stops_the_reading_with_its_own_error() -> None:
    def sink(items: list[Any], places: list[tuple[int, int]], first: int) -> None:
        raise MemoryError("sink full")

    text = "activities:\n" + "".join(f"  - id: a{i}\n" for i in range(1_500))
    with pytest.raises(MemoryError, match="sink full"):
        yamlsource.parse(text, "f.yaml", sink=sink)


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda path: path.name)
def test_without_the_c_reader_a_partnership_loads_the_same(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the C reader could not be built, everything is read on PyYAML's events: the same
    partnership, activities and places."""
    from coopcheck.loading import load_partnership

    fast = load_partnership(example, today=dt.date(2026, 11, 28))
    monkeypatch.setattr(yamlsource, "_yamlbuild", None)
    full = load_partnership(example, today=dt.date(2026, 11, 28))
    assert fast.partnership is not None and full.partnership is not None
    assert full.partnership.definition == fast.partnership.definition
    assert full.partnership.activities == fast.partnership.activities
    assert list(full.partnership.origins) == list(fast.partnership.origins)
    assert full.partnership.places == fast.partnership.places
    assert [str(d) for d in full.diagnostics] == [str(d) for d in fast.diagnostics]
