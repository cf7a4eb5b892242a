"""Quitting the app waits for writes, never for reads: the database counts its open writes."""

from __future__ import annotations

import pytest

from studytui.db.engine import Database, reading, writing
from studytui.db.setting_rows import put_raw
from studytui.ui.store import Store


def test_a_write_in_progress_is_waited_for_and_a_read_is_not(db: Database) -> None:
    assert db.writes.wait_idle(0)
    with reading(db):
        assert db.writes.wait_idle(0)
    with writing(db) as session:
        put_raw(session, "daily_goal", "45m")
        assert not db.writes.wait_idle(0)
    assert db.writes.wait_idle(0)


def test_a_failed_write_does_not_leave_the_count_up(db: Database) -> None:
    with pytest.raises(RuntimeError), writing(db):
        raise RuntimeError("boom")
    assert db.writes.wait_idle(0)


def test_a_store_that_never_opened_has_no_writes_to_wait_for(db_path) -> None:
    assert Store(db_path).wait_for_writes(0)
