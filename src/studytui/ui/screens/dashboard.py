"""The home screen: today, streak, this week, the heatmap, weekly hours and the time split."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from studytui.clock import now_utc
from studytui.domain.durations import format_minutes
from studytui.ui.screens.base import DataScreen
from studytui.ui.widgets.heatmap import Heatmap, HeatmapData
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.next_up_section import NextUpSection
from studytui.ui.widgets.reminders_section import RemindersSection
from studytui.ui.widgets.section import DashboardSection
from studytui.ui.widgets.side_activities_section import SideActivitiesSection
from studytui.ui.widgets.split_bars import SplitBars
from studytui.ui.widgets.title_bar import TitleBar
from studytui.ui.widgets.week_chart import WeekChart

if TYPE_CHECKING:
    from pathlib import Path

    from studytui.db.engine import Database
    from studytui.db.stats import Snapshot


@dataclass(frozen=True)
class DashboardData:
    snapshot: Snapshot
    # What each of SECTIONS fetched, in the same order; None in the early look, which shows
    # the numbers before the sections' queries (which need SQLModel) can run.
    sections: tuple[Any, ...] | None


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


class DashboardScreen(DataScreen[DashboardData]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "log", "Log time", id="dashboard-log"),
        Binding("space,T", "timer", "Timer", key_display="space/T", id="dashboard-timer"),
    ]
    # Panels other features add below the charts (next up, reminders, side activities...).
    SECTIONS: ClassVar[tuple[type[DashboardSection], ...]] = (
        NextUpSection,
        RemindersSection,
        SideActivitiesSection,
    )

    # app.tcss stacks the charts when the terminal is narrower than the two side by side.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (140, "-wide")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="dashboard"):
            with Horizontal(id="cards"):
                yield Static("…", id="today", classes="card")
                yield Static("…", id="streak", classes="card")
                yield Static("…", id="week", classes="card")
            yield Static("", id="timer", classes="card")
            with Horizontal(id="charts"):
                yield Heatmap(id="heatmap", classes="panel")
                yield WeekChart(id="week-chart", classes="panel")
            yield SplitBars(id="split", classes="panel")
            for section in self.SECTIONS:
                yield section()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#today").border_title = "Today"
        self.query_one("#streak").border_title = "Streak"
        self.query_one("#week").border_title = "This week"
        self.query_one("#timer").border_title = "Timer"
        self.query_one("#heatmap").border_title = "Last 26 weeks"
        self.query_one("#week-chart").border_title = "Hours per week"
        self.query_one("#split").border_title = "Time split, last 4 weeks"
        self.set_interval(1, self._tick_timer)
        self._sections = list(self.query(DashboardSection))
        super().on_mount()

    def fetch_early(self, path: Path) -> DashboardData | None:
        import sqlite3

        from studytui.db.reads import open_quick_reader, settings_strings
        from studytui.db.stats import load_snapshot
        from studytui.domain.settings import settings_from_strings

        conn = open_quick_reader(path)
        if conn is None:
            return None
        try:
            settings = settings_from_strings(settings_strings(conn))
            today = self.study_app.store.today(settings)
            return DashboardData(load_snapshot(conn, today, settings=settings), None)
        except sqlite3.Error:  # the full open, already under way, will say what is wrong
            return None
        finally:
            conn.close()

    def fetch(self, db: Database) -> DashboardData:
        from studytui.db.engine import reading
        from studytui.db.reads import driver_connection
        from studytui.db.settings_store import load_settings
        from studytui.db.stats import load_snapshot

        with reading(db) as session:
            settings = load_settings(session)
            today = self.study_app.store.today(settings)
            sections = tuple(section.fetch(session, today, settings) for section in self._sections)
            snapshot = load_snapshot(driver_connection(session), today, settings=settings)
            return DashboardData(snapshot, sections)

    def show(self, data: DashboardData) -> None:
        snap = data.snapshot
        settings = snap.settings
        goal = settings.daily_goal
        today = format_minutes(snap.today_minutes)
        if goal:
            mark = (
                "✓ goal met"
                if snap.today_minutes >= goal
                else f"{format_minutes(goal - snap.today_minutes)} to go"
            )
            today += f" of {format_minutes(goal)}\n{mark}"
        self.query_one("#today", Static).update(today)

        streak = snap.streak
        lines = [f"{_days(streak.current)} · longest {streak.longest}"]
        lines.append(f"{streak.freezes_held} freeze{'s' if streak.freezes_held != 1 else ''} held")
        if not snap.logged_today and streak.current > 0:
            lines.append(f"Log today to keep your {streak.current}-day streak")
        self.query_one("#streak", Static).update("\n".join(lines))

        week = format_minutes(snap.week_minutes)
        if settings.weekly_goal:
            left = settings.weekly_goal - snap.week_minutes
            week += f" of {format_minutes(settings.weekly_goal)}\n"
            week += "✓ goal met" if left <= 0 else f"{format_minutes(left)} to go"
        self.query_one("#week", Static).update(week)

        self.query_one(Heatmap).data = HeatmapData(
            today=snap.today,
            daily=snap.daily,
            daily_goal=goal,
            rest_weekdays=settings.rest_days,
            frozen_days=streak.frozen_days,
            week_starts_on=settings.week_starts_on,
        )
        self.query_one(WeekChart).weeks = tuple(snap.weekly)
        self.query_one(SplitBars).rows = tuple(snap.split)
        self._timer = snap.timer
        self._tick_timer()
        if data.sections is not None:
            for section, section_data in zip(self._sections, data.sections, strict=True):
                section.show(section_data)

    def action_log(self) -> None:
        # Imported on use: the dashboard is the first screen, and its first frame should not
        # wait for the forms' modules.
        from studytui.ui.dialogs.entry_form import open_entry_form

        open_entry_form(self)

    def action_timer(self) -> None:
        from studytui.ui.dialogs.timer_start import toggle_timer

        toggle_timer(self)

    def _tick_timer(self) -> None:
        timer = getattr(self, "_timer", None)
        widget = self.query_one("#timer", Static)
        widget.display = timer is not None
        if timer is None:
            return
        seconds = timer.elapsed_seconds(now_utc())
        what = timer.area + (f" / {timer.milestone}" if timer.milestone else "")
        widget.update(f"{what}: {seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}")
