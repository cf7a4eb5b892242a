"""The roadmap: study areas and their milestones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header

from studytui.ui.screens.base import DataScreen

if TYPE_CHECKING:
    from studytui.db.engine import Database

STATUS_LABELS = {
    "todo": "[ ] todo",
    "in_progress": "[~] doing",
    "done": "[x] done",
    "skipped": "[-] skipped",
}


class RoadmapScreen(DataScreen[list[tuple[str, Any]]]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="milestones", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Area", "Milestone", "Status", "Est. h")
        super().on_mount()

    def fetch(self, db: Database) -> list[tuple[str, Any]]:
        from studytui.db.engine import reading
        from studytui.db.lookup import list_areas, list_milestones

        with reading(db) as session:
            areas = {a.id: a.name for a in list_areas(session)}
            return [(areas.get(m.area_id, "?"), m) for m in list_milestones(session)]

    def show(self, data: list[tuple[str, Any]]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for area, milestone in data:
            table.add_row(
                area,
                milestone.title,
                STATUS_LABELS.get(milestone.status, milestone.status),
                milestone.estimate_hours,
                key=milestone.id,
            )
