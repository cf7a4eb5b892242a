"""Small calculations behind the dashboard: goal bars, heatmap shades, time split."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from studytui.domain.days import week_start


def goal_fraction(done: int, goal: int) -> float:
    """How far ``done`` is towards ``goal``, clamped to 0..1; a goal of 0 (off) is met by any
    study at all."""
    if goal <= 0:
        return 1.0 if done > 0 else 0.0
    return min(1.0, max(0.0, done / goal))


def heat_level(minutes: int, daily_goal: int) -> int:
    """Heatmap shade 0..4: 0 nothing, 1 under a quarter of the goal, 2 under half,
    3 under the full goal, 4 at or over it. With no goal any study is 4."""
    if minutes <= 0:
        return 0
    if daily_goal <= 0 or minutes >= daily_goal:
        return 4
    quarters = 4 * minutes // daily_goal  # 0..3, integer maths keeps boundaries exact
    return 1 if quarters == 0 else 2 if quarters == 1 else 3


@dataclass(frozen=True)
class SplitRow:
    area: str
    minutes: int
    actual_percent: float  # share of all minutes, 0..100
    target_percent: int
    delta: float  # actual_percent - target_percent; negative = behind target


def time_split(minutes_by_area: Mapping[str, int], targets: Mapping[str, int]) -> list[SplitRow]:
    """Actual share of time per area against its target share.

    Areas with a target but no minutes are listed so the gap shows; areas with neither
    are left out. Sorted by target (largest first), then name.
    """
    total = sum(m for m in minutes_by_area.values() if m > 0)
    areas = {a for a, m in minutes_by_area.items() if m > 0} | set(targets)
    rows = []
    for area in areas:
        minutes = max(0, minutes_by_area.get(area, 0))
        actual = 100.0 * minutes / total if total else 0.0
        target = targets.get(area, 0)
        rows.append(SplitRow(area, minutes, actual, target, actual - target))
    rows.sort(key=lambda row: (-row.target_percent, row.area))
    return rows


HEATMAP_WEEKS = 26  # how far back the dashboard's heatmap reaches
CHART_WEEKS = 12  # and its hours-per-week chart


def weeks_back(today: date, n: int, week_starts_on: str) -> list[date]:
    """Start dates of the last ``n`` weeks, oldest first; the current week is last."""
    current = week_start(today, week_starts_on)
    return [current - timedelta(weeks=back) for back in range(n - 1, -1, -1)]
