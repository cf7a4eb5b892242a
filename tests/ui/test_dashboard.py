"""The dashboard: quick logging and the timer from the home screen, and a layout that fits."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from tests.ui.conftest import settle
from textual.widgets import Input, Static

from studytui.domain.entries import EntryDraft
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.entry_form import EntryForm
from studytui.ui.dialogs.timer_start import TimerStartDialog
from studytui.ui.screens.dashboard import DashboardScreen

pytestmark = pytest.mark.usefixtures("frozen_now")  # Wednesday 2026-03-11, 20:30


def entries(db_path: Path) -> list[tuple[str, int, str]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "select e.day, e.minutes, a.name from log_entry e join area a on a.id = e.area_id"
        ).fetchall()


async def test_n_logs_time_for_today_and_the_cards_follow(seeded_app, db_path: Path) -> None:
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, DashboardScreen)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, EntryForm)
        assert seeded_app.screen.query_one("#day", Input).value == "today"
        seeded_app.screen.query_one("#area", Input).value = "mlops"
        await pilot.press(*"45m", "enter")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, DashboardScreen)
        assert str(seeded_app.screen.query_one("#today", Static).render()).startswith("45m")
    assert entries(db_path) == [("2026-03-11", 45, "MLOps & cloud")]


async def test_space_starts_the_timer_and_stops_it_into_an_entry(
    seeded_app, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("space")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, TimerStartDialog)
        seeded_app.screen.query_one("#area", Input).value = "machine"
        seeded_app.screen.query_one("#milestone", Input).value = "nosuch"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(seeded_app.screen, TimerStartDialog)  # a bad milestone is refused
        assert "no milestone matches" in str(
            seeded_app.screen.query_one("#milestone-hint", Static).render()
        )
        seeded_app.screen.query_one("#milestone", Input).value = ""
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        timer = seeded_app.screen.query_one("#timer", Static)
        assert timer.display
        assert "Machine learning: 0:00:00" in str(timer.render())
        await pilot.press("space")  # at once: under a minute is not logged
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        assert "ran for less than half a minute" in str(
            seeded_app.screen.query_one(".dialog-question").render()
        )
        await pilot.press("escape")  # keep it running
        await settle(seeded_app, pilot)
        monkeypatch.setenv("STUDYTUI_NOW", "2026-03-11T21:10:00")  # forty minutes later
        await pilot.press("space")
        await settle(seeded_app, pilot)
        await pilot.press("enter")  # the note is optional
        await settle(seeded_app, pilot)
        assert not seeded_app.screen.query_one("#timer").display
    assert entries(db_path) == [("2026-03-11", 40, "Machine learning")]


@pytest.mark.parametrize(("size", "side_by_side"), [((80, 24), False), ((150, 40), True)])
async def test_every_panel_fits_the_terminal(
    seeded_app, size: tuple[int, int], side_by_side: bool
) -> None:
    async with seeded_app.run_test(size=size) as pilot:
        await settle(seeded_app, pilot)
        screen = seeded_app.screen
        width = size[0]
        for selector in ("#today", "#streak", "#week", "#heatmap", "#week-chart", "#split"):
            region = screen.query_one(selector).region
            assert region.right <= width, selector
        heatmap = screen.query_one("#heatmap").region
        chart = screen.query_one("#week-chart").region
        assert (chart.y == heatmap.y) is side_by_side
        # Figures, five bar rows and the dates row all fit inside the border.
        assert screen.query_one("#week-chart").content_region.height >= 7


async def test_the_numbers_show_before_the_database_has_finished_opening(
    db, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studytui.db.engine import writing
    from studytui.db.entries import add_entry
    from studytui.db.lookup import find_area
    from studytui.ui.app import make_app
    from studytui.ui.store import Store
    from studytui.ui.widgets.next_up_section import NextUpSection

    with writing(db) as session:
        area = find_area(session, "machine").id
        add_entry(
            session,
            EntryDraft(day=date(2026, 3, 11), minutes=97, area_id=area),
            today=date(2026, 3, 11),
        )
    db.dispose()
    # Hold the full open (SQLModel, migrations, the integrity check) until the test lets go.
    let_go, opened = threading.Event(), threading.Event()
    full_open = Store.open

    def held_open(store: Store) -> None:
        let_go.wait(timeout=30)
        full_open(store)
        opened.set()

    monkeypatch.setattr(Store, "open", held_open)
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        today = app.screen.query_one("#today", Static)
        for _ in range(200):
            if str(today.render()).startswith("1h 37m"):
                break
            await pilot.pause(0.02)
        assert str(today.render()).startswith("1h 37m")
        assert not opened.is_set()
        assert (
            str(app.screen.query_one(NextUpSection).render()) == "loading…"
        )  # needs the full open
        let_go.set()
        await settle(app, pilot)
        assert opened.is_set()
        assert "Roadmap:" in str(app.screen.query_one(NextUpSection).render())
        assert str(today.render()).startswith("1h 37m")
