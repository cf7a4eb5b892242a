"""Shown instead of the app when the database cannot be used; says why and what to do."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, Static

from studytui.ui.widgets.key_bar import KeyBar


class StoreErrorScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape", "quit_with_error", "Quit")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error"):
            yield Label("studytui cannot open its database", classes="dialog-question")
            yield Static(self.message, id="store-error", markup=False)
            yield Label("Nothing was changed. Press q to quit.", classes="dialog-hint")
        yield KeyBar()

    def action_quit_with_error(self) -> None:
        self.app.exit(return_code=2, message=f"studytui: error: {self.message}")
