"""What every command that opens the database does first."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.paths import resolve_db_path

if TYPE_CHECKING:  # `status` mostly answers without SQLAlchemy: it is imported on use
    from studytui.actions.database import Database


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None))


def open_store(args: argparse.Namespace, now: datetime) -> Database:
    """Open the database and keep today's backup; a first run from the shell quietly starts
    the software roadmap."""
    from studytui.actions.database import open_database
    from studytui.actions.setup import ensure_set_up

    path = db_path(args)
    db = open_database(path)
    daily_backup(path, now)
    ensure_set_up(db, now=now)
    return db


def daily_backup(path: Path, now: datetime) -> None:
    from studytui.actions.database import keep_daily_backup

    warning = keep_daily_backup(path, now=now)
    if warning is not None:
        print(f"studytui: warning: {warning}", file=sys.stderr)
