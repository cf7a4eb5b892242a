"""The learning journal: week by week, as Markdown, for `studytui journal` and the Roadmap."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from studytui.actions.context import reading
from studytui.db.engine import Database
from studytui.db.journal import journal_markdown
from studytui.domain.days import parse_day


def journal(
    db: Database, *, since: str | None = None, until: str | None = None, now: datetime
) -> str:
    """From `since` (default: the first entry) to `until` (default: today), days as typed."""
    with reading(db, now) as tx:
        last = parse_day(until, tx.today) if until is not None else tx.today
        first = parse_day(since, tx.today) if since is not None else None
        return journal_markdown(
            tx.session, since=first, until=last, week_starts_on=tx.settings.week_starts_on
        )


def export_journal(
    db: Database,
    path: Path,
    *,
    since: str | None = None,
    until: str | None = None,
    now: datetime,
) -> Path:
    """Write the journal to `path` through the one output writer (whole or not at all, never
    over the database or its backups); `studytui journal -o` and the Roadmap's `j`."""
    from studytui.db.files import check_output, write_output

    check_output(path, database=db.location)  # before the journal is put together
    return write_output(path, journal(db, since=since, until=until, now=now), database=db.location)
