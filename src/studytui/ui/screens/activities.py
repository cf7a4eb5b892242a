"""Side activities for the quiet weeks: teaching, writing, talks, competitions, freelancing.

One table grouped by status or by kind (g toggles), the selected activity's details beneath,
and the totals per kind at the bottom. Every change goes through db.activities in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from studytui.domain.activities import (
    KIND_LABELS,
    KINDS,
    STATUS_DISPLAY_ORDER,
    STATUS_LABELS,
    ActivityInput,
    format_earnings,
    format_span,
    from_idea,
    grand_total,
    totals_by_kind,
)
from studytui.domain.durations import format_hours
from studytui.ui.dialogs.activity_form import ActivityFormDialog
from studytui.ui.dialogs.activity_idea import OWN_IDEA, IdeaPickerDialog
from studytui.ui.dialogs.activity_payment import (
    NewPayment,
    PaymentDialog,
    PaymentLine,
    RemovePayment,
)
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.screens.base import DataScreen
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from studytui.db.activities import ActivityRow
    from studytui.db.engine import Database


@dataclass(frozen=True)
class ActivitiesData:
    today: date
    rows: list[ActivityRow]
    used_ideas: set[str] = field(default_factory=set)


class ActivitiesScreen(DataScreen[ActivitiesData]):
    TITLE = "Side activities"
    CSS_PATH = "activities.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="activities-new"),
        Binding("e", "edit", "Edit", id="activities-edit"),
        Binding("right_square_bracket", "move(1)", "Next status", key_display="]",
                id="activities-next-status"),
        Binding("left_square_bracket", "move(-1)", "Previous status", key_display="[",
                id="activities-previous-status"),
        Binding("p", "payments", "Payments", id="activities-payments"),
        Binding("g", "toggle_group", "Group by kind/status", id="activities-group"),
        Binding("delete,x", "delete", "Delete", key_display="del", id="activities-delete"),
    ]  # fmt: skip

    group_by: str = "status"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="activities-summary")
        yield TextTable(id="activities", cursor_type="row", zebra_stripes=True)
        with Vertical(id="activities-bottom"):
            yield Static("", id="activity-detail")
            yield Static("", id="activity-totals")
        yield KeyBar()

    def on_mount(self) -> None:
        self._data: ActivitiesData | None = None
        self._rows: dict[str, ActivityRow] = {}
        self._select_after_reload: str | None = None
        self.query_one("#activity-detail").border_title = "Selected"
        self.query_one("#activity-totals").border_title = "Totals per kind"
        super().on_mount()

    # --- loading -------------------------------------------------------------------------------

    def fetch(self, db: Database) -> ActivitiesData:
        from studytui.db.activities import list_activities, used_idea_keys
        from studytui.db.engine import reading
        from studytui.db.settings_store import load_settings

        with reading(db) as session:
            today = self.study_app.store.today(load_settings(session))
            return ActivitiesData(today, list_activities(session), used_idea_keys(session))

    def show(self, data: ActivitiesData) -> None:
        self._data = data
        self._rows = {row.id: row for row in data.rows}
        self._fill_table()
        self._show_totals(data.rows)
        self._show_summary(data.rows)
        self._show_detail()

    def _groups(self, rows: list[ActivityRow]) -> list[tuple[str, list[ActivityRow]]]:
        if self.group_by == "kind":
            keys, labels, attr = KINDS, KIND_LABELS, "kind"
        else:
            keys, labels, attr = STATUS_DISPLAY_ORDER, STATUS_LABELS, "status"
        groups = [(labels[k], [r for r in rows if getattr(r, attr) == k]) for k in keys]
        return [(label, group) for label, group in groups if group]

    def _fill_table(self) -> None:
        table = self.query_one("#activities", DataTable)
        # A new activity gets the cursor; otherwise it stays on the activity it was on.
        selected = self._select_after_reload or self.selected_id()
        self._select_after_reload = None
        by_kind = self.group_by == "kind"
        table.clear(columns=True)
        table.add_columns(
            "Kind" if by_kind else "Status",
            "Activity",
            "Status" if by_kind else "Kind",
            "Hours",
            "Earnings",
            "Dates",
        )
        for label, group in self._groups(list(self._rows.values())):
            for index, row in enumerate(group):
                table.add_row(
                    label if index == 0 else "",  # the group's name only on its first row
                    row.title,
                    row.status if by_kind else KIND_LABELS.get(row.kind, row.kind),
                    format_hours(row.minutes),
                    format_earnings(row.earnings),
                    format_span(row.start_date, row.end_date),
                    key=row.id,
                )
        if selected is not None and selected in self._rows:
            table.move_cursor(row=table.get_row_index(selected))

    def _show_summary(self, rows: list[ActivityRow]) -> None:
        summary = self.query_one("#activities-summary", Static)
        if not rows:
            summary.update("No side activities yet. Press n to pick an idea or add your own.")
            return
        active = sum(1 for r in rows if r.status == "active")
        summary.update(
            f"{len(rows)} side activit{'y' if len(rows) == 1 else 'ies'}, {active} active · "
            f"grouped by {self.group_by} "
            "(g to switch) · ] and [ move the status"
        )

    def _show_totals(self, rows: list[ActivityRow]) -> None:
        totals = totals_by_kind(rows)
        if not totals:
            self.query_one("#activity-totals", Static).update("Nothing yet.")
            return
        width = max(len(KIND_LABELS.get(t.kind, t.kind)) for t in totals)
        # Text, not markup: currencies and kinds may come from an import file.
        text = Text("\n").join(
            Text(
                f"{KIND_LABELS.get(t.kind, t.kind):<{width}}  {format_hours(t.minutes):>8}  "
                f"{format_earnings(t.earnings) or '-'}"
            )
            for t in totals
        )
        overall = grand_total(totals)
        text.append(
            f"\n{'All':<{width}}  {format_hours(overall.minutes):>8}  "
            f"{format_earnings(overall.earnings) or '-'}",
            style="bold",
        )
        self.query_one("#activity-totals", Static).update(text)

    def _show_detail(self) -> None:
        detail = self.query_one("#activity-detail", Static)
        row = self.selected_row()
        if row is None:
            detail.update("")
            return
        # Text, not markup: every part is the user's or an import file's text.
        text = Text(row.title, style="bold")
        text.append(f" · {row.kind} · {row.status}")
        if row.description:
            text.append(f"\n{row.description}")
        dates = format_span(row.start_date, row.end_date)
        for name, value in (("Link", row.link), ("Outcome", row.outcome), ("Dates", dates)):
            if value:
                text.append(f"\n{name}: ", style="bold")
                text.append(value)
        text.append("\nHours: ", style="bold")
        text.append(format_hours(row.minutes))
        text.append(" · Earnings: ", style="bold")
        text.append(format_earnings(row.earnings) or "none yet (p to add)")
        detail.update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_edit()

    # --- selection -----------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        table = self.query_one("#activities", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def selected_row(self) -> ActivityRow | None:
        selected = self.selected_id()
        return self._rows.get(selected) if selected is not None else None

    def _today(self) -> date:
        # Actions run only once data is shown (they need a row, or check _data first).
        assert self._data is not None
        return self._data.today

    # --- actions -------------------------------------------------------------------------------

    def action_toggle_group(self) -> None:
        self.group_by = "kind" if self.group_by == "status" else "status"
        if self._data is not None:
            self.show(self._data)

    def action_new(self) -> None:
        from studytui.content import load_activity_ideas

        if self._data is None:
            return
        dialog = IdeaPickerDialog(load_activity_ideas(), self._data.used_ideas)
        self.app.push_screen(dialog, self._picked)

    def _picked(self, key: str | None) -> None:
        if key is None:
            return
        from studytui.content import load_activity_ideas

        if key == OWN_IDEA:
            initial = ActivityInput(kind="writing", title="")
        else:
            initial = from_idea(next(i for i in load_activity_ideas() if i.key == key))
        self.app.push_screen(
            ActivityFormDialog("New side activity", initial, today=self._today()),
            self._save_new,
        )

    def _save_new(self, data: ActivityInput | None) -> None:
        if data is None:
            return
        today = self._today()

        def write(db: Database) -> str:
            from studytui.db.activities import add_activity
            from studytui.db.engine import writing

            with writing(db) as session:
                return add_activity(session, data=data, today=today).id

        self.run_write(write, then=self._added)

    def _added(self, activity_id: str) -> None:
        self._select_after_reload = activity_id
        self.notify("Side activity added")

    def action_edit(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        initial = ActivityInput(
            kind=row.kind,
            title=row.title,
            status=row.status,
            description=row.description,
            link=row.link,
            start_date=row.start_date,
            end_date=row.end_date,
            outcome=row.outcome,
            idea_key=row.idea_key,
        )
        dialog = ActivityFormDialog(
            f"Edit {row.title}", initial, today=self._today(), old_status=row.status
        )
        self.app.push_screen(dialog, lambda data: self._save_edit(row.id, data))

    def _save_edit(self, activity_id: str, data: ActivityInput | None) -> None:
        if data is None:
            return
        today = self._today()

        def write(db: Database) -> None:
            from studytui.db.activities import update_activity
            from studytui.db.engine import writing

            with writing(db) as session:
                update_activity(session, activity_id, data=data, today=today)

        self.run_write(write, then=lambda _: self.notify("Saved"))

    def action_move(self, step: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        today = self._today()

        def write(db: Database) -> str:
            from studytui.db.activities import move_status
            from studytui.db.engine import writing

            with writing(db) as session:
                return move_status(session, row.id, step=step, today=today).status

        self.run_write(write, then=lambda status: self.notify(f"{row.title}: {status}"))

    def action_delete(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        extra = " and its payments" if row.earnings else ""
        hours = " Time logged for it stays in the log." if row.minutes else ""
        question = f'Delete "{row.title}"{extra}?{hours}'
        self.app.push_screen(
            ConfirmDialog(question), lambda yes: self._delete(row.id, row.title) if yes else None
        )

    def _delete(self, activity_id: str, title: str) -> None:
        def write(db: Database) -> None:
            from studytui.db.activities import delete_activity
            from studytui.db.engine import writing

            with writing(db) as session:
                delete_activity(session, activity_id)

        self.run_write(write, then=lambda _: self.notify(f"Deleted {title}"))

    def action_payments(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_payments(row)

    @work(thread=True, group="payments")
    def _open_payments(self, row: ActivityRow) -> None:
        from studytui.db.activities import list_payments
        from studytui.db.engine import reading
        from studytui.db.errors import StoreError

        try:
            with reading(self.study_app.store.db) as session:
                payments = list_payments(session, row.id)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=8)
            return
        lines = [
            PaymentLine(p.id, p.amount_cents, p.currency, p.received_on, p.note) for p in payments
        ]
        currency = payments[-1].currency if payments else "USD"
        dialog = PaymentDialog(row.title, lines, today=self._today(), currency=currency)
        self.app.call_from_thread(
            self.app.push_screen, dialog, lambda result: self._payment_done(row, result)
        )

    def _payment_done(self, row: ActivityRow, result: NewPayment | RemovePayment | None) -> None:
        if isinstance(result, NewPayment):
            self._add_payment(row, result)
        elif isinstance(result, RemovePayment):
            from studytui.domain.activities import format_money

            amount = format_money(result.payment.cents, result.payment.currency)
            question = f"Delete the payment of {amount} received {result.payment.received_on}?"
            self.app.push_screen(
                ConfirmDialog(question),
                lambda yes: self._remove_payment(result.payment.id) if yes else None,
            )

    def _add_payment(self, row: ActivityRow, payment: NewPayment) -> None:
        today = self._today()

        def write(db: Database) -> None:
            from studytui.db.activities import add_payment
            from studytui.db.engine import writing

            with writing(db) as session:
                add_payment(
                    session,
                    activity_id=row.id,
                    money=payment.money,
                    received_on=payment.received_on,
                    today=today,
                    note=payment.note,
                )

        self.run_write(write, then=lambda _: self.notify(f"Payment added to {row.title}"))

    def _remove_payment(self, payment_id: str) -> None:
        def write(db: Database) -> None:
            from studytui.db.activities import delete_payment
            from studytui.db.engine import writing

            with writing(db) as session:
                delete_payment(session, payment_id)

        self.run_write(write, then=lambda _: self.notify("Payment deleted"))
