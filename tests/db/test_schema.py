"""Opening databases: fresh, current, old (upgraded with a backup), newer, and not ours."""

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
from studytui.db.schema import HEAD, REVISIONS, open_database, run_alembic_upgrade, stored_revision


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("select version_num from alembic_version").fetchone()[0]


def test_fresh_database_is_created_at_head(db_path: Path) -> None:
    db = open_database(db_path)
    db.dispose()
    assert _revision(db_path) == HEAD


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


def test_migrations_build_the_same_schema_as_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    db = make_engines(tmp_path / "migrated.db")
    run_alembic_upgrade(db, "head")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    db.dispose()
    assert diff == []


def test_opening_a_current_database_does_not_import_alembic(db_path: Path) -> None:
    open_database(db_path).dispose()
    probe = (
        "import sys; from pathlib import Path; from studytui.db.schema import open_database; "
        f"open_database(Path({str(db_path)!r})).dispose(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_first_revision_database_upgrades_with_data_intact_and_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = make_engines(path)
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

    db = open_database(path)
    with reading(db) as session:
        assert stored_revision(session.connection()) == HEAD
        from studytui.db.entries import entries_between

        rows = entries_between(session, date(2026, 1, 1), date(2026, 1, 31))
    db.dispose()
    assert [(r.minutes, r.area, r.note) for r in rows] == [(45, "Maths", "eigenvalues")]
    backups = list((tmp_path / "backups").glob("before-upgrade-0001-*.db"))
    assert len(backups) == 1
    assert _revision(backups[0]) == "0001"


def test_a_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    open_database(db_path).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("update alembic_version set version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer studytui"):
        open_database(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"hello, this is a text file\n", b"\x00" * 100])
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(NotADatabaseError, match=str(db_path)):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_someone_elses_sqlite_database_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("create table notes (body text)")
    with pytest.raises(NotADatabaseError, match="no studytui schema"):
        open_database(db_path)
