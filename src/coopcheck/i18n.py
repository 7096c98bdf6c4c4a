"""Languages: every human-readable text goes through `_()` and is looked up in a gettext catalogue.

English is the source language (the msgids); German lives in `locale/de/LC_MESSAGES/coopcheck.po`,
compiled to the `.mo` beside it (`python tools/i18n.py compile`; a test keeps it current).
`N_()` marks a template for extraction without translating it yet (finding templates are
translated when rendered, with their parameters). `ngettext()` picks the singular or plural
form of a message for a count ("1 day", "2 days"; "1 Tag", "2 Tage").
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

LANGUAGES = ("en", "de")
DOMAIN = "coopcheck"
LOCALE_DIR = Path(__file__).parent / "locale"

_current: gettext.NullTranslations = gettext.NullTranslations()
_current_lang = "en"


def N_(message: str) -> str:
    """Mark `message` for the catalogue; translated later, where it is shown."""
    return message


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message for `count`, as the current language forms it."""
    return _current.ngettext(singular, plural, count)


def current_language() -> str:
    return _current_lang


def language_from_environment() -> str:
    """The language the locale asks for (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), if we have it."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def translations(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.exists():
        return gettext.NullTranslations()
    with mo.open("rb") as fh:
        return gettext.GNUTranslations(fh)


def set_language(lang: str) -> None:
    global _current, _current_lang
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    _current = translations(lang)
    _current_lang = lang
