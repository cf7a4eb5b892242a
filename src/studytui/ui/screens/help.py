"""`?` (f1 in a text box or a dialog): every key of the app and of the screen or dialog it was
opened from, in two compact tables."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.actions import parse
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

Rows = list[tuple[str, str]]


def _describe(node: Screen[object] | App[object]) -> Rows:
    """The studytui keys of a screen or the app that work right now, one row per action (`e`
    and `enter` together).

    Only bindings with an id are studytui's own; Textual's built-ins (focus moves, copy) are
    left out. Keys switched off where help was opened (the screens, on the welcome screen)
    are left out too.
    """
    rows: dict[tuple[str, str], list[tuple[bool, int, str]]] = {}
    for position, items in enumerate(node._bindings.key_to_bindings.values()):
        for binding in items:
            if binding.id is None or not binding.description:
                continue
            _, name, parameters = parse(binding.action)
            if node.check_action(name, parameters) is False:
                continue
            # The keys the key bar shows come first (`q / ctrl+q`), each row where its first
            # shown key is declared; rows of hidden keys only at the end.
            keys = rows.setdefault((binding.action, binding.description), [])
            keys.append((not binding.show, position, binding.key_display or binding.key))
    ordered = sorted(rows.items(), key=lambda row: min(row[1]))
    described: Rows = []
    screens: Rows = []  # one row for them all, so a screen's help fits on 80x24
    screens_at = 0
    for (action, description), keys in ordered:
        key = " / ".join(dict.fromkeys(key for *_, key in sorted(keys)))
        if not action.startswith("switch_mode"):
            described.append((key, description))
            continue
        if not screens:
            screens_at = len(described)
        screens.append((key, description))
    if screens:
        names = ", ".join(description for _, description in screens)
        described.insert(screens_at, (" ".join(key for key, _ in screens), f"Go to: {names}"))
    return described


def keys_table(title: str, rows: Rows) -> Table:
    # One line a key, no rules between them: a whole screen's keys fit on 80x24.
    table = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        box=None,
        show_header=False,
        padding=(0, 1),
        expand=True,
    )
    table.add_column("Key", style="bold", no_wrap=True)
    table.add_column("Does", ratio=1)
    for key, description in rows:
        table.add_row(key, description)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,f1", "dismiss", "Close", id="help-close"),
    ]
    # app.tcss: the two tables side by side when there is room for both.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (declared by Screen)

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="dialog-screen")
        self.under = under
        self.sections: list[tuple[str, Rows]] = []

    def _screen_name(self) -> str:
        from studytui.ui.screens.registry import TITLES

        mode = self.app.current_mode
        if self.under is self.app.get_screen_stack(mode)[0]:
            return TITLES.get(mode, "")
        return self.under.TITLE or ""

    def compose(self) -> ComposeResult:
        import studytui

        # The screen's own keys first: they are what `?` was pressed for.
        screen_rows = _describe(self.under)
        if self.under.is_modal:
            # In a dialog only the app's priority keys work (Textual stops the others there).
            self.sections.append(("In this dialog", screen_rows))
            self.sections.append(("Everywhere", [("f1", "Help"), ("ctrl+q", "Quit")]))
        else:
            if screen_rows:
                self.sections.append((f"On this screen ({self._screen_name()})", screen_rows))
            app_rows = _describe(self.app)
            app_rows.append(("ctrl+p", "Command palette: every screen, and this screen's actions"))
            self.sections.append(("Everywhere", app_rows))
        with VerticalScroll(classes="dialog help"):
            yield Static(
                f"Keys · studytui {studytui.__version__} · escape or ? closes this",
                classes="dialog-question",
            )
            with Horizontal(id="help-sections"):
                for title, rows in self.sections:
                    yield Static(keys_table(title, rows), classes="help-section")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
