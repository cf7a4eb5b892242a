"""Ask for one value, validated as it is typed; dismisses with the text or None.

With a `save` callable the dialog also saves before it closes: the save runs in a worker, and
when the action refuses (a duplicate name, say) its message shows under the field, the text
stays as typed, and the dialog dismisses with the save's result only once it succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from studytui.domain.errors import ValidationError
from studytui.ui.dialogs.form import FormDialog


class PromptDialog(FormDialog[Any]):
    """`check` raises ValidationError with the message to show; the same text as the CLI."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt-cancel"),
    ]

    def __init__(
        self,
        question: str,
        value: str = "",
        check: Callable[[str], object] | None = None,
        *,
        save: Callable[[str], object] | None = None,
        hint: str = "enter to save · escape to cancel",
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.question, self.value, self.check = question, value, check
        self.save, self.hint = save, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question", markup=False)
            yield Input(self.value, id="prompt-input")
            yield Label("", id="prompt-error", classes="field-error", markup=False)
            yield Label(self.hint, classes="dialog-hint", markup=False)

    def _show_error(self, message: str) -> None:
        self.query_one("#prompt-error", Label).update(message)

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._show_error("")

    def action_save(self) -> None:
        text = self.query_one("#prompt-input", Input).value
        if self.check is not None:
            try:
                self.check(text)
            except ValidationError as exc:
                self._show_error(str(exc))
                return
        save = self.save
        if save is None:
            self.dismiss(text)
        else:
            self.save_in_worker(lambda: save(text), self._show_error)
