"""Add or edit a log entry: a form that validates as you type and saves before it closes.

Every check is the command line's own (parse_day, parse_duration, match_one, and add_entry's
check_entry), so the form and `studytui log` reject the same input with the same words. The
write runs in a worker through the `save` callable the caller passes in; a rejected write
shows its message in the form, which stays open, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from studytui.domain.days import parse_day
from studytui.domain.durations import format_minutes, parse_duration
from studytui.domain.errors import ValidationError
from studytui.domain.matching import match_one

if TYPE_CHECKING:
    from studytui.db.entries import EntryChoices, EntryRow
    from studytui.ui.screens.base import DataScreen
    from studytui.ui.store import Store


@dataclass(frozen=True)
class EntryDraft:
    """A validated entry, ready to write; `entry_id` is set when it edits an existing one."""

    day: date
    minutes: int
    area_id: str
    area: str
    milestone_id: str | None = None
    certificate_id: str | None = None
    activity_id: str | None = None
    note: str = ""
    entry_id: str | None = None


SaveFn = Callable[[EntryDraft], object]  # runs in a worker; raises ValidationError/StoreError

Pairs = Sequence[tuple[str, str]]  # (name, id)


def pick(text: str, pairs: Pairs, what: str) -> tuple[str, str]:
    """(name, id) for what was typed: exact name or unique prefix, as `--area` on the CLI."""
    return match_one(text, ((name, (name, id_)) for name, id_ in pairs), what)


def day_text(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    return day.isoformat()


def picker_input(field: str, value: str, pairs: Pairs, placeholder: str) -> Input:
    """An input that completes names as you type (→ accepts the suggestion)."""
    return Input(
        value,
        id=field,
        placeholder=placeholder,
        suggester=SuggestFromList([name for name, _ in pairs], case_sensitive=False),
        compact=True,
    )


def form_row(label: str, field: Input) -> ComposeResult:
    yield Horizontal(Label(label, classes="form-label"), field, classes="form-row")
    yield Label("", id=f"{field.id}-hint", classes="form-hint", markup=False)


class EntryForm(ModalScreen[EntryDraft | None]):
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
        today: date,
        save: SaveFn,
        entry: EntryRow | None = None,
        day: date | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.choices, self.today, self.save, self.entry = choices, today, save, entry
        self.day = entry.day if entry else (day or today)
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

    def _pairs(self, field: str) -> Pairs:
        return {
            "area": self.choices.areas,
            "milestone": self.choices.milestones,
            "certificate": self.choices.certificates,
            "activity": self.choices.activities,
        }[field]

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
            area = e.area if e else (self.choices.last_area or "")
            yield from form_row(
                "Area", picker_input("area", area, self.choices.areas, "type part of a name")
            )
            for field, label, value in (
                ("milestone", "Milestone", e.milestone if e else None),
                ("certificate", "Certificate", e.certificate if e else None),
                ("activity", "Side activity", e.activity if e else None),
            ):
                yield from form_row(
                    label, picker_input(field, value or "", self._pairs(field), "optional")
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
            name, id_ = pick(text, self.choices.areas, "study area")
            return id_, f"→ {name}"
        if not text:
            return None, ""
        name, id_ = pick(text, self._pairs(field), self.OPTIONAL[field])
        return id_, f"→ {name}"

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
        area_id = str(values["area"])
        draft = EntryDraft(
            day=values["day"],  # type: ignore[arg-type]
            minutes=values["duration"],  # type: ignore[arg-type]
            area_id=area_id,
            area=next((n for n, i in self.choices.areas if i == area_id), ""),
            milestone_id=values["milestone"],  # type: ignore[arg-type]
            certificate_id=values["certificate"],  # type: ignore[arg-type]
            activity_id=values["activity"],  # type: ignore[arg-type]
            note=str(values["note"]),
            entry_id=self.entry.id if self.entry else None,
        )
        self.run_worker(lambda: self._save_in_thread(draft), thread=True, group="entry-save")

    def _save_in_thread(self, draft: EntryDraft) -> None:
        from studytui.db.errors import StoreError

        try:
            self.save(draft)
        except (ValidationError, StoreError) as exc:
            self.app.call_from_thread(self._show_error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, draft)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#form-error", Label)
        error.update(message)
        error.display = True

    def action_cancel(self) -> None:
        self.dismiss(None)


# --- opening the form from a screen -----------------------------------------------------------


def store_save(store: Store) -> SaveFn:
    """The write behind the form: one transaction, today taken from the clock at save time."""

    def save(draft: EntryDraft) -> None:
        from studytui.db.engine import writing
        from studytui.db.entries import add_entry, update_entry
        from studytui.db.settings_store import load_settings

        with writing(store.db) as session:
            today = store.today(load_settings(session))
            fields = {
                "day": draft.day,
                "minutes": draft.minutes,
                "area_id": draft.area_id,
                "milestone_id": draft.milestone_id,
                "certificate_id": draft.certificate_id,
                "activity_id": draft.activity_id,
                "note": draft.note,
                "today": today,
            }
            if draft.entry_id is None:
                add_entry(session, **fields)  # type: ignore[arg-type]
            else:
                update_entry(session, draft.entry_id, **fields)  # type: ignore[arg-type]

    return save


def load_choices(store: Store) -> tuple[EntryChoices, date]:
    """What the form offers, and today; call from a worker thread."""
    from studytui.db.engine import reading
    from studytui.db.entries import entry_choices
    from studytui.db.settings_store import load_settings

    with reading(store.db) as session:
        return entry_choices(session), store.today(load_settings(session))


def open_entry_form(
    screen: DataScreen[Any],
    *,
    day: date | None = None,
    entry: EntryRow | None = None,
    on_saved: Callable[[EntryDraft], None] | None = None,
) -> None:
    """Load the names to offer in a worker, then show the form; reload the screen after a save."""
    store = screen.study_app.store

    def done(draft: EntryDraft | None) -> None:
        if draft is None:
            return
        verb = "Updated" if draft.entry_id else "Logged"
        screen.notify(f"{verb} {format_minutes(draft.minutes)} of {draft.area} on {draft.day}.")
        if on_saved is not None:
            on_saved(draft)
        screen.reload()

    def load() -> None:
        from studytui.db.errors import StoreError
        from studytui.ui.store import StoreNotReady

        try:
            choices, today = load_choices(store)
        except (StoreError, StoreNotReady) as exc:
            screen.app.call_from_thread(screen.notify, str(exc), severity="error")
            return
        form = EntryForm(choices=choices, today=today, save=store_save(store), entry=entry, day=day)
        screen.app.call_from_thread(screen.app.push_screen, form, done)

    screen.run_worker(load, thread=True, group="entry-form", exclusive=True)
