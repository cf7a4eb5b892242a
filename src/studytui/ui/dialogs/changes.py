"""Forms that ask before their changes are thrown away.

A form remembers what its fields held once it had opened; escape, its cancel button or quitting
the app with the form open then asks before losing anything typed since. A form left as it
opened closes at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.screen import Screen
from textual.widgets import Input, Select, TextArea

DISCARD_QUESTION = "Discard what you changed in this form?"
QUIT_QUESTION = "Quit, and lose what you changed in the open form?"

T = TypeVar("T")


def field_values(screen: Screen[Any]) -> tuple[tuple[str, object], ...]:
    """What the screen's fields hold now, by field."""
    values: list[tuple[str, object]] = []
    for index, widget in enumerate(screen.query("Input, TextArea, Select")):
        name = widget.id or f"#{index}"
        if isinstance(widget, Input):
            values.append((name, widget.value))
        elif isinstance(widget, TextArea):
            values.append((name, widget.text))
        elif isinstance(widget, Select):
            values.append((name, widget.value))
    return tuple(values)


class GuardsChanges(Screen[T]):
    """Mixed into a form screen (before ModalScreen): `leave()` instead of `dismiss(None)`."""

    _opened_with: tuple[tuple[str, object], ...] | None = None
    guards_changes = True  # False for a form whose fields hold nothing worth keeping

    def on_mount(self) -> None:
        # After the form's own on_mount and first refresh: the fields hold their defaults.
        self.call_after_refresh(self._remember)

    def _remember(self) -> None:
        self._opened_with = field_values(self)

    def has_changes(self) -> bool:
        return (
            self.guards_changes
            and self._opened_with is not None
            and field_values(self) != self._opened_with
        )

    def leave(self) -> None:
        """Close without saving; with changes, only once the user says so."""
        self.ask_before_discarding(lambda: self.dismiss(None))

    def ask_before_discarding(
        self, then: Callable[[], object], question: str = DISCARD_QUESTION
    ) -> None:
        if not self.has_changes():
            then()
            return
        from studytui.ui.dialogs.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                then()

        self.app.push_screen(ConfirmDialog(question, yes="Discard", no="Keep editing"), answered)


def open_forms_with_changes(stacks: list[list[Screen[Any]]]) -> list[GuardsChanges[Any]]:
    return [
        screen
        for stack in stacks
        for screen in stack
        if isinstance(screen, GuardsChanges) and screen.has_changes()
    ]
