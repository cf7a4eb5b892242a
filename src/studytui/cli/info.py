"""`studytui where`."""

from __future__ import annotations

import argparse

from studytui.actions.database import schema_revision
from studytui.cli.context import db_path
from studytui.paths import backup_dir


def cmd_where(args: argparse.Namespace) -> int:
    path = db_path(args)
    print(f"database: {path}")
    print(f"backups:  {backup_dir(path)}")
    revision = schema_revision(path)
    print(f"schema:   {revision or '(no database yet; it is created on first use)'}")
    return 0
