"""`studytui export`, `import`, `backup` and `restore`: taking your data anywhere, safely."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studytui.clock import now_local, now_utc
from studytui.paths import resolve_db_path, resolve_location


def cmd_export(args: argparse.Namespace) -> int:
    from studytui.cli.context import open_store
    from studytui.db.export import export_text
    from studytui.db.files import check_output, write_output

    out = Path(args.output).expanduser() if args.output else None
    if out is not None:  # refused before the database is even opened
        check_output(out, database=resolve_location(getattr(args, "db", None)))
    db = open_store(args)
    text = export_text(db, as_csv=args.csv, exported_at=now_utc())
    if out is not None:
        write_output(out, text, database=db.location)
        what = "log entries as CSV" if args.csv else "all your data as JSON"
        print(f"Exported {what} to {out}.")
    else:
        sys.stdout.write(text)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from studytui.db.importer import import_file, read_export_file
    from studytui.db.schema import open_database

    source = Path(args.file).expanduser()
    read_export_file(source)  # a broken file is refused before the database is even opened
    # Not open_store: an import into a new database must not first seed a roadmap, or the
    # imported areas would duplicate the seeded ones.
    db = open_database(resolve_db_path(getattr(args, "db", None)))
    try:
        result = import_file(db, source, now=now_local())
    finally:
        db.dispose()
    print(f"Imported {source}: {result.summary()}.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from studytui.db.backups import make_backup

    path = resolve_db_path(getattr(args, "db", None))
    folder = Path(args.dir).expanduser() if args.dir else None
    made = make_backup(path, folder, now=now_local())
    print(f"Backed up {path} to {made}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from studytui.db.backups import restore_database

    path = resolve_db_path(getattr(args, "db", None))
    source = Path(args.file).expanduser()
    kept = restore_database(path, source, now=now_local())
    print(f"Restored {path} from {source}.")
    if kept is not None:
        print(f"The database it replaced was kept as {kept}.")
    return 0
