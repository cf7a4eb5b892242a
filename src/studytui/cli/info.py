"""`studytui where`."""

from __future__ import annotations

import argparse
from pathlib import Path

from studytui.actions.database import schema_revision
from studytui.cli.context import db_location
from studytui.paths import backup_dir


def cmd_where(args: argparse.Namespace) -> int:
    location = db_location(args)  # a server URL prints with its password masked
    print(f"database: {location}")
    if isinstance(location, Path):
        print(f"backups:  {backup_dir(location)}")
        missing = "(no database yet; it is created on first use)"
    else:
        print("backups:  the server's (pg_dump); studytui keeps none of a server database")
        missing = "(not set up yet; studytui sets it up on first use)"
    revision = schema_revision(location)
    print(f"schema:   {revision or missing}")
    return 0
