"""Side activities through the actions, on a real SQLite file: the view and its groups, adding
from an idea or your own, status moves, deletes and payments; a refusal writes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from studytui.actions import activities as acts
from studytui.actions import log
from studytui.actions.activities import ActivityInput, PaymentDraft
from studytui.builtin_content import load_activity_ideas
from studytui.db.engine import Database
from studytui.domain.activities import from_idea
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.money import Money

TODAY = date(2026, 3, 11)
NOW = datetime(2026, 3, 11, 20, 30).astimezone()


def _add(db: Database, title: str = "Paid article", **changes: object) -> str:
    draft = ActivityInput(**({"kind": "writing", "title": title} | changes))  # type: ignore[arg-type]
    return acts.add_activity(db, draft, now=NOW).id


def _pay(db: Database, activity_id: str, cents: int, currency: str = "USD", day: date = TODAY):
    return acts.add_payment(db, activity_id, PaymentDraft(Money(cents, currency), day), now=NOW)


def _log(db: Database, minutes: int, activity_id: str) -> None:
    area = log.entry_choices(db, now=NOW).areas[0].value
    log.save_entry(
        db, EntryDraft(day=TODAY, minutes=minutes, area_id=area, activity_id=activity_id), now=NOW
    )


def _tables(db_path: Path) -> tuple[list[tuple], list[tuple]]:
    with sqlite3.connect(db_path) as conn:
        return (
            conn.execute("select * from side_activity order by id").fetchall(),
            conn.execute("select * from payment order by id").fetchall(),
        )


def test_the_view_groups_both_ways_with_totals_and_ideas(db: Database) -> None:
    idea = load_activity_ideas()[0]
    kaggle = _add(db, "Kaggle", kind="competition", status="active")
    article = _add(db, "Article")
    acts.add_activity(db, from_idea(idea), now=NOW)
    _log(db, 90, kaggle)
    _pay(db, kaggle, 20000, "EUR")
    _pay(db, article, 5000)
    view = acts.activities_view(db, now=NOW)
    assert view.today == TODAY
    assert [(g.label, [r.title for r in g.rows]) for g in view.by_status] == [
        ("Active", ["Kaggle"]),
        ("Ideas", sorted(["Article", idea.title], key=str.lower)),
    ]
    assert [g.key for g in view.by_kind][-1] == "competition"
    competition = next(t for t in view.totals if t.kind == "competition")
    assert (competition.count, competition.minutes, competition.earnings) == (1, 90, {"EUR": 20000})
    assert (view.overall.count, view.overall.minutes) == (3, 90)
    assert view.overall.earnings == {"EUR": 20000, "USD": 5000}
    assert view.ideas.used == {idea.key}
    assert view.ideas.get(idea.key) == idea
    assert view.ideas.get("no-such-idea") is None


def test_add_from_an_idea_or_your_own(db: Database, db_path: Path) -> None:
    idea = load_activity_ideas()[0]
    from_it = acts.add_activity(db, from_idea(idea), now=NOW)
    assert (from_it.idea_key, from_it.title, from_it.status) == (idea.key, idea.title, "idea")
    own = acts.add_activity(
        db, ActivityInput(kind="talk", title="PyData talk", status="active"), now=NOW
    )
    assert (own.idea_key, own.start_date, own.end_date) == (None, TODAY, None)
    before = _tables(db_path)
    with pytest.raises(ValidationError, match='there is no built-in idea "made-up"'):
        _add(db, idea_key="made-up")
    with pytest.raises(ValidationError, match="end date 2026-03-12 is in the future"):
        _add(db, status="done", end_date=TODAY + timedelta(days=1))
    assert _tables(db_path) == before


def test_edit_keeps_the_idea_and_refuses_impossible_dates(db: Database, db_path: Path) -> None:
    activity = _add(db, idea_key="paid-articles")
    edited = acts.update_activity(
        db,
        activity,
        ActivityInput(kind="writing", title="Feature stores", status="done", outcome="published"),
        now=NOW,
    )
    assert (edited.title, edited.status, edited.idea_key, edited.end_date) == (
        "Feature stores",
        "done",
        "paid-articles",
        TODAY,
    )
    before = _tables(db_path)
    later = TODAY + timedelta(days=1)
    with pytest.raises(ValidationError, match="start date 2026-03-12 is in the future"):
        acts.update_activity(
            db,
            activity,
            ActivityInput(kind="writing", title="x", status="done", start_date=later),
            now=NOW,
        )
    with pytest.raises(ValidationError, match="no longer exists"):
        acts.update_activity(db, "gone", ActivityInput(kind="writing", title="x"), now=NOW)
    assert _tables(db_path) == before


def test_status_moves_stamp_dates_and_stop_at_the_ends(db: Database, db_path: Path) -> None:
    activity = _add(db, status="planned")
    moved = acts.move_status(db, activity, 1, now=NOW)
    assert (moved.status, moved.activity.start_date, moved.activity.end_date) == (
        "active",
        TODAY,
        None,
    )
    moved = acts.move_status(db, activity, 1, now=NOW)
    assert (moved.status, moved.activity.end_date) == ("done", TODAY)
    moved = acts.move_status(db, activity, -1, now=NOW)
    assert (moved.status, moved.activity.end_date) == ("active", None)
    first = _add(db, "First")
    before = _tables(db_path)
    with pytest.raises(ValidationError, match='"idea" is the first status'):
        acts.move_status(db, first, -1, now=NOW)
    assert _tables(db_path) == before


def test_delete_takes_the_payments_and_leaves_the_time(db: Database, db_path: Path) -> None:
    activity = _add(db)
    _log(db, 60, activity)
    _pay(db, activity, 1000)
    gone = acts.delete_activity(db, activity, now=NOW)
    assert (gone.id, gone.name) == (activity, "Paid article")
    assert _tables(db_path) == ([], [])
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select minutes, activity_id from log_entry").fetchall() == [(60, None)]
    with pytest.raises(ValidationError, match="no longer exists"):
        acts.delete_activity(db, activity, now=NOW)


def test_payments_add_list_and_delete(db: Database) -> None:
    activity = _add(db)
    empty = acts.list_payments(db, activity, now=NOW)
    assert (empty.activity.title, empty.payments, empty.currency, empty.today) == (
        "Paid article",
        (),
        "USD",
        TODAY,
    )
    first = _pay(db, activity, 50000, day=date(2026, 3, 1))
    second = _pay(db, activity, 2000, "EUR")
    assert (second.amount_cents, second.currency, second.received_on) == (2000, "EUR", TODAY)
    listed = acts.list_payments(db, activity, now=NOW)
    assert listed.payments == (first, second)  # oldest first
    assert listed.currency == "EUR"  # a new payment is in the last one's currency
    gone = acts.delete_payment(db, first.id, now=NOW)
    assert gone.summary == "deleted the payment of 500.00 USD received 2026-03-01"
    assert acts.list_payments(db, activity, now=NOW).payments == (second,)
    (row,) = acts.activities_view(db, now=NOW).rows
    assert row.earnings == {"EUR": 2000}
    with pytest.raises(ValidationError, match="that payment no longer exists"):
        acts.delete_payment(db, first.id, now=NOW)


def test_a_refused_payment_writes_nothing(db: Database, db_path: Path) -> None:
    activity = _add(db)
    before = _tables(db_path)
    with pytest.raises(ValidationError, match="more than zero"):
        _pay(db, activity, 0)
    with pytest.raises(ValidationError, match="payment date 2026-03-12 is in the future"):
        _pay(db, activity, 100, day=TODAY + timedelta(days=1))
    with pytest.raises(ValidationError, match="no longer exists"):
        _pay(db, "gone", 100)
    with pytest.raises(ValidationError, match="no longer exists"):
        acts.list_payments(db, "gone", now=NOW)
    assert _tables(db_path) == before
