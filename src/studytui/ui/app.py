"""The studytui app: wiring only. Screens live in ui/screens, styles in ui/app.tcss."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from studytui import __version__
from studytui.ui.commands import StudyCommands
from studytui.ui.screens.activities import ActivitiesScreen
from studytui.ui.screens.base import DataScreen
from studytui.ui.screens.certificates import CertificatesScreen
from studytui.ui.screens.daily_log import DailyLogScreen
from studytui.ui.screens.dashboard import DashboardScreen
from studytui.ui.screens.help import HelpScreen
from studytui.ui.screens.roadmap import RoadmapScreen
from studytui.ui.screens.settings import SettingsScreen
from studytui.ui.store import Store

# (mode, key, title) for every main screen: the bindings, the help and the palette use it.
SCREENS_BY_KEY: tuple[tuple[str, str, str], ...] = (
    ("dashboard", "d", "Dashboard"),
    ("roadmap", "r", "Roadmap"),
    ("log", "l", "Daily log"),
    ("certificates", "c", "Certificates"),
    ("activities", "a", "Side activities"),
    ("settings", "s", "Settings"),
)


class StudyApp(App[None]):
    TITLE = "studytui"
    SUB_TITLE = f"v{__version__}"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {StudyCommands}
    MODES: ClassVar = {
        "dashboard": DashboardScreen,
        "roadmap": RoadmapScreen,
        "log": DailyLogScreen,
        "certificates": CertificatesScreen,
        "activities": ActivitiesScreen,
        "settings": SettingsScreen,
    }
    DEFAULT_MODE = "dashboard"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"switch_mode('{mode}')", title, id=f"go-{mode}")
            for mode, key, title in SCREENS_BY_KEY
        ),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("ctrl+r", "reload", "Refresh", show=False, id="refresh"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.open_store()

    @work(thread=True, exit_on_error=False)
    def open_store(self) -> None:
        self.store.open()
        self.call_from_thread(self._store_opened)

    def _store_opened(self) -> None:
        if self.store.error is not None:
            from studytui.ui.screens.error import StoreErrorScreen

            self.push_screen(StoreErrorScreen(self.store.error))
        elif not self.store.seeded:
            from studytui.ui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(), callback=lambda _: self.action_reload())

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_reload(self) -> None:
        if isinstance(self.screen, DataScreen):
            self.screen.reload()

    def on_app_focus(self) -> None:
        # Another terminal may have run `studytui log` meanwhile: show it without a restart.
        self.action_reload()

    def on_unmount(self) -> None:
        self.store.close()


def make_app(db_path: Path) -> StudyApp:
    """The one way to build the app: the CLI and the tests both come through here."""
    return StudyApp(Store(db_path))
