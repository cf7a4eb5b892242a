"""Add or edit a log entry: a form that validates as you type and saves before it closes.

Every check is the command line's own (parse_day, parse_duration, and match_one over the
choices `actions.log.entry_choices` gives, then the entry rules the save action applies), so
the form and `studytui log` reject the same input with the same words. The save runs in a
worker through the `save` callable the caller passes in; a rejected save shows its message in
the form, which stays open, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from studytui.domain.days import parse_day
from studytui.domain.durations import format_minutes, parse_duration
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.matching import Choice, match_one
from studytui.ui.dialogs.changes import GuardsChanges

if TYPE_CHECKING:
    from studytui.actions.log import EntryChoices, EntryRow, Logged

# Runs in a worker; raises ValidationError or StoreError, which the form shows.
SaveFn = Callable[[EntryDraft], "Logged"]

Choices = Sequence[Choice[str]]


def day_text(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    return day.isoformat()


def picker_input(field: str, value: str, choices: Choices, placeholder: str) -> Input:
    """An input that completes names as you type (→ accepts the suggestion)."""
    return Input(
        value,
        id=field,
        placeholder=placeholder,
        suggester=SuggestFromList([c.name for c in choices], case_sensitive=False),
        compact=True,
    )


def form_row(label: str, field: Input) -> ComposeResult:
    yield Horizontal(Label(label, classes="form-label"), field, classes="form-row")
    yield Label("", id=f"{field.id}-hint", classes="form-hint", markup=False)


class EntryForm(GuardsChanges["Logged | None"], ModalScreen["Logged | None"]):
    CSS_PATH = "entry_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="entry-save"),
        Binding("escape", "cancel", "Cancel", id="entry-cancel"),
    ]
    OPTIONAL: ClassVar[dict[str, str]] = {
        "milestone": "milestone",
        "certificate": "certificate",
        "activity": "side activity",
    }

    def __init__(
        self,
        *,
        choices: EntryChoices,
        save: SaveFn,
        entry: EntryRow | None = None,
        day: date | None = None,
        area: Choice[str] | None = None,
        milestone: Choice[str] | None = None,
    ) -> None:
        """A new entry may come with its `area` and `milestone` filled in (logging for the
        Roadmap's selected milestone)."""
        super().__init__(classes="dialog-screen")
        self.choices, self.save, self.entry = choices, save, entry
        self.today = choices.today
        self.day = entry.day if entry else (day or self.today)
        self.tried = False  # after a first save attempt, empty required fields show errors
        # Editing keeps the stored link when its text is untouched, even if two records share
        # that name and typing it would now be ambiguous.
        self.original: dict[str, tuple[str, str | None]] = {}
        if entry is not None:
            self.original = {
                "area": (entry.area, entry.area_id),
                "milestone": (entry.milestone or "", entry.milestone_id),
                "certificate": (entry.certificate or "", entry.certificate_id),
                "activity": (entry.activity or "", entry.activity_id),
            }
        for field, given in (("area", area), ("milestone", milestone)):
            if entry is None and given is not None:
                self.original[field] = (given.name, given.value)

    def _choices(self, field: str) -> Choices:
        return {
            "area": self.choices.areas,
            "milestone": self.choices.milestones,
            "certificate": self.choices.certificates,
            "activity": self.choices.activities,
        }[field]

    def _given(self, field: str) -> str | None:
        return self.original[field][0] if field in self.original else None

    def compose(self) -> ComposeResult:
        e = self.entry
        title = f"Edit the entry of {e.day:%a %d %b %Y}" if e else "Log study time"
        with Vertical(classes="dialog entry-form"):
            yield Label(title, classes="dialog-question")
            yield from form_row(
                "Day",
                Input(day_text(self.day, self.today), id="day", compact=True),
            )
            yield from form_row(
                "Duration",
                Input(
                    format_minutes(e.minutes) if e else "",
                    id="duration",
                    placeholder="90, 90m, 1.5h, 1h30m or 1:30",
                    compact=True,
                ),
            )
            area = e.area if e else self._given("area") or self.choices.last_area or ""
            yield from form_row(
                "Area", picker_input("area", area, self.choices.areas, "type part of a name")
            )
            for field, label, value in (
                ("milestone", "Milestone", e.milestone if e else self._given("milestone")),
                ("certificate", "Certificate", e.certificate if e else None),
                ("activity", "Side activity", e.activity if e else None),
            ):
                yield from form_row(
                    label, picker_input(field, value or "", self._choices(field), "optional")
                )
            yield from form_row(
                "Note",
                Input(e.note if e else "", id="note", placeholder="what you learned", compact=True),
            )
            yield Label("", id="form-error", classes="field-error", markup=False)
            yield Label(
                "enter saves · tab: next field · →: take the suggestion · escape cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        for hint in self.query(".form-hint"):
            hint.display = False
        self.query_one("#form-error").display = False
        # Day and area come filled in (the shown day, the last area): the duration is what's new.
        self.query_one("#duration").focus()

    # --- validation -------------------------------------------------------------------------

    def _check(self, field: str, text: str) -> tuple[object, str]:
        """The parsed value of one field and what to show under it; raises ValidationError."""
        text = text.strip()
        if field == "day":
            day = parse_day(text, self.today)
            return day, f"{day:%A %d %B %Y}"
        if field == "duration":
            minutes = parse_duration(text)
            return minutes, format_minutes(minutes)
        if field == "note":
            return text, ""
        original_text, original_id = self.original.get(field, ("", None))
        if text and text == original_text:
            return original_id, ""
        if field == "area":
            found = match_one(text, self.choices.areas, "study area")
            return found.value, f"→ {found.name}"
        if not text:
            return None, ""
        found = match_one(text, self._choices(field), self.OPTIONAL[field])
        return found.value, f"→ {found.name}"

    def _validate(self, field: str) -> tuple[bool, object]:
        hint = self.query_one(f"#{field}-hint", Label)
        text = self.query_one(f"#{field}", Input).value
        if not text.strip() and field in ("day", "duration", "area") and not self.tried:
            hint.display = False
            return False, None
        try:
            value, shown = self._check(field, text)
        except ValidationError as exc:
            hint.update(str(exc))
            hint.set_class(True, "-error")
            hint.display = True
            return False, None
        hint.update(shown)
        hint.set_class(False, "-error")
        hint.display = bool(shown)
        return True, value

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id:
            self._validate(event.input.id)
        self.query_one("#form-error").display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    # --- saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        self.tried = True
        values: dict[str, object] = {}
        first_bad: str | None = None
        for field in ("day", "duration", "area", "milestone", "certificate", "activity", "note"):
            ok, value = self._validate(field)
            if not ok and first_bad is None:
                first_bad = field
            values[field] = value
        if first_bad is not None:
            self.query_one(f"#{first_bad}", Input).focus()
            return
        draft = EntryDraft(
            day=values["day"],  # type: ignore[arg-type]
            minutes=values["duration"],  # type: ignore[arg-type]
            area_id=str(values["area"]),
            milestone_id=values["milestone"],  # type: ignore[arg-type]
            certificate_id=values["certificate"],  # type: ignore[arg-type]
            activity_id=values["activity"],  # type: ignore[arg-type]
            note=str(values["note"]),
            entry_id=self.entry.id if self.entry else None,
        )
        self.run_worker(lambda: self._save_in_thread(draft), thread=True, group="entry-save")

    def _save_in_thread(self, draft: EntryDraft) -> None:
        from studytui.actions.errors import ACTION_ERRORS

        try:
            result = self.save(draft)
        except ACTION_ERRORS as exc:
            self.app.call_from_thread(self._show_error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, result)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#form-error", Label)
        error.update(message)
        error.display = True

    def action_cancel(self) -> None:
        self.leave()
