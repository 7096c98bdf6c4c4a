"""The receiver's silence in one-way-street detection (docs/scoring.md, "One-way street", rules 4 and 5, and `since`).

Each partnership is built by hand: Northwind (A) keeps giving, Contoso (B) gives in a rhythm and
then stops or pauses. The rules are read off the verdict a consultant would see.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from builders import A, B, act, partnership
from coopcheck.assessment.engine import assess
from coopcheck.assessment.model import OneWay


def gives(side: str, months: list[tuple[int, int]], per_month: int, kind: str = "referral") -> list[dict[str, Any]]:
    """`per_month` contributions of `side` in each (year, month), two hours each."""
    other = B if side == A else A
    return [
        act(dt.date(year, month, 2 + 3 * i), side, other, kind, topic=f"{kind} {year}-{month}-{i}", hours=2)
        for year, month in months
        for i in range(per_month)
    ]


def months(first: int, last: int, year: int = 2026) -> list[tuple[int, int]]:
    return [(year, month) for month in range(first, last + 1)]


def one_way(activities: list[dict[str, Any]], as_of: dt.date) -> OneWay:
    return assess(partnership(activities), as_of).reciprocity.one_way


def test_a_token_in_a_thin_month_does_not_move_since() -> None:
    """Contoso stops in May and hands over a small pointer in June; Northwind is thin in May and June
    too. The pointer (EUR 250 against Contoso's usual EUR 2,400 a month) is a token: June counts as
    silent, and the pointer as 250 / 600 of a return, which does not end the run. So July tells,
    and the street runs from May."""
    thin = [(2026, 5), (2026, 6)]
    northwind = gives(A, [m for m in months(1, 10) if m not in thin], 4) + gives(A, thin, 1)
    token = [act(dt.date(2026, 6, 20), B, A, "introduction", topic="A quick pointer", hours=0.5)]
    log = northwind + gives(B, months(1, 4), 4) + token
    for as_of in (dt.date(2026, 7, 31), dt.date(2026, 10, 31)):
        street = one_way(log, as_of)
        assert (street.detected, street.giver, street.since) == (True, A, "2026-05"), as_of


def test_a_pause_no_longer_than_an_earlier_one_is_not_a_silence() -> None:
    """Contoso paused for March and April before; a pause of September and October is no longer.
    A third month is."""
    contoso = gives(B, months(1, 2) + months(5, 7), 6) + gives(B, [(2026, 8)], 2)
    log = gives(A, months(1, 12), 3) + contoso
    assert not one_way(log, dt.date(2026, 10, 31)).detected
    street = one_way(log, dt.date(2026, 11, 30))
    assert (street.detected, street.since, street.months) == (True, "2026-09", 3)


def test_a_partner_that_gives_every_quarter_is_not_silent_after_two_months() -> None:
    """Contoso hands over nine items at the start of each quarter and nothing in between. Two quiet
    months are its rhythm; missing January's delivery makes three, longer than any pause before, but a
    side that gives in bursts misses a quarter's worth more easily than a steady one: by its spread
    (variance over mean 5.4) three months without a gift have a chance of 1.6%, above e^-5 (0.67%).
    A fourth month, 0.4%, is a verdict."""
    quarterly = gives(B, [(2026, 1), (2026, 4), (2026, 7), (2026, 10)], 9)
    steady = gives(A, [*months(1, 12), (2027, 1), (2027, 2)], 3)
    assert not one_way(steady + quarterly, dt.date(2026, 12, 31)).detected
    assert not one_way(steady + quarterly, dt.date(2027, 1, 31)).detected
    street = one_way(steady + quarterly, dt.date(2027, 2, 28))
    assert (street.detected, street.giver, street.since) == (True, A, "2026-11")


def test_a_side_that_gives_one_item_a_month_needs_five_silent_months() -> None:
    """One gift a month, every month, before the silence: four silent months without a gift have a
    chance of e^-4, five of e^-5."""
    log = gives(A, months(1, 12), 3) + gives(B, months(1, 4), 1)
    four = one_way(log, dt.date(2026, 8, 31))
    assert not four.detected and four.reason  # gated: one side gives alone, too little yet for a verdict
    street = one_way(log, dt.date(2026, 9, 30))
    assert (street.detected, street.giver, street.since, street.months) == (True, A, "2026-05", 5)


def test_a_pointer_a_month_is_weaker_evidence_than_nothing() -> None:
    """Contoso usually hands over four items a month; from May it hands over one bare introduction a
    month (each a token: silent). Two such months hold two gifts where eight were usual, a chance of
    41 e^-8 (1.4%): no verdict yet, where two months with nothing would be one. Three months (three
    gifts where twelve were usual, 0.23%) are."""
    pointers = [act(dt.date(2026, month, 20), B, A, "introduction", topic=f"Pointer {month}") for month in (5, 6, 7)]
    log = gives(A, months(1, 8), 3) + gives(B, months(1, 4), 4) + pointers
    assert not one_way(log, dt.date(2026, 6, 30)).detected
    street = one_way(log, dt.date(2026, 7, 31))
    assert (street.detected, street.since, street.months) == (True, "2026-05", 3)


def test_a_single_gift_well_below_the_usual_one_is_a_token() -> None:
    """Contoso stops in May and hands over one introduction with two hours in June (EUR 400). That is
    more than 15% of its usual month (EUR 2,400) and more than 12% of June's value, but less than 70%
    of its typical gift (EUR 600): June is silent, and the street is told at the end of June."""
    token = [act(dt.date(2026, 6, 20), B, A, "introduction", topic="An introduction", hours=2)]
    log = gives(A, months(1, 8), 4) + gives(B, months(1, 4), 4) + token
    street = one_way(log, dt.date(2026, 6, 30))
    assert (street.detected, street.giver, street.since) == (True, A, "2026-05")


def test_a_thin_month_before_the_first_empty_one_is_not_since() -> None:
    """Contoso's last gift, in May, is a bare introduction: May is already silent, but the street
    began in June, the first month in which Contoso gave nothing at all."""
    thin = [act(dt.date(2026, 5, 20), B, A, "introduction", topic="A last pointer")]
    log = gives(A, months(1, 8), 3) + gives(B, months(1, 4), 4) + thin
    street = one_way(log, dt.date(2026, 7, 31))
    assert (street.detected, street.since, street.months) == (True, "2026-06", 2)


def test_a_month_of_several_small_gifts_inside_the_silence_is_not_yet_the_street() -> None:
    """Contoso usually hands over three referrals a month. It gives nothing in April, two bare
    introductions in May (while Northwind hands over five items: May is silent, a token against the
    month's value), then nothing. The street began in June, the first month without any gift after
    the last one in which Contoso still gave several; April was a pause."""
    pointers = [act(dt.date(2026, 5, day), B, A, "introduction", topic=f"Pointer {day}") for day in (12, 22)]
    log = gives(A, [*months(1, 4), *months(6, 8)], 3) + gives(A, [(2026, 5)], 5) + gives(B, months(1, 3), 3) + pointers
    assert not one_way(log, dt.date(2026, 5, 31)).detected
    street = one_way(log, dt.date(2026, 7, 31))
    assert (street.detected, street.giver, street.since) == (True, A, "2026-06")


def test_a_side_that_gives_four_items_a_month_is_silent_after_two_months() -> None:
    log = gives(A, months(1, 8), 3) + gives(B, months(1, 6), 4)
    assert not one_way(log, dt.date(2026, 7, 31)).detected  # one month is a pause
    street = one_way(log, dt.date(2026, 8, 31))
    assert (street.detected, street.since, street.months) == (True, "2026-07", 2)


def test_a_receiver_that_never_gave_is_a_street_from_the_first_month() -> None:
    log = gives(A, months(1, 6), 3)
    assert not one_way(log, dt.date(2026, 4, 30)).detected  # four months on record are no history yet
    street = one_way(log, dt.date(2026, 5, 31))
    assert (street.detected, street.giver, street.since) == (True, A, "2026-01")


def test_a_giver_that_hands_over_every_quarter_has_not_stopped() -> None:
    """Northwind carries the partnership from May and switches to quarterly deliveries in July:
    two months without giving are its rhythm, not the end of the street. A quarter without any
    giving is."""
    northwind = gives(A, months(1, 7), 3) + gives(A, [(2026, 10)], 6)
    log = northwind + gives(B, months(1, 4), 4)
    for month in range(6, 11):
        street = one_way(log, dt.date(2026, month, 28))
        assert (street.detected, street.since) == (True, "2026-05"), month
    ended = one_way(log, dt.date(2027, 1, 31))  # November to January: nothing from either side
    assert not ended.detected
    assert [(s.since, s.until, s.ended) for s in ended.history] == [("2026-05", "2026-10", "stopped")]


def test_a_street_that_healed_stays_history_while_a_new_one_runs() -> None:
    """Contoso stops in May, gives back from August to October, and stops again in November: the
    first street is history (healed), the second is the current one, once its silence is longer
    than the first."""
    northwind = gives(A, [*months(1, 12), (2027, 1), (2027, 2)], 4)
    contoso = gives(B, months(1, 4) + months(8, 10), 4)
    street = one_way(northwind + contoso, dt.date(2027, 2, 28))
    assert (street.detected, street.giver, street.since) == (True, A, "2026-11")
    assert [(s.giver, s.since, s.ended) for s in street.history] == [(A, "2026-05", "healed")]


def test_every_ended_street_is_history() -> None:
    """Both of Contoso's pauses ended when it gave back: two healed streets, oldest first."""
    northwind = gives(A, [*months(1, 12), *months(1, 5, year=2027)], 4)
    contoso = gives(B, months(1, 4) + months(8, 10) + months(3, 5, year=2027), 4)
    history = one_way(northwind + contoso, dt.date(2027, 5, 31))
    assert not history.detected
    assert [(s.since, s.until, s.ended) for s in history.history] == [
        ("2026-05", "2026-07", "healed"),
        ("2026-11", "2027-02", "healed"),
    ]


def test_a_last_small_gift_is_a_token_that_still_counts_as_a_gift() -> None:
    """Contoso gave one referral a month (EUR 600 with its worth) and, in July, one quick pointer
    (EUR 250, under 70% of its typical gift) before going quiet. July is silent, so the silence runs
    from July, but its one gift counts in the chance of the silence: one gift in seven months has a
    chance of 8e^-7 (0.73%, above e^-5), in eight months 9e^-8 (0.30%). The street is said in
    February, from August, Contoso's first month without any gift."""
    log = gives(A, [*months(1, 12), *months(1, 3, 2027)], 2) + gives(B, months(1, 6), 1)
    log += [act(dt.date(2026, 7, 20), B, A, "introduction", topic="A quick pointer", hours=0.5)]
    for as_of in (dt.date(2026, 12, 31), dt.date(2027, 1, 31)):
        assert not one_way(log, as_of).detected, as_of
    street = one_way(log, dt.date(2027, 2, 28))
    assert (street.detected, street.giver, street.since) == (True, A, "2026-08")


def test_two_gifts_never_make_a_verdict() -> None:
    """Northwind hands over one lead a month; Contoso, four items a month, stops in May. Two silent
    months are evidence enough (a chance of e^-8), but two leads are only two events: the street is
    said at the end of July, with the third (`min_activities`), from May."""
    log = gives(A, months(1, 10), 1, kind="lead") + gives(B, months(1, 4), 4)
    june = one_way(log, dt.date(2026, 6, 30))
    too_little = "One side has given alone recently, but too little so far for a verdict."
    assert (june.detected, june.reason) == (False, too_little)
    street = one_way(log, dt.date(2026, 7, 31))
    assert (street.detected, street.since, street.months) == (True, "2026-05", 3)


def test_a_street_that_healed_keeps_the_onset_it_was_called_with() -> None:
    """Contoso handed over four items a month, then only a quick pointer in May and nothing in June:
    the street is called at the end of June, since June, its first month without any gift. In July
    Contoso gives two items again and the street has healed; its history still begins in June (what
    came after the call does not move it), one month, EUR 600."""
    log = gives(A, months(1, 10), 3) + gives(B, months(1, 4), 4) + gives(B, [(2026, 7)], 2)
    log += [act(dt.date(2026, 5, 20), B, A, "introduction", topic="A quick pointer", hours=0.5)]
    assert one_way(log, dt.date(2026, 6, 30)).since == "2026-06"
    [healed] = one_way(log, dt.date(2026, 8, 31)).history
    assert (healed.since, healed.until, healed.months, healed.ended, healed.cost.total) == (
        "2026-06", "2026-06", 1, "healed", 600.0)  # fmt: skip


def test_a_trickle_of_ordinary_gifts_is_a_thin_spell() -> None:
    """Contoso handed over six referrals a month; from May it hands over one, of the usual kind and
    worth, each month. No month is silent by value, but the months are thin: two of them (2 gifts where
    12 were usual, a chance of e^-7.6) are not yet a verdict, three (e^-10.9) are, and the street runs
    from May, the spell's first month, while the trickle goes on."""
    log = gives(A, months(1, 12), 7) + gives(B, months(1, 4), 6) + gives(B, months(5, 12), 1)
    assert not one_way(log, dt.date(2026, 6, 30)).detected
    for as_of in (dt.date(2026, 7, 31), dt.date(2026, 9, 30), dt.date(2026, 12, 31)):
        street = one_way(log, as_of)
        assert (street.detected, street.giver, street.since) == (True, A, "2026-05"), as_of
