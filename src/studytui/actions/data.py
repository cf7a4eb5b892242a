"""Taking your data anywhere, safely: export, import, backup and restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from studytui.actions.context import reading, writing
from studytui.db import export as exporting
from studytui.db import files, importer
from studytui.db.engine import Database
from studytui.db.file_copy import copy_before_import
from studytui.db.importer import ImportResult
from studytui.db.location import Location
from studytui.domain.export_format import document_to_json


def export_text(db: Database, *, as_csv: bool, now: datetime) -> str:
    """Everything as one JSON document, or the log entries as CSV."""
    with reading(db, now) as tx:
        if as_csv:
            return exporting.export_csv(tx.session)
        document = exporting.export_document(tx.session, exported_at=tx.now_utc)
    return document_to_json(document)


def check_output(path: Path, *, database: Location) -> None:
    """Refuse, before any work, a file no output may replace: the database, its backups, a
    device or a folder (see `db.files`)."""
    files.check_output(path, database=database)


def export_to_file(db: Database, path: Path, *, as_csv: bool, now: datetime) -> Path:
    """Through the one output writer: whole or not at all, never over the database."""
    files.check_output(path, database=db.location)
    return files.write_output(path, export_text(db, as_csv=as_csv, now=now), database=db.location)


def check_import_file(path: Path) -> None:
    """Refuse a broken file before anything is opened; a ValidationError names the problem."""
    importer.read_export_file(path)


def import_file(db: Database, path: Path, *, now: datetime) -> ImportResult:
    """Check `path` whole, keep a copy of the database, then add the file's records in one
    transaction, each checked by the rules typed ones pass: all of it or none of it."""
    document = importer.read_export_file(path)
    copy_before_import(db.path, now)
    with writing(db, now) as tx:
        return importer.apply_document(tx.session, document, today=tx.today)


def backup(db_path: Path, folder: Path | None = None, *, now: datetime) -> Path:
    from studytui.db.backups import make_backup

    return make_backup(db_path, folder, now=now)


def restore(db_path: Path, source: Path, *, now: datetime) -> Path | None:
    """Replace the database with a checked copy of `source`; returns where the replaced one
    was kept."""
    from studytui.db.backups import restore_database

    return restore_database(db_path, source, now=now)


def backup_database(db: Database, *, now: datetime) -> Path:
    """Back up the open database into its backup folder (the app's `b`)."""
    return backup(db.path, now=now)
