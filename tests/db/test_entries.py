"""Log entries in the database: the checks, edits that exclude themselves, undo, atomic writes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import col, select

from studytui.db.engine import Database, reading, writing
from studytui.db.entries import (
    add_entry,
    daily_totals,
    day_total,
    delete_entry,
    entries_between,
    entry_choices,
    minutes_by_area,
    restore_entry,
    update_entry,
)
from studytui.db.lookup import find_area, find_milestone
from studytui.db.models import Certificate, LogEntry, SideActivity
from studytui.domain.errors import ValidationError

TODAY = date(2026, 3, 11)


def area_id(db: Database, name: str = "machine") -> str:
    with reading(db) as session:
        return find_area(session, name).id


def log(db: Database, day: date, minutes: int, area: str = "machine", **links: str) -> str:
    with writing(db) as session:
        entry = add_entry(
            session, day=day, minutes=minutes, area_id=area_id(db, area), today=TODAY, **links
        )
        return entry.id


def all_minutes(db: Database) -> list[int]:
    with reading(db) as session:
        return list(session.exec(select(LogEntry.minutes).order_by(col(LogEntry.created_at))))


def test_add_and_read_back_with_names(db: Database) -> None:
    with reading(db) as session:
        milestone = find_milestone(session, "python")
    log(db, TODAY, 90, milestone_id=milestone.id, note="  list comprehensions  ")
    with reading(db) as session:
        (row,) = entries_between(session, TODAY, TODAY)
    assert (row.minutes, row.area, row.milestone, row.note) == (
        90,
        "Machine learning",
        milestone.title,
        "list comprehensions",
    )


@pytest.mark.parametrize(
    ("day", "minutes", "message"),
    [
        (date(2026, 3, 12), 30, "in the future"),
        (TODAY, 0, "at least 1 minute"),
        (TODAY, 1441, "at most 24h"),
    ],
)
def test_rejected_entries_write_nothing(
    db: Database, day: date, minutes: int, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        log(db, day, minutes)
    assert all_minutes(db) == []


def test_a_day_never_passes_24_hours(db: Database) -> None:
    log(db, TODAY, 20 * 60)
    with pytest.raises(ValidationError, match=r"at most 4h more fits"):
        log(db, TODAY, 5 * 60)
    log(db, TODAY, 4 * 60)  # exactly 24h is fine
    assert all_minutes(db) == [1200, 240]


def test_update_excludes_the_entry_itself_from_the_day_total(db: Database) -> None:
    entry_id = log(db, TODAY, 20 * 60)
    with writing(db) as session:
        update_entry(
            session, entry_id, day=TODAY, minutes=23 * 60, area_id=area_id(db), today=TODAY
        )
    assert all_minutes(db) == [1380]
    other = log(db, TODAY, 60)
    with pytest.raises(ValidationError, match="would pass 24h"), writing(db) as session:
        update_entry(session, other, day=TODAY, minutes=61, area_id=area_id(db), today=TODAY)
    assert all_minutes(db) == [1380, 60]


def test_update_can_move_an_entry_to_another_day_and_area(db: Database) -> None:
    entry_id = log(db, TODAY, 30)
    with writing(db) as session:
        update_entry(
            session,
            entry_id,
            day=date(2026, 3, 1),
            minutes=40,
            area_id=area_id(db, "data eng"),
            today=TODAY,
            note="moved",
        )
    with reading(db) as session:
        assert daily_totals(session) == {date(2026, 3, 1): 40}
        assert minutes_by_area(session, date(2026, 3, 1), TODAY) == {"Data engineering": 40}


def test_restore_brings_back_the_same_id_and_created_at(db: Database) -> None:
    entry_id = log(db, TODAY, 30, note="keep me")
    with reading(db) as session:
        created = session.get(LogEntry, entry_id).created_at  # type: ignore[union-attr]
    with writing(db) as session:
        snapshot = delete_entry(session, entry_id)
    assert all_minutes(db) == []
    with writing(db) as session:
        restore_entry(session, snapshot)
    with reading(db) as session:
        entry = session.get(LogEntry, entry_id)
        assert entry is not None
        assert (entry.created_at, entry.note, entry.minutes) == (created, "keep me", 30)
    with pytest.raises(ValidationError, match="already back"), writing(db) as session:
        restore_entry(session, snapshot)


def test_restore_refuses_when_the_day_filled_up_meanwhile(db: Database) -> None:
    entry_id = log(db, TODAY, 5 * 60)
    with writing(db) as session:
        snapshot = delete_entry(session, entry_id)
    log(db, TODAY, 20 * 60)
    with pytest.raises(ValidationError, match="would pass 24h"), writing(db) as session:
        restore_entry(session, snapshot)
    assert all_minutes(db) == [1200]


def test_a_failed_write_is_not_saved_by_a_later_one(db: Database) -> None:
    with pytest.raises(ValidationError), writing(db) as session:
        add_entry(session, day=TODAY, minutes=30, area_id=area_id(db), today=TODAY)
        add_entry(session, day=TODAY, minutes=0, area_id=area_id(db), today=TODAY)
    log(db, TODAY, 45)
    assert all_minutes(db) == [45]
    with reading(db) as session:
        assert day_total(session, TODAY) == 45


def test_links_that_do_not_exist_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="certificate no longer exists"):
        log(db, TODAY, 30, certificate_id="nosuch")
    assert all_minutes(db) == []


def test_choices_list_every_record_and_the_last_area(db: Database) -> None:
    with writing(db) as session:
        session.add(Certificate(name="AWS ML Specialty"))
        session.add(SideActivity(kind="writing", title="Blog post on RAG"))
    log(db, TODAY, 30, area="data eng")
    with reading(db) as session:
        choices = entry_choices(session)
    assert "Machine learning" in [name for name, _ in choices.areas]
    assert len(choices.milestones) > 10
    assert [name for name, _ in choices.certificates] == ["AWS ML Specialty"]
    assert [name for name, _ in choices.activities] == ["Blog post on RAG"]
    assert choices.last_area == "Data engineering"
