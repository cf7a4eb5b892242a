"""The quick reader: plain sqlite3 reads that the dashboard runs before SQLModel is loaded."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from tests.postgres import SQLITE_ONLY

from studytui.db.engine import Database, reading, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area
from studytui.db.reads import open_quick_reader, sql_connection
from studytui.db.schema import open_database
from studytui.db.setting_rows import set_setting
from studytui.db.stats import load_snapshot
from studytui.db.timer import start_timer
from studytui.domain.entries import EntryDraft

TODAY = date(2026, 3, 11)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@SQLITE_ONLY
def test_a_set_up_database_is_read_with_the_same_numbers_as_through_a_session(
    db: Database,
) -> None:
    with writing(db) as session:
        set_setting(session, "daily_goal", "1h", today=date(2026, 3, 11))
        ml = find_area(session, "machine").id
        for day, minutes in ((date(2026, 3, 9), 50), (date(2026, 3, 10), 20), (TODAY, 35)):
            add_entry(session, EntryDraft(day=day, minutes=minutes, area_id=ml), today=TODAY)
        start_timer(session, area_id=ml, now_utc=datetime(2026, 3, 11, 19, 0, tzinfo=UTC))
    with reading(db) as session:
        expected = load_snapshot(sql_connection(session), TODAY)

    conn = open_quick_reader(db.path)
    assert conn is not None
    try:
        quick = load_snapshot(conn, TODAY)
    finally:
        conn.close()
    assert quick == expected
    assert (quick.today_minutes, quick.week_minutes, quick.streak.current) == (35, 105, 3)
    assert quick.settings.daily_goal == 60
    assert quick.timer is not None and quick.timer.area == "Machine learning"
    assert quick.timer.started_at == datetime(2026, 3, 11, 19, 0, tzinfo=UTC)


@SQLITE_ONLY
def test_the_quick_reader_cannot_write(db: Database) -> None:
    conn = open_quick_reader(db.path)
    assert conn is not None
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM setting")
    finally:
        conn.close()
    with sqlite3.connect(db.path) as check:
        assert check.execute("SELECT count(*) FROM setting").fetchone()[0] > 0


def test_a_missing_file_is_left_to_the_full_open(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.db"
    assert open_quick_reader(missing) is None
    assert not missing.exists()  # looking must not create it


def test_a_database_before_the_welcome_screen_is_left_to_the_full_open(db_path: Path) -> None:
    open_database(db_path).dispose()  # current schema, but no roadmap chosen yet
    assert open_quick_reader(db_path) is None


def test_an_older_schema_is_left_to_the_upgrade(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_0001.db", old)
    assert open_quick_reader(old) is None


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100])
def test_a_file_that_is_not_a_database_is_left_to_the_full_open(
    tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    assert open_quick_reader(bad) is None
    assert bad.read_bytes() == content
