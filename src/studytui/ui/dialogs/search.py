"""Search everything: type, see the records that hold the text, pick one to go to it.

The dialog writes nothing and never touches the database itself: `find` (an action, given by
the caller) runs in a worker as the text changes, and the dialog dismisses with the hit chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from studytui.actions.search import Hit, SearchResults

KIND_LABELS = {
    "entry": "Log",
    "milestone": "Roadmap",
    "certificate": "Certificate",
    "activity": "Activity",
}
HINT = "type to search notes, milestones, certificates, activities · ↓ and enter go to one"


class SearchDialog(ModalScreen["Hit | None"]):
    DEFAULT_CSS = """
    SearchDialog #search-hits {
        height: auto;
        max-height: 16;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="search-cancel"),
        Binding("down", "to_hits", "Hits", show=False, id="search-to-hits"),
    ]

    def __init__(self, find: Callable[[str], SearchResults], query: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.find, self.query_text = find, query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog search"):
            yield Label("Search", classes="dialog-question")
            yield Input(self.query_text, id="search-input", placeholder="a word from a note…")
            yield Label("", id="search-status", markup=False)
            yield OptionList(id="search-hits")
            yield Label(HINT, classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        if self.query_text:
            self._search(self.query_text)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str) -> None:
        from studytui.actions.errors import ACTION_ERRORS
        from studytui.ui.store import StoreNotReady

        try:
            results = self.find(text)
        except (*ACTION_ERRORS, StoreNotReady) as exc:
            self.app.call_from_thread(self._status, str(exc))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, text, results)

    def _status(self, text: str) -> None:
        self.query_one("#search-status", Label).update(text)

    def _show(self, text: str, results: SearchResults) -> None:
        if text != self.query_one("#search-input", Input).value:
            return  # typed on since: a newer search is on its way
        self.hits = list(results.hits)
        options = self.query_one("#search-hits", OptionList)
        options.clear_options()
        for index, hit in enumerate(self.hits):
            # Text, not markup: titles and notes are the user's.
            label = Text(f"{KIND_LABELS.get(hit.kind, hit.kind):<12}", style="bold")
            label.append(hit.title)
            if hit.where:
                label.append(f"\n{'':<12}{hit.where}", style="dim")
            options.add_option(Option(label, id=str(index)))
        count = len(self.hits)
        if not results.query:
            status = ""
        elif not count:
            status = f'Nothing holds "{results.query}".'
        else:
            status = f"{count}{'+' if results.more else ''} found"
        if results.cut:
            status = f"Only the first {len(results.query)} characters are searched. {status}"
        self._status(status)

    def action_to_hits(self) -> None:
        options = self.query_one("#search-hits", OptionList)
        if options.option_count:
            options.focus()
            options.highlighted = options.highlighted or 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.hits:
            self.dismiss(self.hits[0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
