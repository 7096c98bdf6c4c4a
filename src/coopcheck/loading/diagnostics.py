"""Diagnostics: what is wrong with an input file, and exactly where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coopcheck.escaping import printable
from coopcheck.i18n import _

DiagnosticSeverity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file: `file:line:column: field: message`.

    `line` and `column` are 1-based. `field` is the dotted path inside the document
    (`activities[3].hours`), empty where the problem is the file itself.
    """

    file: str
    line: int
    column: int
    message: str
    field: str = ""
    severity: DiagnosticSeverity = "error"

    def __str__(self) -> str:
        """One line; found values in the message are shown with control characters escaped."""
        where = f"{printable(self.file)}:{self.line}:{self.column}"
        prefix = _("warning: ") if self.severity == "warning" else ""
        if self.field:
            return f"{where}: {prefix}{printable(self.field)}: {printable(self.message)}"
        return f"{where}: {prefix}{printable(self.message)}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.message)


class InputError(Exception):
    """Raised by a reader when a file cannot be read at all; carries its diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


def format_path(path: tuple[str | int, ...]) -> str:
    """('activities', 3, 'hours') -> 'activities[3].hours'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
