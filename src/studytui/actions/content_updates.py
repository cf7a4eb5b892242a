"""What a newer studytui's content brought to the database (`db.content_sync` brings it when the
database is opened): told once on the dashboard, listed by `studytui whats-new` any time, and the
new milestones marked on the Roadmap until the user has seen them there."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from studytui.actions.context import Tx, writing
from studytui.db import content_sync
from studytui.db.engine import Database
from studytui.domain.content_update import ContentNews

__all__ = ["ContentNews", "mark_told", "milestones_seen", "news_to_tell", "whats_new"]


def whats_new(db: Database, *, now: datetime) -> tuple[ContentNews, ...]:
    """Everything content updates brought, newest first. Listing it tells the user, so the
    dashboard does not say it again."""
    with writing(db, now) as tx:
        news = content_sync.content_news(tx.session)
        if any(not item.announced for item in news):
            content_sync.mark_announced(tx.session)
        return news


def news_to_tell(tx: Tx) -> tuple[str, ...]:
    """The lines of the updates the user has not been told about yet, oldest first: read with
    the dashboard, which shows them once and then calls `mark_told`."""
    pending = [item for item in content_sync.content_news(tx.session) if not item.announced]
    return tuple(line for item in reversed(pending) for line in item.lines)


def mark_told(db: Database, *, now: datetime) -> None:
    with writing(db, now) as tx:
        content_sync.mark_announced(tx.session)


def milestones_seen(db: Database, milestone_ids: Sequence[str], *, now: datetime) -> None:
    """The Roadmap showed these new milestones: from its next showing on, they are not new."""
    with writing(db, now) as tx:
        content_sync.mark_milestones_seen(tx.session, milestone_ids)
