"""What every data screen shares: load in a worker thread, then show on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import events, work
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from studytui.clock import now
from studytui.ui.store import Store, StoreNotReady

if TYPE_CHECKING:
    from datetime import datetime

    from studytui.actions.database import Database, Location
    from studytui.actions.search import Hit
    from studytui.actions.undo import Undoable

T = TypeVar("T")
R = TypeVar("R")
_NOTHING = object()


class DataScreen(Screen[None], Generic[T]):
    """A screen whose content comes from the database, through the actions.

    Subclasses implement `fetch` (worker thread: calls an action with `db` and `now`) and `show`
    (UI thread: updates widgets). `reload()` runs both; it is called when the screen is shown,
    when the terminal regains focus, after every write, and on ctrl+r.
    """

    class Loaded(Message):
        """A screen showed its data for the first time: the app may warm up the others."""

    def __init__(self, store: Store, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.store = store
        self._shown: object = _NOTHING
        # This screen's deletes and status changes, latest last: `u` undoes them one by one.
        self.undo_stack: list[Undoable] = []
        self._undoing = False

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.is_mounted:
            self.reload()

    @work(thread=True, exclusive=True, group="load")
    def reload(self) -> None:
        from studytui.actions.errors import StoreError

        try:
            data = self.fetch(self.store.db, now())
        except StoreNotReady:
            return
        except StoreError as exc:  # locked for too long, file moved away...: say so, keep going
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_loaded, data)

    def _show_loaded(self, data: T) -> None:
        self._show_if_changed(data)
        # Only now: while the database was still opening, imports there would slow it down.
        self.post_message(self.Loaded())

    def _show_if_changed(self, data: T) -> None:
        # Screens reload whenever they are shown or the terminal regains focus; redrawing a
        # table of hundreds of rows that did not change is most of the cost of switching back.
        if self._shown is not _NOTHING and data == self._shown:
            return
        self._shown = data
        self.show(data)

    def forget_shown(self) -> None:
        """The next load redraws, even if the data is what was shown last."""
        self._shown = _NOTHING

    def reload_and_show(self) -> None:
        """Reload and show even if the data did not change (a selection to apply)."""
        self.forget_shown()
        self.reload()

    def reveal(self, hit: Hit) -> None:
        """Show and select the record a search found; each list screen knows how."""

    def show_early(self) -> None:
        """Worker thread, before the database opens: show what `fetch_early` can read."""
        data = self.fetch_early(self.store.path, now())
        if data is not None:
            self.app.call_from_thread(self._show_if_changed, data)

    def fetch_early(self, path: Location, now: datetime) -> T | None:
        """What can be shown while the database is still opening, read straight from the file
        at `path` without waiting for SQLModel; None (the default) when nothing can."""
        return None

    def fetch(self, db: Database, now: datetime) -> T:
        raise NotImplementedError

    def show(self, data: T) -> None:
        raise NotImplementedError

    # --- undo ----------------------------------------------------------------------------------

    def changed(self, change: Undoable) -> None:
        """After a delete or status change: keep it for `u`, and say so in the words every
        screen uses."""
        from studytui.actions.undo import done_message

        self.undo_stack.append(change)
        self.notify(done_message(change))

    def action_undo(self) -> None:
        if self._undoing:  # one at a time: a second u must not undo the same change twice
            return
        if not self.undo_stack:
            self.notify("Nothing to undo on this screen.")
            return
        self._undoing = True
        self._undo(self.undo_stack[-1])

    @work(thread=True, group="write")
    def _undo(self, change: Undoable) -> None:
        """The change leaves the stack only once undone, or refused for good: a refusal the
        user can clear (`actions.undo.still_undoable`) keeps it for the next u."""
        from studytui.actions.errors import ACTION_ERRORS
        from studytui.actions.undo import still_undoable, undo

        try:
            message = undo(self.store.db, change, now=now())
        except ACTION_ERRORS as exc:
            keep = still_undoable(exc)
            self.app.call_from_thread(self._undo_refused, change, str(exc), keep)
            return
        except StoreNotReady:
            self.app.call_from_thread(self._undo_refused, change, "", True)
            return
        self.app.call_from_thread(self._undone, change, message)
        self.app.call_from_thread(self.reload)

    def _undone(self, change: Undoable, message: str) -> None:
        self._undoing = False
        self._forget(change)
        self.notify(message)
        self.show_undone(change)

    def _undo_refused(self, change: Undoable, message: str, keep: bool) -> None:
        self._undoing = False
        if not keep:
            self._forget(change)
        if message:
            self.notify(message, severity="error", timeout=8)

    def _forget(self, change: Undoable) -> None:
        # By identity: a change made while the undo ran may be on top of it now.
        self.undo_stack = [kept for kept in self.undo_stack if kept is not change]

    def show_undone(self, change: Undoable) -> None:
        """Bring what an undo put back into view (before the reload that follows it)."""

    def perform(
        self,
        action: Callable[..., R],
        *args: Any,
        then: Callable[[R], object] | None = None,
        **kwargs: Any,
    ) -> None:
        """Run `action(db, *args, now=..., **kwargs)` in a worker; then reload the screen and
        pass the result to `then`. A ValidationError or StoreError is shown as a notification.
        """
        self._perform(action, args, kwargs, then)

    @work(thread=True, group="write")
    def _perform(
        self,
        action: Callable[..., R],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        then: Callable[[R], object] | None,
    ) -> None:
        from studytui.actions.errors import ACTION_ERRORS

        try:
            result = action(self.store.db, *args, now=now(), **kwargs)
        except ACTION_ERRORS as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=8)
            return
        except StoreNotReady:
            return
        if then is not None:
            self.app.call_from_thread(then, result)
        self.app.call_from_thread(self.reload)
