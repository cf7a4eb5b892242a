"""Helpers for the data-safety tests: databases in the states users meet after bad days."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from studytui.db.engine import Database, writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area
from studytui.domain.entries import EntryDraft

TODAY = date(2026, 3, 11)


def log_some(db: Database, count: int = 3) -> list[str]:
    ids = []
    for i in range(count):
        with writing(db) as session:
            area = find_area(session, "machine")
            entry = add_entry(
                session,
                EntryDraft(day=TODAY, minutes=10 + i, area_id=area.id, note=f"n{i}"),
                today=TODAY,
            )
            ids.append(entry.id)
    return ids


def damage_index(path: Path) -> None:
    """Make `PRAGMA integrity_check` fail while the file stays readable SQLite: the index on
    log_entry.day is redeclared on another column, so its contents no longer match the table
    (what a torn write or a bad sector does to an index)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, '(day)', '(minutes)') "
        "WHERE name = 'ix_log_entry_day'"
    )
    conn.commit()
    conn.close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] != "ok"


@pytest.fixture
def damaged_db(db: Database, db_path: Path) -> Path:
    """The seeded database with three entries, then damaged; the engine is closed."""
    log_some(db)
    db.dispose()
    damage_index(db_path)
    return db_path


def fill_everything(db: Database) -> None:
    """Records in every table, linked to each other, with awkward text (commas, quotes,
    newlines, non-ASCII) — what an export has to carry faithfully."""
    from datetime import UTC, datetime

    from sqlmodel import select

    from studytui.db.models import (
        Area,
        Certificate,
        LogEntry,
        Milestone,
        Payment,
        RunningTimer,
        SideActivity,
    )
    from studytui.db.setting_rows import set_setting

    with writing(db) as session:
        set_setting(session, "daily_goal", "45m", today=date(2026, 3, 11))
        area = Area(name='Statistik, "Grundlagen"', share=5, position=99, description="ß")
        session.add(area)
        milestone = session.exec(select(Milestone).order_by(Milestone.position)).first()
        assert milestone is not None
        milestone.status, milestone.started_on, milestone.notes = "in_progress", TODAY, "a\nb"
        cert = Certificate(
            name="TensorFlow Developer",
            provider="Google",
            track="ml",
            exam_date=date(2026, 4, 2),
            cost_cents=10000,
            created_at=datetime(2026, 2, 1, 9, 30, tzinfo=UTC),
        )
        activity = SideActivity(
            kind="writing",
            title="Blog post",
            status="done",
            created_at=datetime(2026, 2, 3, 18, 0, 0, 123456, tzinfo=UTC),
        )
        session.add_all([cert, activity])
        session.flush()
        session.add(
            Payment(activity_id=activity.id, amount_cents=25000, received_on=date(2026, 3, 1))
        )
        for i, day in enumerate((date(2026, 3, 9), date(2026, 3, 10), TODAY)):
            session.add(
                LogEntry(
                    day=day,
                    minutes=30 + i,
                    area_id=area.id if i == 0 else milestone.area_id,
                    milestone_id=milestone.id if i == 1 else None,
                    certificate_id=cert.id if i == 2 else None,
                    activity_id=activity.id if i == 2 else None,
                    note=f'entry {i}, with "quotes"\nand a newline — ü',
                    created_at=datetime(2026, 3, 9 + i, 20, 0, tzinfo=UTC),
                )
            )
        session.add(
            RunningTimer(
                area_id=milestone.area_id,
                started_at=datetime(2026, 3, 11, 19, 0, tzinfo=UTC),
                note="timer",
            )
        )
