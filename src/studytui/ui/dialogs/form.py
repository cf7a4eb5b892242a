"""What every form dialog shares: enter or Save saves, escape or the other button cancels."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.screen import ModalScreen
from textual.widgets import Button, Input

from studytui.ui.dialogs.changes import GuardsChanges

T = TypeVar("T")


class FormDialog(GuardsChanges[T], ModalScreen[T]):
    """Subclasses implement `action_save` (validate; show errors inline or `dismiss` with the
    result) and give their save button the id "save"."""

    _saving = False

    def action_save(self) -> None:
        raise NotImplementedError

    def save_in_worker(self, save: Callable[[], T], show_error: Callable[[str], None]) -> None:
        """Run `save` (an action: it may wait for the database) off the UI thread, then close
        with its result; if the action refuses, stay open showing its message, nothing saved.
        A second save while one is running is ignored rather than run twice."""
        if self._saving:
            return
        self._saving = True
        self.run_worker(lambda: self._save(save, show_error), thread=True, group="form-save")

    def _save(self, save: Callable[[], T], show_error: Callable[[str], None]) -> None:
        from studytui.actions.errors import ACTION_ERRORS
        from studytui.ui.store import StoreNotReady

        try:
            result = save()
        except (*ACTION_ERRORS, StoreNotReady) as exc:
            self.app.call_from_thread(self._refused, show_error, str(exc))
            return
        self.app.call_from_thread(self._saved, result)

    def _saved(self, result: T) -> None:
        if self.is_current:  # not cancelled meanwhile; the screen below reloads either way
            self.dismiss(result)

    def _refused(self, show_error: Callable[[str], None], message: str) -> None:
        self._saving = False
        show_error(message)

    def action_cancel(self) -> None:
        self.leave()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
