"""Ask for one value, validated as it is typed; dismisses with the text or None."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from studytui.domain.errors import ValidationError


class PromptDialog(ModalScreen[str | None]):
    """`check` raises ValidationError with the message to show; the same text as the CLI."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt-cancel"),
    ]

    def __init__(
        self, question: str, value: str = "", check: Callable[[str], object] | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.question, self.value, self.check = question, value, check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question", markup=False)
            yield Input(self.value, id="prompt-input")
            yield Label("", id="prompt-error", classes="field-error", markup=False)
            yield Label("enter to save · escape to cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        error = self.query_one("#prompt-error", Label)
        if self.check is not None:
            try:
                self.check(event.value)
            except ValidationError as exc:
                error.update(str(exc))
                return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
