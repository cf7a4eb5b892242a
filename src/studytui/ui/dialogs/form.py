"""What every form dialog shares: enter or Save saves, escape or the other button cancels."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen
from textual.widgets import Button, Input

T = TypeVar("T")


class FormDialog(ModalScreen[T]):
    """Subclasses implement `action_save` (validate; show errors inline or `dismiss` with the
    result) and give their save button the id "save"."""

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
