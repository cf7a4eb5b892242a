"""Starting the study timer: pick an area (and maybe a milestone); the dialog returns them."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from studytui.domain.errors import ValidationError
from studytui.domain.matching import Choice, match_one
from studytui.domain.timer import TimerDraft
from studytui.ui.dialogs.changes import GuardsChanges
from studytui.ui.dialogs.entry_form import form_row, picker_input

if TYPE_CHECKING:
    from studytui.actions.log import EntryChoices


class TimerStartDialog(GuardsChanges[TimerDraft | None], ModalScreen[TimerDraft | None]):
    CSS_PATH = "entry_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start", id="timer-start-go"),
        Binding("escape", "cancel", "Cancel", id="timer-start-cancel"),
    ]

    def __init__(
        self,
        choices: EntryChoices,
        *,
        area: Choice[str] | None = None,
        milestone: Choice[str] | None = None,
    ) -> None:
        """`area` and `milestone` fill the fields in (the Roadmap's selected milestone); they
        stand for their ids while their text is untouched, even if another record shares
        the name."""
        super().__init__(classes="dialog-screen")
        self.choices = choices
        self.given = {"area": area, "milestone": milestone}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog entry-form"):
            yield Label("Start the study timer", classes="dialog-question")
            given_area, given_milestone = self.given["area"], self.given["milestone"]
            area = given_area.name if given_area else self.choices.last_area or ""
            yield from form_row(
                "Area", picker_input("area", area, self.choices.areas, "type part of a name")
            )
            yield from form_row(
                "Milestone",
                picker_input(
                    "milestone",
                    given_milestone.name if given_milestone else "",
                    self.choices.milestones,
                    "optional",
                ),
            )
            yield Label(
                "enter starts · tab: next field · →: take the suggestion · escape cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        for hint in self.query(".form-hint"):
            hint.display = False
        self.query_one("#area").focus()

    def _check(self, field: str) -> Choice[str] | None:
        """What the field names, None when the optional milestone is empty; shows errors."""
        hint = self.query_one(f"#{field}-hint", Label)
        text = self.query_one(f"#{field}", Input).value.strip()
        hint.display = False
        if field == "milestone" and not text:
            return None
        given = self.given[field]
        try:
            if given is not None and text == given.name:
                found = given
            elif field == "area":
                found = match_one(text, self.choices.areas, "study area")
            else:
                found = match_one(text, self.choices.milestones, "milestone")
        except ValidationError as exc:
            hint.update(str(exc))
            hint.set_class(True, "-error")
            hint.display = True
            raise
        hint.update(f"→ {found.name}")
        hint.set_class(False, "-error")
        hint.display = True
        return found

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id and event.value.strip():
            # The message is already under the field; typing goes on.
            with suppress(ValidationError):
                self._check(event.input.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        try:
            area = self._check("area")
            milestone = self._check("milestone")
        except ValidationError:
            return
        assert area is not None
        self.dismiss(TimerDraft(area.value, milestone.value if milestone else None))

    def action_cancel(self) -> None:
        self.leave()
