"""Copying a whole study record from one database to another, either engine to either engine.

The source is read inside one snapshot (so a copy taken while another machine writes is still
consistent) and the target is written in one transaction, table by table in foreign-key order,
rows and ids unchanged. Before that transaction commits, the target is counted and summed the
way the source was; any difference rolls the whole copy back. A target that already holds a
study record is refused unless the caller asked to replace it, and then what it held is kept
first: a file is copied beside itself, a server database is exported to a JSON file that
`studytui import` reads back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from studytui.db import models  # noqa: F401  (registers every table on SQLModel.metadata)
from studytui.db.engine import Database, translate, writing
from studytui.db.errors import StoreError
from studytui.db.location import Location, ServerUrl
from studytui.db.models import Certificate, LogEntry, Payment

TABLES: tuple[Table, ...] = tuple(SQLModel.metadata.sorted_tables)  # parents before children
# The sums a copy must carry over exactly, besides every table's row count.
TOTALS = {
    "minutes logged": LogEntry.__table__.c.minutes,  # type: ignore[attr-defined]
    "payments (cents)": Payment.__table__.c.amount_cents,  # type: ignore[attr-defined]
    "certificate costs (cents)": Certificate.__table__.c.cost_cents,  # type: ignore[attr-defined]
}
# Rows are inserted in batches: one statement per table would hold ten years in one list.
BATCH = 1000


@dataclass(frozen=True)
class Summary:
    """What a study record holds, by the numbers a copy is checked against."""

    counts: dict[str, int]
    totals: dict[str, int]

    @property
    def empty(self) -> bool:
        return not any(self.counts.values())

    def describe(self) -> str:
        entries = self.counts.get("log_entry", 0)
        minutes = self.totals.get("minutes logged", 0)
        hours = f"{minutes // 60}h{minutes % 60:02d}m"
        noun = "log entry" if entries == 1 else "log entries"
        return f"{entries} {noun} ({hours}), {sum(self.counts.values())} rows in all"


@dataclass(frozen=True)
class CopyResult:
    summary: Summary
    kept: Path | None  # where the target's previous contents were kept, when it was replaced


class TargetNotEmptyError(StoreError):
    def __init__(self, target: Location, held: Summary) -> None:
        super().__init__(
            f"{target} already holds a study record ({held.describe()}); nothing was copied "
            "— copy into an empty database, or pass --replace to replace it (what it holds "
            "is kept first)"
        )


class SameDatabaseError(StoreError):
    def __init__(self, location: Location) -> None:
        super().__init__(f"{location} is both the source and the target; nothing was copied")


class CopyMismatchError(StoreError):
    def __init__(self, target: Location, what: str, expected: int, found: int) -> None:
        super().__init__(
            f"the copy into {target} did not check out ({what}: {expected} in the source, "
            f"{found} in the copy); it was rolled back and nothing was changed"
        )


class ValueTooLongError(StoreError):
    def __init__(self, target: Location, table: str, column: str, row_id: Any, limit: int):
        super().__init__(
            f"{target} holds at most {limit} characters in {table}.{column}, and the row "
            f"{row_id} has more; shorten it in the source, then copy again (nothing was copied)"
        )


def same_database(a: Location, b: Location) -> bool:
    if isinstance(a, Path) and isinstance(b, Path):
        return a.resolve() == b.resolve()
    if isinstance(a, ServerUrl) and isinstance(b, ServerUrl):
        return a.conninfo == b.conninfo
    return False


def summarize(conn: Connection) -> Summary:
    counts = {
        t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES
    }
    totals = {
        name: int(conn.execute(select(func.coalesce(func.sum(column), 0))).scalar_one())
        for name, column in TOTALS.items()
    }
    return Summary(counts, totals)


@contextmanager
def snapshot(db: Database) -> Iterator[Connection]:
    """One read-only transaction that sees the database as it was when it began.

    SQLite's read transaction is such a snapshot already; PostgreSQL's default (READ
    COMMITTED) takes a new one per statement, so the copy asks for REPEATABLE READ.
    """
    options: dict[str, Any] = (
        {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True} if db.on_server else {}
    )
    try:
        with db.engine.connect() as conn:
            conn.execution_options(**options)
            with conn.begin():
                yield conn
    except DBAPIError as exc:
        raise translate(db.location, exc) from exc


def copy_database_contents(
    source: Database,
    target: Database,
    *,
    replace: bool = False,
    keep: Callable[[Database], Path] | None = None,
) -> CopyResult:
    """Copy every row of `source` into `target` (both open at the current schema).

    When `replace` lets a target that holds data be emptied, `keep(target)` runs first and
    returns where those contents were kept (see `keep_before_copy`). Raises StoreError.
    """
    if same_database(source.location, target.location):
        raise SameDatabaseError(target.location)
    with snapshot(source) as reader:
        expected = summarize(reader)
        kept: Path | None = None
        with writing(target) as session:
            conn = session.connection()
            held = summarize(conn)
            if not held.empty:
                if not replace:
                    raise TargetNotEmptyError(target.location, held)
                if keep is not None:
                    kept = keep(target)
                for table in reversed(TABLES):
                    conn.execute(delete(table))
            for table in TABLES:
                _copy_table(reader, conn, table, target)
            _check(target.location, expected, summarize(conn))
    return CopyResult(expected, kept)


def _copy_table(reader: Connection, writer: Connection, table: Table, target: Database) -> None:
    # SQLModel's AutoString wraps String: the length is read from whichever it is.
    lengths = {c.name: getattr(c.type, "length", None) for c in table.columns}
    limits = {name: n for name, n in lengths.items() if target.on_server and isinstance(n, int)}
    rows = reader.execute(select(table).order_by(*table.primary_key.columns))
    while batch := rows.fetchmany(BATCH):
        values = [dict(row._mapping) for row in batch]
        for value in values:  # SQLite does not enforce a VARCHAR's length; PostgreSQL does
            for column, limit in limits.items():
                text = value[column]
                if isinstance(text, str) and len(text) > limit:
                    key = value.get("id", value.get("key"))
                    raise ValueTooLongError(target.location, table.name, column, key, limit)
        writer.execute(insert(table), values)


def _check(target: Location, expected: Summary, found: Summary) -> None:
    for name, count in expected.counts.items():
        if found.counts.get(name) != count:
            raise CopyMismatchError(target, f"rows in {name}", count, found.counts.get(name, 0))
    for name, total in expected.totals.items():
        if found.totals.get(name) != total:
            raise CopyMismatchError(target, name, total, found.totals.get(name, 0))


def keep_before_copy(target: Database, now: datetime) -> Path:
    """Keep what a replaced target holds: a file as a copy in its backups folder, a server
    database as a JSON export (for `studytui import`) in studytui's own data folder.

    `now` is local wall-clock time, as in every backup's name.
    """
    from studytui.db.file_copy import (
        copy_database,
        free_name,
        make_private_folder,
        timestamped_name,
    )
    from studytui.paths import backup_dir, default_data_dir

    # Under a free name: two copies within one second never replace each other.
    if isinstance(target.location, Path):
        folder = backup_dir(target.location)
        return copy_database(
            target.location, free_name(folder, timestamped_name("before-copy", now))
        )
    from studytui.db.engine import reading
    from studytui.db.export import export_document
    from studytui.db.files import write_output
    from studytui.domain.export_format import document_to_json

    folder = default_data_dir() / "backups"
    make_private_folder(folder)
    name = timestamped_name("before-copy", now).removesuffix(".db") + ".json"
    with reading(target) as session:
        document = export_document(session, exported_at=now.astimezone(UTC))
    return write_output(
        free_name(folder, name), document_to_json(document), database=target.location
    )
