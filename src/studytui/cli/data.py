"""`studytui export`, `import`, `backup` and `restore`: taking your data anywhere, safely."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studytui.actions import data
from studytui.cli.context import db_location, open_store
from studytui.cli.output import fail
from studytui.clock import now
from studytui.paths import resolve_location


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output).expanduser() if args.output else None
    if out is not None:  # refused before the database is even opened
        data.check_output(out, database=resolve_location(getattr(args, "db", None)))
    moment = now()
    db = open_store(args, moment)
    if out is not None:
        data.export_to_file(db, out, as_csv=args.csv, now=moment)
        what = "log entries as CSV" if args.csv else "all your data as JSON"
        print(f"Exported {what} to {out}.")
    else:
        sys.stdout.write(data.export_text(db, as_csv=args.csv, now=moment))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if args.tracker is not None:
        return _import_tracker(args)
    if args.area is not None:
        return fail("--area applies to the time of another tracker: add --from TRACKER")
    from studytui.actions.database import open_database

    source = Path(args.file).expanduser()
    data.check_import_file(source)  # a broken file is refused before the database is opened
    # Not open_store: an import into a new database must not first seed a roadmap, or the
    # imported areas would duplicate the seeded ones.
    db = open_database(db_location(args))
    try:
        result = data.import_file(db, source, now=now())
    finally:
        db.dispose()
    print(f"Imported {source}: {result.summary()}.")
    return 0


def _import_tracker(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    data.check_tracker_file(source, tracker=args.tracker)
    # open_store: the time needs study areas to go to, so a new database starts its roadmap.
    moment = now()
    db = open_store(args, moment)
    try:
        result = data.import_tracker(
            db, source, tracker=args.tracker, default_area=args.area, now=moment
        )
    finally:
        db.dispose()
    print(f"Imported {result.tracker} time from {source}: {result.summary()}.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    folder = Path(args.dir).expanduser() if args.dir else None
    path = db_location(args)
    made = data.backup(path, folder, now=now())
    print(f"Backed up {path} to {made}.")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from studytui.paths import resolve_location

    source = db_location(args)
    target = resolve_location(args.target)
    done = data.copy_record(source, target, replace=args.replace, now=now())
    print(f"Copied {source} to {target}: {done.summary.describe()}, checked.")
    if done.kept is not None:
        print(f"What {target} held before was kept as {done.kept}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = db_location(args)
    source = Path(args.file).expanduser()
    kept = data.restore(path, source, now=now())
    print(f"Restored {path} from {source}.")
    if kept is not None:
        print(f"The database it replaced was kept as {kept}.")
    return 0
