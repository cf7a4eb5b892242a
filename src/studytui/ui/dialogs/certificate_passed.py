"""Mark a certificate passed: the day (default today), credential ID and expiry date.

The expiry is proposed from the catalogue's validity and follows the passed date as it is
typed, until the user types an expiry of their own.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from studytui.domain.certificates import (
    PassedInput,
    parse_date,
    parse_passed_form,
    proposed_expiry,
)
from studytui.domain.errors import ValidationError
from studytui.ui.dialogs.form import FormDialog


class MarkPassedDialog(FormDialog[PassedInput | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="passed-save"),
        Binding("escape", "cancel", "Cancel", id="passed-cancel"),
    ]

    def __init__(
        self,
        name: str,
        today: date,
        *,
        validity_months: int = 0,
        credential_id: str = "",
        expiry: date | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.cert_name, self.today, self.validity_months = name, today, validity_months
        self.credential_id = credential_id
        self._proposed = self._propose(today) if validity_months else _day(expiry)

    def _propose(self, passed: date) -> str:
        return _day(proposed_expiry(passed, self.validity_months))

    def compose(self) -> ComposeResult:
        if self.validity_months:
            hint = f"proposed: the catalogue says it is valid for {self.validity_months} months"
        else:
            hint = "blank if it never expires"
        with Vertical(classes="dialog"):
            yield Label(f"Passed {self.cert_name}", classes="dialog-question", markup=False)
            yield Label("Passed on")
            yield Input(self.today.isoformat(), placeholder="YYYY-MM-DD", id="passed-date")
            yield Label("Credential ID")
            yield Input(self.credential_id, id="credential-id")
            yield Label("Expires on")
            yield Input(self._proposed, placeholder="YYYY-MM-DD", id="expiry-date")
            yield Label(hint, classes="dialog-hint")
            yield Label("", id="passed-error", classes="field-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#passed-date", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "passed-date" or not self.validity_months:
            return
        expiry = self.query_one("#expiry-date", Input)
        if expiry.value != self._proposed:
            return  # the user typed their own expiry: leave it alone
        try:
            passed = parse_date(event.value, self.today, "passed date")
        except ValidationError:
            return  # half-typed; the proposal catches up when the date is whole
        if passed is not None:
            self._proposed = self._propose(passed)
            expiry.value = self._proposed

    def action_save(self) -> None:
        try:
            result = parse_passed_form(
                self.query_one("#passed-date", Input).value,
                self.query_one("#credential-id", Input).value,
                self.query_one("#expiry-date", Input).value,
                self.today,
            )
        except ValidationError as exc:
            self.query_one("#passed-error", Label).update(str(exc))
            return
        self.dismiss(result)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""
