"""Found values and user-supplied text made safe to print: control and bidirectional characters as escapes.

A partnership file can hold anything in a name, a topic or a misspelt value, including terminal
escape sequences (`\\x1b]0;...\\x07`, `\\x1b[2J`), a carriage return that overwrites a line, a
newline that splits one problem over two lines, or a right-to-left override that makes a line
read differently from what it holds. Every such character is shown as a visible escape, the way
Python writes it (`\\n`, `\\x1b`, `\\u202e`), in the terminal, in Markdown and HTML reports and in
CI output. JSON output keeps every value as written; `json_safe` only writes the same characters
as `\\uXXXX` escapes, so the document means the same and prints safely.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

# Control characters (C0, DEL, C1), format characters (soft hyphen, zero-width and bidirectional
# marks, embeddings, overrides and isolates, invisible operators, BOM, tags), the line and
# paragraph separators, and lone surrogates.
UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
# In a JSON document, newlines, tabs and carriage returns appear only between tokens (inside strings
# JSON escapes them already), so they are left alone.
_UNPRINTABLE_IN_JSON = re.compile(UNPRINTABLE.pattern.replace("\x00-\x1f", "\x00-\x08\x0b\x0c\x0e-\x1f"))
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` on one line, with every control or bidirectional character shown as an escape."""
    return UNPRINTABLE.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(document: str) -> str:
    """A JSON document with the characters above written as `\\u` escapes (same data, safe to print).

    Outside strings JSON holds only ASCII punctuation, digits, letters and whitespace, and the
    whitespace between tokens is kept as it is, so only characters inside strings are replaced.
    """
    return _UNPRINTABLE_IN_JSON.sub(_json_escape, document)


def printable_all(value: Any) -> Any:
    """`value` with every string in it, however deep (models, dataclasses, lists, dicts), printable.

    What holds nothing to escape is returned as it is, not copied."""
    from pydantic import BaseModel  # here, so that `coopcheck --version` does not load pydantic

    if isinstance(value, str):
        return printable(value) if UNPRINTABLE.search(value) else value
    if isinstance(value, BaseModel):
        changed = _changed((name, item) for name, item in value.__dict__.items())
        return value.model_copy(update=changed) if changed else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _printable_dataclass(value)
    if isinstance(value, (list, tuple)):
        return _printable_sequence(value)
    if isinstance(value, dict):
        return _printable_dict(value)
    return value


def _printable_dataclass(value: Any) -> Any:
    fields = (f.name for f in dataclasses.fields(value) if f.init)
    changed = _changed((name, getattr(value, name)) for name in fields)
    return dataclasses.replace(value, **changed) if changed else value


def _printable_sequence(value: list[Any] | tuple[Any, ...]) -> Any:
    items = [printable_all(item) for item in value]
    if all(new is old for new, old in zip(items, value, strict=True)):
        return value
    return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)


def _printable_dict(value: dict[Any, Any]) -> dict[Any, Any]:
    pairs = [(printable_all(key), printable_all(item)) for key, item in value.items()]
    if all(k is old_k and v is old_v for (k, v), (old_k, old_v) in zip(pairs, value.items(), strict=True)):
        return value
    return dict(pairs)

def _changed(pairs: Any) -> dict[str, Any]:
    out = {}
    for name, item in pairs:
        new = printable_all(item)
        if new is not item:
            out[name] = new
    return out
