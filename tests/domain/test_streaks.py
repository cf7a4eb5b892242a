from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studytui.domain.days import study_day
from studytui.domain.streaks import StreakResult, StreakRules, compute_streaks

TODAY = date(2024, 5, 15)  # a Wednesday
SAT, SUN = 5, 6
DEFAULT = StreakRules()


def day(offset: int) -> date:
    """The day ``offset`` days from TODAY (negative = past)."""
    return TODAY + timedelta(days=offset)


def studied(*offsets: int, minutes: int = 30) -> dict[date, int]:
    return {day(o): minutes for o in offsets}


def span(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


def test_nothing_logged_is_all_zero() -> None:
    assert compute_streaks({}, TODAY, DEFAULT) == StreakResult(
        0, 0, 0, frozenset(), frozenset(), False
    )
    # Zero-minute rows do not make a "first logged day".
    assert compute_streaks({day(-3): 0, TODAY: 0}, TODAY, DEFAULT).longest == 0


def test_walk_starts_at_the_first_day_with_minutes() -> None:
    # An earlier zero-minute row must not make earlier rest days count as passed over.
    rules = StreakRules(rest_weekdays=frozenset(range(7)))
    result = compute_streaks({day(-4): 0, day(-1): 30}, TODAY, rules)
    assert result.current == 1
    assert result.rest_days_used == frozenset()


def test_days_after_today_are_ignored() -> None:
    result = compute_streaks(studied(1, 2, 3), TODAY, DEFAULT)
    assert (result.current, result.longest) == (0, 0)
    assert compute_streaks(studied(-1, 0, 1, 2), TODAY, DEFAULT).current == 2


def test_consecutive_days_up_to_today() -> None:
    result = compute_streaks(studied(*span(-4, 0)), TODAY, DEFAULT)
    assert (result.current, result.longest, result.today_qualifies) == (5, 5, True)


def test_today_not_yet_studied_keeps_the_streak() -> None:
    result = compute_streaks(studied(*span(-4, -1)), TODAY, DEFAULT)
    assert result.current == 4
    assert result.today_qualifies is False
    assert result.frozen_days == frozenset()


def test_a_missed_day_resets_without_freezes() -> None:
    result = compute_streaks(studied(-10, -9, -8, -7, *span(-5, 0)), TODAY, DEFAULT)
    assert result.current == 6
    assert result.longest == 6
    # A longer earlier run stays the longest.
    result = compute_streaks(studied(*span(-10, -5), -1, 0), TODAY, StreakRules(max_freezes=0))
    assert (result.current, result.longest) == (2, 6)


def test_streak_minimum() -> None:
    daily = studied(-2, 0) | {day(-1): 14}
    assert compute_streaks(daily, TODAY, StreakRules(streak_minimum=15)).current == 1
    assert compute_streaks(daily, TODAY, StreakRules(streak_minimum=14)).current == 3
    assert (
        compute_streaks({TODAY: 14}, TODAY, StreakRules(streak_minimum=15)).today_qualifies is False
    )


def test_rest_weekdays_do_not_break_or_count() -> None:
    # Mon 6th .. Fri 10th, weekend off, Mon 13th .. Wed 15th (today).
    daily = studied(*span(-9, -5), *span(-2, 0))
    rules = StreakRules(rest_weekdays=frozenset({SAT, SUN}))
    result = compute_streaks(daily, TODAY, rules)
    assert result.current == 8
    assert result.rest_days_used == frozenset({date(2024, 5, 11), date(2024, 5, 12)})
    assert result.frozen_days == frozenset()
    assert compute_streaks(daily, TODAY, StreakRules(max_freezes=0)).current == 3


def test_studying_on_a_rest_day_counts() -> None:
    rules = StreakRules(rest_weekdays=frozenset({SAT, SUN}))
    result = compute_streaks(studied(*span(-5, 0)), TODAY, rules)
    assert result.current == 6
    assert result.rest_days_used == frozenset()


def test_today_on_a_rest_day_is_not_reported_as_rest() -> None:
    saturday = date(2024, 5, 18)
    rules = StreakRules(rest_weekdays=frozenset({SAT}))
    result = compute_streaks({date(2024, 5, 17): 30}, saturday, rules)
    assert result.current == 1
    assert result.rest_days_used == frozenset()


def test_a_freeze_is_earned_at_seven_and_used_on_a_missed_day() -> None:
    result = compute_streaks(studied(*span(-10, -4), *span(-2, 0)), TODAY, DEFAULT)
    assert result.frozen_days == frozenset({day(-3)})
    assert result.current == 10  # the frozen day itself adds nothing
    assert result.freezes_held == 0


def test_six_days_earn_no_freeze() -> None:
    result = compute_streaks(studied(*span(-9, -4), *span(-2, 0)), TODAY, DEFAULT)
    assert result.frozen_days == frozenset()
    assert result.current == 3


def test_freezes_at_fourteen_and_the_cap() -> None:
    assert compute_streaks(studied(*span(-13, 0)), TODAY, DEFAULT).freezes_held == 2
    assert compute_streaks(studied(*span(-12, 0)), TODAY, DEFAULT).freezes_held == 1
    assert compute_streaks(studied(*span(-27, 0)), TODAY, DEFAULT).freezes_held == 2
    assert (
        compute_streaks(studied(*span(-27, 0)), TODAY, StreakRules(max_freezes=3)).freezes_held == 3
    )
    assert (
        compute_streaks(studied(*span(-27, 0)), TODAY, StreakRules(max_freezes=0)).freezes_held == 0
    )


def test_earning_counts_run_not_calendar_days() -> None:
    # 7 days, a frozen day, then 7 more: run reaches 14 (not 15) on the last day.
    result = compute_streaks(studied(*span(-14, -8), *span(-6, 0)), TODAY, DEFAULT)
    assert result.current == 14
    assert result.frozen_days == frozenset({day(-7)})
    assert result.freezes_held == 1


def test_a_freeze_used_then_a_reset() -> None:
    result = compute_streaks(studied(*span(-10, -4), *span(-1, 0)), TODAY, DEFAULT)
    assert result.frozen_days == frozenset({day(-3)})
    assert result.current == 2
    assert result.longest == 7
    assert result.freezes_held == 0


def test_two_freezes_bridge_two_missed_days() -> None:
    result = compute_streaks(studied(*span(-16, -3), 0), TODAY, DEFAULT)
    assert result.frozen_days == frozenset({day(-2), day(-1)})
    assert result.current == 15


def test_back_filling_a_missed_day_extends_the_streak() -> None:
    daily = studied(*span(-5, -3), *span(-1, 0))
    assert compute_streaks(daily, TODAY, DEFAULT).current == 2
    daily[day(-2)] = 20
    assert compute_streaks(daily, TODAY, DEFAULT).current == 6


def test_day_starts_at_moves_late_night_study_to_the_day_before() -> None:
    sessions = [
        datetime(2024, 5, 13, 20, 0),
        datetime(2024, 5, 15, 1, 30),  # late Tuesday night
        datetime(2024, 5, 15, 19, 0),
    ]

    def daily_for(day_starts_at: int) -> dict[date, int]:
        totals: dict[date, int] = defaultdict(int)
        for moment in sessions:
            totals[study_day(moment, day_starts_at)] += 45
        return totals

    assert compute_streaks(daily_for(4), TODAY, StreakRules(max_freezes=0)).current == 3
    assert compute_streaks(daily_for(0), TODAY, StreakRules(max_freezes=0)).current == 1


def test_ten_years_every_day() -> None:
    start = date(2014, 5, 15)
    daily = {start + timedelta(days=i): 30 for i in range((TODAY - start).days + 1)}
    result = compute_streaks(daily, TODAY, DEFAULT)
    assert result.current == result.longest == len(daily)


def naive_streaks(
    daily: Mapping[date, int], today: date, rules: StreakRules
) -> tuple[int, int, int, set[date], set[date]]:
    """The product owner's rules read literally, with no attention to speed."""
    logged = sorted(d for d in daily if d <= today and daily[d] > 0)
    if not logged:
        return 0, 0, 0, set(), set()
    calendar = []
    d = logged[0]
    while d <= today:
        calendar.append(d)
        d += timedelta(days=1)
    run_days: list[date] = []  # the days making up the current run
    held: list[date] = []  # one entry per freeze held
    runs_seen = [0]
    frozen: set[date] = set()
    rested: set[date] = set()
    for d in calendar:
        total = sum(m for other, m in daily.items() if other == d)
        if total >= rules.streak_minimum:
            run_days.append(d)
            if len(run_days) % 7 == 0 and len(held) < rules.max_freezes:
                held.append(d)
        elif d == today:
            pass
        elif d.weekday() in rules.rest_weekdays:
            rested.add(d)
        elif held:
            held.pop()
            frozen.add(d)
        else:
            run_days = []
        runs_seen.append(len(run_days))
    return len(run_days), max(runs_seen), len(held), frozen, rested


@st.composite
def histories(draw: st.DrawFn) -> list[int | None]:
    """~66 days of minutes (None = no row), built from stretches of equal days so that
    week-long runs, earned freezes and the freeze cap actually come up."""
    stretches = draw(
        st.lists(
            st.tuples(
                st.integers(min_value=1, max_value=16),
                st.none() | st.integers(min_value=0, max_value=90),
            ),
            max_size=20,
        )
    )
    days = [minutes for length, minutes in stretches for _ in range(length)]
    return days[:66]


rules_strategy = st.builds(
    StreakRules,
    streak_minimum=st.integers(min_value=1, max_value=60),
    rest_weekdays=st.frozensets(st.integers(min_value=0, max_value=6), max_size=3),
    max_freezes=st.integers(min_value=0, max_value=4),
)


@settings(max_examples=400)
@given(
    history=histories(),
    today=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    rules=rules_strategy,
)
def test_matches_naive_reference(
    history: list[int | None], today: date, rules: StreakRules
) -> None:
    # History covers ~60 days before today and a few after (which must be ignored).
    start = today - timedelta(days=60)
    daily = {start + timedelta(days=i): m for i, m in enumerate(history) if m is not None}
    result = compute_streaks(daily, today, rules)
    current, longest, held, frozen, rested = naive_streaks(daily, today, rules)
    assert result.current == current
    assert result.longest == longest
    assert result.freezes_held == held
    assert result.frozen_days == frozen
    assert result.rest_days_used == rested
    assert result.today_qualifies == (daily.get(today, 0) >= rules.streak_minimum)
    assert result.current <= result.longest
    assert not (result.frozen_days & result.rest_days_used)
