"""The daily log: what was studied on a day."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from studytui.domain.durations import format_minutes
from studytui.ui.screens.base import DataScreen

if TYPE_CHECKING:
    from studytui.db.engine import Database
    from studytui.db.entries import EntryRow


class DailyLogScreen(DataScreen[tuple[date, list["EntryRow"]]]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="log-title")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Time", "Area", "Milestone", "Note")
        super().on_mount()

    def fetch(self, db: Database) -> tuple[date, list[EntryRow]]:
        from studytui.db.engine import reading
        from studytui.db.entries import entries_between
        from studytui.db.settings_store import load_settings

        with reading(db) as session:
            today = self.study_app.store.today(load_settings(session))
            return today, entries_between(session, today, today)

    def show(self, data: tuple[date, list[EntryRow]]) -> None:
        day, entries = data
        total = sum(e.minutes for e in entries)
        self.query_one("#log-title", Static).update(
            f"{day:%A %d %B %Y}: {format_minutes(total)} in {len(entries)} entries"
        )
        table = self.query_one(DataTable)
        table.clear()
        for e in entries:
            table.add_row(format_minutes(e.minutes), e.area, e.milestone or "", e.note, key=e.id)
