"""YAML syntax errors in plain words: what happened, on which line, and how to fix it.

(And one slip that is not an error: ` #` inside a plain value, see `hash_in_values`.)

libyaml says what its parser expected ("mapping values are not allowed in this context"), at the
place where it noticed, which is often a line after the mistake. The common mistakes of
hand-written files are recognised here from that message and the text around it, and reported at
the line of the mistake with the fix:

- a tab used for indentation;
- a line indented deeper than the one above (read as the continuation of its value), or to a
  depth that matches no block above it;
- a colon followed by a space inside an unquoted value (`topic: Agenda: pricing`), and a value
  that starts with `#` (read as a comment);
- a missing space after a colon (`hours:1.5`), reported on its own line, not on the next;
- a quote, `[` or `{` opened and never closed, and text after a closing quote;
- a backslash escape in double quotes, and characters that cannot start a value (`@`, backtick).

Anything else is reported with libyaml's message translated from a table; only a message that
is not in the table is quoted as libyaml wrote it. This module runs only when a file cannot be
read, so it may take its time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from coopcheck.i18n import N_, _
from coopcheck.loading.diagnostics import Diagnostic

# libyaml's problems that the recognisers below do not explain, in words.
LIBYAML_PROBLEMS = {
    "did not find expected node content": N_("a value is missing here; write a value, or put the text in quotes"),
    "did not find expected <document start>": N_(
        "unexpected text after the end of the document; remove it, or make it part of a key"
    ),
    "found undefined tag handle": N_("a value cannot start with '!' in YAML; put the value in quotes"),
    "found unexpected end of stream": N_("the file ends in the middle of a value; complete or remove the last line"),
    "found unexpected document indicator": N_(
        "a line starting with '---' or '...' inside a quoted value; close the quote before it"
    ),
    "block sequence entries are not allowed in this context": N_(
        "a list entry ('- ') where a value was expected: start the list on the next line, indented under its key, "
        "or put the value in quotes if it is text"
    ),
    "did not find expected alphabetic or numeric character": N_(
        "a value cannot start with '*' or '&' in YAML; put the value in quotes"
    ),
    "did not find expected comment or line break": N_(
        "unexpected text after '|' or '>' (which start a block of text); write the text on the lines below, "
        "or put the value in quotes"
    ),
    "found an indentation indicator equal to 0": N_("a block of text after '|' or '>' cannot be indented by 0"),
    "found a tab character where an indentation space is expected": N_(
        "a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces"
    ),
    "found character that cannot start any token": N_("a value cannot start with this character; put it in quotes"),
    "could not find expected ':'": N_(
        "a line without 'key: value'; write the key, a colon and a space, then the value"
    ),
    "could not find expected directive name": N_(
        "a line starting with '%' is read as a YAML directive; put a value that starts with '%' in quotes"
    ),
    "found unexpected non-alphabetical character": N_(
        "a line starting with '%' is read as a YAML directive; put a value that starts with '%' in quotes"
    ),
    "did not find expected whitespace or line break": N_(
        "a line starting with '%' or a value starting with '!' is read as YAML markup; put it in quotes"
    ),
    "mapping keys are not allowed in this context": N_(
        "a '?' followed by a space is read as YAML markup; put the value in quotes"
    ),
    "found unexpected ':'": N_("a ':' inside [...] or {...} where YAML does not expect one; put the item in quotes"),
    "did not find expected tag URI": N_("a value starting with '!' is read as a YAML tag; put the value in quotes"),
    "did not find expected '>'": N_("a value starting with '!' is read as a YAML tag; put the value in quotes"),
    "did not find the expected '>'": N_("a value starting with '!' is read as a YAML tag; put the value in quotes"),
    "did not find expected '!'": N_("a value starting with '!' is read as a YAML tag; put the value in quotes"),
    "did not find URI escaped octet": N_("a value starting with '!' is read as a YAML tag; put the value in quotes"),
    "found duplicate %YAML directive": N_("the file has two %YAML lines; remove one"),
    "found incompatible YAML document": N_("the file declares a YAML version other than 1.x; remove the %YAML line"),
    "found duplicate %TAG directive": N_("the file has two %TAG lines for the same handle; remove one"),
}

_MISSING_SPACE = re.compile(r"(?:^|(?<=\s))([A-Za-z_][\w.-]*):([^\s:/])")
_KEY = re.compile(r"^([^\s:#'\"][^:]*?):(?:\s|$)")


@dataclass(frozen=True)
class Explained:
    """A syntax error in words, at a 1-based line and column."""

    line: int
    column: int
    message: str


class _Text:
    """The file's lines, and what the recognisers ask of them (0-based line numbers)."""

    def __init__(self, text: str) -> None:
        self.lines = [line.rstrip("\r") for line in text.split("\n")]

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    @staticmethod
    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    @staticmethod
    def content_start(line: str) -> int:
        """Where the line's own text starts, after its indentation and any '- ' list markers."""
        position = len(line) - len(line.lstrip(" "))
        while line[position : position + 2] == "- ":
            position += 2
            position += len(line[position:]) - len(line[position:].lstrip(" "))
        return position

    def previous_content(self, number: int) -> int | None:
        """The nearest line above `number` that holds more than blanks or a comment."""
        for above in range(number - 1, -1, -1):
            stripped = self.line(above).strip()
            if stripped and not stripped.startswith("#"):
                return above
        return None

    def levels_above(self, number: int) -> list[tuple[int, int]]:
        """The indentations a line at `number` could line up with: (spaces, 0-based line) of the
        blocks that are open there, innermost first."""
        levels: list[tuple[int, int]] = []
        deepest = None
        above = self.previous_content(number)
        while above is not None and deepest != 0:
            line = self.line(above)
            for spaces in (self.content_start(line), self.indent(line)):
                if deepest is None or spaces < deepest:
                    levels.append((spaces, above))
                    deepest = spaces
            above = self.previous_content(above)
        return levels


