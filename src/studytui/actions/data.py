"""Taking your data anywhere, safely: export, import, backup and restore."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from studytui.actions.context import reading, writing
from studytui.actions.study_day import today_at
from studytui.db import export as exporting
from studytui.db import files, importer
from studytui.db.choices import area_choices
from studytui.db.engine import Database
from studytui.db.errors import SqliteOnlyError, StoreError
from studytui.db.file_copy import copy_before_import
from studytui.db.importer import ImportResult
from studytui.db.location import Location
from studytui.db.transfer import CopyResult
from studytui.domain.export_format import document_to_json
from studytui.domain.export_records import MAX_FILE_BYTES, EntryRecord
from studytui.domain.matching import match_one
from studytui.domain.settings import Settings
from studytui.domain.timer import timer_minutes
from studytui.domain.trackers import (
    TRACKERS,
    TrackedSpan,
    assign_areas,
    entry_id,
    read_tracker_file,
    tracked_note,
)

__all__ = ["TRACKERS", "ImportResult", "TrackerImport"]


@dataclass(frozen=True)
class TrackerImport:
    """What `import_tracker` did with a file of another tracker."""

    tracker: str  # its name for people: "Watson"
    spans: int  # everything in the file
    added: int
    already_present: int  # imported before: skipped
    running: int  # still being tracked, with no end yet: skipped
    too_short: int  # under half a minute, which the timer would not log either: skipped

    def summary(self) -> str:
        parts = [f"added {self.added} log entr{'y' if self.added == 1 else 'ies'}"]
        for count, why in (
            (self.already_present, "already imported"),
            (self.too_short, "under half a minute"),
            (self.running, "still running"),
        ):
            if count:
                parts.append(f"{count} {why}, skipped")
        return "; ".join(parts)


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
    _keep_before_import(db, now)
    with writing(db, now) as tx:
        return importer.apply_document(tx.session, document, today=tx.today, now=tx.now_utc)


def check_tracker_file(path: Path, *, tracker: str) -> None:
    """Refuse a broken file of another tracker before anything is opened."""
    _read_spans(path, tracker)


def _read_spans(path: Path, tracker: str) -> list[TrackedSpan]:
    label = TRACKERS.get(tracker, tracker)
    data = files.read_input(path, max_bytes=MAX_FILE_BYTES, what=f"the {label} file")
    return read_tracker_file(tracker, data, file=str(path))


def import_tracker(
    db: Database, path: Path, *, tracker: str, default_area: str | None = None, now: datetime
) -> TrackerImport:
    """Add the time tracked in a Watson, Timewarrior or Toggl Track file, all or nothing.

    Each span's project and tags pick its study area by the rule `--area` follows; spans none
    of whose names match go to `default_area`, or, without one, refuse the import naming them.
    A span becomes an entry on the study day it started, in whole minutes rounded as the timer
    rounds; under half a minute is skipped, as the timer logs nothing for it. Every entry passes
    the rules of one logged by hand, counting what its day holds. The database is copied to its
    backup folder before anything is written; importing the same file again adds nothing.
    """
    spans = _read_spans(path, tracker)
    finished = [s for s in spans if s.end is not None]
    loggable = [s for s in finished if timer_minutes(s.seconds) > 0]
    with writing(db, now) as tx:
        choices = area_choices(tx.sql)
        fallback = (
            match_one(default_area, choices, "study area") if default_area is not None else None
        )
        areas = assign_areas(loggable, choices, fallback, file=str(path))
        records = [
            _entry(tracker, span, area, tx.settings)
            for span, area in zip(loggable, areas, strict=True)
        ]
        where = {
            r.id: f"{path}: {s.where} ({r.day})" for r, s in zip(records, loggable, strict=True)
        }
        added, present = importer.add_log_entries(
            tx.session,
            records,
            today=tx.today,
            label=lambda e: where[e.id],
            # Inside the write transaction, so the copy is exactly what the import starts
            # from; and only when there is something to add.
            before_first=lambda: _keep_before_import(db, now),
        )
    return TrackerImport(
        tracker=TRACKERS[tracker],
        spans=len(spans),
        added=added,
        already_present=present,
        running=len(spans) - len(finished),
        too_short=len(finished) - len(loggable),
    )


def _entry(tracker: str, span: TrackedSpan, area_id: str, settings: Settings) -> EntryRecord:
    assert span.end is not None
    return EntryRecord(
        id=entry_id(tracker, span.key),
        day=today_at(span.start.astimezone(), settings),
        minutes=timer_minutes(span.seconds),
        area_id=area_id,
        milestone_id=None,
        certificate_id=None,
        activity_id=None,
        note=tracked_note(span),
        created_at=span.end.astimezone(UTC),
    )


def copy_record(
    source: Location, target: Location, *, replace: bool = False, now: datetime
) -> CopyResult:
    """Copy the whole study record at `source` into `target`, either engine to either, and
    check it (see `db.transfer`). The source must exist: a mistyped path is not a new, empty
    record to copy. The target is created or set up if need be, never seeded."""
    from studytui.actions.database import open_database
    from studytui.db.transfer import copy_database_contents, keep_before_copy

    if isinstance(source, Path) and not source.is_file():
        raise StoreError(f"{source} does not exist; name the database to copy with --db")
    source_db = open_database(source)
    try:
        target_db = open_database(target)
        try:
            return copy_database_contents(
                source_db,
                target_db,
                replace=replace,
                keep=lambda db: keep_before_copy(db, now.replace(tzinfo=None)),
            )
        finally:
            target_db.dispose()
    finally:
        source_db.dispose()


def _keep_before_import(db: Database, now: datetime) -> None:
    # A file is copied first. On a server the import is one transaction of added records;
    # the server's own backups (pg_dump) are what keeps its earlier state.
    if isinstance(db.location, Path):
        copy_before_import(db.location, now)


SERVER_RESTORE_ADVICE = (
    "restore a server database with pg_restore, or copy a file onto it with "
    "`studytui --db FILE copy --to URL --replace`"
)


def backup(location: Location, folder: Path | None = None, *, now: datetime) -> Path:
    from studytui.db.backups import make_backup

    if not isinstance(location, Path):
        name = location.dbname or "DBNAME"
        advice = f"back a server database up with pg_dump (`pg_dump -Fc {name} > {name}.dump`)"
        raise SqliteOnlyError(location, "studytui backup", advice)
    return make_backup(location, folder, now=now)


def restore(location: Location, source: Path, *, now: datetime) -> Path | None:
    """Replace the database with a checked copy of `source`; returns where the replaced one
    was kept."""
    from studytui.db.backups import restore_database

    if not isinstance(location, Path):
        raise SqliteOnlyError(location, "studytui restore", SERVER_RESTORE_ADVICE)
    return restore_database(location, source, now=now)


def backup_database(db: Database, *, now: datetime) -> Path:
    """Back up the open database into its backup folder (the app's `b`)."""
    return backup(db.location, now=now)
