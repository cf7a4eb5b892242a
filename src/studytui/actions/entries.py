"""Entries from the shell: list them, change or delete one by its id, and undo the last change.

An entry is named by its id or any unique start of it (`studytui entries` shows the first
eight characters). The shell's last edit or delete is kept in a small file of this machine's
(see `paths.state_dir`), so `studytui undo` can put the entry back as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from studytui.actions.context import Tx, reading, writing
from studytui.db import entries as store
from studytui.db import lookup
from studytui.db.engine import Database
from studytui.db.entries import EntryRow, entry_record
from studytui.db.entry_checks import check_restorable
from studytui.db.errors import WriteFailedError, os_error_detail
from studytui.domain.days import parse_day, parse_period
from studytui.domain.durations import format_minutes, parse_duration
from studytui.domain.entries import EntryDraft, draft_of
from studytui.domain.errors import UndoBlocked, ValidationError
from studytui.domain.export_format import entry_from_plain, entry_to_plain
from studytui.domain.export_records import EntryRecord
from studytui.paths import state_dir

__all__ = ["EntryRow"]

SHORT_ID = 8
AGAIN = "run `studytui undo` again"
_LISTED = 5


@dataclass(frozen=True)
class EntryList:
    first: date
    last: date
    rows: tuple[EntryRow, ...]


@dataclass(frozen=True)
class EntryChange:
    """`studytui edit`: what to change, as typed; None keeps the field, and an empty
    milestone, certificate or activity removes that link."""

    duration: str | None = None
    day: str | None = None
    area: str | None = None
    milestone: str | None = None
    certificate: str | None = None
    activity: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Changed:
    before: EntryRow | None  # None when an undo brought a deleted entry back
    after: EntryRow | None  # None when the entry was deleted


def short_id(entry_id: str) -> str:
    return entry_id[:SHORT_ID]


def describe(row: EntryRow) -> str:
    """`1a2b3c4d 2026-03-11 45m Machine learning`: how the shell names an entry."""
    return f"{short_id(row.id)} {row.day.isoformat()} {format_minutes(row.minutes)} {row.area}"


def list_entries(
    db: Database,
    *,
    since: str | None = None,
    until: str | None = None,
    area: str | None = None,
    now: datetime,
) -> EntryList:
    """From `since` (default: the start of this week) to `until` (default: today)."""
    with reading(db, now) as tx:
        first, last = parse_period(since, until, tx.today, tx.settings.week_starts_on)
        area_id = lookup.find_area(tx.session, area).id if area is not None else None
        rows = store.entries_between(tx.session, first, last, area_id=area_id)
        return EntryList(first, last, tuple(rows))


def find_entry(tx: Tx, prefix: str) -> EntryRow:
    """The one entry whose id starts with `prefix`; else a ValidationError listing them."""
    wanted = prefix.strip().lower()
    if not wanted:
        raise ValidationError("give an entry's id, as `studytui entries` shows it")
    found = store.entries_with_id_prefix(tx.session, wanted, limit=_LISTED + 1)
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError(f'no entry has an id starting "{wanted}"; see `studytui entries`')
    shown = "; ".join(describe(row) for row in found[:_LISTED])
    more = " and more" if len(found) > _LISTED else ""
    raise ValidationError(f'"{wanted}" starts several entries\' ids: {shown}{more}')


def _row(tx: Tx, entry_id: str) -> EntryRow:
    (row,) = store.entries_with_id_prefix(tx.session, entry_id, limit=1)
    return row


def edit_entry(db: Database, prefix: str, change: EntryChange, *, now: datetime) -> Changed:
    """Change the given fields of one entry, by the rules of a new one; the entry as it was
    is kept for `undo`."""
    with writing(db, now) as tx:
        before = find_entry(tx, prefix)
        draft = replace(draft_of(before), entry_id=before.id)
        draft = _changed(tx, draft, change)
        store.update_entry(tx.session, before.id, draft, today=tx.today)
        tx.session.flush()
        after = _row(tx, before.id)
        _keep_for_undo(undo_file_for(db), "edit", entry_record(before))
        return Changed(before, after)


def _changed(tx: Tx, draft: EntryDraft, change: EntryChange) -> EntryDraft:
    session = tx.session
    updates: dict[str, object] = {}
    if change.duration is not None:
        updates["minutes"] = parse_duration(change.duration)
    if change.day is not None:
        updates["day"] = parse_day(change.day, tx.today)
    if change.area is not None:
        updates["area_id"] = lookup.find_area(session, change.area).id
    for field, given, find in (
        ("milestone_id", change.milestone, lookup.find_milestone),
        ("certificate_id", change.certificate, lookup.find_certificate),
        ("activity_id", change.activity, lookup.find_activity),
    ):
        if given is not None:
            updates[field] = find(session, given).id if given.strip() else None
    if change.note is not None:
        updates["note"] = change.note
    if not updates:
        raise ValidationError(
            "nothing to change: give --duration, --date, --area, --milestone, --cert, "
            "--activity or --note"
        )
    return replace(draft, **updates)  # type: ignore[arg-type]


def delete_entry(db: Database, prefix: str, *, now: datetime) -> EntryRow:
    """Delete one entry; `undo` brings it back with its id and creation time."""
    with writing(db, now) as tx:
        row = find_entry(tx, prefix)
        record = store.delete_entry(tx.session, row.id)
        _keep_for_undo(undo_file_for(db), "delete", record)
        return row


def undo(db: Database, *, now: datetime) -> tuple[str, Changed]:
    """Undo the shell's last edit or delete: ("edit" | "delete", what changed)."""
    undo_file = undo_file_for(db)
    kind, record = _read_undo(undo_file)
    try:
        with writing(db, now) as tx:
            if kind == "delete":
                store.restore_entry(tx.session, record)
                tx.session.flush()
                result = Changed(None, _row(tx, record.id))
            else:
                before = find_entry(tx, record.id)
                draft = draft_of(record)
                check_restorable(tx.sql, draft, excluding=record.id)
                # Valid then, so refused now only if the day filled up or a link went since.
                today = max(tx.today, record.day)
                store.update_entry(tx.session, record.id, draft, today=today)
                tx.session.flush()
                result = Changed(before, _row(tx, record.id))
    except UndoBlocked as exc:
        # The file stays: once the user clears the cause, the same undo works.
        raise exc.worded(AGAIN) from None
    with contextlib.suppress(FileNotFoundError):
        undo_file.unlink()
    return kind, result


