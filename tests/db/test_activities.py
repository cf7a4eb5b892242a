"""Side activities against a real SQLite file: writes, date stamps, sums in SQL, deletes."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from tests.postgres import plain_sql

from studytui.db.activities import (
    add_activity,
    add_payment,
    delete_activity,
    delete_payment,
    list_activities,
    list_payments,
    minutes_in_last_days,
    move_status,
    set_status,
    update_activity,
    used_idea_keys,
)
from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.export import export_document
from studytui.db.lookup import list_areas
from studytui.domain.activities import ActivityInput, PaymentDraft
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.export_records import ActivityRecord
from studytui.domain.money import Money

TODAY = date(2026, 3, 11)


def _add(db: Database, title: str = "Paid article", **changes: object) -> str:
    data = ActivityInput(**({"kind": "writing", "title": title} | changes))  # type: ignore[arg-type]
    with writing(db) as session:
        return add_activity(session, data=data, today=TODAY).id


def _log(db: Database, minutes: int, activity_id: str | None, day: date = TODAY) -> None:
    with writing(db) as session:
        area = list_areas(session)[0]
        add_entry(
            session,
            EntryDraft(day=day, minutes=minutes, area_id=area.id, activity_id=activity_id),
            today=TODAY,
        )


def _pay(db: Database, activity_id: str, cents: int, currency: str = "USD") -> str:
    with writing(db) as session:
        payment = add_payment(
            session, activity_id, PaymentDraft(Money(cents, currency), TODAY), today=TODAY
        )
        return payment.id


def _row(db: Database, activity_id: str) -> tuple:
    with plain_sql(db) as conn:
        return conn.execute(
            "select status, start_date, end_date from side_activity where id = ?", (activity_id,)
        ).fetchone()


def test_list_sums_hours_and_earnings_per_currency(db: Database) -> None:
    article, talk = _add(db), _add(db, "Meetup talk", kind="talk")
    _log(db, 90, article)
    _log(db, 30, article, TODAY - timedelta(days=1))
    _log(db, 45, None)  # unattributed study time counts for no activity
    _pay(db, article, 50000)
    _pay(db, article, 25000)
    _pay(db, article, 10000, "EUR")
    with reading(db) as session:
        rows = {row.title: row for row in list_activities(session)}
    assert rows["Paid article"].minutes == 120
    assert rows["Paid article"].earnings == {"USD": 75000, "EUR": 10000}
    assert (rows["Meetup talk"].minutes, rows["Meetup talk"].earnings) == (0, {})
    assert talk == rows["Meetup talk"].id


def test_list_filters_by_status(db: Database) -> None:
    _add(db, "Running", status="active")
    _add(db, "Someday")
    with reading(db) as session:
        assert [r.title for r in list_activities(session, statuses=["active"])] == ["Running"]


def test_adding_as_active_stamps_the_start(db: Database, db_path: Path) -> None:
    activity = _add(db, status="active")
    assert _row(db, activity) == ("active", "2026-03-11", None)


def test_status_moves_stamp_start_and_end(db: Database, db_path: Path) -> None:
    activity = _add(db, status="planned")
    later = TODAY + timedelta(days=14)
    with writing(db) as session:
        move_status(session, activity, step=1, today=TODAY)
    assert _row(db, activity) == ("active", "2026-03-11", None)
    with writing(db) as session:
        move_status(session, activity, step=1, today=later)
    assert _row(db, activity) == ("done", "2026-03-11", "2026-03-25")
    with writing(db) as session:
        move_status(session, activity, step=-1, today=later)
    assert _row(db, activity) == ("active", "2026-03-11", None)


def test_moving_past_the_last_status_writes_nothing(db: Database, db_path: Path) -> None:
    activity = _add(db, status="dropped")
    before = _row(db, activity)
    with pytest.raises(ValidationError, match="last status"), writing(db) as session:
        move_status(session, activity, step=1, today=TODAY)
    assert _row(db, activity) == before


def test_set_status_to_dropped_stamps_the_end(db: Database, db_path: Path) -> None:
    activity = _add(db)
    with writing(db) as session:
        set_status(session, activity, status="dropped", today=TODAY)
    assert _row(db, activity) == ("dropped", None, "2026-03-11")


def test_update_replaces_the_fields_and_keeps_the_idea(db: Database) -> None:
    activity = _add(db, idea_key="paid-articles")
    edited = ActivityInput(
        kind="writing",
        title="Article on feature stores",
        status="done",
        link="https://example.org/a",
        start_date=TODAY - timedelta(days=10),
        outcome="https://example.org/published",
    )
    with writing(db) as session:
        update_activity(session, activity, data=edited, today=TODAY)
    with reading(db) as session:
        (row,) = list_activities(session)
    assert (row.title, row.status, row.idea_key, row.outcome) == (
        "Article on feature stores",
        "done",
        "paid-articles",
        "https://example.org/published",
    )
    assert (row.start_date, row.end_date) == (TODAY - timedelta(days=10), TODAY)


def test_update_refuses_impossible_dates_and_writes_nothing(db: Database, db_path: Path) -> None:
    activity = _add(db)
    bad = ActivityInput(kind="writing", title="x", status="done", end_date=TODAY + timedelta(1))
    with pytest.raises(ValidationError, match="future"), writing(db) as session:
        update_activity(session, activity, data=bad, today=TODAY)
    assert _row(db, activity) == ("idea", None, None)


def test_delete_removes_payments_and_keeps_the_time_logged(db: Database, db_path: Path) -> None:
    activity = _add(db)
    _log(db, 60, activity)
    _pay(db, activity, 1000)
    with writing(db) as session:
        gone = delete_activity(session, activity)
    assert (gone.id, gone.title, gone.kind) == (activity, "Paid article", "writing")
    with plain_sql(db) as conn:
        assert conn.execute("select count(*) from side_activity").fetchone() == (0,)
        assert conn.execute("select count(*) from payment").fetchone() == (0,)
        assert conn.execute("select minutes, activity_id from log_entry").fetchall() == [(60, None)]


def test_a_vanished_activity_is_a_clear_error(db: Database) -> None:
    with pytest.raises(ValidationError, match="no longer exists"), writing(db) as session:
        delete_activity(session, "nope")


def test_payments_add_list_delete(db: Database) -> None:
    activity = _add(db)
    first = _pay(db, activity, 50000)
    _pay(db, activity, 2000, "EUR")
    with writing(db) as session:
        delete_payment(session, first)
    with reading(db) as session:
        payments = list_payments(session, activity)
        (row,) = list_activities(session)
    assert [(p.amount_cents, p.currency) for p in payments] == [(2000, "EUR")]
    assert row.earnings == {"EUR": 2000}


def test_a_payment_in_the_future_or_of_nothing_is_refused(db: Database, db_path: Path) -> None:
    activity = _add(db)
    with pytest.raises(ValidationError, match="more than zero"), writing(db) as session:
        add_payment(session, activity, PaymentDraft(Money(0, "USD"), TODAY), today=TODAY)
    with pytest.raises(ValidationError, match="future"), writing(db) as session:
        add_payment(
            session, activity, PaymentDraft(Money(100, "USD"), TODAY + timedelta(1)), today=TODAY
        )
    with plain_sql(db) as conn:
        assert conn.execute("select count(*) from payment").fetchone() == (0,)


def test_used_idea_keys_include_dropped_ones(db: Database) -> None:
    _add(db, idea_key="mooc-mentor", status="dropped")
    _add(db, idea_key="paid-articles")
    _add(db, "My own thing")
    with reading(db) as session:
        assert used_idea_keys(session) == {"mooc-mentor", "paid-articles"}


def test_minutes_in_the_last_seven_days(db: Database) -> None:
    _log(db, 30, None)
    _log(db, 40, None, TODAY - timedelta(days=6))
    _log(db, 50, None, TODAY - timedelta(days=7))
    with reading(db) as session:
        assert minutes_in_last_days(session, today=TODAY, days=7) == 70


def test_rows_and_payments_are_the_export_records(db: Database) -> None:
    activity = _add(db, status="active")
    _log(db, 30, activity)
    _pay(db, activity, 2500, "EUR")
    with reading(db) as session:
        (row,) = list_activities(session)
        payments = list_payments(session, activity)
        document = export_document(session, exported_at=datetime.now(UTC))
    assert isinstance(row, ActivityRecord)
    names = [f.name for f in fields(ActivityRecord)]
    assert ActivityRecord(**{n: getattr(row, n) for n in names}) == document.activities[0]
    assert (row.minutes, row.earnings) == (30, {"EUR": 2500})
    assert tuple(payments) == document.payments
