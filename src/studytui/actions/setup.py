"""Starting out: the roadmap a new database begins with, and the first goals."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from studytui.actions.context import reading, writing
from studytui.db import setting_rows
from studytui.db.engine import Database
from studytui.db.reads import is_seeded
from studytui.db.seed import apply_template

# A first run from the shell (no welcome screen) starts the software-development roadmap.
FIRST_RUN_TEMPLATE = "software"


def is_set_up(db: Database, *, now: datetime) -> bool:
    with reading(db, now) as tx:
        return is_seeded(tx.sql)


def set_up(
    db: Database, *, template: str, goals: Mapping[str, str] | None = None, now: datetime
) -> bool:
    """Apply `template` unless the database is set up already (another process may have done
    it meanwhile), then store `goals` (setting key -> text as typed). True if it applied."""
    from studytui.builtin_content import load_template

    with writing(db, now) as tx:
        applied = not is_seeded(tx.sql)
        if applied:
            apply_template(tx.session, load_template(template))
        for key, text in (goals or {}).items():
            setting_rows.set_setting(tx.session, key, text, today=tx.today)
        return applied


def ensure_set_up(db: Database, *, now: datetime) -> None:
    """The shell's first run: quietly start the default roadmap with default goals."""
    if not is_set_up(db, now=now):
        set_up(db, template=FIRST_RUN_TEMPLATE, now=now)
