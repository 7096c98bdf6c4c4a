"""Text from the input (names, topics, file names, messages quoting them) made inert in Markdown.

One escaper for every Markdown that coopcheck writes, the reports and the CI job summary, with one
variant for each place such text can stand in a Markdown document:

- `markdown`: prose, headings, list items and table cells. Every character Markdown or GitHub
  reads as markup is backslash-escaped, `&` where it would start a character reference (`&lt;`),
  and line breaks become spaces, so a name can neither format, link, open an HTML tag, nor leave
  its table cell or line.
- `code`: a code span (a file name, an error). Inside one, backslashes and character references
  are shown as typed, so only the span's own fence and, in a table cell, the `|` are escaped.
- `html_text`: inside raw HTML, such as a `<summary>` line, where Markdown escapes are shown as
  typed: HTML's character references.

Control and bidirectional characters are shown as escapes before any of this (`escaping.printable`).
"""

from __future__ import annotations

import html
import re

_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " "})
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#~"}) | _LINE_BREAKS
_REFERENCE = re.compile(r"&(?=#?\w+;)")  # `&amp;`, `&#42;`: Markdown would show the character
_BACKTICKS = re.compile(r"`+")


def markdown(value: object) -> str:
    """`value` as literal text in Markdown prose or a table cell, on one line."""
    return _REFERENCE.sub(r"\\&", str(value).translate(_MARKDOWN))


def code(value: object, *, in_table: bool = True) -> str:
    """`value` as a code span, shown as typed; `in_table` escapes `|`, which GitHub reads as a cell's end."""
    text = str(value).translate(_LINE_BREAKS)
    if in_table:
        text = text.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def html_text(value: object) -> str:
    """`value` as text inside raw HTML in a Markdown document, on one line."""
    return html.escape(str(value), quote=False).translate(_LINE_BREAKS)
