"""Pick a certificate from the built-in catalogue; filter as you type, enter adds it.

Adding runs through the `save` callable the screen passes in; if it is refused (already in
your list), the message shows here and the picker stays open."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label, Static

from studytui.domain.certificates import TRACK_LABELS
from studytui.domain.content import CatalogueCertificate
from studytui.domain.money import format_money
from studytui.ui.dialogs.form import FormDialog
from studytui.ui.widgets.text_table import TextTable

if TYPE_CHECKING:
    from studytui.actions.certificates import CertificateRecord

# Runs in a worker with the chosen catalogue key; raises ValidationError or StoreError.
AddFn = Callable[[str], "CertificateRecord"]


def matches(item: CatalogueCertificate, text: str) -> bool:
    """Every word typed appears in the provider, the track, the name or the exam code."""
    haystack = " ".join(
        (item.provider, item.track, TRACK_LABELS.get(item.track, ""), item.name, item.code)
    ).casefold()
    return all(word in haystack for word in text.casefold().split())


def _price(item: CatalogueCertificate) -> str:
    if item.cost is None:
        return "see page"  # the catalogue could not verify it; the note says why
    return format_money(item.cost * 100, item.currency) if item.cost else "free"


class CataloguePicker(FormDialog["CertificateRecord | None"]):
    """Dismisses with the certificate added, or None. `taken` are the catalogue keys already
    in the user's list, marked as added."""

    guards_changes = False  # its field is a search, not something to keep

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="catalogue-close"),
        # The filter keeps the focus, so the arrows move the list from there.
        Binding("down", "move(1)", "Next", show=False, id="catalogue-next"),
        Binding("up", "move(-1)", "Previous", show=False, id="catalogue-previous"),
    ]

    def __init__(
        self, catalogue: Sequence[CatalogueCertificate], taken: Collection[str], add: AddFn
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.catalogue = tuple(catalogue)
        self.taken = frozenset(taken)
        self.add = add
        self.shown: list[CatalogueCertificate] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog catalogue"):
            yield Label("Add a certificate from the catalogue", classes="dialog-question")
            yield Input(
                placeholder="filter by provider, track, name or exam code", id="catalogue-filter"
            )
            yield TextTable(
                id="catalogue",
                cursor_type="row",
                zebra_stripes=True,
                flex={"Certificate": 20, "Provider": 9, "Track": 7},
            )
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

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_save()

    def action_save(self) -> None:
        item = self._current()
        if item is None:
            return
        error = self.query_one("#catalogue-error", Label)
        self.save_in_worker(lambda: self.add(item.key), error.update)

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step)
