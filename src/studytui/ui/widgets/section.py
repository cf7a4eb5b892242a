"""A dashboard panel: a titled box that shows the value the dashboard hands it."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.widgets import Static


class DashboardSection(Static):
    """Subclass, set TITLE and implement `show`, which receives the panel's part of the
    dashboard's data (see `actions.dashboard.Dashboard`) on the UI thread."""

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

    def show(self, data: Any) -> None:
        raise NotImplementedError
