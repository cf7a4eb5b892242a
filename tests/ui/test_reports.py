"""The Reports screen: the same report as `studytui report`, the period and grouping by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.ui.conftest import settle
from textual.widgets import DataTable, Static

from studytui.ui.screens.reports import ReportsScreen

pytestmark = pytest.mark.usefixtures("frozen_now")  # Wednesday 2026-03-11, 20:30


def _table(app) -> list[tuple[str, str]]:
    table = app.screen.query_one(DataTable)
    return [
        (str(table.get_row_at(i)[0]), str(table.get_row_at(i)[2])) for i in range(table.row_count)
    ]


def _title(app) -> str:
    return str(app.screen.query_one("#report-title", Static).render())


async def test_reports_follow_the_keys(seeded_app, db_path: Path) -> None:
    for args in (
        ("log", "1h", "--area", "ml"),
        ("log", "30", "--area", "data e", "--date", "2026-03-02"),
        ("log", "20", "--area", "prog"),
    ):
        assert run_cli("--db", str(db_path), *args).returncode == 0
    async with seeded_app.run_test(size=(100, 30)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("R")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ReportsScreen)
        assert _title(seeded_app).startswith("Mon 09 Mar 2026 to Wed 11 Mar 2026, by area: 1h 20m")
        assert _table(seeded_app) == [
            ("Programming & software engineering", "20m"),
            ("Machine learning", "1h"),
        ]
        await pilot.press("left_square_bracket")  # the week before
        await settle(seeded_app, pilot)
        assert _table(seeded_app) == [("Data engineering", "30m")]
        await pilot.press("m")  # this month, back to the present
        await settle(seeded_app, pilot)
        assert "by area: 1h 50m" in _title(seeded_app)
        await pilot.press("b")  # by day
        await settle(seeded_app, pilot)
        rows = _table(seeded_app)
        assert len(rows) == 11  # 1 to 11 March
        assert rows[1] == ("2026-03-02 Mon", "30m") and rows[-1] == ("2026-03-11 Wed", "1h 20m")
