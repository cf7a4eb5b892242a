"""Forms never drop what was typed silently: escape, cancel and quitting the app ask first when a
form holds changes; a side activity's end date before its start is an error, not a silent
deletion; and enter on a milestone puts the cursor after its notes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.conftest import settle
from tests.ui.test_activities import _activities
from tests.ui.test_activities import _open as open_activities
from tests.ui.test_daily_log import fill, open_log, rows
from tests.ui.test_roadmap import _open_roadmap, _select
from textual.widgets import Input, Select, TextArea

from studytui.ui.app import StudyApp
from studytui.ui.dialogs.activity_form import ActivityFormDialog
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.entry_form import EntryForm
from studytui.ui.screens.daily_log import DailyLogScreen


async def _new_entry_form(app: StudyApp, pilot) -> EntryForm:
    await open_log(app, pilot)
    await pilot.press("n")
    await settle(app, pilot)
    assert isinstance(app.screen, EntryForm)
    return app.screen


async def test_escape_on_a_filled_form_asks_and_keeps_it_on_no(
    seeded_app: StudyApp, db_path: Path, frozen_now: str
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        form = await _new_entry_form(seeded_app, pilot)
        await fill(seeded_app, pilot, duration="45m", note="half an hour of notes")
        await pilot.press("escape")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        assert "Discard what you changed in this form?" in seeded_app.screen.question
        await pilot.press("n")  # keep editing: nothing typed is lost
        await settle(seeded_app, pilot)
        assert seeded_app.screen is form
        assert form.query_one("#note", Input).value == "half an hour of notes"
        await pilot.press("escape")
        await settle(seeded_app, pilot)
        await pilot.press("y")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, DailyLogScreen)
    assert rows(db_path) == []


async def test_an_unchanged_form_closes_at_once(seeded_app: StudyApp, frozen_now: str) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _new_entry_form(seeded_app, pilot)
        await pilot.press("escape")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, DailyLogScreen)


async def test_quitting_with_a_filled_form_asks_first(
    seeded_app: StudyApp, db_path: Path, frozen_now: str
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        form = await _new_entry_form(seeded_app, pilot)
        await fill(seeded_app, pilot, duration="1h", note="do not lose me")
        await pilot.press("ctrl+q")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        assert "Quit, and lose what you changed" in seeded_app.screen.question
        await pilot.press("n")
        await settle(seeded_app, pilot)
        assert seeded_app.is_running and seeded_app.screen is form
        assert form.query_one("#note", Input).value == "do not lose me"
        await pilot.press("ctrl+q")
        await settle(seeded_app, pilot)
        await pilot.press("y")
        await pilot.pause()
    assert seeded_app.return_code == 0 and not seeded_app.is_running
    assert rows(db_path) == []


async def test_quitting_without_a_form_does_not_ask(seeded_app: StudyApp) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert not seeded_app.is_running


async def _own_activity_form(app: StudyApp, pilot) -> ActivityFormDialog:
    await open_activities(app, pilot)
    await pilot.press("n", "enter")  # "your own activity"
    await settle(app, pilot)
    assert isinstance(app.screen, ActivityFormDialog)
    return app.screen


async def test_an_end_date_before_the_start_is_an_error_not_a_deletion(
    seeded_app: StudyApp, db_path: Path, frozen_now: str
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        form = await _own_activity_form(seeded_app, pilot)
        form.query_one("#activity-status", Select).value = "idea"
        form.query_one("#activity-title", Input).value = "Kaggle playground"
        form.query_one("#activity-start", Input).value = "2026-03-10"
        form.query_one("#activity-end", Input).value = "2026-03-01"
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is form
        error = str(form.query_one("#activity-error").render())
        assert "end date 2026-03-01 is before the start date 2026-03-10" in error
        assert _activities(db_path) == []

        form.query_one("#activity-end", Input).value = "2026-03-10"  # no longer before it
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is form  # an idea has not ended: the end is not dropped
        error = str(form.query_one("#activity-error").render())
        assert "only a done or dropped activity has an end date (this is idea)" in error
        assert _activities(db_path) == []

        form.query_one("#activity-end", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is not form
    assert _activities(db_path) == [
        ("Kaggle playground", "writing", "idea", None, "2026-03-10", None, "")
    ]


async def test_enter_on_a_milestone_puts_the_cursor_after_its_notes(
    seeded_app: StudyApp, db_path: Path, frozen_now: str
) -> None:
    with sqlite3.connect(db_path) as conn:
        (title,) = conn.execute("SELECT title FROM milestone ORDER BY position LIMIT 1").fetchone()
        conn.execute("UPDATE milestone SET notes = ? WHERE title = ?", ("first\nsecond", title))
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        screen = await _open_roadmap(seeded_app, pilot)
        await _select(seeded_app, pilot, screen, title)
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        notes = screen.query_one("#notes", TextArea)
        assert notes.has_focus
        assert notes.cursor_location == notes.document.end
        await pilot.press(*" and more")
        assert notes.text == "first\nsecond and more"
