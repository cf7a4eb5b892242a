"""Logging time from any screen: the entry form and the study timer, each loaded in a worker
and written through `actions.log` and `actions.timer`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from studytui.clock import now
from studytui.domain.durations import format_minutes
from studytui.domain.entries import check_note
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.entry_form import EntryForm
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.dialogs.timer_start import TimerStartDialog

if TYPE_CHECKING:
    from studytui.actions.log import EntryRow, Logged
    from studytui.domain.matching import Choice
    from studytui.domain.timer import TimerDraft, TimerNotLoggable
    from studytui.ui.screens.base import DataScreen

NOTE_HINT = "enter stops the timer and logs the time · escape keeps it running"


def logged_text(done: Logged) -> str:
    verb = "Updated" if done.updated else "Logged"
    return f"{verb} {format_minutes(done.minutes)} of {done.area} on {done.day}."


def open_entry_form(
    screen: DataScreen[Any],
    *,
    day: date | None = None,
    entry: EntryRow | None = None,
    on_saved: Callable[[Logged], None] | None = None,
    area: Choice[str] | None = None,
    milestone: Choice[str] | None = None,
) -> None:
    """Load the names to offer in a worker, then show the form (with `area` and `milestone`
    filled in, if given); reload the screen after a save."""
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
        form = EntryForm(
            choices=choices, save=save, entry=entry, day=day, area=area, milestone=milestone
        )
        screen.app.call_from_thread(screen.app.push_screen, form, done)

    screen.run_worker(load, thread=True, group="entry-form", exclusive=True)


def toggle_timer(
    screen: DataScreen[Any],
    *,
    area: Choice[str] | None = None,
    milestone: Choice[str] | None = None,
) -> None:
    """Stop the running timer (asking for an optional note, as `studytui stop --note` takes
    one), or ask what to time and start it, with `area` and `milestone` filled in if given.

    Decided in the worker from the database, not from what the screen last showed: the timer
    may have been started or stopped from the shell meanwhile.
    """
    from studytui.actions import timer

    store = screen.store
    app = screen.app

    def started(info: timer.TimerInfo) -> None:
        screen.notify(f"Timer started for {info.what}; space stops it and logs the time.")

    def start(draft: TimerDraft | None) -> None:
        if draft is not None:
            screen.perform(timer.start_timer, draft, then=started)

    def discard(yes: bool | None) -> None:
        if yes:
            screen.perform(
                timer.discard_timer,
                then=lambda _: screen.notify("Timer discarded; nothing was logged."),
            )

    def offer_discard(exc: TimerNotLoggable) -> None:
        question = f"{exc.reason[0].upper()}{exc.reason[1:]}.\n\nDiscard the timer?"
        dialog = ConfirmDialog(question, yes="Discard", no="Keep running")
        app.push_screen(dialog, discard)

    def noted(note: str | None) -> None:
        if note is None:
            screen.notify("The timer is still running.")
            return
        screen.run_worker(lambda: stop(note), thread=True, group="timer", exclusive=True)

    def stop(note: str) -> None:
        from studytui.actions.errors import ACTION_ERRORS
        from studytui.ui.store import StoreNotReady

        try:
            done = timer.stop_timer(store.db, now=now(), note=note)
        except timer.TimerNotLoggable as exc:  # the day filled up meanwhile
            app.call_from_thread(offer_discard, exc)
            return
        except (*ACTION_ERRORS, StoreNotReady) as exc:
            app.call_from_thread(screen.notify, str(exc), severity="error", timeout=8)
            return
        app.call_from_thread(screen.notify, logged_text(done))
        app.call_from_thread(screen.reload)

    def work() -> None:
        from studytui.actions.errors import ACTION_ERRORS
        from studytui.ui.store import StoreNotReady

        try:
            running = timer.running_or_choices(store.db, now=now())
            if not isinstance(running, timer.TimerInfo):
                dialog = TimerStartDialog(running, area=area, milestone=milestone)
                app.call_from_thread(app.push_screen, dialog, start)
                return
            minutes = timer.minutes_to_log(running, now=now())
        except timer.TimerNotLoggable as exc:
            app.call_from_thread(offer_discard, exc)
            return
        except (*ACTION_ERRORS, StoreNotReady) as exc:
            app.call_from_thread(screen.notify, str(exc), severity="error", timeout=8)
            return
        what = running.what
        question = (
            f"Stop the timer for {what} and log {format_minutes(minutes)}.\n"
            "A note on what you did (optional):"
        )
        prompt = PromptDialog(question, check=check_note, hint=NOTE_HINT)
        app.call_from_thread(app.push_screen, prompt, noted)

    screen.run_worker(work, thread=True, group="timer", exclusive=True)
