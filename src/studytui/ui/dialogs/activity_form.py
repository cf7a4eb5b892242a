"""Add or edit a side activity. Checked with the same domain rules as the store, so a problem
shows here, inline, before anything is written."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, TextArea

from studytui.domain.activities import (
    KIND_LABELS,
    KINDS,
    STATUSES,
    ActivityInput,
    check_dates,
    parse_activity,
    stamp_dates,
)
from studytui.domain.errors import ValidationError
from studytui.ui.dialogs.form import FormDialog


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class ActivityFormDialog(FormDialog[ActivityInput | None]):
    """Dismisses with the checked ActivityInput, or None when cancelled.

    `old_status` is the stored status when editing (None when adding), so the dates are checked
    the way the store will stamp them.
    """

    CSS_PATH = "../screens/activities.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="activity-form-save"),
        Binding("escape", "cancel", "Cancel", id="activity-form-cancel"),
    ]

    def __init__(
        self, heading: str, initial: ActivityInput, *, today: date, old_status: str | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.heading, self.initial, self.today, self.old_status = (
            heading,
            initial,
            today,
            old_status,
        )

    def compose(self) -> ComposeResult:
        data = self.initial
        with Vertical(classes="dialog activity-form"):
            yield Label(self.heading, classes="dialog-question", markup=False)
            with VerticalScroll(classes="activity-fields"):
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Label("Kind")
                        yield Select(
                            [(KIND_LABELS[k], k) for k in KINDS],
                            value=data.kind,
                            allow_blank=False,
                            id="activity-kind",
                        )
                    with Vertical():
                        yield Label("Status")
                        yield Select(
                            [(s, s) for s in STATUSES],
                            value=data.status,
                            allow_blank=False,
                            id="activity-status",
                        )
                yield Label("Title")
                yield Input(data.title, id="activity-title")
                yield Label("Description")
                yield TextArea(data.description, id="activity-description", soft_wrap=True)
                yield Label("Link (https://…)")
                yield Input(data.link, id="activity-link")
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Label("Start (YYYY-MM-DD)")
                        yield Input(_day(data.start_date), id="activity-start")
                    with Vertical():
                        yield Label("End (YYYY-MM-DD)")
                        yield Input(_day(data.end_date), id="activity-end")
                yield Label("Outcome (article URL, recording, rank, client)")
                yield Input(data.outcome, id="activity-outcome")
            yield Label("", id="activity-error", classes="field-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
            yield Label(
                "Dates fill themselves in: start when it becomes active, end when done or dropped.",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#activity-title", Input).focus()

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _choice(self, widget_id: str) -> str:
        return str(self.query_one(f"#{widget_id}", Select).value)

    def read(self) -> ActivityInput:
        """What the form says, checked; raises ValidationError with the first problem."""
        data = parse_activity(
            kind=self._choice("activity-kind"),
            title=self._text("activity-title"),
            status=self._choice("activity-status"),
            description=self.query_one("#activity-description", TextArea).text,
            link=self._text("activity-link"),
            start=self._text("activity-start"),
            end=self._text("activity-end"),
            outcome=self._text("activity-outcome"),
            idea_key=self.initial.idea_key,
        )
        start, end = stamp_dates(
            self.old_status, data.status, data.start_date, data.end_date, self.today
        )
        check_dates(data.status, start, end, self.today)
        return data

    def action_save(self) -> None:
        error = self.query_one("#activity-error", Label)
        try:
            data = self.read()
        except ValidationError as exc:
            error.update(str(exc))
            return
        self.dismiss(data)
