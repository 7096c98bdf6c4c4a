"""The partnership format as pydantic models: what a user may write, and nothing more.

Every field carries a description; `coopcheck schema` turns these models into the JSON Schema that
editors use to complete and check partnership files. Values arrive from the loader as text, so
the models decide every type: `no` stays the string "no", `0755` becomes 755 only in a number
field. Rules that span several fields or files live in `coopcheck.loading.rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Literal, NamedTuple, overload

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, RootModel, field_validator

from coopcheck.currencies import is_currency
from coopcheck.i18n import _
from coopcheck.notation import plain_number, thousands_grouped
from coopcheck.spelling import closest

FORMAT_VERSION = 1


class Kind(str, Enum):
    """Kind of partnership; selects the weight profile used for the health score."""

    joint_market = "joint_market"
    development = "development"
    trusted_advisory = "trusted_advisory"
    other = "other"


class Level(str, Enum):
    """Level of an exchange: executive (sponsors) or working (day-to-day contacts)."""

    executive = "executive"
    working = "working"


class Attribution(str, Enum):
    """Whether the partner sourced an outcome or influenced it."""

    sourced = "sourced"
    influenced = "influenced"


class ActivityType(str, Enum):
    """What happened; the type decides which factor an activity feeds (see docs/format.md)."""

    meeting = "meeting"
    call = "call"
    workshop = "workshop"
    event = "event"
    message = "message"
    referral = "referral"
    lead = "lead"
    introduction = "introduction"
    enablement = "enablement"
    support = "support"
    content = "content"
    request = "request"
    delivery = "delivery"
    investment = "investment"
    cost_share = "cost_share"
    review = "review"
    joint_campaign = "joint_campaign"
    project_won = "project_won"
    revenue = "revenue"


CONTACT_TYPES = frozenset(
    {ActivityType.meeting, ActivityType.call, ActivityType.workshop, ActivityType.event, ActivityType.message}
)
CONTRIBUTION_TYPES = frozenset(
    {
        ActivityType.referral,
        ActivityType.lead,
        ActivityType.introduction,
        ActivityType.enablement,
        ActivityType.support,
        ActivityType.content,
    }
)
STEP_TYPES = frozenset({ActivityType.request, ActivityType.delivery})
INVESTMENT_TYPES = frozenset({ActivityType.investment, ActivityType.cost_share})
OUTCOME_TYPES = frozenset({ActivityType.joint_campaign, ActivityType.project_won, ActivityType.revenue})




def _not_thousands_grouped(value: object) -> object:
    """Refuse `400.000`: YAML would read 400 where a German writer meant four hundred thousand."""
    if isinstance(value, str) and thousands_grouped(value):
        number = plain_number(value)
        if "," in value:
            message = _("written with a thousands separator and a decimal comma (found '{found}'); write {number}")
        elif value.count(".") > 1:
            message = _("written with thousands separators (found '{found}'); write {number}")
        else:
            message = _(
                "written with a thousands separator (found '{found}', which would be read as {read}); "
                "write {number}, without separator"
            )
        read = f"{float(value):g}" if value.count(".") == 1 and "," not in value else ""
        raise ValueError(message.format(found=value, read=read, number=number))
    return value


# Documented ranges (docs/format.md, docs/robustness.md): every amount stays far from where float
# and decimal arithmetic lose precision or overflow, so every sum and ratio after loading is finite.
# Large enough for currencies with small units (KRW, VND, IDR), small enough that a sum over any
# log stays far below where float and decimal formatting overflow (about 1e26).
MAX_MONEY = 1_000_000_000_000_000  # one quadrillion in the partnership's currency, per amount or target
MAX_HOURLY_RATE = 10_000_000
MAX_HOURS = 10_000
MAX_PERCENT = 100
# Every date of the input and `--as-of`: far enough from the calendar's ends that a month or a
# review period added to any of them stays a date, and a monthly trend stays a few thousand months.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2099, 12, 31)
# Money, hours and targets: numbers only as the format writes them (see coopcheck.notation); a
# percentage may well have three decimals (33.333), so it is left alone.
Money = Annotated[float, Field(ge=0, le=MAX_MONEY, allow_inf_nan=False), BeforeValidator(_not_thousands_grouped)]
Rate = Annotated[float, Field(ge=0, le=MAX_HOURLY_RATE, allow_inf_nan=False), BeforeValidator(_not_thousands_grouped)]
Percent = Annotated[float, Field(ge=0, le=MAX_PERCENT, allow_inf_nan=False)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Key = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", min_length=1, max_length=64)]
Rating = Annotated[int, Field(ge=1, le=5)]
_DOMAIN = re.compile(r"([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")


def _domain(text: str) -> str:
    if len(text) > 253 or not _DOMAIN.fullmatch(text):
        raise ValueError(
            _("not an e-mail domain (found '{found}'; expected the part after the @, e.g. contoso.com)").format(
                found=text
            )
        )
    return text.lower()


Domain = Annotated[
    str, AfterValidator(_domain), Field(max_length=253, json_schema_extra={"pattern": "^" + _DOMAIN.pattern + "$"})
]


class Strict(BaseModel):
    """Base for every input model: unknown keys are errors, nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Partner(Strict):
    """One partner: who they are, who anchors the partnership on their side, what an hour costs."""

    name: Name = Field(description="The partner's legal or trading name.")
    sponsor: Name | None = Field(
        default=None, description="Executive-level anchor: the person at the top who owns the partnership."
    )
    contacts: list[Name] = Field(
        default_factory=list, description="Working-level anchors: the people who do the day-to-day work."
    )
    hourly_rate: Rate | None = Field(
        default=None, description="Cost of one hour of this partner's effort, in the partnership's currency."
    )
    domains: list[Domain] = Field(
        default_factory=list,
        description="E-mail domains of this partner's people (e.g. contoso.com); `coopcheck import calendar` "
        "uses them to tell the sides apart.",
    )


