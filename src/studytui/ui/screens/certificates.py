"""The certificates being planned, prepared, booked or held; what matters first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from studytui.domain.catalogue import certificate_reminders, offered, retirement_note
from studytui.domain.certificates import (
    RECENT_PASS_MONTHS,
    STATUS_LABELS,
    TRACK_LABELS,
    CertificateInput,
    PassedInput,
    format_money,
    has_exam_ahead,
    parse_date,
    passed_recently,
    reminder_text,
    validity_text,
)
from studytui.domain.durations import format_hours
from studytui.ui.dialogs.certificate_catalogue import CataloguePicker
from studytui.ui.dialogs.certificate_form import CertificateForm
from studytui.ui.dialogs.certificate_passed import MarkPassedDialog
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.screens.base import DataScreen
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from studytui.db.certificates import CertificateRow
    from studytui.db.engine import Database
    from studytui.domain.content import CatalogueCertificate


_ICONS = {"exam": "⏰", "expiry": "⏰", "retired": "⊘"}


@dataclass(frozen=True)
class CertificatesData:
    today: date
    rows: list[CertificateRow]
    catalogue: tuple[CatalogueCertificate, ...]


def _expiry_cell(row: CertificateRow, today: date) -> str:
    if row.expiry_date is None:
        return "never" if row.status == "passed" else ""
    state = validity_text(row, today)
    mark = {"expired": " ✗ expired", "expires soon": " ⚠ soon"}.get(state, "")
    return f"{row.expiry_date}{mark}"


def _date_cell(row: CertificateRow, today: date) -> str:
    """The one date that matters now: the exam ahead, else the pass, else a past exam."""
    if has_exam_ahead(row, today):
        return f"exam {row.exam_date} ◆"
    if row.status == "passed" and row.passed_date:
        return f"passed {row.passed_date}"
    return f"exam {row.exam_date}" if row.exam_date else ""


def _details(row: CertificateRow, retired: str) -> Text:
    # Text, not markup: names and notes are typed by the user and may contain brackets.
    text = Text(row.name, style="bold")
    facts = [row.provider, TRACK_LABELS.get(row.track, row.track)]
    if row.exam_date and row.status == "passed":
        facts.append(f"exam {row.exam_date}")
    text.append("".join(f" · {fact}" for fact in facts if fact))
    credential = " · ".join(part for part in (row.credential_id, row.credential_url) if part)
    if credential:
        text.append(f"\nCredential: {credential}")
    if retired:
        text.append(f"\n{retired}.", style="bold")
    if row.notes:
        text.append(f"\n{row.notes}")
    return text


class CertificatesScreen(DataScreen[CertificatesData]):
    TITLE = "Certificates"
    CSS_PATH = "certificates.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "add_from_catalogue", "Add from catalogue", id="certs-catalogue"),
        Binding("n", "add_custom", "Add custom", id="certs-new"),
        Binding("e", "edit", "Edit", id="certs-edit"),
        Binding("p", "mark_passed", "Mark passed", id="certs-passed"),
        Binding("f", "mark_failed", "Mark failed", id="certs-failed"),
        Binding("delete,x", "delete", "Delete", key_display="del", id="certs-delete"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="certs-summary")
        yield TextTable(id="certificates", cursor_type="row", zebra_stripes=True)
        yield Static("", id="certs-details")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # A fixed name width keeps every column on a 120-column terminal; the details panel
        # below the table shows the full name, provider and track.
        table.add_column("Certificate", width=42)
        table.add_columns("Status", "Date", "Expires", "Logged", "Cost")
        self._data: CertificatesData | None = None
        super().on_mount()

    def fetch(self, db: Database) -> CertificatesData:
        from studytui.content import load_certificate_catalogue
        from studytui.db.certificates import list_certificates
        from studytui.db.engine import reading
        from studytui.db.settings_store import load_settings

        with reading(db) as session:
            today = self.study_app.store.today(load_settings(session))
            rows = list_certificates(session, today=today)
        return CertificatesData(today, rows, load_certificate_catalogue())

    def show(self, data: CertificatesData) -> None:
        self._data = data
        today = data.today
        summary = self.query_one("#certs-summary", Static)
        if not data.rows:
            summary.update(
                "No certificates yet. Press b to add one from the catalogue, n for your own."
            )
        else:
            count, recent = len(data.rows), passed_recently(data.rows, today)
            lines = [
                f"{count} certificate{'s' if count != 1 else ''} · "
                f"{recent} passed in the last {RECENT_PASS_MONTHS} months"
            ]
            reminders = certificate_reminders(data.rows, data.catalogue, today)
            lines += [f"{_ICONS[r.kind]} {reminder_text(r, today)}" for r in reminders]
            summary.update(Text("\n".join(lines)))
        table = self.query_one(DataTable)
        row_index = table.cursor_row
        table.clear()
        for row in data.rows:
            cells = (
                row.name,
                STATUS_LABELS.get(row.status, row.status),
                _date_cell(row, today),
                _expiry_cell(row, today),
                format_hours(row.minutes) if row.minutes else "",
                format_money(row.cost_cents, row.currency),
            )
            table.add_row(*(Text(cell) for cell in cells), key=row.id)
        if data.rows:
            table.move_cursor(row=min(max(row_index, 0), len(data.rows) - 1))
        self._show_details()

    def _current(self) -> CertificateRow | None:
        table = self.query_one(DataTable)
        if self._data is None or not 0 <= table.cursor_row < len(self._data.rows):
            return None
        return self._data.rows[table.cursor_row]

    def _show_details(self) -> None:
        row = self._current()
        if row is None or self._data is None:
            self.query_one("#certs-details", Static).update("")
            return
        retired = retirement_note(row, self._data.catalogue, self._data.today)
        self.query_one("#certs-details", Static).update(_details(row, retired))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_details()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    # --- actions -----------------------------------------------------------------------------

    def action_add_from_catalogue(self) -> None:
        if self._data is None:
            return
        taken = {row.catalogue_key for row in self._data.rows if row.catalogue_key}
        by_key = {item.key: item for item in self._data.catalogue}

        def add(key: str | None) -> None:
            if key is None:
                return
            item = by_key[key]

            def write(db: Database) -> None:
                from studytui.db.certificates import add_from_catalogue
                from studytui.db.engine import writing

                with writing(db) as session:
                    add_from_catalogue(session, item=item)

            self.run_write(write, then=lambda _: self.notify(f"Added {item.label}."))

        # Retired exams stay in the catalogue only to recognise certificates already tracked.
        choices = offered(self._data.catalogue, self._data.today)
        self.app.push_screen(CataloguePicker(choices, taken), callback=add)

    def action_add_custom(self) -> None:
        if self._data is None:
            return
        today, names = self._data.today, [row.name for row in self._data.rows]

        def add(data: CertificateInput | None) -> None:
            if data is None:
                return

            def write(db: Database) -> None:
                from studytui.db.certificates import add_certificate
                from studytui.db.engine import writing

                with writing(db) as session:
                    add_certificate(session, data=data, today=today)

            self.run_write(write, then=lambda _: self.notify(f"Added {data.name}."))

        self.app.push_screen(CertificateForm("New certificate", today, taken=names), callback=add)

    def action_edit(self) -> None:
        row = self._current()
        if row is None or self._data is None:
            return
        today = self._data.today
        names = [other.name for other in self._data.rows if other.id != row.id]

        def save(data: CertificateInput | None) -> None:
            if data is None:
                return

            def write(db: Database) -> None:
                from studytui.db.certificates import update_certificate
                from studytui.db.engine import writing

                with writing(db) as session:
                    update_certificate(session, row.id, data=data, today=today)

            self.run_write(write, then=lambda _: self.notify(f"Saved {data.name}."))

        form = CertificateForm(f"Edit {row.name}", today, row.as_input(), taken=names)
        self.app.push_screen(form, callback=save)

    def action_mark_passed(self) -> None:
        row = self._current()
        if row is None or self._data is None:
            return
        today = self._data.today
        validity = next(
            (i.validity_months for i in self._data.catalogue if i.key == row.catalogue_key), 0
        )

        def save(result: PassedInput | None) -> None:
            if result is None:
                return

            def write(db: Database) -> None:
                from studytui.db.certificates import mark_passed
                from studytui.db.engine import writing

                with writing(db) as session:
                    mark_passed(
                        session,
                        row.id,
                        passed_date=result.passed_date,
                        expiry_date=result.expiry_date,
                        credential_id=result.credential_id,
                        today=today,
                    )

            self.run_write(write, then=lambda _: self.notify(f"Congratulations on {row.name}!"))

        dialog = MarkPassedDialog(
            row.name,
            today,
            validity_months=validity,
            credential_id=row.credential_id,
            expiry=row.expiry_date,
        )
        self.app.push_screen(dialog, callback=save)

    def action_mark_failed(self) -> None:
        row = self._current()
        if row is None or self._data is None:
            return
        today = self._data.today

        def check(text: str) -> date | None:
            day = parse_date(text, today, "new exam date")
            if day is not None and day < today:
                from studytui.domain.errors import ValidationError

                raise ValidationError(f"the new exam date {day} has already gone")
            return day

        def save(text: str | None) -> None:
            if text is None:
                return
            new_date = check(text)

            def write(db: Database) -> None:
                from studytui.db.certificates import mark_failed
                from studytui.db.engine import writing

                with writing(db) as session:
                    mark_failed(session, row.id, today=today, new_exam_date=new_date)

            self.run_write(write, then=lambda _: self.notify("Noted. The attempt stays in notes."))

        question = f"Failed {row.name}. New exam date? (YYYY-MM-DD, blank if not booked yet)"
        self.app.push_screen(PromptDialog(question, check=check), callback=save)

    def action_delete(self) -> None:
        row = self._current()
        if row is None:
            return

        def delete(yes: bool | None) -> None:
            if not yes:
                return

            def write(db: Database) -> None:
                from studytui.db.certificates import delete_certificate
                from studytui.db.engine import writing

                with writing(db) as session:
                    delete_certificate(session, row.id)

            self.run_write(write, then=lambda _: self.notify(f"Deleted {row.name}."))

        question = f'Delete "{row.name}"? Time logged against it stays in your log.'
        self.app.push_screen(ConfirmDialog(question), callback=delete)
