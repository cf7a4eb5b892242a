"""The study timer from the app: pick an area (and maybe a milestone) to start it; stopping it
logs the entry, and a timer that cannot become one entry is offered for discarding."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from studytui.domain.durations import format_minutes
from studytui.domain.errors import ValidationError
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.entry_form import form_row, pick, picker_input

if TYPE_CHECKING:
    from studytui.db.engine import Database
    from studytui.db.entries import EntryChoices
    from studytui.ui.screens.base import DataScreen
    from studytui.ui.store import Store


@dataclass(frozen=True)
class TimerChoice:
    area_id: str
    area: str
    milestone_id: str | None = None


class TimerStartDialog(ModalScreen[TimerChoice | None]):
    CSS_PATH = "entry_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start", id="timer-start-go"),
        Binding("escape", "cancel", "Cancel", id="timer-start-cancel"),
    ]

    def __init__(self, choices: EntryChoices) -> None:
        super().__init__(classes="dialog-screen")
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog entry-form"):
            yield Label("Start the study timer", classes="dialog-question")
            area = self.choices.last_area or ""
            yield from form_row(
                "Area", picker_input("area", area, self.choices.areas, "type part of a name")
            )
            yield from form_row(
                "Milestone",
                picker_input("milestone", "", self.choices.milestones, "optional"),
            )
            yield Label(
                "enter starts · tab: next field · →: take the suggestion · escape cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        for hint in self.query(".form-hint"):
            hint.display = False
        self.query_one("#area").focus()

    def _check(self, field: str) -> tuple[str, str] | None:
        """(name, id) of the field, None when the optional milestone is empty; shows errors."""
        hint = self.query_one(f"#{field}-hint", Label)
        text = self.query_one(f"#{field}", Input).value.strip()
        hint.display = False
        if field == "milestone" and not text:
            return None
        try:
            if field == "area":
                found = pick(text, self.choices.areas, "study area")
            else:
                found = pick(text, self.choices.milestones, "milestone")
        except ValidationError as exc:
            hint.update(str(exc))
            hint.set_class(True, "-error")
            hint.display = True
            raise
        hint.update(f"→ {found[0]}")
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
        self.dismiss(TimerChoice(area[1], area[0], milestone[1] if milestone else None))

    def action_cancel(self) -> None:
        self.dismiss(None)


# --- starting and stopping from a screen ------------------------------------------------------


def _stop(store: Store, *, discard: bool) -> str:
    """Stop (or discard) the running timer; the message to show. Raises ValidationError."""
    from studytui.clock import now_utc
    from studytui.db.engine import writing
    from studytui.db.settings_store import load_settings
    from studytui.db.timer import cancel_timer, current_timer, stop_timer

    with writing(store.db) as session:
        if discard:
            if not cancel_timer(session):
                raise ValidationError("no timer is running")
            return "Timer discarded; nothing was logged."
        settings = load_settings(session)
        info = current_timer(session)
        entry = stop_timer(
            session,
            now_utc=now_utc(),
            today=store.today(settings),
            day_starts_at=settings.day_starts_at,
        )
        area = info.area if info else "?"
        return f"Logged {format_minutes(entry.minutes)} of {area} on {entry.day}."


def toggle_timer(screen: DataScreen[Any]) -> None:
    """Stop the running timer, or ask what to time and start it.

    Decided in the worker from the database, not from what the screen last showed: the timer
    may have been started or stopped from the shell meanwhile.
    """
    store = screen.study_app.store
    app = screen.app

    def start(choice: TimerChoice | None) -> None:
        if choice is None:
            return

        def write(db: Database) -> str:
            from studytui.clock import now_utc
            from studytui.db.engine import writing
            from studytui.db.timer import start_timer

            with writing(db) as session:
                start_timer(
                    session,
                    area_id=choice.area_id,
                    milestone_id=choice.milestone_id,
                    now_utc=now_utc(),
                )
            return f"Timer started for {choice.area}; space stops it and logs the time."

        screen.run_write(write, then=lambda message: screen.notify(message))

    def discard(yes: bool | None) -> None:
        if yes:
            screen.run_write(lambda db: _stop(store, discard=True), then=lambda m: screen.notify(m))

    def work() -> None:
        from studytui.db.engine import reading
        from studytui.db.entries import entry_choices
        from studytui.db.errors import StoreError
        from studytui.db.timer import TimerNotLoggable, current_timer
        from studytui.ui.store import StoreNotReady

        try:
            with reading(store.db) as session:
                running = current_timer(session) is not None
                choices = None if running else entry_choices(session)
            if choices is not None:
                app.call_from_thread(app.push_screen, TimerStartDialog(choices), start)
                return
            message = _stop(store, discard=False)
        except TimerNotLoggable as exc:
            question = f"{exc.reason[0].upper()}{exc.reason[1:]}.\n\nDiscard the timer?"
            dialog = ConfirmDialog(question, yes="Discard", no="Keep running")
            app.call_from_thread(app.push_screen, dialog, discard)
            return
        except (ValidationError, StoreError, StoreNotReady) as exc:
            app.call_from_thread(screen.notify, str(exc), severity="error", timeout=8)
            return
        app.call_from_thread(screen.notify, message)
        app.call_from_thread(screen.reload)

    screen.run_worker(work, thread=True, group="timer", exclusive=True)
