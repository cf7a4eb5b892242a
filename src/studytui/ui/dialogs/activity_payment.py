"""Payments for one side activity: the ones received so far, and a form for a new one.

The dialog writes nothing: it dismisses with what to do (add this payment, or delete that one)
and the screen does the write, with a confirmation for the delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label

from studytui.domain.activities import PaymentDraft, parse_payment
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import PaymentRecord
from studytui.domain.money import format_money
from studytui.ui.dialogs.form import FormDialog
from studytui.ui.widgets.text_table import TextTable


@dataclass(frozen=True)
class RemovePayment:
    payment: PaymentRecord


class PaymentDialog(FormDialog[PaymentDraft | RemovePayment | None]):
    CSS_PATH = "../screens/activities.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save payment", id="payment-save"),
        # Not ctrl+d or delete alone: the amount field keeps those for editing text.
        Binding("ctrl+t,delete", "remove", "Delete selected payment", id="payment-delete"),
        Binding("escape", "cancel", "Cancel", id="payment-cancel"),
    ]

    def __init__(
        self,
        title: str,
        payments: Sequence[PaymentRecord],
        *,
        today: date,
        currency: str = "USD",
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.activity_title, self.payments, self.today = title, list(payments), today
        self.currency = currency

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog activity-payment"):
            yield Label(
                f"Payments for {self.activity_title}", classes="dialog-question", markup=False
            )
            table = TextTable(id="payments", cursor_type="row")
            table.display = bool(self.payments)
            yield table
            yield Label("Amount (500, 499.90, 500 EUR, $500)")
            yield Input(id="payment-amount", placeholder=f"currency {self.currency} if not given")
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label("Received on")
                    yield Input(self.today.isoformat(), id="payment-date")
                with Vertical():
                    yield Label("Note")
                    yield Input(id="payment-note", placeholder="invoice 12, article fee…")
            yield Label("", id="payment-error", classes="field-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                if self.payments:
                    yield Button("Delete selected (ctrl+t)", variant="error", id="remove")
                yield Button("Cancel (esc)", id="cancel")
            if self.payments:
                yield Label(
                    "Delete selected (ctrl+t or del in the list) removes the payment "
                    "highlighted above; shift+tab to choose one. u on the screen undoes it.",
                    classes="dialog-hint",
                )

    def on_mount(self) -> None:
        table = self.query_one("#payments", DataTable)
        table.add_columns("Received", "Amount", "Note")
        for p in self.payments:
            table.add_row(
                p.received_on.isoformat(),
                format_money(p.amount_cents, p.currency),
                p.note,
                key=p.id,
            )
        self.query_one("#payment-amount", Input).focus()

    def read(self) -> PaymentDraft:
        return parse_payment(
            self.query_one("#payment-amount", Input).value,
            self.query_one("#payment-date", Input).value,
            self.query_one("#payment-note", Input).value,
            today=self.today,
            currency=self.currency,
        )

    def action_save(self) -> None:
        try:
            payment = self.read()
        except ValidationError as exc:
            self.query_one("#payment-error", Label).update(str(exc))
            return
        self.dismiss(payment)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        # Textual runs FormDialog's handler after this one (save or cancel) unless stopped.
        if event.button.id == "remove":
            event.prevent_default()
            self.action_remove()

    def action_remove(self) -> None:
        if not self.payments:
            self.query_one("#payment-error", Label).update("no payments to delete yet")
            return
        row = self.query_one("#payments", DataTable).cursor_row
        self.dismiss(RemovePayment(self.payments[row]))
