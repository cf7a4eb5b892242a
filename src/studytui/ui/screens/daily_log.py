"""The daily log: what was studied on a day (or in a week), with add, edit, delete and undo."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from studytui.clock import now_utc
from studytui.domain.days import EARLIEST_DAY, parse_go_to, week_days
from studytui.domain.durations import format_minutes
from studytui.domain.text import first_line
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.entry_detail import EntryDetailDialog
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.screens.base import DataScreen
from studytui.ui.screens.logging import open_entry_form, toggle_timer
from studytui.ui.store import Store
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import datetime

    from studytui.actions.database import Database
    from studytui.actions.log import EntryRow, Logged, LogView
    from studytui.actions.search import Hit
    from studytui.actions.undo import Undoable

NOTE_WIDTH = 60  # the note column's first line; v or enter shows the whole entry
GO_TO_KEYS = "enter to go there · escape to stay"
DAYS = Binding.Group("Previous and next day or week")


def _entries(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"


def _of_goal(minutes: int, goal: int) -> str:
    return format_minutes(minutes) + (f" of {format_minutes(goal)} goal" if goal else "")


def _towards(e: EntryRow) -> str:
    return " · ".join(name for name in (e.milestone, e.certificate, e.activity) if name)


class DailyLogScreen(DataScreen["LogView"]):
    CSS_PATH = "daily_log.tcss"
    TITLE = "Daily log"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "Add", id="log-add"),
        Binding("e", "edit", "Edit", id="log-edit"),
        # priority: the table would otherwise take left/right for moving between its cells.
        # Before View: moving between days is what this screen is for, and a bar too narrow
        # for both shows neither (one group) rather than Next without Previous.
        Binding(
            "left,left_square_bracket",
            "move(-1)",
            "Previous",
            key_display="←/[",
            priority=True,
            id="log-previous",
            group=DAYS,
        ),
        Binding(
            "right,right_square_bracket",
            "move(1)",
            "Next",
            key_display="→/]",
            priority=True,
            id="log-next",
            group=DAYS,
        ),
        Binding("v", "view", "View", key_display="v/enter", id="log-view"),
        Binding("x,delete", "delete", "Delete", key_display="x/del", id="log-delete"),
        Binding("space,T", "timer", "Timer", key_display="space/T", id="log-timer"),
        Binding("t", "today", "Today", id="log-today"),
        Binding("g", "go_to", "Go to day", id="log-go-to"),
        Binding("w", "toggle_week", "Day/week", id="log-week"),
        Binding("u", "undo", "Undo", id="log-undo"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.day: date | None = None  # None: follow today, even across midnight
        self.week = False
        self.data: LogView | None = None
        self.rows: dict[str, EntryRow] = {}
        self._select_after_reload: str | None = None  # an entry brought into view

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("…", id="log-title")
        yield Static("", id="log-days")
        yield Static("", id="log-timer")
        yield TextTable(
            id="entries",
            cursor_type="row",
            zebra_stripes=True,
            flex={"Note": 16, "Towards": 12, "Area": 12},
        )
        yield Static("", id="log-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_interval(1, self._tick_timer)
        super().on_mount()

    def on_screen_suspend(self) -> None:
        # Its toasts offer `u` to undo here; on the next screen `u` means something else.
        self.app.clear_notifications()

    # --- data ---------------------------------------------------------------------------------

    def fetch(self, db: Database, now: datetime) -> LogView:
        from studytui.actions.log import log_view

        return log_view(db, now=now, day=self.day, week=self.week)

    def show(self, data: LogView) -> None:
        self.data = data
        total = sum(data.totals.values())
        if data.week:
            heading = f"Week of {data.first:%a %d %b %Y}"
            if data.first <= data.today <= data.last:
                heading += " (this week)"
            title = f"{heading} — {_of_goal(total, data.weekly_goal)}"
            days = " · ".join(
                f"{d:%a} {format_minutes(data.totals.get(d, 0))}"
                for d in week_days(data.first)
                if d <= data.last
            )
        else:
            when = {data.today: " (today)", data.today - timedelta(days=1): " (yesterday)"}
            heading = f"{data.day:%A %d %B %Y}{when.get(data.day, '')}"
            title = f"{heading} — {_of_goal(total, data.daily_goal)}"
            days = ""
        title += f" in {_entries(len(data.entries))}"
        self.query_one("#log-title", Static).update(title)
        self.sub_title = heading
        days_widget = self.query_one("#log-days", Static)
        days_widget.update(days)
        days_widget.display = bool(days)
        self._fill_table(data)
        empty = self.query_one("#log-empty", Static)
        empty.display = not data.entries
        # daily_log.tcss: the empty table shrinks to its header, so the hint sits right under
        # it instead of at the foot of the screen, where nobody looks for it.
        self.set_class(not data.entries, "-empty")
        empty.update(
            f"Nothing logged {'this week' if data.week else 'on this day'}. "
            "Press n to add an entry, or space to start the timer."
        )
        self._tick_timer()

    def _fill_table(self, data: LogView) -> None:
        table = self.query_one(DataTable)
        selected = self._select_after_reload or self._selected_id()
        self._select_after_reload = None
        columns = (*(["Day"] if data.week else []), "Time", "Area", "Towards", "Note")
        # Columns are rebuilt only when the view changes: rebuilding them on every reload
        # (two can follow each other after a save) left them at their headers' width.
        if tuple(str(c.label) for c in table.columns.values()) == columns:
            table.clear()
        else:
            table.clear(columns=True)
            table.add_columns(*columns)
        self.rows = {e.id: e for e in data.entries}
        for e in data.entries:
            cells = [f"{e.day:%a %d %b}"] if data.week else []
            note = first_line(e.note, NOTE_WIDTH)
            table.add_row(*cells, format_minutes(e.minutes), e.area, _towards(e), note, key=e.id)
        if selected in self.rows:
            table.move_cursor(row=table.get_row_index(selected))

    def _selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _selected(self) -> EntryRow | None:
        entry_id = self._selected_id()
        return self.rows.get(entry_id) if entry_id else None

    def _tick_timer(self) -> None:
        timer = self.data.timer if self.data else None
        widget = self.query_one("#log-timer", Static)
        widget.display = timer is not None
        if timer is None:
            return
        seconds = timer.elapsed_seconds(now_utc())
        what = timer.what
        clock = f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
        widget.update(Text(f"⏱ {what}: {clock} — space stops it and logs the time"))

    # --- actions ------------------------------------------------------------------------------

    def action_add(self) -> None:
        day = self.data.day if self.data else None
        open_entry_form(self, day=day, on_saved=self._go_to)

    def _go_to(self, done: Logged) -> None:
        """Show the day just logged to, the new entry selected."""
        self._show_day(done.day)
        self._select_after_reload = done.entry_id

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_view()

    def action_view(self) -> None:
        """The whole entry, its note on as many lines as it has."""
        entry = self._selected()
        if entry is None:
            return

        def chosen(what: str | None) -> None:
            if what == "edit":
                self.action_edit()
            elif what == "delete":
                self.action_delete()

        self.app.push_screen(EntryDetailDialog(entry), chosen)

    def action_edit(self) -> None:
        entry = self._selected()
        if entry is not None:
            open_entry_form(self, entry=entry)

    def action_delete(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        what = f"{format_minutes(entry.minutes)} of {entry.area} on {entry.day:%a %d %b %Y}"

        def answered(yes: bool | None) -> None:
            if yes:
                from studytui.actions.log import delete_entry

                self.perform(delete_entry, entry.id, then=self.changed)

        self.app.push_screen(ConfirmDialog(f"Delete {what}?"), answered)

    def show_undone(self, change: Undoable) -> None:
        from studytui.actions.log import EntryDeleted

        if isinstance(change, EntryDeleted):
            self._show_day(change.record.day)
            self._select_after_reload = change.record.id

    def reveal(self, hit: Hit) -> None:
        """The entry a search found: its day, with it selected."""
        if hit.kind == "entry" and hit.day is not None:
            self._show_day(hit.day)
            self._select_after_reload = hit.id
            self.query_one(DataTable).focus()
            self.reload_and_show()

    def _show_day(self, day: date) -> None:
        """Show `day` (in the view shown, day or week)."""
        if self.data is None or not self.data.first <= day <= self.data.last:
            self.day = None if self.data is not None and day == self.data.today else day

    def action_go_to(self) -> None:
        if self.data is None:
            return
        today = self.data.today

        def check(text: str) -> date:
            return parse_go_to(text, today)

        def chosen(text: str | None) -> None:
            if text is not None:
                day = check(text)
                self.day = None if day == today else day
                self.reload()

        question = "Go to which day? YYYY-MM-DD, today, yesterday, or -7 for a week ago"
        self.app.push_screen(PromptDialog(question, check=check, hint=GO_TO_KEYS), chosen)

    def action_move(self, step: int) -> None:
        if self.data is None:
            return
        target = self.data.day + timedelta(days=step * (7 if self.week else 1))
        if target < EARLIEST_DAY:
            if self.data.first == EARLIEST_DAY:
                self.notify(f"{EARLIEST_DAY} is the earliest day: nothing is before it.")
                return
            target = EARLIEST_DAY
        if target > self.data.today:
            if self.data.day == self.data.today:
                self.notify("That is the future: nothing to log there yet.")
                return
            target = self.data.today
        self.day = None if target == self.data.today else target
        self.reload()

    def action_today(self) -> None:
        self.day = None
        self.reload()

    def action_toggle_week(self) -> None:
        self.week = not self.week
        if self.data is not None and self.data.day != self.data.today:
            self.day = self.data.day
        self.reload()

    def action_timer(self) -> None:
        toggle_timer(self)
