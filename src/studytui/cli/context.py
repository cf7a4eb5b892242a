"""What every quick command needs: the open database and today's study day."""

from __future__ import annotations

import argparse
from datetime import date

from studytui.clock import now_local
from studytui.db.engine import Database, reading, writing
from studytui.db.schema import open_database
from studytui.db.seed import apply_template, is_seeded
from studytui.domain.days import study_day
from studytui.domain.settings import Settings
from studytui.paths import resolve_db_path

FIRST_RUN_TEMPLATE = "software"


def open_store(args: argparse.Namespace) -> Database:
    """Open the database; a first run from the shell quietly starts the software roadmap."""
    db = open_database(resolve_db_path(getattr(args, "db", None)))
    with reading(db) as session:
        seeded = is_seeded(session)
    if not seeded:
        from studytui.content import load_template

        template = load_template(FIRST_RUN_TEMPLATE)
        with writing(db) as session:
            if not is_seeded(session):  # another process may have seeded it meanwhile
                apply_template(session, template)
    return db


def today_for(settings: Settings) -> date:
    return study_day(now_local(), settings.day_starts_at)
