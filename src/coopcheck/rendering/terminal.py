"""The rich console every terminal renderer draws on: recorded into a string, never printed."""

from __future__ import annotations

import io

from rich.console import Console


def console(color: bool, width: int) -> Console:
    """A console that writes into memory; ANSI colours only when `color` is set."""
    return Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )


def text_of(drawn: Console) -> str:
    """What was drawn on `drawn`, without the padding rich leaves at the end of lines."""
    output = drawn.file
    assert isinstance(output, io.StringIO)
    return "".join(line.rstrip() + "\n" for line in output.getvalue().splitlines())
