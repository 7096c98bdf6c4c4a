"""Textual log edits on the shapes people write: the new item lands where a reader expects it, and
everything that was there stays, character for character."""

from __future__ import annotations

import datetime as dt

import pytest

from coopcheck.importing.logtext import EditError, edit_csv, edit_yaml
from coopcheck.loading.yamlsource import parse

ENTRY = {"id": "x-9", "date": dt.date(2026, 3, 1), "from": "a", "to": "b", "type": "call", "topic": "Q&A: #2"}


def _item(indent: int) -> str:
    pad = " " * indent
    return (
        f"{pad}- id: x-9\n{pad}  date: 2026-03-01\n{pad}  from: a\n{pad}  to: b\n{pad}  type: call\n"
        f'{pad}  topic: "Q&A: #2"\n'
    )


@pytest.mark.parametrize(
    ("before", "in_mapping", "after"),
    [
        # comments and a block scalar after the last item, another key after the list
        (
            "activities:\n  - id: x-1\n    note: |\n      two\n      lines\n  # later\nlogs: [a.yaml]\n",
            True,
            "activities:\n  - id: x-1\n    note: |\n      two\n      lines\n"
            + _item(2)
            + "  # later\nlogs: [a.yaml]\n",
        ),
        ("activities:\n# none yet\nsurveys: []\n", True, "activities:\n" + _item(2) + "# none yet\nsurveys: []\n"),
        ("coopcheck: 1\nid: p", True, "coopcheck: 1\nid: p\nactivities:\n" + _item(2)),
        ("activities: []   # filled by coopcheck add\n", True, "activities:   # filled by coopcheck add\n" + _item(2)),
        ("# empty log\n", False, "# empty log\n" + _item(0)),
        ("- {id: x-1, date: 2026-01-01}", False, "- {id: x-1, date: 2026-01-01}\n" + _item(0)),
        (
            "-   id: x-1\n    date: 2026-01-01\n",
            False,
            "-   id: x-1\n    date: 2026-01-01\n" + _item(0).replace("- ", "-   ").replace("\n  ", "\n    "),
        ),
    ],
)
def test_the_item_is_appended_where_a_reader_expects_it(before: str, in_mapping: bool, after: str) -> None:
    edited = edit_yaml(before, in_mapping, [ENTRY])
    assert edited == after
    parsed = parse(edited, "log.yaml", expected="").root
    items = parsed["activities"] if in_mapping else parsed
    assert items[-1]["topic"] == "Q&A: #2" and items[-1]["date"] == "2026-03-01"


def test_crlf_files_stay_crlf_and_a_replaced_item_keeps_its_neighbours() -> None:
    before = "activities:\r\n  - id: x-1\r\n    date: 2026-01-01\r\n  # keep\r\n  - id: x-2\r\n    date: 2026-01-02\r\n"
    edited = edit_yaml(before, True, [], {(2, 5): {**ENTRY, "id": "x-1"}})
    assert edited == before.replace(
        "  - id: x-1\r\n    date: 2026-01-01\r\n", _item(2).replace("x-9", "x-1").replace("\n", "\r\n")
    )


def test_a_bracketed_list_with_entries_is_refused_with_its_place() -> None:
    with pytest.raises(EditError) as refused:
        edit_yaml("coopcheck: 1\nactivities: [{id: x-1}]\n", True, [ENTRY])
    assert (refused.value.line, refused.value.column) == (2, 13)


def test_csv_rows_follow_the_header_and_a_quoted_row_over_two_lines_is_replaced_whole() -> None:
    before = 'id,date,from,to,type,topic\r\nx-1,2026-01-01,a,b,call,"two\r\nlines"\r\nx-2,2026-01-02,a,b,call,'
    edited = edit_csv(before, ["id", "date", "from", "to", "type", "topic"], [ENTRY], {2: {**ENTRY, "id": "x-1"}})
    assert edited == (
        "id,date,from,to,type,topic\r\nx-1,2026-03-01,a,b,call,Q&A: #2\r\nx-2,2026-01-02,a,b,call,\r\n"
        "x-9,2026-03-01,a,b,call,Q&A: #2\r\n"
    )
