"""The roadmap: what to work on next, and the pace."""

from __future__ import annotations

from datetime import datetime

from studytui.actions.context import reading
from studytui.db.engine import Database
from studytui.db.roadmap_view import NextUp, next_up_in

__all__ = ["NextUp"]


def next_up(db: Database, *, now: datetime, limit: int | None = None) -> NextUp:
    with reading(db, now) as tx:
        return next_up_in(tx.sql, today=tx.today, target_date=tx.settings.target_date, limit=limit)
