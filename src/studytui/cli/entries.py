"""`studytui entries`, `edit`, `delete` and `undo`: fixing the log from the shell."""

from __future__ import annotations

import argparse
import json

from studytui.actions import entries
from studytui.actions.entries import EntryChange, EntryRow, describe, short_id
from studytui.cli.context import open_store
from studytui.clock import now
from studytui.domain.durations import format_minutes

UNDO_HINT = "Undo with `studytui undo`."


def cmd_entries(args: argparse.Namespace) -> int:
    moment = now()
    found = entries.list_entries(
        open_store(args, moment), since=args.since, until=args.until, area=args.area, now=moment
    )
    if args.json:
        print(json.dumps([entry_data(row) for row in found.rows], indent=2, ensure_ascii=False))
        return 0
    if not found.rows:
        print(f"No entries from {found.first} to {found.last}.")
        return 0
    for row in found.rows:
        towards = " · ".join(n for n in (row.milestone, row.certificate, row.activity) if n)
        note = row.note.splitlines()[0] if row.note else ""
        parts = [describe(row), f"({towards})" if towards else "", note]
        print("  ".join(part for part in parts if part))
    return 0


def entry_data(row: EntryRow) -> dict[str, object]:
    """One object of `entries --json`; its keys are a public interface."""
    return {
        "id": row.id,
        "day": row.day.isoformat(),
        "minutes": row.minutes,
        "area": row.area,
        "milestone": row.milestone,
        "certificate": row.certificate,
        "activity": row.activity,
        "note": row.note,
    }


def _what(row: EntryRow) -> str:
    return f"{format_minutes(row.minutes)} of {row.area} on {row.day.isoformat()}"


def cmd_edit(args: argparse.Namespace) -> int:
    moment = now()
    change = EntryChange(
        duration=args.duration,
        day=args.date,
        area=args.area,
        milestone=args.milestone,
        certificate=args.cert,
        activity=args.activity,
        note=args.note,
    )
    done = entries.edit_entry(open_store(args, moment), args.id, change, now=moment)
    assert done.before is not None and done.after is not None
    print(
        f"Changed {short_id(done.after.id)}: now {_what(done.after)} "
        f"(was {_what(done.before)}). {UNDO_HINT}"
    )
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    moment = now()
    row = entries.delete_entry(open_store(args, moment), args.id, now=moment)
    print(f"Deleted {short_id(row.id)}: {_what(row)}. {UNDO_HINT}")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    moment = now()
    kind, done = entries.undo(open_store(args, moment), now=moment)
    assert done.after is not None
    if kind == "delete":
        print(f"Undid the delete: {short_id(done.after.id)}, {_what(done.after)}, is back.")
    else:
        print(f"Undid the edit of {short_id(done.after.id)}: back to {_what(done.after)}.")
    return 0
