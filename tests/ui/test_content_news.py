"""A database made by studytui 0.1.0, opened in the app: the dashboard tells once what this
version brought, and the Roadmap marks the new milestones until the user leaves it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.ui.conftest import settle
from textual.widgets import DataTable

from studytui.ui.app import StudyApp, make_app
from studytui.ui.dialogs.whats_new import WhatsNewDialog
from studytui.ui.screens.dashboard import DashboardScreen
from studytui.ui.screens.roadmap import DROPPED_MARK, NEW_MARK, RoadmapScreen

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content_v1.db"


def _query(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def old_db(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STUDYTUI_NOW", "2026-11-29T10:00:00")
    shutil.copyfile(FIXTURE, db_path)
    return db_path


def _marked(screen: RoadmapScreen, mark: str) -> list[str]:
    """The titles of the milestones that carry `mark` before them."""
    table = screen.query_one(DataTable)
    cells = [str(table.get_row(row.key)[1]) for row in table.ordered_rows]
    return [cell[2:] for cell in cells if cell.startswith(f"{mark} ")]


async def test_the_dashboard_tells_once_what_is_new(old_db: Path) -> None:
    app = make_app(old_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, WhatsNewDialog)
        text = "\n".join(app.screen.lines)
        assert "11 new milestones on your roadmap:" in text
        assert "AWS Certified Machine Learning - Specialty: exam retired on 2026-03-31" in text
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert _query(old_db, "SELECT announced FROM content_update") == [(1,)]
        await pilot.press("ctrl+r")  # reloading does not tell again
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)

    again = make_app(old_db)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert isinstance(again.screen, DashboardScreen)


async def test_whats_new_in_the_shell_counts_as_told(old_db: Path, cli) -> None:
    assert cli("whats-new").returncode == 0
    app = make_app(old_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_new_milestones_are_marked_on_the_roadmap_until_it_is_left(old_db: Path) -> None:
    app = make_app(old_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # the dashboard's news
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RoadmapScreen)
        marked = _marked(screen, NEW_MARK)
        assert len(marked) == 11
        assert "Practise ML system design and coding interviews" in marked
        assert f"{NEW_MARK} 11 new in this version" in str(
            screen.query_one("#roadmap-summary").render()
        )
        # Shown: the database no longer counts them new, but they stay marked on this visit.
        assert _query(old_db, "SELECT count(*) FROM milestone WHERE new_in IS NOT NULL") == [(0,)]
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert len(_marked(screen, NEW_MARK)) == 11

        await pilot.press("d")  # away and back: seen
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert _marked(screen, NEW_MARK) == []
        assert "new in this version" not in str(screen.query_one("#roadmap-summary").render())


async def test_a_milestone_dropped_from_its_template_is_marked(
    seeded_app: StudyApp, db_path: Path
) -> None:
    with sqlite3.connect(db_path) as conn:  # as a later release leaves one the user worked on
        conn.execute("UPDATE milestone SET dropped_in = 3, notes = 'x' WHERE key = 'kubernetes'")
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("r")
        await settle(seeded_app, pilot)
        screen = seeded_app.screen
        assert isinstance(screen, RoadmapScreen)
        (dropped,) = _marked(screen, DROPPED_MARK)
        assert dropped.startswith("Kubernetes")
        assert _marked(screen, NEW_MARK) == []
        summary = str(screen.query_one("#roadmap-summary").render())
        assert f"{DROPPED_MARK} 1 no longer in the built-in roadmap" in summary
        table = screen.query_one(DataTable)
        titles = [str(table.get_row(row.key)[1]).strip() for row in table.ordered_rows]
        table.focus()
        table.move_cursor(row=titles.index(f"{DROPPED_MARK} {dropped}"))
        await settle(seeded_app, pilot)
        head = str(screen.query_one("#detail-head").render())
        assert "No longer in the built-in roadmap; kept because you worked on it." in head
