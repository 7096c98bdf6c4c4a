"""The Jinja2 environment of the Markdown and HTML reports: templates, filters and `_()`.

Templates call `_("English text with {name}", name=value)`: the text is looked up in the
message catalogue (Babel extracts these calls, see docs/translations.md) and then formatted.
Filters format numbers, money and months for the current language (see `localize`); `md` and
`code` make text from the input inert in Markdown (see `markup`).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import Any

from coopcheck.i18n import _, current_language, ngettext, set_language
from coopcheck.rendering import localize
from coopcheck.rendering.markup import code, markdown


def translate(message: str, **params: Any) -> str:
    """`_()` for templates: translate, then fill in the parameters."""
    translated = _(message)
    return translated.format(**params) if params else translated


def translate_plural(singular: str, plural: str, count: int, **params: Any) -> str:
    """`ngettext()` for templates: the form for `count`, filled in with `count` and the parameters."""
    return ngettext(singular, plural, count).format(count=count, **params)


# The filters that turn an id into its translated label, and the table each reads.
LABELS = {
    "diagnosis": localize.DIAGNOSES,
    "band": localize.BANDS,
    "risk": localize.RISK_LEVELS,
    "severity": localize.SEVERITIES,
    "section": localize.SECTIONS,
    "target": localize.TARGETS,
    "kind": localize.KINDS,
}


@functools.cache
def environment(markup: str) -> Any:
    """The environment for `markup` ("html" escapes every value, "markdown" does not)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("coopcheck.rendering", "templates"),
        autoescape=markup == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["_"] = translate
    env.globals["ngettext"] = translate_plural
    env.filters.update(
        money=localize.money,
        number=localize.number,
        score=localize.score,
        health=localize.health,
        evidence=localize.evidence,
        basis=localize.factor_basis,
        short_month=localize.short_month,
        months=localize.months,
        client=localize.for_client,
        file_keys=localize.file_keys,
        capitalize_first=lambda value: str(value)[:1].upper() + str(value)[1:],
        share=localize.share,
        index=localize.index,
        date=localize.date,
        month=localize.month,
        message=localize.message,
        remediation=localize.remediation,
        text=localize.text,
        summary=localize.diagnosis_summary,
        md=markdown,
        code=code,
    )
    env.filters.update({name: functools.partial(localize.label, table) for name, table in LABELS.items()})
    return env


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Speak `lang` inside the block; the previous language is restored afterwards."""
    previous = current_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


def render(template: str, markup: str, lang: str, **context: Any) -> str:
    """Render `template` in `lang` (templates see the language code as `lang`)."""
    with language(lang):
        return str(environment(markup).get_template(template).render(lang=lang, **context))
