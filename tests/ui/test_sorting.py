"""Sorting the Certificates and Side activities tables by any column, with `o` or a click on
a header (again: the other way), kept while the app runs."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from tests.ui.conftest import settle
from textual.widgets import DataTable

from studytui.actions.activities import ActivityInput, PaymentDraft, add_activity, add_payment
from studytui.actions.certificates import CertificateInput, add_certificate
from studytui.actions.log import EntryDraft, entry_choices, save_entry
from studytui.db.engine import Database
from studytui.domain.money import Money
from studytui.ui.app import StudyApp, make_app

NOW = datetime(2026, 3, 11, 20, 30).astimezone()  # frozen_now
TODAY = date(2026, 3, 11)


@pytest.fixture
def app_with_lists(db: Database, db_path: Path, frozen_now: str) -> StudyApp:
    area = entry_choices(db, now=NOW).areas[0].value
    for name, cost, exam, minutes in (
        ("Beta cert", 30000, date(2026, 3, 20), 0),
        ("alpha cert", 0, None, 90),
        ("Gamma cert", 10000, date(2026, 4, 20), 30),
    ):
        status = "exam_booked" if exam else "planned"
        cert = add_certificate(
            db,
            CertificateInput(name=name, status=status, exam_date=exam, cost_cents=cost),
            now=NOW,
        )
        if minutes:
            save_entry(db, EntryDraft(TODAY, minutes, area, certificate_id=cert.id), now=NOW)
    for title, status, cents, minutes in (
        ("Talk at a meetup", "idea", 0, 0),
        ("Paid article", "active", 50000, 60),
        ("Kaggle", "done", 0, 240),
    ):
        activity = add_activity(db, ActivityInput("writing", title, status), now=NOW)
        if cents:
            draft = PaymentDraft(Money(cents, "USD"), TODAY)
            add_payment(db, activity.id, draft, now=NOW)
        if minutes:
            save_entry(db, EntryDraft(TODAY, minutes, area, activity_id=activity.id), now=NOW)
    db.dispose()
    return make_app(db_path)


def column(app: StudyApp, index: int) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


def headers(app: StudyApp) -> list[str]:
    return [str(c.label) for c in app.screen.query_one(DataTable).ordered_columns]


async def click_header(app: StudyApp, pilot, label: str) -> None:
    table = app.screen.query_one(DataTable)
    columns = table.ordered_columns
    index = [str(c.label).split(" ")[0] for c in columns].index(label)
    x = sum(c.get_render_width(table) for c in columns[:index]) + 1
    await pilot.click(DataTable, offset=(x, 0))
    await settle(app, pilot)


async def press(app: StudyApp, pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def test_certificates_sort_by_key_and_by_header_and_remember_it(
    app_with_lists: StudyApp,
) -> None:
    app = app_with_lists
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        # What matters first: the exams ahead, soonest first.
        assert column(app, 0) == ["Beta cert", "Gamma cert", "alpha cert"]
        await press(app, pilot, "o")  # by name, any case
        assert column(app, 0) == ["alpha cert", "Beta cert", "Gamma cert"]
        assert headers(app)[0] == "Certificate ▲"
        await click_header(app, pilot, "Cost")
        assert column(app, 0) == ["Gamma cert", "Beta cert", "alpha cert"]  # free is no cost
        await click_header(app, pilot, "Cost")  # again: the other way
        assert column(app, 0) == ["Beta cert", "Gamma cert", "alpha cert"]
        assert headers(app)[5] == "Cost ▼" and headers(app)[0] == "Certificate"
        await click_header(app, pilot, "Logged")
        assert column(app, 0) == ["Gamma cert", "alpha cert", "Beta cert"]

        await press(app, pilot, "a")
        await press(app, pilot, "c")  # back: still sorted by what was logged
        assert column(app, 0) == ["Gamma cert", "alpha cert", "Beta cert"]
        await press(app, pilot, "o")  # the next column along, Cost, ascending
        assert column(app, 0) == ["Gamma cert", "Beta cert", "alpha cert"]
        await press(app, pilot, "o")  # after the last column: what matters first again
        assert column(app, 0) == ["Beta cert", "Gamma cert", "alpha cert"]
        assert headers(app)[0] == "Certificate"


async def test_side_activities_sort_by_any_column_instead_of_grouping(
    app_with_lists: StudyApp,
) -> None:
    app = app_with_lists
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "a")
        assert column(app, 0) == ["Active", "Ideas", "Done"]  # grouped by status
        await click_header(app, pilot, "Hours")
        assert column(app, 1) == ["Paid article", "Kaggle", "Talk at a meetup"]
        assert column(app, 0) == ["active", "done", "idea"]  # each row says its own status
        await click_header(app, pilot, "Hours")
        assert column(app, 1) == ["Kaggle", "Paid article", "Talk at a meetup"]
        summary = str(app.screen.query_one("#activities-summary").render())
        assert "sorted by hours, descending" in summary
        await press(app, pilot, "o")  # next column: earnings
        assert column(app, 1) == ["Paid article", "Kaggle", "Talk at a meetup"]
        await press(app, pilot, "d")
        await press(app, pilot, "a")
        assert headers(app)[4] == "Earnings ▲"  # kept while the app runs
        await press(app, pilot, "g")  # grouping again is the screen's own order
        assert column(app, 0)[0] == "Writing"


async def test_each_sort_toast_replaces_the_last_one(app_with_lists: StudyApp) -> None:
    app = app_with_lists
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        for _ in range(6):
            await pilot.press("o")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert len(messages) == 1 and messages[0].startswith("Sorted by"), messages
        assert len(app.screen.query("Toast")) == 1
