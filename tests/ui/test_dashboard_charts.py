"""What the dashboard's heatmap and weekly chart draw for the days that are easy to get wrong."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import App, ComposeResult

from studytui.ui.widgets.heatmap import (
    FROZEN_GLYPH,
    LEVEL_GLYPHS,
    REST_GLYPH,
    Heatmap,
    HeatmapData,
)
from studytui.ui.widgets.week_chart import WeekChart

TODAY = date(2026, 3, 11)  # a Wednesday
SATURDAY, SUNDAY = 5, 6


def test_rest_days_are_marked_from_the_first_day_studied_only() -> None:
    data = HeatmapData(
        today=TODAY,
        daily={date(2026, 3, 2): 60},  # the first day studied, a Monday
        rest_weekdays=frozenset({SATURDAY, SUNDAY}),
    )
    assert Heatmap._cell(data, date(2026, 2, 28))[0] == LEVEL_GLYPHS[0]  # before it: nothing
    assert Heatmap._cell(data, date(2026, 3, 7))[0] == REST_GLYPH  # after it: a rest day


def test_a_frozen_day_looks_frozen_even_with_a_few_minutes() -> None:
    frozen = date(2026, 3, 9)
    data = HeatmapData(today=TODAY, daily={frozen: 5}, frozen_days=frozenset({frozen}))
    assert Heatmap._cell(data, frozen) == (FROZEN_GLYPH, "heatmap--frozen")


async def test_the_weekly_chart_dates_its_weeks_as_the_rest_of_the_app_does() -> None:
    chart = WeekChart()

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield chart

    first = date(2025, 12, 22)
    weeks = tuple((first + timedelta(weeks=i), 60 * i) for i in range(12))
    async with Host().run_test(size=(100, 12)) as pilot:
        chart.weeks = weeks
        await pilot.pause()
        axis = str(chart.render()).splitlines()[-1]
    assert axis.split() == ["2025-12-22", "←", "week", "starting", "→", "2026-03-09"]
    assert "/" not in axis
