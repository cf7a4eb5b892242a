"""The studytui app: wiring only. Screens live in ui/screens, styles in ui/app.tcss."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from studytui.ui.screens.base import DataScreen
from studytui.ui.screens.registry import SCREEN_CLASSES, SCREENS_BY_KEY, import_all, screen_factory
from studytui.ui.store import Store

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import SeverityLevel

    from studytui.actions.database import Location


def _study_commands() -> type[Provider]:
    # Textual accepts a callable here and calls it when the palette first opens.
    from studytui.ui.commands import StudyCommands

    return StudyCommands


class StudyApp(App[None]):
    TITLE = "studytui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {_study_commands}
    DEFAULT_MODE = "dashboard"
    # app.tcss makes dialogs compact on a terminal shorter than 30 rows (80x24 is common).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-roomy")]  # noqa: RUF012 (declared by App)
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"switch_mode('{mode}')", title, id=f"go-{mode}")
            for mode, key, title in SCREENS_BY_KEY
        ),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("ctrl+r", "reload", "Refresh from the database", show=False, id="refresh"),
        Binding("q", "quit", "Quit", id="quit"),
        # For when a text box has the focus and takes `?` and `q` as text. Priority, so that
        # they work in dialogs too, where the app's other keys do not reach.
        Binding("f1", "help", "Help", show=False, priority=True, id="help-f1"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-ctrl"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        for mode in SCREEN_CLASSES:
            self.add_mode(mode, screen_factory(mode, store))
        # True while the welcome or the error screen is up: the other screens have nothing to
        # show yet, so only help and quit work.
        self.screens_blocked = False
        self._warmed_up = False

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast is plain text: its message names notes, titles and files the user
        typed or imported, which must never run as markup (`[@click=app.quit]`)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    async def action_quit(self) -> None:
        """Quit (q, ctrl+q, the palette); with a form holding changes open, ask first."""
        from studytui.ui.dialogs.changes import QUIT_QUESTION, open_forms_with_changes

        forms = open_forms_with_changes([list(s) for s in self._screen_stacks.values()])
        if not forms:
            await super().action_quit()
            return
        forms[-1].ask_before_discarding(self.exit, QUIT_QUESTION)

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, _give_key_bar)
        # Open the database once the first frame is painted: the worker's imports (SQLModel,
        # most of a second on a slow machine) would otherwise compete with it for the GIL.
        self.call_after_refresh(self.open_store)

    @work(thread=True, exit_on_error=False)
    def open_store(self) -> None:
        # The numbers first, from plain sqlite3; then the import of SQLModel and the checks.
        # In this one thread, one after the other: side by side they only fight for the GIL.
        try:
            if isinstance(self.screen, DataScreen):
                self.screen.show_early()
        finally:  # the early look is a bonus: the database opens whatever happened to it
            self.store.open()
            self.call_from_thread(self._store_opened)

    def on_data_screen_loaded(self, _message: DataScreen.Loaded) -> None:
        """Once the first screen shows its data, import the other screens in the background,
        so that opening one later costs its layout only, not its imports."""
        if not self._warmed_up:
            self._warmed_up = True
            self._import_screens()

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _import_screens(self) -> None:
        import_all()

    def _store_opened(self) -> None:
        if self.store.warning is not None:
            self.notify(self.store.warning, severity="warning", timeout=10)
        if self.store.error is not None:
            from studytui.ui.screens.error import StoreErrorScreen

            self.screens_blocked = True
            self.push_screen(StoreErrorScreen(self.store.error))
        elif not self.store.seeded:
            from studytui.ui.screens.welcome import WelcomeScreen

            self.screens_blocked = True
            self.push_screen(WelcomeScreen(self.store), callback=self._welcomed)

    def _welcomed(self, _result: object) -> None:
        self.screens_blocked = False
        self.refresh_bindings()
        self.action_reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # False also hides those keys from the footer.
        return not (self.screens_blocked and action in ("switch_mode", "reload", "search"))

    def action_search(self) -> None:
        from studytui.ui.searching import open_search

        open_search(self, self.store, blocked=self.screens_blocked)

    def action_help(self) -> None:
        from studytui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)  # f1 again closes it: f1 is the app's, ahead of help's
        else:
            self.push_screen(HelpScreen(self.screen))

    def action_reload(self) -> None:
        if isinstance(self.screen, DataScreen):
            self.screen.reload()

    def on_app_focus(self) -> None:
        # Another terminal may have run `studytui log` meanwhile: show it without a restart.
        self.action_reload()

    def on_unmount(self) -> None:
        self.store.close()


def _give_key_bar(screen: Screen[object]) -> None:
    """Every studytui dialog gets a key bar of its own when it is first shown, saying which
    keys work in it (Textual's own, such as the command palette, keep their look)."""
    from studytui.ui.widgets.key_bar import KeyBar

    if not isinstance(screen, ModalScreen) or not type(screen).__module__.startswith("studytui."):
        return
    if not screen.query(KeyBar):
        screen.mount(KeyBar())


def make_app(db_path: Location) -> StudyApp:
    """The one way to build the app: the CLI and the tests both come through here. The
    database is a file or, given a URL, a database on a PostgreSQL server."""
    return StudyApp(Store(db_path))
