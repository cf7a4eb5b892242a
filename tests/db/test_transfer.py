"""Copying a whole study record between databases, and back, losing and inventing nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from studytui.builtin_content import load_template
from studytui.db.engine import Database, writing
from studytui.db.location import Location, ServerUrl
from studytui.db.models import (
    Certificate,
    LogEntry,
    Milestone,
    Payment,
    RunningTimer,
    SideActivity,
)
from studytui.db.schema import open_database
from studytui.db.seed import apply_template
from studytui.db.transfer import (
    TABLES,
    CopyMismatchError,
    SameDatabaseError,
    Summary,
    TargetNotEmptyError,
    ValueTooLongError,
    _check,
    copy_database_contents,
    keep_before_copy,
    snapshot,
)

NOW = datetime(2026, 3, 11, 20, 30)


def _fill(db: Database) -> None:
    """A study record with a row in every table: the roadmap, entries, a certificate, a side
    activity with a payment, and a running timer."""
    with writing(db) as session:
        apply_template(session, load_template("software"))
    with writing(db) as session:
        milestone = session.execute(select(Milestone).limit(1)).scalars().one()
        certificate = Certificate(name="AWS ML Engineer", status="passed", cost_cents=15000)
        activity = SideActivity(kind="writing", title="Blog post on attention", status="done")
        session.add_all([certificate, activity])
        session.flush()
        for day, minutes, note in [(1, 45, "eigenvalues"), (2, 90, "naïve Bayes ✓"), (9, 5, "")]:
            session.add(
                LogEntry(
                    day=date(2026, 3, day),
                    minutes=minutes,
                    area_id=milestone.area_id,
                    milestone_id=milestone.id if day < 9 else None,
                    certificate_id=certificate.id if day == 2 else None,
                    activity_id=activity.id if day == 9 else None,
                    note=note,
                    created_at=datetime(2026, 3, day, 18, 0, 0, 123456, tzinfo=UTC),
                )
            )
        session.add(
            Payment(activity_id=activity.id, amount_cents=25000, received_on=date(2026, 3, 5))
        )
        session.add(
            RunningTimer(
                area_id=milestone.area_id,
                milestone_id=milestone.id,
                started_at=datetime(2026, 3, 11, 19, 0, tzinfo=UTC),
            )
        )


def _dump(db: Database) -> dict[str, list[dict[str, Any]]]:
    with snapshot(db) as conn:
        return {
            t.name: [dict(r._mapping) for r in conn.execute(select(t).order_by(*t.primary_key))]
            for t in TABLES
        }


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Any]:
    """Opens databases for the test and closes them all afterwards."""
    dbs: list[Database] = []

    def open_(location: Location) -> Database:
        dbs.append(open_database(location))
        return dbs[-1]

    yield open_
    for db in dbs:
        db.dispose()


def test_a_record_goes_to_the_server_and_back_unchanged(
    tmp_path: Path, pg_database: ServerUrl, opened: Any
) -> None:
    original = opened(tmp_path / "laptop.db")
    _fill(original)
    before = _dump(original)
    assert all(before.values()), [name for name, rows in before.items() if not rows]

    server = opened(pg_database)
    there = copy_database_contents(original, server)
    assert _dump(server) == before
    assert there.summary.counts["log_entry"] == 3
    assert there.summary.totals["minutes logged"] == 140

    back = opened(tmp_path / "desktop.db")
    copy_database_contents(server, back)
    assert _dump(back) == before


def test_a_target_that_holds_a_record_is_refused_and_left_as_it_was(
    location: Location, tmp_path: Path, opened: Any
) -> None:
    source = opened(tmp_path / "source.db")
    _fill(source)
    target = opened(location)
    with writing(target) as session:
        apply_template(session, load_template("scratch"))
    held = _dump(target)
    with pytest.raises(TargetNotEmptyError, match=r"already holds a study record .*--replace"):
        copy_database_contents(source, target)
    assert _dump(target) == held


def test_replacing_a_file_keeps_a_copy_of_what_it_held_first(tmp_path: Path, opened: Any) -> None:
    source, target = opened(tmp_path / "source.db"), opened(tmp_path / "target.db")
    _fill(source)
    with writing(target) as session:
        apply_template(session, load_template("scratch"))
    held = _dump(target)

    result = copy_database_contents(
        source, target, replace=True, keep=lambda db: keep_before_copy(db, NOW)
    )
    assert _dump(target) == _dump(source)
    assert result.kept == tmp_path / "backups" / "before-copy-20260311-203000.db"
    assert _dump(opened(result.kept)) == held


def test_a_database_is_not_copied_onto_itself(location: Location, opened: Any) -> None:
    db = opened(location)
    _fill(db)
    held = _dump(db)
    with pytest.raises(SameDatabaseError):
        copy_database_contents(db, opened(location), replace=True)
    assert _dump(db) == held


def test_a_value_too_long_for_the_server_is_named_and_nothing_is_copied(
    tmp_path: Path, pg_database: ServerUrl, opened: Any
) -> None:
    source = opened(tmp_path / "source.db")
    _fill(source)
    with writing(source) as session:  # SQLite keeps what PostgreSQL's VARCHAR(300) will not
        session.execute(text("UPDATE certificate SET name = :long"), {"long": "x" * 301})
    server = opened(pg_database)
    with pytest.raises(ValueTooLongError, match=r"at most 300 characters in certificate\.name"):
        copy_database_contents(source, server)
    assert not any(_dump(server).values())


def test_a_copy_that_does_not_add_up_is_reported() -> None:
    source = Summary({"log_entry": 3}, {"minutes logged": 140})
    with pytest.raises(CopyMismatchError, match=r"minutes logged: 140 in the source, 139"):
        _check(Path("t.db"), source, Summary({"log_entry": 3}, {"minutes logged": 139}))
    with pytest.raises(CopyMismatchError, match=r"rows in log_entry: 3 in the source, 2"):
        _check(Path("t.db"), source, Summary({"log_entry": 2}, {"minutes logged": 140}))


def test_replacing_a_server_database_keeps_an_export_of_what_it_held_first(
    tmp_path: Path, pg_database: ServerUrl, opened: Any, isolated_home: Path
) -> None:
    from studytui.db.importer import read_export_file

    source, target = opened(tmp_path / "source.db"), opened(pg_database)
    _fill(source)
    with writing(target) as session:
        apply_template(session, load_template("scratch"))
    areas_before = len(_dump(target)["area"])

    result = copy_database_contents(
        source, target, replace=True, keep=lambda db: keep_before_copy(db, NOW)
    )
    assert _dump(target) == _dump(source)
    assert result.kept is not None
    assert result.kept.name == "before-copy-20260311-203000.json"
    assert result.kept.is_relative_to(isolated_home)
    assert len(read_export_file(result.kept).areas) == areas_before
