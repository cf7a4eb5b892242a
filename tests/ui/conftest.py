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
