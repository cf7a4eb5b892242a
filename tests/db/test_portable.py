"""The plain-SQL reads' adapter: the same SQL text answers on PostgreSQL as on SQLite."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from studytui.db.engine import reading, writing
from studytui.db.location import ServerUrl
from studytui.db.models import Area, LogEntry, RunningTimer
from studytui.db.portable import ServerSql, to_psycopg
from studytui.db.schema import open_database


@pytest.mark.parametrize(
    ("sqlite", "psycopg"),
    [
        ("SELECT 1 FROM t WHERE a = ? AND b = ?", "SELECT 1 FROM t WHERE a = %s AND b = %s"),
        ("WHERE day BETWEEN :today AND :until", "WHERE day BETWEEN %(today)s AND %(until)s"),
        ("WHERE note LIKE '50%' AND x = ?", "WHERE note LIKE '50%' AND x = %s"),
        ("WHERE a = 'it''s ? :not' OR b % 2 = ?", "WHERE a = 'it''s ? :not' OR b %% 2 = %s"),
    ],
)
def test_parameters_are_rewritten_and_string_literals_left_alone(sqlite: str, psycopg: str) -> None:
    assert to_psycopg(sqlite) == psycopg


QUERY = (
    "SELECT log_entry.day, sum(log_entry.minutes), max(running_timer.started_at)"
    " FROM log_entry JOIN area ON area.id = log_entry.area_id"
    " LEFT JOIN running_timer ON running_timer.area_id = area.id"
    " WHERE log_entry.day >= :first AND area.name = :name GROUP BY log_entry.day"
    " ORDER BY log_entry.day"
)


def test_a_read_gives_the_same_rows_on_both_engines(tmp_path: Path, pg_database: ServerUrl) -> None:
    rows = {}
    for location in (tmp_path / "studytui.db", pg_database):
        db = open_database(location)
        with writing(db) as session:
            session.add(Area(id="a1", name="Maths"))
            session.flush()
            for day, minutes in [(1, 30), (1, 15), (3, 60), (9, 5)]:
                session.add(LogEntry(day=date(2026, 3, day), minutes=minutes, area_id="a1"))
            session.add(
                RunningTimer(area_id="a1", started_at=datetime(2026, 3, 11, 19, tzinfo=UTC))
            )
        with reading(db) as session:
            driver = session.connection().connection.driver_connection
            conn = driver if isinstance(driver, sqlite3.Connection) else ServerSql(driver)
            params = {"first": "2026-03-02", "name": "Maths"}
            rows[db.on_server] = [tuple(r) for r in conn.execute(QUERY, params)]
            # The ORM on the same connection still gets its own types back.
            assert {e.day for e in session.exec(select(LogEntry))} >= {date(2026, 3, 3)}
        db.dispose()
    assert [(d, m) for d, m, _ in rows[True]] == [(d, m) for d, m, _ in rows[False]]
    assert [(d, m) for d, m, _ in rows[False]] == [("2026-03-03", 60), ("2026-03-09", 5)]
    # Timestamps are ISO text on both (SQLite's naive UTC, the server's with +00).
    started = {_utc(s) for _, _, s in rows[True] + rows[False]}
    assert started == {datetime(2026, 3, 11, 19, tzinfo=UTC)}


def _utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
