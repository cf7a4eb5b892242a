"""One log entry in full: the note on all its lines, which the Daily log's table cuts to the
first. Dismisses with "edit" or "delete" when the user asks for one, else None."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from studytui.domain.durations import format_minutes
from studytui.domain.text import printable

if TYPE_CHECKING:
    from studytui.actions.log import EntryRow


class EntryDetailDialog(ModalScreen[str | None]):
    DEFAULT_CSS = """
    EntryDetailDialog #entry-note {
        height: auto;
        max-height: 14;
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "choose('edit')", "Edit", id="entry-detail-edit"),
        Binding("x,delete", "choose('delete')", "Delete", id="entry-detail-delete"),
        Binding("escape,enter,v", "close", "Close", id="entry-detail-close"),
    ]

    def __init__(self, entry: EntryRow) -> None:
        super().__init__(classes="dialog-screen")
        self.entry = entry

    def compose(self) -> ComposeResult:
        e = self.entry
        facts = Text()
        for label, value in (
            ("Day", f"{e.day:%A %d %B %Y}"),
            ("Time", format_minutes(e.minutes)),
            ("Area", e.area),
            ("Milestone", e.milestone),
            ("Certificate", e.certificate),
            ("Side activity", e.activity),
        ):
            if value:
                facts.append(f"{label + ':':<15}", style="bold")
                facts.append(f"{printable(value, keep_breaks=False)}\n")
        facts.rstrip()
        with Vertical(classes="dialog"):
            yield Label("Log entry", classes="dialog-question")
            yield Static(facts, id="entry-facts")
            with VerticalScroll(id="entry-note"):
                # Text, not markup: the note is the user's, or an import file's.
                yield Static(
                    Text(printable(e.note) if e.note else "(no note)"), id="entry-note-text"
                )
            yield Label("e edit · x delete · escape closes", classes="dialog-hint")

    def action_choose(self, what: str) -> None:
        self.dismiss(what)

    def action_close(self) -> None:
        self.dismiss(None)
