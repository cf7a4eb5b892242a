"""Edit every area's target share at once, so they can be made to add up to 100%."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from studytui.domain.errors import ValidationError
from studytui.domain.roadmap import SharesDraft, check_shares, parse_share
from studytui.ui.dialogs.changes import GuardsChanges


class AreaSharesDialog(GuardsChanges[SharesDraft | None], ModalScreen[SharesDraft | None]):
    """Dismisses with every area's share, only once they add up to 100."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="shares-save"),
        Binding("escape", "cancel", "Cancel", id="shares-cancel"),
    ]

    def __init__(self, areas: list[tuple[str, str, int]]) -> None:
        super().__init__(classes="dialog-screen")
        self.areas = areas  # (id, name, share)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Target share of study time per area", classes="dialog-question")
            for index, (_, name, share) in enumerate(self.areas):
                with Horizontal(classes="share-row"):
                    yield Label(name, classes="share-name", markup=False)
                    yield Input(str(share), id=f"share-{index}", classes="share-input")
            yield Label("", id="shares-total")
            yield Label("", id="shares-error", classes="field-error", markup=False)
            yield Label("enter or ctrl+s to save · escape to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self._update_total()

    def _values(self) -> dict[str, str]:
        return {
            area_id: self.query_one(f"#share-{index}", Input).value
            for index, (area_id, _, _) in enumerate(self.areas)
        }

    def _update_total(self) -> None:
        total = 0
        for (_, name, _), text in zip(self.areas, self._values().values(), strict=True):
            try:
                total += parse_share(text, name)
            except ValidationError:
                continue
        self.query_one("#shares-total", Label).update(f"Total: {total}% (must be 100%)")

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._update_total()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        values = self._values()
        names = {area_id: name for area_id, name, _ in self.areas}
        try:
            shares = check_shares({names[area_id]: text for area_id, text in values.items()})
        except ValidationError as exc:
            self.query_one("#shares-error", Label).update(str(exc))
            return
        self.dismiss(SharesDraft(tuple((area_id, shares[names[area_id]]) for area_id in values)))

    def action_cancel(self) -> None:
        self.leave()