def _at(mark: Any, message: str) -> Explained:
    """`message` at a libyaml mark (0-based line and column)."""
    return Explained(mark.line + 1, mark.column + 1, message)


def explain(text: str, exc: Any) -> Explained:
    """The syntax error `exc` (a yaml.MarkedYAMLError) in words, at the place of the mistake."""
    lines = _Text(text)
    problem = str(getattr(exc, "problem", None) or "").strip()
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    recognisers = (
        _tab,
        _indented_first_line,
        _unclosed_quote,
        _unclosed_flow,
        _missing_space,
        _colon_in_value,
        _misindented,
        _escape,
        _bad_start,
    )
    for recognise in recognisers:
        found = recognise(lines, problem, mark, context)
        if found is not None:
            return found
    where = mark or context
    line, column = (where.line + 1, where.column + 1) if where is not None else (1, 1)
    if problem in LIBYAML_PROBLEMS:
        return Explained(line, column, _(LIBYAML_PROBLEMS[problem]))
    return Explained(
        line,
        column,
        _("the text is not valid YAML here (the YAML reader says: {problem})").format(
            problem=problem or str(exc).splitlines()[0]
        ),
    )


def _indented_first_line(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    """` coopcheck: 1` then `id: ...`: the file's first key is indented, the next one is not."""
    if "<document start>" not in problem:
        return None
    first = next((i for i, line in enumerate(lines.lines) if line.strip() and not line.lstrip().startswith("#")), None)
    if first is None or not lines.indent(lines.line(first)):
        return None
    return Explained(
        first + 1,
        1,
        _("the first line is indented; the top-level keys of a file start at the beginning of the line"),
    )


def _tab(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    if mark is None:
        return None
    line = lines.line(mark.line)
    at_mark = line[mark.column : mark.column + 1]
    if "tab" not in problem and not ("cannot start any token" in problem and at_mark == "\t"):
        return None
    column = line.find("\t") if "\t" in line else mark.column
    return Explained(
        mark.line + 1,
        column + 1,
        _("a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces"),
    )


def _unclosed_quote(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    if context is None or "end of stream" not in problem:
        return None
    quote = lines.line(context.line)[context.column : context.column + 1]
    if quote not in ("'", '"'):
        return None
    return _quote_never_closed(context.line, context.column, quote)


def _quote_never_closed(line: int, column: int, quote: str) -> Explained:
    return Explained(
        line + 1,
        column + 1,
        _("a value opened with {quote} is never closed: end it with {quote} on the same line").format(quote=quote),
    )


def _unclosed_flow(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    if context is None or not problem.startswith("did not find expected ','"):
        return None
    opened = lines.line(context.line)
    bracket = opened[context.column : context.column + 1]
    if bracket == "[":
        message = _("the list opened with '[' is not closed: end it with ']' on the same line")
    elif bracket == "{":
        message = _("the mapping opened with '{{' is not closed: end it with '}}' on the same line").format()
    else:
        return None
    if " #" in opened[context.column :]:
        message += _("; a '#' after a space starts a comment, so put an item that contains '#' in quotes")
    return Explained(context.line + 1, context.column + 1, message)


def _missing_space_on(lines: _Text, number: int) -> Explained | None:
    """`hours:1.5` on line `number`: a key and its value without the space YAML needs."""
    line = lines.line(number)
    text = line[lines.content_start(line) :]
    if _KEY.match(text):
        return None  # the line has a proper `key: value`
    match = _MISSING_SPACE.search(text)
    if match is None:
        return None
    written = text[match.start() :].split(" #")[0].strip()[:40]
    fixed = written.replace(":", ": ", 1)
    column = lines.content_start(line) + match.start() + len(match.group(1))
    return Explained(
        number + 1,
        column + 1,
        _("missing space after ':' (found '{found}'); write '{fixed}'").format(found=written, fixed=fixed),
    )


def _missing_space(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    if "could not find expected ':'" not in problem or context is None:
        return None
    found = _missing_space_on(lines, context.line)
    if found is not None:
        return found
    line = lines.line(context.line)
    return _at(
        context,
        _(
            "a line without 'key: value' (found '{found}'): write it as 'key: value', or, if it continues "
            "the value above, put that value in quotes on one line"
        ).format(found=line.strip()),
    )


def _colon_in_value(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    if "mapping values are not allowed" not in problem or mark is None:
        return None
    line = lines.line(mark.line)
    start = lines.content_start(line)
    key = _KEY.match(line[start : mark.column + 1])
    if key is not None and start + len(key.group(0)) <= mark.column:
        value = line[start + len(key.group(0)) :].strip()
        return _at(
            mark,
            _(
                "the value of '{key}' contains ': ', which YAML reads as the start of a key: put the value "
                'in quotes, e.g. {key}: "{value}"'
            ).format(key=key.group(1).strip(), value=value.replace('"', "'")),
        )
    # The line's own key comes after a value that started above: that value went on to this line.
    above = lines.previous_content(mark.line)
    if above is not None:
        found = _missing_space_on(lines, above)
        if found is not None:
            return found
    return _deeper_than_above(lines, mark.line, above)


def _deeper_than_above(lines: _Text, number: int, above: int | None) -> Explained:
    line = lines.line(number)
    spaces = lines.indent(line)
    above_spaces = lines.indent(lines.line(above)) if above is not None else 0
    return Explained(
        number + 1,
        spaces + 1,
        _(
            "this line is indented deeper than the line above (indentation {spaces} against {above}), so YAML "
            "reads it as part of the value on line {line}: indent it like the key it belongs with"
        ).format(spaces=spaces, above=above_spaces, line=(above or 0) + 1),
    )


def _misindented(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    if mark is None or problem not in ("did not find expected key", "did not find expected '-' indicator"):
        return None
    line = lines.line(mark.line)
    if line[: mark.column].strip(" -"):
        return _after_closed_value(lines, mark)
    spaces = lines.indent(line)
    if problem.endswith("indicator") and context is not None and spaces == context.column:
        return Explained(
            mark.line + 1,
            spaces + 1,
            _(
                "this line is indented like the '- ' of the list entry on line {line}: start a new entry with "
                "'- ', or indent it {keys} spaces like the keys of that entry"
            ).format(line=context.line + 1, keys=context.column + 2),
        )
    levels = lines.levels_above(mark.line)
    if line[spaces : spaces + 2] == "- " and any(depth == spaces for depth, _above in levels):
        return Explained(
            mark.line + 1,
            spaces + 1,
            _(
                "a list entry ('- ...') among 'key: value' lines: give it a key, or indent the list under "
                "a key of its own"
            ),
        )
    levels = [(depth, above) for depth, above in levels if depth != spaces]
    listing = ", ".join(_("{spaces} (line {line})").format(spaces=depth, line=above + 1) for depth, above in levels)
    return Explained(
        mark.line + 1,
        spaces + 1,
        _(
            "this line's indentation ({spaces}) lines it up with no block above it (the lines above are "
            "indented {levels}): indent it like the key it belongs with"
        ).format(spaces=spaces, levels=listing),
    )


def _after_closed_value(lines: _Text, mark: Any) -> Explained | None:
    """Text right after a closing quote or bracket: `'it's'`, `"x"y`, `[a, b]c`."""
    line = lines.line(mark.line)
    before = line[: mark.column].rstrip()
    closer = before[-1:]
    rest = line[mark.column :].strip()
    if closer in ("'", '"'):
        opened = _opening_quote(lines, mark.line, len(before) - 1, closer)
        if opened is not None and opened[0] != mark.line:
            return _quote_never_closed(opened[0], opened[1], closer)
        return _at(
            mark,
            _(
                "text after the closing {quote} (found '{found}'): put the whole value in quotes; inside '...' "
                "write a single quote twice (''), or use \"...\""
            ).format(quote=closer, found=rest),
        )
    if closer in ("]", "}"):
        return _at(
            mark,
            _(
                "text after the closing '{bracket}' (found '{found}'): a value that starts with '[' or '{{' "
                "ends there; put text in quotes"
            ).format(bracket=closer, found=rest),
        )
    return None


def _opening_quote(lines: _Text, number: int, column: int, quote: str) -> tuple[int, int] | None:
    """Where the quoted value that closes at (`number`, `column`) was opened."""
    for line_number in range(number, max(-1, number - 50), -1):
        line = lines.line(line_number)
        end = column if line_number == number else len(line)
        position = line.rfind(quote, 0, end)
        while position > 0 and quote == '"' and line[position - 1] == "\\":
            position = line.rfind(quote, 0, position - 1)
        if position >= 0:
            return line_number, position
    return None


def _escape(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    if mark is None or not ("escape" in problem or "hexdecimal" in problem or "Unicode character" in problem):
        return None
    line = lines.line(mark.line)
    backslash = line.rfind("\\", 0, mark.column + 1)
    return Explained(
        mark.line + 1,
        (backslash if backslash >= 0 else mark.column) + 1,
        _(
            'a backslash inside "..." starts an escape sequence: put the value in single quotes instead '
            "('C:\\Users'), or write each backslash twice"
        ),
    )


def _bad_start(lines: _Text, problem: str, mark: Any, context: Any) -> Explained | None:
    if mark is None or "cannot start any token" not in problem:
        return None
    char = lines.line(mark.line)[mark.column : mark.column + 1]
    if not char.strip():
        return None
    return _at(
        mark,
        _("a value cannot start with '{char}' in YAML; put the value in quotes").format(char=char),
    )


# `topic: Workshop #2`: a plain value on the line of its key or list dash, then ' #' and a word.
_VALUE_THEN_HASH = re.compile(
    r"^\s*(?:-\s+)*(?:[^\s:#'\"\[{-][^:#]*?:\s+)?"
    r"(?P<value>[^\s'\"\[{|>#&*!](?:(?!:\s)[^#])*?)\s#(?P<comment>\S.*)$"
)
_BLOCK_SCALAR = re.compile(r"[:-]\s*[|>][-+0-9]*\s*(?:#.*)?$")


def hash_in_values(text: str, file: str) -> list[Diagnostic]:
    """Warnings for ` #` inside a plain value (`topic: Workshop #2`): YAML reads the rest of the
    line as a comment, so the value silently ends before it. A comment written `# like this`
    (a space after '#') is left alone, and so are quoted values and blocks after `|` or `>`."""
    if "#" not in text:  # '#' is rare, so this is as fast as memchr; ' #' would not be
        return []
    found: list[Diagnostic] = []
    lines: _Text | None = None
    number, counted = 0, 0
    for at in _hashes_after_a_space(text):
        number += text.count("\n", counted, at)
        counted = at
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start : end if end >= 0 else len(text)].rstrip("\r")
        match = _VALUE_THEN_HASH.match(line)
        if match is None or line.lstrip().startswith("#"):
            continue
        lines = lines or _Text(text)
        if _in_block_scalar(lines, number) or (found and found[-1].line == number + 1):
            continue
        value, comment = match.group("value").strip(), "#" + match.group("comment").strip()
        message = _(
            "'{comment}' is read as a comment, so the value ends before it (read '{value}'); put the whole "
            "value in quotes if '#' belongs to it, or write '# ' to start a comment"
        ).format(comment=comment[:40], value=value)
        found.append(Diagnostic(file, number + 1, match.start("comment"), message, severity="warning"))
    return found


def _hashes_after_a_space(text: str) -> Iterator[int]:
    """Where ' #' is followed by a word: the candidates, found at the speed of `str.find`."""
    at = text.find("#")
    while at >= 0:
        if text[at - 1 : at] in (" ", "\t") and text[at + 1 : at + 2].strip():
            yield at
        at = text.find("#", at + 1)


def _in_block_scalar(lines: _Text, number: int) -> bool:
    """Whether line `number` is inside a block of text started by `|` or `>` on a line above."""
    spaces = lines.indent(lines.line(number))
    above = lines.previous_content(number)
    while above is not None:
        line = lines.line(above)
        if lines.indent(line) < spaces:
            return _BLOCK_SCALAR.search(line) is not None
        above = lines.previous_content(above)
    return False
