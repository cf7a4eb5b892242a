"""The certificates being planned, prepared, booked or held; what matters first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from studytui.clock import now
from studytui.domain.catalogue import certificate_reminders, retirement_note
from studytui.domain.certificates import (
    RECENT_PASS_MONTHS,
    STATUS_LABELS,
    TRACK_LABELS,
    PassedInput,
    has_exam_ahead,
    parse_retake,
    passed_recently,
    reminder_text,
    sort_keys,
    validity_text,
)
from studytui.domain.durations import format_hours
from studytui.domain.money import format_money
from studytui.domain.sorting import SortOrder, sort_rows
from studytui.ui.dialogs.certificate_catalogue import CataloguePicker
from studytui.ui.dialogs.certificate_form import CertificateForm
from studytui.ui.dialogs.certificate_passed import MarkPassedDialog
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.screens.base import DataScreen
from studytui.ui.store import Store
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import datetime

    from studytui.actions.certificates import (
        CertificateInput,
        CertificateRecord,
        CertificateRow,
        CertificatesView,
        Passed,
    )
    from studytui.actions.database import Database
    from studytui.actions.search import Hit

# The dashboard's marks (widgets/reminders_section.py) and the table's: ◆ an exam ahead, ⚠ expiring.
_ICONS = {"exam": "◆", "expiry": "⚠", "retired": "⊘"}
# (sort key, header) of the table's columns, in order; `o` steps through them.
COLUMNS = (
    ("name", "Certificate"),
    ("status", "Status"),
    ("date", "Date"),
    ("expires", "Expires"),
    ("logged", "Logged"),
    ("cost", "Cost"),
)
# The table's cells are short, so that all six columns fit on 80 columns: the status says what
# the date is, the marks are spelled out under the table and in the reminders above it.
_SHORT_STATUS = {"exam_booked": "booked"}
_VALIDITY_MARKS = {"expired": " ✗", "expires soon": " ⚠"}


def _expiry_cell(row: CertificateRow, today: date) -> str:
    if row.expiry_date is None:
        return "never" if row.status == "passed" else ""
    return f"{row.expiry_date}{_VALIDITY_MARKS.get(validity_text(row, today), '')}"


def _date_cell(row: CertificateRow, today: date) -> str:
    """The one date that matters now: the exam ahead (◆), else the pass, else a past exam."""
    if has_exam_ahead(row, today):
        return f"{row.exam_date} ◆"
    if row.status == "passed" and row.passed_date:
        return str(row.passed_date)
    return str(row.exam_date) if row.exam_date else ""


def _dates(row: CertificateRow, today: date) -> str:
    """The dates in words, for the details under the table."""
    parts = []
    if row.exam_date:
        ahead = " (ahead)" if has_exam_ahead(row, today) else ""
        parts.append(f"exam {row.exam_date}{ahead}")
    if row.status == "passed" and row.passed_date:
        parts.append(f"passed {row.passed_date}")
    if row.expiry_date:
        state = validity_text(row, today)
        parts.append(f"expires {row.expiry_date}" + (f" ({state})" if state != "valid" else ""))
    return " · ".join(parts)


def _details(row: CertificateRow, retired: str, today: date) -> Text:
    # Text, not markup: names and notes are typed by the user and may contain brackets.
    text = Text(row.name, style="bold")
    facts = [row.provider, TRACK_LABELS.get(row.track, row.track), _dates(row, today)]
    text.append("".join(f" · {fact}" for fact in facts if fact))
    credential = " · ".join(part for part in (row.credential_id, row.credential_url) if part)
    if credential:
        text.append(f"\nCredential: {credential}")
    if retired:
        text.append(f"\n{retired}.", style="bold")
    if row.notes:
        text.append(f"\n{row.notes}")
    return text


class CertificatesScreen(DataScreen["CertificatesView"]):
    TITLE = "Certificates"
    CSS_PATH = "certificates.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "add_from_catalogue", "Add from catalogue", id="certs-catalogue"),
        Binding("n", "add_custom", "Add custom", id="certs-new"),
        Binding("e", "edit", "Edit", id="certs-edit"),
        Binding("p", "mark_passed", "Mark passed", id="certs-passed"),
        Binding("f", "mark_failed", "Mark failed", id="certs-failed"),
        Binding("delete,x", "delete", "Delete", key_display="del", id="certs-delete"),
        Binding("u", "undo", "Undo", id="certs-undo"),
        Binding("o", "sort", "Sort", id="certs-sort"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="certs-summary")
        # The names give way on a narrow terminal; the details below show the whole name.
        yield TextTable(id="certificates", cursor_type="row", zebra_stripes=True, flex={"name": 20})
        yield Static("", id="certs-details")
        yield KeyBar()

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._data: CertificatesView | None = None
        self._rows: list[CertificateRow] = []  # as shown, in the order shown
        self.sort = SortOrder()  # kept while the app runs
        self._reveal_id: str | None = None  # a certificate a search found, to select

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        super().on_mount()

    def fetch(self, db: Database, now: datetime) -> CertificatesView:
        from studytui.actions.certificates import certificates_view

        return certificates_view(db, now=now)

    def show(self, data: CertificatesView) -> None:
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
            reminders = certificate_reminders(data.rows, data.catalogue.items, today)
            lines += [f"{_ICONS[r.kind]} {reminder_text(r, today)}" for r in reminders]
            summary.update(Text("\n".join(lines)))
        table = self.query_one(DataTable)
        row_index, selected = table.cursor_row, self._current()
        table.clear()
        self._rows = self._sorted(data.rows, today)
        for key, label in COLUMNS:
            table.columns[ColumnKey(key)].label = Text(label + self.sort.arrow(key))
        for row in self._rows:
            cells = (
                row.name,
                _SHORT_STATUS.get(row.status) or STATUS_LABELS.get(row.status, row.status),
                _date_cell(row, today),
                _expiry_cell(row, today),
                format_hours(row.minutes) if row.minutes else "",
                format_money(row.cost_cents, row.currency) if row.cost_cents else "",
            )
            table.add_row(*(Text(cell) for cell in cells), key=row.id)
        ids = [row.id for row in self._rows]
        wanted = self._reveal_id or (selected.id if selected is not None else None)
        self._reveal_id = None
        if wanted in ids:  # the same certificate, wherever it is now
            table.move_cursor(row=ids.index(wanted))
        elif self._rows:
            table.move_cursor(row=min(max(row_index, 0), len(self._rows) - 1))
        self._show_details()

    def reveal(self, hit: Hit) -> None:
        if hit.kind == "certificate":
            self._reveal_id = hit.id
            self.query_one(DataTable).focus()
            self.reload_and_show()

    def _sorted(self, rows: Sequence[CertificateRow], today: date) -> list[CertificateRow]:
        column = self.sort.column
        if column is None:
            return list(rows)  # what matters first
        return sort_rows(rows, sort_keys(today)[column], descending=self.sort.descending)

    def _current(self) -> CertificateRow | None:
        table = self.query_one(DataTable)
        if not 0 <= table.cursor_row < len(self._rows):
            return None
        return self._rows[table.cursor_row]

    # --- sorting -------------------------------------------------------------------------------

    def action_sort(self) -> None:
        """The next column along; after the last, what matters first again."""
        self._sort_by(self.sort.next_column([key for key, _label in COLUMNS]))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        self._sort_by(self.sort.clicked(str(event.column_key.value)))

    def _sort_by(self, order: SortOrder) -> None:
        self.sort = order
        labels = dict(COLUMNS)
        way = " (descending)" if order.descending else ""
        said = f"by {labels[order.column].lower()}{way}" if order.column else "what matters first"
        # In place of the last one: toasts pressed in quick succession stack up, and at 80x24
        # those that do not fit are never cleared from the screen (a Textual fault).
        self.app.clear_notifications()
        self.notify(f"Sorted {said}; o for the next column.")
        if self._data is not None:
            self.show(self._data)

    def _show_details(self) -> None:
        row = self._current()
        if row is None or self._data is None:
            self.query_one("#certs-details", Static).update("")
            return
        retired = retirement_note(row, self._data.catalogue.items, self._data.today)
        self.query_one("#certs-details", Static).update(_details(row, retired, self._data.today))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_details()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    # --- actions -----------------------------------------------------------------------------

    def _added(self, record: CertificateRecord | None) -> None:
        if record is not None:
            self.notify(f"Added {record.name}.")
            self.reload()

    def _saved(self, record: CertificateRecord | None) -> None:
        if record is not None:
            self.notify(f"Saved {record.name}.")
            self.reload()

    def action_add_from_catalogue(self) -> None:
        if self._data is None:
            return
        from studytui.actions.certificates import add_from_catalogue

        store = self.store

        def add(key: str) -> CertificateRecord:
            return add_from_catalogue(store.db, key, now=now())

        catalogue = self._data.catalogue
        self.app.push_screen(
            CataloguePicker(catalogue.offered, catalogue.taken, add), callback=self._added
        )

    def action_add_custom(self) -> None:
        if self._data is None:
            return
        from studytui.actions.certificates import add_certificate

        store = self.store

        def save(draft: CertificateInput) -> CertificateRecord:
            return add_certificate(store.db, draft, now=now())

        self.app.push_screen(
            CertificateForm("New certificate", self._data.today, save), self._added
        )

    def action_edit(self) -> None:
        row = self._current()
        if row is None or self._data is None:
            return
        from studytui.actions.certificates import update_certificate

        store, certificate_id = self.store, row.id

        def save(draft: CertificateInput) -> CertificateRecord:
            return update_certificate(store.db, certificate_id, draft, now=now())

        form = CertificateForm(f"Edit {row.name}", self._data.today, save, row.as_input())
        self.app.push_screen(form, self._saved)

    def action_mark_passed(self) -> None:
        row = self._current()
        if row is None or self._data is None:
            return

        def save(draft: PassedInput | None) -> None:
            if draft is None:
                return
            from studytui.actions.certificates import mark_passed

            self.perform(mark_passed, row.id, draft, then=self._congratulate)

        dialog = MarkPassedDialog(
            row.name,
            self._data.today,
            validity_months=self._data.catalogue.validity_months(row.catalogue_key),
            credential_id=row.credential_id,
            expiry=row.expiry_date,
        )
        self.app.push_screen(dialog, callback=save)

    def _congratulate(self, done: Passed) -> None:
        self.changed(done)
        self.notify(f"Congratulations on {done.name}!")

    def action_mark_failed(self) -> None:
        row = self._current()
        if row is None or self._data is None:
            return
        today = self._data.today

        def check(text: str) -> date | None:
            return parse_retake(text, today)

        def save(text: str | None) -> None:
            if text is None:
                return
            from studytui.actions.certificates import mark_failed

            self.perform(mark_failed, row.id, check(text), then=self.changed)

        question = f"Failed {row.name}. New exam date? (YYYY-MM-DD, blank if not booked yet)"
        self.app.push_screen(PromptDialog(question, check=check), callback=save)

    def action_delete(self) -> None:
        row = self._current()
        if row is None:
            return

        def delete(yes: bool | None) -> None:
            if not yes:
                return
            from studytui.actions.certificates import delete_certificate

            self.perform(delete_certificate, row.id, then=self.changed)

        question = f'Delete "{row.name}"? Time logged against it stays in your log.'
        self.app.push_screen(ConfirmDialog(question), callback=delete)
