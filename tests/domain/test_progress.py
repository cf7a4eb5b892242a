from datetime import date

import pytest

from studytui.domain.progress import SplitRow, goal_fraction, heat_level, time_split, weeks_back

TODAY = date(2024, 5, 15)  # a Wednesday


@pytest.mark.parametrize(
    ("done", "goal", "fraction"),
    [(0, 60, 0.0), (30, 60, 0.5), (60, 60, 1.0), (120, 60, 1.0), (0, 0, 0.0), (5, 0, 1.0)],
)
def test_goal_fraction(done: int, goal: int, fraction: float) -> None:
    assert goal_fraction(done, goal) == pytest.approx(fraction)


@pytest.mark.parametrize(
    ("minutes", "goal", "level"),
    [
        (0, 60, 0),
        (1, 60, 1),
        (14, 60, 1),
        (15, 60, 2),
        (29, 60, 2),
        (30, 60, 3),
        (59, 60, 3),
        (60, 60, 4),
        (500, 60, 4),
        (0, 0, 0),
        (1, 0, 4),
        (1, 3, 2),  # quarters need not be whole minutes: 1/3 of the goal is over a quarter
    ],
)
def test_heat_level(minutes: int, goal: int, level: int) -> None:
    assert heat_level(minutes, goal) == level


def test_time_split_includes_targets_without_minutes_and_sorts() -> None:
    rows = time_split(
        {"python": 120, "ml": 60, "extra": 20, "idle": 0},
        {"ml": 50, "python": 30, "maths": 20},
    )
    assert [r.area for r in rows] == ["ml", "python", "maths", "extra"]
    ml = rows[0]
    assert ml == SplitRow("ml", 60, pytest.approx(30.0), 50, pytest.approx(-20.0))
    assert rows[1].actual_percent == pytest.approx(60.0)
    assert rows[1].delta == pytest.approx(30.0)
    assert rows[2] == SplitRow("maths", 0, 0.0, 20, -20.0)
    assert rows[3].target_percent == 0
    assert sum(r.actual_percent for r in rows) == pytest.approx(100.0)


def test_time_split_ties_sorted_by_name_and_no_minutes() -> None:
    rows = time_split({}, {"b": 25, "a": 25, "c": 50})
    assert [r.area for r in rows] == ["c", "a", "b"]
    assert all(r.actual_percent == 0.0 for r in rows)
    assert time_split({}, {}) == []


@pytest.mark.parametrize(
    ("starts_on", "expected"),
    [
        ("monday", [date(2024, 4, 29), date(2024, 5, 6), date(2024, 5, 13)]),
        ("sunday", [date(2024, 4, 28), date(2024, 5, 5), date(2024, 5, 12)]),
    ],
)
def test_weeks_back(starts_on: str, expected: list[date]) -> None:
    assert weeks_back(TODAY, 3, starts_on) == expected


def test_weeks_back_edges() -> None:
    assert weeks_back(TODAY, 1, "monday") == [date(2024, 5, 13)]
    assert weeks_back(TODAY, 0, "monday") == []
    assert len(weeks_back(TODAY, 52, "monday")) == 52