class OutcomeTarget(Strict):
    """An agreed outcome target and the date it is due."""

    target: Money = Field(description="What the partners agreed to reach (a count, or money for revenue).")
    by: dt.date | None = Field(
        default=None, description="Date the target is due; progress is judged pro rata from `started` to here."
    )


class OutcomeTargets(Strict):
    """Outcome (lagging) factors the partners agreed up front."""

    joint_campaigns: OutcomeTarget | None = Field(default=None, description="Joint campaigns to launch.")
    projects_won: OutcomeTarget | None = Field(default=None, description="Projects to win together.")
    revenue: OutcomeTarget | None = Field(
        default=None, description="Partner-induced revenue, in the partnership's currency."
    )


class InfluenceAgreements(Strict):
    """Influence (leading) factors the partners agreed up front."""

    cost_split: dict[Key, Percent] | None = Field(
        default=None,
        description="Agreed share of the investment per partner, in percent; covers each partner once, sums to 100.",
    )
    response_days: Annotated[int, Field(ge=1, le=365)] | None = Field(
        default=None, description="Agreed turnaround for requests, in days."
    )


class SuccessFactors(Strict):
    """What the partners agreed up front, and will be measured against."""

    outcomes: OutcomeTargets = Field(
        default_factory=OutcomeTargets, description="Outcome (lagging) factors: targets agreed up front."
    )
    influence: InfluenceAgreements = Field(
        default_factory=InfluenceAgreements, description="Influence (leading) factors agreed up front."
    )


class Activity(Strict):
    """One dated entry of the activity log: who gave what to whom."""

    id: Key | None = Field(default=None, description="Identifier, unique across the file and its logs.")
    date: dt.date = Field(description="Day the activity happened.")
    from_: Key = Field(alias="from", description="Partner key of the side that gave or initiated.")
    to: Key = Field(description="Partner key of the receiving side.")
    type: ActivityType = Field(description="What happened; decides which factor the activity feeds.")
    level: Level | None = Field(default=None, description="executive or working level.")
    people: list[Name] = Field(default_factory=list, description="People involved.")
    topic: Annotated[str, Field(max_length=500)] | None = Field(
        default=None, description="Substance of the activity; a contact without one counts as empty."
    )
    hours: Annotated[
        float, Field(ge=0, le=MAX_HOURS, allow_inf_nan=False), BeforeValidator(_not_thousands_grouped)
    ] | None = Field(
        default=None, description="Effort spent by the giving side, in hours."
    )
    travel_cost: Money | None = Field(default=None, description="Travel cost of the giving side.")
    value: Money | None = Field(default=None, description="Money: revenue, deal value or investment.")
    attribution: Attribution | None = Field(
        default=None, description="For revenue and won projects: sourced or influenced by the partner."
    )
    responds_to: Key | None = Field(default=None, description="`id` of the request this activity answers.")
    due: dt.date | None = Field(default=None, description="Due date of a request or commitment.")
    actions: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(
        default_factory=list, description="Follow-up actions agreed in a review."
    )
    note: str | None = Field(default=None, description="Free text; never scored.")


def _known_factor(factor: str) -> str:
    from coopcheck.factors import BY_ID  # the registry; imported late, as models come first

    if factor not in BY_ID:
        known = list(BY_ID)
        close = closest(factor, known)
        hint = _("; did you mean '{name}'?").format(name=close) if close else ""
        raise ValueError(
            _("unknown influence factor '{found}' (expected one of {known}){hint}").format(
                found=factor, known=", ".join(known), hint=hint
            )
        )
    return factor


FactorId = Annotated[str, AfterValidator(_known_factor)]


class SurveyRatings(RootModel[dict[FactorId, Rating]]):
    """Ratings from 1 (poor) to 5 (excellent), one per influence factor, by factor id; a factor may be left out.
    The factor ids are those of the factor registry (`coopcheck.factors`)."""

    model_config = ConfigDict(frozen=True)

    def given(self) -> dict[str, int]:
        """The factors rated, by id."""
        return dict(self.root)


