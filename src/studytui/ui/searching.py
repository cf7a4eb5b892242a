"""Search from anywhere: `/` (or "Search" in the command palette) opens the search dialog;
the hit chosen is shown on its own screen, selected (an entry on its day in the Daily log, a
milestone on the Roadmap, a certificate, a side activity)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studytui.clock import now
from studytui.ui.dialogs.search import SearchDialog
from studytui.ui.screens.base import DataScreen

if TYPE_CHECKING:
    from textual.app import App

    from studytui.actions.search import Hit, SearchResults
    from studytui.ui.store import Store

# Which screen shows each kind of hit.
MODES = {
    "entry": "log",
    "milestone": "roadmap",
    "certificate": "certificates",
    "activity": "activities",
}


def open_search(app: App[None], store: Store, *, blocked: bool) -> None:
    """`blocked`: the app is not set up yet (welcome or error screen), nothing to search."""
    if blocked or not isinstance(app.screen, DataScreen):  # nor over a dialog
        return

    def find(text: str) -> SearchResults:
        from studytui.actions.search import search

        return search(store.db, text, now=now())

    async def chosen(hit: Hit | None) -> None:
        if hit is not None:
            await go_to(app, hit)

    app.push_screen(SearchDialog(find), chosen)


async def go_to(app: App[None], hit: Hit) -> None:
    await app.switch_mode(MODES[hit.kind])
    screen = app.screen
    if isinstance(screen, DataScreen):
        screen.reveal(hit)
