"""Add or edit a milestone: title, estimated hours and why it matters.

The fields are checked here as they are read; the save itself (which also checks the title is
not taken by another milestone) runs through the `save` callable the screen passes in, and a
refusal shows here, with the form still open and nothing saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from studytui.domain.errors import ValidationError
from studytui.domain.roadmap import MilestoneDraft, check_title, parse_estimate
from studytui.ui.dialogs.form import FormDialog


class MilestoneFormDialog(FormDialog[Any]):
    """Dismisses with what `save` returned for the draft, once it is saved; or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="milestone-save"),
        Binding("escape", "cancel", "Cancel", id="milestone-cancel"),
    ]

    def __init__(
        self,
        heading: str,
        save: Callable[[MilestoneDraft], object],
        fields: MilestoneDraft | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.heading, self.save = heading, save
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

    def action_save(self) -> None:
        error = self.query_one("#milestone-error", Label)
        try:
            fields = MilestoneDraft(
                check_title(self.query_one("#milestone-title", Input).value),
                parse_estimate(self.query_one("#milestone-hours", Input).value),
                self.query_one("#milestone-why", Input).value.strip(),
            )
        except ValidationError as exc:
            error.update(str(exc))
            return
        self.save_in_worker(lambda: self.save(fields), error.update)
