"""Add or edit a certificate: every field, checked by the same rules as the command line.

The fields are checked here as they are read; the save itself (which also checks the name is
not taken) runs through the `save` callable the screen passes in, and a refusal shows here,
with the form still open and nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, TextArea

from studytui.domain.certificates import (
    STATUS_LABELS,
    TRACK_LABELS,
    CertificateInput,
    parse_certificate_form,
)
from studytui.domain.errors import ValidationError
from studytui.domain.money import format_amount
from studytui.ui.dialogs.form import FormDialog

if TYPE_CHECKING:
    from studytui.actions.certificates import CertificateRecord

# Runs in a worker; raises ValidationError or StoreError, which the form shows.
SaveFn = Callable[[CertificateInput], "CertificateRecord"]

# (field, label, placeholder) for the text inputs, in form order.
TEXT_FIELDS = (
    ("name", "Name", "e.g. Azure AI-102"),
    ("provider", "Provider", "e.g. Microsoft"),
    ("exam_date", "Exam date", "YYYY-MM-DD or blank"),
    ("passed_date", "Passed on", "YYYY-MM-DD"),
    ("expiry_date", "Expires on", "YYYY-MM-DD or blank"),
    ("credential_id", "Credential ID", ""),
    ("credential_url", "Credential URL", "https://..."),
    ("cost", "Cost", "200, 199.99 or 1,200"),
    ("currency", "Currency", "USD"),
)


def _text_values(data: CertificateInput) -> dict[str, str]:
    def day(value: date | None) -> str:
        return value.isoformat() if value else ""

    return {
        "name": data.name,
        "provider": data.provider,
        "exam_date": day(data.exam_date),
        "passed_date": day(data.passed_date),
        "expiry_date": day(data.expiry_date),
        "credential_id": data.credential_id,
        "credential_url": data.credential_url,
        "cost": format_amount(data.cost_cents) if data.cost_cents else "",
        "currency": data.currency,
    }


class CertificateForm(FormDialog["CertificateRecord | None"]):
    """Dismisses with the certificate as saved, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="cert-form-save"),
        Binding("escape", "cancel", "Cancel", id="cert-form-cancel"),
    ]

    def __init__(
        self,
        title: str,
        today: date,
        save: SaveFn,
        initial: CertificateInput | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.today, self.save = title, today, save
        self.initial = initial or CertificateInput(name="")

    def compose(self) -> ComposeResult:
        values = _text_values(self.initial)
        with Vertical(classes="dialog cert-form"):
            yield Label(self.title_text, classes="dialog-question", markup=False)
            with Grid(id="cert-form-grid"):
                for field, label, placeholder in TEXT_FIELDS[:2]:
                    yield self._field(field, label, placeholder, values[field])
                with Vertical(classes="form-field"):
                    yield Label("Track")
                    yield Select(
                        [(label, key) for key, label in TRACK_LABELS.items()],
                        value=self.initial.track,
                        allow_blank=False,
                        id="track",
                    )
                with Vertical(classes="form-field"):
                    yield Label("Status")
                    yield Select(
                        [(label, key) for key, label in STATUS_LABELS.items()],
                        value=self.initial.status,
                        allow_blank=False,
                        id="status",
                    )
                for field, label, placeholder in TEXT_FIELDS[2:]:
                    yield self._field(field, label, placeholder, values[field])
            yield Label("Notes")
            yield TextArea(self.initial.notes, id="notes")
            yield Label("", id="cert-form-error", classes="field-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    @staticmethod
    def _field(field: str, label: str, placeholder: str, value: str) -> Vertical:
        return Vertical(
            Label(label), Input(value, placeholder=placeholder, id=field), classes="form-field"
        )

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def values(self) -> dict[str, str]:
        fields = {field: self.query_one(f"#{field}", Input).value for field, _, _ in TEXT_FIELDS}
        fields["track"] = str(self.query_one("#track", Select).value)
        fields["status"] = str(self.query_one("#status", Select).value)
        fields["notes"] = self.query_one("#notes", TextArea).text
        return fields

    def action_save(self) -> None:
        error = self.query_one("#cert-form-error", Label)
        try:
            draft = parse_certificate_form(self.values(), self.today)
        except ValidationError as exc:
            error.update(str(exc))
            return
        self.save_in_worker(lambda: self.save(draft), error.update)
