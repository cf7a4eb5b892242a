"""`?`: every key of the app and of the screen it was opened from."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown


def _keys(bindings: list[tuple[str, str]]) -> str:
    return "\n".join(f"| `{key}` | {description} |" for key, description in bindings)


def _describe(node: Screen[object] | App[object]) -> list[tuple[str, str]]:
    """The studytui keys of a screen or the app, one row per action (`e` and `enter` together).

    Only bindings with an id are studytui's own; Textual's built-ins (focus moves, copy) are
    left out, and ctrl+q shows as quit's second key.
    """
    rows: dict[tuple[str, str], list[str]] = {}
    for items in node._bindings.key_to_bindings.values():
        for binding in items:
            if binding.id is None or not binding.description:
                continue
            keys = rows.setdefault((binding.action, binding.description), [])
            key = binding.key_display or binding.key
            if key not in keys:
                keys.append(key)
    return [(" / ".join(keys), description) for (_, description), keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help-close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="dialog-screen")
        self.under = under

    def compose(self) -> ComposeResult:
        app_rows = _describe(self.app)
        app_rows.append(("ctrl+p", "Command palette: every screen, and this screen's actions"))
        screen_rows = _describe(self.under)
        import studytui

        text = f"# Keys\n\nstudytui {studytui.__version__}\n\n## Everywhere\n\n"
        text += "| Key | Does |\n|---|---|\n" + _keys(app_rows)
        if screen_rows:
            from studytui.ui.screens.registry import TITLES

            name = TITLES.get(self.app.current_mode, "")
            text += f"\n\n## On this screen ({name})\n\n| Key | Does |\n|---|---|\n"
            text += _keys(screen_rows)
        text += "\n\nPress `escape` or `?` to close."
        with VerticalScroll(classes="dialog help"):
            yield Markdown(text)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
