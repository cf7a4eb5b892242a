"""The side-activities screen and its dashboard panel, driven by keys; each test checks the
database itself, not only what the screen shows."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from tests.ui.conftest import settle
from textual.widgets import DataTable, Input, Select

from studytui.actions.activities import ActivityInput, PaymentDraft, add_activity, add_payment
from studytui.builtin_content import load_activity_ideas
from studytui.db.engine import Database
from studytui.domain.money import Money
from studytui.ui.app import StudyApp
from studytui.ui.dialogs.activity_form import ActivityFormDialog
from studytui.ui.dialogs.activity_idea import IdeaPickerDialog
from studytui.ui.dialogs.activity_payment import PaymentDialog
from studytui.ui.dialogs.confirm import ConfirmDialog

TODAY = date(2026, 3, 11)  # frozen_now
NOW = datetime(2026, 3, 11, 20, 30).astimezone()


def _activities(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "select title, kind, status, idea_key, start_date, end_date, outcome "
            "from side_activity order by title"
        ).fetchall()


def _payments(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "select amount_cents, currency, received_on, note from payment order by received_on"
        ).fetchall()


def _add(db: Database, title: str = "Paid article", **changes: object) -> str:
    data = ActivityInput(**({"kind": "writing", "title": title} | changes))  # type: ignore[arg-type]
    return add_activity(db, data, now=NOW).id


async def _open(app: StudyApp, pilot) -> None:
    await settle(app, pilot)
    await pilot.press("a")
    await settle(app, pilot)
    assert type(app.screen).__name__ == "ActivitiesScreen"


async def test_add_from_a_built_in_idea(seeded_app, db_path: Path, frozen_now: str) -> None:
    first = load_activity_ideas()[0]
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, IdeaPickerDialog)
        await pilot.press("down", "enter")  # the first idea, just under "your own activity"
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ActivityFormDialog)
        assert seeded_app.screen.query_one("#activity-title", Input).value == first.title
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert type(seeded_app.screen).__name__ == "ActivitiesScreen"
        assert seeded_app.screen.query_one("#activities", DataTable).row_count == 1
    assert _activities(db_path) == [(first.title, first.kind, "idea", first.key, None, None, "")]


async def test_add_your_own_activity_after_an_inline_error(
    seeded_app, db_path: Path, frozen_now: str
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("n", "enter")  # "your own activity" is the first option
        await settle(seeded_app, pilot)
        form = seeded_app.screen
        assert isinstance(form, ActivityFormDialog)
        form.query_one("#activity-kind", Select).value = "talk"
        form.query_one("#activity-status", Select).value = "active"
        form.query_one("#activity-title", Input).value = "PyData lightning talk"
        form.query_one("#activity-link", Input).value = "my blog"
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is form
        assert "must be a web address" in str(form.query_one("#activity-error").render())
        assert _activities(db_path) == []
        form.query_one("#activity-link", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is not form
    # Added as active, so the start is stamped with today.
    assert _activities(db_path) == [
        ("PyData lightning talk", "talk", "active", None, "2026-03-11", None, "")
    ]


async def test_cancelling_the_form_writes_nothing(
    seeded_app, db_path: Path, frozen_now: str
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("n", "down", "enter")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ActivityFormDialog)
        await pilot.press("escape")
        await settle(seeded_app, pilot)
        assert type(seeded_app.screen).__name__ == "ActivitiesScreen"
    assert _activities(db_path) == []


async def test_edit_changes_the_stored_activity(
    seeded_app, db: Database, db_path: Path, frozen_now: str
) -> None:
    _add(db, idea_key="paid-articles")
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("e")
        await settle(seeded_app, pilot)
        form = seeded_app.screen
        assert isinstance(form, ActivityFormDialog)
        form.query_one("#activity-title", Input).value = "Feature stores explained"
        form.query_one("#activity-status", Select).value = "done"
        form.query_one("#activity-outcome", Input).value = "https://example.org/article"
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
    assert _activities(db_path) == [
        (
            "Feature stores explained",
            "writing",
            "done",
            "paid-articles",
            None,
            "2026-03-11",
            "https://example.org/article",
        )
    ]


async def test_status_keys_move_through_the_statuses(
    seeded_app, db: Database, db_path: Path, frozen_now: str
) -> None:
    _add(db)
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("right_square_bracket")
        await settle(seeded_app, pilot)
        assert _activities(db_path)[0][2:6] == ("planned", None, None, None)
        await pilot.press("right_square_bracket")
        await settle(seeded_app, pilot)
        assert _activities(db_path)[0][2:6] == ("active", None, "2026-03-11", None)
        await pilot.press("right_square_bracket")
        await settle(seeded_app, pilot)
        assert _activities(db_path)[0][2:6] == ("done", None, "2026-03-11", "2026-03-11")
        await pilot.press("left_square_bracket")
        await settle(seeded_app, pilot)
        assert _activities(db_path)[0][2:6] == ("active", None, "2026-03-11", None)
        table = seeded_app.screen.query_one("#activities", DataTable)
        assert str(table.get_row_at(0)[0]) == "Active"  # grouped by status


async def test_delete_asks_first_and_keep_keeps_it(
    seeded_app, db: Database, db_path: Path, frozen_now: str
) -> None:
    activity = _add(db)
    add_payment(db, activity, PaymentDraft(Money(500, "USD"), TODAY), now=NOW)
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("x")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        assert len(_activities(db_path)) == 1
        await pilot.press("delete")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(seeded_app, pilot)
        assert seeded_app.screen.query_one("#activities", DataTable).row_count == 0
    assert _activities(db_path) == []
    assert _payments(db_path) == []


async def test_earnings_entry_adds_a_payment_and_shows_the_sum(
    seeded_app, db: Database, db_path: Path, frozen_now: str
) -> None:
    _add(db)
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("p")
        await settle(seeded_app, pilot)
        dialog = seeded_app.screen
        assert isinstance(dialog, PaymentDialog)
        dialog.query_one("#payment-amount", Input).value = "lots"
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert "not understood" in str(dialog.query_one("#payment-error").render())
        assert _payments(db_path) == []
        dialog.query_one("#payment-amount", Input).value = "1,250.50 EUR"
        dialog.query_one("#payment-date", Input).value = "2026-03-01"
        dialog.query_one("#payment-note", Input).value = "invoice 7"
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        row = seeded_app.screen.query_one("#activities", DataTable).get_row_at(0)
        assert "1,250.50 EUR" in [str(cell) for cell in row]
        totals = str(seeded_app.screen.query_one("#activity-totals").render())
        assert "1,250.50 EUR" in totals
        assert _payments(db_path) == [(125050, "EUR", "2026-03-01", "invoice 7")]

        await pilot.press("p")  # the dialog lists it; delete it again, after confirming
        await settle(seeded_app, pilot)
        await pilot.press("shift+tab", "ctrl+t")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(seeded_app, pilot)
    assert _payments(db_path) == []


async def test_g_switches_grouping_to_kind(seeded_app, db: Database, frozen_now: str) -> None:
    _add(db, "Kaggle", kind="competition", status="active")
    _add(db, "Article")
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        table = seeded_app.screen.query_one("#activities", DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(2)] == ["Active", "Ideas"]
        await pilot.press("g")
        await pilot.pause()
        assert [str(table.get_row_at(i)[0]) for i in range(2)] == ["Writing", "Competitions"]


async def test_dashboard_lists_active_ones_and_suggests_an_unused_idea(
    seeded_app, db: Database, frozen_now: str
) -> None:
    taken = load_activity_ideas()[0]
    _add(db, taken.title, kind=taken.kind, idea_key=taken.key, status="active")
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        text = str(seeded_app.screen.query_one("SideActivitiesSection").render())
    assert taken.title in text
    assert "Quiet week" in text  # nothing logged, against the default 6h weekly goal
    suggested = [i for i in load_activity_ideas() if f"An idea: {i.title}" in text]
    assert len(suggested) == 1 and suggested[0].key != taken.key
