"""Side activities for the quiet weeks: teaching, writing, talks, competitions, freelancing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from studytui.ui.screens.base import DataScreen

if TYPE_CHECKING:
    from studytui.db.engine import Database


class ActivitiesScreen(DataScreen[list[Any]]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="activities-summary")
        yield DataTable(id="activities", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Kind", "Activity", "Status")
        super().on_mount()

    def fetch(self, db: Database) -> list[Any]:
        from sqlmodel import select

        from studytui.db.engine import reading
        from studytui.db.models import SideActivity

        with reading(db) as session:
            return list(session.exec(select(SideActivity).order_by(SideActivity.kind)))

    def show(self, data: list[Any]) -> None:
        self.query_one("#activities-summary", Static).update(
            f"{len(data)} side activities" if data else "No side activities yet."
        )
        table = self.query_one(DataTable)
        table.clear()
        for a in data:
            table.add_row(a.kind, a.title, a.status, key=a.id)
