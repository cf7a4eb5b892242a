"""A write that failed is rolled back whole: the next write cannot save any of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select
from tests.safety.conftest import TODAY

from studytui.db.engine import Database, make_engines, reading, writing
from studytui.db.entries import add_entry
from studytui.db.errors import DatabaseLockedError, WriteFailedError
from studytui.db.lookup import find_area
from studytui.db.models import Area, LogEntry
from studytui.domain.entries import EntryDraft


def _notes(db: Database) -> list[str]:
    with reading(db) as session:
        return sorted(e.note for e in session.exec(select(LogEntry)))


def _log(db: Database, note: str) -> None:
    with writing(db) as session:
        area = find_area(session, "machine")
        add_entry(
            session, EntryDraft(day=TODAY, minutes=30, area_id=area.id, note=note), today=TODAY
        )


def test_a_constraint_error_rolls_back_the_whole_write(db: Database) -> None:
    with pytest.raises(WriteFailedError, match="nothing was saved"), writing(db) as session:
        area = find_area(session, "machine")
        add_entry(
            session, EntryDraft(day=TODAY, minutes=30, area_id=area.id, note="doomed"), today=TODAY
        )
        session.add(Area(name=area.name))  # area names are unique: the flush fails
        session.flush()
    _log(db, "kept")
    assert _notes(db) == ["kept"]


def test_a_write_refused_by_a_lock_is_not_saved_later(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYTUI_BUSY_TIMEOUT_MS", "100")
    impatient = make_engines(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLockedError, match="busy"):
            _log(impatient, "doomed")
    finally:
        other.execute("ROLLBACK")
        other.close()
    _log(impatient, "kept")
    impatient.dispose()
    assert _notes(db) == ["kept"]
