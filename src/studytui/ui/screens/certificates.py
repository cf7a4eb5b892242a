"""The certificates being prepared or held."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from studytui.ui.screens.base import DataScreen

if TYPE_CHECKING:
    from studytui.db.engine import Database


class CertificatesScreen(DataScreen[list[Any]]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="certs-summary")
        yield DataTable(id="certificates", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            "Certificate", "Provider", "Status", "Exam", "Expires"
        )
        super().on_mount()

    def fetch(self, db: Database) -> list[Any]:
        from sqlmodel import select

        from studytui.db.engine import reading
        from studytui.db.models import Certificate

        with reading(db) as session:
            return list(session.exec(select(Certificate).order_by(Certificate.name)))

    def show(self, data: list[Any]) -> None:
        self.query_one("#certs-summary", Static).update(
            f"{len(data)} certificates" if data else "No certificates yet."
        )
        table = self.query_one(DataTable)
        table.clear()
        for c in data:
            table.add_row(
                c.name, c.provider, c.status, c.exam_date or "", c.expiry_date or "", key=c.id
            )
