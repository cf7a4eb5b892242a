"""Add or edit a milestone: title, estimated hours and why it matters."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from studytui.domain.errors import ValidationError
from studytui.domain.roadmap import MilestoneDraft, check_title, parse_estimate
from studytui.ui.dialogs.changes import GuardsChanges


class MilestoneFormDialog(GuardsChanges[MilestoneDraft | None], ModalScreen[MilestoneDraft | None]):
    """Dismisses with the draft, checked field by field as the write checks it, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="milestone-save"),
        Binding("escape", "cancel", "Cancel", id="milestone-cancel"),
    ]

    def __init__(self, heading: str, fields: MilestoneDraft | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.fields = fields or MilestoneDraft("")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-question", markup=False)
            yield Label("Title")
            yield Input(self.fields.title, id="milestone-title")
            yield Label("Estimated hours")
            yield Input(str(self.fields.estimate_hours), id="milestone-hours")
            yield Label("Why it matters (optional)")
            yield Input(self.fields.why, id="milestone-why")
            yield Label("", id="milestone-error", classes="field-error", markup=False)
            yield Label("enter or ctrl+s to save · escape to cancel", classes="dialog-hint")

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            fields = MilestoneDraft(
                check_title(self.query_one("#milestone-title", Input).value),
                parse_estimate(self.query_one("#milestone-hours", Input).value),
                self.query_one("#milestone-why", Input).value.strip(),
            )
        except ValidationError as exc:
            self.query_one("#milestone-error", Label).update(str(exc))
            return
        self.dismiss(fields)

    def action_cancel(self) -> None:
        self.leave()
