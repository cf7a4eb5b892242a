"""The first released schema (a committed file, built by make_schema_0001.py) opens in this
version with every record intact, after a backup of it was made."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from studytui.db.engine import reading
from studytui.db.entries import entries_between
from studytui.db.schema import HEAD, open_database

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema_0001.db"
TABLES_0001 = (
    "setting",
    "area",
    "milestone",
    "milestone_resource",
    "milestone_prerequisite",
    "certificate",
    "side_activity",
    "log_entry",
)


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


# The columns each table had in revision 0001: later revisions add columns and tables.
COLUMNS_0001 = {table: _columns(FIXTURE, table) for table in TABLES_0001}


def _rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {
            t: sorted(conn.execute(f"SELECT {', '.join(COLUMNS_0001[t])} FROM {t}").fetchall())
            for t in TABLES_0001
        }


def test_the_committed_fixture_is_revision_0001_with_rows_in_every_table() -> None:
    with sqlite3.connect(FIXTURE) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert all(_rows(FIXTURE).values())


def test_a_0001_database_opens_with_every_record_intact_and_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "studytui.db"
    shutil.copyfile(FIXTURE, path)  # never open the committed file itself
    before = _rows(path)

    db = open_database(path)
    with reading(db) as session:
        rows = entries_between(session, date(2026, 1, 1), date(2026, 1, 31))
    db.dispose()

    # Every record is intact. The roadmap also gained the milestones this release's content
    # added to its template, each marked new, in the one built-in area the user kept (the
    # others they deleted stay deleted; see tests/db/test_content_sync.py).
    after = _rows(path)
    for table, kept in before.items():
        assert set(kept) <= set(after[table]), table
    with sqlite3.connect(path) as conn:
        added = conn.execute("SELECT count(*) FROM milestone WHERE new_in IS NOT NULL").fetchone()
    assert added[0] > 0
    assert len(after["milestone"]) - len(before["milestone"]) == added[0]
    assert {t for t in TABLES_0001 if after[t] != before[t]} <= {
        "milestone",
        "milestone_resource",
        "milestone_prerequisite",
    }
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    assert [(r.minutes, r.area, r.milestone, r.certificate, r.activity, r.note) for r in rows] == [
        (45, "Maths", None, None, None, "eigenvalues, ünïcode"),
        (
            90,
            "Machine learning",
            "Deep learning with PyTorch",
            "AWS Certified ML Engineer",
            "Blog: learning PyTorch",
            "autograd",
        ),
    ]
    backups = list((tmp_path / "backups").glob("before-upgrade-0001-*.db"))
    assert len(backups) == 1
    assert _rows(backups[0]) == before
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
