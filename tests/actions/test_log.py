"""Logging time through the actions: the checks, edits that exclude themselves, undo, names,
and atomic writes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlmodel import col, select

from studytui.actions import log
from studytui.actions.log import LogRequest
from studytui.actions.undo import undo
from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry, day_total
from studytui.db.lookup import find_area, find_milestone
from studytui.db.models import Certificate, LogEntry, SideActivity
from studytui.db.reads import daily_totals, minutes_by_area, sql_connection
from studytui.domain.entries import MAX_NOTE_CHARS, EntryDraft
from studytui.domain.errors import ValidationError

TODAY = date(2026, 3, 11)
NOW = datetime(2026, 3, 11, 20, 30).astimezone()


def area_id(db: Database, name: str = "machine") -> str:
    with reading(db) as session:
        return find_area(session, name).id


def draft(db: Database, day: date, minutes: int, area: str = "machine", **links: str) -> EntryDraft:
    return EntryDraft(day=day, minutes=minutes, area_id=area_id(db, area), **links)  # type: ignore[arg-type]


def add(db: Database, day: date, minutes: int, area: str = "machine", **links: str) -> str:
    log.save_entry(db, draft(db, day, minutes, area, **links), now=NOW)
    with reading(db) as session:
        newest = session.exec(select(LogEntry).order_by(col(LogEntry.created_at).desc())).first()
        assert newest is not None
        return newest.id


def all_minutes(db: Database) -> list[int]:
    with reading(db) as session:
        return list(session.exec(select(LogEntry.minutes).order_by(col(LogEntry.created_at))))


def test_add_and_read_back_with_names(db: Database) -> None:
    with reading(db) as session:
        milestone = find_milestone(session, "python")
    done = log.save_entry(
        db,
        draft(db, TODAY, 90, milestone_id=milestone.id, note="  list comprehensions  "),
        now=NOW,
    )
    assert (done.area, done.towards, done.day_minutes, done.updated) == (
        "Machine learning",
        (milestone.title,),
        90,
        False,
    )
    (row,) = log.log_view(db, now=NOW, day=None, week=False).entries
    assert (row.minutes, row.area, row.milestone, row.note) == (
        90,
        "Machine learning",
        milestone.title,
        "list comprehensions",
    )


@pytest.mark.parametrize(
    ("day", "minutes", "note", "message"),
    [
        (date(2026, 3, 12), 30, "", "in the future"),
        (TODAY, 0, "", "at least 1 minute"),
        (TODAY, 1441, "", "at most 24h"),
        (TODAY, 30, "x" * (MAX_NOTE_CHARS + 1), "a note can be at most"),
    ],
    ids=["future", "zero", "over-a-day", "long-note"],
)
def test_rejected_entries_write_nothing(
    db: Database, day: date, minutes: int, note: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        add(db, day, minutes, note=note)
    with pytest.raises(ValidationError, match=message):
        log.log_time(db, LogRequest(minutes, day=day.isoformat(), area="ml", note=note), now=NOW)
    assert all_minutes(db) == []


def test_a_day_never_passes_24_hours(db: Database) -> None:
    add(db, TODAY, 20 * 60)
    with pytest.raises(ValidationError, match=r"at most 4h more fits"):
        add(db, TODAY, 5 * 60)
    add(db, TODAY, 4 * 60)  # exactly 24h is fine
    assert all_minutes(db) == [1200, 240]


def test_an_edit_excludes_the_entry_itself_from_the_day_total(db: Database) -> None:
    entry_id = add(db, TODAY, 20 * 60)
    done = log.save_entry(db, replace(draft(db, TODAY, 23 * 60), entry_id=entry_id), now=NOW)
    assert done.updated
    assert all_minutes(db) == [1380]
    other = add(db, TODAY, 60)
    with pytest.raises(ValidationError, match="would pass 24h"):
        log.save_entry(db, replace(draft(db, TODAY, 61), entry_id=other), now=NOW)
    assert all_minutes(db) == [1380, 60]


def test_an_edit_can_move_an_entry_to_another_day_and_area(db: Database) -> None:
    entry_id = add(db, TODAY, 30)
    moved = replace(draft(db, date(2026, 3, 1), 40, "data eng", note="moved"), entry_id=entry_id)
    log.save_entry(db, moved, now=NOW)
    with reading(db) as session:
        conn = sql_connection(session)
        assert daily_totals(conn) == {date(2026, 3, 1): 40}
        assert minutes_by_area(conn, date(2026, 3, 1), TODAY) == {"Data engineering": 40}


def test_undo_brings_back_the_same_id_and_created_at(db: Database) -> None:
    entry_id = add(db, TODAY, 30, note="keep me")
    with reading(db) as session:
        created = session.get(LogEntry, entry_id).created_at  # type: ignore[union-attr]
    deleted = log.delete_entry(db, entry_id, now=NOW)
    assert deleted.summary == "deleted 30m of Machine learning on 2026-03-11"
    assert all_minutes(db) == []
    assert undo(db, deleted, now=NOW) == "Undone: deleted 30m of Machine learning on 2026-03-11."
    with reading(db) as session:
        entry = session.get(LogEntry, entry_id)
        assert entry is not None
        assert (entry.created_at, entry.note, entry.minutes) == (created, "keep me", 30)
    with pytest.raises(ValidationError, match="back already; nothing to undo"):
        undo(db, deleted, now=NOW)


def test_undo_refuses_when_the_day_filled_up_meanwhile(db: Database) -> None:
    deleted = log.delete_entry(db, add(db, TODAY, 5 * 60), now=NOW)
    add(db, TODAY, 20 * 60)
    with pytest.raises(ValidationError, match="would pass 24h"):
        undo(db, deleted, now=NOW)
    assert all_minutes(db) == [1200]


def test_a_failed_write_is_not_saved_by_a_later_one(db: Database) -> None:
    with pytest.raises(ValidationError), writing(db) as session:
        add_entry(session, draft(db, TODAY, 30), today=TODAY)
        add_entry(session, draft(db, TODAY, 0), today=TODAY)
    add(db, TODAY, 45)
    assert all_minutes(db) == [45]
    with reading(db) as session:
        assert day_total(session, TODAY) == 45


def test_links_that_do_not_exist_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="certificate no longer exists"):
        add(db, TODAY, 30, certificate_id="nosuch")
    assert all_minutes(db) == []


def test_choices_list_every_record_the_short_keys_and_the_last_area(db: Database) -> None:
    with writing(db) as session:
        session.add(Certificate(name="AWS ML Specialty"))
        session.add(SideActivity(kind="writing", title="Blog post on RAG"))
    add(db, TODAY, 30, area="data eng")
    choices = log.entry_choices(db, now=NOW)
    assert ("Machine learning", "ml") in [(c.name, c.key) for c in choices.areas]
    assert len(choices.milestones) > 10
    assert [c.name for c in choices.certificates] == ["AWS ML Specialty"]
    assert [c.name for c in choices.activities] == ["Blog post on RAG"]
    assert choices.last_area == "Data engineering"
    assert choices.today == TODAY


def test_the_shell_request_resolves_names_and_defaults(db: Database) -> None:
    done = log.log_time(db, LogRequest(30, area="ml", milestone="python"), now=NOW)
    assert done.area == "Machine learning"
    # Without --area: the milestone's own area, else the area used last.
    with reading(db) as session:
        milestone = find_milestone(session, "sql")
        own_area = session.get(type(find_area(session, "ml")), milestone.area_id)
    assert own_area is not None
    assert log.log_time(db, LogRequest(5, milestone="sql"), now=NOW).area == own_area.name
    assert log.log_time(db, LogRequest(5), now=NOW).area == own_area.name
    with pytest.raises(ValidationError, match="no study area given"):
        log.log_time(db, LogRequest(5, area=""), now=NOW)
    assert all_minutes(db) == [30, 5, 5]
