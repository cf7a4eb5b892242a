"""Opening databases: fresh, current, old (upgraded with a backup), newer, and not ours; on
both engines where the behaviour is not about the file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from studytui.db.engine import make_engines, reading
from studytui.db.errors import NewerSchemaError, NotADatabaseError
from studytui.db.location import Location
from studytui.db.schema import HEAD, REVISIONS, open_database, run_alembic_upgrade, stored_revision


def _revision(location: Location) -> str | None:
    """The stored revision, read without opening (and so without upgrading) the database."""
    if isinstance(location, Path):
        with sqlite3.connect(location) as conn:
            return conn.execute("select version_num from alembic_version").fetchone()[0]
    db = make_engines(location)
    try:
        with db.engine.connect() as conn:
            return stored_revision(conn)
    finally:
        db.dispose()


def _execute(location: Location, sql: str) -> None:
    db = make_engines(location)
    try:
        with db.write_engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        db.dispose()


def test_fresh_database_is_created_at_head(location: Location) -> None:
    db = open_database(location)
    db.dispose()
    assert _revision(location) == HEAD


def test_reopening_a_current_database_keeps_it_at_head(location: Location) -> None:
    open_database(location).dispose()
    open_database(location).dispose()
    assert _revision(location) == HEAD


def test_every_connection_gets_the_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    db.dispose()


def test_revisions_listed_in_code_match_the_shipped_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "studytui.db:migrations")
    script = ScriptDirectory.from_config(config)
    shipped = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(shipped) == REVISIONS
    assert script.get_current_head() == HEAD


def test_migrations_build_the_same_schema_as_the_models(location: Location) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    db = make_engines(location)
    run_alembic_upgrade(db, "head")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    db.dispose()
    assert diff == []


def test_opening_a_current_database_does_not_import_alembic(location: Location) -> None:
    open_database(location).dispose()
    probe = (
        "import sys; from studytui.db.location import parse_location; "
        "from studytui.db.schema import open_database; "
        f"open_database(parse_location({getattr(location, 'url', str(location))!r})).dispose(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_first_revision_database_upgrades_with_data_intact(
    location: Location, tmp_path: Path
) -> None:
    old = make_engines(location)
    run_alembic_upgrade(old, "0001")
    with old.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO area (id, name, share, position, description) "
                "VALUES ('a1', 'Maths', 20, 1, '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO log_entry (id, day, minutes, area_id, note, created_at) "
                "VALUES ('e1', '2026-01-05', 45, 'a1', 'eigenvalues', "
                "'2026-01-05 10:00:00')"
            )
        )
    old.dispose()

    db = open_database(location)
    with reading(db) as session:
        assert stored_revision(session.connection()) == HEAD
        from studytui.db.entries import entries_between

        rows = entries_between(session, date(2026, 1, 1), date(2026, 1, 31))
    db.dispose()
    assert [(r.minutes, r.area, r.note) for r in rows] == [(45, "Maths", "eigenvalues")]
    backups = list((tmp_path / "backups").glob("before-upgrade-0001-*.db"))
    if isinstance(location, Path):
        assert len(backups) == 1
        assert _revision(backups[0]) == "0001"
    else:  # PostgreSQL migrates inside the transaction: there is no file to copy
        assert backups == []


def test_a_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    open_database(db_path).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("update alembic_version set version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer studytui"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_newer_schema_on_the_server_is_refused_and_left_untouched(pg_database) -> None:
    open_database(pg_database).dispose()
    _execute(pg_database, "update alembic_version set version_num = '9999'")
    with pytest.raises(NewerSchemaError, match="newer studytui") as caught:
        open_database(pg_database)
    assert _revision(pg_database) == "9999"
    assert pg_database.masked in str(caught.value)


@pytest.mark.parametrize("content", [b"hello, this is a text file\n", b"\x00" * 100])
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(NotADatabaseError, match=str(db_path)):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_someone_elses_database_is_refused(location: Location) -> None:
    _execute(location, "create table notes (body text)")
    with pytest.raises(NotADatabaseError, match="no studytui schema"):
        open_database(location)
