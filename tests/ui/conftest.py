from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from studytui.ui.app import StudyApp, make_app


async def settle(app: StudyApp, pilot) -> None:
    """Wait for every worker (database open, loads, writes) and the screen updates they cause."""
    from textual.worker import WorkerCancelled

    for _ in range(3):
        # A load replaced by a newer one (loads are exclusive) ends the wait; the next round
        # waits for the newer one.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()


@pytest.fixture
def seeded_app(db, db_path: Path) -> StudyApp:
    """The app on a database that already has the software roadmap (no welcome screen)."""
    db.dispose()
    return make_app(db_path)


def screen_text(app: StudyApp) -> str:
    """What the terminal shows right now, as plain text: one line a row.

    Rendered the way `App.export_screenshot` does (through the screen's compositor, which has
    no public text export), so a test can assert what a user would read.
    """
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()
