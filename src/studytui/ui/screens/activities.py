"""Side activities for the quiet weeks: teaching, writing, talks, competitions, freelancing.

One table grouped by status or by kind (g toggles), the selected activity's details beneath,
and the totals per kind at the bottom. Every change is an action (`actions.activities`) run in
a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from studytui.clock import now
from studytui.domain.activities import (
    KIND_LABELS,
    SORT_KEYS,
    ActivityInput,
    PaymentDraft,
    format_earnings,
    format_span,
    from_idea,
)
from studytui.domain.durations import format_hours
from studytui.domain.money import format_money
from studytui.domain.sorting import SortOrder, sort_rows
from studytui.ui.dialogs.activity_form import ActivityFormDialog
from studytui.ui.dialogs.activity_idea import OWN_IDEA, IdeaPickerDialog
from studytui.ui.dialogs.activity_payment import PaymentDialog, RemovePayment
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.screens.base import DataScreen
from studytui.ui.store import Store
from studytui.ui.widgets.key_bar import KeyBar
from studytui.ui.widgets.text_table import TextTable
from studytui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from datetime import date, datetime

    from studytui.actions.activities import (
        ActivitiesView,
        ActivityRecord,
        ActivityRow,
        Payments,
    )
    from studytui.actions.database import Database
    from studytui.actions.search import Hit


class ActivitiesScreen(DataScreen["ActivitiesView"]):
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
        Binding("u", "undo", "Undo", id="activities-undo"),
        Binding("o", "sort", "Sort", id="activities-sort"),
    ]  # fmt: skip

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.group_by = "status"
        self.sort = SortOrder()  # None: grouped; a column: one list sorted by it
        self._data: ActivitiesView | None = None
        self._rows: dict[str, ActivityRow] = {}
        self._select_after_reload: str | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="activities-summary")
        yield TextTable(id="activities", cursor_type="row", zebra_stripes=True, flex={"title": 20})
        with Vertical(id="activities-bottom"):
            yield Static("", id="activity-detail")
            yield Static("", id="activity-totals")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#activity-detail").border_title = "Selected"
        self.query_one("#activity-totals").border_title = "Totals per kind"
        super().on_mount()

    # --- loading -------------------------------------------------------------------------------

    def fetch(self, db: Database, now: datetime) -> ActivitiesView:
        from studytui.actions.activities import activities_view

        return activities_view(db, now=now)

    def show(self, data: ActivitiesView) -> None:
        self._data = data
        self._rows = {row.id: row for row in data.rows}
        self._fill_table(data)
        self._show_totals(data)
        self._show_summary(data)
        self._show_detail()

    def _fill_table(self, data: ActivitiesView) -> None:
        table = self.query_one("#activities", DataTable)
        # A new activity gets the cursor; otherwise it stays on the activity it was on.
        selected = self._select_after_reload or self.selected_id()
        self._select_after_reload = None
        by_kind = self.group_by == "kind"
        table.clear(columns=True)
        columns = self._columns()
        for key, label in columns:
            table.add_column(label + self.sort.arrow(key), key=key)
        groups: list[tuple[str | None, Sequence[ActivityRow]]]
        if self.sort.column is None:
            groups = [(g.label, g.rows) for g in (data.by_kind if by_kind else data.by_status)]
        else:
            by = SORT_KEYS[self.sort.column]
            groups = [(None, sort_rows(data.rows, by, descending=self.sort.descending))]
        for group, rows in groups:
            for index, row in enumerate(rows):
                kind, status = KIND_LABELS.get(row.kind, row.kind), row.status
                if group is None:  # one sorted list: every row says its own
                    first = kind if by_kind else status
                else:  # grouped: the group's name only on its first row
                    first = group if index == 0 else ""
                table.add_row(
                    first,
                    row.title,
                    status if by_kind else kind,
                    format_hours(row.minutes),
                    format_earnings(row.earnings),
                    format_span(row.start_date, row.end_date),
                    key=row.id,
                )
        if selected is not None and selected in self._rows:
            table.move_cursor(row=table.get_row_index(selected))

    def _columns(self) -> list[tuple[str, str]]:
        """(sort key, header) of the table's columns: the grouping first."""
        first, third = ("kind", "status") if self.group_by == "kind" else ("status", "kind")
        return [
            (first, first.title()),
            ("title", "Activity"),
            (third, third.title()),
            ("hours", "Hours"),
            ("earnings", "Earnings"),
            ("dates", "Dates"),
        ]

    def _show_summary(self, data: ActivitiesView) -> None:
        summary = self.query_one("#activities-summary", Static)
        rows = data.rows
        if not rows:
            summary.update("No side activities yet. Press n to pick an idea or add your own.")
            return
        active = sum(1 for r in rows if r.status == "active")
        if self.sort.column is None:
            order = f"grouped by {self.group_by} (g to switch)"
        else:
            way = ", descending" if self.sort.descending else ""
            order = f"sorted by {dict(self._columns())[self.sort.column].lower()}{way} (o)"
        summary.update(
            f"{len(rows)} side activit{'y' if len(rows) == 1 else 'ies'}, {active} active · "
            f"{order} · ] and [ move the status"
        )

    def _show_totals(self, data: ActivitiesView) -> None:
        totals = data.totals
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
        overall = data.overall
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

    def reveal(self, hit: Hit) -> None:
        if hit.kind == "activity":
            self._select_after_reload = hit.id
            self.query_one("#activities", DataTable).focus()
            self.reload_and_show()

    def _today(self) -> date:
        # Actions run only once data is shown (they need a row, or check _data first).
        assert self._data is not None
        return self._data.today

    # --- actions -------------------------------------------------------------------------------

    def action_toggle_group(self) -> None:
        self.group_by = "kind" if self.group_by == "status" else "status"
        self.sort = SortOrder()  # grouping is the screen's own order
        if self._data is not None:
            self.show(self._data)

    def action_sort(self) -> None:
        """The next column along; after the last, grouped again."""
        self._sort_by(self.sort.next_column([key for key, _label in self._columns()]))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        self._sort_by(self.sort.clicked(str(event.column_key.value)))

    def _sort_by(self, order: SortOrder) -> None:
        self.sort = order
        if self._data is not None:
            self.show(self._data)

    def action_new(self) -> None:
        if self._data is None:
            return
        ideas = self._data.ideas
        self.app.push_screen(IdeaPickerDialog(ideas.ideas, ideas.used), self._picked)

    def _picked(self, key: str | None) -> None:
        if key is None or self._data is None:
            return
        idea = self._data.ideas.get(key)
        if key == OWN_IDEA or idea is None:
            initial = ActivityInput(kind="writing", title="")
        else:
            initial = from_idea(idea)
        self.app.push_screen(
            ActivityFormDialog("New side activity", initial, today=self._today()),
            self._save_new,
        )

    def _save_new(self, draft: ActivityInput | None) -> None:
        if draft is None:
            return
        from studytui.actions.activities import add_activity

        self.perform(add_activity, draft, then=self._added)

    def _added(self, activity: ActivityRecord) -> None:
        self._select_after_reload = activity.id
        self.notify("Side activity added")

    def action_edit(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = ActivityFormDialog(
            f"Edit {row.title}", row.as_input(), today=self._today(), old_status=row.status
        )
        self.app.push_screen(dialog, lambda draft: self._save_edit(row.id, draft))

    def _save_edit(self, activity_id: str, draft: ActivityInput | None) -> None:
        if draft is None:
            return
        from studytui.actions.activities import update_activity

        self.perform(update_activity, activity_id, draft, then=lambda _: self.notify("Saved"))

    def action_move(self, step: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        from studytui.actions.activities import move_status

        self.perform(move_status, row.id, step, then=self.changed)

    def action_delete(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        extra = " and its payments" if row.earnings else ""
        hours = " Time logged for it stays in the log." if row.minutes else ""
        question = f'Delete "{row.title}"{extra}?{hours}'
        self.app.push_screen(
            ConfirmDialog(question), lambda yes: self._delete(row.id) if yes else None
        )

    def _delete(self, activity_id: str) -> None:
        from studytui.actions.activities import delete_activity

        self.perform(delete_activity, activity_id, then=self.changed)

    # --- payments ------------------------------------------------------------------------------

    def action_payments(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        store, activity_id = self.store, row.id

        def load() -> None:
            from studytui.actions.activities import list_payments
            from studytui.actions.errors import ACTION_ERRORS
            from studytui.ui.store import StoreNotReady

            try:
                payments = list_payments(store.db, activity_id, now=now())
            except (*ACTION_ERRORS, StoreNotReady) as exc:
                self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=8)
                return
            self.app.call_from_thread(self._show_payments, payments)

        self.run_worker(load, thread=True, group="payments", exclusive=True)

    def _show_payments(self, payments: Payments) -> None:
        dialog = PaymentDialog(
            payments.activity.title,
            payments.payments,
            today=payments.today,
            currency=payments.currency,
        )
        activity = payments.activity
        self.app.push_screen(dialog, lambda result: self._payment_done(activity, result))

    def _payment_done(
        self, activity: ActivityRecord, result: PaymentDraft | RemovePayment | None
    ) -> None:
        from studytui.actions.activities import add_payment, delete_payment

        if isinstance(result, PaymentDraft):
            self.perform(
                add_payment,
                activity.id,
                result,
                then=lambda _: self.notify(f"Payment added to {activity.title}"),
            )
        elif isinstance(result, RemovePayment):
            payment = result.payment
            amount = format_money(payment.amount_cents, payment.currency)
            question = f"Delete the payment of {amount} received {payment.received_on}?"

            def remove(yes: bool | None) -> None:
                if yes:
                    self.perform(delete_payment, payment.id, then=self.changed)

            self.app.push_screen(ConfirmDialog(question), remove)