class Survey(Strict):
    """One side's ratings of the influence factors on a given day."""

    date: dt.date = Field(description="Day of the survey.")
    by: Key = Field(description="Partner key of the side that answered.")
    ratings: SurveyRatings = Field(description="Rating 1 (poor) to 5 (excellent) per influence factor.")


class Partnership(Strict):
    """A partnership file: the partners, what they agreed, and what happened between them."""

    model_config = ConfigDict(title="coopcheck partnership file")

    coopcheck: Literal[1] = Field(description="Format version; must be 1.")
    id: Key = Field(description="Short identifier used in reports and CI output.")
    name: Name = Field(description="Display name of the partnership.")
    kind: Kind = Field(default=Kind.other, description="Kind of partnership; selects the weight profile.")
    started: dt.date = Field(description="Day the partnership started.")
    currency: str = Field(default="EUR", description="ISO 4217 code that money and rates are given in.")
    review_every_days: Annotated[int, Field(ge=1, le=366)] | None = Field(
        default=None, description="Agreed review rhythm, in days."
    )
    partners: dict[Key, Partner] = Field(
        min_length=2, max_length=2, description="The two partners, by key (the key is used in `from`, `to`, `by`)."
    )
    success_factors: SuccessFactors = Field(
        default_factory=SuccessFactors, description="Success factors the partners agreed up front."
    )
    activities: list[Activity] = Field(default_factory=list, description="Inline activity log.")
    logs: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description="More activity logs (YAML or CSV), paths relative to this file.",
    )
    surveys: list[Survey] = Field(default_factory=list, description="Each side's ratings of the influence factors.")

    @field_validator("coopcheck", mode="before")
    @classmethod
    def _format_version(cls, version: object) -> object:
        if str(version).strip() != str(FORMAT_VERSION):
            raise ValueError(
                _("unsupported format version (found '{found}'; this coopcheck reads format {supported})").format(
                    found=version, supported=FORMAT_VERSION
                )
            )
        return FORMAT_VERSION

    @field_validator("currency")
    @classmethod
    def _iso_currency(cls, code: str) -> str:
        if not is_currency(code):
            raise ValueError(
                _("not a currency in use (found '{found}'; expected an ISO 4217 code such as EUR, USD, CHF)").format(
                    found=code
                )
            )
        return code


class ActivityLog(Strict):
    """A separate YAML log file in its mapping form."""

    activities: list[Activity] = Field(default_factory=list, description="The activities.")


class Origin(NamedTuple):
    """Where something was written: `file:line:column`, 1-based."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Origins(Sequence[Origin]):
    """Where each activity of a log was written, held compactly: each file once, and per activity
    its file's number, line and column (about 12 bytes, where an `Origin` costs about 100). An
    `Origin` is made when one is read."""

    __slots__ = ("_columns", "_file_of", "_files", "_lines")

    def __init__(self, file: str = "", places: Iterable[tuple[int, int]] = ()) -> None:
        self._files: list[str] = [file]
        self._file_of: array[int] = array("H")
        self._lines: array[int] = array("L")
        self._columns: array[int] = array("L")
        self.extend(places)

    def extend(self, places: Iterable[tuple[int, int]]) -> None:
        """Add activities of this object's (first) file, by (line, column)."""
        before = len(self._lines)
        for line, column in places:
            self._lines.append(line)
            self._columns.append(column)
        self._file_of.extend(array("H", bytes(2 * (len(self._lines) - before))))

    @classmethod
    def joined(cls, parts: Iterable[Origins]) -> Origins:
        """The origins of `parts`, one after the other."""
        joined = cls()
        joined._files = []
        for part in parts:
            offset = len(joined._files)
            joined._files.extend(part._files)
            joined._file_of.extend(part._file_of if not offset else array("H", (offset + i for i in part._file_of)))
            joined._lines.extend(part._lines)
            joined._columns.extend(part._columns)
        return joined

    def reordered(self, order: Sequence[int]) -> Origins:
        """The origins in the order `order` gives (indices into these)."""
        reordered = Origins()
        reordered._files = self._files
        reordered._file_of = array("H", map(self._file_of.__getitem__, order))
        reordered._lines = array("L", map(self._lines.__getitem__, order))
        reordered._columns = array("L", map(self._columns.__getitem__, order))
        return reordered

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Origin: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Origin]: ...

    def __getitem__(self, index: int | slice) -> Origin | Sequence[Origin]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Origin(self._files[self._file_of[index]], self._lines[index], self._columns[index])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Origins({list(self)!r})"


@dataclass(frozen=True)
class LoadedPartnership:
    """A validated partnership with the activities of its file and all its logs, oldest first.

    `origins[i]` says where `activities[i]` was written, so findings can cite `file:line`.
    """

    definition: Partnership
    activities: tuple[Activity, ...]
    origins: Sequence[Origin]
    file: str
    survey_origins: tuple[Origin, ...] = field(default=())
    # Where the keys of the definition's upper levels were written, e.g. ("partners", "acme").
    places: dict[tuple[str, ...], Origin] = field(default_factory=dict)
