"""Reports: study time this week, month or year (or one before), grouped by area, day, week,
month, milestone, certificate or side activity, with a bar per row: `studytui report` in the
app."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from studytui.domain.durations import format_minutes
from studytui.domain.reports import GROUPINGS, PERIODS, bar
from studytui.ui.screens.base import DataScreen
from studytui.ui.store import Store
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import datetime

    from studytui.actions.database import Database
    from studytui.actions.reports import Report

BAR_WIDTH = 30
_PERIOD_NAMES = {"week": "Week", "month": "Month", "year": "Year"}


class ReportsScreen(DataScreen["Report"]):
    CSS_PATH = "reports.tcss"
    TITLE = "Reports"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,left_square_bracket",
            "move(1)",
            "Earlier",
            key_display="←/[",
            priority=True,
            id="reports-earlier",
        ),
        Binding(
            "right,right_square_bracket",
            "move(-1)",
            "Later",
            key_display="→/]",
            priority=True,
            id="reports-later",
        ),
        Binding("w", "period('week')", "Week", id="reports-week"),
        Binding("m", "period('month')", "Month", id="reports-month"),
        Binding("y", "period('year')", "Year", id="reports-year"),
        Binding("b", "group", "Group by", id="reports-group"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.period = "week"
        self.back = 0  # 0: the current period; 1: the one before...
        self.by = "area"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("…", id="report-title")
        yield TextTable(id="report", cursor_type="row", zebra_stripes=True, flex={"name": 16})
        yield Static("", id="report-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("", key="name")
        table.add_columns("", "Time")
        super().on_mount()

    def fetch(self, db: Database, now: datetime) -> Report:
        from studytui.actions.reports import period_report

        return period_report(db, period=self.period, back=self.back, by=self.by, now=now)

    def show(self, data: Report) -> None:
        which = "this" if self.back == 0 else ("last" if self.back == 1 else f"{self.back} back")
        self.sub_title = f"{_PERIOD_NAMES[self.period]} ({which})"
        self.query_one("#report-title", Static).update(
            Text(
                f"{data.first:%a %d %b %Y} to {data.last:%a %d %b %Y}, by {data.by}: "
                f"{format_minutes(data.total_minutes)} in all"
            )
        )
        table = self.query_one(DataTable)
        table.clear()
        most = max((row.minutes for row in data.rows), default=0)
        for row in data.rows:
            table.add_row(
                Text(row.name),  # names are the user's: shown as text, never markup
                Text(bar(row.minutes, most, BAR_WIDTH)),
                Text(format_minutes(row.minutes), justify="right"),
            )
        empty = self.query_one("#report-empty", Static)
        empty.display = data.total_minutes == 0
        empty.update("Nothing logged in this period. ← and → move between periods.")

    def action_move(self, step: int) -> None:
        self.back = max(0, self.back + step)
        self.reload()

    def action_period(self, period: str) -> None:
        assert period in PERIODS
        self.period, self.back = period, 0
        self.reload()

    def action_group(self) -> None:
        self.by = GROUPINGS[(GROUPINGS.index(self.by) + 1) % len(GROUPINGS)]
        self.reload()
