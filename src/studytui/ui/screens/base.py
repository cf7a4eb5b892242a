"""What every data screen shares: load in a worker thread, then show on the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import events, work
from textual.screen import Screen
from textual.worker import get_current_worker

from studytui.ui.store import StoreNotReady

if TYPE_CHECKING:
    from pathlib import Path

    from studytui.db.engine import Database
    from studytui.ui.app import StudyApp

T = TypeVar("T")
_NOTHING = object()


class DataScreen(Screen[None], Generic[T]):
    """A screen whose content comes from the database.

    Subclasses implement `fetch` (worker thread: may import and call `db`) and `show` (UI
    thread: updates widgets). `reload()` runs both; it is called when the screen is shown, when
    the terminal regains focus, after every write, and on ctrl+r.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown = _NOTHING

    @property
    def study_app(self) -> StudyApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.is_mounted:
            self.reload()

    @work(thread=True, exclusive=True, group="load")
    def reload(self) -> None:
        from studytui.db.errors import StoreError

        try:
            data = self.fetch(self.study_app.store.db)
        except StoreNotReady:
            return
        except StoreError as exc:  # locked for too long, file moved away...: say so, keep going
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_loaded, data)

    def _show_loaded(self, data: T) -> None:
        self._show_if_changed(data)
        # Only now: while the database was still opening, imports here would slow it down.
        self.study_app.warm_up()

    def _show_if_changed(self, data: T) -> None:
        # Screens reload whenever they are shown or the terminal regains focus; redrawing a
        # table of hundreds of rows that did not change is most of the cost of switching back.
        if self._shown is not _NOTHING and data == self._shown:
            return
        self._shown = data
        self.show(data)

    def show_early(self) -> None:
        """Worker thread, before the database opens: show what `fetch_early` can read."""
        data = self.fetch_early(self.study_app.store.path)
        if data is not None:
            self.app.call_from_thread(self._show_if_changed, data)

    def fetch_early(self, path: Path) -> T | None:
        """What can be shown while the database is still opening, read straight from the file
        at `path` without waiting for SQLModel; None (the default) when nothing can."""
        return None

    def fetch(self, db: Database) -> T:
        raise NotImplementedError

    def show(self, data: T) -> None:
        raise NotImplementedError

    def run_write(self, write: Any, *, then: Any = None) -> None:
        """Run `write(db)` in a worker; on success reload, on a domain error notify."""
        self._write(write, then)

    @work(thread=True, group="write")
    def _write(self, write: Any, then: Any) -> None:
        from studytui.db.errors import StoreError
        from studytui.domain.errors import ValidationError

        try:
            result = write(self.study_app.store.db)
        except (ValidationError, StoreError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=8)
            return
        if then is not None:
            self.app.call_from_thread(then, result)
        self.app.call_from_thread(self.reload)
