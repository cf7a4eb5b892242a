"""Choose another starting point's roadmap to add to (or switch) the current one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option


class TemplatePickDialog(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="template-cancel"),
    ]

    def __init__(self, templates: list[tuple[str, str, str]], current: str) -> None:
        super().__init__(classes="dialog-screen")
        self.templates, self.current = templates, current  # (key, name, summary)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Switch to another starting point", classes="dialog-question")
            yield Static(
                "Adds the milestones you do not have yet; you are asked before anything "
                "changes, and u undoes it. Your statuses, notes, logged time and your own "
                "target shares stay as they are."
            )
            options = []
            for key, name, summary in self.templates:
                label = Text(name + (" (current)" if key == self.current else ""), style="bold")
                label.append(f"\n{summary}", style="")
                options.append(Option(label, id=key))
            yield OptionList(*options, id="templates")
            yield Label("enter to choose · escape to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one("#templates", OptionList)
        keys = [key for key, _name, _summary in self.templates]
        # The highlight starts on the roadmap followed now: enter alone changes nothing.
        options.highlighted = keys.index(self.current) if self.current in keys else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
