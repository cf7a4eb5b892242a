"""What every quick command needs: the open database and today's study day."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.clock import now_local
from studytui.domain.days import study_day
from studytui.paths import resolve_db_path

if TYPE_CHECKING:  # `status` mostly answers without SQLAlchemy: it is imported on use
    from studytui.db.engine import Database
    from studytui.domain.settings import Settings

FIRST_RUN_TEMPLATE = "software"


def open_store(args: argparse.Namespace) -> Database:
    """Open the database; a first run from the shell quietly starts the software roadmap."""
    from studytui.db.engine import reading, writing
    from studytui.db.schema import open_database
    from studytui.db.seed import apply_template, is_seeded

    path = resolve_db_path(getattr(args, "db", None))
    db = open_database(path)
    daily_backup(path)
    with reading(db) as session:
        seeded = is_seeded(session)
    if not seeded:
        from studytui.content import load_template

        template = load_template(FIRST_RUN_TEMPLATE)
        with writing(db) as session:
            if not is_seeded(session):  # another process may have seeded it meanwhile
                apply_template(session, template)
    return db


def daily_backup(path: Path) -> None:
    """Keep today's rolling copy. Checking costs one stat; the copy happens once a day. A
    failed copy is reported but does not stop the command: the data itself is fine. What a
    killed copy left behind is removed first (one listing of the backup folder)."""
    from studytui.db.backup import daily_backup_due, tidy_leftovers

    tidy_leftovers(path)
    today = now_local().date()
    if not daily_backup_due(path, today):
        return
    from studytui.db.backups import rolling_backup
    from studytui.db.errors import StoreError

    try:
        rolling_backup(path, today=today)
    except StoreError as exc:
        print(f"studytui: warning: the daily backup failed: {exc}", file=sys.stderr)


def today_for(settings: Settings) -> date:
    return study_day(now_local(), settings.day_starts_at)
