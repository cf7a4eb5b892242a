"""The screen's title on one line at the top: what Textual's Header shows, drawn as text.

The Header is three widgets with an icon and its own styles; on the dashboard's first frame it
cost about 24 ms of a ~290 ms start, for a line of text.
"""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 100%;
        content-align: center middle;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._show_title)
            self.watch(owner, "sub_title", self._show_title)

    def _show_title(self) -> None:
        title = self.screen.title if self.screen.title is not None else self.app.title
        sub_title = self.screen.sub_title if self.screen.sub_title is not None else ""
        self.update(self.app.format_title(title, sub_title))
