"""Pick a certificate from the built-in catalogue; filter as you type, enter adds it."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Static

from studytui.domain.certificates import TRACK_LABELS
from studytui.domain.content import CatalogueCertificate
from studytui.ui.widgets.text_table import TextTable


def matches(item: CatalogueCertificate, text: str) -> bool:
    """Every word typed appears in the provider, the track, the name or the exam code."""
    haystack = " ".join(
        (item.provider, item.track, TRACK_LABELS.get(item.track, ""), item.name, item.code)
    ).casefold()
    return all(word in haystack for word in text.casefold().split())


def _price(item: CatalogueCertificate) -> str:
    if item.cost is None:
        return "see page"  # the catalogue could not verify it; the note says why
    return f"{item.cost} {item.currency}" if item.cost else "free"


class CataloguePicker(ModalScreen[str | None]):
    """Dismisses with the catalogue key to add, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="catalogue-close"),
        # The filter keeps the focus, so the arrows move the list from there.
        Binding("down", "move(1)", "Next", show=False, id="catalogue-next"),
        Binding("up", "move(-1)", "Previous", show=False, id="catalogue-previous"),
    ]

    def __init__(self, catalogue: Sequence[CatalogueCertificate], taken: Collection[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.catalogue = tuple(catalogue)
        self.taken = frozenset(taken)
        self.shown: list[CatalogueCertificate] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog catalogue"):
            yield Label("Add a certificate from the catalogue", classes="dialog-question")
            yield Input(
                placeholder="filter by provider, track, name or exam code", id="catalogue-filter"
            )
            yield TextTable(id="catalogue", cursor_type="row", zebra_stripes=True)
            yield Static("", id="catalogue-why")
            yield Label("", id="catalogue-error", classes="field-error", markup=False)
            yield Label(
                "type to filter · ↑↓ choose · enter adds it · escape closes", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Certificate", "Provider", "Track", "Valid", "Cost", "")
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, text: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.shown = [item for item in self.catalogue if matches(item, text)]
        for item in self.shown:
            table.add_row(
                item.label,
                item.provider,
                TRACK_LABELS.get(item.track, item.track),
                f"{item.validity_months} mo" if item.validity_months else "no expiry",
                _price(item),
                "✓ added" if item.key in self.taken else "",
                key=item.key,
            )
        self._describe()

    def _current(self) -> CatalogueCertificate | None:
        table = self.query_one(DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _describe(self) -> None:
        item = self._current()
        why = self.query_one("#catalogue-why", Static)
        if item is None:
            why.update("Nothing matches; try a provider such as aws, an exam code, or ml.")
        else:
            checked = f"Checked {item.checked_on.isoformat()}: {item.url}"
            why.update(Text(f"{item.why}\n{checked}"))
        self.query_one("#catalogue-error", Label).update("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._choose()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._choose()

    def _choose(self) -> None:
        item = self._current()
        if item is None:
            return
        if item.key in self.taken:
            self.query_one("#catalogue-error", Label).update(
                f'"{item.label}" is already in your list'
            )
            return
        self.dismiss(item.key)

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step)

    def action_cancel(self) -> None:
        self.dismiss(None)
