"""Logging time from any screen: the entry form and the study timer, each loaded in a worker
and written through `actions.log` and `actions.timer`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from studytui.clock import now
from studytui.domain.durations import format_minutes
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.entry_form import EntryForm
from studytui.ui.dialogs.timer_start import TimerStartDialog

if TYPE_CHECKING:
    from studytui.actions.log import EntryRow, Logged
    from studytui.domain.timer import TimerDraft
    from studytui.ui.screens.base import DataScreen


def logged_text(done: Logged) -> str:
    verb = "Updated" if done.updated else "Logged"
    return f"{verb} {format_minutes(done.minutes)} of {done.area} on {done.day}."


def open_entry_form(
    screen: DataScreen[Any],
    *,
    day: date | None = None,
    entry: EntryRow | None = None,
    on_saved: Callable[[Logged], None] | None = None,
) -> None:
    """Load the names to offer in a worker, then show the form; reload the screen after a save."""
    from studytui.actions import log

    store = screen.store

    def done(result: Logged | None) -> None:
        if result is None:
            return
        screen.notify(logged_text(result))
        if on_saved is not None:
            on_saved(result)
        screen.reload()

    def save(draft: Any) -> Logged:
        return log.save_entry(store.db, draft, now=now())

    def load() -> None:
        from studytui.actions.errors import StoreError
        from studytui.ui.store import StoreNotReady

        try:
            choices = log.entry_choices(store.db, now=now())
        except (StoreError, StoreNotReady) as exc:
            screen.app.call_from_thread(screen.notify, str(exc), severity="error")
            return
        form = EntryForm(choices=choices, save=save, entry=entry, day=day)
        screen.app.call_from_thread(screen.app.push_screen, form, done)

    screen.run_worker(load, thread=True, group="entry-form", exclusive=True)


def toggle_timer(screen: DataScreen[Any]) -> None:
    """Stop the running timer, or ask what to time and start it.

    Decided in the worker from the database, not from what the screen last showed: the timer
    may have been started or stopped from the shell meanwhile.
    """
    from studytui.actions import timer

    store = screen.store
    app = screen.app

    def started(info: timer.TimerInfo) -> None:
        screen.notify(f"Timer started for {info.area}; space stops it and logs the time.")

    def start(draft: TimerDraft | None) -> None:
        if draft is not None:
            screen.perform(timer.start_timer, draft, then=started)

    def discard(yes: bool | None) -> None:
        if yes:
            screen.perform(
                timer.discard_timer,
                then=lambda _: screen.notify("Timer discarded; nothing was logged."),
            )

    def work() -> None:
        from studytui.actions.errors import ACTION_ERRORS
        from studytui.ui.store import StoreNotReady

        try:
            running = timer.running_or_choices(store.db, now=now())
            if not isinstance(running, timer.TimerInfo):
                app.call_from_thread(app.push_screen, TimerStartDialog(running), start)
                return
            done = timer.stop_timer(store.db, now=now())
        except timer.TimerNotLoggable as exc:
            question = f"{exc.reason[0].upper()}{exc.reason[1:]}.\n\nDiscard the timer?"
            dialog = ConfirmDialog(question, yes="Discard", no="Keep running")
            app.call_from_thread(app.push_screen, dialog, discard)
            return
        except (*ACTION_ERRORS, StoreNotReady) as exc:
            app.call_from_thread(screen.notify, str(exc), severity="error", timeout=8)
            return
        app.call_from_thread(screen.notify, logged_text(done))
        app.call_from_thread(screen.reload)

    screen.run_worker(work, thread=True, group="timer", exclusive=True)