def undo_file_for(db: Database) -> Path:
    """The file that keeps the shell's last change to `db` on this machine."""
    location = db.location
    key = str(location.resolve()) if isinstance(location, Path) else str(location)
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return state_dir() / f"undo-{digest}.json"


def _keep_for_undo(path: Path, kind: str, record: EntryRecord) -> None:
    """Written before the change commits: if this fails, the change is not made either. The
    file holds a note, so only its owner may read it."""
    partial = path.with_name(path.name + ".partial")
    text = json.dumps({"kind": kind, "entry": entry_to_plain(record)}, ensure_ascii=False)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(partial, path)
    except OSError as exc:
        raise WriteFailedError(path, os_error_detail(exc)) from exc


def _read_undo(path: Path) -> tuple[str, EntryRecord]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(
            "nothing to undo: `studytui undo` undoes the last `edit` or `delete` made from "
            "the shell"
        ) from None
    except (OSError, ValueError) as exc:
        raise ValidationError(f"cannot read what to undo from {path}: {exc}") from None
    kind = raw.get("kind") if isinstance(raw, dict) else None
    if kind not in ("edit", "delete"):
        raise ValidationError(f"cannot read what to undo from {path}: unknown change")
    return kind, entry_from_plain(raw.get("entry"), where=str(path))
