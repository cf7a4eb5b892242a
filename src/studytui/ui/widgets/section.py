"""A dashboard panel that brings its own data: fetched in the dashboard's worker, shown after."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from sqlmodel import Session

    from studytui.domain.settings import Settings


class DashboardSection(Static):
    """Subclass, set TITLE, implement `fetch` and `show`, and list the class in
    `DashboardScreen.SECTIONS`. `fetch` runs in a worker thread with an open read session;
    `show` runs on the UI thread with what `fetch` returned."""

    TITLE: ClassVar[str] = ""
    DEFAULT_CSS = """
    DashboardSection {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-accent;
        padding: 0 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(Text("loading…", style="dim"))

    def on_mount(self) -> None:
        self.border_title = self.TITLE

    def fetch(self, session: Session, today: date, settings: Settings) -> Any:
        raise NotImplementedError

    def show(self, data: Any) -> None:
        raise NotImplementedError
