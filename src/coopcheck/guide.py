"""The guide behind `coopcheck explain`: the influence/outcome idea, and each factor in its own words.

A topic's text is the docstring of the module that computes it (an influence factor from the
registry, or a section of the assessment), so the guide and the code cannot drift apart. Each
paragraph of a docstring is one entry of the message catalogue and is shown translated.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, cast

from coopcheck.i18n import N_, _
from coopcheck.spelling import closest

if TYPE_CHECKING:
    from coopcheck.assessment.parameters import ScoringParameters

INTRO = (
    N_(
        "coopcheck judges a partnership by two kinds of factor. Outcome factors (lagging) show whether it "
        "paid off: joint campaigns launched, projects won, revenue achieved. Once they fail to happen they "
        "can no longer be changed."
    ),
    N_(
        "Influence factors (leading) are the conditions that make outcomes possible, and they can be "
        "adjusted before and during the partnership: anchoring at the executive and the working levels, "
        "keeping in step, a shared willingness to invest, and the commitment to shape these factors."
    ),
    N_(
        "Strong influence with outcomes still to come is a partnership that is building; outcomes without "
        "influence do not last; neither is an empty partnership. Watch the influence factors, and you see "
        "trouble months before the outcomes show it, for example a one-way street, where one partner gives "
        "and the other only takes."
    ),
)

# Sections of the assessment that are explained like factors, by the module that computes them
# (their titles are `rendering.localize.ASSESSMENT_SECTIONS`, the words the reports use).
SECTIONS: dict[str, str] = {
    "outcome": "coopcheck.assessment.outcomes",
    "reciprocity": "coopcheck.assessment.reciprocity",
    "empty_contacts": "coopcheck.assessment.empty_contacts",
    "diagnosis": "coopcheck.assessment.diagnosis",
    "health": "coopcheck.assessment.health",
    "readiness": "coopcheck.assessment.readiness",
    "perception": "coopcheck.assessment.perception",
}
# The part of the scoring parameters whose values a section's text quotes.
SECTION_PARAMETERS = {"reciprocity": "reciprocity", "health": "health"}
ALIASES = {
    "one_way": "reciprocity",
    "one_way_street": "reciprocity",
    "empty": "empty_contacts",
    "outcomes": "outcome",
    "perception_gap": "perception",
    "influence": "health",
}


@dataclass(frozen=True)
class Topic:
    id: str
    title: str  # English; shown through _()
    influence: bool
    module: ModuleType

    @property
    def paragraphs(self) -> list[str]:
        return paragraphs(self.module.__doc__ or "")

    def values(self, params: ScoringParameters | None = None) -> dict[str, object]:
        """The parameters in force that the text quotes (`{window_months}` in a factor's docstring)."""
        from coopcheck.assessment.parameters import ScoringParameters

        params = params or ScoringParameters()
        if self.influence:
            return dict(params.factor(self.id))
        section = SECTION_PARAMETERS.get(self.id)
        return dict(getattr(params, section)) if section else {}

    def text(self, params: ScoringParameters | None = None) -> list[str]:
        """The paragraphs, translated, with the numbers of `params` (default: the documented defaults)."""
        values = self.values(params)
        return [filled(paragraph, values) for paragraph in self.paragraphs]


class _Quoted(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Localized:
    """A group of parameters (`{one_way.threshold:g}`) whose numbers read as the reader expects them."""

    def __init__(self, group: object) -> None:
        self._group = group

    def __getattr__(self, name: str) -> object:
        from pydantic import BaseModel

        from coopcheck.rendering.localize import localized_params

        value = getattr(self._group, name)
        return _Localized(value) if isinstance(value, BaseModel) else localized_params({name: value})[name]


def filled(paragraph: str, values: dict[str, object]) -> str:
    """A paragraph in the reader's language with the parameters written in, its lines filled again."""
    from pydantic import BaseModel

    from coopcheck.rendering.localize import BANDS, label, localized_params

    words = {key: label(BANDS, value) if key.endswith("_cap") and isinstance(value, str) else value
             for key, value in values.items()}  # fmt: skip
    local = {key: _Localized(value) if isinstance(value, BaseModel) else value
             for key, value in localized_params(words).items()}  # fmt: skip
    return reflow(_(paragraph).format_map(_Quoted(local)))


def reflow(paragraph: str, width: int = 100) -> str:
    """Prose and list items filled to `width`; indented formulas kept as written."""
    import re
    import textwrap

    if any(line.startswith("    ") for line in paragraph.splitlines()):
        return paragraph
    items = re.split(r"\n(?=- )", paragraph)
    return "\n".join(
        textwrap.fill(" ".join(re.split(r"[ \t\n]+", item.strip())), width=width,
                      subsequent_indent="  " if item.startswith("- ") else "")  # a no-break space stays
        for item in items
    )


class UnknownTopic(LookupError):
    def __init__(self, name: str, suggestion: str | None) -> None:
        super().__init__(name)
        self.name = name
        self.suggestion = suggestion


def paragraphs(doc: str) -> list[str]:
    """A docstring cut at blank lines; each paragraph is one catalogue entry."""
    return [part.strip("\n") for part in inspect.cleandoc(doc).split("\n\n") if part.strip()]


def topics() -> list[Topic]:
    """Influence factors first, in report order, then the other sections of the assessment."""
    from coopcheck.factors import FACTORS
    from coopcheck.rendering.localize import ASSESSMENT_SECTIONS

    found = [Topic(f.ID, f.TITLE, True, cast(ModuleType, f)) for f in FACTORS]
    for topic_id, module in SECTIONS.items():
        found.append(Topic(topic_id, ASSESSMENT_SECTIONS[topic_id], False, importlib.import_module(module)))
    return found


def _key(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def _titles(topic: Topic) -> set[str]:
    """The topic's title in every language coopcheck speaks (`Keeping in step`, `Gleichtakt`), as keys."""
    from coopcheck.i18n import LANGUAGES, translations

    return {_key(translations(lang).gettext(topic.title)) for lang in LANGUAGES}


def lookup(name: str) -> Topic:
    """The topic called `name`: its id or its title in English or German (`keeping-in-step`,
    `Keeping in step`, `keeping_in_step` and `Gleichtakt` all work)."""
    key = _key(name)
    key = ALIASES.get(key, key)
    known = topics()
    for topic in known:
        if key == topic.id or key in _titles(topic):
            return topic
    by_title = {title: topic.id for topic in known for title in _titles(topic)}
    choices = [topic.id for topic in known] + list(ALIASES) + list(by_title)
    match = closest(key, choices)
    suggestion = by_title.get(match, ALIASES.get(match, match)) if match else None
    raise UnknownTopic(name, suggestion)


def summary(topic: Topic) -> str:
    """The first sentence of the topic's text after its title, translated."""
    first = topic.text()[0] if topic.paragraphs else ""
    return first.split(":", 1)[1].strip() if ":" in first else first
