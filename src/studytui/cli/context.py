"""What every command that opens the database does first."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from studytui.paths import resolve_location

if TYPE_CHECKING:  # `status` mostly answers without SQLAlchemy: it is imported on use
    from studytui.actions.database import Database, Location


def db_location(args: argparse.Namespace) -> Location:
    """`--db`, then STUDYTUI_DB, then the default file: a path, or a PostgreSQL URL."""
    return resolve_location(getattr(args, "db", None))


def open_store(args: argparse.Namespace, now: datetime) -> Database:
    """Open the database and keep today's backup; a first run from the shell quietly starts
    the software roadmap."""
    from studytui.actions.database import open_database
    from studytui.actions.setup import ensure_set_up

    location = db_location(args)
    db = open_database(location)
    daily_backup(location, now)
    ensure_set_up(db, now=now)
    return db


def daily_backup(path: Location, now: datetime) -> None:
    from studytui.actions.database import keep_daily_backup

    warning = keep_daily_backup(path, now=now)
    if warning is not None:
        print(f"studytui: warning: {warning}", file=sys.stderr)
