"""The main screens: their modes, keys and titles, and how each is built on first use.

The app's bindings, the help screen and the command palette all read this table, so it lives
on its own: none of them needs to import the app.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from studytui.ui.store import Store

# (mode, key, title) for every main screen, in the order they are offered.
SCREENS_BY_KEY: tuple[tuple[str, str, str], ...] = (
    ("dashboard", "d", "Dashboard"),
    ("roadmap", "r", "Roadmap"),
    ("log", "l", "Daily log"),
    ("certificates", "c", "Certificates"),
    ("activities", "a", "Side activities"),
    ("reports", "R", "Reports"),
    ("settings", "s", "Settings"),
)

# mode -> (module under studytui.ui.screens, screen class)
SCREEN_CLASSES: dict[str, tuple[str, str]] = {
    "dashboard": ("dashboard", "DashboardScreen"),
    "roadmap": ("roadmap", "RoadmapScreen"),
    "log": ("daily_log", "DailyLogScreen"),
    "certificates": ("certificates", "CertificatesScreen"),
    "activities": ("activities", "ActivitiesScreen"),
    "reports": ("reports", "ReportsScreen"),
    "settings": ("settings", "SettingsScreen"),
}

TITLES = {mode: title for mode, _key, title in SCREENS_BY_KEY}


def screen_factory(mode: str, store: Store) -> Callable[[], Screen[None]]:
    """A mode's screen, built with the store it reads and writes, its module imported on first
    use: the first frame then pays for the dashboard only, not for every screen."""
    module, name = SCREEN_CLASSES[mode]

    def make() -> Screen[None]:
        screen_class = getattr(importlib.import_module(f"studytui.ui.screens.{module}"), name)
        return screen_class(store)

    make.__qualname__ = name
    return make


def import_all() -> None:
    """Import every screen module (the app does it in the background, once it has data)."""
    for module, _name in SCREEN_CLASSES.values():
        importlib.import_module(f"studytui.ui.screens.{module}")
