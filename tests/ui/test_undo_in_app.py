"""`u` on every screen that deletes or changes a status: the change is undone in the database,
with the same words everywhere ("… Press u to undo." then "Undone: …")."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from tests.ui.conftest import settle
from textual.widgets import DataTable

from studytui.actions.activities import ActivityInput, PaymentDraft, add_activity, add_payment
from studytui.actions.certificates import CertificateInput, add_certificate
from studytui.actions.log import EntryDraft, save_entry
from studytui.actions.roadmap import save_notes
from studytui.db.engine import Database, reading
from studytui.db.lookup import find_area, find_milestone
from studytui.domain.money import Money
from studytui.ui.app import StudyApp, make_app
from studytui.ui.dialogs.activity_payment import PaymentDialog
from studytui.ui.dialogs.certificate_passed import MarkPassedDialog

NOW = datetime(2026, 3, 11, 20, 30).astimezone()  # frozen_now
TODAY = date(2026, 3, 11)
PANDAS = "Data wrangling with pandas and NumPy"
TABLES = ("milestone", "milestone_resource", "milestone_prerequisite", "log_entry")


def dump(db_path: Path, tables: tuple[str, ...]) -> dict[str, list[tuple]]:
    with sqlite3.connect(db_path) as conn:
        return {t: sorted(conn.execute(f"select * from {t}").fetchall(), key=repr) for t in tables}


def toasts(app: StudyApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def press(app: StudyApp, pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def select_row(app: StudyApp, pilot, key: str) -> None:
    table = app.screen.query_one(DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(key))
    await settle(app, pilot)


@pytest.fixture
def full_app(db: Database, db_path: Path, frozen_now: str) -> StudyApp:
    """A milestone with notes and logged time, a certificate, an activity with a payment."""
    with reading(db) as session:
        pandas = find_milestone(session, PANDAS)
        area = find_area(session, "machine").id
    save_notes(db, pandas.id, "groupby first", now=NOW)
    save_entry(db, EntryDraft(TODAY, 40, pandas.area_id, milestone_id=pandas.id), now=NOW)
    add_certificate(
        db,
        CertificateInput(name="CKA", status="exam_booked", exam_date=date(2026, 3, 25)),
        now=NOW,
    )
    activity = add_activity(db, ActivityInput("writing", "Paid article", "planned"), now=NOW)
    add_payment(db, activity.id, PaymentDraft(Money(50000, "EUR"), TODAY, "fee"), now=NOW)
    save_entry(db, EntryDraft(TODAY, 30, area, activity_id=activity.id), now=NOW)
    db.dispose()
    return make_app(db_path)


async def test_roadmap_deletes_and_status_changes_are_undone_one_by_one(
    full_app: StudyApp, db_path: Path
) -> None:
    app = full_app
    before = dump(db_path, TABLES)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await press(app, pilot, "r")
        with sqlite3.connect(db_path) as conn:
            (milestone,) = conn.execute("select id from milestone where title = ?", (PANDAS,))
        await select_row(app, pilot, f"m:{milestone[0]}")
        await press(app, pilot, "2")
        await press(app, pilot, "3")
        await press(app, pilot, "delete")
        await press(app, pilot, "y")
        assert f'Deleted the milestone "{PANDAS}". Press u to undo.' in toasts(app)
        with sqlite3.connect(db_path) as conn:
            linked = "select milestone_id from log_entry where minutes = 40"
            assert conn.execute(linked).fetchall() == [(None,)]

        await press(app, pilot, "u")  # the delete
        assert f'Undone: deleted the milestone "{PANDAS}".' in toasts(app)
        assert app.screen.selection.key == f"m:{milestone[0]}"  # selected again
        await press(app, pilot, "u")  # done
        await press(app, pilot, "u")  # in progress
        assert f'Undone: set "{PANDAS}" to in progress; it is todo again.' in toasts(app)
        await press(app, pilot, "u")
        assert "Nothing to undo on this screen." in toasts(app)
    assert dump(db_path, TABLES) == before  # notes, links, prerequisites, logged time


async def test_certificates_passed_and_deleted_are_undone(
    full_app: StudyApp, db_path: Path
) -> None:
    app = full_app

    def cka() -> list[tuple]:
        with sqlite3.connect(db_path) as conn:
            return conn.execute("select status, exam_date, passed_date from certificate").fetchall()

    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await press(app, pilot, "c")
        await press(app, pilot, "p")
        assert isinstance(app.screen, MarkPassedDialog)
        await press(app, pilot, "ctrl+s")
        assert cka() == [("passed", None, "2026-03-11")]
        assert 'Marked passed "CKA". Press u to undo.' in toasts(app)
        await press(app, pilot, "u")
        assert cka() == [("exam_booked", "2026-03-25", None)]
        assert 'Undone: marked passed "CKA".' in toasts(app)

        await press(app, pilot, "x")
        await press(app, pilot, "y")
        assert cka() == []
        await press(app, pilot, "u")
        assert cka() == [("exam_booked", "2026-03-25", None)]
        assert app.screen.query_one(DataTable).row_count == 1


async def test_side_activities_moves_deletes_and_payments_are_undone(
    full_app: StudyApp, db_path: Path
) -> None:
    app = full_app
    tables = ("side_activity", "payment", "log_entry")
    before = dump(db_path, tables)

    def status() -> list[tuple]:
        with sqlite3.connect(db_path) as conn:
            return conn.execute("select status, start_date from side_activity").fetchall()

    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await press(app, pilot, "a")
        await press(app, pilot, "right_square_bracket")
        assert status() == [("active", "2026-03-11")]
        assert 'Moved "Paid article" to active. Press u to undo.' in toasts(app)
        await press(app, pilot, "u")
        assert status() == [("planned", None)]

        await press(app, pilot, "p")
        assert isinstance(app.screen, PaymentDialog)
        assert str(app.screen.query_one("#remove").label) == "Delete selected (ctrl+t)"
        await pilot.click("#remove")
        await settle(app, pilot)
        await press(app, pilot, "y")
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("select count(*) from payment").fetchone() == (0,)
        assert "Deleted the payment of 500.00 EUR received 2026-03-11. Press u to undo." in toasts(
            app
        )
        await press(app, pilot, "u")

        await press(app, pilot, "delete")
        await press(app, pilot, "y")
        assert status() == []
        await press(app, pilot, "u")
        assert 'Undone: deleted the side activity "Paid article".' in toasts(app)
    assert dump(db_path, tables) == before  # the payment and the hours' attribution too


async def test_a_refused_undo_stays_for_u_once_its_cause_is_cleared(
    full_app: StudyApp, db: Database, db_path: Path
) -> None:
    """The milestone of a deleted entry is deleted meanwhile (another screen, the shell): u
    says so and keeps the entry's undo; once the milestone is back, u brings the entry too."""
    from studytui.actions.roadmap import delete_milestone
    from studytui.actions.undo import undo

    app = full_app
    before = dump(db_path, TABLES)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await press(app, pilot, "l")
        with sqlite3.connect(db_path) as conn:
            (entry,) = conn.execute("select id from log_entry where minutes = 40").fetchone()
        await select_row(app, pilot, entry)
        await press(app, pilot, "x")
        await press(app, pilot, "y")
        with reading(db) as session:
            pandas = find_milestone(session, PANDAS).id
        milestone_gone = delete_milestone(db, pandas, now=NOW)

        await press(app, pilot, "u")
        assert (
            "not undone yet: its milestone was deleted since; undo that delete first, "
            "then press u again" in toasts(app)
        )
        assert app.screen.undo_stack  # still there
        undo(db, milestone_gone, now=NOW)
        await press(app, pilot, "u")
        assert "Undone: deleted 40m of Data science & maths on 2026-03-11." in toasts(app)
        assert not app.screen.undo_stack
    assert dump(db_path, TABLES) == before


async def test_deleting_an_area_says_its_running_timer_is_discarded(
    full_app: StudyApp, db: Database, db_path: Path
) -> None:
    from studytui.actions.roadmap import add_area
    from studytui.actions.timer import start_timer
    from studytui.domain.timer import TimerDraft
    from studytui.ui.dialogs.confirm import ConfirmDialog

    zed = add_area(db, "Zed", now=NOW).id
    start_timer(db, TimerDraft(zed), now=NOW)
    app = full_app
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await press(app, pilot, "r")
        await select_row(app, pilot, f"a:{zed}")
        await press(app, pilot, "delete")
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (
            'Delete the area "Zed" with no milestones? '
            "The timer running on it is discarded, its time not logged."
        )
