"""`coopcheck explain [FACTOR]`: the guide to the factors, from the modules that compute them."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from coopcheck.cli.app import EXIT_OK, app, emit, fail
from coopcheck.cli.language import Lang
from coopcheck.cli.options import speak


@app.command()
def explain(
    factor: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
        typer.Argument(
            help="A factor or section, e.g. keeping_in_step or reciprocity; none for the overview.",
            show_default=False,
            metavar="FACTOR",
        ),
    ] = None,
    lang: Lang = None,
) -> None:
    """Explain the influence/outcome idea, or what one factor means, how it is measured and its levers."""
    from coopcheck import guide
    from coopcheck.escaping import printable
    from coopcheck.i18n import _

    speak(lang)
    if factor is None:
        emit(overview())
        raise typer.Exit(EXIT_OK)
    try:
        topic = guide.lookup(factor)
    except guide.UnknownTopic as unknown:
        hint = _("; did you mean '{name}'?").format(name=unknown.suggestion) if unknown.suggestion else "."
        fail(
            _("unknown factor (found '{found}'){hint} Run `coopcheck explain` for the list.").format(
                found=printable(unknown.name), hint=hint
            )
        )
    from coopcheck.cli.app import load_settings

    body = "\n\n".join(topic.text(load_settings().config.scoring()))
    kind = _("influence factor") if topic.influence else _("assessment section")
    emit(f"{_(topic.title)} ({topic.id}, {kind})\n\n{body}\n")


def overview() -> str:
    import textwrap

    from coopcheck import guide
    from coopcheck.i18n import _

    topics = guide.topics()
    width = max(len(topic.id) for topic in topics)
    lines = [textwrap.fill(_(paragraph), width=100) for paragraph in guide.INTRO]
    lines.append(_("Influence factors (leading):"))
    lines.append("\n".join(f"  {t.id:<{width}}  {guide.summary(t)}" for t in topics if t.influence))
    lines.append(_("Scores and sections of the assessment:"))
    lines.append("\n".join(f"  {t.id:<{width}}  {guide.summary(t)}" for t in topics if not t.influence))
    lines.append(_("Run `coopcheck explain FACTOR` for what a factor means, how it is measured and its levers."))
    return "\n\n".join(lines) + "\n"
