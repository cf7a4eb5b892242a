"""`studytui where`."""

from __future__ import annotations

import argparse

from studytui.db.engine import reading
from studytui.db.schema import open_database, stored_revision
from studytui.paths import backup_dir, resolve_db_path


def cmd_where(args: argparse.Namespace) -> int:
    path = resolve_db_path(getattr(args, "db", None))
    print(f"database: {path}")
    print(f"backups:  {backup_dir(path)}")
    if not path.exists():
        print("schema:   (no database yet; it is created on first use)")
        return 0
    db = open_database(path)
    with reading(db) as session:
        revision = stored_revision(session.connection())
    print(f"schema:   {revision}")
    return 0
