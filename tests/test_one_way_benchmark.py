"""The one-way-street benchmark's generator builds what it says: turned and balanced partnerships, honest turns.

The detection targets themselves are measured by benchmarks/bench_one_way.py, not here.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from coopcheck.loading import load_partnership
from coopcheck.models import CONTACT_TYPES, ActivityType

SPEC = importlib.util.spec_from_file_location(
    "oneway_generator", Path(__file__).resolve().parent.parent / "benchmarks" / "oneway_generator.py"
)
assert SPEC and SPEC.loader
gen = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = gen  # dataclasses look their module up while the class is built
SPEC.loader.exec_module(gen)

SEED, N = 11, 40
# What a side does without giving anything: attending and hosting contacts, reviews, asking.
NOT_GIVING = {*CONTACT_TYPES, ActivityType.review, ActivityType.request}


@pytest.fixture(scope="module")
def generated():  # type: ignore[no-untyped-def]
    return gen.generate(N, SEED)


def by_side_and_month(item):  # type: ignore[no-untyped-def]
    table = defaultdict(list)
    for activity in item.loaded.activities:
        table[activity.from_, gen.month_of(activity.date)].append(activity)
    return table


def gives(activities) -> bool:  # type: ignore[no-untyped-def]
    return any(a.type not in NOT_GIVING for a in activities)


def test_half_turned_half_balanced_and_both_vary(generated) -> None:  # type: ignore[no-untyped-def]
    turned = [item for item in generated if item.turned]
    balanced = [item for item in generated if not item.turned]
    assert len(turned) == len(balanced) == N // 2
    assert all(item.turn is None and item.giver is None and item.taker is None for item in balanced)
    assert {gen.month_of(item.loaded.definition.started) for item in generated} == {item.first for item in generated}
    currencies = {item.loaded.definition.currency for item in generated}
    assert len(currencies) >= 4
    keys = [list(item.loaded.definition.partners) for item in turned]
    assert {key.index(item.giver) for key, item in zip(keys, turned, strict=True)} == {0, 1}  # either order
    rates = [p.hourly_rate for item in generated for p in item.loaded.definition.partners.values()]
    assert None in rates and len(set(rates)) > N // 2
    assert {t for item in turned for t in item.traits} >= {"clean", "trickle", "hosts", "asks"}
    assert {t for item in balanced for t in item.traits} >= {"steady", "60/40", "lumpy", "slowing"}


def test_turn_metadata_matches_the_log(generated) -> None:  # type: ignore[no-untyped-def]
    for item in (item for item in generated if item.turned):
        assert item.first + gen.BEFORE_TURN < item.turn <= item.last - gen.AFTER_TURN
        assert {item.giver, item.taker} == set(item.loaded.definition.partners)
        table = by_side_and_month(item)
        assert gives(table[item.taker, item.turn - 1]), item.number  # the taker gave right before the turn
        assert gives(table[item.giver, item.turn]), item.number  # and only the giver gives in the turn month
        assert not gives(table[item.taker, item.turn]), item.number
        for month in range(item.turn + 1, item.last + 1):
            given = [a for a in table[item.taker, month] if a.type not in NOT_GIVING]
            if "trickle" in item.traits:  # at most one token a month, small
                assert len(given) <= 1 and all(a.type.value in gen.SMALL_TYPES for a in given), item.number
            else:
                assert not given, item.number
            if "hosts" not in item.traits:  # then it only asks, and hands over its tokens
                hosted = [a for a in table[item.taker, month] if a.type in NOT_GIVING - {ActivityType.request}]
                assert not hosted, item.number


def test_balanced_partnerships_give_on_both_sides(generated) -> None:  # type: ignore[no-untyped-def]
    for item in (item for item in generated if not item.turned):
        table = by_side_and_month(item)
        for side in item.loaded.definition.partners:
            months = sum(gives(table[side, month]) for month in range(item.first, item.last + 1))
            assert months >= (item.last - item.first + 1) / 2, (item.number, side)


def test_logs_are_dated_in_range_and_answers_follow_requests(generated) -> None:  # type: ignore[no-untyped-def]
    for item in generated:
        loaded = item.loaded
        dates = [a.date for a in loaded.activities]
        assert dates == sorted(dates)
        assert loaded.definition.started <= dates[0] and dates[-1] <= gen.month_end(item.last) <= gen.LAST_DAY
        requests = {a.id: a for a in loaded.activities if a.type == ActivityType.request}
        for answer in (a for a in loaded.activities if a.responds_to):
            asked = requests[answer.responds_to]
            assert asked.date < answer.date and asked.from_ == answer.to and asked.to == answer.from_


def test_the_same_seed_gives_the_same_partnerships() -> None:
    again, other = gen.generate(6, SEED), gen.generate(6, SEED + 1)
    first = gen.generate(6, SEED)
    assert [i.loaded.activities for i in first] == [i.loaded.activities for i in again]
    assert [i.loaded.activities for i in first] != [i.loaded.activities for i in other]


def test_a_dumped_partnership_loads_as_the_same_partnership(tmp_path, generated) -> None:  # type: ignore[no-untyped-def]
    for item in generated[:2]:
        path = tmp_path / f"{item.number}.yaml"
        path.write_text(gen.as_yaml(item), encoding="utf-8")
        result = load_partnership(path, today=gen.LAST_DAY)
        assert not result.diagnostics and result.partnership is not None
        loaded = result.partnership.definition.model_dump(exclude={"activities"})
        assert loaded == item.loaded.definition.model_dump(exclude={"activities"})
        assert result.partnership.activities == item.loaded.activities
