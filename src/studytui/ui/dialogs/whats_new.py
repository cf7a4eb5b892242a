"""What a content update brought, shown once on the dashboard after a newer studytui opened the
database. Receives the lines; dismisses when read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class WhatsNewDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Close", id="whats-new-close"),
    ]

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.lines = tuple(lines)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog whats-new"):
            yield Label("New in this version of studytui", classes="dialog-question")
            with VerticalScroll(classes="whats-new-lines"):
                # Catalogue and template text, shown as text.
                yield Static("\n".join(self.lines), markup=False)
            yield Label(
                "New milestones are marked on the Roadmap. `studytui whats-new` lists this again.",
                classes="dialog-hint",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK (enter)", variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
