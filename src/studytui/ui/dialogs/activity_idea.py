"""Pick a built-in side-activity idea (seeing what it takes and brings) or start your own."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from studytui.domain.activities import KIND_LABELS
from studytui.domain.content import ActivityIdea

OWN_IDEA = ""  # what the dialog returns for "your own activity"; None means cancelled


class IdeaPickerDialog(ModalScreen[str | None]):
    """Dismisses with an idea's key, OWN_IDEA for a blank form, or None."""

    CSS_PATH = "../screens/activities.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="idea-cancel"),
    ]

    def __init__(self, ideas: Sequence[ActivityIdea], used: Collection[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.ideas = {idea.key: idea for idea in ideas}
        self.used = set(used)

    def compose(self) -> ComposeResult:
        options: list[Option | None] = [Option("✎ Your own activity (blank form)", id="own")]
        kind = None
        for idea in self.ideas.values():
            if idea.kind != kind:
                kind = idea.kind
                options.append(None)  # a separator between kinds
            mark = "  · added" if idea.key in self.used else ""
            label = f"{KIND_LABELS.get(idea.kind, idea.kind):<13} {idea.title}{mark}"
            options.append(Option(label, id=f"idea:{idea.key}"))
        with Vertical(classes="dialog activity-ideas"):
            yield Label(
                "Add a side activity: pick an idea or start your own", classes="dialog-question"
            )
            yield OptionList(*options, id="idea-list")
            yield Static("", id="idea-detail")
            yield Label("enter to choose · escape to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._describe("own")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe(event.option.id or "own")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or "own"
        self.dismiss(option_id.removeprefix("idea:") if option_id != "own" else OWN_IDEA)

    def _describe(self, option_id: str) -> None:
        detail = self.query_one("#idea-detail", Static)
        idea = self.ideas.get(option_id.removeprefix("idea:"))
        if idea is None:
            detail.update("Describe an activity of your own: any kind, any title.")
            return
        used = "\n[i]You have added this one already.[/i]" if idea.key in self.used else ""
        detail.update(
            f"[b]Takes:[/b] {escape(idea.takes)}\n[b]Brings:[/b] {escape(idea.brings)}{used}"
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
