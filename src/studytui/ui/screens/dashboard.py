"""The home screen: today, streak, this week, the heatmap, weekly hours and the time split."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.lazy import Lazy
from textual.widget import Widget
from textual.widgets import Static

from studytui.clock import now_utc
from studytui.domain.durations import format_minutes
from studytui.ui.screens.base import DataScreen
from studytui.ui.widgets.heatmap import Heatmap, HeatmapData
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.next_up_section import NextUpSection
from studytui.ui.widgets.reminders_section import RemindersSection
from studytui.ui.widgets.side_activities_section import SideActivitiesSection
from studytui.ui.widgets.split_bars import SplitBars
from studytui.ui.widgets.title_bar import TitleBar
from studytui.ui.widgets.week_chart import WeekChart

if TYPE_CHECKING:
    from datetime import datetime

    from studytui.actions.dashboard import Dashboard
    from studytui.actions.database import Database, Location


W = TypeVar("W", bound=Widget)


def _titled(widget: W, title: str) -> W:
    widget.border_title = title
    return widget


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


class DashboardScreen(DataScreen["Dashboard"]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "log", "Log time", id="dashboard-log"),
        Binding("space,T", "timer", "Timer", key_display="space/T", id="dashboard-timer"),
    ]
    # app.tcss stacks the charts when the terminal is narrower than the two side by side.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]  # noqa: RUF012 (declared by Screen)
    _news_told = False

    def compose(self) -> ComposeResult:
        # Kept by reference, not queried: the part below the cards is mounted lazily.
        self._cards = {
            key: _titled(Static("…", id=key, classes="card"), title)
            for key, title in (("today", "Today"), ("streak", "Streak"), ("week", "This week"))
        }
        self._timer_card = _titled(Static("", id="timer", classes="card"), "Timer")
        self._heatmap = _titled(Heatmap(id="heatmap", classes="panel"), "Last 26 weeks")
        self._week_chart = _titled(WeekChart(id="week-chart", classes="panel"), "Hours per week")
        self._split = _titled(
            SplitBars(id="split", classes="panel"), "Time split, last 4 weeks (│ is the target)"
        )
        self._next_up = NextUpSection()
        self._reminders = RemindersSection()
        self._activities = SideActivitiesSection()

        yield TitleBar()
        with VerticalScroll(id="dashboard"):
            with Horizontal(id="cards"):
                yield from self._cards.values()
            # Mounted just after the first frame, so the cards, which answer "how am I doing
            # today", are on screen sooner.
            with Lazy(Vertical(id="below-cards")):
                yield self._timer_card
                with Horizontal(id="charts"):
                    yield self._heatmap
                    yield self._week_chart
                yield self._split
                yield self._next_up
                yield self._reminders
                yield self._activities
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_interval(1, self._tick_timer)
        super().on_mount()

    def fetch_early(self, path: Location, now: datetime) -> Dashboard | None:
        from studytui.actions.dashboard import early_dashboard

        return early_dashboard(path, now=now)

    def fetch(self, db: Database, now: datetime) -> Dashboard:
        from studytui.actions.dashboard import dashboard

        return dashboard(db, now=now)

    def show(self, data: Dashboard) -> None:
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
        self._cards["today"].update(today)

        streak = snap.streak
        lines = [f"{_days(streak.current)} · longest {streak.longest}"]
        lines.append(f"{streak.freezes_held} freeze{'s' if streak.freezes_held != 1 else ''} held")
        if not snap.logged_today and streak.current > 0:
            lines.append(f"Log today to keep your {streak.current}-day streak")
        self._cards["streak"].update("\n".join(lines))

        week = format_minutes(snap.week_minutes)
        if settings.weekly_goal:
            left = settings.weekly_goal - snap.week_minutes
            week += f" of {format_minutes(settings.weekly_goal)}\n"
            week += "✓ goal met" if left <= 0 else f"{format_minutes(left)} to go"
        self._cards["week"].update(week)

        self._heatmap.data = HeatmapData(
            today=snap.today,
            daily=snap.daily,
            daily_goal=goal,
            rest_weekdays=settings.rest_days,
            frozen_days=streak.frozen_days,
            week_starts_on=settings.week_starts_on,
        )
        self._week_chart.weeks = tuple(snap.weekly)
        self._split.rows = tuple(snap.split)
        self._timer = snap.timer
        self._tick_timer()
        if data.next_up is not None:
            self._next_up.show(data.next_up)
        if data.reminders is not None:
            self._reminders.show((snap.today, data.reminders))
        if data.activities is not None:
            self._activities.show(data.activities)
        if data.news:
            self._tell_news(data.news)

    def _tell_news(self, lines: tuple[str, ...]) -> None:
        """Once: what this version's content brought (`studytui whats-new` lists it again)."""
        from studytui.actions.content_updates import mark_told
        from studytui.ui.dialogs.whats_new import WhatsNewDialog

        if self._news_told:
            return
        self._news_told = True
        self.app.push_screen(WhatsNewDialog(lines))
        self.perform(mark_told)

    def action_log(self) -> None:
        # Imported on use: the dashboard is the first screen, and its first frame should not
        # wait for the forms' modules.
        from studytui.ui.screens.logging import open_entry_form

        open_entry_form(self)

    def action_timer(self) -> None:
        from studytui.ui.screens.logging import toggle_timer

        toggle_timer(self)

    def _tick_timer(self) -> None:
        timer = getattr(self, "_timer", None)
        widget = self._timer_card
        widget.display = timer is not None
        if timer is None:
            return
        seconds = timer.elapsed_seconds(now_utc())
        what = timer.what
        widget.update(
            Text(f"{what}: {seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}")
        )
