"""The `--lang` option shared by the commands that print words: flag, then config, then the locale."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer


class Language(str, Enum):
    en = "en"
    de = "de"


Lang = Annotated[
    Optional[Language],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
    typer.Option("--lang", help="Language of the output: en or de (default: config, then the locale)."),
]


def use_language(lang: Language | str | None, configured: str | None = None) -> str:
    """Switch the message catalogue to `lang`, else `configured`, else the locale; return the code."""
    from coopcheck.i18n import LANGUAGES, language_from_environment, set_language

    chosen = lang.value if isinstance(lang, Language) else lang
    if not chosen and configured in LANGUAGES:
        chosen = configured
    code = chosen or language_from_environment()
    set_language(code)
    return code
