"""`?`: every key of the app and of the screen it was opened from."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown


def _keys(bindings: list[tuple[str, str]]) -> str:
    return "\n".join(f"| `{key}` | {description} |" for key, description in bindings)


def _describe(screen: Screen[object]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for binding in screen._bindings.key_to_bindings.values():
        for item in binding:
            if item.description:
                rows.append((item.key_display or item.key, item.description))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help-close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="dialog-screen")
        self.under = under

    def compose(self) -> ComposeResult:
        app_rows = [
            (b.key_display or b.key, b.description)
            for items in self.app._bindings.key_to_bindings.values()
            for b in items
            if b.description
        ]
        app_rows.append(("ctrl+p", "Command palette: every screen and action by name"))
        app_rows.append(("ctrl+r", "Refresh from the database"))
        screen_rows = _describe(self.under)
        import studytui

        text = f"# Keys\n\nstudytui {studytui.__version__}\n\n## Everywhere\n\n"
        text += "| Key | Does |\n|---|---|\n" + _keys(app_rows)
        if screen_rows:
            name = getattr(self.under, "TITLE", None) or type(self.under).__name__
            text += f"\n\n## On this screen ({name})\n\n| Key | Does |\n|---|---|\n"
            text += _keys(screen_rows)
        text += "\n\nPress `escape` or `?` to close."
        with VerticalScroll(classes="dialog help"):
            yield Markdown(text)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
