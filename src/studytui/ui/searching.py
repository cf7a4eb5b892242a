"""Search from anywhere: `/` (or "Search" in the command palette) opens the search dialog;
the hit chosen is shown on its own screen, selected (an entry on its day in the Daily log, a
milestone on the Roadmap, a certificate, a side activity)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studytui.clock import now
from studytui.ui.dialogs.search import SearchDialog
from studytui.ui.screens.base import DataScreen

if TYPE_CHECKING:
    from studytui.actions.search import Hit, SearchResults
    from studytui.ui.app import StudyApp

# Which screen shows each kind of hit.
MODES = {
    "entry": "log",
    "milestone": "roadmap",
    "certificate": "certificates",
    "activity": "activities",
}


def open_search(app: StudyApp) -> None:
    # Not over a dialog (a confirmation, a form) nor before the app is set up.
    if app.screens_blocked or not isinstance(app.screen, DataScreen):
        return
    store = app.store

    def find(text: str) -> SearchResults:
        from studytui.actions.search import search

        return search(store.db, text, now=now())

    async def chosen(hit: Hit | None) -> None:
        if hit is not None:
            await go_to(app, hit)

    app.push_screen(SearchDialog(find), chosen)


async def go_to(app: StudyApp, hit: Hit) -> None:
    await app.switch_mode(MODES[hit.kind])
    screen = app.screen
    if isinstance(screen, DataScreen):
        screen.reveal(hit)
